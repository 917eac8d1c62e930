//! The "areas compared" chart, summary and table model, checked against a small fixture.

use outcomes_charts::area_comparison::{
    area_comparison, latest_period_at, levels_with_values, periods_at, AreaComparison,
};
use outcomes_charts::bar_chart::area_bar_option;
use outcomes_charts::summary::summarise;
use outcomes_core::model::{AreaLevel, Manifest, Shard};
use outcomes_i18n::Lang;
use outcomes_state::Sort;
use serde_json::{json, Value};

fn fixture() -> (Manifest, Shard) {
    let manifest = serde_json::from_str(include_str!("fixtures/manifest.json")).unwrap();
    let shard = serde_json::from_str(include_str!("fixtures/shard.json")).unwrap();
    (manifest, shard)
}

fn compared(level: AreaLevel, sort: Sort) -> AreaComparison {
    let (manifest, shard) = fixture();
    let indicator = manifest.indicator("1").unwrap().clone();
    area_comparison(&manifest, &indicator, &shard, level, "2022/23", sort)
}

fn localities() -> AreaComparison {
    compared(AreaLevel::Locality, Sort::Area)
}

#[test]
fn rows_follow_the_publisher_order_and_withheld_areas_are_named() {
    let view = localities();
    let names: Vec<&str> = view.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["North", "South"]);
    assert_eq!(view.missing, ["East"]);
    assert_eq!(view.benchmark.as_ref().map(|b| b.value), Some(15.0));
    let lines: Vec<&str> = view.references.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(lines, ["Tower Hamlets", "London", "England"]);
}

#[test]
fn rows_sort_by_value_or_name() {
    let by_value = compared(AreaLevel::Borough, Sort::Value);
    let names: Vec<&str> = by_value.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Newham", "Tower Hamlets", "City of London"]);
    let by_name = compared(AreaLevel::Borough, Sort::Name);
    let names: Vec<&str> = by_name.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["City of London", "Newham", "Tower Hamlets"]);
}

#[test]
fn boroughs_are_compared_with_london_and_tower_hamlets_stands_out() {
    let view = compared(AreaLevel::Borough, Sort::Area);
    assert_eq!(
        view.benchmark.as_ref().map(|b| b.name.as_str()),
        Some("London")
    );
    // Tower Hamlets is a bar here, so it is not also a reference line.
    let lines: Vec<&str> = view.references.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(lines, ["London", "England"]);
    let highlighted: Vec<&str> = view
        .rows
        .iter()
        .filter(|r| r.highlight)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(highlighted, ["Tower Hamlets"]);
    assert_eq!(
        summarise(&view, Lang::En),
        "In 2022/23, Newham had the highest value, 16.0%, significantly worse than London \
         (13.9%); City of London had the lowest, 11.2%, significantly better than London. \
         Tower Hamlets had 15.0%, significantly worse than London."
    );
}

#[test]
fn levels_and_periods_are_those_with_values() {
    let (manifest, shard) = fixture();
    assert_eq!(
        levels_with_values(&manifest, &shard),
        [AreaLevel::Locality, AreaLevel::Borough]
    );
    assert_eq!(
        periods_at(&manifest, &shard, AreaLevel::Locality),
        ["2021/22", "2022/23"]
    );
    assert_eq!(
        latest_period_at(&manifest, &shard, AreaLevel::Locality).as_deref(),
        Some("2022/23")
    );
    assert_eq!(latest_period_at(&manifest, &shard, AreaLevel::Ward), None);
}

#[test]
fn summary_names_the_highest_and_lowest_with_significance() {
    assert_eq!(
        summarise(&localities(), Lang::En),
        "In 2022/23, North had the highest value, 18.3%, significantly worse than \
         Tower Hamlets (15.0%); South had the lowest, 11.8%, significantly better than \
         Tower Hamlets."
    );
}

#[test]
fn summary_says_plainly_when_there_is_nothing_to_compare() {
    let mut view = localities();
    view.rows.clear();
    assert_eq!(
        summarise(&view, Lang::En),
        "No area has a published value for 2022/23."
    );
}

#[test]
fn option_draws_one_bar_per_area_with_whiskers_and_reference_lines() {
    let option: Value = area_bar_option(&localities(), Lang::En);
    assert_eq!(option["yAxis"]["data"], json!(["North", "South"]));
    assert_eq!(option["yAxis"]["inverse"], json!(true));
    assert_eq!(option["aria"]["enabled"], json!(true));
    // The accessible name ECharts writes on the chart is our summary, not its own.
    assert_eq!(
        option["aria"]["label"]["description"],
        json!(summarise(&localities(), Lang::En))
    );

    let series = option["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    assert_eq!(series[0]["type"], "bar");
    assert_eq!(series[0]["id"], "values");
    assert_eq!(series[0]["data"], json!([18.25, 11.75]));
    let lines = series[0]["markLine"]["data"].as_array().unwrap();
    let at: Vec<&Value> = lines.iter().map(|l| &l["xAxis"]).collect();
    assert_eq!(at, [&json!(15.0), &json!(13.9), &json!(14.7)]);
    let patterns: Vec<&Value> = lines.iter().map(|l| &l["lineStyle"]["type"]).collect();
    assert_eq!(
        patterns,
        [&json!("dashed"), &json!("dotted"), &json!("solid")]
    );
    assert_eq!(lines[0]["label"]["formatter"], "Tower Hamlets 15.0");

    assert_eq!(option["tooltip"]["renderMode"], "richText");
    assert_eq!(series[1]["tooltip"]["show"], json!(false));
    assert_eq!(series[1]["type"], "custom");
    assert_eq!(series[1]["id"], "ci95");
    assert_eq!(
        series[1]["data"],
        json!([[0.0, 17.9, 18.6], [1.0, 11.2, 12.3]])
    );
    assert_eq!(series[1]["encode"], json!({"x": [1, 2], "y": 0}));
}

#[test]
fn the_highlighted_bar_is_marked_in_its_label_and_colour() {
    let option: Value = area_bar_option(&compared(AreaLevel::Borough, Sort::Area), Lang::En);
    assert_eq!(
        option["yAxis"]["data"],
        json!(["City of London", "▶ Tower Hamlets", "Newham"])
    );
    assert_eq!(option["series"][0]["data"][0], json!(11.2));
    assert_eq!(
        option["series"][0]["data"][1],
        json!({"value": 15.0, "itemStyle": {"color": "#003078"}})
    );
}

#[test]
fn the_chart_grows_with_its_bars() {
    use outcomes_charts::bar_chart::bar_chart_height;
    assert_eq!(bar_chart_height(4), 260);
    assert_eq!(bar_chart_height(33), 33 * 28 + 110);
}

#[test]
fn breakdowns_become_rows_of_groups_against_the_whole_area() {
    use outcomes_charts::breakdown::breakdown_comparison;
    let (manifest, mut shard) = fixture();
    let indicator = manifest.indicator("1").unwrap().clone();
    assert_eq!(breakdown_comparison(&manifest, &indicator, &shard), None);
    shard.breakdowns = serde_json::from_str(
        r#"[{"area":"E92000001","period":"2022/23","category_type":"Tenure","category":"Owner occupied","value":9.5},
            {"area":"E92000001","period":"2022/23","category_type":"Disability","category":"Disabled","value":17.1},
            {"area":"E92000001","period":"2022/23","category_type":"Tenure","category":"Private rented","value":20.0},
            {"area":"E92000001","period":"2021/22","category_type":"Tenure","category":"Private rented","value":22.0}]"#,
    )
    .unwrap();
    let view = breakdown_comparison(&manifest, &indicator, &shard).unwrap();
    assert_eq!(view.period, "2022/23");
    let names: Vec<&str> = view.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Disability: Disabled",
            "Tenure: Owner occupied",
            "Tenure: Private rented"
        ]
    );
    assert_eq!(
        view.benchmark.as_ref().map(|b| (b.name.as_str(), b.value)),
        Some(("England", 14.7))
    );
    assert_eq!(
        summarise(&view, Lang::En),
        "In 2022/23, Tenure: Private rented had the highest value, 20.0%, not compared with \
         England (14.7%); Tenure: Owner occupied had the lowest, 9.5%, not compared with England."
    );
}

#[test]
fn summary_reads_as_bengali_with_bengali_digits() {
    assert_eq!(
        summarise(&compared(AreaLevel::Borough, Sort::Area), Lang::Bn),
        "২০২২/২৩ সালে সবচেয়ে বেশি মান ছিল Newham-এর, ১৬.০%, যা London-এর (১৩.৯%) চেয়ে \
         উল্লেখযোগ্যভাবে খারাপ; সবচেয়ে কম ছিল City of London-এর, ১১.২%, যা London-এর চেয়ে \
         উল্লেখযোগ্যভাবে ভালো। Tower Hamlets-এর মান ছিল ১৫.০%, যা London-এর চেয়ে \
         উল্লেখযোগ্যভাবে খারাপ।"
    );
    let mut view = localities();
    view.rows.clear();
    assert_eq!(
        summarise(&view, Lang::Bn),
        "২০২২/২৩ সালের জন্য কোনো এলাকার মান প্রকাশিত হয়নি।"
    );
}

#[test]
fn the_bengali_option_carries_bengali_text() {
    let option = area_bar_option(&localities(), Lang::Bn);
    assert_eq!(
        option["aria"]["label"]["description"],
        json!(summarise(&localities(), Lang::Bn))
    );
    assert_eq!(option["series"][1]["name"], "৯৫% আস্থা ব্যবধান");
    let lines = option["series"][0]["markLine"]["data"].as_array().unwrap();
    assert_eq!(lines[0]["label"]["formatter"], "Tower Hamlets ১৫.০");
    // The drawn numbers stay numbers; only the words change.
    assert_eq!(option["series"][0]["data"], json!([18.25, 11.75]));
    assert_eq!(option["xAxis"]["name"], "%");
}
