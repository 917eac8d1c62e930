//! The published data's texts in the reader's language, falling back to English.
//!
//! English is the text in the fields themselves. Other languages travel beside it, in the
//! `translations` map of `manifest.json`, of each indicator's shard and of
//! `health_challenges.json`:
//! language tag → key → text. A key names one text field of one item:
//!
//! | key | text |
//! |---|---|
//! | `dataset.title` | the dataset's title (the dataset is one item, so no id) |
//! | `domain.<id>.name` | an Outcomes Framework domain |
//! | `statement.<id>.text` | an I statement |
//! | `indicator.<id>.title` | an indicator's title (not its unit: that is a code the number formatting reads, worded by the interface) |
//! | `indicator.<id>.description`, `.definition`, `.methods` | an indicator's longer texts, in its shard (`indicators/<id>.json`) with their translations |
//! | `area.<code>.name` | an area's name |
//! | `lookup.<id>.title`, `.note` | a lookup's title and note |
//! | `statistic.<id>.label`, `.comparison_label`, `.text` | a health-challenge statistic |
//! | `theme.<id>.theme`, `theme.<id>.points.<n>` | a health-challenge theme and its points (`n` from 0) |
//!
//! The field is always the last part and never contains a dot, so an id may. Ids, codes,
//! urls, licences, sources, publishers and citations are proper names or references and are
//! never translated. A field whose English text is empty has no key.
//!
//! [`localise`], [`localise_texts`] and [`localise_challenges`] return a copy with every
//! translated field replaced, and say which fields kept their English so that the page can
//! mark them `lang="en"`.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{HealthChallenges, IndicatorTexts, Manifest, Shard, Translations};

/// The language of the texts in the fields themselves.
pub const ENGLISH: &str = "en";

/// The languages the publisher may translate into: the names of the files of
/// `publisher/translations/` (`bn.toml`).
pub const LANGUAGES: &[&str] = &["bn"];

/// The translatable fields of each kind of item in `manifest.json`.
pub const MANIFEST_FIELDS: &[(&str, &[&str])] = &[
    ("dataset", &["title"]),
    ("domain", &["name"]),
    ("statement", &["text"]),
    ("indicator", &["title"]),
    ("area", &["name"]),
    ("lookup", &["title", "note"]),
];

/// The translatable fields of an indicator's shard: its longer texts.
pub const SHARD_FIELDS: &[(&str, &[&str])] =
    &[("indicator", &["description", "definition", "methods"])];

/// The translatable fields of each kind of item in `health_challenges.json`. A theme's
/// `points` is a list: each point has its own key, `theme.<id>.points.<n>`.
pub const CHALLENGE_FIELDS: &[(&str, &[&str])] = &[
    ("statistic", &["label", "comparison_label", "text"]),
    ("theme", &["theme", "points"]),
];

/// The key of one field of one item, such as `key("indicator", "91547", "title")` →
/// `indicator.91547.title`. The dataset is a single item with no id:
/// `key("dataset", "", "title")` → `dataset.title`. In debug builds, a kind or field that
/// [`MANIFEST_FIELDS`], [`SHARD_FIELDS`] and [`CHALLENGE_FIELDS`] do not list panics, to
/// catch typos.
pub fn key(kind: &str, id: &str, field: &str) -> String {
    debug_assert!(
        MANIFEST_FIELDS
            .iter()
            .chain(SHARD_FIELDS)
            .chain(CHALLENGE_FIELDS)
            .any(|(k, fields)| *k == kind && fields.contains(&field)),
        "no translatable field {kind}.{field}"
    );
    if id.is_empty() {
        format!("{kind}.{field}")
    } else {
        format!("{kind}.{id}.{field}")
    }
}

/// The key of point `index` (from 0) of a health-challenge theme: `theme.<id>.points.<n>`.
pub fn point_key(theme_id: &str, index: usize) -> String {
    format!("{}.{index}", key("theme", theme_id, "points"))
}

/// Which fields of a localised copy are still English.
#[derive(Debug, Clone, PartialEq)]
struct Marks {
    lang: String,
    translated: BTreeSet<String>,
}

impl Marks {
    fn kept_english(&self, key: &str) -> bool {
        !is_english(&self.lang) && !self.translated.contains(key)
    }

    fn lang_attr(&self, key: &str) -> Option<&'static str> {
        self.kept_english(key).then_some(ENGLISH)
    }
}

/// A published file, or part of one, in one language, with a record of which of its texts
/// kept their English.
#[derive(Debug, Clone, PartialEq)]
pub struct Localised<T> {
    /// The data with every field that has a translation in the chosen language replaced by
    /// it; other fields keep their English.
    pub data: T,
    marks: Marks,
}

impl<T> Localised<T> {
    /// The language asked for.
    pub fn lang(&self) -> &str {
        &self.marks.lang
    }

    /// True when the page is not in English and the field `key` had no translation, so the
    /// text shown is English and should be marked `lang="en"`. Always false for English.
    /// A key the data does not have counts as English.
    pub fn kept_english(&self, key: &str) -> bool {
        self.marks.kept_english(key)
    }

    /// `Some("en")` when [`Localised::kept_english`], for a `lang` attribute; otherwise
    /// `None` (the text is in the page's language).
    pub fn lang_attr(&self, key: &str) -> Option<&'static str> {
        self.marks.lang_attr(key)
    }
}

/// `data` with the texts `fields` visits replaced from `translations` for `lang`.
fn localised<T: Clone>(
    data: &T,
    translations: &Translations,
    lang: &str,
    fields: impl FnOnce(&mut T, &mut dyn FnMut(String, &mut String)),
) -> Localised<T> {
    let mut data = data.clone();
    let translated = match table(translations, lang) {
        Some(texts) => apply(texts, |f| fields(&mut data, f)),
        None => BTreeSet::new(),
    };
    Localised {
        data,
        marks: Marks {
            lang: lang.to_string(),
            translated,
        },
    }
}

/// The manifest's texts in `lang` (a tag such as `bn`; `bn-BD` falls back to `bn`), English
/// wherever there is no translation. For English the manifest comes back unchanged.
pub fn localise(manifest: &Manifest, lang: &str) -> Localised<Manifest> {
    localised(manifest, &manifest.translations, lang, |m, f| {
        manifest_fields(m, f)
    })
}

/// An indicator's longer texts in `lang`, from its shard, as [`localise`] does for the
/// manifest.
pub fn localise_texts(shard: &Shard, lang: &str) -> Localised<IndicatorTexts> {
    localised(&shard.texts, &shard.translations, lang, |texts, f| {
        text_fields(&shard.indicator, texts, f)
    })
}

/// The health-challenge texts in `lang`, as [`localise`] does for the manifest.
pub fn localise_challenges(
    challenges: &HealthChallenges,
    lang: &str,
) -> Localised<HealthChallenges> {
    localised(challenges, &challenges.translations, lang, challenge_fields)
}

/// Every translatable text of the manifest, by key, in English. The data tool checks the
/// publisher's translations against these keys.
pub fn manifest_texts(manifest: &Manifest) -> BTreeMap<String, String> {
    english_texts(manifest, |m, f| manifest_fields(m, f))
}

/// Every translatable text of an indicator's longer texts, by key, in English.
pub fn indicator_texts(id: &str, texts: &IndicatorTexts) -> BTreeMap<String, String> {
    english_texts(texts, |t, f| text_fields(id, t, f))
}

/// Every translatable text of the health challenges, by key, in English.
pub fn challenge_texts(challenges: &HealthChallenges) -> BTreeMap<String, String> {
    english_texts(challenges, challenge_fields)
}

/// The texts `fields` visits in `data`, by key: the walk [`localised`] translates, read only.
fn english_texts<T: Clone>(
    data: &T,
    fields: impl FnOnce(&mut T, &mut dyn FnMut(String, &mut String)),
) -> BTreeMap<String, String> {
    // The walk lends each text mutably, as translating needs; a copy keeps `data` untouched.
    let mut copy = data.clone();
    let mut texts = BTreeMap::new();
    fields(&mut copy, &mut |key, text| {
        texts.insert(key, text.clone());
    });
    texts
}

fn is_english(lang: &str) -> bool {
    primary(lang) == ENGLISH
}

/// `bn` of `bn-BD`.
fn primary(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

/// The translations for `lang`, or for its primary language; none for English.
fn table<'a>(translations: &'a Translations, lang: &str) -> Option<&'a BTreeMap<String, String>> {
    if is_english(lang) {
        return None;
    }
    translations
        .get(lang)
        .or_else(|| translations.get(primary(lang)))
}

/// Replaces each field that `texts` translates and returns the keys replaced.
fn apply(
    texts: &BTreeMap<String, String>,
    fields: impl FnOnce(&mut dyn FnMut(String, &mut String)),
) -> BTreeSet<String> {
    let mut translated = BTreeSet::new();
    fields(&mut |key, text| {
        if let Some(t) = texts.get(&key) {
            text.clone_from(t);
            translated.insert(key);
        }
    });
    translated
}

/// Calls `f` with the key and text of every non-empty translatable field of the manifest.
fn manifest_fields(m: &mut Manifest, f: &mut dyn FnMut(String, &mut String)) {
    let mut visit = |key: String, text: &mut String| {
        if !text.is_empty() {
            f(key, text);
        }
    };
    visit(key("dataset", "", "title"), &mut m.dataset.title);
    for d in &mut m.framework.domains {
        visit(key("domain", &d.id, "name"), &mut d.name);
        for s in &mut d.i_statements {
            visit(key("statement", &s.id, "text"), &mut s.text);
        }
    }
    for i in &mut m.indicators {
        visit(key("indicator", &i.id, "title"), &mut i.title);
    }
    for a in &mut m.areas {
        visit(key("area", &a.code, "name"), &mut a.name);
    }
    for l in &mut m.lookups {
        visit(key("lookup", &l.id, "title"), &mut l.title);
        visit(key("lookup", &l.id, "note"), &mut l.note);
    }
}

/// Calls `f` with the key and text of every non-empty field of indicator `id`'s longer texts.
fn text_fields(id: &str, t: &mut IndicatorTexts, f: &mut dyn FnMut(String, &mut String)) {
    for (field, text) in [
        ("description", &mut t.description),
        ("definition", &mut t.definition),
        ("methods", &mut t.methods),
    ] {
        if !text.is_empty() {
            f(key("indicator", id, field), text);
        }
    }
}

/// Calls `f` with the key and text of every non-empty translatable field of the health
/// challenges. Themes without an id have no keys.
fn challenge_fields(c: &mut HealthChallenges, f: &mut dyn FnMut(String, &mut String)) {
    let mut visit = |key: String, text: &mut String| {
        if !text.is_empty() {
            f(key, text);
        }
    };
    for s in &mut c.statistics {
        visit(key("statistic", &s.id, "label"), &mut s.label);
        if let Some(label) = &mut s.comparison_label {
            visit(key("statistic", &s.id, "comparison_label"), label);
        }
        visit(key("statistic", &s.id, "text"), &mut s.text);
    }
    for t in c.themes.iter_mut().filter(|t| !t.id.is_empty()) {
        visit(key("theme", &t.id, "theme"), &mut t.theme);
        for (n, point) in t.points.iter_mut().enumerate() {
            visit(point_key(&t.id, n), point);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        let json = r#"{"schema_version":1,
            "dataset":{"title":"Outcomes","publisher":"THT","release_date":"2026-01-01"},
            "framework":{"domains":[{"id":"healthy-lives","name":"Healthy Lives","i_statements":[
                {"id":"choices","text":"I am supported to make healthy choices","source":"s",
                 "verified":true,"indicators":["1"]}]}]},
            "areas":[{"code":"E09000030","name":"Tower Hamlets","level":"borough"},
                     {"code":"E05009317","name":"Bethnal Green East","level":"ward","parent":"E09000030"}],
            "lookups":[{"id":"l","title":"Lookup","status":"official","source":"s"}],
            "indicators":[{"id":"1","title":"Smoking","unit":"%","value_type":"proportion",
                "multiplier":100,"polarity":"low_is_good","period_type":"financial year","basis":"registered",
                "source":{"name":"n","publisher":"p","licence":"OGL","url":"u","attribution":"a"},
                "lookups":[],"shard":"indicators/1.json"}],
            "translations":{"bn":{"indicator.1.title":"ধূমপান","area.E09000030.name":"টাওয়ার হ্যামলেটস",
                "dataset.title":"ফলাফল","indicator.2.title":"নেই"}}}"#;
        serde_json::from_str(json).expect("test manifest")
    }

    fn shard() -> Shard {
        let json = r#"{"schema_version":2,"indicator":"1","periods":[],"values":[],
            "texts":{"description":"How many smoke.","definition":"Smokers / people",
                "methods":"As published."},
            "translations":{"bn":{"indicator.1.description":"কতজন ধূমপান করেন।"}}}"#;
        serde_json::from_str(json).expect("test shard")
    }

    #[test]
    fn an_indicators_longer_texts_come_from_its_shard() {
        let bn = localise_texts(&shard(), "bn");
        assert_eq!(bn.data.description, "কতজন ধূমপান করেন।");
        assert_eq!(bn.data.methods, "As published.");
        assert!(!bn.kept_english(&key("indicator", "1", "description")));
        assert!(bn.kept_english(&key("indicator", "1", "methods")));
        let en = localise_texts(&shard(), "en");
        assert_eq!(en.data, shard().texts);
        assert!(!en.kept_english(&key("indicator", "1", "methods")));
        assert_eq!(
            indicator_texts("1", &shard().texts)["indicator.1.definition"],
            "Smokers / people"
        );
    }

    #[test]
    fn a_translated_field_is_replaced() {
        let bn = localise(&manifest(), "bn");
        let m = &bn.data;
        assert_eq!(m.indicators[0].title, "ধূমপান");
        assert_eq!(m.areas[0].name, "টাওয়ার হ্যামলেটস");
        assert_eq!(m.dataset.title, "ফলাফল");
        assert!(!bn.kept_english(&key("indicator", "1", "title")));
        assert!(!bn.kept_english(&key("dataset", "", "title")));
        assert_eq!(bn.lang_attr("area.E09000030.name"), None);
        assert_eq!(bn.lang(), "bn");
    }

    #[test]
    fn an_untranslated_field_keeps_its_english_and_is_reported() {
        let bn = localise(&manifest(), "bn");
        let m = &bn.data;
        assert_eq!(m.areas[1].name, "Bethnal Green East");
        assert!(bn.kept_english(&key("area", "E05009317", "name")));
        assert_eq!(bn.lang_attr("statement.choices.text"), Some("en"));
        // Ids, sources and the like are never touched.
        assert_eq!(m.indicators[0].source, manifest().indicators[0].source);
    }

    #[test]
    fn english_is_the_manifest_unchanged() {
        let en = localise(&manifest(), "en");
        assert_eq!(en.data, manifest());
        assert!(!en.kept_english("indicator.1.description"));
        assert!(!en.kept_english("indicator.1.title"));
        assert!(!localise(&manifest(), "en-GB").kept_english("area.E05009317.name"));
    }

    #[test]
    fn an_unknown_language_leaves_everything_english() {
        let fr = localise(&manifest(), "fr");
        assert_eq!(fr.data, manifest());
        assert_eq!(fr.data.indicators[0].title, "Smoking");
        assert!(fr.kept_english("indicator.1.title"));
    }

    #[test]
    fn a_regional_tag_falls_back_to_its_language() {
        let bn = localise(&manifest(), "bn-BD");
        assert_eq!(bn.data.indicators[0].title, "ধূমপান");
        assert!(!bn.kept_english("indicator.1.title"));
    }

    #[test]
    fn every_text_has_a_key_of_a_listed_kind_and_field() {
        let texts = manifest_texts(&manifest());
        assert!(
            !texts.contains_key("indicator.1.unit"),
            "units are codes, not texts"
        );
        assert_eq!(
            texts["statement.choices.text"],
            manifest().framework.domains[0].i_statements[0].text
        );
        // The lookup's note is empty, so it has nothing to translate.
        assert!(!texts.contains_key("lookup.l.note"));
        for key in texts.keys() {
            let (rest, field) = key.rsplit_once('.').expect("field");
            let kind = rest.split('.').next().expect("kind");
            assert!(
                MANIFEST_FIELDS
                    .iter()
                    .any(|(k, fields)| *k == kind && fields.contains(&field)),
                "{key}"
            );
        }
    }

    #[test]
    fn health_challenges_are_localised_point_by_point() {
        let json = r#"{"schema_version":1,"statistics":[{"id":"smi","label":"Smoking",
            "percent":47,"comparison_percent":20,"comparison_label":"the population",
            "text":"47% smoke.","citation":{"document":"d","section":"s","publisher":"p"}}],
            "themes":[{"id":"dep","theme":"Deprivation","points":["One","Two"],
                "citation":{"document":"d","section":"s","publisher":"p"}},
                {"theme":"No id","points":["Three"],
                "citation":{"document":"d","section":"s","publisher":"p"}}],
            "translations":{"bn":{"statistic.smi.label":"ধূমপান","theme.dep.points.1":"দুই"}}}"#;
        let challenges: HealthChallenges = serde_json::from_str(json).expect("test file");
        let texts = challenge_texts(&challenges);
        assert_eq!(
            texts.keys().map(String::as_str).collect::<Vec<_>>(),
            [
                "statistic.smi.comparison_label",
                "statistic.smi.label",
                "statistic.smi.text",
                "theme.dep.points.0",
                "theme.dep.points.1",
                "theme.dep.theme",
            ]
        );
        let bn = localise_challenges(&challenges, "bn");
        assert_eq!(bn.data.statistics[0].label, "ধূমপান");
        assert_eq!(bn.data.themes[0].points, ["One", "দুই"]);
        assert!(bn.kept_english(&point_key("dep", 0)));
        assert!(!bn.kept_english(&point_key("dep", 1)));
        assert!(bn.kept_english("statistic.smi.text"));
        assert_eq!(localise_challenges(&challenges, "en").data, challenges);
    }
}
