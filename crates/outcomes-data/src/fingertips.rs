//! The OHID Fingertips CSV export ("all data" download): one row per area, period and
//! breakdown, columns read by name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use outcomes_core::model::{IndicatorMeta, Interval, ValueType};

use crate::error::{Error, Location, Result};
use crate::period;
use crate::table::{Col, Row, Table};

/// Fingertips' area type for GP practices.
const PRACTICE_AREA_TYPE: &str = "GPs";

/// One area's published figure for one period, as the export gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub area: String,
    pub period: String,
    /// A GP practice row, which the explorer aggregates rather than publishes.
    pub practice: bool,
    pub value: Option<f64>,
    pub ci95: Option<Interval>,
    pub ci998: Option<Interval>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
    file: PathBuf,
    line: u64,
}

impl Observation {
    /// The location of one of this row's cells, by the export's column name.
    pub fn at(&self, column: &str) -> Location {
        Location::cell(&self.file, self.line, column)
    }

    /// The same figures, ignoring where they were read.
    fn same_figures(&self, other: &Observation) -> bool {
        (
            self.practice,
            self.value,
            self.ci95,
            self.ci998,
            self.count,
            self.denominator,
        ) == (
            other.practice,
            other.value,
            other.ci95,
            other.ci998,
            other.count,
            other.denominator,
        )
    }
}

/// The export's column names.
pub mod columns {
    pub const INDICATOR_ID: &str = "Indicator ID";
    pub const AREA_CODE: &str = "Area Code";
    pub const AREA_TYPE: &str = "Area Type";
    pub const SEX: &str = "Sex";
    pub const CATEGORY_TYPE: &str = "Category Type";
    pub const PERIOD: &str = "Time period";
    pub const VALUE: &str = "Value";
    pub const LOWER_95: &str = "Lower CI 95.0 limit";
    pub const UPPER_95: &str = "Upper CI 95.0 limit";
    pub const LOWER_998: &str = "Lower CI 99.8 limit";
    pub const UPPER_998: &str = "Upper CI 99.8 limit";
    pub const COUNT: &str = "Count";
    pub const DENOMINATOR: &str = "Denominator";
}

/// Reads the rows for whole populations of one indicator's export: rows with a Category
/// Type (such as deprivation deciles) and rows for one sex only are left out. Exact
/// duplicates are dropped; two different rows for one area and period are an error.
pub fn read(path: &Path, indicator: &IndicatorMeta) -> Result<Vec<Observation>> {
    use columns::*;
    let table = Table::read(path)?;
    let cols = Columns {
        indicator: table.optional_column(INDICATOR_ID),
        area: table.column(AREA_CODE)?,
        area_type: table.column(AREA_TYPE)?,
        sex: table.column(SEX)?,
        category_type: table.column(CATEGORY_TYPE)?,
        period: table.column(PERIOD)?,
        value: table.column(VALUE)?,
        lower_95: table.column(LOWER_95)?,
        upper_95: table.column(UPPER_95)?,
        lower_998: table.column(LOWER_998)?,
        upper_998: table.column(UPPER_998)?,
        count: table.column(COUNT)?,
        denominator: table.column(DENOMINATOR)?,
    };

    let mut observations: Vec<Observation> = Vec::new();
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for row in table.rows() {
        if !table.get(row, cols.category_type).is_empty() {
            continue;
        }
        // Some exports leave Sex empty for practice rows; those are whole populations too.
        if !matches!(table.get(row, cols.sex), "" | "Persons") {
            continue;
        }
        if let Some(col) = cols.indicator {
            let id = table.get(row, col);
            if !id.is_empty() && id != indicator.id {
                return Err(Error::invalid(
                    table.at(row, col),
                    format!(
                        "found indicator {id}; expected only indicator {}",
                        indicator.id
                    ),
                ));
            }
        }
        let observation = parse_row(&table, row, &cols, indicator.value_type)?;
        let key = (observation.area.clone(), observation.period.clone());
        match seen.get(&key) {
            Some(&i) if observations[i].same_figures(&observation) => {}
            Some(&i) => {
                return Err(Error::ConflictingDuplicate {
                    at: Location::line(path, row.line()),
                    area: key.0,
                    period: key.1,
                    first_line: observations[i].line,
                })
            }
            None => {
                seen.insert(key, observations.len());
                observations.push(observation);
            }
        }
    }
    Ok(observations)
}

struct Columns {
    indicator: Option<Col>,
    area: Col,
    area_type: Col,
    sex: Col,
    category_type: Col,
    period: Col,
    value: Col,
    lower_95: Col,
    upper_95: Col,
    lower_998: Col,
    upper_998: Col,
    count: Col,
    denominator: Col,
}

fn parse_row(
    table: &Table,
    row: &Row,
    cols: &Columns,
    value_type: ValueType,
) -> Result<Observation> {
    let area = table.get(row, cols.area);
    if area.is_empty() {
        return Err(Error::invalid(
            table.at(row, cols.area),
            "empty area code; expected a code such as E09000030",
        ));
    }
    let period_text = table.get(row, cols.period);
    let period = period::parse(period_text).ok_or_else(|| Error::BadPeriod {
        at: table.at(row, cols.period),
        text: period_text.to_string(),
    })?;
    let count = non_negative(table, row, cols.count)?;
    let denominator = non_negative(table, row, cols.denominator)?;
    if value_type == ValueType::Proportion {
        if let (Some(count), Some(denominator)) = (count, denominator) {
            if count > denominator {
                return Err(Error::CountAboveDenominator {
                    at: table.at(row, cols.count),
                    count,
                    denominator,
                });
            }
        }
    }
    Ok(Observation {
        area: area.to_string(),
        period: period.to_string(),
        practice: table.get(row, cols.area_type) == PRACTICE_AREA_TYPE,
        value: number(table, row, cols.value)?,
        ci95: interval(table, row, cols.lower_95, cols.upper_95)?,
        ci998: interval(table, row, cols.lower_998, cols.upper_998)?,
        count,
        denominator,
        file: table.path().to_path_buf(),
        line: row.line(),
    })
}

/// An optional finite number: empty cells are missing values.
fn number(table: &Table, row: &Row, col: Col) -> Result<Option<f64>> {
    let text = table.get(row, col);
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(Some(x)),
        _ => Err(Error::NotANumber {
            at: table.at(row, col),
            text: text.to_string(),
        }),
    }
}

fn non_negative(table: &Table, row: &Row, col: Col) -> Result<Option<f64>> {
    let x = number(table, row, col)?;
    match x {
        Some(value) if value < 0.0 => Err(Error::Negative {
            at: table.at(row, col),
            value,
        }),
        _ => Ok(x),
    }
}

fn interval(table: &Table, row: &Row, lower: Col, upper: Col) -> Result<Option<Interval>> {
    match (number(table, row, lower)?, number(table, row, upper)?) {
        (None, None) => Ok(None),
        (Some(lower), Some(upper)) if lower <= upper => Ok(Some(Interval { lower, upper })),
        (Some(_), Some(_)) => Err(Error::invalid(
            table.at(row, upper),
            "expected the upper limit to be no lower than the lower limit",
        )),
        (Some(_), None) => Err(Error::invalid(
            table.at(row, upper),
            "empty upper limit; expected both limits or neither",
        )),
        (None, Some(_)) => Err(Error::invalid(
            table.at(row, lower),
            "empty lower limit; expected both limits or neither",
        )),
    }
}
