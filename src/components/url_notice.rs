//! Tells the person which parts of their link could not be used, and that a working view is
//! shown instead. Text only: nothing from the URL is ever inserted as markup. Every note
//! quotes what the link said in “curly quotes”; that part is shown as code, untranslated.

use leptos::prelude::*;
use outcomes_core::model::Manifest;
use outcomes_i18n::{digits, tr};
use outcomes_state::resolve::{LinkProblem, PeriodNote, Resolved};
use outcomes_state::{Lang, Problem, Reason};

use crate::components::chart_block::level_name_plural;
use crate::state::{ResolvedLink, UrlState};

/// One notice for everything in the link the page could not honour, or nothing when the link
/// was fine. By default that is what the shell resolved the link to; a page that resolves
/// further (the period, once its shard has arrived) passes its own resolution.
#[component]
pub fn UrlNotice(#[prop(optional, into)] resolved: Option<Signal<Resolved>>) -> impl IntoView {
    let lang = UrlState::get().lang();
    let link = ResolvedLink::get();
    move || {
        // Read where it is, never wrapped in a new signal: a notice made inside a `Suspend`
        // may outlive the owner such a wrapper would belong to.
        let words = |r: &Resolved| -> Vec<String> {
            r.problems
                .iter()
                .map(|problem| link_problem(problem, r, &link.manifest, lang))
                .collect()
        };
        let problems = match resolved {
            Some(resolved) => resolved.with(words),
            None => link.resolved.with(words),
        };
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

/// Why the period shown is not the latest, when the link named none: said beside the
/// period's choices, since nothing was wrong with the link. `benchmark` names the area the
/// level is compared with.
#[component]
pub fn PeriodNoteLine(note: Signal<Option<PeriodNote>>, benchmark: String) -> impl IntoView {
    let lang = UrlState::get().lang();
    move || {
        note.get()
            .map(|PeriodNote::LatestNotCompared { latest, shown }| {
                let text = tr!(
                    lang,
                    "indicator.latest_not_compared",
                    latest = digits(lang, &latest),
                    shown = digits(lang, &shown),
                    benchmark = benchmark
                );
                view! { <p class="notice" role="status" data-testid="period-note">{text}</p> }
            })
    }
}

/// One part of a link the page could not honour, in words: what the link said and what is
/// shown instead.
fn link_problem(
    problem: &LinkProblem,
    resolved: &Resolved,
    manifest: &Manifest,
    lang: Lang,
) -> String {
    match problem {
        LinkProblem::Parameter(problem) => parameter_problem(problem, lang),
        LinkProblem::UnknownIndicator { asked, shown } => {
            let title = shown
                .as_deref()
                .and_then(|id| manifest.indicator(id))
                .or(resolved.indicator.as_ref())
                .map(|i| i.title.clone());
            match title {
                Some(title) => tr!(
                    lang,
                    "indicator.unknown_indicator",
                    id = asked,
                    title = title
                ),
                None => tr!(lang, "indicator.unknown_indicator_nothing", id = asked),
            }
        }
        LinkProblem::NotMappable { asked } => tr!(lang, "map.not_mappable", id = asked),
        LinkProblem::LevelUnavailable { asked, shown } => tr!(
            lang,
            "indicator.level_unavailable",
            wanted = level_name_plural(*asked, lang),
            shown = level_name_plural(*shown, lang)
        ),
        LinkProblem::PeriodUnavailable { asked, shown } => tr!(
            lang,
            "indicator.period_unavailable",
            period = digits(lang, asked),
            latest = digits(lang, shown)
        ),
        LinkProblem::UnknownDomain { asked } => tr!(lang, "overview.unknown_domain", id = asked),
        LinkProblem::UnknownLocality { asked, .. } => tr!(lang, "locality.unknown", code = asked),
        LinkProblem::UnknownWard { asked } => tr!(lang, "area.unknown", code = asked),
    }
}

/// A parameter the codec could not read, in words: what arrived and why it could not be used.
fn parameter_problem(problem: &Problem, lang: Lang) -> String {
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
