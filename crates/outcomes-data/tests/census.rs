//! Census 2021 measures against the shared open data, when that folder is present: the
//! tables' categories add up, the borough is the sum of its small areas, a ward and the
//! England and London comparators agree with sums worked out by hand from the CSV files,
//! and a malformed cell is refused at its line and column with nothing written.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::real::{output, sources, workspace};
use outcomes_core::model::{AreaLevel, DataPoint, BOROUGH_CODE};
use outcomes_data::adapter::IndicatorInput;
use outcomes_data::census_wide;
use outcomes_data::error::{Column, Error};
use outcomes_data::publisher::Publisher;
use outcomes_data::Output;

const ENGLAND: &str = "E92000001";
const LONDON: &str = "E12000007";

fn point<'a>(output: &'a Output, id: &str, area: &str) -> &'a DataPoint {
    output
        .shards
        .iter()
        .find(|s| s.indicator == id)
        .and_then(|s| s.point(area, "2021"))
        .unwrap_or_else(|| panic!("{id}: no 2021 point for {area}"))
}

fn counts(point: &DataPoint) -> (f64, f64) {
    (
        point.count.expect("a count"),
        point.denominator.expect("a denominator"),
    )
}

/// A CSV file as rows of column name → text.
fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).expect("readable CSV");
    let headers: Vec<String> = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed row");
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn number(row: &BTreeMap<String, String>, column: &str) -> f64 {
    row[column]
        .parse()
        .unwrap_or_else(|_| panic!("{column} is not a number: {:?}", row[column]))
}

#[test]
fn ts037s_five_health_categories_add_up_to_its_total_in_every_lsoa() {
    if output().is_none() {
        return;
    }
    let table = rows(&sources().join("census2021_ts037_general_health_lsoa21_th.csv"));
    assert_eq!(table.len(), 169);
    let parts = ["Very good", "Good", "Fair", "Bad", "Very bad"];
    for row in &table {
        let sum: f64 = parts
            .iter()
            .map(|p| number(row, &format!("General health: {p} health")))
            .sum();
        assert_eq!(
            sum,
            number(row, "General health: Total: All usual residents"),
            "{}",
            row["geography code"]
        );
    }
}

#[test]
fn a_subtotal_listed_with_its_own_parts_is_refused() {
    if output().is_none() {
        return;
    }
    // TS039's "19 hours or less" is "9 hours or less" plus "10 to 19", though the names do
    // not say so: only the parts adding up to the total catches it.
    let input: census_wide::Input = toml::from_str(
        r#"
file = "census2021_ts039_unpaid_care_lsoa21_th.csv"
aggregate_from = "lsoa"
numerator_columns = ["Provision of unpaid care: Provides 50 or more hours unpaid care a week"]
denominator_columns = ["Provision of unpaid care: Total: All usual residents aged 5 and over"]
parts = [
  "Provision of unpaid care: Provides no unpaid care",
  "Provision of unpaid care: Provides 19 hours or less unpaid care a week",
  "Provision of unpaid care: Provides 9 hours or less unpaid care a week",
  "Provision of unpaid care: Provides 20 to 49 hours unpaid care a week",
  "Provision of unpaid care: Provides 50 or more hours unpaid care a week",
]
period = "2021"
"#,
    )
    .expect("a census_wide input");
    let error = census_wide::read(&sources().join(&input.file), &input)
        .expect_err("a double-counted subtotal");
    assert!(
        error.to_string().contains("not to the denominator"),
        "{error}"
    );
    // A Nomis category named with one of its parts is refused before any file is read.
    let nested = census_wide::check_columns(
        &["Disability: Disabled under the Equality Act".into()],
        &["Disability: Total: All usual residents".into()],
        &[
            "Disability: Disabled under the Equality Act".into(),
            "Disability: Disabled under the Equality Act: Day-to-day activities limited a lot"
                .into(),
        ],
    );
    assert!(nested.is_err());
}

/// Each census measure's own small areas, summed straight from its CSV file.
fn small_area_sums(input: &IndicatorInput) -> Option<(f64, f64, usize)> {
    match input {
        IndicatorInput::CensusWide(i) => {
            let table = rows(&sources().join(&i.file));
            let sum = |cols: &[String]| -> f64 {
                table
                    .iter()
                    .map(|r| cols.iter().map(|c| number(r, c)).sum::<f64>())
                    .sum()
            };
            Some((
                sum(&i.numerator_columns),
                sum(&i.denominator_columns),
                table.len(),
            ))
        }
        IndicatorInput::CensusLong(i) => {
            let table = rows(&sources().join(&i.file));
            let count = table
                .iter()
                .filter(|r| i.numerator_categories.contains(&r[&i.category_column]))
                .map(|r| number(r, &i.count_column))
                .sum();
            let totals: BTreeMap<&str, f64> = table
                .iter()
                .map(|r| (r[&i.code_column].as_str(), number(r, &i.total_column)))
                .collect();
            Some((count, totals.values().sum(), totals.len()))
        }
        _ => None,
    }
}

#[test]
fn the_borough_is_the_sum_of_its_small_areas_and_of_its_wards() {
    let Some(output) = output() else { return };
    let publisher = Publisher::read(&workspace().join("publisher")).expect("publisher");
    let mut measured = BTreeSet::new();
    for def in &publisher.indicators {
        let Some((count, denominator, areas)) = small_area_sums(&def.inputs[0]) else {
            continue;
        };
        let id = def.meta.id.as_str();
        assert!(id.starts_with("census-"), "{id}");
        let level = def.inputs[0].adapter().aggregate_from();
        let expected_areas = match level {
            Some(AreaLevel::Lsoa) => 169,
            Some(AreaLevel::Oa) => 913,
            Some(AreaLevel::Msoa) => 34,
            other => panic!("{id}: aggregates from {other:?}"),
        };
        assert_eq!(areas, expected_areas, "{id}");
        let borough = point(output, id, BOROUGH_CODE);
        assert_eq!(counts(borough), (count, denominator), "{id}");
        let wards: Vec<&DataPoint> = output
            .shards
            .iter()
            .find(|s| s.indicator == id)
            .expect("a shard")
            .values
            .iter()
            .filter(|p| publisher.areas.get(&p.area).map(|a| a.level) == Some(AreaLevel::Ward))
            .collect();
        if level == Some(AreaLevel::Msoa) {
            // MSOAs do not fit inside wards: borough only.
            assert!(wards.is_empty(), "{id} has ward figures");
        } else {
            assert_eq!(wards.len(), 20, "{id}");
            let sum = wards.iter().fold((0.0, 0.0), |(c, d), p| {
                let (pc, pd) = counts(p);
                (c + pc, d + pd)
            });
            assert_eq!(sum, (count, denominator), "{id}: wards");
        }
        assert_eq!(
            def.meta.basis,
            outcomes_core::model::Basis::Resident,
            "{id}"
        );
        // Census ward counts are large (the smallest, 50+ hours of care, is 69), but small
        // cells would still be withheld if a table ever had them.
        assert!(def.disclosure_control, "{id}");
        measured.insert(id.to_string());
    }
    assert!(measured.len() >= 12, "{measured:?}");
}

#[test]
fn borough_figures_match_the_sums_in_the_sources_notes() {
    let Some(output) = output() else { return };
    // SOURCES-census2021.md: bad + very bad = 15,061 of 310,312; OA households 120,521
    // (TS011) and 120,482 (TS052).
    assert_eq!(
        counts(point(output, "census-bad-health", BOROUGH_CODE)),
        (15_061.0, 310_312.0)
    );
    assert_eq!(
        counts(point(output, "census-deprived-2plus", BOROUGH_CODE)).1,
        120_521.0
    );
    assert_eq!(
        counts(point(output, "census-overcrowded", BOROUGH_CODE)).1,
        120_482.0
    );
    assert_eq!(
        counts(point(output, "census-bangladeshi", BOROUGH_CODE)),
        (107_332.0, 310_295.0)
    );
}

#[test]
fn a_wards_figures_agree_with_a_sum_by_hand() {
    let Some(output) = output() else { return };
    // Worked out with a one-off script from the CSV files: Weavers' LSOAs in the best-fit
    // lookup, TS037 bad + very bad health; St Dunstan's output areas in the council's
    // lookup, TS052 ratings -1 and -2 or less.
    let weavers = point(output, "census-bad-health", "E05009335");
    assert_eq!(counts(weavers), (801.0, 14_077.0));
    let value = weavers.value.expect("a value");
    assert!((value - 801.0 / 14_077.0 * 100.0).abs() < 1e-3, "{value}");
    let ci = weavers.ci95.expect("an interval");
    assert!(ci.lower < value && value < ci.upper);
    let st_dunstans = point(output, "census-overcrowded", "E05009329");
    assert_eq!(counts(st_dunstans), (1_137.0, 4_836.0));
}

#[test]
fn england_and_london_are_the_derived_files_sums_with_intervals() {
    let Some(output) = output() else { return };
    // census2021_england_london_totals_derived.csv, TS037: England bad 2,248,207 + very bad
    // 662,837 of 56,489,964; London 283,877 + 92,171 of 8,799,681.
    let england = point(output, "census-bad-health", ENGLAND);
    assert_eq!(counts(england), (2_248_207.0 + 662_837.0, 56_489_964.0));
    let london = point(output, "census-bad-health", LONDON);
    assert_eq!(counts(london), (283_877.0 + 92_171.0, 8_799_681.0));
    for p in [england, london] {
        assert!(p.ci95.is_some() && p.ci998.is_some());
        assert!(p.note.as_deref().is_some_and(|n| n.contains("derived")));
    }
    // TS052 by output area: England from the OA file (854,348 + 170,620 of 23,435,845),
    // London from the LSOA file, which the OA file lacks (304,594 + 75,228 of 3,423,801).
    let england = point(output, "census-overcrowded", ENGLAND);
    assert_eq!(counts(england), (854_348.0 + 170_620.0, 23_435_845.0));
    let london = point(output, "census-overcrowded", LONDON);
    assert_eq!(counts(london), (304_594.0 + 75_228.0, 3_423_801.0));
    assert!(london
        .note
        .as_deref()
        .is_some_and(|n| n.contains("LSOA version")));
    // Comparisons work: the borough is compared with both.
    let borough = point(output, "census-overcrowded", BOROUGH_CODE);
    let benchmarks: BTreeSet<&str> = borough
        .comparisons
        .iter()
        .map(|c| c.benchmark.as_str())
        .collect();
    assert!(benchmarks.contains(ENGLAND) && benchmarks.contains(LONDON));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Writable copies of the real publisher and sources folders.
fn real_copy() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (publisher, data) = (dir.path().join("publisher"), dir.path().join("sources"));
    copy_dir(&workspace().join("publisher"), &publisher);
    copy_dir(&sources(), &data);
    (dir, publisher, data)
}

/// Replaces the one occurrence of `from` in a file with `to`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read");
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} in {}",
        path.display()
    );
    // The copy keeps the shared file's read-only mode; a new file replaces it.
    fs::remove_file(path).expect("remove");
    fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn a_ward_name_the_lookup_does_not_map_is_refused_at_its_cell() {
    if output().is_none() {
        return;
    }
    let (dir, publisher, data) = real_copy();
    edit(
        &publisher.join("lookups.toml"),
        "\"Weavers\" = \"E05009335\"\n",
        "",
    );
    let lookup = data.join("tower_hamlets_oa21_msoa21_ward_lookup.csv");
    let first_weavers = fs::read_to_string(&lookup)
        .expect("read")
        .lines()
        .position(|l| l.starts_with("Weavers,"))
        .expect("a Weavers row") as u64
        + 1;
    let out = dir.path().join("out");
    let error = outcomes_data::build_into(&publisher, &data, &out).expect_err("unmapped");
    let Error::Invalid { at, message } = &error else {
        panic!("expected an invalid cell, got {error}");
    };
    assert!(at
        .file
        .ends_with("tower_hamlets_oa21_msoa21_ward_lookup.csv"));
    assert_eq!(
        (at.line, &at.column),
        (first_weavers, &Column::Named("ward_name".into()))
    );
    assert!(message.contains("\"Weavers\""), "{message}");
    assert!(!out.exists());
}

#[test]
fn a_lookup_to_an_unknown_area_is_refused_at_its_line() {
    if output().is_none() {
        return;
    }
    let (_dir, publisher, data) = real_copy();
    let lookups = publisher.join("lookups.toml");
    edit(
        &lookups,
        "to_area = \"E09000030\"",
        "to_area = \"E09000099\"",
    );
    let line = fs::read_to_string(&lookups)
        .expect("read")
        .lines()
        .position(|l| l.contains("E09000099"))
        .expect("the edit") as u64
        + 1;
    let out = data.join("out");
    let error = outcomes_data::build_into(&publisher, &data, &out).expect_err("unknown area");
    let Error::UnknownArea { at, code, .. } = &error else {
        panic!("expected an unknown area, got {error}");
    };
    assert_eq!((code.as_str(), at.line), ("E09000099", line));
    assert!(at.file.ends_with("lookups.toml"));
}

#[test]
fn a_malformed_count_is_refused_at_its_cell_and_nothing_is_written() {
    if output().is_none() {
        return;
    }
    let (dir, publisher, data) = real_copy();
    let file = data.join("census2021_ts037_general_health_lsoa21_th.csv");
    // The first LSOA's bad-health count (line 2), 97, made unreadable.
    edit(
        &file,
        "1492,656,477,234,97,28\n",
        "1492,656,477,234,9 7,28\n",
    );
    let out = dir.path().join("public/data");
    let error = outcomes_data::build_into(&publisher, &data, &out).expect_err("a bad cell");
    let Error::NotANumber { at, text } = &error else {
        panic!("expected a cell that is not a number, got {error}");
    };
    assert_eq!(text, "9 7");
    assert!(at
        .file
        .ends_with("census2021_ts037_general_health_lsoa21_th.csv"));
    assert_eq!(at.line, 2);
    assert_eq!(
        at.column,
        Column::Named("General health: Bad health".into())
    );
    assert!(!out.exists());
}

#[test]
fn wards_placed_in_a_locality_sum_on_to_it_and_the_borough_is_unchanged() {
    let Some(output) = output() else { return };
    // A ward → locality lookup makes wards' parents localities; the census sums must follow.
    let (_dir, publisher, data) = real_copy();
    edit(
        &publisher.join("areas.csv"),
        "E05009335,Weavers,ward,E09000030,",
        "E05009335,Weavers,ward,THT-LOC-NW,",
    );
    let placed = outcomes_data::build(&publisher, &data).expect("builds");
    let at = |id: &str, area: &str| counts(point(&placed, id, area));
    // The derived ward → locality best fit places every ward (Weavers, with 801 of 14,077,
    // among them), so North West is the sum of all its wards.
    let north_west: Vec<&str> = placed
        .manifest
        .areas
        .iter()
        .filter(|a| a.parent.as_deref() == Some("THT-LOC-NW"))
        .filter(|a| a.level == outcomes_core::model::AreaLevel::Ward)
        .map(|a| a.code.as_str())
        .collect();
    assert!(north_west.contains(&"E05009335"));
    assert_eq!(at("census-bad-health", "E05009335"), (801.0, 14_077.0));
    let sum = north_west
        .iter()
        .map(|w| at("census-bad-health", w))
        .fold((0.0, 0.0), |s, c| (s.0 + c.0, s.1 + c.1));
    assert_eq!(at("census-bad-health", "THT-LOC-NW"), sum);
    for id in [
        "census-bad-health",
        "census-overcrowded",
        "census-bangladeshi",
    ] {
        assert_eq!(
            at(id, BOROUGH_CODE),
            counts(point(output, id, BOROUGH_CODE)),
            "{id}"
        );
    }
}

/// A demographr-style file in a temporary folder, read with one input.
fn read_long(csv_text: &str) -> Result<usize, Error> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("long.csv");
    fs::write(&path, csv_text).expect("write");
    let input: outcomes_data::census_long::Input = toml::from_str(
        r#"
file = "long.csv"
code_column = "lsoa21_code"
aggregate_from = "lsoa"
total_column = "total_households"
category_column = "occupancy_rating"
numerator_categories = ["-1 (overcrowded)"]
period = "2021"
"#,
    )
    .expect("a census_long input");
    outcomes_data::census_long::read(&path, &input).map(|o| o.len())
}

#[test]
fn long_tables_must_add_up_and_name_each_category_once() {
    let header = "lsoa21_code,total_households,occupancy_rating,n\n";
    let good = format!("{header}E01,10,0 (ideal),7\nE01,10,-1 (overcrowded),3\n");
    assert_eq!(read_long(&good).expect("adds up"), 1);
    let short = format!("{header}E01,10,0 (ideal),6\nE01,10,-1 (overcrowded),3\n");
    let error = read_long(&short).expect_err("9 of 10");
    assert!(error.to_string().contains("add up to 9"), "{error}");
    let twice = format!("{header}E01,10,0 (ideal),7\nE01,10,0 (ideal),3\n");
    let error = read_long(&twice).expect_err("a category twice");
    assert!(error.to_string().contains("line 3"), "{error}");
    let two_totals = format!("{header}E01,10,0 (ideal),7\nE01,11,-1 (overcrowded),3\n");
    let error = read_long(&two_totals).expect_err("two totals");
    assert!(error.to_string().contains("total_households"), "{error}");
    let missing = format!("{header}E01,10,0 (ideal),10\n");
    let error = read_long(&missing).expect_err("no -1 row");
    assert!(error.to_string().contains("-1 (overcrowded)"), "{error}");
}

#[test]
fn a_key_of_another_format_in_a_census_input_fails_at_its_line() {
    if output().is_none() {
        return;
    }
    let (_dir, publisher, data) = real_copy();
    let file = publisher.join("indicators/census-bad-health.toml");
    // `numerator_column` is the table format's key; census_wide takes numerator_columns.
    edit(
        &file,
        "aggregate_from = \"lsoa\"\n",
        "aggregate_from = \"lsoa\"\nnumerator_column = \"x\"\n",
    );
    let line = fs::read_to_string(&file)
        .expect("read")
        .lines()
        .position(|l| l.starts_with("numerator_column ="))
        .expect("the edit") as u64
        + 1;
    let error = outcomes_data::build(&publisher, &data).expect_err("an unknown key");
    let Error::Toml { at, message } = &error else {
        panic!("expected a TOML error, got {error}");
    };
    assert!(at.file.ends_with("census-bad-health.toml"));
    assert_eq!(at.line, line, "{message}");
}
