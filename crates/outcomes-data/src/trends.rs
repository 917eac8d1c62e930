//! Recent trends: the Fingertips recent trend over five consecutive periods of counts. Each
//! area's trend is tested on its latest run of at least five consecutive, comparable periods
//! and recorded on the last point of that run, so the period it ends in is the point's own
//! (a source with missing years, such as QOF, may have its latest run end before its latest
//! period). Only proportions are tested, since the test for trend in proportions is the one
//! Fingertips uses for them; rates and scores get no trend rather than a wrong one.

use std::collections::{BTreeMap, BTreeSet};

use outcomes_core::model::{DataPoint, IndicatorMeta, ValueType};
use outcomes_core::trend::{recent_trend, PeriodCounts, TREND_PERIODS};

/// Sets `trend` on the last point of each area's latest run of consecutive periods with
/// counts, where the run is long enough. A period in `breaks` is defined differently from
/// the one before it, so a run starts again there.
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
        if let Some((end, trend)) = latest_run(points, &ordered, breaks)
            .and_then(|run| Some((*run.last()?, history(points, &run)?)))
            .and_then(|(end, history)| Some((end, recent_trend(&history, meta.polarity)?)))
        {
            results.push((end, trend));
        }
    }
    for (i, trend) in results {
        points[i].trend = Some(trend);
    }
}

/// The latest run of at least five points, oldest first, in consecutive years, each with
/// counts and none starting a new definition after the run's first.
fn latest_run(
    points: &[DataPoint],
    ordered: &[usize],
    breaks: &BTreeSet<String>,
) -> Option<Vec<usize>> {
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
    runs.into_iter()
        .rev()
        .find(|run| run.len() >= TREND_PERIODS)
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
        latest_run(points, &ordered, &breaks)
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
