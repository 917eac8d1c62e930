//! A locality's profile: every indicator with locality figures, grouped by domain and I
//! statement, each showing the locality against the borough and the other localities, with
//! the comparison in words. Drawn from the manifest alone, so it needs no further request.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{decimal, value_with_unit};
use outcomes_charts::spine::{spine, Spine};
use outcomes_charts::summary::{comparison_class, comparison_phrase, comparison_symbol};
use outcomes_core::model::{AreaLevel, IndicatorMeta, KeyFigures, Manifest, BOROUGH_CODE};
use outcomes_state::{Level, State, View};

use crate::components::choice_links::{Choice, ChoiceLinks};
use crate::components::url_notice::UrlNotice;
use crate::state::{chosen_or_default, href, view_state, UrlState};

/// The locality profile page.
#[component]
pub fn LocalityPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let localities: Vec<(String, String)> = manifest
        .areas_at(AreaLevel::Locality)
        .map(|a| (a.code.clone(), a.name.clone()))
        .collect();
    let chosen = Memo::new({
        let localities = localities.clone();
        move |_| {
            url.0.with(|p| {
                chosen_or_default(
                    p.state.areas.first().map(String::as_str),
                    |code| {
                        localities
                            .iter()
                            .find(|(c, _)| c == code)
                            .map(|(c, _)| c.clone())
                    },
                    || localities.first().map(|l| l.0.clone()).unwrap_or_default(),
                    |code, _| format!("There is no locality “{code}”, so the first is shown."),
                )
            })
        }
    });
    let problems = Signal::derive(move || chosen.with(|(_, note)| note.iter().cloned().collect()));

    move || {
        let (code, _) = chosen.get();
        let state = url.state();
        let name = localities
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let choices: Vec<Choice> = localities
            .iter()
            .map(|(c, n)| Choice {
                text: n.clone(),
                href: href(&State {
                    areas: vec![c.clone()],
                    ..view_state(&state, View::Locality)
                }),
                current: *c == code,
            })
            .collect();
        let sections = manifest
            .framework
            .domains
            .iter()
            .filter_map(|domain| {
                let statements: Vec<_> = domain
                    .i_statements
                    .iter()
                    .filter_map(|statement| {
                        let items: Vec<IndicatorMeta> = statement
                            .indicators
                            .iter()
                            .filter_map(|id| manifest.indicator(id))
                            .filter(|i| has_locality_value(i, &code))
                            .cloned()
                            .collect();
                        (!items.is_empty()).then(|| (statement.text.clone(), items))
                    })
                    .collect();
                (!statements.is_empty()).then(|| (domain.name.clone(), statements))
            })
            .collect::<Vec<_>>();
        let without: Vec<String> = manifest
            .indicators
            .iter()
            .filter(|i| !has_locality_value(i, &code))
            .map(|i| i.title.clone())
            .collect();
        let manifest = manifest.clone();
        view! {
            <h1>{format!("{name} locality")}</h1>
            <UrlNotice problems />
            <ChoiceLinks label="Locality".to_string() choices testid="locality-choice" />
            <p class="lede">
                {format!(
                    "How {name} compares with Tower Hamlets as a whole and with the other localities. "
                )}
                "Locality figures are built by grouping GP networks (PCNs); the grouping of most "
                "networks into localities is provisional."
            </p>
            {sections
                .into_iter()
                .map(|(domain, statements)| {
                    let manifest = manifest.clone();
                    let code = code.clone();
                    view! {
                        <section class="domain" data-testid="profile-domain">
                            <h2>{domain}</h2>
                            {statements
                                .into_iter()
                                .map(|(text, items)| {
                                    view! {
                                        <h3>"“" {text} "”"</h3>
                                        <ul class="profile-list">
                                            {items
                                                .into_iter()
                                                .map(|indicator| view! { <ProfileItem indicator manifest=manifest.clone() locality=code.clone() /> })
                                                .collect_view()}
                                        </ul>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
            <section class="domain">
                <h2>"Not yet available by locality"</h2>
                <p>
                    {format!("{} indicators are published for the borough or for wards only: ", without.len())}
                    {without.join("; ")} "."
                </p>
            </section>
        }
    }
}

fn has_locality_value(indicator: &IndicatorMeta, locality: &str) -> bool {
    indicator
        .key_figures
        .as_ref()
        .is_some_and(|k| k.value(locality).is_some())
}

/// One indicator in the profile: the value, its comparison and the dot plot.
#[component]
fn ProfileItem(
    indicator: IndicatorMeta,
    manifest: Arc<Manifest>,
    locality: String,
) -> impl IntoView {
    let url = UrlState::get();
    let Some(key) = indicator.key_figures.clone() else {
        return ().into_any();
    };
    let Some(mine) = key.value(&locality).cloned() else {
        return ().into_any();
    };
    let borough = key.value(BOROUGH_CODE).map(|b| b.value);
    let result = mine
        .comparisons
        .iter()
        .find(|c| c.benchmark == BOROUGH_CODE)
        .map(|c| c.result);
    let borough_name = manifest
        .area(BOROUGH_CODE)
        .map_or_else(|| "the borough".to_string(), |a| a.name.clone());
    let verdict = match (result, borough) {
        (Some(r), Some(b)) => format!(
            "{} ({})",
            comparison_phrase(r, &borough_name),
            value_with_unit(b, &indicator.unit)
        ),
        _ => "Not compared with the borough".to_string(),
    };
    let plot = locality_spine(&manifest, &key, &locality);
    let id = indicator.id.clone();
    let link = move || {
        href(&State {
            indicator: Some(id.clone()),
            level: Level::Locality,
            ..view_state(&url.state(), View::Indicator)
        })
    };
    view! {
        <li class="profile-item" data-testid="profile-item" data-indicator=indicator.id.clone()>
            <a href=link class="indicator-link">{indicator.title.clone()}</a>
            <p class="headline">
                <span class="headline-value" data-testid="locality-value">
                    {value_with_unit(mine.value, &indicator.unit)}
                </span>
                " in " {key.period.clone()}
            </p>
            <p class=format!("comparison {}", result.map_or("not-compared", comparison_class))>
                <span aria-hidden="true">{result.map_or("–", comparison_symbol)} " "</span>
                {verdict}
            </p>
            {plot.map(|p| view! { <SpinePlot plot=p unit=indicator.unit.clone() /> })}
        </li>
    }
    .into_any()
}

fn locality_spine(manifest: &Manifest, key: &KeyFigures, chosen: &str) -> Option<Spine> {
    let values: Vec<(String, String, f64)> = manifest
        .areas_at(AreaLevel::Locality)
        .filter_map(|a| {
            key.value(&a.code)
                .map(|v| (a.code.clone(), a.name.clone(), v.value))
        })
        .collect();
    spine(&values, key.value(BOROUGH_CODE).map(|b| b.value), chosen)
}

/// The dot plot as SVG. It repeats what the text says, so it is hidden from screen readers;
/// the chosen locality is a larger, filled, labelled dot, so colour is not needed to find it.
#[component]
fn SpinePlot(plot: Spine, unit: String) -> impl IntoView {
    const W: f64 = 300.0;
    let x = |f: f64| 10.0 + f * (W - 20.0);
    view! {
        <svg class="spine" viewBox="0 0 300 44" aria-hidden="true" focusable="false">
            <line x1="10" y1="22" x2="290" y2="22" class="spine-axis" />
            {plot.borough_x.map(|b| view! {
                <line x1=x(b) y1="8" x2=x(b) y2="36" class="spine-borough" />
                <text x=x(b) y="44" text-anchor="middle" class="spine-label">"Tower Hamlets"</text>
            })}
            {plot
                .dots
                .iter()
                .filter(|d| !d.chosen)
                .map(|d| view! { <circle cx=x(d.x) cy="22" r="5" class="spine-dot" /> })
                .collect_view()}
            {plot
                .dots
                .iter()
                .filter(|d| d.chosen)
                .map(|d| view! {
                    <circle cx=x(d.x) cy="22" r="8" class="spine-chosen" />
                    <text x=x(d.x) y="8" text-anchor="middle" class="spine-label">
                        {format!("{} {}{}", d.name, decimal(d.value), if unit == "%" { "%" } else { "" })}
                    </text>
                })
                .collect_view()}
        </svg>
    }
}
