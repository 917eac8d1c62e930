//! The rows of an "areas compared" view: one indicator, one period, the areas at one level,
//! each with its interval and how it compares with the borough.

use outcomes_core::model::{
    AreaLevel, ComparisonResult, IndicatorMeta, Interval, Manifest, Shard, BOROUGH_CODE,
};

/// One area's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    pub code: String,
    pub name: String,
    pub value: f64,
    pub ci95: Option<Interval>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
    /// The comparison with the borough, `NotCompared` when there is none.
    pub vs_borough: ComparisonResult,
}

/// A benchmark drawn as a reference line.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub code: String,
    pub name: String,
    pub value: f64,
}

/// Everything one "areas compared" chart, its summary and its table need.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaComparison {
    pub indicator_title: String,
    pub unit: String,
    pub period: String,
    pub level: AreaLevel,
    pub rows: Vec<AreaRow>,
    /// Areas whose value is withheld or missing for this period, by name, so the page can
    /// say so rather than silently dropping them.
    pub missing: Vec<String>,
    pub borough: Option<Reference>,
}

/// Builds the comparison of all areas at `level` for `period`, in the publisher's area order.
pub fn area_comparison(
    manifest: &Manifest,
    indicator: &IndicatorMeta,
    shard: &Shard,
    level: AreaLevel,
    period: &str,
) -> AreaComparison {
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for area in manifest.areas_at(level) {
        match shard.point(&area.code, period) {
            Some(point) if point.value.is_some() => rows.push(AreaRow {
                code: area.code.clone(),
                name: area.name.clone(),
                value: point.value.unwrap_or_default(),
                ci95: point.ci95,
                count: point.count,
                denominator: point.denominator,
                vs_borough: point
                    .comparisons
                    .iter()
                    .find(|c| c.benchmark == BOROUGH_CODE)
                    .map_or(ComparisonResult::NotCompared, |c| c.result),
            }),
            _ => missing.push(area.name.clone()),
        }
    }
    let borough = shard
        .point(BOROUGH_CODE, period)
        .and_then(|p| p.value)
        .map(|value| Reference {
            code: BOROUGH_CODE.to_string(),
            name: manifest
                .area(BOROUGH_CODE)
                .map_or_else(|| BOROUGH_CODE.to_string(), |a| a.name.clone()),
            value,
        });
    AreaComparison {
        indicator_title: indicator.title.clone(),
        unit: indicator.unit.clone(),
        period: period.to_string(),
        level,
        rows,
        missing,
        borough,
    }
}

/// The most recent period in which any area at `level` has a value.
pub fn latest_period_at(manifest: &Manifest, shard: &Shard, level: AreaLevel) -> Option<String> {
    shard
        .periods
        .iter()
        .rev()
        .find(|period| {
            manifest.areas_at(level).any(|a| {
                shard
                    .point(&a.code, period)
                    .is_some_and(|p| p.value.is_some())
            })
        })
        .cloned()
}
