//! QOF recorded prevalence against the shared open data: our sums against the independent
//! checks in SOURCES-practice.md, each year's practice placement, disclosure control, and the
//! adapter's located errors.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

mod common;

use common::real::{output, point, shard, sources, workspace};
use outcomes_core::model::{AreaLevel, DataPoint, BOROUGH_CODE, ENGLAND_CODE};
use outcomes_data::adapter::{IndicatorInput, ReadContext, SourceRead};
use outcomes_data::error::Column;
use outcomes_data::publisher::Publisher;
use outcomes_data::Error;

fn publisher() -> Option<&'static Publisher> {
    static PUBLISHER: OnceLock<Option<Publisher>> = OnceLock::new();
    PUBLISHER
        .get_or_init(|| {
            if !sources().is_dir() {
                println!("note: {} is absent; QOF test skipped", sources().display());
                return None;
            }
            Some(Publisher::read(&workspace().join("publisher")).expect("publisher folder"))
        })
        .as_ref()
}

/// What the QOF adapter of one indicator reads, before aggregation.
fn adapter_read(publisher: &Publisher, id: &str) -> SourceRead {
    let def = publisher
        .indicators
        .iter()
        .find(|d| d.meta.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"));
    let context = ReadContext {
        publisher_dir: &workspace().join("publisher"),
        sources: &sources(),
        meta: &def.meta,
        areas: &publisher.areas,
    };
    def.inputs[0]
        .adapter()
        .read(&context)
        .expect("QOF files read")
}

fn qof_ids(publisher: &Publisher) -> Vec<String> {
    publisher
        .indicators
        .iter()
        .filter(|d| matches!(d.inputs.first(), Some(IndicatorInput::QofPrevalence(_))))
        .map(|d| d.meta.id.clone())
        .collect()
}

fn counts(point: &DataPoint) -> (Option<f64>, Option<f64>) {
    (point.count, point.denominator)
}

#[test]
fn england_dementia_2019_20_is_the_fingertips_count() {
    let Some(output) = output() else { return };
    let england = point(output, "qof-dem", ENGLAND_CODE, "2019/20");
    assert_eq!(counts(england), (Some(474_537.0), Some(60_407_685.0)));
    assert!(
        england.ci95.is_some(),
        "England has the explorer's interval"
    );
    assert!(england.note.as_deref().unwrap_or("").contains("derived"));
    // Comparisons with England work: the borough's has a result.
    let borough = point(output, "qof-dem", BOROUGH_CODE, "2019/20");
    assert!(borough
        .comparisons
        .iter()
        .any(|c| c.benchmark == ENGLAND_CODE));
}

#[test]
fn albion_hypertension_2022_23_is_the_independent_copy() {
    let Some(publisher) = publisher() else { return };
    let read = adapter_read(publisher, "qof-hyp");
    let albion: Vec<_> = read
        .observations
        .iter()
        .filter(|o| o.base && o.area == "F84012" && o.period == "2022/23")
        .collect();
    assert_eq!(albion.len(), 1);
    assert_eq!(albion[0].count, Some(807.0));
    assert_eq!(albion[0].denominator, Some(9_760.0));
}

#[test]
fn borough_diabetes_is_the_sum_of_its_practices() {
    let Some(output) = output() else { return };
    for (period, register, list) in [
        ("2019/20", 18_595.0, 277_432.0),
        ("2022/23", 21_887.0, 319_400.0),
        ("2024/25", 23_719.0, 329_295.0),
    ] {
        let borough = point(output, "qof-dm", BOROUGH_CODE, period);
        assert_eq!(counts(borough), (Some(register), Some(list)), "{period}");
    }
}

#[test]
fn every_practice_row_of_every_year_is_placed() {
    let Some(publisher) = publisher() else { return };
    let ids = qof_ids(publisher);
    assert!(ids.len() >= 21, "one indicator per register: {ids:?}");
    for id in &ids {
        let read = adapter_read(publisher, id);
        let assignments = read
            .assignments
            .as_ref()
            .expect("the adapter places itself");
        for obs in read.observations.iter().filter(|o| o.base) {
            let area = assignments
                .place(&obs.period, &obs.area)
                .unwrap_or_else(|| panic!("{id}: {} {} not placed", obs.area, obs.period));
            let level = publisher.areas.get(area).map(|a| a.level);
            assert!(
                matches!(level, Some(AreaLevel::Pcn | AreaLevel::Borough)),
                "{id}: {} placed in {area}",
                obs.area
            );
        }
    }
    let read = adapter_read(publisher, "qof-dm");
    let placed = &read.assignments.as_ref().expect("placements").by_period;
    // In no network mapping: the borough only.
    assert_eq!(placed["2016/17"]["F84702"], BOROUGH_CODE);
    assert_eq!(placed["2017/18"]["F84702"], BOROUGH_CODE);
    // Before PCNs: 2019/20's mapping, and 2020/21's for a practice it lacks.
    assert_eq!(placed["2016/17"]["F84012"], "U54453");
    assert_eq!(placed["2018/19"]["F84731"], "U37286");
    // Network 4 is counted in Tower Network PCN, which it merged into.
    assert_eq!(placed["2019/20"]["F84079"], "U37286");
    assert_eq!(placed["2024/25"]["F84012"], "U54453");
    // The borough's figure says it holds more than its localities.
    let Some(output) = output() else { return };
    let note = |period| point(output, "qof-dm", BOROUGH_CODE, period).note.clone();
    assert!(note("2016/17").is_some_and(|n| n.contains("counted in the borough only")));
    assert_eq!(note("2018/19"), None);
}

#[test]
fn no_network_or_locality_count_of_one_to_seven_is_published() {
    let Some(output) = output() else { return };
    let Some(publisher) = publisher() else { return };
    let mut withheld = 0;
    for id in qof_ids(publisher) {
        for p in &shard(output, &id).values {
            let level = output.manifest.area(&p.area).map(|a| a.level);
            if matches!(level, Some(AreaLevel::Pcn | AreaLevel::Locality)) {
                if let Some(count) = p.count {
                    assert!(
                        !(1.0..=7.0).contains(&count),
                        "{id} {} {}",
                        p.area,
                        p.period
                    );
                }
                if p.suppressed.is_some() {
                    withheld += 1;
                    assert_eq!((p.value, p.ci95), (None, None));
                }
            }
        }
    }
    // F84702 All Saints is counted in the borough only, so the borough minus its published
    // localities is that practice's count: it must not be a small one either.
    for id in qof_ids(publisher) {
        let shard = shard(output, &id);
        for period in &shard.periods {
            let Some(borough) = shard.point(BOROUGH_CODE, period).and_then(|p| p.count) else {
                continue;
            };
            let localities: Vec<Option<f64>> = output
                .manifest
                .areas_at(AreaLevel::Locality)
                .map(|a| shard.point(&a.code, period).and_then(|p| p.count))
                .collect();
            if localities.iter().all(Option::is_some) {
                let rest = borough - localities.iter().flatten().sum::<f64>();
                assert!(!(1.0..=7.0).contains(&rest), "{id} {period}: {rest}");
            }
        }
    }
    // Some network counts are small (osteoporosis, 50 and over, before 2020/21), so some
    // are withheld.
    assert!(withheld > 0);
}

#[test]
fn trends_use_the_five_consecutive_years_and_never_a_definition_change() {
    let Some(output) = output() else { return };
    let dm = point(output, "qof-dm", BOROUGH_CODE, "2020/21");
    assert!(
        dm.trend.is_some(),
        "2016/17 to 2020/21 are five consecutive years"
    );
    assert!(point(output, "qof-dm", BOROUGH_CODE, "2024/25")
        .trend
        .is_none());
    // Asthma counts patients aged 6 and over from 2020/21: no trend spans the change.
    for p in &shard(output, "qof-ast").values {
        assert!(p.trend.is_none(), "asthma {} {}", p.area, p.period);
    }
    let changed = point(output, "qof-ast", BOROUGH_CODE, "2020/21");
    assert!(changed.note.as_deref().unwrap_or("").contains("06OV"));
    // The shard names the change, so the trend chart can mark it.
    let changes: Vec<&String> = shard(output, "qof-ast").definition_changes.keys().collect();
    assert_eq!(changes, ["2020/21"]);
    assert!(shard(output, "qof-dm").definition_changes.is_empty());
}

/// A sources folder with the real membership and England files and one QOF year.
fn small_sources(year_file: &str, contents: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in [
        "practice_pcn_membership_by_period_th.csv",
        "practice_qof_prevalence_england_totals_derived.csv",
    ] {
        fs::copy(sources().join(name), dir.path().join(name)).expect("copy source");
    }
    fs::write(dir.path().join(year_file), contents).expect("write QOF file");
    dir
}

fn read_one_year(publisher: &Publisher, dir: &Path, file: &str) -> Result<SourceRead, Error> {
    let def = publisher
        .indicators
        .iter()
        .find(|d| d.meta.id == "qof-dm")
        .expect("qof-dm");
    let Some(IndicatorInput::QofPrevalence(input)) = def.inputs.first() else {
        panic!("qof-dm reads QOF files");
    };
    let mut input = input.clone();
    input.years = BTreeMap::from([(
        "2022/23".to_string(),
        outcomes_data::qof::Year {
            file: file.to_string(),
            membership: vec!["QOF 2022-23".to_string()],
        },
    )]);
    let context = ReadContext {
        publisher_dir: &workspace().join("publisher"),
        sources: dir,
        meta: &def.meta,
        areas: &publisher.areas,
    };
    outcomes_data::adapter::SourceAdapter::read(&input, &context)
}

const HEADER: &str = "PRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PRACTICE_LIST_SIZE\n";

#[test]
fn a_malformed_register_is_a_located_error() {
    let Some(publisher) = publisher() else { return };
    let body = format!("{HEADER}F84012,DM,830.0,17OV,7753\nF84016,DM,4x,17OV,9000\n");
    let dir = small_sources("qof.csv", &body);
    let err = read_one_year(publisher, dir.path(), "qof.csv").expect_err("4x is no count");
    let Error::NotANumber { at, text } = &err else {
        panic!("unexpected error {err}");
    };
    assert_eq!(text, "4x");
    assert_eq!(at.file, dir.path().join("qof.csv"));
    assert_eq!(at.line, 3);
    assert_eq!(at.column, Column::Named("REGISTER".into()));
    // A fraction of a patient is refused at its cell too.
    let body = format!("{HEADER}F84012,DM,830.5,17OV,7753\n");
    let dir = small_sources("qof.csv", &body);
    let err = read_one_year(publisher, dir.path(), "qof.csv").expect_err("830.5");
    assert!(
        err.to_string().contains("line 2, column \"REGISTER\""),
        "{err}"
    );
}

#[test]
fn a_list_type_other_than_englands_is_a_located_error() {
    let Some(publisher) = publisher() else { return };
    let body = format!("{HEADER}F84012,DM,830.0,18OV,7753\n");
    let dir = small_sources("qof.csv", &body);
    let err = read_one_year(publisher, dir.path(), "qof.csv").expect_err("18OV is not 17OV");
    let message = err.to_string();
    assert!(
        message.contains("practice_qof_prevalence_england_totals_derived.csv")
            && message.contains("PATIENT_LIST_TYPE")
            && message.contains("17OV")
            && message.contains("18OV"),
        "{message}"
    );
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("folder") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, target).expect("copy file");
        }
    }
}

/// The error `Publisher::read` gives once qof-dm.toml has `from` replaced by `to`.
fn publisher_error(from: &str, to: &str) -> String {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_tree(&workspace().join("publisher"), dir.path());
    let file = dir.path().join("indicators/qof-dm.toml");
    let text = fs::read_to_string(&file).expect("qof-dm.toml");
    assert_eq!(text.matches(from).count(), 1, "{from}");
    fs::write(&file, text.replacen(from, to, 1)).expect("write");
    match Publisher::read(dir.path()) {
        Ok(_) => panic!("{to} was accepted"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn check_refuses_bad_input_sections_at_their_line() {
    if publisher().is_none() {
        return;
    }
    let section_line = "line 24";
    for (from, to, expected) in [
        ("group = \"DM\"", "group = \"\"", "not a QOF group code"),
        (
            "years.\"2016/17\"]",
            "years.\"2016-17\"]",
            "cannot read the year \"2016-17\"",
        ),
        (
            "file = \"practice_qof_prevalence_2016_17_th.csv\"",
            "file = \"../practice_qof_prevalence_2016_17_th.csv\"",
            "not a plain file path",
        ),
        (
            "membership = [\"QOF 2019-20\"]",
            "membership = []",
            "needs membership",
        ),
        (
            "value_type = \"proportion\"",
            "value_type = \"score\"",
            "value_type",
        ),
    ] {
        let message = publisher_error(from, to);
        assert!(
            message.contains("qof-dm.toml") && message.contains(section_line),
            "{message}"
        );
        assert!(message.contains(expected), "{message}");
    }
}

#[test]
fn cervical_screening_sums_to_the_borough_totals_in_sources() {
    let Some(output) = output() else { return };
    for (id, screened, eligible) in [
        ("cervical-screening-25-49", 46_739.0, 80_464.0),
        ("cervical-screening-50-64", 10_121.0, 13_491.0),
    ] {
        let borough = point(output, id, BOROUGH_CODE, "2017");
        assert_eq!(counts(borough), (Some(screened), Some(eligible)), "{id}");
        // Every network has a figure: the practices were all placed (F84702 in the
        // borough only).
        let networks = shard(output, id)
            .values
            .iter()
            .filter(|p| output.manifest.area(&p.area).map(|a| a.level) == Some(AreaLevel::Pcn))
            .count();
        assert_eq!(networks, 7, "{id}");
    }
    let Some(publisher) = publisher() else { return };
    let read = adapter_read(publisher, "cervical-screening-25-49");
    let placed = &read.assignments.as_ref().expect("placements").by_period["2017"];
    assert_eq!(placed.len(), 36);
    assert_eq!(placed["F84702"], BOROUGH_CODE);
    assert_eq!(placed["F84731"], "U37286");
}
