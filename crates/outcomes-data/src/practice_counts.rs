//! A CSV with one row per GP practice and a count and denominator for one period (such as
//! PHE's cervical screening coverage by practice), summed to networks, localities and the
//! borough with practices placed by a period of the practice → network membership file.

use std::collections::BTreeMap;

use outcomes_core::model::{AreaLevel, ValueType};
use serde::Deserialize;
use toml::Spanned;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::error::{Error, Location, Result};
use crate::lookup::Assignments;
use crate::observation::Observation;
use crate::qof::Membership;
use crate::table::Table;

/// `[input.practice_counts]`: one period's counts by practice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the sources folder.
    pub file: String,
    /// The column of practice codes.
    pub practice_column: String,
    /// The count column.
    pub count_column: String,
    /// The denominator column.
    pub denominator_column: String,
    /// The file's one period.
    pub period: Spanned<String>,
    /// `practice_pcn_membership_by_period_th.csv`.
    pub membership_file: String,
    /// Periods of the membership file tried in order for each practice; a practice none of
    /// them lists is counted in the borough only.
    pub membership: Vec<String>,
    /// Networks that merged into another (old code → the code `areas.csv` lists).
    #[serde(default)]
    pub merged_pcns: BTreeMap<String, String>,
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        vec![
            InputFile::Sources(&self.file),
            InputFile::Sources(&self.membership_file),
        ]
    }

    fn aggregate_from(&self) -> Option<AreaLevel> {
        Some(AreaLevel::Practice)
    }

    fn assigns_itself(&self) -> bool {
        true
    }

    fn check(&self, value_type: ValueType) -> std::result::Result<(), Problem> {
        Problem::check_period(&self.period)?;
        if value_type != ValueType::Proportion {
            return Err(Problem::section(
                "a practice_counts input gives a count out of a denominator; expected \
                 value_type = \"proportion\"",
            ));
        }
        let columns = [
            &self.practice_column,
            &self.count_column,
            &self.denominator_column,
        ];
        if columns.iter().any(|c| c.is_empty()) {
            return Err(Problem::section(
                "a practice_counts input needs practice_column, count_column and \
                 denominator_column",
            ));
        }
        if self.membership.is_empty() || self.membership.iter().any(String::is_empty) {
            return Err(Problem::section(format!(
                "a practice_counts input needs membership, the periods of {} that place its \
                 practices",
                self.membership_file
            )));
        }
        Ok(())
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        let path = context.path(InputFile::Sources(&self.file));
        let membership = Membership::read(
            &context.path(InputFile::Sources(&self.membership_file)),
            &self.merged_pcns,
        )?;
        let table = Table::read(&path)?;
        let practice = table.column(&self.practice_column)?;
        let count_col = table.column(&self.count_column)?;
        let denominator_col = table.column(&self.denominator_column)?;
        let period = self.period.get_ref();
        let mut observations = Vec::new();
        let mut placed = BTreeMap::new();
        let mut seen: BTreeMap<String, u64> = BTreeMap::new();
        for row in table.rows() {
            let code = table.get(row, practice);
            if code.is_empty() {
                return Err(Error::invalid(
                    table.at(row, practice),
                    "empty practice code; expected a code such as F84012",
                ));
            }
            if let Some(&first_line) = seen.get(code) {
                return Err(Error::ConflictingDuplicate {
                    at: Location::line(&path, row.line()),
                    area: code.to_string(),
                    period: period.clone(),
                    first_line,
                });
            }
            seen.insert(code.to_string(), row.line());
            let count = table.count(row, count_col)?;
            let denominator = table.count(row, denominator_col)?;
            if count > denominator {
                return Err(Error::CountAboveDenominator {
                    at: table.at(row, count_col),
                    count,
                    denominator,
                });
            }
            let area = membership.place(&self.membership, code, context, &path)?;
            placed.insert(code.to_string(), area);
            let mut obs = Observation::new(code, period, &path, row.line()).with_columns(
                table.name(practice),
                table.name(count_col),
                table.name(denominator_col),
            );
            obs.base = true;
            obs.count = Some(count);
            obs.denominator = Some(denominator);
            observations.push(obs);
        }
        Ok(SourceRead {
            observations,
            assignments: Some(Assignments {
                id: format!("{} ({})", self.membership_file, self.membership.join(", ")),
                by_period: BTreeMap::from([(period.clone(), placed)]),
                ..Assignments::default()
            }),
            ..SourceRead::default()
        })
    }
}
