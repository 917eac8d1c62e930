//! From source rows to the points the explorer publishes: base counts (practices, LSOAs,
//! output areas, MSOAs) placed by a lookup and summed up the area hierarchy (to PCNs or
//! wards, then whatever `areas.csv` puts above them, such as localities, up to the borough),
//! and published figures taken as they are for the areas and periods that were not summed.

use std::collections::BTreeMap;

use outcomes_core::model::{AreaLevel, DataPoint, IndicatorMeta, Interval, Origin, ValueType};
use outcomes_core::stats::{self, Confidence};

use crate::areas::Areas;
use crate::error::{Error, Result};
use crate::lookup::Assignments;
use crate::observation::Observation;

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
    if let Some(assignments) = assignments {
        for obs in observations.iter().filter(|o| o.base) {
            let Some(pcn) = assignments.map.get(&obs.area) else {
                return Err(Error::UnknownArea {
                    at: obs.at_area(),
                    code: obs.area.clone(),
                    expected: format!("an area listed in the lookup {}", assignments.id),
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
                note: None,
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
