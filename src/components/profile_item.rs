//! An area's profile (a locality's or a ward's), indicator by indicator under its domain and
//! I statement: the area's value, how it compares with the borough, and a dot plot of every
//! area of its level with the borough's value, so a person sees at a glance where their area
//! sits.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{figure, value_with_unit};
use outcomes_charts::spine::{spine, Spine};
use outcomes_charts::summary::{comparison_class, comparison_phrase, comparison_symbol};
use outcomes_core::model::{
    AreaLevel, Basis, ComparisonResult, IndicatorMeta, KeyFigures, Manifest, BOROUGH_CODE,
    ENGLAND_CODE,
};
use outcomes_i18n::{digits, tr};
use outcomes_state::{Lang, State, View};

use crate::components::chart_block::source_line_view;
use crate::components::sentence::sentence_with;
use crate::components::statement_heading::StatementHeading;
use crate::dataset_text::english_if_kept;
use crate::state::{href, view_state, UrlState};
use outcomes_state::resolve::url_level;

/// An indicator on a profile, with the figures that hold the area's.
pub type Profiled = (IndicatorMeta, KeyFigures);

/// One I statement of a profile: its id, its text and its indicators.
pub type ProfiledStatement = (String, String, Vec<Profiled>);

/// One domain of a profile, with its I statements and, under each, the indicators that have
/// a figure for the area.
#[derive(Clone)]
pub struct ProfileSection {
    pub domain_id: String,
    pub domain: String,
    pub statements: Vec<ProfiledStatement>,
}

/// The profile of `area`: each indicator once, under the first statement that holds it, when
/// `figures` gives it figures with a value for the area. Domains and statements with none are
/// left out.
pub fn profile_sections(
    manifest: &Manifest,
    figures: impl Fn(&IndicatorMeta) -> Option<KeyFigures>,
    area: &str,
) -> Vec<ProfileSection> {
    let mut listed = std::collections::BTreeSet::new();
    manifest
        .framework
        .domains
        .iter()
        .filter_map(|domain| {
            let statements: Vec<_> = domain
                .i_statements
                .iter()
                .filter_map(|statement| {
                    let items: Vec<Profiled> = statement
                        .indicators
                        .iter()
                        .filter(|id| listed.insert(id.as_str()))
                        .filter_map(|id| manifest.indicator(id))
                        .filter_map(|i| {
                            let key = figures(i).filter(|k| k.value(area).is_some())?;
                            Some((i.clone(), key))
                        })
                        .collect();
                    (!items.is_empty())
                        .then(|| (statement.id.clone(), statement.text.clone(), items))
                })
                .collect();
            (!statements.is_empty()).then(|| ProfileSection {
                domain_id: domain.id.clone(),
                domain: domain.name.clone(),
                statements,
            })
        })
        .collect()
}

/// Every indicator of `sections`, in the order shown, with its figures.
pub fn profiled(sections: &[ProfileSection]) -> Vec<Profiled> {
    sections
        .iter()
        .flat_map(|s| s.statements.iter().flat_map(|(_, _, items)| items.iter()))
        .cloned()
        .collect()
}

/// The profile's domains, statements and cards.
#[component]
pub fn ProfileSections(
    manifest: Arc<Manifest>,
    sections: Vec<ProfileSection>,
    area: String,
    level: AreaLevel,
) -> impl IntoView {
    sections
        .into_iter()
        .map(|section| {
            let manifest = manifest.clone();
            let area = area.clone();
            view! {
                <section class="domain" data-testid="profile-domain">
                    <h2 lang=english_if_kept("domain", &section.domain_id, "name")>{section.domain}</h2>
                    {section
                        .statements
                        .into_iter()
                        .map(|(statement_id, text, items)| {
                            view! {
                                <StatementHeading id=statement_id text />
                                <ul class="profile-list">
                                    {items
                                        .into_iter()
                                        .map(|(indicator, key)| view! {
                                            <ProfileItem indicator key manifest=manifest.clone() area=area.clone() level />
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })
                        .collect_view()}
                </section>
            }
        })
        .collect_view()
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

/// One indicator of `area`'s profile from `key`, the figures of every area of `level` with the
/// borough's: the value, its comparison and the dot plot.
#[component]
pub fn ProfileItem(
    indicator: IndicatorMeta,
    key: KeyFigures,
    manifest: Arc<Manifest>,
    area: String,
    level: AreaLevel,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let Some(mine) = key.value(&area).cloned() else {
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
    // England too, where the source has an England figure and the area was compared with it.
    let england = mine
        .comparisons
        .iter()
        .find(|c| c.benchmark == ENGLAND_CODE && c.result != ComparisonResult::NotCompared)
        .map(|c| c.result)
        .zip(key.value(ENGLAND_CODE).map(|e| e.value))
        .map(|(r, e)| {
            let name = manifest
                .area(ENGLAND_CODE)
                .map_or_else(|| ENGLAND_CODE.to_string(), |a| a.name.clone());
            let phrase = comparison_phrase(r, "%{england}", lang);
            let mut parts = sentence_with(
                &phrase,
                vec![(
                    "england",
                    view! { <span lang=english_if_kept("area", ENGLAND_CODE, "name")>{name}</span> }
                        .into_any(),
                )],
            );
            parts.push(format!(" ({})", value_with_unit(e, &indicator.unit, lang)).into_any());
            view! {
                <p class=format!("comparison {}", comparison_class(r)) data-testid="profile-england">
                    <span aria-hidden="true">{comparison_symbol(r)} " "</span>
                    {parts}
                </p>
            }
        });
    let plot = level_spine(&manifest, &key, level, &area);
    let borough_label = manifest
        .area(BOROUGH_CODE)
        .map(|a| a.name.clone())
        .unwrap_or_else(|| tr!(lang, "locality.the_borough"));
    let id = indicator.id.clone();
    let link = move || {
        href(&State {
            indicator: Some(id.clone()),
            level: url_level(level),
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
            &match level {
                AreaLevel::Ward => tr!(lang, "area.dots_key", count = count),
                _ => tr!(lang, "locality.dots_key", count = count),
            },
            vec![
                (
                    "name",
                    view! { <span lang=english_if_kept("area", &area, "name")>{area_name(&manifest, &area)}</span> }
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
            {england}
            {plot.map(|p| view! { <SpinePlot plot=p unit=indicator.unit.clone() borough=borough_label /> })}
            {key_text.map(|k| view! { <p class="spine-key" data-testid="spine-key">{k}</p> })}
            <p class="source">{source_line_view(&indicator, lang)}</p>
        </li>
    }
    .into_any()
}

/// The area's name from the manifest.
fn area_name(manifest: &Manifest, code: &str) -> String {
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

fn level_spine(
    manifest: &Manifest,
    key: &KeyFigures,
    level: AreaLevel,
    chosen: &str,
) -> Option<Spine> {
    let values: Vec<(String, String, f64)> = manifest
        .areas_at(level)
        .filter_map(|a| {
            key.value(&a.code)
                .map(|v| (a.code.clone(), a.name.clone(), v.value))
        })
        .collect();
    spine(&values, key.value(BOROUGH_CODE).map(|b| b.value), chosen)
}

/// The dot plot as SVG. It repeats what the text says, so it is hidden from screen readers;
/// the chosen area is a larger, filled, labelled dot, so colour is not needed to find it.
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
                        {format!(" {}{}", figure(d.value, &unit, lang), if unit == "%" { "%" } else { "" })}
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
