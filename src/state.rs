//! The URL is the app's state. This module reads it once into a memo every view shares, and
//! builds the links that change it, so every choice is a real link: it works with
//! middle-click, Back and Forward, and sharing.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};
use outcomes_core::model::Manifest;
use outcomes_state::resolve::{resolve, Resolved};
use outcomes_state::{page_file, parse_address, write, Lang, Parsed, State, View};

/// The parsed query string, shared through context.
#[derive(Clone, Copy)]
pub struct UrlState(pub Memo<Parsed>);

impl UrlState {
    /// Parses the current address (a built page's file and the query) and provides it to
    /// every component below.
    pub fn provide() -> UrlState {
        let location = use_location();
        let parsed = Memo::new(move |_| {
            parse_address(&page_name(&location.pathname.get()), &location.search.get())
        });
        // The router writes a new path (a built page's address) to the address bar only once
        // a route says the view for it is ready. The explorer has no routes (the view is in
        // the address, read above), so it says so itself whenever the path changes.
        if let Some(browser) = use_context::<BrowserUrl>() {
            Effect::new(move |_| {
                location.pathname.track();
                browser.ready_to_complete();
            });
        }
        let state = UrlState(parsed);
        provide_context(state);
        state
    }

    /// The URL as the page of `view` sees it, provided to every component of that page: it
    /// follows the URL while the URL is for that page and holds still once it is for another.
    /// A page is taken down only after the URL has changed; were its parts to follow the new
    /// view's URL, their effects could run once more on values already disposed.
    pub fn provide_for_page(url: UrlState, view: View) -> UrlState {
        let page = UrlState(Memo::new(move |previous: Option<&Parsed>| {
            let current = url.0.get();
            match previous {
                Some(previous) if current.state.view != view => previous.clone(),
                _ => current,
            }
        }));
        provide_context(page);
        page
    }

    /// The state provided by the shell. Components outside the shell get the default view.
    pub fn get() -> UrlState {
        use_context::<UrlState>().unwrap_or_else(|| UrlState(Memo::new(|_| Parsed::default())))
    }

    /// The current choices.
    pub fn state(self) -> State {
        self.0.with(|p| p.state.clone())
    }

    /// The interface language. Read without tracking: a page keeps one language for its
    /// whole life (the language switch loads the page afresh), so components word their text
    /// once, when they are made.
    pub fn lang(self) -> Lang {
        self.0.with_untracked(|p| p.state.lang)
    }
}

/// The language the page's address asks for, read without the router: for what runs before
/// the app is mounted (waiting for the font) or after it has failed (the panic notice).
pub fn address_lang() -> Lang {
    web_sys::window()
        .map(|w| w.location())
        .map_or(Lang::En, |location| {
            let path = location.pathname().unwrap_or_default();
            let query = location.search().unwrap_or_default();
            parse_address(&page_name(&path), &query).state.lang
        })
}

/// The last segment of a path: a built page's file name, or nothing at the folder itself.
fn page_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or_default().to_string()
}

/// The folder the page is in, as the links on it start. In the browser it is the location's
/// path up to its last `/`: absolute, because without a `<base>` the router resolves a bare
/// `?query` against the site root. A page built on the host links relatively (`./`), so the
/// built folder works at any sub-path.
pub fn page_folder() -> String {
    if cfg!(feature = "ssr") {
        return "./".to_string();
    }
    let path = window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "./".to_string());
    match path.rfind('/') {
        Some(end) => path[..=end].to_string(),
        None => "./".to_string(),
    }
}

/// A link to `state`: its built page where it has one (`outcomes_state::page_file`), else the
/// state's query string on the folder, as every link was before built pages.
pub fn href(state: &State) -> String {
    let folder = page_folder();
    match page_file(state) {
        Some(file) => format!("{folder}{file}"),
        None => format!("{folder}{}", write(state)),
    }
}

/// A link to the page `state` resolves to against `manifest`, with the view's defaults
/// written in: a map that opens on its first indicator links to that indicator's map, which
/// is a built page, where the state alone is not.
pub fn resolved_href(manifest: &Manifest, state: State) -> String {
    href(
        &resolve(
            manifest,
            &Parsed {
                state,
                problems: vec![],
            },
        )
        .state,
    )
}

/// A fresh state for `view`, keeping only the person's language: other choices belong to
/// the view they were made in.
pub fn view_state(current: &State, view: View) -> State {
    State {
        view,
        lang: current.lang,
        ..State::default()
    }
}

/// The state for one indicator's page.
pub fn indicator_state(current: &State, indicator: &str) -> State {
    State {
        indicator: Some(indicator.to_string()),
        ..view_state(current, View::Indicator)
    }
}

/// The link resolved against the manifest (`outcomes_state::resolve`), shared through
/// context by the shell once the manifest has loaded: which indicator, level and area the
/// view shows, and what in the link it could not honour.
#[derive(Clone)]
pub struct ResolvedLink {
    pub resolved: Memo<Resolved>,
    pub manifest: Arc<Manifest>,
}

impl ResolvedLink {
    /// Resolves the URL's link against `manifest` whenever the URL changes, for every
    /// component below.
    pub fn provide(url: UrlState, manifest: Arc<Manifest>) -> ResolvedLink {
        let resolved = Memo::new({
            let manifest = manifest.clone();
            move |_| url.0.with(|parsed| resolve(&manifest, parsed))
        });
        let link = ResolvedLink { resolved, manifest };
        provide_context(link.clone());
        link
    }

    /// The link as the shell resolved it.
    pub fn get() -> ResolvedLink {
        expect_context::<ResolvedLink>()
    }
}
