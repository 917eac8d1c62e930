//! The overview: the five outcome domains, each with its I statements and the indicators
//! beneath them, each indicator with the borough's latest figure and how it compares with
//! London and England, in words and symbols as well as colour.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::value_with_unit;
use outcomes_charts::summary::{comparison_class, comparison_phrase, comparison_symbol};
use outcomes_core::model::{Domain, IStatement, IndicatorMeta, Manifest};
use outcomes_state::{State, View};

use crate::components::choice_links::{Choice, ChoiceLinks};
use crate::components::tartan::Tartan;
use crate::components::url_notice::UrlNotice;
use crate::state::{chosen_or_default, href, indicator_state, view_state, UrlState};

/// The home page. With `domain` in the URL it shows that domain only; links to each domain
/// (and back to all five) come first, so a domain is a link like every other choice.
#[component]
pub fn OverviewPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let chosen = Memo::new({
        let manifest = manifest.clone();
        move |_| {
            url.0.with(|p| {
                chosen_or_default(
                    p.state.domain.as_deref(),
                    |id| {
                        let known = manifest.framework.domains.iter().any(|d| d.id == id);
                        known.then(|| Some(id.to_string()))
                    },
                    || None,
                    |id, _| format!("There is no domain “{id}”, so all five are shown."),
                )
            })
        }
    });
    let problems = Signal::derive(move || chosen.with(|(_, note)| note.iter().cloned().collect()));
    move || {
        let (domain_id, _) = chosen.get();
        let state = url.state();
        let mut choices = vec![Choice {
            text: "All domains".to_string(),
            href: href(&State {
                domain: None,
                ..view_state(&state, View::Overview)
            }),
            current: domain_id.is_none(),
        }];
        choices.extend(manifest.framework.domains.iter().map(|d| Choice {
            text: d.name.clone(),
            href: href(&State {
                domain: Some(d.id.clone()),
                ..view_state(&state, View::Overview)
            }),
            current: domain_id.as_deref() == Some(d.id.as_str()),
        }));
        let domains: Vec<Domain> = manifest
            .framework
            .domains
            .iter()
            .filter(|d| domain_id.as_deref().is_none_or(|id| d.id == id))
            .cloned()
            .collect();
        let manifest_for_tartan = manifest.clone();
        let manifest = manifest.clone();
        view! {
            <h1>"How is Tower Hamlets doing?"</h1>
            <UrlNotice problems />
            <p class="lede">
                "The Tower Hamlets Together outcomes framework was written with residents. It has five "
                "domains, each made of “I statements” about what matters to people, and each statement "
                "is measured by published statistics. Choose an indicator to see it by area."
            </p>
            <ChoiceLinks label="Domain".to_string() choices testid="domain-choice" />
            {domains
                .into_iter()
                .map(|domain| {
                    let manifest = manifest.clone();
                    view! {
                        <section class="domain" aria-labelledby=format!("domain-{}", domain.id) data-testid="domain">
                            <h2 id=format!("domain-{}", domain.id)>{domain.name.clone()}</h2>
                            {if domain.i_statements.is_empty() {
                                view! { <p class="note">"No indicator is published under this domain yet."</p> }
                                    .into_any()
                            } else {
                                domain
                                    .i_statements
                                    .into_iter()
                                    .map(|statement| view! { <Statement statement manifest=manifest.clone() /> })
                                    .collect_view()
                                    .into_any()
                            }}
                        </section>
                    }
                })
                .collect_view()}
            {domain_id.is_none().then(|| view! { <Tartan manifest=manifest_for_tartan /> })}
        }
    }
}

/// One I statement with its indicators.
#[component]
fn Statement(statement: IStatement, manifest: Arc<Manifest>) -> impl IntoView {
    let indicators: Vec<IndicatorMeta> = statement
        .indicators
        .iter()
        .filter_map(|id| manifest.indicator(id).cloned())
        .collect();
    let provenance = if statement.verified {
        "Wording from a Tower Hamlets Together document."
    } else {
        "Wording and placement are the explorer's own, awaiting confirmation."
    };
    view! {
        <div class="statement" data-testid="statement">
            <h3>"“" {statement.text.clone()} "”"</h3>
            <p class="provenance" title=statement.source.clone()>{provenance}</p>
            {if indicators.is_empty() {
                view! { <p class="note">"No published indicator measures this statement yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="indicator-list">
                        {indicators
                            .into_iter()
                            .map(|indicator| view! { <IndicatorCard indicator manifest=manifest.clone() /> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </div>
    }
}

/// An indicator's headline: the borough's latest value and its comparisons.
#[component]
fn IndicatorCard(indicator: IndicatorMeta, manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let id = indicator.id.clone();
    let link = move || href(&indicator_state(&url.state(), &id));
    let headline = indicator.latest.as_ref().map(|latest| {
        let comparisons = latest
            .comparisons
            .iter()
            .map(|c| {
                let name = manifest
                    .area(&c.benchmark)
                    .map_or_else(|| c.benchmark.clone(), |a| a.name.clone());
                view! {
                    <li class=format!("comparison {}", comparison_class(c.result))>
                        <span aria-hidden="true">{comparison_symbol(c.result)} " "</span>
                        {comparison_phrase(c.result, &name)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="headline">
                <span class="headline-value" data-testid="headline-value">
                    {value_with_unit(latest.value, &indicator.unit)}
                </span>
                " in Tower Hamlets, " {latest.period.clone()}
            </p>
            <ul class="comparisons">{comparisons}</ul>
            {latest.trend.map(|t| view! { <p class="trend-line" data-testid="headline-trend">"Recent trend: " {t.describe()}</p> })}
        }
    });
    view! {
        <li class="indicator-card" data-testid="indicator-card" data-indicator=indicator.id.clone()>
            <a href=link class="indicator-link">{indicator.title.clone()}</a>
            {headline}
        </li>
    }
}
