//! Tells the person which parts of their link could not be used, and that a working view is
//! shown instead. Text only: nothing from the URL is ever inserted as markup. Every note
//! quotes what the link said in “curly quotes”; that part is shown as code, untranslated.

use leptos::prelude::*;
use outcomes_i18n::{digits, tr};
use outcomes_state::{Lang, Problem, Reason};

use crate::state::UrlState;

/// One notice per problem, or nothing when the link was fine.
#[component]
pub fn UrlNotice(problems: Signal<Vec<String>>) -> impl IntoView {
    let lang = UrlState::get().lang();
    move || {
        let problems = problems.get();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="url-notice">
                    <p><strong>{tr!(lang, "url_notice.heading")}</strong></p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{quoted_as_code(&p)}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// One unusable part of a link, in words: what arrived and why it could not be used.
pub fn link_problem(problem: &Problem, lang: Lang) -> String {
    let reason = match &problem.reason {
        Reason::Repeated => tr!(lang, "url_notice.repeated"),
        Reason::UnknownSetting => tr!(lang, "url_notice.unknown_setting"),
        Reason::ExpectedOneOf(words) => {
            // Each word as the link must spell it, quoted, so it is shown as code.
            let quoted: Vec<String> = words.split(", ").map(|w| format!("“{w}”")).collect();
            tr!(
                lang,
                "url_notice.expected_one_of",
                words = quoted.join(", ")
            )
        }
        Reason::ExpectedOneOrZero => tr!(lang, "url_notice.expected_one_or_zero"),
        Reason::ExpectedCode => tr!(lang, "url_notice.expected_code"),
        Reason::ExpectedPeriod => tr!(lang, "url_notice.expected_period"),
        Reason::ExpectedAreaCodes => tr!(lang, "url_notice.expected_area_codes"),
        Reason::TooManyAreas(limit) => tr!(
            lang,
            "url_notice.too_many_areas",
            limit = digits(lang, &limit.to_string())
        ),
    };
    tr!(
        lang,
        "url_notice.problem",
        setting = problem.key,
        value = problem.raw,
        reason = reason
    )
}

/// `note` with each “quoted” part (what the link said, in no language) in a `<code>`
/// element, so a screen reader and a translation tool leave it as it is.
fn quoted_as_code(note: &str) -> Vec<AnyView> {
    let mut parts = Vec::new();
    let mut rest = note;
    while let Some((before, after_open)) = rest.split_once('“') {
        let Some((quoted, after)) = after_open.split_once('”') else {
            break;
        };
        parts.push(format!("{before}“").into_any());
        parts.push(view! { <code translate="no">{quoted.to_string()}</code> }.into_any());
        rest = after;
        parts.push("”".into_any());
    }
    parts.push(rest.to_string().into_any());
    parts
}
