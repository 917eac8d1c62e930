//! The explorer's tidy CSV: one row per area and period, for figures that come from no
//! standard export (for example transcribed from a published document).
//!
//! Columns, by name: `area_code`, `period`, `value` (required) and `numerator`,
//! `denominator`, `lower95`, `upper95`, `note` (optional; a missing column is as if every
//! cell were empty). A row may leave `value` empty only when its `note` says why.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{IndicatorMeta, ValueType};
use serde::Deserialize;

use crate::adapter::{InputFile, ReadContext, SourceAdapter, SourceRead};
use crate::areas::Areas;
use crate::error::{Error, Location, Result};
use crate::observation::Observation;
use crate::period;
use crate::table::Table;

/// `[input.tidy]`: a tidy CSV the publisher made, for figures transcribed by hand.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the publisher folder (such as `tidy/bcf_reablement_91days.csv`).
    pub publisher_file: String,
    /// Where a row has a numerator and denominator, the value and 95%/99.8% intervals are
    /// computed by the explorer (Wilson / Byar).
    #[serde(default)]
    pub compute_intervals: bool,
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        vec![InputFile::Publisher(&self.publisher_file)]
    }

    fn compute_intervals(&self) -> bool {
        self.compute_intervals
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        let path = context.path(InputFile::Publisher(&self.publisher_file));
        Ok(read(&path, context.meta, context.areas)?.into())
    }
}

/// The tidy format's column names.
pub mod columns {
    pub const AREA_CODE: &str = "area_code";
    pub const PERIOD: &str = "period";
    pub const NUMERATOR: &str = "numerator";
    pub const DENOMINATOR: &str = "denominator";
    pub const VALUE: &str = "value";
    pub const LOWER_95: &str = "lower95";
    pub const UPPER_95: &str = "upper95";
    pub const NOTE: &str = "note";
}

/// Reads a tidy file. Every area must be in `areas.csv`, and each area and period may appear
/// once only.
pub fn read(path: &Path, indicator: &IndicatorMeta, areas: &Areas) -> Result<Vec<Observation>> {
    use columns::*;
    let table = Table::read(path)?;
    let area_col = table.column(AREA_CODE)?;
    let period_col = table.column(PERIOD)?;
    let value_col = table.column(VALUE)?;
    let numerator = table.optional_column(NUMERATOR);
    let denominator = table.optional_column(DENOMINATOR);
    let lower = table.optional_column(LOWER_95);
    let upper = table.optional_column(UPPER_95);
    let note = table.optional_column(NOTE);
    if lower.is_some() != upper.is_some() {
        return Err(Error::MissingColumn {
            file: path.to_path_buf(),
            column: if lower.is_some() { UPPER_95 } else { LOWER_95 }.to_string(),
        });
    }

    let mut seen: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut observations = Vec::new();
    for row in table.rows() {
        let area = table.get(row, area_col);
        if areas.get(area).is_none() {
            return Err(Error::UnknownArea {
                at: table.at(row, area_col),
                code: area.to_string(),
                expected: "an area code of areas.csv".into(),
            });
        }
        let period_text = table.get(row, period_col);
        let period = period::parse(period_text).ok_or_else(|| Error::BadPeriod {
            at: table.at(row, period_col),
            text: period_text.to_string(),
        })?;
        if let Some(first_line) = seen.insert((area.into(), period.into()), row.line()) {
            return Err(Error::ConflictingDuplicate {
                at: Location::line(path, row.line()),
                area: area.to_string(),
                period: period.to_string(),
                first_line,
            });
        }
        let mut obs = Observation::new(area, period, path, row.line()).with_columns(
            AREA_CODE,
            NUMERATOR,
            DENOMINATOR,
        );
        obs.value = table.number(row, value_col)?;
        obs.note = note
            .map(|c| table.get(row, c))
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        if obs.value.is_none() && obs.note.is_none() {
            return Err(Error::invalid(
                table.at(row, value_col),
                "empty value; expected a number, or a note saying why there is none",
            ));
        }
        obs.count = match numerator {
            Some(c) => table.non_negative(row, c)?,
            None => None,
        };
        obs.denominator = match denominator {
            Some(c) => table.non_negative(row, c)?,
            None => None,
        };
        if let (Some(count), Some(den), Some(c)) = (obs.count, obs.denominator, numerator) {
            if indicator.value_type == ValueType::Proportion && count > den {
                return Err(Error::CountAboveDenominator {
                    at: table.at(row, c),
                    count,
                    denominator: den,
                });
            }
        }
        if let (Some(l), Some(u)) = (lower, upper) {
            obs.ci95 = table.interval(row, l, u)?;
        }
        observations.push(obs);
    }
    Ok(observations)
}
