//! Deprivation deciles per LSOA: each LSOA becomes a count of 1 (in the most deprived 10%
//! nationally, decile 1) or 0, out of 1, to be summed to wards through an LSOA → ward lookup.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{AreaLevel, ValueType};
use serde::Deserialize;
use toml::Spanned;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::error::{Error, Location, Result};
use crate::observation::Observation;
use crate::table::Table;

/// `[input.lsoa_decile]`: one row per LSOA with its deprivation decile, summed to wards (and
/// up) through the indicator's LSOA lookup.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the sources folder.
    pub file: String,
    /// The column holding the LSOA code.
    pub lsoa_column: String,
    /// The column holding the decile (1 is the most deprived tenth of England's LSOAs).
    pub decile_column: String,
    /// The file's one period (the index's year).
    pub period: Spanned<String>,
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        vec![InputFile::Sources(&self.file)]
    }

    fn aggregate_from(&self) -> Option<AreaLevel> {
        Some(AreaLevel::Lsoa)
    }

    fn check(&self, value_type: ValueType) -> std::result::Result<(), Problem> {
        Problem::check_period(&self.period)?;
        if value_type != ValueType::Proportion {
            return Err(Problem::section(
                "an lsoa_decile input gives the proportion of LSOAs in decile 1; expected \
                 value_type \"proportion\"",
            ));
        }
        Ok(())
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        Ok(read(&context.path(InputFile::Sources(&self.file)), self)?.into())
    }
}

/// Reads one row per LSOA. Deciles must be whole numbers 1 to 10; an LSOA listed twice is an
/// error.
pub fn read(path: &Path, input: &Input) -> Result<Vec<Observation>> {
    let table = Table::read(path)?;
    let (code_name, decile_name, period) = (
        input.lsoa_column.as_str(),
        input.decile_column.as_str(),
        &input.period,
    );
    let code_col = table.column(code_name)?;
    let decile_col = table.column(decile_name)?;
    let mut seen = BTreeMap::new();
    let mut observations = Vec::new();
    for row in table.rows() {
        let code = table.get(row, code_col);
        if code.is_empty() {
            return Err(Error::invalid(
                table.at(row, code_col),
                "empty code; expected an LSOA code",
            ));
        }
        if let Some(first_line) = seen.insert(code.to_string(), row.line()) {
            return Err(Error::ConflictingDuplicate {
                at: Location::line(path, row.line()),
                area: code.to_string(),
                period: period.get_ref().clone(),
                first_line,
            });
        }
        let text = table.get(row, decile_col);
        let decile: u8 = match text.parse() {
            Ok(d @ 1..=10) => d,
            _ => {
                return Err(Error::invalid(
                    table.at(row, decile_col),
                    format!("found \"{text}\"; expected a decile, a whole number from 1 to 10"),
                ))
            }
        };
        let mut obs = Observation::new(code, period.get_ref(), path, row.line()).with_columns(
            code_name,
            decile_name,
            decile_name,
        );
        obs.base = true;
        obs.count = Some(if decile == 1 { 1.0 } else { 0.0 });
        obs.denominator = Some(1.0);
        observations.push(obs);
    }
    Ok(observations)
}
