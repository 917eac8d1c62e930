//! Health challenges: the statistics Tower Hamlets Together quotes on mental and physical
//! health, each as a pair of bars (the group and what it is compared with) drawn to the same
//! 0–100% scale, with the document it comes from. The statistics' texts are shown in the
//! page's language where the published file has a translation, and marked as English where
//! it has none.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{as_published, capitalise};
use outcomes_core::localise::{key, localise_challenges, point_key, Localised};
use outcomes_core::model::{Citation, HealthChallenges, HealthStatistic, Manifest};
use outcomes_i18n::tr;
use outcomes_state::Lang;

use crate::components::published::published_view;
use crate::components::sentence::sentence_with;
use crate::components::url_notice::UrlNotice;
use crate::dataset_text::always_english;
use crate::state::UrlState;

/// The health challenges page.
#[component]
pub fn ChallengesPage(manifest: Arc<Manifest>) -> impl IntoView {
    let lang = UrlState::get().lang();
    let path = manifest.health_challenges.clone();
    let statistics = match path {
        Some(path) => published_view(path, tr!(lang, "challenges.loading"), move |data| {
            view! { <ChallengesList data lang /> }.into_any()
        }),
        None => view! { <p role="status">{tr!(lang, "challenges.none")}</p> }.into_any(),
    };
    view! {
        <h1>{tr!(lang, "challenges.heading")}</h1>
        <UrlNotice />
        <p class="lede">{tr!(lang, "challenges.lede")}</p>
        {statistics}
    }
}

/// Every statistic with its bars, then the themes with their points and citations.
#[component]
fn ChallengesList(data: HealthChallenges, lang: Lang) -> impl IntoView {
    let texts = Arc::new(localise_challenges(&data, lang.as_str()));
    let data = texts.data.clone();
    view! {
        <ul class="pairs" data-testid="challenges">
            {data
                .statistics
                .into_iter()
                .map(|s| view! { <Pair statistic=s texts=texts.clone() /> })
                .collect_view()}
        </ul>
        {(!data.themes.is_empty()).then(|| view! {
            <section aria-labelledby="themes-title">
                <h2 id="themes-title">{tr!(lang, "challenges.themes_heading")}</h2>
                {data.themes.into_iter().map(|theme| {
                    let id = theme.id.clone();
                    view! {
                        <h3 lang=texts.lang_attr(&key("theme", &id, "theme"))>{theme.theme}</h3>
                        <ul>
                            {theme.points.into_iter().enumerate().map(|(n, p)| view! {
                                <li lang=texts.lang_attr(&point_key(&id, n))>{p}</li>
                            }).collect_view()}
                        </ul>
                        <CitationLine citation=theme.citation />
                    }
                }).collect_view()}
            </section>
        })}
    }
}

/// One statistic: its sentence, then its bars (widths set through the CSS object model,
/// which a strict style CSP allows, unlike style attributes). The sentence carries the meaning; the bars
/// show the same two numbers to scale and are hidden from screen readers.
#[component]
fn Pair(statistic: HealthStatistic, texts: Arc<Localised<HealthChallenges>>) -> impl IntoView {
    let lang = UrlState::get().lang();
    let marked = |field: &str| texts.lang_attr(&key("statistic", &statistic.id, field));
    let bar = |label: String,
               label_lang: Option<&'static str>,
               percent: f64,
               class: &'static str| {
        view! {
            <div class="pair-row">
                <span class="pair-label" lang=label_lang>{label}</span>
                <span class="pair-track">
                    <span class=format!("pair-bar {class}") style:width=format!("{}%", percent.clamp(0.0, 100.0))></span>
                </span>
                <span class="pair-value">{format!("{}%", as_published(percent, lang))}</span>
            </div>
        }
    };
    let group = bar(
        statistic.label.clone(),
        marked("label"),
        statistic.percent,
        "group",
    );
    let comparison =
        statistic
            .comparison_percent
            .map(|p| match statistic.comparison_label.as_deref() {
                Some(label) => bar(
                    capitalise(label),
                    marked("comparison_label"),
                    p,
                    "comparison",
                ),
                None => bar(tr!(lang, "challenges.comparison"), None, p, "comparison"),
            });
    view! {
        <li class="pair" data-testid="challenge" data-id=statistic.id.clone()>
            <p class="pair-text" lang=marked("text")>{statistic.text.clone()}</p>
            <div class="pair-chart" aria-hidden="true" data-percent=statistic.percent data-comparison=statistic.comparison_percent>
                {group}
                {comparison}
            </div>
            <CitationLine citation=statistic.citation />
        </li>
    }
}

/// "Source: document, section. Publisher.": the document's own names, in English.
#[component]
fn CitationLine(citation: Citation) -> impl IntoView {
    let lang = UrlState::get().lang();
    let document = if citation.url.is_empty() {
        view! { <cite>{citation.document.clone()}</cite> }.into_any()
    } else {
        view! { <a href=citation.url.clone()><cite>{citation.document.clone()}</cite></a> }
            .into_any()
    };
    let cited = view! {
        <span lang=always_english(lang)>
            {document} ", " {citation.section} ". " {citation.publisher} "."
        </span>
    }
    .into_any();
    view! { <p class="source">{sentence_with(&tr!(lang, "challenges.source"), vec![("citation", cited)])}</p> }
}
