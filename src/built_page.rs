//! One view rendered to HTML on the host, by the components the app runs, for the pages the
//! release build writes (`src/bin/build_pages.rs`). The page is the view's whole frame and
//! content with its figures in place; the app takes it over when it has loaded.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use outcomes_core::model::Manifest;

use crate::app::{provide_localised, CurrentView, Frame};
use crate::components::place_search::ManifestResource;
use crate::data::InHand;
use crate::shards::ShardCache;
use crate::state::UrlState;

/// The body of the page at `file` (a built page's file name beside `index.html`), reading the
/// published files through `read`.
pub fn render(manifest: Arc<Manifest>, file: &str, read: InHand) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&format!("/{file}")));
        provide_context(read);
        view! {
            <Router>
                <BuiltPage manifest />
            </Router>
        }
        .to_html()
    });
    owner.cleanup();
    html
}

/// The shell's frame around the view the address names, with the manifest in hand.
#[component]
fn BuiltPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::provide();
    ShardCache::provide();
    let manifest = provide_localised(&manifest, url.lang());
    // The place search works once the app has taken over; on the host it only renders, and
    // its manifest never arrives.
    let search: ManifestResource = LocalResource::new(std::future::pending);
    view! {
        <Frame url manifest=search>
            <CurrentView manifest url />
        </Frame>
    }
}
