//! The way from one indicator to another: the index of every indicator, and the previous and
//! next indicator under the same I statement, as plain links (the page's policy allows no
//! form submission, and a link works with middle-click, Back and sharing anyway).

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_core::model::{IStatement, Manifest};
use outcomes_i18n::{digits, tr};
use outcomes_state::View;

use crate::components::sentence::sentence_with;
use crate::dataset_text::english_if_kept;
use crate::state::{href, indicator_state, view_state, UrlState};

/// The first I statement that holds `indicator`, and the indicator's place in it.
fn place<'a>(manifest: &'a Manifest, indicator: &str) -> Option<(&'a IStatement, usize)> {
    manifest
        .framework
        .domains
        .iter()
        .flat_map(|d| d.i_statements.iter())
        .find_map(|s| {
            // Only indicators the manifest lists can be linked to.
            s.indicators
                .iter()
                .filter(|id| manifest.indicator(id).is_some())
                .position(|id| id == indicator)
                .map(|i| (s, i))
        })
}

/// Links to the index and to the neighbours of `indicator` under its I statement.
#[component]
pub fn IndicatorNav(manifest: Arc<Manifest>, indicator: String) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let state = url.state();
    let index = href(&view_state(&state, View::Indicators));
    let neighbours = place(&manifest, &indicator).map(|(statement, at)| {
        let siblings: Vec<&str> = statement
            .indicators
            .iter()
            .map(String::as_str)
            .filter(|id| manifest.indicator(id).is_some())
            .collect();
        let link = |id: &str, key: &str| {
            let title = manifest.indicator(id).map(|i| i.title.clone()).unwrap_or_default();
            let template = match key {
                "previous" => tr!(lang, "indicator_nav.previous", title = "%{title}"),
                _ => tr!(lang, "indicator_nav.next", title = "%{title}"),
            };
            let text = sentence_with(
                &template,
                vec![(
                    "title",
                    view! { <span lang=english_if_kept("indicator", id, "title")>{title}</span> }
                        .into_any(),
                )],
            );
            view! {
                <li>
                    <a href=href(&indicator_state(&state, id)) rel=key.to_string() data-testid=format!("indicator-{key}")>
                        {text}
                    </a>
                </li>
            }
        };
        let position = sentence_with(
            &tr!(
                lang,
                "indicator_nav.position",
                position = digits(lang, &(at + 1).to_string()),
                count = digits(lang, &siblings.len().to_string()),
                statement = "%{statement}"
            ),
            vec![(
                "statement",
                view! {
                    <span lang=english_if_kept("statement", &statement.id, "text")>
                        {statement.text.clone()}
                    </span>
                }
                .into_any(),
            )],
        );
        view! {
            <p class="indicator-nav-position" data-testid="indicator-position">{position}</p>
            {(siblings.len() > 1).then(|| view! {
                <ul>
                    {at.checked_sub(1).map(|i| link(siblings[i], "previous"))}
                    {siblings.get(at + 1).map(|id| link(id, "next"))}
                </ul>
            })}
        }
    });
    view! {
        <nav class="indicator-nav" aria-label=tr!(lang, "indicator_nav.label") data-testid="indicator-nav">
            <p>
                <a href=index data-testid="indicator-index-link">{tr!(lang, "indicator_nav.all")}</a>
            </p>
            {neighbours}
        </nav>
    }
}
