//! Census 2021 tables as the `humaniverse/demographr` package reshapes them ("long"): one
//! row per small area and category, with the area's code (`lsoa21_code`, `oa21_code`,
//! `msoa21_code`), the area's total repeated on each row, the category and its count `n`.
//! Each area becomes one base observation (the numerator categories' counts out of the
//! total), summed to wards or the borough through the indicator's lookup from that level.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use outcomes_core::model::{AreaLevel, ValueType};
use serde::Deserialize;
use toml::Spanned;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::census_wide::check_level_and_type;
use crate::error::{Error, Location, Result};
use crate::observation::Observation;
use crate::table::Table;

/// `[input.census_long]`: a demographr census table, one row per area and category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the sources folder.
    pub file: String,
    /// The column of small-area codes, such as `lsoa21_code`.
    pub code_column: String,
    /// The level of the rows (`lsoa`, `msoa` or `oa`), read through the indicator's lookup
    /// from that level.
    pub aggregate_from: AreaLevel,
    /// The column of the area's total (the denominator), such as `total_households`.
    pub total_column: String,
    /// The column naming the category, such as `occupancy_rating`.
    pub category_column: String,
    /// The column of the category's count.
    #[serde(default = "n")]
    pub count_column: String,
    /// The categories counted, summed, exactly as the file writes them.
    pub numerator_categories: Vec<String>,
    /// The census year.
    pub period: Spanned<String>,
}

fn n() -> String {
    "n".to_string()
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
        if self.numerator_categories.is_empty() {
            return Err(Problem::section(
                "a census_long input needs numerator_categories",
            ));
        }
        let unique: BTreeSet<&String> = self.numerator_categories.iter().collect();
        if unique.len() != self.numerator_categories.len() {
            return Err(Problem::section(
                "a category is listed twice in numerator_categories; expected each once",
            ));
        }
        Ok(())
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        Ok(read(&context.path(InputFile::Sources(&self.file)), self)?.into())
    }
}

/// What one area's rows add up to so far.
struct AreaSum {
    line: u64,
    total: f64,
    parts: f64,
    count: f64,
    categories: BTreeSet<String>,
}

/// Reads one base observation per area. Every area's rows must repeat one total, name each
/// category once and add up to the total exactly; each numerator category must be among
/// every area's categories.
pub fn read(path: &Path, input: &Input) -> Result<Vec<Observation>> {
    let table = Table::read(path)?;
    let code_col = table.column(&input.code_column)?;
    let total_col = table.column(&input.total_column)?;
    let category_col = table.column(&input.category_column)?;
    let count_col = table.column(&input.count_column)?;
    let wanted: BTreeSet<&str> = input
        .numerator_categories
        .iter()
        .map(String::as_str)
        .collect();
    let mut areas: BTreeMap<String, AreaSum> = BTreeMap::new();
    for row in table.rows() {
        let code = table.get(row, code_col);
        if code.is_empty() {
            return Err(Error::invalid(
                table.at(row, code_col),
                "empty code; expected a small-area code",
            ));
        }
        let total = table.count(row, total_col)?;
        let n = table.count(row, count_col)?;
        let category = table.get(row, category_col);
        let area = areas.entry(code.to_string()).or_insert_with(|| AreaSum {
            line: row.line(),
            total,
            parts: 0.0,
            count: 0.0,
            categories: BTreeSet::new(),
        });
        if area.total != total {
            return Err(Error::invalid(
                table.at(row, total_col),
                format!(
                    "{code} has total {total} here but {} on line {}; expected one total per area",
                    area.total, area.line
                ),
            ));
        }
        if !area.categories.insert(category.to_string()) {
            return Err(Error::invalid(
                table.at(row, category_col),
                format!("{code} has \"{category}\" twice; expected each category once per area"),
            ));
        }
        area.parts += n;
        if wanted.contains(category) {
            area.count += n;
        }
    }
    let period = input.period.get_ref();
    let mut observations = Vec::new();
    for (code, area) in areas {
        if let Some(missing) = wanted.iter().find(|c| !area.categories.contains(**c)) {
            return Err(Error::invalid(
                Location::cell(path, area.line, table.name(category_col)),
                format!(
                    "{code} has no row for \"{missing}\"; expected every numerator category, \
                     written exactly as the file writes it, for every area"
                ),
            ));
        }
        if area.parts != area.total {
            return Err(Error::invalid(
                Location::cell(path, area.line, table.name(total_col)),
                format!(
                    "the categories of {code} add up to {}, not to its total {}; expected \
                     categories that divide the total exactly",
                    area.parts, area.total
                ),
            ));
        }
        let mut obs = Observation::new(&code, period, path, area.line).with_columns(
            table.name(code_col),
            table.name(count_col),
            table.name(total_col),
        );
        obs.base = true;
        obs.count = Some(area.count);
        obs.denominator = Some(area.total);
        observations.push(obs);
    }
    Ok(observations)
}
