//! `translations/<lang>.toml`: the publisher's translations of the dataset's texts, one file
//! per language (`bn.toml`), published in the `translations` maps of `manifest.json`, of
//! each indicator's shard (its description, definition and methods) and of
//! `health_challenges.json`, under the keys of [`outcomes_core::localise`].
//!
//! One TOML table per item, so that a reviewer sees an item's texts together, with the field
//! names of the English files:
//!
//! ```toml
//! [dataset]
//! title = "…"
//!
//! [indicator.91547]
//! title = "…"
//! description = "…"
//!
//! [theme.deprivation]
//! theme = "…"
//! points = ["…", "…"]   # one per English point, in the same order
//! ```
//!
//! A field left out is shown in English. A file named after a language the explorer does
//! not offer, an item or field the publisher folder does not have, and an empty text are
//! errors that name the file, line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use outcomes_core::localise::{self, CHALLENGE_FIELDS, LANGUAGES, MANIFEST_FIELDS, SHARD_FIELDS};
use outcomes_core::model::{self, HealthChallenges, IndicatorTexts, Manifest};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::error::{Error, Location, Result};

/// The folder of translation files inside the publisher folder.
pub const DIR: &str = "translations";

/// The publisher's translations, split by the published file they go into.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translations {
    /// For `manifest.json`.
    pub manifest: model::Translations,
    /// For each indicator's shard, by indicator id.
    pub shards: BTreeMap<String, model::Translations>,
    /// For `health_challenges.json`.
    pub challenges: model::Translations,
}

/// Reads and checks every `*.toml` file of the publisher's `translations` folder, if there
/// is one, against the texts of `manifest`, the indicators' longer `texts` (by id) and
/// `challenges` (which must already hold every item the publisher folder defines).
pub fn read(
    publisher: &Path,
    manifest: &Manifest,
    texts: &[(String, IndicatorTexts)],
    challenges: Option<&HealthChallenges>,
) -> Result<Translations> {
    let dir = publisher.join(DIR);
    if !dir.is_dir() {
        return Ok(Translations::default());
    }
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
        let path = entry.map_err(|e| Error::io(&dir, e))?.path();
        if path.extension().is_some_and(|x| x == "toml") {
            paths.push(path);
        }
    }
    paths.sort();
    let known = Known::new(manifest, texts, challenges);
    let mut out = Translations::default();
    for path in paths {
        let lang = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !LANGUAGES.contains(&lang.as_str()) {
            return Err(Error::UnknownLanguage {
                at: Location::line(&path, 1),
                lang,
                expected: LANGUAGES.join(", "),
            });
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let file = File {
            path: path.clone(),
            text: &text,
        };
        let (mut for_manifest, for_challenges) = file.read(&known)?;
        // An indicator's longer texts are published in its shard, with their translations.
        for (key, text) in split_off_shard_texts(&mut for_manifest) {
            let id = shard_text_id(&key).unwrap_or_default().to_string();
            let by_lang = out.shards.entry(id).or_default();
            by_lang.entry(lang.clone()).or_default().insert(key, text);
        }
        if !for_manifest.is_empty() {
            out.manifest.insert(lang.clone(), for_manifest);
        }
        if !for_challenges.is_empty() {
            out.challenges.insert(lang, for_challenges);
        }
    }
    Ok(out)
}

/// What may be translated: the English texts by key, the ids of each kind of item, and how
/// many points each theme has.
struct Known {
    texts: BTreeMap<String, String>,
    items: BTreeMap<&'static str, BTreeSet<String>>,
    points: BTreeMap<String, usize>,
}

impl Known {
    fn new(
        manifest: &Manifest,
        indicator_texts: &[(String, IndicatorTexts)],
        challenges: Option<&HealthChallenges>,
    ) -> Known {
        let mut texts = localise::manifest_texts(manifest);
        for (id, longer) in indicator_texts {
            texts.extend(localise::indicator_texts(id, longer));
        }
        let mut items: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
        let mut add = |kind: &'static str, id: &str| {
            items.entry(kind).or_default().insert(id.to_string());
        };
        for d in &manifest.framework.domains {
            add("domain", &d.id);
            for s in &d.i_statements {
                add("statement", &s.id);
            }
        }
        for i in &manifest.indicators {
            add("indicator", &i.id);
        }
        for a in &manifest.areas {
            add("area", &a.code);
        }
        for l in &manifest.lookups {
            add("lookup", &l.id);
        }
        let mut points = BTreeMap::new();
        if let Some(c) = challenges {
            texts.extend(localise::challenge_texts(c));
            for s in &c.statistics {
                add("statistic", &s.id);
            }
            for t in c.themes.iter().filter(|t| !t.id.is_empty()) {
                add("theme", &t.id);
                points.insert(t.id.clone(), t.points.len());
            }
        }
        Known {
            texts,
            items,
            points,
        }
    }
}

/// Where each kind of item is defined, for messages.
fn defined_in(kind: &str) -> &'static str {
    match kind {
        "domain" => "the id of a domain in framework.toml",
        "statement" => "the id of an I statement in framework.toml",
        "indicator" => "the id of a file in the indicators folder",
        "area" => "a code in areas.csv",
        "lookup" => "the id of a lookup in lookups.toml",
        "statistic" => "the id of a statistic in health_challenges.toml",
        "theme" => "the id of a theme in health_challenges.toml",
        _ => "an id defined in the publisher folder",
    }
}

/// The key → text maps for the manifest and the health challenges.
type Texts = BTreeMap<String, String>;

/// One translations file being read.
struct File<'t> {
    path: PathBuf,
    text: &'t str,
}

impl<'t> File<'t> {
    fn at<T>(&self, spanned: &Spanned<T>) -> Location {
        Location::at_offset(&self.path, self.text, spanned.span().start)
    }

    fn invalid<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> Error {
        Error::invalid(self.at(spanned), message)
    }

    fn read(&self, known: &Known) -> Result<(Texts, Texts)> {
        let doc = DeTable::parse(self.text).map_err(|e| Error::Toml {
            at: Location::at_offset(&self.path, self.text, e.span().map_or(0, |s| s.start)),
            message: e.message().trim().to_string(),
        })?;
        let mut for_manifest = Texts::new();
        let mut for_challenges = Texts::new();
        for (kind_key, value) in doc.get_ref().iter() {
            let kind = kind_key.get_ref().as_ref();
            // An indicator's texts are one table here, though its title goes in the manifest
            // and the rest in its shard (split off by the caller).
            let indicator_fields: Vec<&str> = fields_of(MANIFEST_FIELDS, "indicator")
                .into_iter()
                .chain(fields_of(SHARD_FIELDS, "indicator"))
                .flatten()
                .copied()
                .collect();
            let (fields, out) = if kind == "indicator" {
                (indicator_fields.as_slice(), &mut for_manifest)
            } else if let Some(fields) = fields_of(MANIFEST_FIELDS, kind) {
                (fields, &mut for_manifest)
            } else if let Some(fields) = fields_of(CHALLENGE_FIELDS, kind) {
                (fields, &mut for_challenges)
            } else {
                let kinds: Vec<&str> = MANIFEST_FIELDS
                    .iter()
                    .chain(CHALLENGE_FIELDS)
                    .map(|(k, _)| *k)
                    .collect();
                return Err(Error::UnknownTranslationItem {
                    at: self.at(kind_key),
                    item: format!("kind of item \"{kind}\""),
                    expected: format!("one of {}", kinds.join(", ")),
                });
            };
            let table = self.table(value, &format!("[{kind}]"))?;
            if kind == "dataset" {
                self.fields(known, kind, "", fields, table, out)?;
                continue;
            }
            for (id_key, item) in table.iter() {
                let id = id_key.get_ref().as_ref();
                if !known.items.get(kind).is_some_and(|ids| ids.contains(id)) {
                    return Err(Error::UnknownTranslationItem {
                        at: self.at(id_key),
                        item: format!("{kind} \"{id}\""),
                        expected: defined_in(kind).to_string(),
                    });
                }
                let item = self.table(item, &format!("[{kind}.{id}]"))?;
                self.fields(known, kind, id, fields, item, out)?;
            }
        }
        Ok((for_manifest, for_challenges))
    }

    fn table<'a>(&self, value: &'a Spanned<DeValue<'t>>, example: &str) -> Result<&'a DeTable<'t>> {
        match value.get_ref() {
            DeValue::Table(table) => Ok(table),
            _ => Err(self.invalid(value, format!("expected a table such as {example}"))),
        }
    }

    /// Reads one item's fields into `out`.
    fn fields(
        &self,
        known: &Known,
        kind: &str,
        id: &str,
        allowed: &[&str],
        table: &DeTable<'t>,
        out: &mut Texts,
    ) -> Result<()> {
        let item = if id.is_empty() {
            kind.to_string()
        } else {
            format!("{kind} \"{id}\"")
        };
        for (field_key, value) in table.iter() {
            let field = field_key.get_ref().as_ref();
            let unknown = |expected: String| Error::UnknownTranslationField {
                at: self.at(field_key),
                key: if id.is_empty() {
                    format!("{kind}.{field}")
                } else {
                    format!("{kind}.{id}.{field}")
                },
                expected,
            };
            if !allowed.contains(&field) {
                return Err(unknown(format!(
                    "one of the texts of {item}: {}",
                    allowed.join(", ")
                )));
            }
            if kind == "theme" && field == "points" {
                let count = known.points.get(id).copied().unwrap_or(0);
                let DeValue::Array(points) = value.get_ref() else {
                    return Err(self.invalid(
                        value,
                        format!("expected a list of {count} points, one per English point"),
                    ));
                };
                if points.len() != count {
                    return Err(self.invalid(
                        value,
                        format!(
                            "found {} points; expected {count}, one per English point in \
                             the same order",
                            points.len()
                        ),
                    ));
                }
                for (n, point) in points.iter().enumerate() {
                    let key = localise::point_key(id, n);
                    out.insert(key.clone(), self.text(point, key)?);
                }
                continue;
            }
            let key = localise::key(kind, id, field);
            if !known.texts.contains_key(&key) {
                return Err(unknown(format!(
                    "a text that {item} has in English (its {field} is empty)"
                )));
            }
            out.insert(key.clone(), self.text(value, key)?);
        }
        Ok(())
    }

    /// A non-empty string.
    fn text(&self, value: &Spanned<DeValue<'t>>, key: String) -> Result<String> {
        let DeValue::String(text) = value.get_ref() else {
            return Err(self.invalid(value, format!("expected the text of {key} in quotes")));
        };
        if text.trim().is_empty() {
            return Err(Error::EmptyTranslation {
                at: self.at(value),
                key,
            });
        }
        Ok(text.to_string())
    }
}

/// Takes the keys of indicators' longer texts (published in shards) out of `texts`.
fn split_off_shard_texts(texts: &mut Texts) -> Texts {
    let shard_keys: Vec<String> = texts
        .keys()
        .filter(|key| shard_text_id(key).is_some())
        .cloned()
        .collect();
    shard_keys
        .into_iter()
        .filter_map(|key| texts.remove_entry(&key))
        .collect()
}

/// The indicator id of a key such as `indicator.91547.description`, if the key names one of
/// an indicator's longer texts.
fn shard_text_id(key: &str) -> Option<&str> {
    let (item, field) = key.rsplit_once('.')?;
    let id = item.strip_prefix("indicator.")?;
    fields_of(SHARD_FIELDS, "indicator")?
        .contains(&field)
        .then_some(id)
}

fn fields_of(
    table: &[(&str, &'static [&'static str])],
    kind: &str,
) -> Option<&'static [&'static str]> {
    table.iter().find(|(k, _)| *k == kind).map(|(_, f)| *f)
}
