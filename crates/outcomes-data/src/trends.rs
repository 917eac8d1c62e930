//! Recent trends: the Fingertips recent trend over five consecutive periods of counts. Every
//! point that ends five consecutive, comparable periods with counts gets the trend over those
//! five, so a view of any period shows the trend up to it (London boroughs' smoking has one
//! at 2021/22 as at 2022/23), and no trend spans a missing year or a change of definition (a
//! source with missing years, such as QOF, has none after its gaps). Only proportions are
//! tested, since the test for trend in proportions is the one Fingertips uses for them; rates
//! and scores get no trend rather than a wrong one.

use std::collections::{BTreeMap, BTreeSet};

use outcomes_core::model::{DataPoint, IndicatorMeta, ValueType};
use outcomes_core::trend::{recent_trend, PeriodCounts, TREND_PERIODS};

/// Sets `trend` on every point that ends five consecutive periods with counts, tested on
/// those five. A period in `breaks` is defined differently from the one before it, so a run
/// starts again there.
pub fn apply(points: &mut [DataPoint], meta: &IndicatorMeta, breaks: &BTreeSet<String>) {
    if meta.value_type != ValueType::Proportion {
        return;
    }
    let mut by_area: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, point) in points.iter().enumerate() {
        by_area.entry(point.area.as_str()).or_default().push(i);
    }
    let mut results = Vec::new();
    for mut ordered in by_area.into_values() {
        // Period texts sort in time order (checked when they were read).
        ordered.sort_by(|&a, &b| points[a].period.cmp(&points[b].period));
        for run in runs(points, &ordered, breaks) {
            for end in TREND_PERIODS..=run.len() {
                let tested = &run[end - TREND_PERIODS..end];
                if let Some(trend) = history(points, tested)
                    .and_then(|history| recent_trend(&history, meta.polarity))
                {
                    results.push((tested[TREND_PERIODS - 1], trend));
                }
            }
        }
    }
    for (i, trend) in results {
        points[i].trend = Some(trend);
    }
}

/// The runs of at least five points, oldest first, in consecutive years, each with counts and
/// none starting a new definition after the run's first.
fn runs(points: &[DataPoint], ordered: &[usize], breaks: &BTreeSet<String>) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut previous_year: Option<i32> = None;
    for &i in ordered {
        let point = &points[i];
        // A period without counts (withheld, or published without them) leaves a gap in
        // the years, so no trend spans it.
        let year = start_year(&point.period).filter(|_| point.count.is_some());
        let continues = match (previous_year, year) {
            (Some(before), Some(now)) => now == before + 1 && !breaks.contains(&point.period),
            _ => false,
        };
        match (year, continues, runs.last_mut()) {
            (None, _, _) => {}
            (Some(_), true, Some(run)) => run.push(i),
            (Some(_), _, _) => runs.push(vec![i]),
        }
        previous_year = year;
    }
    runs.retain(|run| run.len() >= TREND_PERIODS);
    runs
}

/// The year a period starts (2019 for `2019/20`).
fn start_year(period: &str) -> Option<i32> {
    period.get(..4)?.parse().ok()
}

fn history(points: &[DataPoint], run: &[usize]) -> Option<Vec<PeriodCounts>> {
    run.iter()
        .map(|&i| {
            let p = &points[i];
            Some(PeriodCounts {
                start_year: start_year(&p.period)?,
                count: p.count?,
                denominator: p.denominator?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use outcomes_core::model::Origin;

    fn point(period: &str, count: Option<f64>) -> DataPoint {
        DataPoint {
            area: "E09000030".into(),
            period: period.into(),
            origin: Origin::Aggregated,
            value: None,
            ci95: None,
            ci998: None,
            count,
            denominator: Some(1000.0),
            suppressed: None,
            comparisons: Vec::new(),
            note: None,
            trend: None,
        }
    }

    fn run_periods(points: &[DataPoint], breaks: &[&str]) -> Option<Vec<String>> {
        let ordered: Vec<usize> = (0..points.len()).collect();
        let breaks = breaks.iter().map(|b| b.to_string()).collect();
        runs(points, &ordered, &breaks)
            .pop()
            .map(|run| run.iter().map(|&i| points[i].period.clone()).collect())
    }

    #[test]
    fn the_latest_long_run_is_found_across_later_missing_years() {
        // QOF: five consecutive years, then 2022/23 and 2024/25 with gaps between.
        let points: Vec<DataPoint> = [
            "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2022/23", "2024/25",
        ]
        .iter()
        .enumerate()
        .map(|(i, p)| point(p, Some(50.0 + i as f64 * 10.0)))
        .collect();
        assert_eq!(
            run_periods(&points, &[]).as_deref(),
            Some(&["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"].map(String::from)[..])
        );
    }

    #[test]
    fn every_period_that_ends_five_consecutive_years_has_the_trend_up_to_it() {
        let years = [
            "2013/14", "2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20",
        ];
        // Falling counts: a decreasing trend wherever five years are in.
        let mut points: Vec<DataPoint> = years
            .iter()
            .enumerate()
            .map(|(i, p)| point(p, Some(200.0 - i as f64 * 20.0)))
            .collect();
        let meta: IndicatorMeta = serde_json::from_value(serde_json::json!({
            "id": "x", "title": "x", "unit": "%", "value_type": "proportion",
            "multiplier": 100.0, "polarity": "low_is_good", "period_type": "financial year",
            "basis": "registered",
            "source": { "name": "s", "publisher": "p", "licence": "l", "url": "u", "attribution": "a" },
            "lookups": [], "shard": "indicators/x"
        }))
        .unwrap();
        apply(&mut points, &meta, &BTreeSet::new());
        let with_trend: Vec<&str> = points
            .iter()
            .filter(|p| p.trend.is_some())
            .map(|p| p.period.as_str())
            .collect();
        assert_eq!(with_trend, ["2017/18", "2018/19", "2019/20"]);
    }

    #[test]
    fn a_definition_change_or_a_withheld_year_breaks_the_run() {
        let years = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"];
        let points: Vec<DataPoint> = years.iter().map(|p| point(p, Some(50.0))).collect();
        assert_eq!(run_periods(&points, &["2020/21"]), None);
        let mut withheld = points.clone();
        withheld[2].count = None;
        assert_eq!(run_periods(&withheld, &[]), None);
        assert!(run_periods(&points, &[]).is_some());
    }
}
