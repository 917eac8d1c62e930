//! The trend chart model, summary and option, checked against the small fixture.

use outcomes_charts::trend::{
    trend_option, trend_summary, trend_view, with_missing_years, TrendView,
};
use outcomes_core::model::{Manifest, Shard};
use outcomes_i18n::Lang;
use serde_json::json;

fn trend(areas: &[&str]) -> TrendView {
    let manifest: Manifest = serde_json::from_str(include_str!("fixtures/manifest.json")).unwrap();
    let shard: Shard = serde_json::from_str(include_str!("fixtures/shard.json")).unwrap();
    let indicator = manifest.indicator("1").unwrap().clone();
    let areas: Vec<String> = areas.iter().map(|a| a.to_string()).collect();
    trend_view(&manifest, &indicator, &shard, &areas)
}

#[test]
fn defaults_to_the_borough_and_its_benchmarks() {
    let view = trend(&[]);
    let names: Vec<&str> = view.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Tower Hamlets", "London", "England"]);
    assert_eq!(view.periods, ["2021/22", "2022/23"]);
    assert_eq!(view.series[0].points[0], None);
    assert_eq!(view.series[0].points[1].map(|p| p.0), Some(15.0));
}

#[test]
fn chosen_areas_without_values_and_unknown_codes_are_left_out() {
    let view = trend(&["L-N", "L-E", "nowhere"]);
    let names: Vec<&str> = view.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["North"]);
}

#[test]
fn summary_gives_first_and_last_values() {
    assert_eq!(
        trend_summary(&trend(&["L-N", "E09000030"]), Lang::En),
        "North went from 19.0% in 2021/22 to 18.3% in 2022/23; Tower Hamlets has one value, \
         15.0% in 2022/23."
    );
    assert_eq!(
        trend_summary(&trend(&["L-E"]), Lang::En),
        "None of the chosen areas has a value to show over time."
    );
}

#[test]
fn option_has_a_line_per_area_with_gaps_and_whiskers() {
    let option = trend_option(&trend(&["L-N", "E09000030"]), Lang::En);
    assert_eq!(option["xAxis"]["data"], json!(["2021/22", "2022/23"]));
    let series = option["series"].as_array().unwrap();
    let ids: Vec<&str> = series.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "trend-L-N",
            "ci95-trend-L-N",
            "trend-E09000030",
            "ci95-trend-E09000030"
        ]
    );
    assert_eq!(series[0]["data"], json!([19.0, 18.25]));
    assert_eq!(series[2]["data"], json!([null, 15.0]));
    assert_eq!(series[1]["data"], json!([[1.0, 17.9, 18.6]]));
    // Lines differ by marker and dash, not colour alone.
    assert_ne!(series[0]["symbol"], series[2]["symbol"]);
    assert_ne!(
        series[0]["lineStyle"]["type"],
        series[2]["lineStyle"]["type"]
    );
    assert_eq!(
        option["aria"]["label"]["description"],
        json!(trend_summary(&trend(&["L-N", "E09000030"]), Lang::En))
    );
}

#[test]
fn the_bengali_summary_writes_periods_and_values_in_bengali_digits() {
    assert_eq!(
        trend_summary(&trend(&["L-N", "E09000030"]), Lang::Bn),
        "North-এর মান ২০২১/২২ সালে ছিল ১৯.০%, ২০২২/২৩ সালে হয়েছে ১৮.৩%; Tower Hamlets-এর মান \
         আছে শুধু একটি, ২০২২/২৩ সালে ১৫.০%।"
    );
    let option = trend_option(&trend(&["L-N"]), Lang::Bn);
    assert_eq!(
        option["aria"]["label"]["description"],
        json!(trend_summary(&trend(&["L-N"]), Lang::Bn))
    );
}

#[test]
fn a_missing_year_is_a_gap_not_a_join() {
    // As QOF, which has no files for 2021/22: move the fixture's first year back two years.
    let manifest: Manifest = serde_json::from_str(include_str!("fixtures/manifest.json")).unwrap();
    let mut shard: Shard = serde_json::from_str(include_str!("fixtures/shard.json")).unwrap();
    for period in shard.periods.iter_mut() {
        if period == "2021/22" {
            *period = "2020/21".into();
        }
    }
    for point in shard.values.iter_mut() {
        if point.period == "2021/22" {
            point.period = "2020/21".into();
        }
    }
    shard.periods.sort();
    let moved: Vec<String> = shard.periods.clone();
    assert_eq!(moved, ["2020/21", "2022/23"]);
    let indicator = manifest.indicator("1").unwrap().clone();
    let view = trend_view(&manifest, &indicator, &shard, &["L-N".to_string()]);
    assert_eq!(view.periods, ["2020/21", "2021/22", "2022/23"]);
    let option = trend_option(&view, Lang::En);
    assert_eq!(
        option["xAxis"]["data"],
        json!(["2020/21", "2021/22", "2022/23"])
    );
    // The line has no value in the missing year, so ECharts draws no segment across it.
    assert_eq!(option["series"][0]["data"], json!([19.0, null, 18.25]));
    assert_ne!(option["series"][0]["connectNulls"], json!(true));
}

#[test]
fn missing_years_are_filled_in_only_between_years_of_one_kind() {
    let periods = |list: &[&str]| list.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    assert_eq!(
        with_missing_years(&periods(&["2019/20", "2020/21", "2022/23", "2024/25"])),
        periods(&["2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25"])
    );
    assert_eq!(
        with_missing_years(&periods(&["2011", "2014"])),
        periods(&["2011", "2012", "2013", "2014"])
    );
    assert_eq!(
        with_missing_years(&periods(&["1999/00", "2001/02"])),
        periods(&["1999/00", "2000/01", "2001/02"])
    );
    assert_eq!(
        with_missing_years(&periods(&["2019", "2021/22"])),
        periods(&["2019", "2021/22"])
    );
}

#[test]
fn a_definition_change_is_marked_on_the_chart_and_said_in_the_summary() {
    let manifest: Manifest = serde_json::from_str(include_str!("fixtures/manifest.json")).unwrap();
    let mut shard: Shard = serde_json::from_str(include_str!("fixtures/shard.json")).unwrap();
    shard.definition_changes.insert(
        "2022/23".into(),
        "From 2022/23 the register counts patients aged 6 and over.".into(),
    );
    // A change in a period the chart does not show is not marked.
    shard
        .definition_changes
        .insert("2030/31".into(), "Not shown.".into());
    let indicator = manifest.indicator("1").unwrap().clone();
    let view = trend_view(&manifest, &indicator, &shard, &["L-N".to_string()]);
    assert_eq!(
        view.definition_changes,
        [(
            "2022/23".to_string(),
            "From 2022/23 the register counts patients aged 6 and over.".to_string()
        )]
    );
    let option = trend_option(&view, Lang::En);
    let mark = &option["series"][0]["markLine"];
    assert_eq!(mark["data"], json!([{ "xAxis": "2022/23" }]));
    assert_eq!(mark["label"]["formatter"], "Counted differently from here");
    assert_eq!(mark["lineStyle"]["type"], "dashed");
    assert!(trend_summary(&view, Lang::En).ends_with(
        "The way it is counted changed in 2022/23, so years before and after it are not comparable."
    ));
    assert!(trend_summary(&view, Lang::Bn).contains("২০২২/২৩ সালে গণনার পদ্ধতি বদলেছে"));
    // Without a change, no mark.
    assert!(trend_option(&trend(&["L-N"]), Lang::En)["series"][0]
        .get("markLine")
        .is_none());
}

#[test]
fn intervals_are_promised_only_where_a_point_has_one() {
    let mut view = trend(&[]);
    // The fixture's borough figures have intervals.
    assert!(view.has_intervals());
    for series in &mut view.series {
        for point in series.points.iter_mut().flatten() {
            point.1 = None;
        }
    }
    assert!(!view.has_intervals());
}
