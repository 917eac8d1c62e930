//! "Find my area": the postcode district files, the place index and the ward pages' figures,
//! checked against the real sources and against the checks in SOURCES-postcode-ward.md.

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::real::{output, shard, sources, workspace};
use outcomes_core::model::{AreaLevel, BOROUGH_CODE};
use outcomes_core::postcode::Postcode;
use outcomes_core::search::{search, Found, Target};
use outcomes_data::publisher::Publisher;

/// The ward a postcode is published in, through its district's file, as the page finds it.
fn published_ward(postcode: &str) -> Option<String> {
    let output = output()?;
    let places = output.places.as_ref().expect("the real build has places");
    let postcode = Postcode::parse(postcode).expect("a postcode");
    let district = places
        .districts
        .iter()
        .find(|d| d.district == postcode.district())?;
    district.ward(&postcode).map(str::to_string)
}

#[test]
fn every_source_postcode_is_in_its_districts_file_with_its_ward() {
    let Some(output) = output() else { return };
    let places = output.places.as_ref().expect("places");
    let text = fs::read_to_string(sources().join("postcode_tower_hamlets_ward_lsoa.csv"))
        .expect("postcode file");
    let mut rows = 0;
    for line in text.lines().skip(1) {
        let mut cells = line.split(',');
        let (postcode, ward) = (cells.next().unwrap(), cells.next().unwrap());
        assert_eq!(
            published_ward(postcode).as_deref(),
            Some(ward),
            "{postcode}"
        );
        rows += 1;
    }
    assert_eq!(
        rows, 5_888,
        "SOURCES-postcode-ward.md counts 5,888 postcodes"
    );
    let published: usize = places.districts.iter().map(|d| d.wards.len()).sum();
    assert_eq!(
        published, rows,
        "no postcode is published twice or left out"
    );
    // The counts per district the sources file gives.
    let counts: BTreeMap<&str, usize> = places
        .districts
        .iter()
        .map(|d| (d.district.as_str(), d.wards.len()))
        .collect();
    assert_eq!(counts["E1"], 1_468);
    assert_eq!(counts["E14"], 1_910);
    assert_eq!(counts["E1W"], 427);
    assert_eq!(counts["EC3N"], 7);
    assert_eq!(
        places.places.postcodes.districts,
        ["E1", "E1W", "E2", "E3", "E8", "E9", "E14", "E15", "E20", "E22", "E98", "EC2M", "EC3N"]
    );
}

#[test]
fn the_known_postcodes_are_in_the_wards_the_sources_name() {
    if output().is_none() {
        return;
    }
    // SOURCES-postcode-ward.md: checked against ONSPD, postcodes.io and known buildings.
    for (postcode, ward) in [
        ("E1 0AA", "E05009332"),   // Shadwell
        ("e1w 3tj", "E05009330"),  // St Katharine's & Wapping
        ("E14NS", "E05009317"),    // Queen Mary, Bethnal Green East
        ("E14 2BG", "E05009328"),  // Mulberry Place, Poplar
        ("EC3N 4AB", "E05009330"), // the Tower of London
    ] {
        assert_eq!(
            published_ward(postcode).as_deref(),
            Some(ward),
            "{postcode}"
        );
    }
    assert_eq!(published_ward("E1 9ZZ"), None);
}

#[test]
fn the_place_index_names_former_wards_and_every_practice_in_its_network() {
    let Some(output) = output() else { return };
    let places = &output.places.as_ref().expect("places").places;
    let bethnal_green_west = places
        .former_names
        .iter()
        .find(|f| f.area == "E05009331")
        .expect("Bethnal Green West had another name");
    assert_eq!(bethnal_green_west.name, "St Peter's");
    assert_eq!(bethnal_green_west.until, "May 2022");
    // Only names that changed are listed.
    assert!(places.former_names.iter().all(|f| f.area != "E05009319"));
    assert_eq!(
        places.practices.len(),
        30,
        "the July 2026 mapping lists 30 practices"
    );
    let albion = places
        .practices
        .iter()
        .find(|p| p.code == "F84012")
        .expect("Albion Health Centre");
    assert_eq!(albion.name, "Albion Health Centre");
    assert_eq!(albion.pcn, "U54453");
    for practice in &places.practices {
        let pcn = output
            .manifest
            .area(&practice.pcn)
            .expect("a known network");
        assert_eq!(pcn.level, AreaLevel::Pcn, "{}", practice.name);
    }
}

#[test]
fn searching_the_published_files_finds_places_practices_and_indicators() {
    let Some(output) = output() else { return };
    let places = &output.places.as_ref().expect("places").places;
    let first = |query: &str| match search(&output.manifest, places, query, "en") {
        Found::Names { matches, .. } => matches.first().map(|m| m.target.clone()),
        other => panic!("{query}: {other:?}"),
    };
    let ward = |code: &str| {
        Some(Target::Area {
            code: code.to_string(),
            level: AreaLevel::Ward,
        })
    };
    assert_eq!(first("st katharines"), ward("E05009330"));
    assert_eq!(first("St. Katharine's & Wapping"), ward("E05009330"));
    assert_eq!(first("blackwall and cubitt"), ward("E05009318"));
    assert_eq!(first("spitalfields & banglatown"), ward("E05009333"));
    assert_eq!(first("ST DUNSTANS"), ward("E05009329"));
    // The 2014 name of Bethnal Green West.
    assert_eq!(first("st peters"), ward("E05009331"));
    assert!(matches!(
        first("albion"),
        Some(Target::Practice { pcn, .. }) if pcn == "U54453"
    ));
    assert!(matches!(
        first("north west"),
        Some(Target::Area {
            level: AreaLevel::Locality,
            ..
        })
    ));
    assert!(matches!(
        first("network 5"),
        Some(Target::Area { code, .. }) if code == "U87199"
    ));
    for (word, id) in [
        ("diabetes", "qof-dm"),
        ("overcrowding", "census-overcrowded"),
    ] {
        let Found::Names { matches, .. } = search(&output.manifest, places, word, "en") else {
            panic!("{word}");
        };
        assert!(
            matches
                .iter()
                .any(|m| m.target == Target::Indicator { id: id.to_string() }),
            "{word}: {matches:?}"
        );
    }
    // Bengali titles match too, and names come back in Bengali on a Bengali page.
    let Found::Names { matches, .. } = search(&output.manifest, places, "ধূমপান", "bn")
    else {
        panic!("Bengali");
    };
    assert!(
        matches
            .iter()
            .any(|m| m.target == Target::Indicator { id: "91547".into() }),
        "{matches:?}"
    );
    // A misspelling gets suggestions rather than nothing.
    let Found::Names {
        matches,
        suggestions,
        ..
    } = search(&output.manifest, places, "whitechaple", "en")
    else {
        panic!("whitechaple");
    };
    assert!(matches.is_empty());
    assert_eq!(
        suggestions.first().map(|m| m.target.clone()),
        ward("E05009336")
    );
}

#[test]
fn postcodes_are_read_in_any_form_and_told_apart_from_other_places() {
    let Some(output) = output() else { return };
    let places = &output.places.as_ref().expect("places").places;
    let found = |query: &str| search(&output.manifest, places, query, "en");
    for typed in ["e14 2bg", "E142BG", " E1W 3tj ", "ec3n 4ab"] {
        assert!(
            matches!(found(typed), Found::Postcode { ref path, .. } if path.starts_with("postcodes/")),
            "{typed}"
        );
    }
    assert!(matches!(found("SW1A 1AA"), Found::OutsideBorough(_)));
    assert_eq!(found("E14"), Found::DistrictOnly("E14".into()));
    assert_eq!(found("E14 2B"), Found::BadPostcode);
    assert_eq!(found("  "), Found::Nothing);
}

#[test]
fn ward_pages_have_every_ward_indicator_for_every_ward() {
    let Some(output) = output() else { return };
    let profiles = output
        .profiles
        .iter()
        .find(|p| p.level == AreaLevel::Ward)
        .expect("ward profiles");
    let ward_indicators: Vec<&str> = output
        .manifest
        .indicators
        .iter()
        .filter(|i| i.levels.contains(&AreaLevel::Ward))
        .map(|i| i.id.as_str())
        .collect();
    let profiled: Vec<&str> = profiles
        .indicators
        .iter()
        .map(|i| i.indicator.as_str())
        .collect();
    assert_eq!(profiled, ward_indicators);
    assert!(profiled.len() >= 12);
    for figures in &profiles.indicators {
        let shard = shard(output, &figures.indicator);
        let wards = figures
            .figures
            .values
            .iter()
            .filter(|v| {
                output
                    .manifest
                    .area(&v.area)
                    .is_some_and(|a| a.level == AreaLevel::Ward)
            })
            .count();
        assert_eq!(wards, 20, "{}: every ward has a figure", figures.indicator);
        for value in &figures.figures.values {
            let point = shard
                .point(&value.area, &figures.figures.period)
                .expect("from the shard");
            assert_eq!(
                point.value,
                Some(value.value),
                "{} {}",
                figures.indicator,
                value.area
            );
        }
        assert!(figures.figures.value(BOROUGH_CODE).is_some());
    }
    assert_eq!(
        output.manifest.profiles.first().map(|p| p.path.as_str()),
        Some("profiles/ward.json")
    );
}

/// The error reading places.toml gives once the postcode file has `from` replaced by `to`.
fn postcode_file_error(from: &str, to: &str) -> String {
    let publisher = Publisher::read(&workspace().join("publisher")).expect("publisher");
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in [
        "tower_hamlets_wards.csv",
        "practice_pcn_membership_by_period_th.csv",
        "postcode_tower_hamlets_ward_lsoa.csv",
    ] {
        fs::copy(sources().join(name), dir.path().join(name)).expect("copy");
    }
    let file = dir.path().join("postcode_tower_hamlets_ward_lsoa.csv");
    let text = fs::read_to_string(&file).expect("read");
    assert_eq!(text.matches(from).count(), 1, "{from}");
    fs::write(&file, text.replacen(from, to, 1)).expect("write");
    match outcomes_data::places::read(&workspace().join("publisher"), dir.path(), &publisher.areas)
    {
        Ok(_) => panic!("{to} was accepted"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn a_bad_postcode_row_is_a_located_error() {
    if !sources().is_dir() {
        return;
    }
    let message = postcode_file_error("\nE1 0AD,E05009332", "\nE1 0A,E05009332");
    assert!(
        message.contains("postcode_tower_hamlets_ward_lsoa.csv")
            && message.contains("line 3")
            && message.contains("\"E1 0A\""),
        "{message}"
    );
    let message = postcode_file_error("\nE1 0AD,E05009332", "\nE1 0AD,E05009999");
    assert!(
        message.contains("line 3") && message.contains("E05009999"),
        "{message}"
    );
    let message = postcode_file_error("\nE1 0AD,E05009332", "\nE1 0AA,E05009332");
    assert!(
        message.contains("line 3") && message.contains("first on line 2"),
        "{message}"
    );
}
