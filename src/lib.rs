//! The Tower Hamlets outcomes explorer: a Leptos single page that reads the published data in
//! `data/` beside it and draws it with ECharts.

pub mod app;
pub mod components;
pub mod data;
pub mod dataset_text;
pub mod download;
pub mod echarts;
pub mod fonts;
pub mod pages;
pub mod panic_notice;
pub mod shards;
pub mod state;
