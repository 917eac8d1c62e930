//! `tower_hamlets_headline_figures_from_pages.csv`: figures transcribed by hand from council
//! and PCN web pages, each with the period as the page states it and, sometimes, an England
//! figure quoted beside it.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{ValueType, ENGLAND_CODE};
use serde::Deserialize;

use crate::adapter::{InputFile, Problem, ReadContext, SourceAdapter, SourceRead};
use crate::areas::Areas;
use crate::error::{Error, Result};
use crate::observation::Observation;
use crate::table::Table;

/// `[input.headline_figures]`: the rows of the headline-figures file for one metric.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// File name inside the sources folder.
    pub file: String,
    /// Keep only rows whose column (key) has this text (value); `metric` is required.
    pub filter: BTreeMap<String, String>,
}

impl SourceAdapter for Input {
    fn files(&self) -> Vec<InputFile<'_>> {
        vec![InputFile::Sources(&self.file)]
    }

    fn check(&self, _: ValueType) -> std::result::Result<(), Problem> {
        if !self.filter.contains_key("metric") {
            return Err(Problem::section(
                "a headline_figures input needs filter.metric",
            ));
        }
        Ok(())
    }

    fn read(&self, context: &ReadContext) -> Result<SourceRead> {
        let path = context.path(InputFile::Sources(&self.file));
        Ok(read(&path, self, context.areas)?.into())
    }
}

/// Reads the rows whose columns match the input's filter (at least `metric`). The area is
/// found by its name in `areas.csv`. The period is the last four-digit year in
/// `period_as_stated`; rows whose page states no year are left out, since their period is
/// unknown. Each point carries the period as stated and the file's notes; the England figure
/// quoted beside it becomes an England point with the same period.
pub fn read(path: &Path, input: &Input, areas: &Areas) -> Result<Vec<Observation>> {
    let table = Table::read(path)?;
    let area_col = table.column("area")?;
    let value_col = table.column("value")?;
    let period_col = table.column("period_as_stated")?;
    let comparator_col = table.column("comparator")?;
    let comparator_value = table.column("comparator_value")?;
    let notes_col = table.column("notes")?;
    let filters = input
        .filter
        .iter()
        .map(|(c, v)| Ok((table.column(c)?, v.as_str())))
        .collect::<Result<Vec<_>>>()?;
    let mut observations = Vec::new();
    for row in table.rows() {
        if !filters.iter().all(|&(c, v)| table.get(row, c) == v) {
            continue;
        }
        let stated = table.get(row, period_col);
        let Some(year) = stated_year(stated) else {
            continue;
        };
        let name = table.get(row, area_col);
        let Some(area) = areas.list().iter().find(|a| a.name == name) else {
            return Err(Error::UnknownArea {
                at: table.at(row, area_col),
                code: name.to_string(),
                expected: "the name of an area in areas.csv".into(),
            });
        };
        let notes = table.get(row, notes_col);
        let mut note = format!("Period as stated on the page: \"{stated}\".");
        if !notes.is_empty() {
            note.push(' ');
            note.push_str(notes);
            if !notes.ends_with('.') {
                note.push('.');
            }
        }
        let mut obs = Observation::new(&area.code, &year, path, row.line())
            .with_columns("area", "value", "value");
        obs.value = table.number(row, value_col)?;
        obs.note = Some(note);
        observations.push(obs);

        let comparator = table.get(row, comparator_col);
        if comparator.starts_with("England") {
            let mut england = Observation::new(ENGLAND_CODE, &year, path, row.line()).with_columns(
                "comparator",
                "comparator_value",
                "comparator_value",
            );
            england.value = table.number(row, comparator_value)?;
            england.note = Some(format!(
                "England figure as quoted on the same page (\"{comparator}\"); period as stated \
                 there: \"{stated}\"."
            ));
            if england.value.is_some() {
                observations.push(england);
            }
        }
    }
    Ok(observations)
}

/// The year a page states, or `None` when it says the period is not stated.
fn stated_year(text: &str) -> Option<String> {
    if text.trim().to_lowercase().starts_with("not stated") {
        return None;
    }
    last_year(text)
}

/// The last run of exactly four digits in `text`, such as `2019` in "ONS, 2019".
fn last_year(text: &str) -> Option<String> {
    let mut found = None;
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            if run.len() == 4 {
                found = Some(run.clone());
            }
            run.clear();
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{last_year, stated_year};

    #[test]
    fn the_stated_year_is_found() {
        assert_eq!(last_year("ONS, 2019").as_deref(), Some("2019"));
        assert_eq!(last_year("2014").as_deref(), Some("2014"));
        assert_eq!(last_year("not stated"), None);
        assert_eq!(last_year("12345"), None);
        assert_eq!(
            stated_year("not stated (page is 'Adult social care 2018-19')"),
            None
        );
    }
}
