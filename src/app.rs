//! The page shell: skip link, header, navigation, the view the URL asks for, and the footer.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use outcomes_core::localise::localise;
use outcomes_core::model::Manifest;
use outcomes_i18n::tr;
use outcomes_state::{Lang, State, View};

use crate::components::load_error::LoadErrorMessage;
use crate::components::place_search::{ManifestResource, PlaceSearch};
use crate::components::share_bar::HEIGHT_MESSAGE;
use crate::components::site_nav::SiteNav;
use crate::data::load_manifest;
use crate::dataset_text::DatasetText;
use crate::pages::about::AboutPage;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::area::AreaPage;
use crate::pages::challenges::ChallengesPage;
use crate::pages::indicator::IndicatorPage;
use crate::pages::indicators::IndicatorsPage;
use crate::pages::locality::LocalityPage;
use crate::pages::map::MapPage;
use crate::pages::overview::OverviewPage;
use crate::shards::ShardCache;
use crate::state::{href, view_state, ResolvedLink, UrlState};

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
    let manifest: ManifestResource =
        LocalResource::new(|| async { load_manifest().await.map(Arc::new) });
    // Every text is worded once, in the language of the URL: the language switch loads the
    // page afresh (see `LanguageSwitch`), so no text needs to follow a change of language.
    let lang = url.lang();
    mark_document_language(lang);

    // Embed mode (`embed=1`) shows one chart and nothing else, for an iframe on another site.
    let embedded = url.0.with_untracked(|p| p.state.embed);
    if embedded {
        report_height_to_host();
    }
    let content = move || {
        view! {
            <Transition fallback=move || view! { <p class="loading">{tr!(lang, "shell.loading")}</p> }>
                {move || Suspend::new(async move {
                    match manifest.await {
                        Err(error) => {
                            view! {
                                <h1>{tr!(lang, "shell.error_heading")}</h1>
                                <LoadErrorMessage error retry=Callback::new(move |_| manifest.refetch()) />
                            }
                                .into_any()
                        }
                        Ok(manifest) => {
                            let manifest = provide_localised(&manifest, lang);
                            view! { <CurrentView manifest url /> }.into_any()
                        }
                    }
                })}
            </Transition>
        }
    };
    if embedded {
        return view! { <main id="main" class="embedded">{content}</main> }.into_any();
    }
    view! { <Frame url manifest>{content}</Frame> }.into_any()
}

/// The manifest with its texts in `lang` where the data has them (the rest stay English and
/// are marked so, through the `DatasetText` provided here for every component below).
pub fn provide_localised(manifest: &Manifest, lang: Lang) -> Arc<Manifest> {
    let localised = localise(manifest, lang.as_str());
    let manifest = Arc::new(localised.data.clone());
    DatasetText::provide(Arc::new(localised));
    manifest
}

/// Everything around a view: the skip link, the header with the language switch and the
/// navigation, the place search, the main content and the footer. Pages built on the host
/// are framed by it too (`built_page`).
#[component]
pub fn Frame(url: UrlState, manifest: ManifestResource, children: Children) -> impl IntoView {
    let lang = url.lang();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {tr!(lang, "shell.skip_link")}
        </a>
        <header class="site-header">
            <div class="site-header-inner">
                <div>
                    <p class="site-name">{tr!(lang, "shell.site_name")}</p>
                    <p class="site-tagline">{tr!(lang, "shell.tagline")}</p>
                </div>
                <LanguageSwitch url lang />
            </div>
            <SiteNav />
        </header>
        <div class="site-search needs-script">
            <PlaceSearch manifest />
        </div>
        <main id="main" tabindex="-1">
            {cfg!(feature = "ssr").then(|| view! { <BuiltPageNotices lang /> })}
            {children()}
        </main>
        <footer class="site-footer">
            <p>
                {tr!(lang, "shell.footer")} " "
                <a href=move || href(&view_state(&url.state(), View::Accessibility))>
                    {tr!(lang, "shell.accessibility_link")}
                </a>
            </p>
        </footer>
    }
}

/// What a built page says while the app it waits for is loading, or when it could not be
/// loaded: hidden until the page's loader shows one (`scripts/harden-html.mjs`, with the
/// classes in style/main.css), so a built page is never blank and never silent. "Try again"
/// is a link to the same address, which loads the page afresh with or without scripts.
#[component]
fn BuiltPageNotices(lang: Lang) -> impl IntoView {
    view! {
        <p class="app-loading" role="status" data-testid="app-loading">{tr!(lang, "shell.loading_choices")}</p>
        <div class="alert app-failed" role="alert" data-testid="app-failed">
            <p class="app-failed-as-built">{tr!(lang, "shell.app_failed")}</p>
            <p class="app-failed-choices">{tr!(lang, "shell.app_failed_choices")}</p>
            <p><a href="">{tr!(lang, "shell.try_again")}</a></p>
        </div>
    }
}

/// The link to the same view in the other language, named in that language (and marked as
/// such, so a screen reader pronounces it right). It is `rel="external"` so the router leaves
/// it to the browser: the page loads afresh in the new language (its files come from the
/// cache), and every component words its text once, in one language, for its whole life.
#[component]
fn LanguageSwitch(url: UrlState, lang: Lang) -> impl IntoView {
    let other = match lang {
        Lang::En => Lang::Bn,
        Lang::Bn => Lang::En,
    };
    let name = match other {
        Lang::En => "English",
        Lang::Bn => "বাংলা",
    };
    let link = move || {
        href(&State {
            lang: other,
            ..url.state()
        })
    };
    view! {
        <a class="language-switch" href=link rel="external" lang=other.as_str() hreflang=other.as_str() data-testid="language-switch">
            {name}
        </a>
    }
}

/// Sets `<html lang>`, so screen readers read the page in the right language. (The title
/// follows the view's heading: `page_title`.)
fn mark_document_language(lang: Lang) {
    // A page built on the host is written with it already (src/bin/build_pages.rs).
    if cfg!(feature = "ssr") {
        return;
    }
    let document = document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.as_str());
    }
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
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    // The body's own height, not the document's: the document is at least as tall as the
    // iframe, so an embed that grew on a narrow screen would never shrink when widened.
    let measured = body.clone();
    let send = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) =
        web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(send.as_ref()))
    {
        observer.observe(&body);
        // The page is the embed for its whole life, so the observer and its callback are too.
        std::mem::forget(observer);
        send.forget();
    }
}

/// The view the URL asks for, with the URL and the link resolved as that page sees them
/// (each page says in one notice what in the link it could not use). Only the view switch
/// re-renders here; each page follows the rest of the URL itself.
#[component]
pub fn CurrentView(manifest: Arc<Manifest>, url: UrlState) -> impl IntoView {
    let view = Memo::new(move |_| url.0.with(|p| p.state.view));
    view! {
        {move || {
            let manifest = manifest.clone();
            let view = view.get();
            // Each page sees the URL, and the link resolved, as they are for it.
            let page_url = UrlState::provide_for_page(url, view);
            ResolvedLink::provide(page_url, manifest.clone());
            match view {
                View::Indicator => view! { <IndicatorPage manifest /> }.into_any(),
                View::Indicators => view! { <IndicatorsPage manifest /> }.into_any(),
                View::About => view! { <AboutPage manifest /> }.into_any(),
                View::Accessibility => view! { <AccessibilityPage /> }.into_any(),
                View::Locality => view! { <LocalityPage manifest /> }.into_any(),
                View::Challenges => view! { <ChallengesPage manifest /> }.into_any(),
                View::Map => view! { <MapPage manifest /> }.into_any(),
                View::Area => view! { <AreaPage manifest /> }.into_any(),
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
