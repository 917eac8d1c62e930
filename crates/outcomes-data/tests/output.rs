//! Writing and checking the output folder, through the library and the command line.

mod common;

use std::fs;
use std::process::Command;

use common::Fixture;
use outcomes_data::Difference;

fn build_into(fixture: &Fixture) {
    outcomes_data::build_into(&fixture.publisher(), &fixture.sources(), &fixture.out())
        .expect("fixture builds");
}

fn check(fixture: &Fixture) -> Option<Difference> {
    outcomes_data::check(&fixture.publisher(), &fixture.sources(), &fixture.out())
        .expect("fixture builds")
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let fixture = Fixture::new();
    build_into(&fixture);
    let manifest = fs::read(fixture.out().join("manifest.json")).expect("manifest written");
    let shard = fs::read(fixture.out().join("indicators/1/locality.json")).expect("shard written");
    assert!(manifest.ends_with(b"}\n"));
    build_into(&fixture);
    assert_eq!(
        fs::read(fixture.out().join("manifest.json")).expect("manifest"),
        manifest
    );
    assert_eq!(
        fs::read(fixture.out().join("indicators/1/locality.json")).expect("shard"),
        shard
    );
    assert_eq!(check(&fixture), None);
}

#[test]
fn check_names_the_first_differing_file() {
    let fixture = Fixture::new();
    build_into(&fixture);
    let shard = fixture.out().join("indicators/1/locality.json");
    let mut bytes = fs::read(&shard).expect("shard");
    bytes.insert(1, b' ');
    fs::write(&shard, bytes).expect("edit shard");
    assert_eq!(check(&fixture), Some(Difference::Differs(shard.clone())));

    fs::remove_file(&shard).expect("remove shard");
    assert_eq!(check(&fixture), Some(Difference::Missing(shard)));

    build_into(&fixture);
    let stray = fixture.out().join("indicators/old.json");
    fs::write(&stray, "{}\n").expect("stray file");
    assert_eq!(check(&fixture), Some(Difference::Unexpected(stray.clone())));
    // A build removes what it does not write.
    build_into(&fixture);
    assert!(!stray.exists());
}

#[test]
fn a_failed_build_leaves_the_output_untouched() {
    let fixture = Fixture::new();
    build_into(&fixture);
    let before = fs::read(fixture.out().join("manifest.json")).expect("manifest");
    fixture.edit("publisher/dataset.toml", "2026-01-02", "2026-01-03");
    fixture.edit(
        "sources/fingertips.csv",
        "2022/23,10,7,14",
        "2022/23,ten,7,14",
    );
    let result =
        outcomes_data::build_into(&fixture.publisher(), &fixture.sources(), &fixture.out());
    assert!(result.is_err());
    assert_eq!(
        fs::read(fixture.out().join("manifest.json")).expect("manifest"),
        before
    );
    // No staging folders are left behind.
    let leftovers: Vec<_> = fs::read_dir(fixture.out().parent().expect("parent"))
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty());
}

fn tht_data(fixture: &Fixture, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tht-data"))
        .current_dir(fixture.root())
        .args(args)
        .output()
        .expect("run tht-data")
}

#[test]
fn the_command_line_builds_and_checks() {
    let fixture = Fixture::new();
    let folders = [
        "--publisher",
        "publisher",
        "--sources",
        "sources",
        "--out",
        "public/data",
    ];
    let built = tht_data(&fixture, &[&["build"][..], &folders].concat());
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let checked = tht_data(&fixture, &[&["check"][..], &folders].concat());
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );

    fs::write(fixture.out().join("manifest.json"), "{}\n").expect("edit manifest");
    let checked = tht_data(&fixture, &[&["check"][..], &folders].concat());
    assert_eq!(checked.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&checked.stderr).contains("manifest.json differs"));
}

#[test]
fn check_without_sources_fails_unless_told_to_skip() {
    let fixture = Fixture::new();
    let folders = [
        "--publisher",
        "publisher",
        "--sources",
        "absent",
        "--out",
        "public/data",
    ];
    let strict = tht_data(&fixture, &[&["check"][..], &folders].concat());
    assert_eq!(strict.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("absent"));

    let lenient = tht_data(
        &fixture,
        &[&["check", "--skip-if-missing"][..], &folders].concat(),
    );
    assert!(lenient.status.success());
    assert!(String::from_utf8_lossy(&lenient.stdout).contains("skipped"));
}

#[test]
fn build_errors_name_the_place_and_exit_non_zero() {
    let fixture = Fixture::new();
    fixture.edit(
        "sources/fingertips.csv",
        "2022/23,10,7,14",
        "2022/23,ten,7,14",
    );
    let folders = [
        "--publisher",
        "publisher",
        "--sources",
        "sources",
        "--out",
        "public/data",
    ];
    let built = tht_data(&fixture, &[&["build"][..], &folders].concat());
    assert_eq!(built.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&built.stderr);
    let line = fixture.line_of("sources/fingertips.csv", "ten");
    let expected =
        format!("sources/fingertips.csv, line {line}, column \"Value\": expected a number");
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(!fixture.out().exists());
}
