// The view! macros of the largest pages nest deeper than the default limit when rendered to
// HTML on the host.
#![recursion_limit = "256"]
//! The Tower Hamlets outcomes explorer: a Leptos single page that reads the published data in
//! `data/` beside it and draws it with ECharts.

pub mod app;
#[cfg(feature = "ssr")]
pub mod built_document;
#[cfg(feature = "ssr")]
pub mod built_page;
#[cfg(feature = "ssr")]
pub mod built_site;
pub mod components;
pub mod data;
pub mod dataset_text;
pub mod download;
pub mod echarts;
pub mod fonts;
pub mod handover;
pub mod page_title;
pub mod pages;
pub mod panic_notice;
pub mod shards;
pub mod state;
