//! A small adapter for CSV files with one row per area and period whose columns are named
//! in the indicator's input section (DfE, Oflog, House of Commons Library and MHCLG files).

use std::path::Path;

use outcomes_core::model::{IndicatorMeta, ValueType};

use crate::error::{Error, Result};
use crate::observation::Observation;
use crate::period;
use crate::publisher::{IndicatorInput, PeriodStyle};
use crate::table::{Col, Table};

/// Reads the rows that pass the input's filter. Rows without an area code (after
/// `area_names`) are skipped, as are rows with an empty value; rows whose value is a
/// `not_published` marker become a point with no value and the marker's note.
pub fn read(
    path: &Path,
    input: &IndicatorInput,
    indicator: &IndicatorMeta,
) -> Result<Vec<Observation>> {
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
