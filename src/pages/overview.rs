//! The overview: the five outcome domains, each with its I statements and the indicators
//! beneath them, each indicator with the borough's latest figure and how it compares with
//! London and England, in words and symbols as well as colour.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{is_symbol_unit, unit_label, value_with_unit};
use outcomes_charts::summary::{
    comparison_class, comparison_phrase, comparison_symbol, trend_words,
};
use outcomes_core::model::{Domain, IStatement, IndicatorMeta, Manifest};
use outcomes_i18n::{digits, tr};
use outcomes_state::{Lang, State, View};

use crate::components::choice_links::{Choice, ChoiceLinks};
use crate::components::sentence::sentence_with;
use crate::components::statement_heading::StatementHeading;
use crate::components::tartan::Tartan;
use crate::components::url_notice::UrlNotice;
use crate::dataset_text::english_if_kept;
use crate::state::{href, indicator_state, view_state, ResolvedLink, UrlState};

/// The home page. With `domain` in the URL it shows that domain only; links to each domain
/// (and back to all five) come first, so a domain is a link like every other choice.
#[component]
pub fn OverviewPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let link = ResolvedLink::get().resolved;
    let chosen = Memo::new(move |_| link.with(|r| r.state.domain.clone()));
    move || {
        let domain_id = chosen.get();
        let state = url.state();
        let mut choices = vec![Choice {
            text: tr!(lang, "overview.all_domains"),
            href: href(&State {
                domain: None,
                ..view_state(&state, View::Overview)
            }),
            current: domain_id.is_none(),
            lang: None,
        }];
        choices.extend(manifest.framework.domains.iter().map(|d| Choice {
            text: d.name.clone(),
            href: href(&State {
                domain: Some(d.id.clone()),
                ..view_state(&state, View::Overview)
            }),
            current: domain_id.as_deref() == Some(d.id.as_str()),
            lang: english_if_kept("domain", &d.id, "name"),
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
        // Nothing is left out without saying so: the count shown against the count there is.
        let total = manifest.indicators.len();
        let shown = domains
            .iter()
            .flat_map(|d| d.i_statements.iter().flat_map(|s| s.indicators.iter()))
            .filter(|id| manifest.indicator(id).is_some())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let count = |n: usize| digits(lang, &n.to_string());
        let showing = match &domain_id {
            None => view! {
                <p class="showing" data-testid="overview-showing">
                    {tr!(lang, "overview.showing_all", count = count(total))}
                </p>
            }
            .into_any(),
            Some(_) => {
                let all = href(&State {
                    domain: None,
                    ..view_state(&state, View::Overview)
                });
                view! {
                    <p class="showing" data-testid="overview-showing">
                        {tr!(lang, "overview.showing_some", shown = count(shown), total = count(total))} " "
                        <a href=all data-testid="overview-show-all">{tr!(lang, "overview.show_all", count = count(total))}</a>
                    </p>
                }
                .into_any()
            }
        };
        let index = href(&view_state(&state, View::Indicators));
        let tartan_domain = domain_id.clone();
        view! {
            <h1>{tr!(lang, "overview.heading")}</h1>
            <UrlNotice />
            <p class="lede">{tr!(lang, "overview.lede")}</p>
            <p>
                <a href=index data-testid="overview-index-link">{tr!(lang, "overview.index_link")}</a>
            </p>
            <ChoiceLinks
                label=tr!(lang, "overview.domain_label")
                choices
                testid="domain-choice"
            />
            {showing}
            {domains
                .into_iter()
                .map(|domain| {
                    let manifest = manifest.clone();
                    view! {
                        <section class="domain" aria-labelledby=format!("domain-{}", domain.id) data-testid="domain">
                            <h2
                                id=format!("domain-{}", domain.id)
                                lang=english_if_kept("domain", &domain.id, "name")
                            >
                                {domain.name.clone()}
                            </h2>
                            {if domain.i_statements.is_empty() {
                                view! { <p class="note">{tr!(lang, "overview.domain_empty")}</p> }
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
            <Tartan manifest=manifest_for_tartan domain=tartan_domain />
        }
    }
}

/// One I statement with its indicators.
#[component]
fn Statement(statement: IStatement, manifest: Arc<Manifest>) -> impl IntoView {
    let lang = UrlState::get().lang();
    let indicators: Vec<IndicatorMeta> = statement
        .indicators
        .iter()
        .filter_map(|id| manifest.indicator(id).cloned())
        .collect();
    let provenance = if statement.verified {
        tr!(lang, "overview.provenance_verified")
    } else {
        tr!(lang, "overview.provenance_unverified")
    };
    // Where the wording comes from is published in English only.
    let source = tr!(lang, "overview.provenance_title", source = statement.source);
    view! {
        <div class="statement" data-testid="statement">
            <StatementHeading id=statement.id.clone() text=statement.text.clone() />
            <p class="provenance" title=source>{provenance}</p>
            {if indicators.is_empty() {
                view! { <p class="note">{tr!(lang, "overview.statement_empty")}</p> }.into_any()
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

/// A value with its unit, the unit marked as English where `lang` has no words for it (such
/// as µg/m³ on a Bengali page).
pub(crate) fn value_view(value: f64, unit: &str, lang: Lang) -> AnyView {
    let text = value_with_unit(value, unit, lang);
    let label = unit_label(unit, lang);
    if lang != Lang::En && is_symbol_unit(unit) {
        if let Some(number) = text.strip_suffix(label.as_str()) {
            let number = number.to_string();
            return view! { {number} <span lang="en">{label}</span> }.into_any();
        }
    }
    text.into_any()
}

/// An indicator's headline: the borough's latest value and its comparisons.
#[component]
fn IndicatorCard(indicator: IndicatorMeta, manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
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
                let name_lang = match manifest.area(&c.benchmark) {
                    Some(_) => english_if_kept("area", &c.benchmark, "name"),
                    // A code with no name is shown as it is.
                    None => crate::dataset_text::always_english(lang),
                };
                // The phrase is worded around the name, which goes in its own element.
                let phrase = sentence_with(
                    &comparison_phrase(c.result, "%{name}", lang),
                    vec![(
                        "name",
                        view! { <span lang=name_lang>{name}</span> }.into_any(),
                    )],
                );
                view! {
                    <li class=format!("comparison {}", comparison_class(c.result))>
                        <span aria-hidden="true">{comparison_symbol(c.result)} " "</span>
                        {phrase}
                    </li>
                }
            })
            .collect_view();
        let value = view! {
            <span class="headline-value" data-testid="headline-value">
                {value_view(latest.value, &indicator.unit, lang)}
            </span>
        };
        let headline = sentence_with(
            &tr!(
                lang,
                "overview.headline",
                value = "%{value}",
                period = digits(lang, &latest.period)
            ),
            vec![("value", value.into_any())],
        );
        view! {
            <p class="headline">{headline}</p>
            <ul class="comparisons">{comparisons}</ul>
            {latest.trend.map(|t| view! {
                <p class="trend-line" data-testid="headline-trend">
                    {tr!(lang, "overview.trend_line", trend = trend_words(t, lang))}
                </p>
            })}
        }
    });
    view! {
        <li class="indicator-card" data-testid="indicator-card" data-indicator=indicator.id.clone()>
            <a
                href=link
                class="indicator-link"
                lang=english_if_kept("indicator", &indicator.id, "title")
            >
                {indicator.title.clone()}
            </a>
            {headline}
        </li>
    }
}
