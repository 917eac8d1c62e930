//! From source rows to the points the explorer publishes: base counts (practices, LSOAs,
//! output areas, MSOAs) placed by a lookup and summed up the area hierarchy (to PCNs or
//! wards, then whatever `areas.csv` puts above them, such as localities, up to the borough),
//! and published figures taken as they are for the areas and periods that were not summed.

use std::collections::{BTreeMap, BTreeSet};

use outcomes_core::model::{AreaLevel, DataPoint, IndicatorMeta, Interval, Origin, ValueType};
use outcomes_core::stats::{self, Confidence};

use crate::areas::Areas;
use crate::error::{Error, Result};
use crate::lookup::Assignments;
use crate::observation::Observation;

/// The note on a borough figure that includes rows placed in the borough only.
pub const BOROUGH_ONLY_NOTE: &str = "Includes practices that no network mapping of the \
    period lists, counted in the borough only, so the localities add up to less than this \
    figure.";

/// How an aggregated figure and its interval are computed from a count and denominator.
pub type Estimator = fn(f64, f64, f64, Confidence) -> Option<(f64, Interval)>;

/// The interval method for a value type, if figures of that type can be summed at all.
pub fn estimator(value_type: ValueType) -> Option<Estimator> {
    match value_type {
        ValueType::Proportion => Some(stats::proportion),
        ValueType::CrudeRate => Some(stats::crude_rate),
        // Scores, means and standardised figures cannot be rebuilt from summed counts.
        ValueType::Count | ValueType::Score | ValueType::Mean => None,
    }
}

/// The points of one indicator, sorted by period and then by the order of `areas`.
///
/// With `assignments`, base rows (practices, LSOAs, OAs, MSOAs) are summed into the area
/// the lookup places them in and every area above it up to the borough. Base rows are never
/// published themselves. Other rows are published for the areas of `areas.csv`, except where an aggregated figure exists for the same area
/// and period.
pub fn points(
    observations: &[Observation],
    areas: &Areas,
    assignments: Option<&Assignments>,
    indicator: &IndicatorMeta,
) -> Result<Vec<DataPoint>> {
    let mut sums: BTreeMap<(String, usize), (f64, f64)> = BTreeMap::new();
    // Borough figures that include rows placed in no area below it (a practice in no
    // network mapping), which say so.
    let mut borough_only: BTreeSet<(String, usize)> = BTreeSet::new();
    if let Some(assignments) = assignments {
        for obs in observations.iter().filter(|o| o.base) {
            let Some(pcn) = assignments.place(&obs.period, &obs.area) else {
                return Err(Error::UnknownArea {
                    at: obs.at_area(),
                    code: obs.area.clone(),
                    expected: format!(
                        "an area the lookup {} places in {}",
                        assignments.id, obs.period
                    ),
                });
            };
            let (Some(count), Some(denominator)) = (obs.count, obs.denominator) else {
                let at = if obs.count.is_none() {
                    obs.at_count()
                } else {
                    obs.at_denominator()
                };
                return Err(Error::invalid(
                    at,
                    "empty; expected a count and a denominator to sum areas up",
                ));
            };
            if areas
                .get(pcn)
                .is_some_and(|a| a.level == AreaLevel::Borough)
            {
                if let Some(order) = areas.order(pcn) {
                    borough_only.insert((obs.period.clone(), order));
                }
            }
            let chain = areas
                .get(pcn)
                .into_iter()
                .chain(areas.ancestors(pcn))
                .take_while(|a| a.level >= AreaLevel::Borough);
            for order in chain.filter_map(|a| areas.order(&a.code)) {
                let sum = sums.entry((obs.period.clone(), order)).or_default();
                sum.0 += count;
                sum.1 += denominator;
            }
        }
    }

    let mut points: BTreeMap<(String, usize), DataPoint> = BTreeMap::new();
    let estimate = estimator(indicator.value_type);
    for ((period, order), (count, denominator)) in sums {
        let area = &areas.list()[order];
        let at = |level| estimate.and_then(|f| f(count, denominator, indicator.multiplier, level));
        let ci95 = at(Confidence::Percent95);
        let ci998 = at(Confidence::Percent99_8);
        let note = borough_only
            .contains(&(period.clone(), order))
            .then(|| BOROUGH_ONLY_NOTE.to_string());
        points.insert(
            (period.clone(), order),
            DataPoint {
                area: area.code.clone(),
                period,
                origin: Origin::Aggregated,
                value: ci95.map(|(v, _)| v),
                ci95: ci95.map(|(_, ci)| ci),
                ci998: ci998.map(|(_, ci)| ci),
                count: Some(count),
                denominator: Some(denominator),
                suppressed: None,
                comparisons: Vec::new(),
                note,
                trend: None,
            },
        );
    }

    for obs in observations.iter().filter(|o| !o.base) {
        let Some(order) = areas.order(&obs.area) else {
            // Other boroughs, CCGs and the like: not part of this publication.
            continue;
        };
        if areas.list()[order].level == AreaLevel::Practice {
            continue;
        }
        points
            .entry((obs.period.clone(), order))
            .or_insert_with(|| DataPoint {
                area: obs.area.clone(),
                period: obs.period.clone(),
                origin: Origin::Published,
                value: obs.value,
                ci95: obs.ci95,
                ci998: obs.ci998,
                count: obs.count,
                denominator: obs.denominator,
                suppressed: None,
                comparisons: Vec::new(),
                note: obs.note.clone(),
                trend: None,
            });
    }
    Ok(points.into_values().collect())
}
