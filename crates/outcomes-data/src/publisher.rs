//! The publisher folder: the human-edited TOML and CSV files that say what to publish and
//! how. Everything is validated here, before any source data is read, so that a typo fails
//! fast with its line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use outcomes_core::model::{
    AreaLevel, Basis, DatasetInfo, Domain, Framework, IStatement, IndicatorMeta, IndicatorTexts,
    Lookup, LookupStatus, Polarity, Source, ValueType,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::Spanned;

pub use crate::adapter::IndicatorInput;
use crate::adapter::Problem;
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
    /// How the tool derives the rows, for a lookup it derives (`[lookups.best_fit]`).
    pub best_fit: Option<crate::best_fit::BestFit>,
}

/// Where a lookup's rows are: a column of smaller areas in a CSV file of the sources folder,
/// and either a column of the areas they sit within or the one area they all sit within.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookupInput {
    /// File name inside the sources folder.
    pub file: String,
    /// Column holding the code of the smaller area.
    pub from_column: String,
    /// Column holding the area it sits within: its code, or its name when `to_names` is
    /// given. Rows where it is empty are skipped (the area was not in the lookup at that
    /// date).
    #[serde(default)]
    pub to_column: Option<String>,
    /// For a `to_column` of names (such as data hamlets' ward names): each name → the code
    /// of `areas.csv` it stands for. A name not listed here is an error.
    #[serde(default)]
    pub to_names: BTreeMap<String, Spanned<String>>,
    /// Instead of `to_column`: the one area every code of `from_column` sits within (the
    /// file lists that area's parts only, as the Tower Hamlets MSOAs).
    #[serde(default)]
    pub to_area: Option<Spanned<String>>,
    pub from_level: AreaLevel,
    pub to_level: AreaLevel,
}

/// An indicator's published metadata and how to read its values.
#[derive(Debug, Clone)]
pub struct IndicatorDef {
    pub meta: IndicatorMeta,
    /// Its longer texts, published in its shard.
    pub texts: IndicatorTexts,
    /// The sources of its values, in order: where two published rows give the same area and
    /// period, the earlier input's row is kept.
    pub inputs: Vec<IndicatorInput>,
    /// Whether small counts are withheld (true unless the counts are of areas, not people).
    pub disclosure_control: bool,
}

impl Publisher {
    /// Reads and validates the publisher folder.
    pub fn read(dir: &Path) -> Result<Publisher> {
        let dataset = read_dataset(&dir.join("dataset.toml"))?;
        let (lookups, lookups_file) = read_lookups(&dir.join("lookups.toml"))?;
        let lookup_ids: BTreeSet<String> = lookups.iter().map(|l| l.lookup.id.clone()).collect();
        let areas = Areas::read(&dir.join("areas.csv"), &lookup_ids)?;
        check_lookup_targets(&lookups_file, &lookups, &areas)?;
        let indicators = read_indicators(&dir.join("indicators"), &lookups)?;
        let indicator_ids: BTreeSet<&str> = indicators.iter().map(|i| i.meta.id.as_str()).collect();
        let framework = read_framework(&dir.join("framework.toml"), &indicator_ids)?;
        let indicators = in_framework_order(indicators, &framework, &dir.join("indicators"))?;
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
pub(crate) struct TomlFile {
    path: PathBuf,
    text: String,
}

impl TomlFile {
    pub(crate) fn read(path: &Path) -> Result<TomlFile> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Ok(TomlFile {
            path: path.to_path_buf(),
            text,
        })
    }

    pub(crate) fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        toml::from_str(&self.text).map_err(|e| Error::Toml {
            at: self.at(e.span().map_or(0, |s| s.start)),
            message: e.message().trim().to_string(),
        })
    }

    /// The file's text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    pub(crate) fn at(&self, offset: usize) -> Location {
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
    input: Option<Spanned<LookupInput>>,
    #[serde(default)]
    best_fit: Option<crate::best_fit::BestFit>,
}

fn read_lookups(path: &Path) -> Result<(Vec<LookupDef>, TomlFile)> {
    let file = TomlFile::read(path)?;
    let raw: LookupsFile = file.parse()?;
    let mut seen = BTreeSet::new();
    let mut lookups = Vec::new();
    for entry in raw.lookups {
        check_id(&file, &entry.id, &mut seen, "lookup")?;
        if let Some(input) = &entry.input {
            check_lookup_input(&file, input)?;
        }
        lookups.push(LookupDef {
            lookup: Lookup {
                id: entry.id.into_inner(),
                title: entry.title,
                status: entry.status,
                source: entry.source,
                note: entry.note,
                rows: Vec::new(),
            },
            input: entry.input.map(Spanned::into_inner),
            best_fit: entry.best_fit,
        });
    }
    Ok((lookups, file))
}

/// A lookup's rows name their target one way: a column of codes, a column of names with
/// `to_names`, or one `to_area`.
fn check_lookup_input(file: &TomlFile, input: &Spanned<LookupInput>) -> Result<()> {
    let rows = input.get_ref();
    match (&rows.to_column, &rows.to_area) {
        (Some(_), None) | (None, Some(_)) => {}
        _ => {
            return Err(file.invalid(
                input,
                "expected exactly one of to_column (a column of the areas each row sits \
                 within) or to_area (the one area they all sit within)",
            ))
        }
    }
    if rows.to_area.is_some() && !rows.to_names.is_empty() {
        return Err(file.invalid(input, "to_names needs to_column, not to_area"));
    }
    Ok(())
}

/// Checks that the areas lookups name in the TOML file (`to_area`, the codes of
/// `to_names`) are areas of `areas.csv` at the lookup's `to_level`.
fn check_lookup_targets(file: &TomlFile, lookups: &[LookupDef], areas: &Areas) -> Result<()> {
    for input in lookups.iter().filter_map(|l| l.input.as_ref()) {
        for code in input.to_area.iter().chain(input.to_names.values()) {
            match areas.get(code.get_ref()) {
                Some(area) if area.level == input.to_level => {}
                _ => {
                    return Err(Error::UnknownArea {
                        at: file.at_value(code),
                        code: code.get_ref().clone(),
                        expected: format!("an area of level {:?} in areas.csv", input.to_level),
                    })
                }
            }
        }
    }
    Ok(())
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
    basis: Basis,
    source: SourceEntry,
    methods: String,
    #[serde(default)]
    lookups: Vec<Spanned<String>>,
    shard: Spanned<String>,
    #[serde(default = "yes")]
    disclosure_control: bool,
    input: Spanned<IndicatorInput>,
    #[serde(default)]
    extra_inputs: Vec<Spanned<IndicatorInput>>,
}

fn yes() -> bool {
    true
}

/// A `[source]` table as the publisher writes it: every field required, no other allowed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceEntry {
    name: String,
    publisher: String,
    licence: String,
    url: String,
    attribution: String,
}

impl From<SourceEntry> for Source {
    fn from(entry: SourceEntry) -> Source {
        Source {
            name: entry.name,
            publisher: entry.publisher,
            licence: entry.licence,
            url: entry.url,
            attribution: entry.attribution,
        }
    }
}

/// Reads every `*.toml` file of the `indicators` folder, in file-name order, one indicator
/// per file, named by the indicator's id.
fn read_indicators(dir: &Path, lookups: &[LookupDef]) -> Result<Vec<IndicatorDef>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.extension().is_some_and(|x| x == "toml") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut ids = BTreeSet::new();
    let mut shards = BTreeSet::new();
    let mut indicators = Vec::new();
    for path in paths {
        let file = TomlFile::read(&path)?;
        let entry: IndicatorEntry = file.parse()?;
        indicators.push(read_indicator(
            &file,
            entry,
            lookups,
            &mut ids,
            &mut shards,
        )?);
    }
    Ok(indicators)
}

fn read_indicator(
    file: &TomlFile,
    entry: IndicatorEntry,
    lookups: &[LookupDef],
    ids: &mut BTreeSet<String>,
    shards: &mut BTreeSet<String>,
) -> Result<IndicatorDef> {
    check_id(file, &entry.id, ids, "indicator")?;
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    if stem.as_deref() != Some(entry.id.get_ref().as_str()) {
        return Err(file.invalid(
            &entry.id,
            format!(
                "the file is named {}; expected the file of indicator \"{}\" to be named {}.toml",
                file.path.display(),
                entry.id.get_ref(),
                entry.id.get_ref()
            ),
        ));
    }
    let multiplier = *entry.multiplier.get_ref();
    if !multiplier.is_finite() || multiplier <= 0.0 {
        return Err(file.invalid(&entry.multiplier, "expected a multiplier above zero"));
    }
    if !is_safe_shard(entry.shard.get_ref()) {
        return Err(file.invalid(
            &entry.shard,
            "expected a relative folder of letters, digits, '-', '_' and '/' (one shard per \
             level goes in it), such as \"indicators/91547\"",
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
    let mut inputs = Vec::new();
    for input in std::iter::once(entry.input).chain(entry.extra_inputs) {
        check_input(file, &input, entry.value_type, &entry.lookups, lookups)?;
        inputs.push(input.into_inner());
    }
    Ok(IndicatorDef {
        meta: IndicatorMeta {
            id: entry.id.into_inner(),
            title: entry.title,
            unit: entry.unit,
            value_type: entry.value_type,
            multiplier: entry.multiplier.into_inner(),
            polarity: entry.polarity,
            period_type: entry.period_type,
            basis: entry.basis,
            source: entry.source.into(),
            lookups: entry.lookups.into_iter().map(Spanned::into_inner).collect(),
            shard: entry.shard.into_inner(),
            latest: None,
            levels: Vec::new(),
            key_figures: None,
        },
        texts: IndicatorTexts {
            description: entry.description,
            definition: entry.definition,
            methods: entry.methods,
        },
        inputs,
        disclosure_control: entry.disclosure_control,
    })
}

/// Checks an input section: its files stay inside their folders, its format's own rules hold,
/// and what it asks of the indicator (intervals, aggregation) fits the indicator.
fn check_input(
    file: &TomlFile,
    spanned: &Spanned<IndicatorInput>,
    value_type: ValueType,
    lookup_ids: &[Spanned<String>],
    lookups: &[LookupDef],
) -> Result<()> {
    let adapter = spanned.get_ref().adapter();
    let fail = |message: String| Err(file.invalid(spanned, message));
    for input_file in adapter.files() {
        let name = input_file.name();
        if !is_safe_file_name(name) {
            return fail(format!(
                "\"{name}\" is not a plain file path; expected a relative path inside its folder"
            ));
        }
    }
    match adapter.check(value_type) {
        Ok(()) => {}
        Err(Problem::Section(message)) => return fail(message),
        Err(Problem::Period(span, text)) => {
            return Err(Error::BadPeriod {
                at: file.at(span.start),
                text,
            })
        }
    }
    if adapter.compute_intervals() && aggregate::estimator(value_type).is_none() {
        return fail(format!(
            "compute_intervals needs value_type \"proportion\" or \"crude_rate\", not {value_type:?}"
        ));
    }
    if let Some(level) = adapter.aggregate_from() {
        if aggregate::estimator(value_type).is_none() {
            return fail(format!(
                "a {value_type:?} cannot be summed from counts; expected value_type \
                 \"proportion\" or \"crude_rate\" to aggregate"
            ));
        }
        if adapter.assigns_itself() {
            return Ok(());
        }
        let from_level = lookup_ids
            .iter()
            .filter_map(|id| lookups.iter().find(|l| &l.lookup.id == id.get_ref()))
            .filter(|l| l.input.as_ref().is_some_and(|i| i.from_level == level))
            .count();
        if from_level != 1 {
            return fail(format!(
                "aggregate_from = {level:?} needs exactly one of the indicator's lookups \
                 to read {level:?} codes from a source file; found {from_level}"
            ));
        }
    }
    Ok(())
}

/// Input file names stay inside their folder.
fn is_safe_file_name(path: &str) -> bool {
    !path.is_empty()
        && path
            .split('/')
            .all(|segment| !segment.is_empty() && segment != ".." && segment != ".")
        && !path.starts_with('/')
}

/// Orders indicators as the framework first names them. Every indicator must sit under an
/// I statement, so that the explorer can show it.
fn in_framework_order(
    indicators: Vec<IndicatorDef>,
    framework: &Framework,
    dir: &Path,
) -> Result<Vec<IndicatorDef>> {
    let order: Vec<&str> = framework
        .domains
        .iter()
        .flat_map(|d| &d.i_statements)
        .flat_map(|s| &s.indicators)
        .map(String::as_str)
        .collect();
    let mut ranked = Vec::new();
    for def in indicators {
        let Some(rank) = order.iter().position(|&id| id == def.meta.id) else {
            return Err(Error::invalid(
                Location::line(&dir.join(format!("{}.toml", def.meta.id)), 1),
                format!(
                    "indicator \"{}\" is under no I statement; expected framework.toml to list it",
                    def.meta.id
                ),
            ));
        };
        ranked.push((rank, def));
    }
    // Stable: ties (an id listed twice) keep file order.
    ranked.sort_by_key(|(rank, _)| *rank);
    Ok(ranked.into_iter().map(|(_, def)| def).collect())
}

/// Shard paths end up as file names: keep them inside the output folder and portable.
/// A folder inside the data folder, for an indicator's shards (one file per level).
fn is_safe_shard(path: &str) -> bool {
    !path.ends_with(".json")
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
        assert!(is_safe_shard("indicators/91547"));
        assert!(is_safe_shard("indicators/imd2025-decile1"));
        assert!(!is_safe_shard("../91547"));
        assert!(!is_safe_shard("/tmp/x"));
        assert!(!is_safe_shard("indicators/.hidden"));
        assert!(!is_safe_shard("manifest.json"));
        assert!(!is_safe_shard("indicators/91547.json"));
    }
}
