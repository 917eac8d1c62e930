//! One area's figure for one period as a source gives it, whatever the source's format.

use std::path::{Path, PathBuf};

use outcomes_core::model::Interval;

use crate::error::Location;

/// One row of a source, read into the explorer's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub area: String,
    pub period: String,
    /// A row for the level an indicator aggregates from (a GP practice, an LSOA or another
    /// small area), which the explorer sums up rather than publishes.
    pub base: bool,
    pub value: Option<f64>,
    pub ci95: Option<Interval>,
    pub ci998: Option<Interval>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
    /// A caveat published with the figure.
    pub note: Option<String>,
    file: PathBuf,
    line: u64,
    /// The source's names for the area, count and denominator columns, for error messages.
    columns: [String; 3],
}

impl Observation {
    /// An observation with no figures yet, read from `line` of `file`.
    pub fn new(area: &str, period: &str, file: &Path, line: u64) -> Observation {
        Observation {
            area: area.to_string(),
            period: period.to_string(),
            base: false,
            value: None,
            ci95: None,
            ci998: None,
            count: None,
            denominator: None,
            note: None,
            file: file.to_path_buf(),
            line,
            columns: ["Area Code".into(), "Count".into(), "Denominator".into()],
        }
    }

    /// Names the source's area, count and denominator columns (the defaults are
    /// Fingertips' names), so that errors point at the right cell.
    pub fn with_columns(mut self, area: &str, count: &str, denominator: &str) -> Observation {
        self.columns = [area.into(), count.into(), denominator.into()];
        self
    }

    /// The location of this row's area code.
    pub fn at_area(&self) -> Location {
        self.at(&self.columns[0])
    }

    /// The location of this row's count.
    pub fn at_count(&self) -> Location {
        self.at(&self.columns[1])
    }

    /// The location of this row's denominator.
    pub fn at_denominator(&self) -> Location {
        self.at(&self.columns[2])
    }

    /// The location of one of this row's cells, by the source's column name.
    pub fn at(&self, column: &str) -> Location {
        Location::cell(&self.file, self.line, column)
    }

    /// The line the row was read from.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The same figures, ignoring where they were read.
    pub fn same_figures(&self, other: &Observation) -> bool {
        (
            self.base,
            self.value,
            self.ci95,
            self.ci998,
            self.count,
            self.denominator,
            &self.note,
        ) == (
            other.base,
            other.value,
            other.ci95,
            other.ci998,
            other.count,
            other.denominator,
            &other.note,
        )
    }
}
