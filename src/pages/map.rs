//! The map: wards shaded by an indicator's value, with a legend of value ranges in words,
//! a summary, and the same numbers as a table. Only indicators with ward figures are
//! offered, and the choices are links like everywhere else.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::area_comparison::periods_at;
use outcomes_charts::choropleth::{map_option, map_summary, map_view, MapView, WARD_MAP};
use outcomes_charts::format::decimal;
use outcomes_core::model::{AreaLevel, IndicatorMeta, Lookup, LookupStatus, Manifest};
use outcomes_state::State;

use crate::components::chart_block::ProvisionalNotice;
use crate::components::choice_links::{Choice, ChoiceLinks};
use crate::components::echart::EChart;
use crate::components::load_error::LoadErrorMessage;
use crate::components::url_notice::UrlNotice;
use crate::data::load_boundaries;
use crate::data::LoadError;
use crate::echarts::{load_library, register_map};
use crate::shards::ShardCache;
use crate::state::{chosen_or_default, href, UrlState};

/// The map page.
#[component]
pub fn MapPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let cache = ShardCache::get();
    let mappable: Vec<IndicatorMeta> = manifest
        .indicators
        .iter()
        .filter(|i| i.levels.contains(&AreaLevel::Ward))
        .cloned()
        .collect();
    let chosen = Memo::new({
        let mappable = mappable.clone();
        move |_| {
            url.0.with(|p| {
                chosen_or_default(
                    p.state.indicator.as_deref(),
                    |id| mappable.iter().find(|i| i.id == id).cloned().map(Some),
                    || mappable.first().cloned(),
                    |id, _| {
                        format!("“{id}” has no ward figures to map, so the first indicator that has is shown.")
                    },
                )
            })
        }
    });
    let boundaries = manifest
        .boundaries
        .iter()
        .find(|b| b.level == AreaLevel::Ward)
        .cloned();
    let map_ready = LocalResource::new({
        let path = boundaries.as_ref().map(|b| b.path.clone());
        move || {
            let path = path.clone();
            async move {
                let Some(path) = path else { return Ok(false) };
                let geo_json = load_boundaries(&path).await?;
                load_library().await.map_err(|_| LoadError::Network {
                    file: "the chart library".to_string(),
                })?;
                register_map(WARD_MAP, &geo_json);
                Ok(true)
            }
        }
    });
    let shard = LocalResource::new(move || {
        let path = chosen.with(|(i, _)| i.as_ref().map(|i| i.shard.clone()));
        async move {
            match path {
                Some(path) => cache.load(path).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let problems = Signal::derive(move || chosen.with(|(_, note)| note.iter().cloned().collect()));
    let attribution = boundaries.map(|b| format!("Boundaries: {} {}", b.source, b.attribution));

    view! {
        <h1>"Map of wards"</h1>
        <UrlNotice problems />
        <p class="lede">
            "Figures for the borough's 20 wards, where the source has them. Ward figures are "
            "built from small areas (LSOAs) using the lookups on the About page."
        </p>
        {move || {
            let state = url.state();
            let current = chosen.with(|(i, _)| i.as_ref().map(|i| i.id.clone()));
            let choices: Vec<Choice> = mappable
                .iter()
                .map(|i| Choice {
                    text: i.title.clone(),
                    href: href(&State { indicator: Some(i.id.clone()), period: None, ..state.clone() }),
                    current: current.as_deref() == Some(i.id.as_str()),
                })
                .collect();
            view! { <ChoiceLinks label="Indicator".to_string() choices testid="map-indicator" /> }
        }}
        <Transition fallback=|| view! { <p class="loading">"Loading the map…"</p> }>
            {move || {
                let manifest = manifest.clone();
                let attribution = attribution.clone();
                Suspend::new(async move {
                    let ready = map_ready.await;
                    let loaded = shard.await;
                    let indicator = chosen.get_untracked().0;
                    match (ready, loaded, indicator) {
                        (Err(error), _, _) => view! {
                            <LoadErrorMessage error retry=Callback::new(move |_| map_ready.refetch()) />
                        }.into_any(),
                        (_, Err(error), _) => view! {
                            <LoadErrorMessage error retry=Callback::new(move |_| shard.refetch()) />
                        }.into_any(),
                        (Ok(true), Ok(Some(shard)), Some(indicator)) => {
                            let provisional: Vec<Lookup> = indicator
                                .lookups
                                .iter()
                                .filter_map(|id| manifest.lookup(id))
                                .filter(|l| l.status == LookupStatus::Provisional)
                                .cloned()
                                .collect();
                            let periods = periods_at(&manifest, &shard, AreaLevel::Ward);
                            let period = Memo::new({
                                let periods = periods.clone();
                                move |_| {
                                    url.0.with(|p| match &p.state.period {
                                        Some(asked) if periods.contains(asked) => asked.clone(),
                                        _ => periods.last().cloned().unwrap_or_default(),
                                    })
                                }
                            });
                            let view = Memo::new({
                                let (manifest, shard, indicator) = (manifest.clone(), shard.clone(), indicator.clone());
                                move |_| period.with(|p| map_view(&manifest, &indicator, &shard, p))
                            });
                            view! {
                                {(!provisional.is_empty()).then(|| view! { <ProvisionalNotice lookups=provisional /> })}
                                <MapBlock indicator view=view.into() periods period=period.into() attribution />
                            }
                                .into_any()
                        }
                        _ => view! { <p role="status">"No indicator has ward figures to map yet."</p> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// The map with its title, summary, period links, legend, source and table.
#[component]
fn MapBlock(
    indicator: IndicatorMeta,
    view: Signal<MapView>,
    periods: Vec<String>,
    period: Signal<String>,
    attribution: Option<String>,
) -> impl IntoView {
    let url = UrlState::get();
    let summary = Signal::derive(move || view.with(map_summary));
    let option = Signal::derive(move || view.with(map_option));
    let period_links = move || {
        let state = url.state();
        let choices: Vec<Choice> = periods
            .iter()
            .map(|p| Choice {
                text: p.clone(),
                href: href(&State {
                    period: Some(p.clone()),
                    ..state.clone()
                }),
                current: *p == period.get(),
            })
            .collect();
        (choices.len() > 1).then(
            || view! { <ChoiceLinks label="Period".to_string() choices testid="map-period" /> },
        )
    };
    let caption =
        move || view.with(|v| format!("{} by ward, {} ({})", v.indicator_title, v.period, v.unit));
    view! {
        {period_links}
        <section class="chart-block" aria-labelledby="map-title" data-testid="map-block">
            <h2 id="map-title">{format!("{} by ward", indicator.title)}</h2>
            <p class="subtitle">{move || view.with(|v| format!("{}, {}", if v.unit == "%" { "Percentage".to_string() } else { v.unit.clone() }, v.period))}</p>
            <p class="summary" data-testid="map-summary">{move || summary.get()}</p>
            <div class="map-layout">
                <EChart option summary testid="ward-map" class="map" />
                <div class="legend" data-testid="map-legend">
                    <p class="legend-title">"Key"</p>
                    <ul>
                        {move || view.with(|v| v.bands.iter().enumerate().map(|(i, b)| view! {
                            <li>
                                <span class="swatch" style:background-color=b.colour aria-hidden="true"></span>
                                {format!("{} {}", band_word(i, v.bands.len()), b.label)}
                            </li>
                        }).collect_view())}
                    </ul>
                </div>
            </div>
            <p class="source">
                "Source: " {indicator.source.name.clone()} ", " {indicator.source.publisher.clone()} ". "
                {indicator.source.licence.clone()} ". " {attribution}
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
                <table class="data-table" data-testid="map-table">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">"Ward"</th><th scope="col" class="num">"Value"</th><th scope="col">"Band"</th></tr></thead>
                    <tbody>
                        {move || view.with(|v| v.areas.iter().map(|a| view! {
                            <tr data-area=a.code.clone()>
                                <th scope="row">{a.name.clone()}</th>
                                <td class="num" data-testid="value">{decimal(a.value)}</td>
                                <td>{format!("{} ({})", band_word(a.band, v.bands.len()), v.bands[a.band].label)}</td>
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The band's place in words, so the key reads without its colours.
fn band_word(band: usize, of: usize) -> String {
    match (band, of) {
        (0, _) => "Lowest:".to_string(),
        (b, n) if b + 1 == n => "Highest:".to_string(),
        (b, n) => format!("Band {} of {n}:", b + 1),
    }
}
