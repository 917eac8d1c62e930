//! The build on the small fixture: aggregation, publication rules, disclosure control,
//! comparisons and the manifest.

mod common;

use common::Fixture;
use outcomes_core::disclosure::Reason;
use outcomes_core::model::{ComparisonResult, DataPoint, Origin, Shard};
use outcomes_core::stats::{proportion, Confidence};

fn point<'a>(shard: &'a Shard, area: &str, period: &str) -> &'a DataPoint {
    shard
        .point(area, period)
        .unwrap_or_else(|| panic!("no point for {area} {period}"))
}

fn results(point: &DataPoint) -> Vec<(&str, ComparisonResult)> {
    point
        .comparisons
        .iter()
        .map(|c| (c.benchmark.as_str(), c.result))
        .collect()
}

#[test]
fn practices_are_summed_up_to_the_borough() {
    let output = Fixture::new().build().expect("fixture builds");
    let shard = &output.shards[0];
    assert_eq!(shard.periods, ["2021/22", "2022/23", "2023/24"]);

    // The aggregate replaces OHID's published borough row for the same period.
    let borough = point(shard, "E09000030", "2022/23");
    assert_eq!(borough.origin, Origin::Aggregated);
    assert_eq!(
        (borough.count, borough.denominator),
        (Some(105.0), Some(900.0))
    );
    let (value, ci) = proportion(105.0, 900.0, 100.0, Confidence::Percent95).expect("valid");
    assert_eq!(borough.value, Some((value * 1e4).round() / 1e4));
    assert_eq!(
        borough.ci95.map(|c| c.lower),
        Some((ci.lower * 1e4).round() / 1e4)
    );
    assert!(borough.ci998.is_some());

    let pcn3 = point(shard, "PCN-3", "2022/23");
    assert_eq!((pcn3.count, pcn3.denominator), (Some(60.0), Some(500.0)));
    assert_eq!(pcn3.value, Some(12.0));
    let locality_b = point(shard, "LOC-B", "2022/23");
    assert_eq!(
        (locality_b.count, locality_b.denominator),
        (Some(60.0), Some(500.0))
    );
}

#[test]
fn published_rows_fill_the_periods_without_practices() {
    let output = Fixture::new().build().expect("fixture builds");
    let shard = &output.shards[0];
    let borough = point(shard, "E09000030", "2021/22");
    // Taken as published, from the Persons row (the Male row and the exact duplicate are
    // left out without complaint).
    assert_eq!(borough.origin, Origin::Published);
    assert_eq!(borough.value, Some(20.0));
    assert_eq!(borough.ci998.map(|c| c.upper), Some(21.5));
    // England's deprivation-decile row is not the England figure.
    assert_eq!(point(shard, "E92000001", "2021/22").value, Some(15.0));
    // Other boroughs and practices are not published.
    assert!(shard.values.iter().all(|p| p.area != "E09000001"));
    assert!(shard
        .values
        .iter()
        .all(|p| !p.area.starts_with('P') || p.area.starts_with("PCN")));
    // No London row for 2022/23 in the source: no London point, and no comparison with it.
    assert!(shard.point("E12000007", "2022/23").is_none());
}

#[test]
fn values_are_sorted_by_period_then_area_order() {
    let output = Fixture::new().build().expect("fixture builds");
    let order: Vec<(&str, &str)> = output.shards[0]
        .values
        .iter()
        .map(|p| (p.period.as_str(), p.area.as_str()))
        .collect();
    assert_eq!(
        &order[..3],
        [
            ("2021/22", "E92000001"),
            ("2021/22", "E12000007"),
            ("2021/22", "E09000030")
        ]
    );
    let in_2023: Vec<&str> = order
        .iter()
        .filter(|(period, _)| *period == "2023/24")
        .map(|(_, area)| *area)
        .collect();
    assert_eq!(
        in_2023,
        ["E09000030", "LOC-A", "LOC-B", "PCN-1", "PCN-2", "PCN-3"]
    );
}

#[test]
fn small_counts_and_the_counts_that_would_reveal_them_are_withheld() {
    let output = Fixture::new().build().expect("fixture builds");
    let shard = &output.shards[0];
    // PCN-1 has a count of 5. Locality A = PCN-1 + PCN-2 would give it away, so the smaller
    // of PCN-2 (40) and Locality A (45) is withheld too.
    let small = point(shard, "PCN-1", "2022/23");
    assert_eq!(
        small.suppressed.as_deref(),
        Some(Reason::SmallCount.describe())
    );
    assert_eq!(
        (small.value, small.ci95, small.count, small.denominator),
        (None, None, None, None)
    );
    let protecting = point(shard, "PCN-2", "2022/23");
    assert_eq!(
        protecting.suppressed.as_deref(),
        Some(Reason::ProtectsAnotherCount.describe())
    );
    assert_eq!(protecting.value, None);
    assert!(point(shard, "LOC-A", "2022/23").suppressed.is_none());
    assert!(point(shard, "E09000030", "2022/23").suppressed.is_none());
    // Withheld points are not compared.
    assert!(small
        .comparisons
        .iter()
        .all(|c| c.result == ComparisonResult::NotCompared));
    // In 2023/24 PCN-1 has 50: nothing is withheld.
    assert!(shard
        .values
        .iter()
        .filter(|p| p.period == "2023/24")
        .all(|p| p.suppressed.is_none()));
}

#[test]
fn areas_are_compared_with_borough_london_and_england_in_that_order() {
    let output = Fixture::new().build().expect("fixture builds");
    let shard = &output.shards[0];
    // 2021/22: the borough (20%, 19-21) is worse than London (14%) and England (15%).
    assert_eq!(
        results(point(shard, "E09000030", "2021/22")),
        [
            ("E12000007", ComparisonResult::Worse),
            ("E92000001", ComparisonResult::Worse)
        ]
    );
    // 2022/23: Locality B (12%, 9.4-15.2) against the borough (11.67%) and England (15%),
    // both inside its interval; there is no London figure that year.
    assert_eq!(
        results(point(shard, "LOC-B", "2022/23")),
        [
            ("E09000030", ComparisonResult::Similar),
            ("E92000001", ComparisonResult::Similar)
        ]
    );
    // The borough (11.67%, 9.7-13.9) is better than England.
    assert_eq!(
        results(point(shard, "E09000030", "2022/23")),
        [("E92000001", ComparisonResult::Better)]
    );
    // England and London are benchmarks, not compared themselves.
    assert!(point(shard, "E92000001", "2022/23").comparisons.is_empty());
    // 2023/24 has no England or London rows: only the borough benchmark.
    assert_eq!(
        results(point(shard, "PCN-1", "2023/24")),
        [("E09000030", ComparisonResult::Worse)]
    );
    assert!(point(shard, "E09000030", "2023/24").comparisons.is_empty());
}

#[test]
fn the_manifest_carries_the_publisher_folder_and_the_latest_borough_figure() {
    let output = Fixture::new().build().expect("fixture builds");
    let manifest = &output.manifest;
    assert_eq!(manifest.dataset.release_date, "2026-01-02");
    let codes: Vec<&str> = manifest.areas.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes[..3], ["E92000001", "E12000007", "E09000030"]);
    assert_eq!(manifest.lookups.len(), 2);
    assert_eq!(
        manifest.framework.domains[0].i_statements[0].indicators,
        ["1"]
    );
    let indicator = manifest.indicator("1").expect("indicator listed");
    assert_eq!(indicator.shard, "indicators/1");
    let latest = indicator.latest.as_ref().expect("a latest figure");
    assert_eq!(latest.period, "2023/24");
    assert_eq!(
        latest.value,
        point(&output.shards[0], "E09000030", "2023/24")
            .value
            .expect("value")
    );
}
