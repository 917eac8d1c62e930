//! `areas.csv`: the places the explorer publishes, in display order, and the hierarchy that
//! aggregation walks up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use outcomes_core::model::{Area, AreaLevel};
use serde::de::IntoDeserializer;
use serde::Deserialize;

use crate::error::{Error, Location, Result};
use crate::table::Table;

/// The areas of the publisher folder, validated: unique codes, known parents and lookups, no
/// loops, and every parent a wider area than its child.
#[derive(Debug, Clone)]
pub struct Areas {
    list: Vec<Area>,
    index: BTreeMap<String, usize>,
}

impl Areas {
    /// Reads and validates `areas.csv`. `lookup_ids` are the lookups that rows may name.
    pub fn read(path: &Path, lookup_ids: &BTreeSet<String>) -> Result<Areas> {
        let table = Table::read(path)?;
        let code_col = table.column("code")?;
        let name_col = table.column("name")?;
        let level_col = table.column("level")?;
        let parent_col = table.column("parent")?;
        let lookup_col = table.column("lookup")?;

        let mut list = Vec::new();
        let mut index = BTreeMap::new();
        for row in table.rows() {
            let code = table.get(row, code_col);
            if code.is_empty() {
                return Err(Error::invalid(
                    table.at(row, code_col),
                    "empty code; expected an area code",
                ));
            }
            if index.insert(code.to_string(), list.len()).is_some() {
                return Err(Error::invalid(
                    table.at(row, code_col),
                    format!("area {code} is listed twice; expected each code once"),
                ));
            }
            let name = table.get(row, name_col);
            if name.is_empty() {
                return Err(Error::invalid(
                    table.at(row, name_col),
                    "empty name; expected the area's name",
                ));
            }
            let level_text = table.get(row, level_col);
            // Output areas and MSOAs are read from sources and summed, never published.
            let level = parse_level(level_text)
                .filter(|l| !matches!(l, AreaLevel::Oa | AreaLevel::Msoa))
                .ok_or_else(|| {
                    Error::invalid(
                        table.at(row, level_col),
                        format!(
                            "unknown level \"{level_text}\"; expected one of england, region, \
                         borough, locality, pcn, practice, ward, lsoa"
                        ),
                    )
                })?;
            let lookup = non_empty(table.get(row, lookup_col));
            if let Some(id) = &lookup {
                if !lookup_ids.contains(id) {
                    return Err(Error::invalid(
                        table.at(row, lookup_col),
                        format!("unknown lookup \"{id}\"; expected an id defined in lookups.toml"),
                    ));
                }
            }
            list.push(Area {
                code: code.to_string(),
                name: name.to_string(),
                level,
                parent: non_empty(table.get(row, parent_col)),
                lookup,
            });
        }

        let areas = Areas { list, index };
        // Parents are checked once every row is known, since a parent may come later in
        // the file.
        for (area, row) in areas.list.iter().zip(table.rows()) {
            let at = || table.at(row, parent_col);
            let Some(parent) = &area.parent else { continue };
            if !areas.index.contains_key(parent) {
                return Err(Error::UnknownArea {
                    at: at(),
                    code: parent.clone(),
                    expected: "the code of another row of areas.csv, or an empty parent".into(),
                });
            }
            areas.check_no_cycle(area, at())?;
        }
        for (area, row) in areas.list.iter().zip(table.rows()) {
            if let Some(parent) = areas.parent(&area.code) {
                if parent.level >= area.level {
                    return Err(Error::invalid(
                        table.at(row, parent_col),
                        format!(
                            "{} ({:?}) cannot sit within {} ({:?}); expected a wider area as parent",
                            area.code, area.level, parent.code, parent.level
                        ),
                    ));
                }
            }
        }
        Ok(areas)
    }

    /// The areas in file order.
    pub fn list(&self) -> &[Area] {
        &self.list
    }

    /// The area with this code.
    pub fn get(&self, code: &str) -> Option<&Area> {
        self.index.get(code).map(|&i| &self.list[i])
    }

    /// The position of an area in file order, which is the display order.
    pub fn order(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    /// The area an area sits within.
    pub fn parent(&self, code: &str) -> Option<&Area> {
        self.get(code)?.parent.as_deref().and_then(|p| self.get(p))
    }

    /// The areas above `code`, nearest first. Ends because `read` refused loops.
    pub fn ancestors<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Area> + 'a {
        std::iter::successors(self.parent(code), move |a| self.parent(&a.code))
    }

    /// Places `code` in `parent` on the evidence of lookup `lookup`, for a lookup the tool
    /// derives. The new parent must be a wider area within the old one (a ward of the borough
    /// can move into one of the borough's localities), so every chain still ends where it did.
    pub fn place(&mut self, code: &str, parent: &str, lookup: &str) -> Result<(), String> {
        let (Some(&i), Some(target)) = (self.index.get(code), self.get(parent)) else {
            return Err(format!(
                "cannot place {code} in {parent}; expected both in areas.csv"
            ));
        };
        let area = &self.list[i];
        let within_old = match &area.parent {
            Some(old) => target.code == *old || self.ancestors(parent).any(|a| a.code == *old),
            None => true,
        };
        if target.level >= area.level || !within_old {
            return Err(format!(
                "cannot place {code} ({:?}) in {parent} ({:?}); expected a wider area within \
                 its parent in areas.csv",
                area.level, target.level
            ));
        }
        let area = &mut self.list[i];
        area.parent = Some(parent.to_string());
        area.lookup = Some(lookup.to_string());
        Ok(())
    }

    fn check_no_cycle(&self, start: &Area, at: Location) -> Result<()> {
        let mut seen = vec![start.code.as_str()];
        let mut current = start;
        while let Some(parent) = current.parent.as_deref().and_then(|p| self.get(p)) {
            let looped = seen.contains(&parent.code.as_str());
            seen.push(&parent.code);
            if looped {
                return Err(Error::AreaCycle {
                    at,
                    chain: seen.join(" → "),
                });
            }
            current = parent;
        }
        Ok(())
    }
}

/// An area level by its published (snake_case) name.
fn parse_level(text: &str) -> Option<AreaLevel> {
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        text.into_deserializer();
    AreaLevel::deserialize(de).ok()
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_by_their_published_names() {
        assert_eq!(parse_level("pcn"), Some(AreaLevel::Pcn));
        assert_eq!(parse_level("england"), Some(AreaLevel::England));
        assert_eq!(parse_level("PCN"), None);
    }
}
