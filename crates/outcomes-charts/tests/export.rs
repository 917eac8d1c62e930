//! CSV, file names and citations for the "areas compared" view.

use outcomes_charts::area_comparison::{area_comparison, AreaComparison};
use outcomes_charts::export::{citation, comparison_csv, file_stem, slug, CSV_HEADER};
use outcomes_core::model::{AreaLevel, IndicatorMeta, Manifest, Shard};
use outcomes_state::Sort;

fn localities() -> (AreaComparison, IndicatorMeta) {
    let manifest: Manifest = serde_json::from_str(include_str!("fixtures/manifest.json")).unwrap();
    let shard: Shard = serde_json::from_str(include_str!("fixtures/shard.json")).unwrap();
    let indicator = manifest.indicator("1").unwrap().clone();
    let view = area_comparison(
        &manifest,
        &indicator,
        &shard,
        AreaLevel::Locality,
        "2022/23",
        Sort::Area,
    );
    (view, indicator)
}

#[test]
fn csv_has_a_row_per_area_then_the_benchmarks_and_parses_back() {
    let (mut view, indicator) = localities();
    // A name with a comma and a quote must survive the round trip.
    view.rows[0].name = "North, \"old\" part".to_string();
    let text = comparison_csv(&view, &indicator);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2 + 3);
    assert_eq!(&rows[0][1], "North, \"old\" part");
    assert_eq!(&rows[0][3], "18.25");
    assert_eq!(&rows[0][5], "17.9");
    assert_eq!(&rows[0][7], "182");
    assert_eq!(&rows[0][9], "Tower Hamlets");
    assert_eq!(&rows[0][10], "Worse");
    assert_eq!(&rows[2][1], "Tower Hamlets");
    assert_eq!(&rows[2][10], "Benchmark");
}

#[test]
fn file_names_say_what_is_in_them() {
    let (view, _) = localities();
    assert_eq!(
        file_stem(&view, "locality"),
        "tower-hamlets-smoking-by-locality-2022-23"
    );
    assert_eq!(
        slug("  Fuel poverty (low income) -- 2020 "),
        "fuel-poverty-low-income-2020"
    );
    assert!(slug(&"x".repeat(200)).len() <= 90);
    let mut long = view.clone();
    long.indicator_title =
        "Smoking prevalence in adults (15+): current smokers (QOF) as recorded".into();
    let stem = file_stem(&long, "primary care network");
    assert!(stem.ends_with("-by-primary-care-network-2022-23"), "{stem}");
    assert!(
        stem.starts_with("tower-hamlets-smoking-prevalence-in-adults-15"),
        "{stem}"
    );
}

#[test]
fn citation_names_title_source_period_page_and_date() {
    let (view, indicator) = localities();
    assert_eq!(
        citation(&view, &indicator, "locality", "https://example.org/outcomes/?view=indicator", "23 November 2026"),
        "Tower Hamlets Together. Smoking by locality, 2022/23. Source: s, p (OGL). Tower Hamlets \
         outcomes explorer, https://example.org/outcomes/?view=indicator (accessed 23 November 2026)."
    );
}

#[test]
fn a_framed_image_carries_title_subtitle_and_source() {
    use outcomes_charts::bar_chart::area_bar_option;
    use outcomes_charts::export::framed_for_image;
    let (view, _) = localities();
    let framed = framed_for_image(
        &area_bar_option(&view),
        "Smoking by locality",
        "Percentage, 2022/23",
        "Source: OHID",
    );
    assert_eq!(framed["title"]["text"], "Smoking by locality");
    assert_eq!(framed["title"]["subtext"], "Percentage, 2022/23");
    assert_eq!(framed["graphic"][0]["style"]["text"], "Source: OHID");
    assert_eq!(framed["backgroundColor"], "#ffffff");
    let grid = if framed["grid"].is_array() {
        &framed["grid"][0]
    } else {
        &framed["grid"]
    };
    assert_eq!(grid["top"], 110);
    // The chart itself is unchanged.
    assert_eq!(framed["series"], area_bar_option(&view)["series"]);
}
