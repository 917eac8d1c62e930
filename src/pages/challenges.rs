//! Health challenges: the statistics Tower Hamlets Together quotes on mental and physical
//! health, each as a pair of bars (the group and what it is compared with) drawn to the same
//! 0–100% scale, with the document it comes from.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{capitalise, decimal};
use outcomes_core::model::{Citation, HealthStatistic, Manifest};

use crate::components::load_error::LoadErrorMessage;
use crate::data::load_health_challenges;

/// The health challenges page.
#[component]
pub fn ChallengesPage(manifest: Arc<Manifest>) -> impl IntoView {
    let path = manifest.health_challenges.clone();
    let challenges = LocalResource::new(move || {
        let path = path.clone();
        async move {
            match path {
                Some(path) => load_health_challenges(&path).await.map(Some),
                None => Ok(None),
            }
        }
    });
    view! {
        <h1>"Health challenges"</h1>
        <p class="lede">
            "People with a mental illness in Tower Hamlets are more likely to have poor physical "
            "health, and people with long-term conditions more likely to have poor mental health. "
            "These figures are quoted as Tower Hamlets Together published them; they are not "
            "recalculated here."
        </p>
        <Transition fallback=|| view! { <p class="loading">"Loading the figures…"</p> }>
            {move || Suspend::new(async move {
                match challenges.await {
                    Err(error) => view! {
                        <LoadErrorMessage error retry=Callback::new(move |_| challenges.refetch()) />
                    }
                        .into_any(),
                    Ok(None) => view! { <p role="status">"No health-challenge figures are published yet."</p> }.into_any(),
                    Ok(Some(data)) => view! {
                        <ul class="pairs" data-testid="challenges">
                            {data.statistics.into_iter().map(|s| view! { <Pair statistic=s /> }).collect_view()}
                        </ul>
                        {(!data.themes.is_empty()).then(|| view! {
                            <section aria-labelledby="themes-title">
                                <h2 id="themes-title">"The borough's health challenges"</h2>
                                {data.themes.into_iter().map(|theme| view! {
                                    <h3>{theme.theme}</h3>
                                    <ul>{theme.points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                                    <CitationLine citation=theme.citation />
                                }).collect_view()}
                            </section>
                        })}
                    }
                        .into_any(),
                }
            })}
        </Transition>
    }
}

/// One statistic: its sentence, then its bars (widths set through the CSS object model,
/// which a strict style CSP allows, unlike style attributes). The sentence carries the meaning; the bars
/// show the same two numbers to scale and are hidden from screen readers.
#[component]
fn Pair(statistic: HealthStatistic) -> impl IntoView {
    let bar = |label: String, percent: f64, class: &'static str| {
        view! {
            <div class="pair-row">
                <span class="pair-label">{label}</span>
                <span class="pair-track">
                    <span class=format!("pair-bar {class}") style:width=format!("{}%", percent.clamp(0.0, 100.0))></span>
                </span>
                <span class="pair-value">{format!("{}%", decimal(percent))}</span>
            </div>
        }
    };
    let group = bar(statistic.label.clone(), statistic.percent, "group");
    let comparison = statistic.comparison_percent.map(|p| {
        bar(
            capitalise(
                statistic
                    .comparison_label
                    .as_deref()
                    .unwrap_or("Comparison"),
            ),
            p,
            "comparison",
        )
    });
    view! {
        <li class="pair" data-testid="challenge" data-id=statistic.id.clone()>
            <p class="pair-text">{statistic.text.clone()}</p>
            <div class="pair-chart" aria-hidden="true" data-percent=statistic.percent data-comparison=statistic.comparison_percent>
                {group}
                {comparison}
            </div>
            <CitationLine citation=statistic.citation />
        </li>
    }
}

/// "Source: document, section. Publisher."
#[component]
fn CitationLine(citation: Citation) -> impl IntoView {
    view! {
        <p class="source">
            "Source: "
            {if citation.url.is_empty() {
                view! { <cite>{citation.document.clone()}</cite> }.into_any()
            } else {
                view! { <a href=citation.url.clone()><cite>{citation.document.clone()}</cite></a> }.into_any()
            }}
            ", " {citation.section} ". " {citation.publisher} "."
        </p>
    }
}
