//! Lookups whose rows live in a source file, such as NHS Digital's practice → PCN mapping.

use std::collections::BTreeMap;
use std::path::Path;

use crate::areas::Areas;
use crate::error::{Error, Result};
use crate::publisher::LookupDef;
use crate::table::Table;

/// A lookup read from its source file: smaller area code → code of the area it sits within.
#[derive(Debug, Clone, Default)]
pub struct Assignments {
    /// The lookup's id, for error messages.
    pub id: String,
    pub map: BTreeMap<String, String>,
    /// Placements that hold in one period only (period → code → area), such as each QOF
    /// year's practice → network membership. A period listed here is placed by its own map
    /// alone; `map` serves the periods not listed.
    pub by_period: BTreeMap<String, BTreeMap<String, String>>,
}

impl Assignments {
    /// The area `code` sits within in `period`, if the lookup places it.
    pub fn place(&self, period: &str, code: &str) -> Option<&String> {
        match self.by_period.get(period) {
            Some(map) => map.get(code),
            None => self.map.get(code),
        }
    }
}

/// Reads the rows of a lookup that has an input file. Every target must be an area of
/// `areas.csv` at the lookup's `to_level` (a name in a column of names must be one of
/// `to_names`); a code assigned twice must be assigned alike.
pub fn read(sources: &Path, def: &LookupDef, areas: &Areas) -> Result<Option<Assignments>> {
    let Some(input) = &def.input else {
        return Ok(None);
    };
    let table = Table::read(&sources.join(&input.file))?;
    let from_col = table.column(&input.from_column)?;
    let to_col = input
        .to_column
        .as_deref()
        .map(|c| table.column(c))
        .transpose()?;
    let mut map: BTreeMap<String, (String, u64)> = BTreeMap::new();
    for row in table.rows() {
        let from = table.get(row, from_col);
        let (to, at) = match (to_col, &input.to_area) {
            (Some(c), _) => (table.get(row, c), table.at(row, c)),
            (None, Some(area)) => (area.get_ref().as_str(), table.at(row, from_col)),
            // Refused when the publisher folder was read.
            (None, None) => continue,
        };
        // An empty target means the area was not in the lookup at its date (for example a
        // practice that had closed); data for it will fail later as an unknown area.
        if from.is_empty() || to.is_empty() {
            continue;
        }
        let to = if input.to_names.is_empty() {
            to
        } else {
            match input.to_names.get(to) {
                Some(code) => code.get_ref().as_str(),
                None => {
                    return Err(Error::invalid(
                        at,
                        format!(
                            "\"{to}\" is not in the lookup's to_names; expected one of the \
                             names it lists"
                        ),
                    ))
                }
            }
        };
        match areas.get(to) {
            Some(area) if area.level == input.to_level => {}
            _ => {
                return Err(Error::UnknownArea {
                    at,
                    code: to.to_string(),
                    expected: format!("an area of level {:?} in areas.csv", input.to_level),
                })
            }
        }
        if let Some((earlier, line)) = map.get(from) {
            if earlier != to {
                return Err(Error::invalid(
                    at,
                    format!(
                        "{from} is placed in {to} here but in {earlier} on line {line}; \
                         expected one place per code"
                    ),
                ));
            }
        }
        map.insert(from.to_string(), (to.to_string(), row.line()));
    }
    Ok(Some(Assignments {
        id: def.lookup.id.clone(),
        map: map.into_iter().map(|(k, (v, _))| (k, v)).collect(),
        by_period: BTreeMap::new(),
    }))
}
