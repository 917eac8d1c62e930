//! A small adapter for CSV files with one row per area and period whose columns are named
//! in the indicator's input section (DfE, Oflog, House of Commons Library and MHCLG files).

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{IndicatorMeta, ValueType};
use serde::Deserialize;
use toml::Spanned;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::error::{Error, Result};
use crate::observation::Observation;
use crate::period;
use crate::table::{Col, Table};

/// `[input.table]`: a CSV with one row per area and period, its columns named here.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the sources folder.
    pub file: String,
    /// The columns holding area codes; the first non-empty one is used.
    pub area_columns: Vec<String>,
    /// A column of area names, used with `area_names` when no code is given.
    #[serde(default)]
    pub name_column: Option<String>,
    /// Area name → code, for rows that name an area without its code.
    #[serde(default)]
    pub area_names: BTreeMap<String, String>,
    /// The column holding the period.
    #[serde(default)]
    pub period_column: Option<String>,
    /// The one period of a file without a period column.
    #[serde(default)]
    pub period: Option<Spanned<String>>,
    /// How the period column writes periods.
    #[serde(default)]
    pub period_style: PeriodStyle,
    /// The value column.
    #[serde(default)]
    pub value_column: Option<String>,
    /// The numerator column.
    #[serde(default)]
    pub numerator_column: Option<String>,
    /// The denominator column.
    #[serde(default)]
    pub denominator_column: Option<String>,
    /// Multiply values by this (100 to turn a fraction into a percentage).
    #[serde(default)]
    pub scale: Option<f64>,
    /// Keep only rows whose column (key) has this text (value).
    #[serde(default)]
    pub filter: BTreeMap<String, String>,
    /// Value markers meaning "not published" (such as DfE's `x`) → the note shown.
    #[serde(default)]
    pub not_published: BTreeMap<String, String>,
    /// Compute values and 95%/99.8% intervals from each row's numerator and denominator.
    #[serde(default)]
    pub compute_intervals: bool,
}

/// How a `table` source writes its periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStyle {
    /// Already `2022/23` or `2022`.
    #[default]
    AsIs,
    /// DfE's `202122` for the academic year 2021/22.
    Compact,
    /// `2021-22` for 2021/22.
    Hyphen,
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        vec![InputFile::Sources(&self.file)]
    }

    fn compute_intervals(&self) -> bool {
        self.compute_intervals
    }

    fn check(&self, _: ValueType) -> std::result::Result<(), Problem> {
        if self.area_columns.is_empty() {
            return Err(Problem::section("a table input needs area_columns"));
        }
        if self.period_column.is_some() == self.period.is_some() {
            return Err(Problem::section(
                "a table input needs exactly one of period_column or period",
            ));
        }
        if let Some(period) = &self.period {
            Problem::check_period(period)?;
        }
        let counts = self.numerator_column.is_some() && self.denominator_column.is_some();
        if self.value_column.is_none() && !(counts && self.compute_intervals) {
            return Err(Problem::section(
                "a table input needs value_column, or numerator_column and denominator_column \
                 with compute_intervals = true",
            ));
        }
        Ok(())
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        let path = context.path(InputFile::Sources(&self.file));
        Ok(read(&path, self, context.meta)?.into())
    }
}

/// Reads the rows that pass the input's filter. Rows without an area code (after
/// `area_names`) are skipped, as are rows with an empty value; rows whose value is a
/// `not_published` marker become a point with no value and the marker's note.
pub fn read(path: &Path, input: &Input, indicator: &IndicatorMeta) -> Result<Vec<Observation>> {
    let table = Table::read(path)?;
    let area_cols = input
        .area_columns
        .iter()
        .map(|c| table.column(c))
        .collect::<Result<Vec<Col>>>()?;
    let name_col = input
        .name_column
        .as_deref()
        .map(|c| table.column(c))
        .transpose()?;
    let period_col = input
        .period_column
        .as_deref()
        .map(|c| table.column(c))
        .transpose()?;
    let value_col = input
        .value_column
        .as_deref()
        .map(|c| table.column(c))
        .transpose()?;
    let numerator = input
        .numerator_column
        .as_deref()
        .map(|c| table.column(c))
        .transpose()?;
    let denominator = input
        .denominator_column
        .as_deref()
        .map(|c| table.column(c))
        .transpose()?;
    let filters = input
        .filter
        .iter()
        .map(|(c, v)| Ok((table.column(c)?, v.as_str())))
        .collect::<Result<Vec<(Col, &str)>>>()?;
    let scale = input.scale.unwrap_or(1.0);

    let mut observations = Vec::new();
    for row in table.rows() {
        if !filters.iter().all(|&(c, v)| table.get(row, c) == v) {
            continue;
        }
        let by_code = area_cols
            .iter()
            .map(|&c| (c, table.get(row, c)))
            .find(|(_, code)| !code.is_empty());
        let by_name = name_col.and_then(|c| {
            input
                .area_names
                .get(table.get(row, c))
                .map(|code| (c, code.as_str()))
        });
        let Some((area_col, area)) = by_code.or(by_name) else {
            continue;
        };
        let period = match (period_col, &input.period) {
            (Some(c), _) => {
                let text = table.get(row, c);
                restyle(text, input.period_style).ok_or_else(|| Error::BadPeriod {
                    at: table.at(row, c),
                    text: text.to_string(),
                })?
            }
            (None, Some(p)) => p.get_ref().clone(),
            // Refused when the publisher folder was read.
            (None, None) => continue,
        };
        let count_name = numerator.map_or("", |c| table.name(c));
        let denominator_name = denominator.map_or("", |c| table.name(c));
        let mut obs = Observation::new(area, &period, path, row.line()).with_columns(
            table.name(area_col),
            count_name,
            denominator_name,
        );
        if let Some(c) = value_col {
            let text = table.get(row, c);
            if let Some(note) = input.not_published.get(text) {
                obs.note = Some(note.clone());
            } else if text.is_empty() {
                continue;
            } else {
                obs.value = table.number(row, c)?.map(|v| v * scale);
            }
        }
        obs.count = numerator
            .map(|c| table.non_negative(row, c))
            .transpose()?
            .flatten();
        obs.denominator = denominator
            .map(|c| table.non_negative(row, c))
            .transpose()?
            .flatten();
        if let (Some(count), Some(den), Some(c)) = (obs.count, obs.denominator, numerator) {
            if indicator.value_type == ValueType::Proportion && count > den {
                return Err(Error::CountAboveDenominator {
                    at: table.at(row, c),
                    count,
                    denominator: den,
                });
            }
        }
        observations.push(obs);
    }
    Ok(observations)
}

/// A period in the explorer's form (`2021/22`, `2021`), or `None` if it cannot be read.
pub fn restyle(text: &str, style: PeriodStyle) -> Option<String> {
    let styled = match style {
        PeriodStyle::AsIs => text.to_string(),
        PeriodStyle::Compact => {
            if text.len() != 6 || !text.is_char_boundary(4) {
                return None;
            }
            format!("{}/{}", &text[..4], &text[4..])
        }
        PeriodStyle::Hyphen => text.replacen('-', "/", 1),
    };
    period::parse(&styled).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_restyled_and_checked() {
        assert_eq!(
            restyle("201516", PeriodStyle::Compact).as_deref(),
            Some("2015/16")
        );
        assert_eq!(restyle("201517", PeriodStyle::Compact), None);
        assert_eq!(
            restyle("2016-17", PeriodStyle::Hyphen).as_deref(),
            Some("2016/17")
        );
        assert_eq!(restyle("2019", PeriodStyle::AsIs).as_deref(), Some("2019"));
        assert_eq!(restyle("2016-17", PeriodStyle::AsIs), None);
    }
}
