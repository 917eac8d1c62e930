//! The map: wards or localities shaded by an indicator's value, with a legend of value ranges
//! in words, a summary, and the same numbers as a table. Only indicators with figures at a
//! level the explorer has boundaries for are offered, and the choices (indicator, level,
//! period) are links like everywhere else. Locality outlines are unions of wards placed by a
//! provisional lookup, and the map says so.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use outcomes_charts::area_comparison::{benchmark_code, has_benchmark, periods_at};
use outcomes_charts::choropleth::{map_option, map_summary, map_view_at, MapView};
use outcomes_charts::format::{figure, unit_label};
use outcomes_core::model::{
    AreaLevel, Basis, BoundaryFile, IndicatorMeta, Lookup, LookupStatus, Manifest, Shard,
};
use outcomes_i18n::{digits, tr};
use outcomes_state::resolve::{mappable_indicators, resolve_period, url_level, Resolved};
use outcomes_state::{Lang, State, View};

use crate::components::chart_block::{level_name_plural, ProvisionalNotice};
use crate::components::choice_links::{Choice, ChoiceLinks};
use crate::components::echart::EChart;
use crate::components::load_error::LoadErrorMessage;
use crate::components::marked::Marked;
use crate::components::sentence::sentence_with;
use crate::components::url_notice::{PeriodNoteLine, UrlNotice};
use crate::data::{in_hand, LoadError};
use crate::dataset_text::{always_english, english_if_kept};
use crate::echarts::prepare_map;
use crate::pages::area::ward_state;
use crate::shards::ShardCache;
use crate::state::{href, view_state, ResolvedLink, UrlState};

/// The map page.
#[component]
pub fn MapPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let cache = ShardCache::get();
    let link = ResolvedLink::get().resolved;
    let mappable: Vec<IndicatorMeta> = mappable_indicators(&manifest)
        .into_iter()
        .cloned()
        .collect();
    let level = Memo::new(move |_| link.with(|r| r.level));
    let map_ready = LocalResource::new({
        let manifest = manifest.clone();
        move || {
            let file = link.with(|r| r.boundaries(&manifest).cloned());
            async move {
                let Some(file) = file else { return Ok(None) };
                prepare_map(&file, lang).await?;
                Ok::<_, LoadError>(Some(file))
            }
        }
    });
    let shard_path = Memo::new(move |_| link.with(Resolved::shard_path));
    let shard = LocalResource::new(move || {
        let path = shard_path.get();
        async move {
            match path {
                Some(path) => cache.load(path).await.map(Some),
                None => Ok(None),
            }
        }
    });
    // A page built on the host has the shard in hand and shows the map at once; the page
    // draws its chart on the outlines it names (`EChart`'s `outlines`), before the app.
    let in_hand_body = shard_path
        .get_untracked()
        .and_then(|path| in_hand::<Shard>(&path))
        .and_then(Result::ok)
        .zip(link.with_untracked(|r| r.boundaries(&manifest).cloned().zip(r.indicator.clone())));
    let body = match in_hand_body {
        Some((shard, (boundaries, indicator))) => {
            let (manifest, shard) = (manifest.clone(), Arc::new(shard));
            view! { <MapBody manifest boundaries shard indicator /> }.into_any()
        }
        None => view! {
            <Transition fallback=move || view! { <p class="loading">{tr!(lang, "map.loading")}</p> }>
                {move || {
                    let manifest = manifest.clone();
                    Suspend::new(async move {
                        let ready = map_ready.await;
                        let loaded = shard.await;
                        let indicator = link.get_untracked().indicator;
                        match (ready, loaded, indicator) {
                            (Err(error), _, _) => view! {
                                <UrlNotice />
                                <LoadErrorMessage error retry=Callback::new(move |_| map_ready.refetch()) />
                            }.into_any(),
                            (_, Err(error), _) => view! {
                                <UrlNotice />
                                <LoadErrorMessage error retry=Callback::new(move |_| shard.refetch()) />
                            }.into_any(),
                            (Ok(Some(boundaries)), Ok(Some(shard)), Some(indicator)) => {
                                view! { <MapBody manifest boundaries shard indicator /> }.into_any()
                            }
                            _ => view! { <UrlNotice /> <p role="status">{tr!(lang, "map.nothing_to_map")}</p> }.into_any(),
                        }
                    })
                }}
            </Transition>
        }
        .into_any(),
    };
    view! {
        <h1>{tr!(lang, "map.heading")}</h1>
        <p class="lede">{tr!(lang, "map.lede")}</p>
        {move || {
            let state = url.state();
            let current = link.with(|r| r.indicator.as_ref().map(|i| i.id.clone()));
            // The ward map offers the indicators with ward figures, the locality map those
            // with locality figures; the level choice below moves between the two.
            let shown = level.get();
            let choices: Vec<Choice> = mappable
                .iter()
                .filter(|i| shown.is_none_or(|l| i.levels.contains(&l)))
                .map(|i| Choice {
                    text: i.title.clone(),
                    href: href(&State { indicator: Some(i.id.clone()), period: None, ..state.clone() }),
                    current: current.as_deref() == Some(i.id.as_str()),
                    lang: english_if_kept("indicator", &i.id, "title"),
                })
                .collect();
            view! { <ChoiceLinks label=tr!(lang, "map.indicator_label") choices testid="map-indicator" folded=true /> }
        }}
        {move || {
            // Each level's map of the indicator shown (its page, where the link named none).
            let shown_indicator = link.with(|r| r.indicator.as_ref().map(|i| i.id.clone()));
            let state = State { indicator: shown_indicator, ..url.state() };
            let shown = level.get();
            let levels = link.with(|r| r.levels.clone());
            let choices: Vec<Choice> = levels
                .into_iter()
                .filter_map(|l| {
                    Some(Choice {
                        text: level_name_plural(l, lang),
                        href: href(&State { level: Some(url_level(l)?), ..state.clone() }),
                        current: shown == Some(l),
                        lang: None,
                    })
                })
                .collect();
            (choices.len() > 1).then(|| view! { <ChoiceLinks label=tr!(lang, "map.level_label") choices testid="map-level" /> })
        }}
        {body}
    }
}

/// The map of `indicator` on `boundaries`, for the period the link resolves to among the
/// shard's, with the notices that bear on it.
#[component]
fn MapBody(
    manifest: Arc<Manifest>,
    boundaries: BoundaryFile,
    shard: Arc<Shard>,
    indicator: IndicatorMeta,
) -> impl IntoView {
    let lang = UrlState::get().lang();
    let link = ResolvedLink::get().resolved;
    // The level of the boundaries registered, so that areas and outlines match.
    let level = boundaries.level;
    let mut ids: Vec<&String> = indicator.lookups.iter().collect();
    ids.extend(
        boundaries
            .lookup
            .iter()
            .filter(|id| !indicator.lookups.contains(id)),
    );
    let provisional: Vec<Lookup> = ids
        .into_iter()
        .filter(|id| bears_on(&manifest, id, level))
        .filter_map(|id| manifest.lookup(id))
        .filter(|l| l.status == LookupStatus::Provisional)
        .cloned()
        .collect();
    let periods = periods_at(&manifest, &shard, level);
    // The link resolved down to a period of this shard: the map's one notice.
    let shown = Memo::new({
        let (periods, shard) = (periods.clone(), shard.clone());
        move |_| {
            let mut resolved = link.get();
            resolve_period(&mut resolved, &periods, |p| has_benchmark(&shard, level, p));
            resolved
        }
    });
    let period = Memo::new(move |_| shown.with(|r| r.state.period.clone().unwrap_or_default()));
    let period_note = Signal::derive(move || shown.with(|r| r.period_note.clone()));
    let benchmark = manifest
        .area(benchmark_code(level))
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let view = Memo::new({
        let (manifest, shard, indicator) = (manifest.clone(), shard.clone(), indicator.clone());
        move |_| period.with(|p| map_view_at(&manifest, &indicator, &shard, p, level, lang))
    });
    // Area names kept in English, wherever the summary names them.
    let marked = Marked::default().english(
        manifest
            .areas_at(level)
            .map(|a| (a.name.clone(), english_if_kept("area", &a.code, "name"))),
    );
    view! {
        <UrlNotice resolved=shown />
        <PeriodNoteLine note=period_note benchmark />
        {(!provisional.is_empty()).then(|| view! { <ProvisionalNotice lookups=provisional /> })}
        <MapBlock indicator view=view.into() periods period=period.into() boundaries marked />
    }
}

/// The map with its title, summary, period links, legend, source and table.
#[component]
fn MapBlock(
    indicator: IndicatorMeta,
    view: Signal<MapView>,
    periods: Vec<String>,
    period: Signal<String>,
    boundaries: BoundaryFile,
    /// Names inside the summary to set apart.
    marked: Marked,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let localities = view.with_untracked(|v| v.level == AreaLevel::Locality);
    // The catalogue words "by ward" and "by locality" whole, as each language orders them.
    let (title_template, caption_template, column) = if localities {
        (
            tr!(lang, "map.title_locality"),
            tr!(lang, "map.caption_locality"),
            tr!(lang, "map.column_locality"),
        )
    } else {
        (
            tr!(lang, "map.title"),
            tr!(lang, "map.caption"),
            tr!(lang, "map.column_ward"),
        )
    };
    let summary = Signal::derive(move || view.with(|v| map_summary(v, lang)));
    let option = Signal::derive(move || view.with(|v| map_option(v, lang)));
    // An area on the map, and its row in the table, open that area's page: a ward's own page,
    // a locality's profile.
    let area_link = move |code: &str| {
        let state = url.state();
        if localities {
            href(&State {
                areas: vec![code.to_string()],
                ..view_state(&state, View::Locality)
            })
        } else {
            href(&ward_state(&state, code))
        }
    };
    let navigate = use_navigate();
    let on_choose =
        Callback::new(move |code: String| navigate(&area_link(&code), Default::default()));
    let period_links = move || {
        let state = url.state();
        let choices: Vec<Choice> = periods
            .iter()
            .map(|p| Choice {
                text: digits(lang, p),
                href: href(&State {
                    period: Some(p.clone()),
                    ..state.clone()
                }),
                current: *p == period.get(),
                lang: None,
            })
            .collect();
        (choices.len() > 1).then(
            || view! { <ChoiceLinks label=tr!(lang, "map.period_label") choices testid="map-period" /> },
        )
    };
    let title_lang = english_if_kept("indicator", &indicator.id, "title");
    let unit_words = move |v: &MapView| {
        if v.unit == "%" {
            tr!(lang, "map.percentage")
        } else {
            unit_label(&v.unit, lang)
        }
    };
    // The table's name for screen readers, and its caption with the title marked as English
    // where it has no translation.
    let table_name = move || {
        view.with(|v| {
            let (period, unit) = (digits(lang, &v.period), unit_label(&v.unit, lang));
            let values = [
                ("title", v.indicator_title.as_str()),
                ("period", period.as_str()),
                ("unit", unit.as_str()),
            ];
            let key = if localities {
                "map.caption_locality"
            } else {
                "map.caption"
            };
            outcomes_i18n::text_with(lang, key, &values)
        })
    };
    let caption = move || {
        view.with(|v| {
            sentence_with(
                &caption_template,
                vec![
                    (
                        "title",
                        view! { <span lang=title_lang>{v.indicator_title.clone()}</span> }
                            .into_any(),
                    ),
                    ("period", digits(lang, &v.period).into_any()),
                    ("unit", unit_label(&v.unit, lang).into_any()),
                ],
            )
        })
    };
    let heading = sentence_with(
        &title_template,
        vec![(
            "title",
            view! { <span lang=title_lang>{indicator.title.clone()}</span> }.into_any(),
        )],
    );
    let english = always_english(lang);
    let source = &indicator.source;
    let source_line = sentence_with(
        &tr!(lang, "map.source"),
        vec![(
            "source",
            view! {
                <span lang=english>
                    {format!("{}, {}. {}.", source.name, source.publisher, source.licence)}
                </span>
            }
            .into_any(),
        )],
    );
    // Outlines drawn from a provisional placement of smaller areas say so beside the map,
    // and GP-registered figures drawn on them say whom they count.
    let registered = indicator.basis == Basis::Registered;
    let provisional_outlines = boundaries.lookup.is_some().then(|| {
        view! {
            <p class="notice" role="note" data-testid="map-provisional">
                {tr!(lang, "map.provisional_outlines")}
                {registered.then(|| format!(" {}", tr!(lang, "map.registered_on_outlines")))}
            </p>
        }
    });
    let attribution = sentence_with(
        &tr!(lang, "map.boundaries"),
        vec![(
            "source",
            view! { <span lang=english>{format!("{} {}", boundaries.source, boundaries.attribution)}</span> }
                .into_any(),
        )],
    );
    view! {
        {period_links}
        <section class="chart-block" aria-labelledby="map-title" data-testid="map-block">
            <h2 id="map-title">{heading}</h2>
            <p class="subtitle">
                {move || view.with(|v| tr!(lang, "map.subtitle", unit = unit_words(v), period = digits(lang, &v.period)))}
            </p>
            <p class="summary" data-testid="map-summary">{move || marked.view(&summary.get())}</p>
            {provisional_outlines}
            <div class="map-layout">
                <EChart option summary testid="ward-map" class="map" on_choose outlines=boundaries />
                <div class="legend" data-testid="map-legend">
                    <p class="legend-title">{tr!(lang, "map.key")}</p>
                    <ul>
                        {move || view.with(|v| v.bands.iter().enumerate().map(|(i, b)| view! {
                            <li>
                                <span class="swatch" style:background-color=b.colour aria-hidden="true"></span>
                                {format!("{} {}", band_word(i, v.bands.len(), lang), b.label)}
                            </li>
                        }).collect_view())}
                    </ul>
                </div>
            </div>
            <p class="source">{source_line} " " {attribution}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=table_name>
                <table class="data-table" data-testid="map-table">
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">{tr!(lang, "map.column_key")}</th>
                            <th scope="col">{column}</th>
                            <th scope="col" class="num">{tr!(lang, "map.column_value")}</th>
                            <th scope="col">{tr!(lang, "map.column_band")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || view.with(|v| v.areas.iter().map(|a| view! {
                            <tr data-area=a.code.clone()>
                                <td class="num">{digits(lang, &a.key.to_string())}</td>
                                <th scope="row">
                                    <a href=area_link(&a.code) lang=english_if_kept("area", &a.code, "name")>{a.name.clone()}</a>
                                </th>
                                <td class="num" data-testid="value">{figure(a.value, &v.unit, lang)}</td>
                                <td>{format!("{} ({})", band_word(a.band, v.bands.len(), lang), v.bands[a.band].label)}</td>
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Whether figures at `level` can rest on lookup `id`. A lookup that places areas in wider
/// areas than `level` (wards in localities) does not bear on ward figures; one that areas of
/// the manifest do not name (LSOAs to wards, read from a file) is taken to bear on all.
fn bears_on(manifest: &Manifest, id: &str, level: AreaLevel) -> bool {
    let mut targets = manifest
        .areas
        .iter()
        .filter(|a| a.lookup.as_deref() == Some(id))
        .filter_map(|a| a.parent.as_deref().and_then(|p| manifest.area(p)))
        .map(|parent| parent.level)
        .peekable();
    // Wider areas have lower levels: a placement into a level at or below `level` matters.
    targets.peek().is_none() || targets.any(|to| to >= level)
}

/// The band's place in words, so the key reads without its colours.
fn band_word(band: usize, of: usize, lang: Lang) -> String {
    match (band, of) {
        (0, _) => tr!(lang, "map.band_lowest"),
        (b, n) if b + 1 == n => tr!(lang, "map.band_highest"),
        (b, n) => tr!(
            lang,
            "map.band_middle",
            band = digits(lang, &(b + 1).to_string()),
            of = digits(lang, &n.to_string())
        ),
    }
}
