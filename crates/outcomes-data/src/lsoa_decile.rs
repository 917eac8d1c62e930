//! Deprivation deciles per LSOA: each LSOA becomes a count of 1 (in the most deprived 10%
//! nationally, decile 1) or 0, out of 1, to be summed to wards through an LSOA → ward lookup.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::observation::Observation;
use crate::publisher::IndicatorInput;
use crate::table::Table;

/// Reads one row per LSOA. Deciles must be whole numbers 1 to 10; an LSOA listed twice is an
/// error.
pub fn read(path: &Path, input: &IndicatorInput) -> Result<Vec<Observation>> {
    let table = Table::read(path)?;
    // The publisher folder was checked to give one code column, a decile column and a period.
    let (Some(code_name), Some(decile_name), Some(period)) = (
        input.area_columns.first(),
        input.value_column.as_deref(),
        input.period.as_ref(),
    ) else {
        return Ok(Vec::new());
    };
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
