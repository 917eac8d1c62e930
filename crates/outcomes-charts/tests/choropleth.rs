//! The ward map's bands, summary and option on a small fixture of three wards.

use outcomes_charts::choropleth::{map_option, map_summary, map_view, MapView, WARD_MAP};
use outcomes_core::model::{Manifest, Shard};
use outcomes_i18n::Lang;
use serde_json::json;

fn wards() -> MapView {
    wards_in(Lang::En)
}

fn wards_in(lang: Lang) -> MapView {
    let manifest: Manifest = serde_json::from_str(
        r#"{"schema_version":1,"dataset":{"title":"t","publisher":"p","release_date":"2026-01-01"},
        "framework":{"domains":[]},"lookups":[],
        "areas":[
          {"code":"E09000030","name":"Tower Hamlets","level":"borough"},
          {"code":"W1","name":"Bow East","level":"ward","parent":"E09000030"},
          {"code":"W2","name":"Island Gardens","level":"ward","parent":"E09000030"},
          {"code":"W3","name":"Mile End","level":"ward","parent":"E09000030"},
          {"code":"W4","name":"Poplar","level":"ward","parent":"E09000030"}],
        "indicators":[{"id":"imd","title":"Deprived areas","description":"d","definition":"d","unit":"%",
          "value_type":"proportion","multiplier":100,"polarity":"low_is_good","period_type":"year","basis":"resident",
          "source":{"name":"s","publisher":"p","licence":"l","url":"u","attribution":"a"},
          "methods":"m","lookups":[],"shard":"indicators/imd.json"}]}"#,
    )
    .unwrap();
    let shard: Shard = serde_json::from_str(
        r#"{"schema_version":1,"indicator":"imd","periods":["2025"],"values":[
          {"area":"W1","period":"2025","origin":"aggregated","value":40.0},
          {"area":"W2","period":"2025","origin":"aggregated","value":0.0},
          {"area":"W3","period":"2025","origin":"aggregated","value":10.0}]}"#,
    )
    .unwrap();
    let indicator = manifest.indicator("imd").unwrap().clone();
    map_view(&manifest, &indicator, &shard, "2025", lang)
}

#[test]
fn five_equal_bands_from_lowest_to_highest() {
    let view = wards();
    let labels: Vec<&str> = view.bands.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "0.0% to 8.0",
            "8.0 to 16.0",
            "16.0 to 24.0",
            "24.0 to 32.0",
            "32.0 to 40.0"
        ]
    );
    let bands: Vec<(&str, usize)> = view
        .areas
        .iter()
        .map(|a| (a.name.as_str(), a.band))
        .collect();
    assert_eq!(
        bands,
        [("Bow East", 4), ("Island Gardens", 0), ("Mile End", 1)]
    );
    assert_eq!(view.missing, ["Poplar"]);
}

#[test]
fn summary_names_the_highest_and_lowest_ward() {
    assert_eq!(
        map_summary(&wards(), Lang::En),
        "In 2025, the highest value was in Bow East, 40.0%; the lowest in Island Gardens, 0.0%."
    );
}

#[test]
fn option_fills_each_ward_with_its_band_colour_on_the_registered_map() {
    let option = map_option(&wards(), Lang::En);
    let series = &option["series"][0];
    assert_eq!(series["type"], "map");
    assert_eq!(series["map"], WARD_MAP);
    assert_eq!(series["nameProperty"], "name");
    // The tooltip's header is the period, not ECharts' made-up series name.
    assert_eq!(series["name"], wards().period);
    assert_eq!(
        series["data"][0],
        json!({
            "name": "Bow East", "value": 40.0, "code": "W1", "itemStyle": {"areaColor": "#08519c"},
            "label": {"show": true, "formatter": "1"}
        })
    );
    // Each ward keeps its number in the publisher's order, whichever wards have values.
    let view = wards();
    let keys: Vec<(&str, usize)> = view
        .areas
        .iter()
        .map(|a| (a.name.as_str(), a.key))
        .collect();
    let labels: Vec<&serde_json::Value> = series["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["label"]["formatter"])
        .collect();
    assert_eq!(labels.len(), keys.len());
    for ((_, key), label) in keys.iter().zip(labels) {
        assert_eq!(label, &json!(key.to_string()));
    }
    assert_eq!(
        keys,
        [("Bow East", 1), ("Island Gardens", 2), ("Mile End", 3)]
    );
    assert_eq!(option["tooltip"]["renderMode"], "richText");
    assert_eq!(series["data"][1]["itemStyle"]["areaColor"], "#eff3ff");
    assert_eq!(
        option["aria"]["label"]["description"],
        json!(map_summary(&wards(), Lang::En))
    );
}

#[test]
fn the_bengali_key_and_summary_use_bengali_words_and_digits() {
    let view = wards_in(Lang::Bn);
    assert_eq!(view.bands[0].label, "০.০% থেকে ৮.০");
    assert_eq!(view.bands[4].label, "৩২.০ থেকে ৪০.০");
    assert_eq!(
        map_summary(&view, Lang::Bn),
        "২০২৫ সালে সবচেয়ে বেশি মান ছিল Bow East ওয়ার্ডে, ৪০.০%; সবচেয়ে কম Island Gardens \
         ওয়ার্ডে, ০.০%।"
    );
    assert_eq!(
        map_option(&view, Lang::Bn)["aria"]["label"]["description"],
        json!(map_summary(&view, Lang::Bn))
    );
}

#[test]
fn a_locality_map_draws_on_the_locality_boundaries_and_says_locality() {
    use outcomes_charts::choropleth::{map_view_at, LOCALITY_MAP};
    use outcomes_core::model::AreaLevel;
    let manifest: Manifest = serde_json::from_str(
        r#"{"schema_version":1,"dataset":{"title":"t","publisher":"p","release_date":"2026-01-01"},
        "framework":{"domains":[]},"lookups":[],
        "areas":[
          {"code":"E09000030","name":"Tower Hamlets","level":"borough"},
          {"code":"L1","name":"North West","level":"locality","parent":"E09000030"},
          {"code":"L2","name":"South East","level":"locality","parent":"E09000030"},
          {"code":"W1","name":"Bow East","level":"ward","parent":"L1"}],
        "indicators":[{"id":"imd","title":"Deprived areas","description":"d","definition":"d","unit":"%",
          "value_type":"proportion","multiplier":100,"polarity":"low_is_good","period_type":"year","basis":"resident",
          "source":{"name":"s","publisher":"p","licence":"l","url":"u","attribution":"a"},
          "methods":"m","lookups":[],"shard":"indicators/imd"}]}"#,
    )
    .unwrap();
    let shard: Shard = serde_json::from_str(
        r#"{"schema_version":1,"indicator":"imd","periods":["2025"],"values":[
          {"area":"L1","period":"2025","origin":"aggregated","value":2.5},
          {"area":"L2","period":"2025","origin":"aggregated","value":0.0},
          {"area":"W1","period":"2025","origin":"aggregated","value":9.0}]}"#,
    )
    .unwrap();
    let indicator = manifest.indicator("imd").unwrap().clone();
    let view = map_view_at(
        &manifest,
        &indicator,
        &shard,
        "2025",
        AreaLevel::Locality,
        Lang::En,
    );
    let names: Vec<&str> = view.areas.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["North West", "South East"]);
    let option = map_option(&view, Lang::En);
    assert_eq!(option["series"][0]["map"], LOCALITY_MAP);
    assert_ne!(LOCALITY_MAP, WARD_MAP);
    assert!(map_summary(&view, Lang::Bn).contains("লোকালিটিতে"));
}
