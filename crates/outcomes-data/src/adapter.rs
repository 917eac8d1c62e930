//! Source formats behind one interface. Each format's input section (`[input.<format>]` in an
//! indicator file) is its own type, which checks itself when the publisher folder is read and
//! reads its files into observations when the indicator is built. A new source format is one
//! new file implementing [`SourceAdapter`] and one variant of [`IndicatorInput`]; no field of
//! one format can be given to another, since each type refuses keys it does not know.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use outcomes_core::model::{AreaLevel, BreakdownPoint, IndicatorMeta, ValueType};
use serde::Deserialize;
use toml::Spanned;

use crate::areas::Areas;
use crate::error::Result;
use crate::lookup::Assignments;
use crate::observation::Observation;
use crate::{
    census_long, census_totals, census_wide, fingertips, headline, lsoa_decile, period,
    practice_counts, qof, tabular, tidy,
};

/// An indicator's input section: which format, and that format's own settings.
///
/// Externally tagged, so that `toml::Spanned` keeps the section's position for messages.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorInput {
    /// An OHID Fingertips "all data" CSV export.
    Fingertips(fingertips::Input),
    /// The explorer's tidy CSV: `area_code,period,numerator,denominator,value,lower95,
    /// upper95,note`.
    Tidy(tidy::Input),
    /// Any CSV with one row per area and period, columns named in the input section.
    Table(tabular::Input),
    /// One row per LSOA with its deprivation decile; counts LSOAs in decile 1.
    LsoaDecile(lsoa_decile::Input),
    /// `tower_hamlets_headline_figures_from_pages.csv`: figures transcribed from web pages.
    HeadlineFigures(headline::Input),
    /// NHS Digital's QOF prevalence files: one register over several years, by practice.
    QofPrevalence(qof::Input),
    /// One period's counts by GP practice, such as cervical screening coverage.
    PracticeCounts(practice_counts::Input),
    /// A Census 2021 table in the Nomis bulk layout: one row per small area, a column per
    /// category.
    CensusWide(census_wide::Input),
    /// A Census 2021 table as demographr reshapes it: one row per small area and category.
    CensusLong(census_long::Input),
    /// Derived England and London totals of the census tables, for comparison.
    CensusTotals(census_totals::Input),
}

impl IndicatorInput {
    /// The format's adapter.
    pub fn adapter(&self) -> &dyn SourceAdapter {
        match self {
            IndicatorInput::Fingertips(input) => input,
            IndicatorInput::Tidy(input) => input,
            IndicatorInput::Table(input) => input,
            IndicatorInput::LsoaDecile(input) => input,
            IndicatorInput::HeadlineFigures(input) => input,
            IndicatorInput::QofPrevalence(input) => input,
            IndicatorInput::PracticeCounts(input) => input,
            IndicatorInput::CensusWide(input) => input,
            IndicatorInput::CensusLong(input) => input,
            IndicatorInput::CensusTotals(input) => input,
        }
    }
}

/// A file an input reads, and the folder it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFile<'a> {
    /// In the sources folder of open data.
    Sources(&'a str),
    /// In the publisher folder (figures the publisher transcribed by hand).
    Publisher(&'a str),
}

impl InputFile<'_> {
    /// The file's name as written in the input section.
    pub fn name(&self) -> &str {
        match self {
            InputFile::Sources(name) | InputFile::Publisher(name) => name,
        }
    }
}

/// What an adapter is given to read its files.
pub struct ReadContext<'a> {
    pub publisher_dir: &'a Path,
    pub sources: &'a Path,
    pub meta: &'a IndicatorMeta,
    pub areas: &'a Areas,
}

impl ReadContext<'_> {
    /// Where a file named in an input section is.
    pub fn path(&self, file: InputFile) -> PathBuf {
        match file {
            InputFile::Sources(name) => self.sources.join(name),
            InputFile::Publisher(name) => self.publisher_dir.join(name),
        }
    }
}

/// What an adapter read from its files.
#[derive(Debug, Default)]
pub struct SourceRead {
    pub observations: Vec<Observation>,
    /// Figures for groups of people within one area, published beside the area's figures.
    pub breakdowns: Vec<BreakdownPoint>,
    /// Where the adapter places its base rows itself (for example each year's practice →
    /// network membership), instead of the indicator's lookup from that level.
    pub assignments: Option<Assignments>,
    /// Periods whose figures are defined differently from the period before (for example a
    /// register whose age group changed) → the note shown with them. No trend spans one.
    pub definition_changes: BTreeMap<String, String>,
}

impl From<Vec<Observation>> for SourceRead {
    fn from(observations: Vec<Observation>) -> SourceRead {
        SourceRead {
            observations,
            ..SourceRead::default()
        }
    }
}

/// A fault in an input section, found before any source is read.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Shown at the input section's line.
    Section(String),
    /// A period written in the section that the explorer cannot read, shown at the period.
    Period(Range<usize>, String),
}

impl Problem {
    /// A fault shown at the input section's line.
    pub fn section(message: impl Into<String>) -> Problem {
        Problem::Section(message.into())
    }

    /// Checks a period written in the section.
    pub fn check_period(period: &Spanned<String>) -> std::result::Result<(), Problem> {
        match period::parse(period.get_ref()) {
            Some(_) => Ok(()),
            None => Err(Problem::Period(period.span(), period.get_ref().clone())),
        }
    }
}

/// One source format.
pub trait SourceAdapter {
    /// The files this input reads (checked to stay inside their folders).
    fn files(&self) -> Vec<InputFile<'_>>;

    /// The level whose counts are summed up the area hierarchy, if any (`practice`, `lsoa`,
    /// `oa`, `msoa`), through the indicator's one lookup from that level.
    fn aggregate_from(&self) -> Option<AreaLevel> {
        None
    }

    /// Whether the explorer computes values and intervals from each row's counts.
    fn compute_intervals(&self) -> bool {
        false
    }

    /// Whether the adapter places its base rows itself ([`SourceRead::assignments`]), so the
    /// indicator needs no lookup from `aggregate_from`'s level.
    fn assigns_itself(&self) -> bool {
        false
    }

    /// Checks what only this format needs, before any source is read.
    fn check(&self, value_type: ValueType) -> std::result::Result<(), Problem> {
        let _ = value_type;
        Ok(())
    }

    /// Reads the input's files.
    fn read(&self, context: &ReadContext) -> Result<SourceRead>;
}
