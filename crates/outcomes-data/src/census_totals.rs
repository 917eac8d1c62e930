//! The England and London comparators for census measures:
//! `census2021_england_london_totals_derived.csv`, sums of the national Nomis and demographr
//! files made for this project (not figures ONS published). One row per source file, area
//! and column; a measure's numerator and denominator are sums of its columns' rows, and the
//! explorer computes the same Wilson intervals as for its own areas.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::ValueType;
use serde::Deserialize;
use toml::Spanned;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::error::{Error, Location, Result};
use crate::observation::Observation;
use crate::table::Table;

/// `[input.census_totals]`: derived England and London totals of one census source file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the sources folder.
    pub file: String,
    /// The `source` the rows were summed from, exactly as the file writes it
    /// (`owner/name:path@commit`), which tells the LSOA and OA versions of a table apart.
    pub source: String,
    /// The areas to publish (`E92000001` England, `E12000007` London).
    pub areas: Vec<String>,
    /// The columns (Nomis names, or demographr categories) counted, summed.
    pub numerator_columns: Vec<String>,
    /// The columns of the denominator, summed (usually the table's one total).
    pub denominator_columns: Vec<String>,
    /// The census year.
    pub period: Spanned<String>,
    /// A caveat added to each point's note (for example that London comes from the LSOA
    /// version of an OA table).
    #[serde(default)]
    pub note: Option<String>,
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        vec![InputFile::Sources(&self.file)]
    }

    fn compute_intervals(&self) -> bool {
        true
    }

    fn check(&self, value_type: ValueType) -> std::result::Result<(), Problem> {
        Problem::check_period(&self.period)?;
        if value_type != ValueType::Proportion {
            return Err(Problem::section(
                "census_totals gives a share of a table's total; expected value_type \
                 \"proportion\"",
            ));
        }
        if self.areas.is_empty()
            || self.numerator_columns.is_empty()
            || self.denominator_columns.is_empty()
        {
            return Err(Problem::section(
                "census_totals needs areas, numerator_columns and denominator_columns",
            ));
        }
        Ok(())
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        Ok(read(&context.path(InputFile::Sources(&self.file)), self)?.into())
    }
}

/// One row of the totals file.
struct Total {
    value: f64,
    line: u64,
    area_name: String,
    small_areas: String,
}

/// Reads one observation (count and denominator, no value yet) per area of the input. Every
/// column asked for must have exactly one row for the source and area.
pub fn read(path: &Path, input: &Input) -> Result<Vec<Observation>> {
    let table = Table::read(path)?;
    let source_col = table.column("source")?;
    let area_col = table.column("area_code")?;
    let name_col = table.column("area_name")?;
    let column_col = table.column("column")?;
    let value_col = table.column("value")?;
    let small_areas_col = table.column("n_small_areas")?;
    let mut totals: BTreeMap<(String, String), Total> = BTreeMap::new();
    for row in table.rows() {
        let area = table.get(row, area_col);
        if table.get(row, source_col) != input.source || !input.areas.iter().any(|a| a == area) {
            continue;
        }
        let column = table.get(row, column_col);
        let total = Total {
            value: table.count(row, value_col)?,
            line: row.line(),
            area_name: table.get(row, name_col).to_string(),
            small_areas: table.get(row, small_areas_col).to_string(),
        };
        if let Some(first) = totals.insert((area.to_string(), column.to_string()), total) {
            return Err(Error::invalid(
                table.at(row, column_col),
                format!(
                    "{area} has \"{column}\" here and on line {}; expected one row per source, \
                     area and column",
                    first.line
                ),
            ));
        }
    }
    let period = input.period.get_ref();
    let mut observations = Vec::new();
    for area in &input.areas {
        let get = |column: &str| -> Result<&Total> {
            totals
                .get(&(area.clone(), column.to_string()))
                .ok_or_else(|| {
                    Error::invalid(
                        Location::cell(path, 1, table.name(column_col)),
                        format!(
                            "no row for area {area}, column \"{column}\" of {}; expected the \
                         derived totals to have every column the indicator names",
                            input.source
                        ),
                    )
                })
        };
        let count: f64 = input
            .numerator_columns
            .iter()
            .map(|c| get(c).map(|t| t.value))
            .sum::<Result<f64>>()?;
        let denominator: f64 = input
            .denominator_columns
            .iter()
            .map(|c| get(c).map(|t| t.value))
            .sum::<Result<f64>>()?;
        let first = get(&input.denominator_columns[0])?;
        let mut note = format!(
            "{}: derived for this explorer, the sum of {} small areas in the national Census \
             2021 file, not a total ONS published.",
            first.area_name,
            thousands(&first.small_areas)
        );
        if let Some(extra) = &input.note {
            note.push(' ');
            note.push_str(extra);
        }
        let mut obs = Observation::new(area, period, path, first.line).with_columns(
            table.name(area_col),
            table.name(value_col),
            table.name(value_col),
        );
        obs.count = Some(count);
        obs.denominator = Some(denominator);
        obs.note = Some(note);
        observations.push(obs);
    }
    Ok(observations)
}

/// A whole number written with thousands separators (`178,605`), as the notes show counts;
/// other text is kept as it is.
fn thousands(text: &str) -> String {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return text.to_string();
    }
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i > 0 && (text.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn counts_in_notes_have_thousands_separators() {
        assert_eq!(thousands("178605"), "178,605");
        assert_eq!(thousands("4994"), "4,994");
        assert_eq!(thousands("913"), "913");
        assert_eq!(thousands("n/a"), "n/a");
    }
}
