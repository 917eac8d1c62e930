//! The rows of an "areas compared" view: one indicator, one period, the areas at one level,
//! each with its interval and how it compares with the benchmark for that level.

use outcomes_core::model::{
    AreaLevel, ComparisonResult, IndicatorMeta, Interval, LookupStatus, Manifest, Origin, Shard,
    BOROUGH_CODE, ENGLAND_CODE, LONDON_CODE,
};
use outcomes_core::trend::TrendResult;
use outcomes_state::Sort;

/// One area's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    pub code: String,
    pub name: String,
    pub value: f64,
    pub ci95: Option<Interval>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
    /// The comparison with the view's benchmark, `NotCompared` when there is none.
    pub vs_benchmark: ComparisonResult,
    /// Tower Hamlets among its peers: drawn and listed so it stands out.
    pub highlight: bool,
    /// The recent trend ending in this period, where the data has one.
    pub trend: Option<TrendResult>,
    /// Whether the source published this figure or the explorer summed it.
    pub origin: Origin,
    /// The lookups this figure was summed through, with whether each is official (empty for a
    /// published figure).
    pub lookups: Vec<(String, LookupStatus)>,
    /// The data's own note on this figure (its exact period, how it was quoted).
    pub note: Option<String>,
}

/// A benchmark drawn as a reference line, with what the data has beside its value (for the
/// table and the CSV).
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub code: String,
    pub name: String,
    pub value: f64,
    pub ci95: Option<Interval>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
    pub origin: Origin,
    pub note: Option<String>,
}

impl Reference {
    /// The reference for `code` in `period` of `shard`, named from `manifest`, where it has a
    /// value.
    pub fn at(manifest: &Manifest, shard: &Shard, code: &str, period: &str) -> Option<Reference> {
        let point = shard.point(code, period)?;
        Some(Reference {
            code: code.to_string(),
            name: manifest
                .area(code)
                .map_or_else(|| code.to_string(), |a| a.name.clone()),
            value: point.value?,
            ci95: point.ci95,
            count: point.count,
            denominator: point.denominator,
            origin: point.origin,
            note: point.note.clone(),
        })
    }
}

/// Everything one "areas compared" chart, its summary and its table need.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaComparison {
    /// The indicator's id, which names saved files when its title has no ASCII letters.
    pub indicator: String,
    pub indicator_title: String,
    pub unit: String,
    pub period: String,
    pub level: AreaLevel,
    pub rows: Vec<AreaRow>,
    /// Areas whose value is withheld or missing for this period, by name, so the page can
    /// say so rather than silently dropping them.
    pub missing: Vec<String>,
    /// What each row is compared with: the borough for areas within it, London for boroughs.
    pub benchmark: Option<Reference>,
    /// Reference lines: the borough (unless it is one of the bars), London and England, where
    /// the period has a value for them.
    pub references: Vec<Reference>,
}

/// The area each row is compared with at `level`.
pub fn benchmark_code(level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::Borough => LONDON_CODE,
        AreaLevel::Region => ENGLAND_CODE,
        _ => BOROUGH_CODE,
    }
}

/// Whether `shard` has a figure in `period` for the area `level`'s areas are compared with,
/// so a view can open on a period whose areas have something to be compared with.
pub fn has_benchmark(shard: &Shard, level: AreaLevel, period: &str) -> bool {
    shard
        .point(benchmark_code(level), period)
        .is_some_and(|p| p.value.is_some())
}

/// Builds the comparison of all areas at `level` for `period`, in `sort` order.
pub fn area_comparison(
    manifest: &Manifest,
    indicator: &IndicatorMeta,
    shard: &Shard,
    level: AreaLevel,
    period: &str,
    sort: Sort,
) -> AreaComparison {
    let benchmark = benchmark_code(level);
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for area in manifest.areas_at(level) {
        let point = shard.point(&area.code, period);
        match point.and_then(|p| p.value.map(|v| (p, v))) {
            Some((point, value)) => rows.push(AreaRow {
                code: area.code.clone(),
                name: area.name.clone(),
                value,
                ci95: point.ci95,
                count: point.count,
                denominator: point.denominator,
                vs_benchmark: point
                    .comparisons
                    .iter()
                    .find(|c| c.benchmark == benchmark)
                    .map_or(ComparisonResult::NotCompared, |c| c.result),
                highlight: level == AreaLevel::Borough && area.code == BOROUGH_CODE,
                trend: point.trend,
                origin: point.origin,
                lookups: match point.origin {
                    Origin::Aggregated => summed_through(manifest, indicator, &area.code),
                    Origin::Published => Vec::new(),
                },
                note: point.note.clone(),
            }),
            None => missing.push(area.name.clone()),
        }
    }
    sort_rows(&mut rows, sort);
    let reference = |code: &str| Reference::at(manifest, shard, code, period);
    let references = [BOROUGH_CODE, LONDON_CODE, ENGLAND_CODE]
        .into_iter()
        .filter(|code| !rows.iter().any(|r| r.code == *code))
        .filter_map(reference)
        .collect();
    AreaComparison {
        indicator: indicator.id.clone(),
        indicator_title: indicator.title.clone(),
        unit: indicator.unit.clone(),
        period: period.to_string(),
        level,
        rows,
        missing,
        benchmark: reference(benchmark),
        references,
    }
}

/// The lookups of `indicator` that `code`'s summed figure rests on: those that placed the
/// areas the manifest lists beneath it (so South West's networks, placed as their network
/// said, and North West's, placed provisionally, differ), and those that place areas the
/// manifest does not list (practices, small areas), which every summed figure rests on.
fn summed_through(
    manifest: &Manifest,
    indicator: &IndicatorMeta,
    code: &str,
) -> Vec<(String, LookupStatus)> {
    indicator
        .lookups
        .iter()
        .filter_map(|id| manifest.lookup(id))
        .filter(|lookup| {
            let mut placed = manifest
                .areas
                .iter()
                .filter(|a| a.lookup.as_deref() == Some(lookup.id.as_str()))
                .peekable();
            placed.peek().is_none() || placed.any(|a| a.parent.as_deref() == Some(code))
        })
        .map(|lookup| (lookup.id.clone(), lookup.status))
        .collect()
}

fn sort_rows(rows: &mut [AreaRow], sort: Sort) {
    match sort {
        Sort::Area => {}
        Sort::Value => rows.sort_by(|a, b| b.value.total_cmp(&a.value)),
        Sort::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
    }
}

/// The levels at which the indicator has at least one value, in the order a person would
/// step through them.
pub fn levels_with_values(manifest: &Manifest, shard: &Shard) -> Vec<AreaLevel> {
    [
        AreaLevel::Locality,
        AreaLevel::Pcn,
        AreaLevel::Ward,
        AreaLevel::Borough,
    ]
    .into_iter()
    .filter(|&level| {
        shard
            .values
            .iter()
            .any(|p| p.value.is_some() && manifest.area(&p.area).is_some_and(|a| a.level == level))
    })
    .collect()
}

/// The periods, oldest first, in which any area at `level` has a value.
pub fn periods_at(manifest: &Manifest, shard: &Shard, level: AreaLevel) -> Vec<String> {
    shard
        .periods
        .iter()
        .filter(|period| {
            manifest.areas_at(level).any(|a| {
                shard
                    .point(&a.code, period)
                    .is_some_and(|p| p.value.is_some())
            })
        })
        .cloned()
        .collect()
}

/// The most recent period in which any area at `level` has a value.
pub fn latest_period_at(manifest: &Manifest, shard: &Shard, level: AreaLevel) -> Option<String> {
    periods_at(manifest, shard, level).pop()
}
