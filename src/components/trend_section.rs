//! "Over time": the chosen areas' values over every period, as a chart with its summary and
//! the same numbers as a table. Areas are added and removed with links, so the choice is in
//! the URL like every other.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{figure, unit_label};
use outcomes_charts::trend::{
    trend_option, trend_summary, trend_view, TrendView, DEFAULT_TREND_AREAS,
};
use outcomes_core::model::{AreaLevel, IndicatorMeta, Manifest, Shard};
use outcomes_i18n::{digits, tr};
use outcomes_state::{Lang, State};

use crate::components::chart_block::source_line_view;
use crate::components::echart::EChart;
use crate::components::marked::Marked;
use crate::dataset_text::english_if_kept;
use crate::state::{href, UrlState};

/// More areas than this to add to the trend fold away under one line.
const FOLD_AFTER: usize = 8;

/// The trend section of an indicator page. `level` is the level the bars show, whose areas
/// are offered alongside the borough and its benchmarks.
#[component]
pub fn TrendSection(
    manifest: Arc<Manifest>,
    indicator: IndicatorMeta,
    shard: Arc<Shard>,
    level: Signal<AreaLevel>,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let marked = Marked::for_indicator(&manifest, &indicator);
    let view = Memo::new({
        let (manifest, indicator, shard) = (manifest.clone(), indicator.clone(), shard.clone());
        move |_| {
            url.0
                .with(|p| trend_view(&manifest, &indicator, &shard, &p.state.areas))
        }
    });
    let summary = Signal::derive(move || view.with(|v| trend_summary(v, lang)));
    let period_range = {
        let (first, last) = (
            shard.periods.first().cloned(),
            shard.periods.last().cloned(),
        );
        let unit = unit_label(&indicator.unit, lang);
        match (first, last) {
            (Some(first), Some(last)) if first != last => tr!(
                lang,
                "trend.subtitle_range",
                unit = unit,
                first = digits(lang, &first),
                last = digits(lang, &last)
            ),
            (Some(only), _) => tr!(
                lang,
                "trend.subtitle_one",
                unit = unit,
                period = digits(lang, &only)
            ),
            _ => unit,
        }
    };
    let subtitle = move || {
        let intervals = view.with(TrendView::has_intervals);
        let with = intervals.then(|| tr!(lang, "trend.with_intervals"));
        format!("{period_range}{}", with.unwrap_or_default())
    };
    let option = Signal::derive(move || view.with(|v| trend_option(v, lang)));
    // Links that add or take away one area each: the borough and its benchmarks, then the
    // areas of the level the bars show, each once (at borough level Tower Hamlets is both).
    let toggle = move |code: String, name: String, shown: &[String], state: &State| {
        let on = shown.contains(&code);
        let mut areas = shown.to_vec();
        if on {
            areas.retain(|c| *c != code);
        } else {
            areas.push(code.clone());
        }
        let link = href(&State {
            areas,
            ..state.clone()
        });
        let text = if on {
            tr!(lang, "trend.hide", name = name)
        } else {
            tr!(lang, "trend.show", name = name)
        };
        let text = Marked::default()
            .english([(name, english_if_kept("area", &code, "name"))])
            .view(&text);
        view! {
            <li>
                <a href=link class:on=on data-area=code.clone()>
                    <span aria-hidden="true">{if on { "✓ " } else { "+ " }}</span>
                    {text}
                </a>
            </li>
        }
    };
    let toggles = move || {
        let state = url.state();
        let shown: Vec<String> = view.with(|v| v.series.iter().map(|s| s.code.clone()).collect());
        let has_values = |code: &str| {
            shard
                .values
                .iter()
                .any(|p| p.area == code && p.value.is_some())
        };
        let mut first: Vec<(String, String)> = Vec::new();
        for area in DEFAULT_TREND_AREAS
            .iter()
            .filter_map(|code| manifest.area(code))
        {
            if has_values(&area.code) {
                first.push((area.code.clone(), area.name.clone()));
            }
        }
        let more: Vec<(String, String)> = manifest
            .areas_at(level.get())
            .filter(|a| has_values(&a.code) && !first.iter().any(|(c, _)| *c == a.code))
            .map(|a| (a.code.clone(), a.name.clone()))
            .collect();
        let listed = |areas: Vec<(String, String)>| {
            areas
                .into_iter()
                .map(|(code, name)| toggle(code, name, &shown, &state))
                .collect_view()
        };
        // A long list (32 London boroughs) folds away behind one line, open while any of its
        // areas is drawn, so the chart is not pushed below a wall of links.
        let folded = more.len() > FOLD_AFTER;
        let open = more.iter().any(|(code, _)| shown.contains(code));
        let count = digits(lang, &more.len().to_string());
        view! {
            <ul>{listed(first)}</ul>
            {if folded {
                view! {
                    <details class="more-areas" open=open data-testid="trend-more-areas">
                        <summary>{tr!(lang, "trend.more_areas", count = count)}</summary>
                        <ul>{listed(more)}</ul>
                    </details>
                }
                .into_any()
            } else {
                view! { <ul>{listed(more)}</ul> }.into_any()
            }}
        }
    };
    let heading = marked.view(&tr!(lang, "trend.heading", title = indicator.title));
    let marked_summary = marked.clone();
    let marked_subtitle = marked.clone();
    view! {
        <section class="trend" aria-labelledby="trend-title" data-testid="trend">
            <h2 id="trend-title">{heading}</h2>
            <p class="subtitle" data-testid="trend-subtitle">{move || marked_subtitle.view(&subtitle())}</p>
            <p class="summary" data-testid="trend-summary">{move || marked_summary.view(&summary.get())}</p>
            <nav aria-label=tr!(lang, "trend.areas_label") class="toggles" data-testid="trend-areas">
                {toggles}
            </nav>
            <EChart option summary testid="trend-chart" class="trend-chart" />
            {move || view.with(|v| definition_notes(v, lang))}
            <p class="source">{source_line_view(&indicator, lang)}</p>
            <TrendTable view=view.into() marked />
        </section>
    }
}

/// Under the chart, what changed at each dashed line: the source's own note, which the data
/// publishes in English only.
fn definition_notes(view: &TrendView, lang: Lang) -> impl IntoView {
    let note_lang = (lang != Lang::En).then_some("en");
    view.definition_changes
        .iter()
        .map(|(period, note)| {
            view! {
                <p class="note" data-testid="trend-definition-change">
                    <strong>{tr!(lang, "charts.trend.definition_mark")} " (" {digits(lang, period)} "): "</strong>
                    <span lang=note_lang>{note.clone()}</span>
                </p>
            }
        })
        .collect_view()
}

/// The trend's numbers: a row per period, a column per area.
#[component]
fn TrendTable(view: Signal<TrendView>, marked: Marked) -> impl IntoView {
    let lang = UrlState::get().lang();
    move || {
        view.with(|v| {
            let header = v
                .series
                .iter()
                .map(|s| {
                    view! {
                        <th scope="col" class="num" lang=english_if_kept("area", &s.code, "name")>
                            {s.name.clone()}
                        </th>
                    }
                })
                .collect_view();
            let rows = v
                .periods
                .iter()
                .enumerate()
                .filter(|(i, _)| v.series.iter().any(|s| s.points[*i].is_some()))
                .map(|(i, period)| {
                    let cells = v
                        .series
                        .iter()
                        .map(|s| {
                            let text = s.points[i].map_or_else(
                                || "–".to_string(),
                                |(value, ci)| match ci {
                                    Some(ci) => tr!(
                                        lang,
                                        "trend.value_with_interval",
                                        value = figure(value, &v.unit, lang),
                                        lower = figure(ci.lower, &v.unit, lang),
                                        upper = figure(ci.upper, &v.unit, lang)
                                    ),
                                    None => figure(value, &v.unit, lang),
                                },
                            );
                            view! { <td class="num">{text}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{digits(lang, period)}</th>{cells}</tr> }
                })
                .collect_view();
            let mut caption = tr!(
                lang,
                "trend.table_caption",
                title = v.indicator_title,
                unit = unit_label(&v.unit, lang)
            );
            if v.has_intervals() {
                caption.push_str(&tr!(lang, "trend.with_intervals"));
            }
            let region = caption.clone();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=region>
                    <table class="data-table" data-testid="trend-table">
                        <caption>{marked.view(&caption)}</caption>
                        <thead><tr><th scope="col">{tr!(lang, "trend.period")}</th>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    }
}
