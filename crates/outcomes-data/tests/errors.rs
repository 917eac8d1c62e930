//! Each kind of bad input fails the build with the file, line and column at fault.

mod common;

use common::Fixture;
use outcomes_data::error::{Column, Error, Location};

const FINGERTIPS: &str = "sources/fingertips.csv";

fn build_error(fixture: &Fixture) -> Error {
    match fixture.build() {
        Ok(_) => panic!("expected the build to fail"),
        Err(e) => e,
    }
}

/// Checks a location and that the message names it.
fn assert_at(error: &Error, at: &Location, file: &str, line: u64, column: Column) {
    assert!(
        at.file.ends_with(file),
        "{} is not {file}",
        at.file.display()
    );
    assert_eq!((at.line, &at.column), (line, &column), "{error}");
    let message = error.to_string();
    assert!(message.contains(file), "{message}");
    assert!(message.contains(&format!("line {line}")), "{message}");
}

fn named(column: &str) -> Column {
    Column::Named(column.to_string())
}

#[test]
fn a_missing_column_is_named() {
    let fixture = Fixture::new();
    fixture.edit(FINGERTIPS, ",Count,", ",Cnt,");
    match build_error(&fixture) {
        Error::MissingColumn { file, column } => {
            assert!(file.ends_with(FINGERTIPS));
            assert_eq!(column, "Count");
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_value_that_is_not_a_number_is_refused() {
    let fixture = Fixture::new();
    fixture.edit(FINGERTIPS, "2022/23,10,7,14", "2022/23,ten,7,14");
    let line = fixture.line_of(FINGERTIPS, "ten");
    let error = build_error(&fixture);
    match &error {
        Error::NotANumber { at, text } => {
            assert_eq!(text, "ten");
            assert_at(&error, at, FINGERTIPS, line, named("Value"));
        }
        e => panic!("unexpected error: {e}"),
    }
    assert!(error.to_string().contains("expected a number"));
}

#[test]
fn a_negative_count_is_refused() {
    let fixture = Fixture::new();
    fixture.edit(
        FINGERTIPS,
        "2022/23,10,7,14,,,30,300",
        "2022/23,10,7,14,,,-30,300",
    );
    let line = fixture.line_of(FINGERTIPS, "-30,300");
    let error = build_error(&fixture);
    match &error {
        Error::Negative { at, value } => {
            assert_eq!(*value, -30.0);
            assert_at(&error, at, FINGERTIPS, line, named("Count"));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_count_above_its_denominator_is_refused() {
    let fixture = Fixture::new();
    fixture.edit(
        FINGERTIPS,
        "2022/23,13.33,10,17,,,40,300",
        "2022/23,13.33,10,17,,,400,300",
    );
    let line = fixture.line_of(FINGERTIPS, "400,300");
    let error = build_error(&fixture);
    match &error {
        Error::CountAboveDenominator {
            at,
            count,
            denominator,
        } => {
            assert_eq!((*count, *denominator), (400.0, 300.0));
            assert_at(&error, at, FINGERTIPS, line, named("Count"));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_practice_missing_from_the_lookup_is_refused() {
    let fixture = Fixture::new();
    fixture.edit(
        FINGERTIPS,
        "1,P4,Practice four,GPs,Persons",
        "1,P44,Practice four,GPs,Persons",
    );
    let line = fixture.line_of(FINGERTIPS, "P44");
    let error = build_error(&fixture);
    match &error {
        Error::UnknownArea { at, code, expected } => {
            assert_eq!(code, "P44");
            assert!(expected.contains("practice-pcn"), "{expected}");
            assert_at(&error, at, FINGERTIPS, line, named("Area Code"));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_practice_whose_lookup_row_has_no_pcn_is_refused() {
    let fixture = Fixture::new();
    fixture.edit(
        FINGERTIPS,
        "1,P4,Practice four,GPs,Persons",
        "1,P9,Practice four,GPs,Persons",
    );
    assert!(matches!(build_error(&fixture), Error::UnknownArea { code, .. } if code == "P9"));
}

#[test]
fn conflicting_duplicate_rows_are_refused() {
    let fixture = Fixture::new();
    fixture.append(
        FINGERTIPS,
        "1,E92000001,England,England,Persons,15+ yrs,,,2022/23,15.1,14.3,15.7,,,1510,10000",
    );
    let first = fixture.line_of(FINGERTIPS, "England,Persons,15+ yrs,,,2022/23");
    let line = fixture.line_of(FINGERTIPS, "2022/23,15.1");
    let error = build_error(&fixture);
    match &error {
        Error::ConflictingDuplicate {
            at,
            area,
            period,
            first_line,
        } => {
            assert_eq!((area.as_str(), period.as_str()), ("E92000001", "2022/23"));
            assert_eq!(*first_line, first);
            assert_at(&error, at, FINGERTIPS, line, Column::None);
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn an_unreadable_period_is_refused() {
    let fixture = Fixture::new();
    fixture.edit(
        FINGERTIPS,
        "Practice three,GPs,,15+ yrs,,,2023/24",
        "Practice three,GPs,,15+ yrs,,,2023-24",
    );
    let line = fixture.line_of(FINGERTIPS, "2023-24");
    let error = build_error(&fixture);
    match &error {
        Error::BadPeriod { at, text } => {
            assert_eq!(text, "2023-24");
            assert_at(&error, at, FINGERTIPS, line, named("Time period"));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn the_framework_may_only_name_defined_indicators() {
    let fixture = Fixture::new();
    fixture.edit(
        "publisher/framework.toml",
        "indicators = [\"1\"]",
        "indicators = [\"1\", \"999\"]",
    );
    let line = fixture.line_of("publisher/framework.toml", "999");
    let error = build_error(&fixture);
    match &error {
        Error::UnknownIndicator { at, id } => {
            assert_eq!(id, "999");
            assert_at(
                &error,
                at,
                "publisher/framework.toml",
                line,
                Column::Number(20),
            );
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_loop_in_the_area_hierarchy_is_refused() {
    let fixture = Fixture::new();
    fixture.edit(
        "publisher/areas.csv",
        "E92000001,England,england,,",
        "E92000001,England,england,E09000030,",
    );
    let error = build_error(&fixture);
    match &error {
        Error::AreaCycle { at, chain } => {
            assert_at(&error, at, "publisher/areas.csv", 2, named("parent"));
            assert_eq!(chain, "E92000001 → E09000030 → E12000007 → E92000001");
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn an_unknown_parent_is_refused() {
    let fixture = Fixture::new();
    fixture.edit(
        "publisher/areas.csv",
        "PCN-3,PCN three,pcn,LOC-B",
        "PCN-3,PCN three,pcn,LOC-C",
    );
    assert!(matches!(build_error(&fixture), Error::UnknownArea { code, .. } if code == "LOC-C"));
}

#[test]
fn malformed_toml_points_at_the_line() {
    let fixture = Fixture::new();
    fixture.edit(
        "publisher/indicators/1.toml",
        "polarity = \"low_is_good\"",
        "polarity = \"down\"",
    );
    let line = fixture.line_of("publisher/indicators/1.toml", "polarity");
    let error = build_error(&fixture);
    match &error {
        Error::Toml { at, message } => {
            assert_eq!(at.line, line, "{error}");
            assert!(message.contains("low_is_good"), "{message}");
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_missing_sources_folder_is_an_error() {
    let fixture = Fixture::new();
    let result = outcomes_data::build(&fixture.publisher(), &fixture.root().join("absent"));
    assert!(matches!(result, Err(Error::SourcesMissing { .. })));
}

const BENGALI: &str = "publisher/translations/bn.toml";

#[test]
fn a_translations_file_of_an_unknown_language_is_refused() {
    let fixture = Fixture::new();
    fixture.write(
        "publisher/translations/xx.toml",
        "[dataset]\ntitle = \"X\"\n",
    );
    let error = build_error(&fixture);
    match &error {
        Error::UnknownLanguage { at, lang, expected } => {
            assert_eq!(lang, "xx");
            assert!(expected.contains("bn"), "{expected}");
            assert_at(
                &error,
                at,
                "publisher/translations/xx.toml",
                1,
                Column::None,
            );
        }
        e => panic!("unexpected error: {e}"),
    }
    // English is what the publisher's own files say; it has no translations file.
    fs_remove(&fixture, "publisher/translations/xx.toml");
    fixture.write("publisher/translations/en.toml", "");
    assert!(matches!(build_error(&fixture), Error::UnknownLanguage { lang, .. } if lang == "en"));
}

#[test]
fn a_translation_of_an_unknown_item_is_refused() {
    let fixture = Fixture::new();
    fixture.write(
        BENGALI,
        "[indicator.1]\ntitle = \"পরীক্ষা\"\n\n[indicator.999]\ntitle = \"নেই\"\n",
    );
    let error = build_error(&fixture);
    match &error {
        Error::UnknownTranslationItem { at, item, expected } => {
            assert_eq!(item, "indicator \"999\"");
            assert!(expected.contains("indicators folder"), "{expected}");
            assert_at(&error, at, BENGALI, 4, Column::Number(12));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_translation_of_an_unknown_kind_of_item_is_refused() {
    let fixture = Fixture::new();
    fixture.write(BENGALI, "\n[indicatr.1]\ntitle = \"পরীক্ষা\"\n");
    let error = build_error(&fixture);
    match &error {
        Error::UnknownTranslationItem { at, item, expected } => {
            assert!(item.contains("indicatr"), "{item}");
            assert!(expected.contains("indicator"), "{expected}");
            assert_at(&error, at, BENGALI, 2, Column::Number(2));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_translation_of_an_unknown_field_is_refused() {
    let fixture = Fixture::new();
    fixture.write(
        BENGALI,
        "[indicator.1]\ntitle = \"পরীক্ষা\"\nsource = \"উৎস\"\n",
    );
    let error = build_error(&fixture);
    match &error {
        Error::UnknownTranslationField { at, key, expected } => {
            assert_eq!(key, "indicator.1.source");
            assert!(expected.contains("indicator \"1\""), "{expected}");
            assert!(expected.contains("description"), "{expected}");
            assert_at(&error, at, BENGALI, 3, Column::Number(1));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_translation_of_a_field_with_no_english_text_is_refused() {
    let fixture = Fixture::new();
    // The fixture's practice-pcn lookup has no note.
    fixture.write(
        BENGALI,
        "[lookup.practice-pcn]\ntitle = \"প্র্যাকটিস\"\nnote = \"নোট\"\n",
    );
    let error = build_error(&fixture);
    match &error {
        Error::UnknownTranslationField { at, key, expected } => {
            assert_eq!(key, "lookup.practice-pcn.note");
            assert!(expected.contains("empty"), "{expected}");
            assert_at(&error, at, BENGALI, 3, Column::Number(1));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn an_empty_translation_is_refused() {
    let fixture = Fixture::new();
    fixture.write(
        BENGALI,
        "[dataset]\ntitle = \"পরীক্ষা\"\n\n[area.LOC-A]\nname = \"  \"\n",
    );
    let error = build_error(&fixture);
    match &error {
        Error::EmptyTranslation { at, key } => {
            assert_eq!(key, "area.LOC-A.name");
            assert_at(&error, at, BENGALI, 5, Column::Number(8));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_translation_that_is_not_text_is_refused() {
    let fixture = Fixture::new();
    fixture.write(BENGALI, "[domain.healthy-lives]\nname = 5\n");
    let error = build_error(&fixture);
    match &error {
        Error::Invalid { at, message } => {
            assert!(message.contains("domain.healthy-lives.name"), "{message}");
            assert_at(&error, at, BENGALI, 2, Column::Number(8));
        }
        e => panic!("unexpected error: {e}"),
    }
}

#[test]
fn a_bad_translations_file_writes_nothing() {
    let fixture = Fixture::new();
    fixture.write(BENGALI, "[indicator.999]\ntitle = \"নেই\"\n");
    let result =
        outcomes_data::build_into(&fixture.publisher(), &fixture.sources(), &fixture.out());
    assert!(matches!(result, Err(Error::UnknownTranslationItem { .. })));
    assert!(!fixture.out().exists());
}

fn fs_remove(fixture: &Fixture, relative: &str) {
    std::fs::remove_file(fixture.path(relative)).expect("remove fixture file");
}
