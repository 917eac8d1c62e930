//! CSV, file names and citations for the "areas compared" view.

use outcomes_charts::area_comparison::{area_comparison, AreaComparison};
use outcomes_charts::export::{citation, comparison_csv, csv_header, file_stem, slug};
use outcomes_core::model::{Area, AreaLevel, IndicatorMeta, Manifest, Shard};
use outcomes_i18n::Lang;
use outcomes_state::Sort;

fn fixture_manifest() -> Manifest {
    serde_json::from_str(include_str!("fixtures/manifest.json")).unwrap()
}

fn localities() -> (AreaComparison, IndicatorMeta) {
    localities_in(&fixture_manifest())
}

/// The fixture's localities compared in 2022/23, with `manifest` for the places.
fn localities_in(manifest: &Manifest) -> (AreaComparison, IndicatorMeta) {
    let shard: Shard = serde_json::from_str(include_str!("fixtures/shard.json")).unwrap();
    let indicator = manifest.indicator("1").unwrap().clone();
    let view = area_comparison(
        manifest,
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
    let text = comparison_csv(&view, &indicator, Lang::En);
    // A spreadsheet opens it as UTF-8 by its byte-order mark; a CSV reader skips the mark.
    assert!(text.starts_with('\u{FEFF}'), "{text:.20}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "area_code",
            "area_name",
            "period",
            "value",
            "unit",
            "lower_95_ci",
            "upper_95_ci",
            "count",
            "denominator",
            "comparator",
            "comparison",
            "source",
            "licence",
            "figure",
            "lookup",
            "lookup_status",
            "note"
        ]
    );
    assert_eq!(header, csv_header(Lang::En));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2 + 3);
    assert_eq!(&rows[0][1], "North, \"old\" part");
    assert_eq!(&rows[0][3], "18.25");
    assert_eq!(&rows[0][5], "17.9");
    assert_eq!(&rows[0][7], "182");
    assert_eq!(&rows[0][9], "Tower Hamlets");
    assert_eq!(&rows[0][10], "Worse");
    // What the figure is travels with it. (The fixture's lookup places localities in the
    // borough, so no locality figure rests on it.)
    assert_eq!(
        [&rows[0][13], &rows[0][14], &rows[0][15]],
        ["summed by the explorer", "", ""]
    );
    assert_eq!(&rows[2][1], "Tower Hamlets");
    assert_eq!(&rows[2][10], "Benchmark");
    // The benchmark row carries its interval, count and denominator where the data has them.
    assert_eq!(
        [&rows[2][5], &rows[2][6], &rows[2][7], &rows[2][8]],
        ["14.8", "15.2", "300", "2000"]
    );
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
        citation(
            &view,
            &indicator,
            "locality",
            "https://example.org/outcomes/?view=indicator",
            "23 November 2026",
            Lang::En
        ),
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
        &area_bar_option(&view, Lang::En),
        "Smoking by locality",
        "Percentage, 2022/23",
        "Source: OHID.",
        Lang::En,
    );
    assert_eq!(framed["title"]["text"], "Smoking by locality");
    assert_eq!(framed["title"]["subtext"], "Percentage, 2022/23");
    assert_eq!(
        framed["graphic"][0]["style"]["text"],
        "Source: OHID. Tower Hamlets outcomes explorer."
    );
    assert_eq!(framed["backgroundColor"], "#ffffff");
    let grid = if framed["grid"].is_array() {
        &framed["grid"][0]
    } else {
        &framed["grid"]
    };
    assert_eq!(grid["top"], 110);
    // The chart itself is unchanged.
    assert_eq!(framed["series"], area_bar_option(&view, Lang::En)["series"]);
}

#[test]
fn bengali_csv_has_bengali_headings_and_words_but_ascii_numbers() {
    let (view, indicator) = localities();
    let text = comparison_csv(&view, &indicator, Lang::Bn);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, csv_header(Lang::Bn));
    assert_eq!(&header[0], "এলাকার কোড");
    assert_eq!(&header[3], "মান");
    assert_eq!(&header[5], "৯৫% আস্থা ব্যবধানের নিচের সীমা");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Numbers stay as spreadsheets read them: ASCII digits and a decimal point.
    assert_eq!(&rows[0][2], "2022/23");
    assert_eq!(&rows[0][3], "18.25");
    assert_eq!(&rows[0][5], "17.9");
    assert_eq!(&rows[0][7], "182");
    assert_eq!(&rows[0][10], "খারাপ");
    assert_eq!(&rows[2][10], "মানদণ্ড");
    assert!(rows[0][3].parse::<f64>().is_ok());
}

#[test]
fn bengali_citation_and_image_source_are_in_bengali() {
    let (view, indicator) = localities();
    assert_eq!(
        citation(
            &view,
            &indicator,
            "লোকালিটি",
            "https://example.org/outcomes/?lang=bn",
            "২৩ নভেম্বর ২০২৬",
            Lang::Bn
        ),
        "টাওয়ার হ্যামলেটস টুগেদার। লোকালিটি অনুযায়ী Smoking, ২০২২/২৩। উৎস: s, p (OGL)। \
         টাওয়ার হ্যামলেটস ফলাফল এক্সপ্লোরার, https://example.org/outcomes/?lang=bn \
         (দেখা হয়েছে ২৩ নভেম্বর ২০২৬)।"
    );
    use outcomes_charts::bar_chart::area_bar_option;
    use outcomes_charts::export::framed_for_image;
    let framed = framed_for_image(
        &area_bar_option(&view, Lang::Bn),
        "শিরোনাম",
        "উপশিরোনাম",
        "উৎস: OHID।",
        Lang::Bn,
    );
    assert_eq!(
        framed["graphic"][0]["style"]["text"],
        "উৎস: OHID। টাওয়ার হ্যামলেটস ফলাফল এক্সপ্লোরার।"
    );
    // File names stay ASCII whatever the language: a title in Bengali letters gives way to
    // the indicator's id, so files of different indicators never share a name.
    assert_eq!(
        file_stem(&view, "locality"),
        "tower-hamlets-smoking-by-locality-2022-23"
    );
    let bengali = AreaComparison {
        indicator_title: "ধূমপান".into(),
        ..view.clone()
    };
    assert_eq!(
        file_stem(&bengali, "locality"),
        format!("tower-hamlets-{}-by-locality-2022-23", bengali.indicator)
    );
}

#[test]
fn a_summed_figure_names_the_lookups_it_rests_on_and_whether_they_are_official() {
    let mut manifest = fixture_manifest();
    // A network placed in North by the provisional lookup: North's figure rests on it.
    manifest.areas.push(Area {
        code: "P-1".into(),
        name: "Network 1".into(),
        level: AreaLevel::Pcn,
        parent: Some("L-N".into()),
        lookup: Some("prov".into()),
    });
    let (view, indicator) = localities_in(&manifest);
    let text = comparison_csv(&view, &indicator, Lang::En);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let north = rows.iter().find(|r| &r[0] == "L-N").unwrap();
    assert_eq!(
        [&north[13], &north[14], &north[15]],
        ["summed by the explorer", "prov", "provisional"]
    );
    let south = rows.iter().find(|r| &r[0] == "L-S").unwrap();
    assert_eq!(&south[14], "");
}
