//! Recent trends: each area's latest figure gets the Fingertips recent trend over its last
//! five periods, where it has five consecutive periods of counts. Only proportions are
//! tested, since the test for trend in proportions is the one Fingertips uses for them; rates
//! and scores get no trend rather than a wrong one.

use std::collections::BTreeMap;

use outcomes_core::model::{DataPoint, IndicatorMeta, ValueType};
use outcomes_core::trend::{recent_trend, PeriodCounts};

/// Sets `trend` on each area's latest point where one can be calculated.
pub fn apply(points: &mut [DataPoint], meta: &IndicatorMeta) {
    if meta.value_type != ValueType::Proportion {
        return;
    }
    let mut by_area: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, point) in points.iter().enumerate() {
        by_area.entry(point.area.as_str()).or_default().push(i);
    }
    let mut results = Vec::new();
    for indices in by_area.into_values() {
        let mut ordered = indices;
        // Period texts sort in time order (checked when they were read).
        ordered.sort_by(|&a, &b| points[a].period.cmp(&points[b].period));
        let Some(&latest) = ordered.last() else {
            continue;
        };
        // A period without counts (withheld, or published without them) leaves a gap in
        // the years, so no trend spans it.
        let history: Vec<PeriodCounts> = ordered
            .iter()
            .filter_map(|&i| {
                let p = &points[i];
                Some(PeriodCounts {
                    start_year: p.period.get(..4)?.parse().ok()?,
                    count: p.count?,
                    denominator: p.denominator?,
                })
            })
            .collect();
        let latest_counted = points[latest].count.is_some();
        if let Some(trend) = latest_counted
            .then(|| recent_trend(&history, meta.polarity))
            .flatten()
        {
            results.push((latest, trend));
        }
    }
    for (i, trend) in results {
        points[i].trend = Some(trend);
    }
}
