//! The publisher's translations: published beside the English, and read back by
//! `outcomes_core::localise`.

mod common;

use common::Fixture;
use outcomes_core::localise::{key, localise, localise_challenges, point_key};
use outcomes_data::error::Error;

const BENGALI: &str = "publisher/translations/bn.toml";

const HEALTH: &str = "[document]\ntitle = \"Doc\"\npublisher = \"THT\"\n\n\
    [[statistics]]\nid = \"smi\"\nlabel = \"Smoking\"\npercent = 47\n\
    comparison_percent = 20\ncomparison_label = \"the population\"\n\
    text = \"47% smoke.\"\nsection = \"Page 7\"\n\n\
    [[themes]]\nid = \"dep\"\ntheme = \"Deprivation\"\nsection = \"Page 6\"\n\
    points = [\"One\", \"Two\"]\n";

#[test]
fn without_translations_the_manifest_has_none() {
    let output = Fixture::new().build().expect("fixture builds");
    assert!(output.manifest.translations.is_empty());
    let files = outcomes_data::write::render(&output).expect("renders");
    let manifest = String::from_utf8(files["manifest.json"].clone()).expect("utf-8");
    assert!(!manifest.contains("translations"));
}

#[test]
fn translations_are_published_and_localised() {
    let fixture = Fixture::new();
    fixture.write(
        BENGALI,
        "# A comment.\n[dataset]\ntitle = \"পরীক্ষার তথ্য\"\n\n\
         [domain.healthy-lives]\nname = \"সুস্থ জীবন\"\n\n\
         [statement.choices]\ntext = \"আমি স্বাস্থ্যকর সিদ্ধান্ত নিতে সহায়তা পাই\"\n\n\
         [indicator.1]\ntitle = \"পরীক্ষা\"\n\n\
         [area.LOC-A]\nname = \"এলাকা এ\"\n\n\
         [lookup.pcn-locality]\nnote = \"বানানো।\"\n",
    );
    let output = fixture.build().expect("builds");
    let texts = &output.manifest.translations["bn"];
    assert_eq!(texts.len(), 6);
    assert_eq!(texts["indicator.1.title"], "পরীক্ষা");
    assert_eq!(texts["dataset.title"], "পরীক্ষার তথ্য");
    // The English stays in the fields.
    assert_eq!(output.manifest.indicators[0].title, "Test proportion");

    let bn = localise(&output.manifest, "bn");
    assert_eq!(bn.data.indicators[0].title, "পরীক্ষা");
    assert_eq!(bn.data.framework.domains[0].name, "সুস্থ জীবন");
    assert_eq!(bn.data.lookups[1].note, "বানানো।");
    assert!(!bn.kept_english(&key("area", "LOC-A", "name")));
    assert!(bn.kept_english(&key("area", "LOC-B", "name")));
    assert!(bn.kept_english(&key("indicator", "1", "description")));
    assert!(bn.kept_english(&key("domain", "empty", "name")));

    // The same input gives the same bytes, translations included.
    let first = outcomes_data::write::render(&output).expect("renders");
    let again = outcomes_data::write::render(&fixture.build().expect("builds")).expect("renders");
    assert_eq!(first, again);
    assert!(String::from_utf8_lossy(&first["manifest.json"]).contains("\"translations\":{\"bn\""));
}

#[test]
fn health_challenges_are_translated_point_by_point() {
    let fixture = Fixture::new();
    fixture.write("publisher/health_challenges.toml", HEALTH);
    fixture.write(
        BENGALI,
        "[statistic.smi]\nlabel = \"ধূমপান\"\ncomparison_label = \"সাধারণ জনসংখ্যা\"\n\n\
         [theme.dep]\ntheme = \"বঞ্চনা\"\npoints = [\"এক\", \"দুই\"]\n",
    );
    let output = fixture.build().expect("builds");
    // Health-challenge texts go into their own file, not the manifest.
    assert!(output.manifest.translations.is_empty());
    let challenges = output.health_challenges.as_ref().expect("challenges");
    assert_eq!(challenges.themes[0].id, "dep");
    assert_eq!(challenges.translations["bn"].len(), 5);
    let bn = localise_challenges(challenges, "bn");
    assert_eq!(bn.data.themes[0].theme, "বঞ্চনা");
    assert_eq!(bn.data.themes[0].points, ["এক", "দুই"]);
    assert_eq!(bn.data.statistics[0].label, "ধূমপান");
    assert!(!bn.kept_english(&point_key("dep", 1)));
    assert!(bn.kept_english(&key("statistic", "smi", "text")));
}

#[test]
fn a_theme_needs_one_translated_point_per_english_point() {
    let fixture = Fixture::new();
    fixture.write("publisher/health_challenges.toml", HEALTH);
    fixture.write(BENGALI, "[theme.dep]\npoints = [\"এক\"]\n");
    match fixture.build() {
        Err(Error::Invalid { at, message }) => {
            assert!(at.file.ends_with(BENGALI));
            assert_eq!(at.line, 2);
            assert!(message.contains("expected 2"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
    fixture.write(BENGALI, "[theme.dep]\npoints = [\"এক\", \"\"]\n");
    assert!(matches!(
        fixture.build(),
        Err(Error::EmptyTranslation { key, .. }) if key == "theme.dep.points.1"
    ));
}

#[test]
fn statistics_cannot_be_translated_without_a_health_challenges_file() {
    let fixture = Fixture::new();
    fixture.write(BENGALI, "[statistic.smi]\nlabel = \"ধূমপান\"\n");
    assert!(matches!(
        fixture.build(),
        Err(Error::UnknownTranslationItem { expected, .. }) if expected.contains("health_challenges.toml")
    ));
}

#[test]
fn theme_ids_are_unique() {
    let fixture = Fixture::new();
    fixture.write(
        "publisher/health_challenges.toml",
        &format!(
            "{HEALTH}\n[[themes]]\nid = \"dep\"\ntheme = \"Again\"\nsection = \"S\"\npoints = []\n"
        ),
    );
    match fixture.build() {
        Err(Error::Invalid { at, message }) => {
            assert!(at.file.ends_with("health_challenges.toml"));
            assert!(message.contains("used twice"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}
