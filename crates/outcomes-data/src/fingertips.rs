//! The OHID Fingertips CSV export ("all data" download): one row per area, period and
//! breakdown, columns read by name.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{AreaLevel, BreakdownPoint, IndicatorMeta, ValueType};
use serde::Deserialize;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::error::{Error, Location, Result};
pub use crate::observation::Observation;
use crate::period;
use crate::table::{Col, Row, Table};

/// `[input.fingertips]`: an OHID Fingertips "all data" CSV export.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the sources folder.
    pub file: String,
    /// `practice`: the practices' counts are summed to networks, localities and the borough
    /// through the indicator's practice lookup, and practice rows are not published.
    #[serde(default)]
    pub aggregate_from: Option<AreaLevel>,
    /// Also publish this area's rows for groups of people (Category Type) as breakdowns.
    #[serde(default)]
    pub breakdowns_for: Option<String>,
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        vec![InputFile::Sources(&self.file)]
    }

    fn aggregate_from(&self) -> Option<AreaLevel> {
        self.aggregate_from
    }

    fn check(&self, _: ValueType) -> std::result::Result<(), Problem> {
        match self.aggregate_from {
            None | Some(AreaLevel::Practice) => Ok(()),
            Some(level) => Err(Problem::section(format!(
                "a fingertips input cannot aggregate from {level:?}; expected aggregate_from = \
                 \"practice\" (the export's GP rows)"
            ))),
        }
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        let path = context.path(InputFile::Sources(&self.file));
        let mut read = SourceRead::from(read(&path, context.meta)?);
        if let Some(code) = &self.breakdowns_for {
            read.breakdowns = breakdowns(&path, code)?;
        }
        Ok(read)
    }
}

/// Fingertips' area type for GP practices.
const PRACTICE_AREA_TYPE: &str = "GPs";

/// The export's column names.
pub mod columns {
    pub const INDICATOR_ID: &str = "Indicator ID";
    pub const AREA_CODE: &str = "Area Code";
    pub const AREA_TYPE: &str = "Area Type";
    pub const SEX: &str = "Sex";
    pub const CATEGORY_TYPE: &str = "Category Type";
    pub const CATEGORY: &str = "Category";
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
        // Some exports leave Sex empty for practice rows, and indicators about households
        // say "Not applicable"; those are whole populations too.
        if !matches!(table.get(row, cols.sex), "" | "Persons" | "Not applicable") {
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
                    first_line: observations[i].line(),
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
    let count = table.non_negative(row, cols.count)?;
    let denominator = table.non_negative(row, cols.denominator)?;
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
    let mut observation = Observation::new(area, period, table.path(), row.line());
    observation.base = table.get(row, cols.area_type) == PRACTICE_AREA_TYPE;
    observation.value = table.number(row, cols.value)?;
    observation.ci95 = table.interval(row, cols.lower_95, cols.upper_95)?;
    observation.ci998 = table.interval(row, cols.lower_998, cols.upper_998)?;
    observation.count = count;
    observation.denominator = denominator;
    Ok(observation)
}

/// The rows for groups of people (a non-empty `Category Type`, such as tenure or household
/// composition) for the area `area`, whole-population sex only, as the export gives them.
/// Deprivation-decile rows are left out: they are groups of areas, not of people.
pub fn breakdowns(path: &Path, area: &str) -> Result<Vec<BreakdownPoint>> {
    use columns::*;
    let table = Table::read(path)?;
    let area_col = table.column(AREA_CODE)?;
    let sex = table.column(SEX)?;
    let category_type = table.column(CATEGORY_TYPE)?;
    let category = table.column(CATEGORY)?;
    let period_col = table.column(PERIOD)?;
    let value = table.column(VALUE)?;
    let count = table.column(COUNT)?;
    let denominator = table.column(DENOMINATOR)?;
    let mut seen = BTreeMap::new();
    let mut points = Vec::new();
    for row in table.rows() {
        let kind = table.get(row, category_type);
        if kind.is_empty()
            || kind.contains("deprivation")
            || table.get(row, area_col) != area
            || !matches!(table.get(row, sex), "" | "Persons" | "Not applicable")
        {
            continue;
        }
        let period_text = table.get(row, period_col);
        let period = period::parse(period_text).ok_or_else(|| Error::BadPeriod {
            at: table.at(row, period_col),
            text: period_text.to_string(),
        })?;
        let group = table.get(row, category);
        let key = (period.to_string(), kind.to_string(), group.to_string());
        if let Some(first_line) = seen.insert(key, row.line()) {
            return Err(Error::ConflictingDuplicate {
                at: Location::line(path, row.line()),
                area: area.to_string(),
                period: format!("{period} ({kind}: {group})"),
                first_line,
            });
        }
        points.push(BreakdownPoint {
            area: area.to_string(),
            period: period.to_string(),
            category_type: kind.to_string(),
            category: group.to_string(),
            value: table.number(row, value)?,
            count: table.non_negative(row, count)?,
            denominator: table.non_negative(row, denominator)?,
        });
    }
    points.sort_by(|a, b| {
        (&a.period, &a.category_type, &a.category).cmp(&(&b.period, &b.category_type, &b.category))
    });
    Ok(points)
}
