//! The accessibility statement, in the form UK public bodies publish under the Public Sector
//! Bodies (Websites and Mobile Applications) Accessibility Regulations 2018.

use leptos::prelude::*;
use outcomes_i18n::{date, tr};
use outcomes_state::{Lang, View};

use crate::components::sentence::sentence_with;
use crate::components::url_notice::UrlNotice;
use crate::dataset_text::always_english;
use crate::state::{href, view_state, UrlState};

/// The axe-core rule sets the tests run.
const RULE_SETS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// The accessibility statement page.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let about = move || href(&view_state(&url.state(), View::About));
    // The date the statement was prepared, last reviewed and the site last tested.
    let reviewed = date(lang, 2026, 11, 23);
    let council = || {
        view! { <a href="https://www.towerhamlets.gov.uk">{tr!(lang, "accessibility.council_link")}</a> }
    };
    view! {
        <h1>{tr!(lang, "accessibility.heading")}</h1>
        <UrlNotice />
        <p class="lede">{tr!(lang, "accessibility.lede")}</p>

        <section aria-labelledby="a11y-how">
            <h2 id="a11y-how">{tr!(lang, "accessibility.how_heading")}</h2>
            <p>{tr!(lang, "accessibility.how_text")}</p>
            <p>{tr!(lang, "accessibility.known_intro")}</p>
            <ul data-testid="known-issues">
                <li>{tr!(lang, "accessibility.issue_languages")}</li>
                <li>{tr!(lang, "accessibility.issue_charts")}</li>
                <li>{tr!(lang, "accessibility.issue_map")}</li>
                <li>{tr!(lang, "accessibility.issue_terms")}</li>
            </ul>
        </section>

        <section aria-labelledby="a11y-feedback">
            <h2 id="a11y-feedback">{tr!(lang, "accessibility.feedback_heading")}</h2>
            <p>
                {sentence_with(
                    &tr!(lang, "accessibility.feedback_text"),
                    vec![("council", council().into_any())],
                )}
            </p>
        </section>

        <section aria-labelledby="a11y-enforcement">
            <h2 id="a11y-enforcement">{tr!(lang, "accessibility.enforcement_heading")}</h2>
            <p>
                {sentence_with(
                    &tr!(lang, "accessibility.enforcement_text"),
                    vec![
                        ("ehrc", english_name(lang, "Equality and Human Rights Commission (EHRC)")),
                        (
                            "regulations",
                            english_name(
                                lang,
                                "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018",
                            ),
                        ),
                        ("eass", english_name(lang, "Equality Advisory and Support Service (EASS)")),
                    ],
                )}
            </p>
        </section>

        <section aria-labelledby="a11y-status">
            <h2 id="a11y-status">{tr!(lang, "accessibility.status_heading")}</h2>
            <p data-testid="compliance-status">{tr!(lang, "accessibility.status_text")}</p>
        </section>

        <section aria-labelledby="a11y-testing">
            <h2 id="a11y-testing">{tr!(lang, "accessibility.testing_heading")}</h2>
            <p data-testid="last-test">
                {sentence_with(
                    &tr!(lang, "accessibility.testing_text"),
                    vec![
                        ("date", reviewed.clone().into_any()),
                        ("axe", view! { <code>"axe-core"</code> }.into_any()),
                        ("rule_sets", rule_sets(lang)),
                    ],
                )}
            </p>
            <p>
                {sentence_with(
                    &tr!(lang, "accessibility.testing_about"),
                    vec![("about", view! { <a href=about>{tr!(lang, "accessibility.about_link")}</a> }.into_any())],
                )}
            </p>
            <p>
                {sentence_with(
                    &tr!(lang, "accessibility.prepared"),
                    vec![
                        ("prepared", reviewed.clone().into_any()),
                        ("reviewed", view! { <span data-testid="last-reviewed">{reviewed.clone()}</span> }.into_any()),
                    ],
                )}
            </p>
        </section>
    }
}

/// A name that has no Bengali form, such as a regulator's or a law's, marked as English on a
/// page in another language.
fn english_name(lang: Lang, name: &'static str) -> AnyView {
    view! { <span lang=always_english(lang)>{name}</span> }.into_any()
}

/// The axe-core rule sets as code, separated by commas.
fn rule_sets(lang: Lang) -> AnyView {
    let last = RULE_SETS.len() - 1;
    RULE_SETS
        .iter()
        .enumerate()
        .map(|(i, set)| {
            let separator = match i {
                0 => String::new(),
                i if i == last => tr!(lang, "accessibility.list_and"),
                _ => ", ".to_string(),
            };
            view! { {separator} <code>{*set}</code> }
        })
        .collect_view()
        .into_any()
}
