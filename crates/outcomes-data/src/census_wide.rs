//! Census 2021 tables in the Nomis bulk ("wide") layout: one row per small area (LSOA, MSOA
//! or OA), its code in `geography code`, and one column per category under the category's
//! full Nomis name. Each row becomes a base observation (the sum of the numerator columns out
//! of the table's own total), summed to wards or the borough through the indicator's lookup
//! from that level.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{AreaLevel, ValueType};
use serde::Deserialize;
use toml::Spanned;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::error::{Error, Result};
use crate::observation::Observation;
use crate::table::{Col, Table};

/// `[input.census_wide]`: a Nomis bulk census table, one row per small area.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the sources folder.
    pub file: String,
    /// The column of small-area codes (Nomis writes `geography code`).
    #[serde(default = "geography_code")]
    pub code_column: String,
    /// The level of the rows (`lsoa`, `msoa` or `oa`), read through the indicator's lookup
    /// from that level.
    pub aggregate_from: AreaLevel,
    /// The columns counted, summed: for example `General health: Bad health` and
    /// `General health: Very bad health`.
    pub numerator_columns: Vec<String>,
    /// The denominator: the table's own total column (or, where a file has lost it, the
    /// columns that together make the total, summed).
    pub denominator_columns: Vec<String>,
    /// Columns that divide the total without overlap: in every row they must add up to the
    /// denominator exactly, and every numerator column must be one of them. This is what
    /// keeps a subtotal (TS039's "19 hours or less") from being added to its own parts.
    pub parts: Vec<String>,
    /// The census year.
    pub period: Spanned<String>,
}

fn geography_code() -> String {
    "geography code".to_string()
}

/// Checks an input's columns before any file is read: at least one numerator and
/// denominator column, none named twice, no column nested in another (Nomis names a
/// category's parts `<category>: <part>`), and every numerator column one of the parts.
pub fn check_columns(
    numerators: &[String],
    denominators: &[String],
    parts: &[String],
) -> std::result::Result<(), Problem> {
    if numerators.is_empty() || denominators.is_empty() || parts.is_empty() {
        return Err(Problem::section(
            "a census input needs numerator_columns, denominator_columns and parts",
        ));
    }
    for list in [numerators, denominators, parts] {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if a == b {
                    return Err(Problem::section(format!(
                        "\"{a}\" is listed twice; expected each column once"
                    )));
                }
                if is_nested(a, b) || is_nested(b, a) {
                    return Err(Problem::section(format!(
                        "\"{a}\" and \"{b}\" are a category and one of its parts; expected \
                         only one of them, so that no one is counted twice"
                    )));
                }
            }
        }
    }
    if let Some(missing) = numerators.iter().find(|n| !parts.contains(n)) {
        return Err(Problem::section(format!(
            "numerator column \"{missing}\" is not one of the parts; expected every numerator \
             column among the parts that add up to the denominator"
        )));
    }
    Ok(())
}

/// Whether `part` is written as one of the parts of `whole` (`<whole>: <part>`).
fn is_nested(whole: &str, part: &str) -> bool {
    part.strip_prefix(whole)
        .is_some_and(|rest| rest.starts_with(": "))
}

/// Census figures are proportions of a table's own total, read from one level of small area.
pub fn check_level_and_type(
    level: AreaLevel,
    value_type: ValueType,
) -> std::result::Result<(), Problem> {
    if !matches!(level, AreaLevel::Lsoa | AreaLevel::Msoa | AreaLevel::Oa) {
        return Err(Problem::section(format!(
            "a census input cannot aggregate from {level:?}; expected aggregate_from = \
             \"lsoa\", \"msoa\" or \"oa\""
        )));
    }
    if value_type != ValueType::Proportion {
        return Err(Problem::section(
            "a census input gives a share of its table's total; expected value_type \
             \"proportion\"",
        ));
    }
    Ok(())
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        vec![InputFile::Sources(&self.file)]
    }

    fn aggregate_from(&self) -> Option<AreaLevel> {
        Some(self.aggregate_from)
    }

    fn check(&self, value_type: ValueType) -> std::result::Result<(), Problem> {
        Problem::check_period(&self.period)?;
        check_level_and_type(self.aggregate_from, value_type)?;
        check_columns(
            &self.numerator_columns,
            &self.denominator_columns,
            &self.parts,
        )
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        Ok(read(&context.path(InputFile::Sources(&self.file)), self)?.into())
    }
}

/// Reads one base observation per row. Every count must be a whole number of zero or more,
/// each area listed once, and each row's parts must add up to its denominator.
pub fn read(path: &Path, input: &Input) -> Result<Vec<Observation>> {
    let table = Table::read(path)?;
    let columns = |names: &[String]| {
        names
            .iter()
            .map(|c| table.column(c))
            .collect::<Result<Vec<Col>>>()
    };
    let code_col = table.column(&input.code_column)?;
    let numerators = columns(&input.numerator_columns)?;
    let denominators = columns(&input.denominator_columns)?;
    let parts = columns(&input.parts)?;
    let period = input.period.get_ref();
    let mut seen = BTreeMap::new();
    let mut observations = Vec::new();
    for row in table.rows() {
        let code = table.get(row, code_col);
        if code.is_empty() {
            return Err(Error::invalid(
                table.at(row, code_col),
                "empty code; expected a small-area code",
            ));
        }
        if let Some(first_line) = seen.insert(code.to_string(), row.line()) {
            return Err(Error::invalid(
                table.at(row, code_col),
                format!("{code} is listed here and on line {first_line}; expected each area once"),
            ));
        }
        let sum = |cols: &[Col]| -> Result<f64> { cols.iter().map(|&c| table.count(row, c)).sum() };
        let count = sum(&numerators)?;
        let denominator = sum(&denominators)?;
        let all_parts = sum(&parts)?;
        if all_parts != denominator {
            return Err(Error::invalid(
                table.at(row, denominators[0]),
                format!(
                    "the parts add up to {all_parts}, not to the denominator {denominator}; \
                     expected parts that divide the total exactly (is a subtotal listed with \
                     its own parts, or a part missing?)"
                ),
            ));
        }
        let mut obs = Observation::new(code, period, path, row.line()).with_columns(
            table.name(code_col),
            table.name(numerators[0]),
            table.name(denominators[0]),
        );
        obs.base = true;
        obs.count = Some(count);
        obs.denominator = Some(denominator);
        observations.push(obs);
    }
    Ok(observations)
}
