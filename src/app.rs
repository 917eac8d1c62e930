//! The page shell: skip link, header, navigation, the view the URL asks for, and the footer.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use outcomes_core::model::Manifest;
use outcomes_state::{Lang, View};

use crate::components::load_error::LoadErrorMessage;
use crate::components::share_bar::HEIGHT_MESSAGE;
use crate::components::site_nav::SiteNav;
use crate::components::url_notice::UrlNotice;
use crate::data::load_manifest;
use crate::pages::about::AboutPage;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::challenges::ChallengesPage;
use crate::pages::indicator::IndicatorPage;
use crate::pages::locality::LocalityPage;
use crate::pages::map::MapPage;
use crate::pages::overview::OverviewPage;
use crate::shards::ShardCache;
use crate::state::{href, view_state, UrlState};

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
    let url = UrlState::provide();
    ShardCache::provide();
    let manifest = LocalResource::new(load_manifest);

    // Embed mode (`embed=1`) shows one chart and nothing else, for an iframe on another site.
    let embedded = url.0.with_untracked(|p| p.state.embed);
    if embedded {
        report_height_to_host();
    }
    let content = move || {
        view! {
            <Transition fallback=|| view! { <p class="loading">"Loading the data…"</p> }>
                {move || Suspend::new(async move {
                    match manifest.await {
                        Err(error) => {
                            view! {
                                <h1>"Tower Hamlets outcomes"</h1>
                                <LoadErrorMessage error retry=Callback::new(move |_| manifest.refetch()) />
                            }
                                .into_any()
                        }
                        Ok(manifest) => view! { <CurrentView manifest=Arc::new(manifest) url /> }.into_any(),
                    }
                })}
            </Transition>
        }
    };
    if embedded {
        return view! { <main id="main" class="embedded">{content}</main> }.into_any();
    }
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            "Skip to main content"
        </a>
        <header class="site-header">
            <div class="site-header-inner">
                <p class="site-name">"Tower Hamlets Together"</p>
                <p class="site-tagline">"Outcomes explorer"</p>
            </div>
            <SiteNav />
        </header>
        <main id="main" tabindex="-1">{content}</main>
        <footer class="site-footer">
            <p>
                "Figures from public sources, each named with its licence beside its chart. "
                "No cookies, no tracking: this page loads nothing from other sites. "
                <a href=move || href(&view_state(&url.state(), View::Accessibility))>"Accessibility statement"</a>
            </p>
        </footer>
    }
    .into_any()
}

/// Tells the page that embeds this one how tall it is, whenever that changes, with the
/// message documented in the README (`{type: "tht-outcomes-explorer:height", height}`),
/// so the host can size its iframe. The height is not private, so any host may read it.
fn report_height_to_host() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let measured = root.clone();
    let send = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &measured.scroll_height().into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) =
        web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(send.as_ref()))
    {
        observer.observe(&root);
        // The page is the embed for its whole life, so the observer and its callback are too.
        std::mem::forget(observer);
        send.forget();
    }
}

/// The view the URL asks for, with a notice for any part of the link that could not be
/// used. Only the view switch re-renders here; each page follows the rest of the URL itself.
#[component]
fn CurrentView(manifest: Arc<Manifest>, url: UrlState) -> impl IntoView {
    let view = Memo::new(move |_| url.0.with(|p| p.state.view));
    let link_problems = Signal::derive(move || {
        url.0.with(|p| {
            p.problems
                .iter()
                .map(|p| format!("“{}={}”: {}.", p.key, p.raw, p.reason))
                .collect::<Vec<_>>()
        })
    });
    // `lang=bn` is a valid choice whose interface is not written yet: say so plainly rather
    // than pretend (the accessibility statement lists it as a known issue).
    let bengali = move || url.0.with(|p| p.state.lang == Lang::Bn);
    view! {
        <UrlNotice problems=link_problems />
        {move || bengali().then(|| view! {
            <p class="notice" role="status" data-testid="lang-notice">
                "The Bengali version of this site is being prepared, so for now it is shown in English."
            </p>
        })}
        {move || {
            let manifest = manifest.clone();
            match view.get() {
                View::Indicator => view! { <IndicatorPage manifest /> }.into_any(),
                View::About => view! { <AboutPage manifest /> }.into_any(),
                View::Accessibility => view! { <AccessibilityPage /> }.into_any(),
                View::Locality => view! { <LocalityPage manifest /> }.into_any(),
                View::Challenges => view! { <ChallengesPage manifest /> }.into_any(),
                View::Map => view! { <MapPage manifest /> }.into_any(),
                View::Overview => view! { <OverviewPage manifest /> }.into_any(),
            }
        }}
    }
}

/// Moves focus to the main content without changing the URL: a bare `#main` link would be
/// handled by the router as a navigation.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
            let _ = main.focus();
        }
    }
}
