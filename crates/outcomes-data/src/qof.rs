//! NHS Digital's QOF prevalence files, one per year: each practice's disease register and the
//! list size of the register's own age group (`PATIENT_LIST_TYPE`). One input reads one
//! register (`GROUP_CODE`) over several years, places each year's practices in the network
//! of that year's membership, and adds the England sums of the derived totals file.

use std::collections::BTreeMap;

use outcomes_core::model::{AreaLevel, ValueType, BOROUGH_CODE, ENGLAND_CODE};
use outcomes_core::stats::{self, Confidence};
use serde::Deserialize;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::error::{Error, Location, Result};
use crate::lookup::Assignments;
use crate::observation::Observation;
use crate::period;
use crate::table::{Col, Table};

/// `[input.qof_prevalence]`: one register over the QOF years listed in `years`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// The register, as the files' `GROUP_CODE` (`INDICATOR_GROUP_CODE` before 2019-20)
    /// writes it: `DM`, `HYP`.
    pub group: String,
    /// `practice_pcn_membership_by_period_th.csv`: practice → PCN in each mapping period.
    pub membership_file: String,
    /// `practice_qof_prevalence_england_totals_derived.csv`: England sums per year and group.
    pub england_file: String,
    /// Networks that merged into another (old code → the code the explorer lists), so that a
    /// year's practices are counted in the network they are part of today.
    #[serde(default)]
    pub merged_pcns: BTreeMap<String, String>,
    /// Each QOF year (`2019/20`) with its file and the membership periods that place its
    /// practices, tried in order.
    pub years: BTreeMap<String, Year>,
}

/// One QOF year of an input.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Year {
    /// The year's practice file in the sources folder.
    pub file: String,
    /// Periods of the membership file (`QOF 2019-20`), tried in order for each practice. A
    /// practice none of them lists is counted in the borough only.
    pub membership: Vec<String>,
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        let mut files: Vec<InputFile> = self
            .years
            .values()
            .map(|y| InputFile::Sources(&y.file))
            .collect();
        files.push(InputFile::Sources(&self.membership_file));
        files.push(InputFile::Sources(&self.england_file));
        files
    }

    fn aggregate_from(&self) -> Option<AreaLevel> {
        Some(AreaLevel::Practice)
    }

    fn assigns_itself(&self) -> bool {
        true
    }

    fn check(&self, value_type: ValueType) -> std::result::Result<(), Problem> {
        if value_type != ValueType::Proportion {
            return Err(Problem::section(
                "a qof_prevalence input gives a register out of a list size; expected \
                 value_type = \"proportion\"",
            ));
        }
        if self.group.is_empty() || !self.group.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Problem::section(format!(
                "group \"{}\" is not a QOF group code; expected letters and digits such as DM",
                self.group
            )));
        }
        if self.years.is_empty() {
            return Err(Problem::section(
                "a qof_prevalence input needs at least one entry in years",
            ));
        }
        for (key, year) in &self.years {
            if !is_financial_year(key) {
                return Err(Problem::section(format!(
                    "cannot read the year \"{key}\" in years; expected a financial year such \
                     as 2019/20"
                )));
            }
            if year.membership.is_empty() || year.membership.iter().any(String::is_empty) {
                return Err(Problem::section(format!(
                    "years.\"{key}\" needs membership, the periods of {} that place its \
                     practices",
                    self.membership_file
                )));
            }
        }
        Ok(())
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        let membership = Membership::read(
            &context.path(InputFile::Sources(&self.membership_file)),
            &self.merged_pcns,
        )?;
        let england_path = context.path(InputFile::Sources(&self.england_file));
        let england = england_rows(&england_path, &self.group)?;
        let mut read = SourceRead {
            assignments: Some(Assignments {
                id: format!("{} (QOF year's own membership)", self.membership_file),
                ..Assignments::default()
            }),
            ..SourceRead::default()
        };
        let mut previous: Option<(String, String)> = None;
        for (period, year) in &self.years {
            let path = context.path(InputFile::Sources(&year.file));
            let rows = register_rows(&path, &self.group, period)?;
            let mut placed = BTreeMap::new();
            for row in &rows.practices {
                let area = membership.place(&year.membership, &row.obs.area, context, &path)?;
                placed.insert(row.obs.area.clone(), area);
            }
            if let Some(assignments) = &mut read.assignments {
                assignments.by_period.insert(period.clone(), placed);
            }
            let list_type = rows.list_type.clone();
            match england.get(&hyphenated(period)) {
                Some(row) if row.list_type != list_type => {
                    return Err(Error::invalid(
                        row.at_list_type.clone(),
                        format!(
                            "England's {} register in {period} counts {} but {} counts {}; \
                             expected the same PATIENT_LIST_TYPE",
                            self.group, row.list_type, year.file, list_type
                        ),
                    ));
                }
                Some(row) => read
                    .observations
                    .push(england_point(row, period, &self.group)?),
                None => {}
            }
            if let Some((before, old)) = &previous {
                if *old != list_type {
                    read.definition_changes.insert(
                        period.clone(),
                        format!(
                            "From {period} the register is counted out of {} ({list_type}); \
                             up to {before} it was out of {} ({old}), so figures either side \
                             are not comparable.",
                            describe(&list_type),
                            describe(old)
                        ),
                    );
                }
            }
            previous = Some((period.clone(), list_type));
            read.observations
                .extend(rows.practices.into_iter().map(|r| r.obs));
        }
        Ok(read)
    }
}

/// `2019/20` (only financial years: QOF years run from April).
fn is_financial_year(text: &str) -> bool {
    period::parse(text).is_some_and(|p| p.contains('/'))
}

/// `2019/20` as the totals file writes it, `2019-20`.
fn hyphenated(period: &str) -> String {
    period.replacen('/', "-", 1)
}

/// The population a `PATIENT_LIST_TYPE` counts, in words.
pub fn describe(list_type: &str) -> String {
    match list_type {
        "TOTAL" => "patients of all ages".to_string(),
        other => match other.strip_suffix("OV").and_then(|n| n.parse::<u32>().ok()) {
            Some(age) => format!("patients aged {age} and over"),
            None => format!("the {other} list"),
        },
    }
}

/// One practice's row of one year.
struct PracticeRow {
    obs: Observation,
}

/// The rows of one group in one year's file.
struct YearRows {
    practices: Vec<PracticeRow>,
    /// The one `PATIENT_LIST_TYPE` of the group's rows.
    list_type: String,
}

/// The first of `names` the table has.
fn first_column(table: &Table, names: &[&str]) -> Result<Col> {
    names
        .iter()
        .find_map(|n| table.optional_column(n))
        .map_or_else(|| table.column(names[0]), Ok)
}

/// The group's practice rows of one year's file, with their one list type.
fn register_rows(path: &std::path::Path, group: &str, period: &str) -> Result<YearRows> {
    let table = Table::read(path)?;
    let practice = table.column("PRACTICE_CODE")?;
    let group_col = first_column(&table, &["GROUP_CODE", "INDICATOR_GROUP_CODE"])?;
    let register = table.column("REGISTER")?;
    let list_type_col = table.column("PATIENT_LIST_TYPE")?;
    let list_size = first_column(&table, &["PRACTICE_LIST_SIZE", "PATIENT_LIST_SIZE"])?;
    let mut practices: Vec<PracticeRow> = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut list_type: Option<(String, u64)> = None;
    for row in table.rows() {
        if table.get(row, group_col) != group {
            continue;
        }
        let code = table.get(row, practice);
        if code.is_empty() {
            return Err(Error::invalid(
                table.at(row, practice),
                "empty practice code; expected a code such as F84012",
            ));
        }
        if let Some(&first_line) = seen.get(code) {
            return Err(Error::ConflictingDuplicate {
                at: Location::line(path, row.line()),
                area: code.to_string(),
                period: format!("{period} ({group})"),
                first_line,
            });
        }
        seen.insert(code.to_string(), row.line());
        let this_type = table.get(row, list_type_col);
        match &list_type {
            None => list_type = Some((this_type.to_string(), row.line())),
            Some((first, line)) if first != this_type => {
                return Err(Error::invalid(
                    table.at(row, list_type_col),
                    format!(
                        "found {this_type} but line {line} has {first}; expected one \
                         PATIENT_LIST_TYPE per group and year"
                    ),
                ))
            }
            Some(_) => {}
        }
        // REGISTER is written "45.0" from 2022-23: a count reads both forms.
        let count = table.count(row, register)?;
        let denominator = table.count(row, list_size)?;
        if count > denominator {
            return Err(Error::CountAboveDenominator {
                at: table.at(row, register),
                count,
                denominator,
            });
        }
        let mut obs = Observation::new(code, period, path, row.line()).with_columns(
            table.name(practice),
            table.name(register),
            table.name(list_size),
        );
        obs.base = true;
        obs.count = Some(count);
        obs.denominator = Some(denominator);
        practices.push(PracticeRow { obs });
    }
    let Some((list_type, _)) = list_type else {
        return Err(Error::invalid(
            Location::line(path, 1),
            format!("no rows for group {group}; expected the group's practice rows for {period}"),
        ));
    };
    Ok(YearRows {
        practices,
        list_type,
    })
}

/// One row of the England totals file.
struct EnglandRow {
    list_type: String,
    at_list_type: Location,
    register: f64,
    list_size: f64,
    rows: String,
    at: Location,
}

/// The group's England rows, by year as the file writes it (`2019-20`).
fn england_rows(path: &std::path::Path, group: &str) -> Result<BTreeMap<String, EnglandRow>> {
    let table = Table::read(path)?;
    let year = table.column("qof_year")?;
    let group_col = table.column("GROUP_CODE")?;
    let list_type = table.column("PATIENT_LIST_TYPE")?;
    let register = table.column("REGISTER_sum_all_practices")?;
    let list_size = table.column("LIST_SIZE_sum_all_practices")?;
    let practices = table.column("n_practice_rows")?;
    let mut rows = BTreeMap::new();
    for row in table.rows() {
        if table.get(row, group_col) != group {
            continue;
        }
        let key = table.get(row, year).to_string();
        let parsed = EnglandRow {
            list_type: table.get(row, list_type).to_string(),
            at_list_type: table.at(row, list_type),
            register: table.count(row, register)?,
            list_size: table.count(row, list_size)?,
            rows: table.get(row, practices).to_string(),
            at: table.at(row, list_size),
        };
        if let Some(first) = rows.insert(key.clone(), parsed) {
            return Err(Error::ConflictingDuplicate {
                at: Location::line(path, row.line()),
                area: ENGLAND_CODE.to_string(),
                period: format!("{key} ({group})"),
                first_line: first.at.line,
            });
        }
    }
    Ok(rows)
}

/// England's point for one year, with the explorer's own Wilson intervals.
fn england_point(row: &EnglandRow, period: &str, group: &str) -> Result<Observation> {
    let at = |level| stats::proportion(row.register, row.list_size, 100.0, level);
    let (Some((value, ci95)), Some((_, ci998))) =
        (at(Confidence::Percent95), at(Confidence::Percent99_8))
    else {
        return Err(Error::invalid(
            row.at.clone(),
            format!(
                "cannot compute a proportion from {} out of {}; expected a positive list size",
                row.register, row.list_size
            ),
        ));
    };
    let mut obs = Observation::new(ENGLAND_CODE, period, &row.at.file, row.at.line).with_columns(
        "GROUP_CODE",
        "REGISTER_sum_all_practices",
        "LIST_SIZE_sum_all_practices",
    );
    obs.value = Some(value);
    obs.ci95 = Some(ci95);
    obs.ci998 = Some(ci998);
    obs.count = Some(row.register);
    obs.denominator = Some(row.list_size);
    obs.note = Some(format!(
        "England: the {group} register and list size summed over all {} practice rows of NHS \
         Digital's national file for {period}, derived for this explorer (not a total NHS \
         Digital publishes).",
        row.rows
    ));
    Ok(obs)
}

/// Practice → PCN in each period of the membership file.
pub(crate) struct Membership {
    path: std::path::PathBuf,
    /// period → practice → (PCN after merges, line).
    periods: BTreeMap<String, BTreeMap<String, (String, u64)>>,
}

impl Membership {
    /// Reads the file, with merged networks renamed to the network they are part of.
    pub(crate) fn read(
        path: &std::path::Path,
        merged: &BTreeMap<String, String>,
    ) -> Result<Membership> {
        let table = Table::read(path)?;
        let period = table.column("period")?;
        let practice = table.column("practice_code")?;
        let pcn = table.column("pcn_code")?;
        let mut periods: BTreeMap<String, BTreeMap<String, (String, u64)>> = BTreeMap::new();
        for row in table.rows() {
            let code = table.get(row, pcn);
            let code = merged.get(code).map_or(code, String::as_str);
            let members = periods
                .entry(table.get(row, period).to_string())
                .or_default();
            let practice = table.get(row, practice).to_string();
            if let Some((earlier, line)) = members.get(&practice) {
                if earlier != code {
                    return Err(Error::invalid(
                        table.at(row, pcn),
                        format!(
                            "{practice} is in {code} here but in {earlier} on line {line}; \
                             expected one network per practice and period"
                        ),
                    ));
                }
            }
            members.insert(practice, (code.to_string(), row.line()));
        }
        Ok(Membership {
            path: path.to_path_buf(),
            periods,
        })
    }

    /// The network of `practice` in the first of `periods` that lists it, or the borough
    /// when none does.
    pub(crate) fn place(
        &self,
        periods: &[String],
        practice: &str,
        context: &ReadContext,
        data_file: &std::path::Path,
    ) -> Result<String> {
        for name in periods {
            let Some(members) = self.periods.get(name) else {
                return Err(Error::invalid(
                    Location::line(&self.path, 1),
                    format!(
                        "no rows for the period \"{name}\" that {} is placed by; expected \
                         one of: {}",
                        data_file.display(),
                        self.periods.keys().cloned().collect::<Vec<_>>().join(", ")
                    ),
                ));
            };
            if let Some((pcn, line)) = members.get(practice) {
                return match context.areas.get(pcn) {
                    Some(area) if area.level == AreaLevel::Pcn => Ok(pcn.clone()),
                    _ => Err(Error::UnknownArea {
                        at: Location::cell(&self.path, *line, "pcn_code"),
                        code: pcn.clone(),
                        expected: "a PCN of areas.csv, or an entry of merged_pcns naming one"
                            .to_string(),
                    }),
                };
            }
        }
        Ok(BOROUGH_CODE.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_types_are_described_in_words() {
        assert_eq!(describe("TOTAL"), "patients of all ages");
        assert_eq!(describe("06OV"), "patients aged 6 and over");
        assert_eq!(describe("17OV"), "patients aged 17 and over");
    }

    #[test]
    fn only_financial_years_are_qof_years() {
        assert!(is_financial_year("2019/20"));
        assert!(!is_financial_year("2019"));
        assert!(!is_financial_year("2019-20"));
        assert_eq!(hyphenated("2019/20"), "2019-20");
    }
}
