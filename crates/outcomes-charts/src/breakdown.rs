//! Inequalities: an indicator split by a characteristic (tenure, ethnic group, disability…)
//! where the source publishes such a split, shown as an "areas compared" view whose rows are
//! groups, against the whole area's value.

use outcomes_core::model::{AreaLevel, ComparisonResult, IndicatorMeta, Manifest, Origin, Shard};

use crate::area_comparison::{AreaComparison, AreaRow, Reference};

/// The area and latest period of the shard's breakdowns, with every group as a row
/// ("Tenure: Private rented"), grouped by what they are split by. `None` when the shard has
/// no breakdowns.
pub fn breakdown_comparison(
    manifest: &Manifest,
    indicator: &IndicatorMeta,
    shard: &Shard,
) -> Option<AreaComparison> {
    let latest = shard.breakdowns.iter().map(|b| b.period.as_str()).max()?;
    let area = shard
        .breakdowns
        .iter()
        .find(|b| b.period == latest)
        .map(|b| b.area.clone())?;
    let mut groups: Vec<&outcomes_core::model::BreakdownPoint> = shard
        .breakdowns
        .iter()
        .filter(|b| b.period == latest && b.area == area && b.value.is_some())
        .collect();
    // Stable: groups keep the source's order within each characteristic.
    groups.sort_by(|a, b| a.category_type.cmp(&b.category_type));
    let rows = groups
        .into_iter()
        .map(|b| AreaRow {
            code: format!("{}/{}", b.category_type, b.category),
            name: format!("{}: {}", b.category_type, b.category),
            value: b.value.unwrap_or_default(),
            ci95: None,
            count: b.count,
            denominator: b.denominator,
            // The source publishes no intervals for these groups, so none is compared.
            vs_benchmark: ComparisonResult::NotCompared,
            highlight: false,
            trend: None,
            origin: Origin::Published,
            lookups: Vec::new(),
            note: None,
        })
        .collect();
    let whole = Reference::at(manifest, shard, &area, latest);
    Some(AreaComparison {
        indicator: indicator.id.clone(),
        indicator_title: indicator.title.clone(),
        unit: indicator.unit.clone(),
        period: latest.to_string(),
        level: manifest.area(&area).map_or(AreaLevel::England, |a| a.level),
        rows,
        missing: Vec::new(),
        benchmark: whole.clone(),
        references: whole.into_iter().collect(),
    })
}
