//! The publisher folder: the human-edited TOML and CSV files that say what to publish and
//! how. Everything is validated here, before any source data is read, so that a typo fails
//! fast with its line and column.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use outcomes_core::model::{
    AreaLevel, DatasetInfo, Domain, Framework, IStatement, IndicatorMeta, Lookup, LookupStatus,
    Polarity, Source, ValueType,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::Spanned;

use crate::aggregate;
use crate::areas::Areas;
use crate::error::{Error, Location, Result};

/// Everything the publisher folder says.
#[derive(Debug, Clone)]
pub struct Publisher {
    pub dataset: DatasetInfo,
    pub framework: Framework,
    pub areas: Areas,
    pub lookups: Vec<LookupDef>,
    pub indicators: Vec<IndicatorDef>,
}

/// A lookup as published, and where to read its rows when they come from a source file.
#[derive(Debug, Clone)]
pub struct LookupDef {
    pub lookup: Lookup,
    pub input: Option<LookupInput>,
}

/// Where a lookup's rows are: two columns of a CSV file in the sources folder.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookupInput {
    /// File name inside the sources folder.
    pub file: String,
    /// Column holding the code of the smaller area.
    pub from_column: String,
    /// Column holding the code of the area it sits within. Rows where it is empty are
    /// skipped (the area was not in the lookup at that date).
    pub to_column: String,
    pub from_level: AreaLevel,
    pub to_level: AreaLevel,
}

/// An indicator's published metadata and how to read its values.
#[derive(Debug, Clone)]
pub struct IndicatorDef {
    pub meta: IndicatorMeta,
    pub input: IndicatorInput,
}

/// Which source file holds an indicator's values and in what format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorInput {
    pub format: InputFormat,
    /// File name inside the sources folder.
    pub file: String,
    /// When set, values for the areas above this level are summed from its counts, using the
    /// indicator's lookup from this level.
    #[serde(default)]
    pub aggregate_from: Option<AreaLevel>,
}

/// The source file formats the tool reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// An OHID Fingertips "all data" CSV export.
    Fingertips,
}

impl Publisher {
    /// Reads and validates the publisher folder.
    pub fn read(dir: &Path) -> Result<Publisher> {
        let dataset = read_dataset(&dir.join("dataset.toml"))?;
        let lookups = read_lookups(&dir.join("lookups.toml"))?;
        let lookup_ids: BTreeSet<String> = lookups.iter().map(|l| l.lookup.id.clone()).collect();
        let areas = Areas::read(&dir.join("areas.csv"), &lookup_ids)?;
        let indicators = read_indicators(&dir.join("indicators.toml"), &lookups)?;
        let indicator_ids: BTreeSet<&str> = indicators.iter().map(|i| i.meta.id.as_str()).collect();
        let framework = read_framework(&dir.join("framework.toml"), &indicator_ids)?;
        Ok(Publisher {
            dataset,
            framework,
            areas,
            lookups,
            indicators,
        })
    }

    /// The lookup with this id.
    pub fn lookup(&self, id: &str) -> Option<&LookupDef> {
        self.lookups.iter().find(|l| l.lookup.id == id)
    }
}

/// A TOML file's text and path, so that spans can become lines and columns.
struct TomlFile {
    path: PathBuf,
    text: String,
}

impl TomlFile {
    fn read(path: &Path) -> Result<TomlFile> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Ok(TomlFile {
            path: path.to_path_buf(),
            text,
        })
    }

    fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        toml::from_str(&self.text).map_err(|e| Error::Toml {
            at: self.at(e.span().map_or(0, |s| s.start)),
            message: e.message().trim().to_string(),
        })
    }

    fn at(&self, offset: usize) -> Location {
        Location::at_offset(&self.path, &self.text, offset)
    }

    fn at_value<T>(&self, value: &Spanned<T>) -> Location {
        self.at(value.span().start)
    }

    fn invalid<T>(&self, value: &Spanned<T>, message: impl Into<String>) -> Error {
        Error::invalid(self.at_value(value), message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatasetFile {
    title: String,
    publisher: String,
    release_date: Spanned<String>,
}

fn read_dataset(path: &Path) -> Result<DatasetInfo> {
    let file = TomlFile::read(path)?;
    let raw: DatasetFile = file.parse()?;
    if !is_iso_date(raw.release_date.get_ref()) {
        return Err(file.invalid(
            &raw.release_date,
            "expected release_date as YYYY-MM-DD, for example \"2026-11-23\"",
        ));
    }
    Ok(DatasetInfo {
        title: raw.title,
        publisher: raw.publisher,
        release_date: raw.release_date.into_inner(),
    })
}

fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            matches!(m.parse::<u32>(), Ok(1..=12)) && matches!(d.parse::<u32>(), Ok(1..=31))
        }
        _ => false,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LookupsFile {
    lookups: Vec<LookupEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LookupEntry {
    id: Spanned<String>,
    title: String,
    status: LookupStatus,
    source: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    input: Option<LookupInput>,
}

fn read_lookups(path: &Path) -> Result<Vec<LookupDef>> {
    let file = TomlFile::read(path)?;
    let raw: LookupsFile = file.parse()?;
    let mut seen = BTreeSet::new();
    let mut lookups = Vec::new();
    for entry in raw.lookups {
        check_id(&file, &entry.id, &mut seen, "lookup")?;
        lookups.push(LookupDef {
            lookup: Lookup {
                id: entry.id.into_inner(),
                title: entry.title,
                status: entry.status,
                source: entry.source,
                note: entry.note,
            },
            input: entry.input,
        });
    }
    Ok(lookups)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorsFile {
    indicators: Vec<IndicatorEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorEntry {
    id: Spanned<String>,
    title: String,
    description: String,
    definition: String,
    unit: String,
    value_type: ValueType,
    multiplier: Spanned<f64>,
    polarity: Polarity,
    period_type: String,
    source: SourceEntry,
    methods: String,
    lookups: Vec<Spanned<String>>,
    shard: Spanned<String>,
    input: Spanned<IndicatorInput>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceEntry {
    name: String,
    publisher: String,
    licence: String,
    url: String,
    attribution: String,
}

fn read_indicators(path: &Path, lookups: &[LookupDef]) -> Result<Vec<IndicatorDef>> {
    let file = TomlFile::read(path)?;
    let raw: IndicatorsFile = file.parse()?;
    let mut ids = BTreeSet::new();
    let mut shards = BTreeSet::new();
    let mut indicators = Vec::new();
    for entry in raw.indicators {
        check_id(&file, &entry.id, &mut ids, "indicator")?;
        let multiplier = *entry.multiplier.get_ref();
        if !multiplier.is_finite() || multiplier <= 0.0 {
            return Err(file.invalid(&entry.multiplier, "expected a multiplier above zero"));
        }
        if !is_safe_shard(entry.shard.get_ref()) {
            return Err(file.invalid(
                &entry.shard,
                "expected a relative path of letters, digits, '-', '_' and '/' ending in \
                 .json, such as \"indicators/91547.json\"",
            ));
        }
        if !shards.insert(entry.shard.get_ref().clone()) {
            return Err(file.invalid(&entry.shard, "another indicator already uses this shard"));
        }
        for id in &entry.lookups {
            if !lookups.iter().any(|l| &l.lookup.id == id.get_ref()) {
                return Err(file.invalid(
                    id,
                    format!(
                        "unknown lookup \"{}\"; expected an id defined in lookups.toml",
                        id.get_ref()
                    ),
                ));
            }
        }
        if let Some(level) = entry.input.get_ref().aggregate_from {
            if level != AreaLevel::Practice {
                return Err(file.invalid(
                    &entry.input,
                    format!(
                        "cannot aggregate from {level:?}; expected aggregate_from = \"practice\""
                    ),
                ));
            }
            if aggregate::estimator(entry.value_type).is_none() {
                return Err(file.invalid(
                    &entry.input,
                    format!(
                        "a {:?} cannot be summed from practice counts; expected value_type \
                         \"proportion\" or \"crude_rate\" to aggregate",
                        entry.value_type
                    ),
                ));
            }
            let from_level = entry
                .lookups
                .iter()
                .filter_map(|id| lookups.iter().find(|l| &l.lookup.id == id.get_ref()))
                .filter(|l| l.input.as_ref().is_some_and(|i| i.from_level == level))
                .count();
            if from_level != 1 {
                return Err(file.invalid(
                    &entry.input,
                    format!(
                        "aggregate_from = {level:?} needs exactly one of the indicator's lookups \
                         to read {level:?} codes from a source file; found {from_level}"
                    ),
                ));
            }
        }
        indicators.push(IndicatorDef {
            meta: IndicatorMeta {
                id: entry.id.into_inner(),
                title: entry.title,
                description: entry.description,
                definition: entry.definition,
                unit: entry.unit,
                value_type: entry.value_type,
                multiplier: entry.multiplier.into_inner(),
                polarity: entry.polarity,
                period_type: entry.period_type,
                source: Source {
                    name: entry.source.name,
                    publisher: entry.source.publisher,
                    licence: entry.source.licence,
                    url: entry.source.url,
                    attribution: entry.source.attribution,
                },
                methods: entry.methods,
                lookups: entry.lookups.into_iter().map(Spanned::into_inner).collect(),
                shard: entry.shard.into_inner(),
                latest: None,
            },
            input: entry.input.into_inner(),
        });
    }
    Ok(indicators)
}

/// Shard paths end up as file names: keep them inside the output folder and portable.
fn is_safe_shard(path: &str) -> bool {
    path.ends_with(".json")
        && path != "manifest.json"
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && !segment.starts_with('.')
                && segment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkFile {
    domains: Vec<DomainEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainEntry {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    i_statements: Vec<StatementEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementEntry {
    id: Spanned<String>,
    text: String,
    source: String,
    verified: bool,
    #[serde(default)]
    indicators: Vec<Spanned<String>>,
}

fn read_framework(path: &Path, indicator_ids: &BTreeSet<&str>) -> Result<Framework> {
    let file = TomlFile::read(path)?;
    let raw: FrameworkFile = file.parse()?;
    let mut domain_ids = BTreeSet::new();
    let mut statement_ids = BTreeSet::new();
    let mut domains = Vec::new();
    for domain in raw.domains {
        check_id(&file, &domain.id, &mut domain_ids, "domain")?;
        let mut i_statements = Vec::new();
        for statement in domain.i_statements {
            check_id(&file, &statement.id, &mut statement_ids, "I statement")?;
            for id in &statement.indicators {
                if !indicator_ids.contains(id.get_ref().as_str()) {
                    return Err(Error::UnknownIndicator {
                        at: file.at_value(id),
                        id: id.get_ref().clone(),
                    });
                }
            }
            i_statements.push(IStatement {
                id: statement.id.into_inner(),
                text: statement.text,
                source: statement.source,
                verified: statement.verified,
                indicators: statement
                    .indicators
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
            });
        }
        domains.push(Domain {
            id: domain.id.into_inner(),
            name: domain.name,
            i_statements,
        });
    }
    Ok(Framework { domains })
}

/// Ids are used in links and file names: non-empty, unique and free of spaces.
fn check_id(
    file: &TomlFile,
    id: &Spanned<String>,
    seen: &mut BTreeSet<String>,
    what: &str,
) -> Result<()> {
    let text = id.get_ref();
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(file.invalid(
            id,
            format!("expected a {what} id of letters, digits, '-', '_' or '.'"),
        ));
    }
    if !seen.insert(text.clone()) {
        return Err(file.invalid(id, format!("{what} id \"{text}\" is used twice")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_dates_must_be_iso() {
        assert!(is_iso_date("2026-11-23"));
        assert!(!is_iso_date("23/11/2026"));
        assert!(!is_iso_date("2026-13-01"));
    }

    #[test]
    fn shards_stay_inside_the_output_folder() {
        assert!(is_safe_shard("indicators/91547.json"));
        assert!(!is_safe_shard("../91547.json"));
        assert!(!is_safe_shard("/tmp/x.json"));
        assert!(!is_safe_shard("manifest.json"));
        assert!(!is_safe_shard("indicators/91547.csv"));
    }
}
