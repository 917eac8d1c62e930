//! A locality's profile: every indicator with locality figures, grouped by domain and I
//! statement, each showing the locality against the borough and the other localities, with
//! the comparison in words. Drawn from the manifest alone, so it needs no further request.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{decimal, value_with_unit};
use outcomes_charts::spine::{spine, Spine};
use outcomes_charts::summary::{comparison_class, comparison_phrase, comparison_symbol};
use outcomes_core::model::{
    AreaLevel, Basis, ComparisonResult, IndicatorMeta, KeyFigures, Manifest, BOROUGH_CODE,
};
use outcomes_i18n::{digits, tr};
use outcomes_state::{Lang, Level, State, View};

use crate::components::chart_block::source_line_view;
use crate::components::choice_links::{Choice, ChoiceLinks};
use crate::components::locality_assessment::LocalityAssessment;
use crate::components::population_pyramid::PopulationPyramid;
use crate::components::sentence::sentence_with;
use crate::components::statement_heading::StatementHeading;
use crate::components::url_notice::UrlNotice;
use crate::dataset_text::english_if_kept;
use crate::state::{chosen_or_default, href, indicator_state, view_state, UrlState};

/// The locality profile page.
#[component]
pub fn LocalityPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
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
                    |code, _| tr!(lang, "locality.unknown", code = code),
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
        let name_lang = english_if_kept("area", &code, "name");
        let choices: Vec<Choice> = localities
            .iter()
            .map(|(c, n)| Choice {
                text: n.clone(),
                href: href(&State {
                    areas: vec![c.clone()],
                    ..view_state(&state, View::Locality)
                }),
                current: *c == code,
                lang: english_if_kept("area", c, "name"),
            })
            .collect();
        // Each indicator once, under the first statement that holds it, so the assessment
        // counts exactly the cards shown.
        let mut listed = std::collections::BTreeSet::new();
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
                            .filter(|id| listed.insert(id.as_str()))
                            .filter_map(|id| manifest.indicator(id))
                            .filter(|i| has_locality_value(i, &code))
                            .cloned()
                            .collect();
                        (!items.is_empty())
                            .then(|| (statement.id.clone(), statement.text.clone(), items))
                    })
                    .collect();
                (!statements.is_empty())
                    .then(|| (domain.id.clone(), domain.name.clone(), statements))
            })
            .collect::<Vec<_>>();
        let profiled: Vec<IndicatorMeta> = sections
            .iter()
            .flat_map(|(_, _, statements)| statements.iter().flat_map(|(_, _, items)| items.iter()))
            .cloned()
            .collect();
        let without: Vec<(String, String)> = manifest
            .indicators
            .iter()
            .filter(|i| !has_locality_value(i, &code))
            .map(|i| (i.id.clone(), i.title.clone()))
            .collect();
        let without_total = without.len();
        let without_count = digits(lang, &without_total.to_string());
        let without_links = without
            .into_iter()
            .map(|(id, title)| {
                let link = href(&indicator_state(&state, &id));
                view! {
                    <li>
                        <a href=link lang=english_if_kept("indicator", &id, "title")>{title}</a>
                    </li>
                }
            })
            .collect_view();
        let manifest = manifest.clone();
        let assessment = view! {
            <LocalityAssessment manifest=manifest.clone() indicators=profiled locality=code.clone() name=name.clone() />
        };
        let named = |key: String| {
            sentence_with(
                &key,
                vec![(
                    "name",
                    view! { <span lang=name_lang>{name.clone()}</span> }.into_any(),
                )],
            )
        };
        view! {
            <h1>{named(tr!(lang, "locality.heading"))}</h1>
            <UrlNotice problems />
            <ChoiceLinks label=tr!(lang, "locality.choice_label") choices testid="locality-choice" />
            <p class="lede">
                {named(tr!(lang, "locality.lede_compare"))} " " {tr!(lang, "locality.lede_grouping")}
            </p>
            <p class="note">{tr!(lang, "locality.basis_explained")}</p>
            {assessment}
            {sections
                .into_iter()
                .map(|(domain_id, domain, statements)| {
                    let manifest = manifest.clone();
                    let code = code.clone();
                    view! {
                        <section class="domain" data-testid="profile-domain">
                            <h2 lang=english_if_kept("domain", &domain_id, "name")>{domain}</h2>
                            {statements
                                .into_iter()
                                .map(|(statement_id, text, items)| {
                                    view! {
                                        <StatementHeading id=statement_id text />
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
            <PopulationPyramid manifest=manifest.clone() area=code.clone() />
            {(without_total > 0).then(|| view! {
                <section class="domain" data-testid="locality-without">
                    <h2>{tr!(lang, "locality.without_heading")}</h2>
                    <p>{tr!(lang, "locality.without_text", count = without_count)}</p>
                    <ul class="without-list">{without_links}</ul>
                </section>
            })}
        }
    }
}

fn has_locality_value(indicator: &IndicatorMeta, locality: &str) -> bool {
    indicator
        .key_figures
        .as_ref()
        .is_some_and(|k| k.value(locality).is_some())
}

/// The borough's name from the manifest, marked as English where it has no translation.
fn borough_name(manifest: &Manifest, lang: Lang) -> AnyView {
    match manifest.area(BOROUGH_CODE) {
        Some(area) => view! {
            <span lang=english_if_kept("area", BOROUGH_CODE, "name")>{area.name.clone()}</span>
        }
        .into_any(),
        None => tr!(lang, "locality.the_borough").into_any(),
    }
}

/// One indicator in the profile: the value, its comparison and the dot plot.
#[component]
fn ProfileItem(
    indicator: IndicatorMeta,
    manifest: Arc<Manifest>,
    locality: String,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
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
    // The phrase is worded with a stand-in for the borough's name, so the name can be marked
    // as English where it has no translation, wherever the language puts it.
    let verdict = match (result, borough) {
        (Some(r), Some(b)) => {
            let phrase = comparison_phrase(r, "%{borough}", lang);
            let mut parts =
                sentence_with(&phrase, vec![("borough", borough_name(&manifest, lang))]);
            parts.push(format!(" ({})", value_with_unit(b, &indicator.unit, lang)).into_any());
            parts
        }
        _ => vec![tr!(lang, "locality.not_compared").into_any()],
    };
    let plot = locality_spine(&manifest, &key, &locality);
    let borough_label = manifest
        .area(BOROUGH_CODE)
        .map(|a| a.name.clone())
        .unwrap_or_else(|| tr!(lang, "locality.the_borough"));
    let id = indicator.id.clone();
    let link = move || {
        href(&State {
            indicator: Some(id.clone()),
            level: Level::Locality,
            ..view_state(&url.state(), View::Indicator)
        })
    };
    let headline = sentence_with(
        &tr!(lang, "locality.value_in_period"),
        vec![
            (
                "value",
                view! {
                    <span class="headline-value" data-testid="locality-value">
                        {value_with_unit(mine.value, &indicator.unit, lang)}
                    </span>
                }
                .into_any(),
            ),
            ("period", digits(lang, &key.period).into_any()),
        ],
    );
    let basis = {
        let (class, text) = match indicator.basis {
            Basis::Registered => ("basis registered", tr!(lang, "locality.basis_gp")),
            Basis::Resident => ("basis resident", tr!(lang, "locality.basis_resident")),
            Basis::ServiceUsers => ("basis service-users", tr!(lang, "locality.basis_service")),
        };
        view! { <p class=class data-testid="profile-basis">{text}</p> }
    };
    let key_text = plot.as_ref().map(|p| {
        let count = digits(lang, &p.dots.len().to_string());
        sentence_with(
            &tr!(lang, "locality.dots_key", count = count),
            vec![
                (
                    "name",
                    view! { <span lang=english_if_kept("area", &locality, "name")>{locality_name(&manifest, &locality)}</span> }
                        .into_any(),
                ),
                ("borough", borough_name(&manifest, lang)),
            ],
        )
    });
    let comparison = comparison_key(result);
    view! {
        <li class="profile-item" data-testid="profile-item" data-indicator=indicator.id.clone() data-comparison=comparison>
            <a href=link class="indicator-link" lang=english_if_kept("indicator", &indicator.id, "title")>
                {indicator.title.clone()}
            </a>
            {basis}
            <p class="headline">{headline}</p>
            <p class=format!("comparison {}", result.map_or("not-compared", comparison_class))>
                <span aria-hidden="true">{result.map_or("–", comparison_symbol)} " "</span>
                {verdict}
            </p>
            {plot.map(|p| view! { <SpinePlot plot=p unit=indicator.unit.clone() borough=borough_label /> })}
            {key_text.map(|k| view! { <p class="spine-key" data-testid="spine-key">{k}</p> })}
            <p class="source">{source_line_view(&indicator, lang)}</p>
        </li>
    }
    .into_any()
}

/// The locality's name from the manifest.
fn locality_name(manifest: &Manifest, code: &str) -> String {
    manifest
        .area(code)
        .map_or_else(|| code.to_string(), |a| a.name.clone())
}

/// The comparison with the borough as the word a test reads from the card (`data-comparison`).
fn comparison_key(result: Option<ComparisonResult>) -> &'static str {
    match result {
        Some(ComparisonResult::Better) => "better",
        Some(ComparisonResult::Similar) => "similar",
        Some(ComparisonResult::Worse) => "worse",
        Some(ComparisonResult::Higher) => "higher",
        Some(ComparisonResult::Lower) => "lower",
        Some(ComparisonResult::NotCompared) | None => "not-compared",
    }
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
/// Names without a translation are marked as English, for anyone reading the labels.
#[component]
fn SpinePlot(plot: Spine, unit: String, borough: String) -> impl IntoView {
    let lang = UrlState::get().lang();
    const W: f64 = 300.0;
    let x = |f: f64| 10.0 + f * (W - 20.0);
    view! {
        <svg class="spine" viewBox="0 0 300 44" aria-hidden="true" focusable="false">
            <line x1="10" y1="22" x2="290" y2="22" class="spine-axis" />
            {plot.borough_x.map(|b| view! {
                <line x1=x(b) y1="8" x2=x(b) y2="36" class="spine-borough" />
                <text
                    x=x(b)
                    y="44"
                    text-anchor="middle"
                    class="spine-label"
                    lang=english_if_kept("area", BOROUGH_CODE, "name")
                >
                    {borough}
                </text>
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
                    <text
                        x=x(d.x)
                        y="8"
                        text-anchor=label_anchor(d.x)
                        class="spine-label"
                    >
                        <tspan lang=english_if_kept("area", &d.code, "name")>{d.name.clone()}</tspan>
                        {format!(" {}{}", decimal(d.value, lang), if unit == "%" { "%" } else { "" })}
                    </text>
                })
                .collect_view()}
        </svg>
    }
}

/// Where a dot's label is anchored: near an end it runs inwards, so it stays in the card.
fn label_anchor(x: f64) -> &'static str {
    if x < 0.25 {
        "start"
    } else if x > 0.75 {
        "end"
    } else {
        "middle"
    }
}
