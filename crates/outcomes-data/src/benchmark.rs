//! Benchmark comparisons: each area below the borough against the borough, London and
//! England, and the borough against London and England, in the same period.

use std::collections::BTreeMap;

use outcomes_core::compare::compare;
use outcomes_core::model::{
    AreaLevel, Comparison, DataPoint, Polarity, BOROUGH_CODE, ENGLAND_CODE, LONDON_CODE,
};

use crate::areas::Areas;

/// Adds the comparisons to every point, in the order borough, London, England. A benchmark
/// without a point in the period is left out; one whose figure is withheld or missing gives
/// "not compared", as does a point without a 95% interval.
pub fn apply(points: &mut [DataPoint], areas: &Areas, polarity: Polarity) {
    let benchmark_values: BTreeMap<(String, &str), Option<f64>> = points
        .iter()
        .filter_map(|p| {
            let code = [BOROUGH_CODE, LONDON_CODE, ENGLAND_CODE]
                .into_iter()
                .find(|&c| c == p.area)?;
            Some(((p.period.clone(), code), p.value))
        })
        .collect();
    for point in points.iter_mut() {
        let benchmarks: &[&str] = match areas.get(&point.area).map(|a| a.level) {
            Some(level) if level > AreaLevel::Borough => &[BOROUGH_CODE, LONDON_CODE, ENGLAND_CODE],
            Some(AreaLevel::Borough) => &[LONDON_CODE, ENGLAND_CODE],
            _ => &[],
        };
        point.comparisons = benchmarks
            .iter()
            .filter_map(|&code| {
                let benchmark = benchmark_values.get(&(point.period.clone(), code))?;
                Some(Comparison {
                    benchmark: code.to_string(),
                    result: compare(point.value, point.ci95, *benchmark, polarity),
                })
            })
            .collect();
    }
}
