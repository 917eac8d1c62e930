//! The site's main navigation between views.

use leptos::prelude::*;
use outcomes_i18n::tr;
use outcomes_state::View;

use crate::state::{href, view_state, UrlState};

/// Links to each view, the current one marked.
#[component]
pub fn SiteNav() -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let items = [
        (View::Overview, tr!(lang, "nav.overview")),
        (View::Indicators, tr!(lang, "nav.indicators")),
        (View::Locality, tr!(lang, "nav.localities")),
        (View::Map, tr!(lang, "nav.map")),
        (View::Area, tr!(lang, "nav.wards")),
        (View::Challenges, tr!(lang, "nav.challenges")),
        (View::About, tr!(lang, "nav.about")),
    ];
    view! {
        <nav class="site-nav" aria-label=tr!(lang, "nav.label")>
            <ul>
                {items
                    .into_iter()
                    .map(|(view, text)| {
                        let current = move || url.0.with(|p| p.state.view == view);
                        let link = move || href(&view_state(&url.state(), view));
                        view! {
                            <li>
                                <a href=link aria-current=move || current().then_some("page")>
                                    {text}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
