//! The indicator view: one indicator's areas compared, at the level, period and order the URL
//! asks for, with the choices as links.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::area_comparison::{area_comparison, periods_at, AreaComparison};
use outcomes_core::localise::{key, localise_texts};
use outcomes_core::model::{AreaLevel, IndicatorMeta, Manifest, Shard};
use outcomes_i18n::{digits, tr};
use outcomes_state::{Sort, State};

use outcomes_charts::breakdown::breakdown_comparison;
use outcomes_charts::format::capitalise;

use crate::components::breakdown_section::BreakdownSection;
use crate::components::chart_block::{level_name_plural, ChartBlock};
use crate::components::choice_links::{Choice, ChoiceLinks};
use crate::components::indicator_nav::IndicatorNav;
use crate::components::load_error::LoadErrorMessage;
use crate::components::marked::Marked;
use crate::components::trend_section::TrendSection;
use crate::components::url_notice::UrlNotice;
use crate::data::unknown_areas;
use crate::dataset_text::english_if_kept;
use crate::echarts::dismiss_first_view;
use crate::shards::ShardCache;
use crate::state::{area_level, chosen_or_default, href, url_level, UrlState};

/// The indicator shown when the link names none: QOF smoking prevalence.
const DEFAULT_INDICATOR: &str = "91547";

/// Finds the indicator the URL names, or the default with a note saying why.
fn chosen_indicator(manifest: &Manifest, state: &State) -> (Option<IndicatorMeta>, Option<String>) {
    chosen_or_default(
        state.indicator.as_deref(),
        |id| manifest.indicator(id).cloned().map(Some),
        || {
            manifest
                .indicator(DEFAULT_INDICATOR)
                .or(manifest.indicators.first())
                .cloned()
        },
        |id, shown| match shown {
            Some(shown) => tr!(
                state.lang,
                "indicator.unknown_indicator",
                id = id,
                title = shown.title
            ),
            None => tr!(state.lang, "indicator.unknown_indicator_nothing", id = id),
        },
    )
}

/// Loads the chosen indicator's shard, then shows it.
#[component]
pub fn IndicatorPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let cache = ShardCache::get();
    let chosen = Memo::new({
        let manifest = manifest.clone();
        move |_| url.0.with(|p| chosen_indicator(&manifest, &p.state))
    });
    // The level decides which shard to load; the other choices only change what is drawn.
    let level = Memo::new(move |_| {
        chosen.with(|(indicator, _)| {
            let indicator = indicator.as_ref()?;
            url.0.with(|p| shown_level(&indicator.levels, &p.state))
        })
    });
    let shard = LocalResource::new(move || {
        let path = chosen.with(|(indicator, _)| {
            let indicator = indicator.as_ref()?;
            level.with(|l| l.as_ref().map(|(level, _)| indicator.shard_path(*level)))
        });
        async move {
            match path {
                Some(path) => cache.load(path).await.map(Some),
                None => Ok(None),
            }
        }
    });

    view! {
        <Transition fallback=move || view! { <p class="loading">{tr!(lang, "indicator.loading")}</p> }>
            {move || {
                let manifest = manifest.clone();
                Suspend::new(async move {
                    let indicator = chosen.get_untracked().0;
                    let shown = level.get_untracked();
                    match (shard.await, indicator) {
                        (Err(error), _) => {
                            view! {
                                <h1>{tr!(lang, "indicator.heading")}</h1>
                                <LoadErrorMessage error retry=Callback::new(move |_| shard.refetch()) />
                            }
                                .into_any()
                        }
                        (Ok(Some(shard)), Some(indicator)) => {
                            let (level, level_note) = shown.unwrap_or((AreaLevel::Locality, None));
                            view! { <IndicatorBody manifest indicator shard level level_note chosen /> }.into_any()
                        }
                        // An indicator with no figures at any level has no shard to load.
                        (Ok(None), Some(indicator)) => {
                            let shard = Arc::new(Shard::empty(&indicator.id));
                            view! { <IndicatorBody manifest indicator shard level=AreaLevel::Locality level_note=None chosen /> }.into_any()
                        }
                        _ => {
                            // No chart here: the one drawn before the app loaded must go.
                            dismiss_first_view();
                            view! {
                                <h1>{tr!(lang, "indicator.heading")}</h1>
                                <p role="status">{tr!(lang, "indicator.none_published")}</p>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}

/// The choices this page resolved from the URL against what the data has.
#[derive(Clone, PartialEq)]
struct Resolved {
    level: AreaLevel,
    period: String,
    sort: Sort,
    levels: Vec<AreaLevel>,
    periods: Vec<String>,
    problems: Vec<String>,
}

/// The level a view shows, among the `levels` it can show (on the indicator view every level
/// with figures; on the map those that also have boundaries): the link's level where it is
/// one of them, otherwise the first, with a note when the link asked for another. None
/// where there is no level to show.
pub fn shown_level(levels: &[AreaLevel], state: &State) -> Option<(AreaLevel, Option<String>)> {
    let wanted = area_level(state.level);
    if levels.contains(&wanted) {
        return Some((wanted, None));
    }
    let first = *levels.first()?;
    let note = (state.level != outcomes_state::Level::default()).then(|| {
        tr!(
            state.lang,
            "indicator.level_unavailable",
            wanted = level_name_plural(wanted, state.lang),
            shown = level_name_plural(first, state.lang)
        )
    });
    Some((first, note))
}

/// The choices to draw from `shard`, the indicator's figures at `level`.
fn resolve(
    manifest: &Manifest,
    indicator: &IndicatorMeta,
    shard: &Shard,
    level: AreaLevel,
    level_note: Option<String>,
    state: &State,
) -> Option<Resolved> {
    let levels = indicator.levels.clone();
    let mut problems: Vec<String> = level_note.into_iter().collect();
    let periods = periods_at(manifest, shard, level);
    let latest = periods.last()?.clone();
    let period = match &state.period {
        Some(p) if periods.contains(p) => p.clone(),
        Some(p) => {
            problems.push(tr!(
                state.lang,
                "indicator.period_unavailable",
                period = digits(state.lang, p),
                latest = digits(state.lang, &latest)
            ));
            latest
        }
        None => latest,
    };
    Some(Resolved {
        level,
        period,
        sort: state.sort,
        levels,
        periods,
        problems,
    })
}

#[component]
fn IndicatorBody(
    manifest: Arc<Manifest>,
    indicator: IndicatorMeta,
    /// The indicator's figures at `level`.
    shard: Arc<Shard>,
    level: AreaLevel,
    /// Why `level` is not the one the link asked for, if it is not.
    level_note: Option<String>,
    chosen: Memo<(Option<IndicatorMeta>, Option<String>)>,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let marked = Marked::for_indicator(&manifest, &indicator);
    let texts = Arc::new(localise_texts(&shard, lang.as_str()));
    let resolved = Memo::new({
        let (manifest, shard, indicator) = (manifest.clone(), shard.clone(), indicator.clone());
        move |_| {
            url.0.with(|p| {
                resolve(
                    &manifest,
                    &indicator,
                    &shard,
                    level,
                    level_note.clone(),
                    &p.state,
                )
            })
        }
    });
    // Figures for areas the manifest does not know cannot be placed or named; say so rather
    // than drop them silently (a half-deployed release can cause this).
    let unknown = unknown_areas(&manifest, &shard);
    let unknown_note = (!unknown.is_empty()).then(|| {
        let text = tr!(lang, "indicator.unknown_areas", codes = unknown.join(", "));
        Marked::default().no_translate(unknown).view(&text)
    });
    let problems = Signal::derive(move || {
        let mut all: Vec<String> = chosen.with(|(_, note)| note.iter().cloned().collect());
        resolved.with(|r| all.extend(r.iter().flat_map(|r| r.problems.iter().cloned())));
        all
    });
    let comparison = Memo::new({
        let (manifest, shard, indicator) = (manifest.clone(), shard.clone(), indicator.clone());
        move |_| {
            resolved.with(|r| {
                r.as_ref().map(|r| {
                    area_comparison(&manifest, &indicator, &shard, r.level, &r.period, r.sort)
                })
            })
        }
    });
    let lookups = indicator
        .lookups
        .iter()
        .filter_map(|id| manifest.lookup(id))
        .map(|lookup| (lookup.clone(), levels_grouped_by(&manifest, &lookup.id)))
        .collect::<Vec<_>>();
    // Whether any area at this level has a value depends only on the shard, which this body
    // keeps for its whole life; choices in the URL then always resolve to something to draw.
    let has_values = !periods_at(&manifest, &shard, level).is_empty();

    // An embedded chart is the chart block alone: the host page has its own headings and
    // navigation, and the block links back to the full view.
    let embedded = url.0.with_untracked(|p| p.state.embed);

    view! {
        <h1 class:visually-hidden=embedded lang=english_if_kept("indicator", &indicator.id, "title")>
            {indicator.title.clone()}
        </h1>
        <UrlNotice problems />
        {unknown_note.map(|note| view! { <p class="notice" role="status" data-testid="data-notice">{note}</p> })}
        {(!embedded).then(|| view! {
            <p class="lede" lang=texts.lang_attr(&key("indicator", &indicator.id, "description"))>
                {texts.data.description.clone()}
            </p>
        })}
        {(!embedded).then(|| view! { <IndicatorNav manifest=manifest.clone() indicator=indicator.id.clone() /> })}
        {move || (!embedded).then(|| resolved.get().map(|r| view! { <Controls resolved=r /> }))}
        {if has_values {
            let empty = no_rows(&indicator);
            let view = Signal::derive(move || comparison.get().unwrap_or_else(|| empty.clone()));
            let level = Signal::derive(move || resolved.with(|r| r.as_ref().map_or(AreaLevel::Locality, |r| r.level)));
            view! {
                <ChartBlock indicator=indicator.clone() view lookups texts=texts.clone() marked=marked.clone() />
                {(!embedded).then(|| view! {
                    <TrendSection manifest=manifest.clone() indicator=indicator.clone() shard=shard.clone() level />
                    {breakdown_comparison(&manifest, &indicator, &shard).map(|view| view! { <BreakdownSection view indicator=indicator.clone() marked=marked.clone() /> })}
                })}
            }
                .into_any()
        } else {
            dismiss_first_view();
            view! {
                <p role="status" data-testid="no-values">
                    {marked.view(&tr!(lang, "indicator.no_values", title = indicator.title))}
                </p>
            }
                .into_any()
        }}
    }
}

/// The levels a lookup groups areas into: the levels of the parents of the areas it places.
/// A lookup that places no listed area (small areas the manifest leaves out) groups into
/// wards.
fn levels_grouped_by(manifest: &Manifest, lookup: &str) -> Vec<AreaLevel> {
    let mut levels: Vec<AreaLevel> = manifest
        .areas
        .iter()
        .filter(|a| a.lookup.as_deref() == Some(lookup))
        .filter_map(|a| a.parent.as_deref().and_then(|p| manifest.area(p)))
        .map(|parent| parent.level)
        .collect();
    if levels.is_empty() {
        levels.push(AreaLevel::Ward);
    }
    levels.sort();
    levels.dedup();
    levels
}

/// A comparison with no rows, which the chart block shows as "no published value".
fn no_rows(indicator: &IndicatorMeta) -> AreaComparison {
    AreaComparison {
        indicator: indicator.id.clone(),
        indicator_title: indicator.title.clone(),
        unit: indicator.unit.clone(),
        period: String::new(),
        level: AreaLevel::Locality,
        rows: Vec::new(),
        missing: Vec::new(),
        benchmark: None,
        references: Vec::new(),
    }
}

/// Level, period and order, as links that change the URL.
#[component]
fn Controls(resolved: Resolved) -> impl IntoView {
    let url = UrlState::get();
    let state = url.state();
    let lang = state.lang;
    let with = |change: &dyn Fn(&mut State)| {
        let mut next = state.clone();
        change(&mut next);
        href(&next)
    };
    let levels: Vec<Choice> = resolved
        .levels
        .iter()
        .filter_map(|&level| {
            let url_level = url_level(level)?;
            Some(Choice {
                text: capitalise(&level_name_plural(level, state.lang)),
                href: with(&|s| {
                    s.level = url_level;
                    s.period = None;
                }),
                current: level == resolved.level,
                lang: None,
            })
        })
        .collect();
    let periods: Vec<Choice> = resolved
        .periods
        .iter()
        .map(|period| Choice {
            text: digits(lang, period),
            href: with(&|s| s.period = Some(period.clone())),
            current: *period == resolved.period,
            lang: None,
        })
        .collect();
    let sorts: Vec<Choice> = [
        (Sort::Area, tr!(lang, "indicator.sort.area")),
        (Sort::Value, tr!(lang, "indicator.sort.value")),
        (Sort::Name, tr!(lang, "indicator.sort.name")),
    ]
    .into_iter()
    .map(|(sort, text)| Choice {
        text,
        href: with(&|s| s.sort = sort),
        current: sort == resolved.sort,
        lang: None,
    })
    .collect();
    view! {
        <div class="controls">
            {(levels.len() > 1).then(|| view! { <ChoiceLinks label=tr!(lang, "indicator.choice.level") choices=levels testid="level-choice" /> })}
            {(periods.len() > 1).then(|| view! { <ChoiceLinks label=tr!(lang, "indicator.choice.period") choices=periods testid="period-choice" /> })}
            <ChoiceLinks label=tr!(lang, "indicator.choice.sort") choices=sorts testid="sort-choice" />
        </div>
    }
}
