//! The "areas compared" chart, summary and table model, checked against a small fixture.

use outcomes_charts::area_comparison::{area_comparison, latest_period_at, AreaComparison};
use outcomes_charts::bar_chart::area_bar_option;
use outcomes_charts::summary::summarise;
use outcomes_core::model::{AreaLevel, Manifest, Shard};
use serde_json::{json, Value};

fn fixture() -> (Manifest, Shard) {
    let manifest = serde_json::from_str(include_str!("fixtures/manifest.json")).unwrap();
    let shard = serde_json::from_str(include_str!("fixtures/shard.json")).unwrap();
    (manifest, shard)
}

fn localities() -> AreaComparison {
    let (manifest, shard) = fixture();
    let indicator = manifest.indicator("1").unwrap().clone();
    area_comparison(
        &manifest,
        &indicator,
        &shard,
        AreaLevel::Locality,
        "2022/23",
    )
}

#[test]
fn rows_follow_the_publisher_order_and_withheld_areas_are_named() {
    let view = localities();
    let names: Vec<&str> = view.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["North", "South"]);
    assert_eq!(view.missing, ["East"]);
    assert_eq!(view.borough.as_ref().map(|b| b.value), Some(15.0));
}

#[test]
fn latest_period_is_the_newest_with_a_value_at_that_level() {
    let (manifest, shard) = fixture();
    assert_eq!(
        latest_period_at(&manifest, &shard, AreaLevel::Locality).as_deref(),
        Some("2022/23")
    );
    assert_eq!(latest_period_at(&manifest, &shard, AreaLevel::Ward), None);
}

#[test]
fn summary_names_the_highest_and_lowest_with_significance() {
    assert_eq!(
        summarise(&localities()),
        "In 2022/23, North had the highest value, 18.3%, significantly worse than \
         Tower Hamlets (15.0%); South had the lowest, 11.8%, significantly better."
    );
}

#[test]
fn summary_says_plainly_when_there_is_nothing_to_compare() {
    let mut view = localities();
    view.rows.clear();
    assert_eq!(
        summarise(&view),
        "No area has a published value for 2022/23."
    );
}

#[test]
fn option_draws_one_bar_per_area_with_whiskers_and_the_borough_line() {
    let option: Value = area_bar_option(&localities());
    assert_eq!(option["yAxis"]["data"], json!(["North", "South"]));
    assert_eq!(option["yAxis"]["inverse"], json!(true));
    assert_eq!(option["aria"]["enabled"], json!(true));
    // The accessible name ECharts writes on the chart is our summary, not its own.
    assert_eq!(
        option["aria"]["label"]["description"],
        json!(summarise(&localities()))
    );

    let series = option["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    assert_eq!(series[0]["type"], "bar");
    assert_eq!(series[0]["id"], "values");
    assert_eq!(series[0]["data"], json!([18.25, 11.75]));
    assert_eq!(series[0]["markLine"]["data"][0]["xAxis"], json!(15.0));
    assert_eq!(
        series[0]["markLine"]["label"]["formatter"],
        "Tower Hamlets 15.0"
    );

    assert_eq!(series[1]["type"], "custom");
    assert_eq!(series[1]["id"], "ci95");
    assert_eq!(
        series[1]["data"],
        json!([[0.0, 17.9, 18.6], [1.0, 11.2, 12.3]])
    );
    assert_eq!(series[1]["encode"], json!({"x": [1, 2], "y": 0}));
}
