//! The site's main navigation between views.

use leptos::prelude::*;
use outcomes_state::View;

use crate::state::{href, view_state, UrlState};

/// Links to each view, the current one marked.
#[component]
pub fn SiteNav() -> impl IntoView {
    let url = UrlState::get();
    let items = [
        (View::Overview, "Overview"),
        (View::Indicator, "Indicators"),
        (View::Locality, "Localities"),
        (View::Map, "Map"),
        (View::Challenges, "Health challenges"),
        (View::About, "About the data"),
    ];
    view! {
        <nav class="site-nav" aria-label="Main">
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
