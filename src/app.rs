//! The page shell: skip link, header, the current view and the footer. The URL's query
//! string says which view and indicator are shown, so every view is a link.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;
use outcomes_core::model::Manifest;

use crate::components::load_error::LoadErrorMessage;
use crate::data::load_manifest;
use crate::pages::indicator::IndicatorPage;

/// The indicator shown when the link names none: QOF smoking prevalence.
const DEFAULT_INDICATOR: &str = "91547";

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let manifest = LocalResource::new(load_manifest);
    let query = use_query_map();
    let requested = Memo::new(move |_| query.read().get("indicator"));

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            "Skip to main content"
        </a>
        <header class="site-header">
            <p class="site-name">"Tower Hamlets Together"</p>
            <p class="site-tagline">"Outcomes explorer"</p>
        </header>
        <main id="main" tabindex="-1">
            <h1>"How is Tower Hamlets doing?"</h1>
            <Transition fallback=|| view! { <p class="loading">"Loading the data…"</p> }>
                {move || Suspend::new(async move {
                    match manifest.await {
                        Err(error) => {
                            view! {
                                <LoadErrorMessage error retry=Callback::new(move |_| manifest.refetch()) />
                            }
                                .into_any()
                        }
                        Ok(manifest) => {
                            let manifest = Arc::new(manifest);
                            view! { <CurrentView manifest requested /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </main>
        <footer class="site-footer">
            <p>
                "Figures from public sources, each named with its licence beside its chart. "
                "No cookies, no tracking: this page loads nothing from other sites."
            </p>
        </footer>
    }
}

/// The view the URL asks for, or a plain notice and the default when it names an unknown
/// indicator.
#[component]
fn CurrentView(manifest: Arc<Manifest>, requested: Memo<Option<String>>) -> impl IntoView {
    move || {
        let asked = requested.get();
        let id = asked.as_deref().unwrap_or(DEFAULT_INDICATOR);
        let (indicator, notice) = match manifest.indicator(id) {
            Some(found) => (found.clone(), None),
            None => (
                manifest
                    .indicator(DEFAULT_INDICATOR)
                    .or(manifest.indicators.first())
                    .cloned()?,
                Some(format!(
                    "The link asked for an indicator this site does not have (\"{id}\"), so the \
                     default view is shown instead."
                )),
            ),
        };
        let manifest = manifest.clone();
        Some(view! {
            {notice.map(|n| view! { <p class="notice" role="status" data-testid="url-notice">{n}</p> })}
            <IndicatorPage manifest indicator />
        })
    }
}

/// Moves focus to the main content without changing the URL: with a `<base>` element a bare
/// `#main` link would resolve against the base and drop the query string.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}
