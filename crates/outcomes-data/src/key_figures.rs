//! What the manifest says about each indicator beyond its catalogue text: the levels it has
//! values at, and the key areas' figures for one recent period, so the overview and the
//! locality profiles draw without loading any shard.

use outcomes_core::model::{
    AreaLevel, DataPoint, KeyFigures, KeyValue, BOROUGH_CODE, ENGLAND_CODE, LONDON_CODE,
};

use crate::areas::Areas;

/// The levels a person can compare areas at, in the order the explorer offers them.
const COMPARABLE_LEVELS: [AreaLevel; 4] = [
    AreaLevel::Locality,
    AreaLevel::Pcn,
    AreaLevel::Ward,
    AreaLevel::Borough,
];

/// The comparable levels at which any area has a value.
pub fn levels(values: &[DataPoint], areas: &Areas) -> Vec<AreaLevel> {
    COMPARABLE_LEVELS
        .into_iter()
        .filter(|&level| {
            values
                .iter()
                .any(|p| p.value.is_some() && areas.get(&p.area).is_some_and(|a| a.level == level))
        })
        .collect()
}

/// The localities (in publisher order), the borough, London and England in the latest period
/// with a locality value, or the borough's latest period where no locality has one.
pub fn key_figures(values: &[DataPoint], areas: &Areas) -> Option<KeyFigures> {
    figures_at(values, areas, AreaLevel::Locality).or_else(|| {
        figures_in(
            values,
            areas,
            AreaLevel::Locality,
            latest(values, &|p| p.area == BOROUGH_CODE)?,
        )
    })
}

/// Every area of `level` (in publisher order), the borough, London and England in the latest
/// period with a value at `level`: an area page's figures, with its neighbours for the dot
/// plot. None when no area of the level has a value.
pub fn figures_at(values: &[DataPoint], areas: &Areas, level: AreaLevel) -> Option<KeyFigures> {
    let at_level = |p: &DataPoint| areas.get(&p.area).is_some_and(|a| a.level == level);
    figures_in(values, areas, level, latest(values, &at_level)?)
}

/// The latest period in which a point `wanted` picks has a value.
fn latest<'v>(values: &'v [DataPoint], wanted: &dyn Fn(&DataPoint) -> bool) -> Option<&'v str> {
    values
        .iter()
        .filter(|p| p.value.is_some() && wanted(p))
        .map(|p| p.period.as_str())
        .max()
}

/// The areas of `level`, the borough, London and England in `period`, each that has a value.
fn figures_in(
    values: &[DataPoint],
    areas: &Areas,
    level: AreaLevel,
    period: &str,
) -> Option<KeyFigures> {
    let at_level = areas
        .list()
        .iter()
        .filter(|a| a.level == level)
        .map(|a| a.code.as_str());
    let key_areas = at_level.chain([BOROUGH_CODE, LONDON_CODE, ENGLAND_CODE]);
    let values = key_areas
        .filter_map(|code| {
            let point = values
                .iter()
                .find(|p| p.area == code && p.period == period)?;
            Some(KeyValue {
                area: code.to_string(),
                value: point.value?,
                comparisons: point.comparisons.clone(),
                trend: point.trend,
            })
        })
        .collect();
    Some(KeyFigures {
        period: period.to_string(),
        values,
    })
}
