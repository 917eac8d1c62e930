//! The indicator view: one indicator's areas compared, at the level, period and order the URL
//! asks for, with the choices as links.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::area_comparison::{
    area_comparison, benchmark_code, has_benchmark, periods_at, AreaComparison,
};
use outcomes_core::localise::{key, localise_texts};
use outcomes_core::model::{AreaLevel, IndicatorMeta, Manifest, Shard};
use outcomes_i18n::{digits, tr};
use outcomes_state::resolve::{resolve_period, url_level, Resolved};
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
use crate::components::url_notice::{PeriodNoteLine, UrlNotice};
use crate::data::{in_hand, unknown_areas};
use crate::dataset_text::english_if_kept;
use crate::shards::ShardCache;
use crate::state::{href, ResolvedLink, UrlState};

/// Loads the shard the link resolves to, then shows it.
#[component]
pub fn IndicatorPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let cache = ShardCache::get();
    let link = ResolvedLink::get().resolved;
    // The indicator and level decide which shard to load; the other choices only change
    // what is drawn.
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

    // A page built on the host has the shard in hand and shows it at once.
    let built = shard_path
        .get_untracked()
        .and_then(|path| in_hand::<Shard>(&path));
    if let (Some(Ok(shard)), Some(indicator)) = (built, link.get_untracked().indicator) {
        let level = link.get_untracked().level.unwrap_or(AreaLevel::Locality);
        let shard = Arc::new(shard);
        return view! { <IndicatorBody manifest indicator shard level /> }.into_any();
    }

    view! {
        <Transition fallback=move || view! { <p class="loading">{tr!(lang, "indicator.loading")}</p> }>
            {move || {
                let manifest = manifest.clone();
                Suspend::new(async move {
                    let resolved = link.get_untracked();
                    match (shard.await, resolved.indicator) {
                        (Err(error), _) => {
                            view! {
                                <h1>{tr!(lang, "indicator.heading")}</h1>
                                <UrlNotice />
                                <LoadErrorMessage error retry=Callback::new(move |_| shard.refetch()) />
                            }
                                .into_any()
                        }
                        (Ok(Some(shard)), Some(indicator)) => {
                            let level = resolved.level.unwrap_or(AreaLevel::Locality);
                            view! { <IndicatorBody manifest indicator shard level /> }.into_any()
                        }
                        // An indicator with no figures at any level has no shard to load.
                        (Ok(None), Some(indicator)) => {
                            let shard = Arc::new(Shard::empty(&indicator.id));
                            view! { <IndicatorBody manifest indicator shard level=AreaLevel::Locality /> }.into_any()
                        }
                        _ => {
                            view! {
                                <h1>{tr!(lang, "indicator.heading")}</h1>
                                <UrlNotice />
                                <p role="status">{tr!(lang, "indicator.none_published")}</p>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}

/// The periods with figures at the body's level, and the link resolved down to one of them.
#[derive(Clone, PartialEq)]
struct Shown {
    resolved: Resolved,
    period: String,
    periods: Vec<String>,
}

#[component]
fn IndicatorBody(
    manifest: Arc<Manifest>,
    indicator: IndicatorMeta,
    /// The indicator's figures at `level`.
    shard: Arc<Shard>,
    level: AreaLevel,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let link = ResolvedLink::get().resolved;
    let marked = Marked::for_indicator(&manifest, &indicator);
    let texts = Arc::new(localise_texts(&shard, lang.as_str()));
    let periods = periods_at(&manifest, &shard, level);
    let shown = Memo::new({
        let periods = periods.clone();
        let shard_for_periods = shard.clone();
        move |_| {
            let mut resolved = link.get();
            let period = resolve_period(&mut resolved, &periods, |p| {
                has_benchmark(&shard_for_periods, level, p)
            })?;
            Some(Shown {
                resolved,
                period,
                periods: periods.clone(),
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
    // Before a period is resolved (a shard with no figures) the link as the shell has it.
    let notice = Signal::derive(move || {
        shown
            .with(|s| s.as_ref().map(|s| s.resolved.clone()))
            .unwrap_or_else(|| link.get())
    });
    let period_note = Signal::derive(move || {
        shown.with(|s| s.as_ref().and_then(|s| s.resolved.period_note.clone()))
    });
    let benchmark_name = manifest
        .area(benchmark_code(level))
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let comparison = Memo::new({
        let (manifest, shard, indicator) = (manifest.clone(), shard.clone(), indicator.clone());
        move |_| {
            shown.with(|s| {
                s.as_ref().map(|s| {
                    let sort = s.resolved.state.sort;
                    area_comparison(&manifest, &indicator, &shard, level, &s.period, sort)
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
    let has_values = !periods.is_empty();

    // An embedded chart is the chart block alone: the host page has its own headings and
    // navigation, and the block links back to the full view.
    let embedded = url.0.with_untracked(|p| p.state.embed);

    view! {
        <h1 class:visually-hidden=embedded lang=english_if_kept("indicator", &indicator.id, "title")>
            {indicator.title.clone()}
        </h1>
        <UrlNotice resolved=notice />
        {unknown_note.map(|note| view! { <p class="notice" role="status" data-testid="data-notice">{note}</p> })}
        {(!embedded).then(|| view! {
            <p class="lede" lang=texts.lang_attr(&key("indicator", &indicator.id, "description"))>
                {texts.data.description.clone()}
            </p>
        })}
        {(!embedded).then(|| view! { <IndicatorNav manifest=manifest.clone() indicator=indicator.id.clone() /> })}
        {move || (!embedded).then(|| shown.get().map(|shown| view! { <Controls shown level /> }))}
        {(!embedded).then(|| view! { <PeriodNoteLine note=period_note benchmark=benchmark_name /> })}
        {if has_values {
            let empty = no_rows(&indicator);
            let view = Signal::derive(move || comparison.get().unwrap_or_else(|| empty.clone()));
            let level = Signal::stored(level);
            view! {
                <ChartBlock indicator=indicator.clone() view lookups texts=texts.clone() marked=marked.clone() />
                {(!embedded).then(|| view! {
                    <TrendSection manifest=manifest.clone() indicator=indicator.clone() shard=shard.clone() level />
                    {breakdown_comparison(&manifest, &indicator, &shard).map(|view| view! { <BreakdownSection view indicator=indicator.clone() marked=marked.clone() /> })}
                })}
            }
                .into_any()
        } else {
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
fn Controls(shown: Shown, level: AreaLevel) -> impl IntoView {
    let url = UrlState::get();
    let state = url.state();
    let lang = state.lang;
    let with = |change: &dyn Fn(&mut State)| {
        let mut next = state.clone();
        change(&mut next);
        href(&next)
    };
    let shown_level = level;
    let levels: Vec<Choice> = shown
        .resolved
        .levels
        .iter()
        .filter_map(|&level| {
            let url_level = url_level(level)?;
            Some(Choice {
                text: capitalise(&level_name_plural(level, state.lang)),
                href: with(&|s| {
                    s.level = Some(url_level);
                    s.period = None;
                }),
                current: level == shown_level,
                lang: None,
            })
        })
        .collect();
    let periods: Vec<Choice> = shown
        .periods
        .iter()
        .map(|period| Choice {
            text: digits(lang, period),
            // The period shown, when the link left it to the view, links to this very view
            // (a built page, where it has one), not to a copy that names the period.
            href: with(&|s| {
                if state.period.is_some() || *period != shown.period {
                    s.period = Some(period.clone());
                }
            }),
            current: *period == shown.period,
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
        current: sort == shown.resolved.state.sort,
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
