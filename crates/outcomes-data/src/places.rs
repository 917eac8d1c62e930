//! `places.toml`: the files behind "find my area". Wards' former names and the borough's GP
//! practices go into `places.json`; the postcode lookup is split into one file per postcode
//! district (`postcodes/E14.json`), so the page fetches only the district a person typed.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{AreaLevel, SCHEMA_VERSION};
use outcomes_core::places::{FormerName, Places, PostcodeDistrict, PostcodeLookup, Practice};
use outcomes_core::postcode::Postcode;
use serde::Deserialize;

use crate::areas::Areas;
use crate::error::{Error, Result};
use crate::publisher::{SourceEntry, TomlFile};
use crate::table::Table;

/// The file name in the publisher folder.
pub const INPUT: &str = "places.toml";
/// Where the place index is published, relative to the output folder.
pub const OUTPUT: &str = "places.json";
/// The folder of the postcode district files, relative to the output folder.
const POSTCODE_FOLDER: &str = "postcodes";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    former_names: FormerNames,
    practices: Practices,
    postcodes: Postcodes,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormerNames {
    file: String,
    code_column: String,
    name_column: String,
    /// When the names went out of use, as a person reads it (`May 2022`).
    until: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Practices {
    /// The practice → PCN membership file, one period of which is the current mapping.
    file: String,
    period: String,
    source: SourceEntry,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Postcodes {
    file: String,
    postcode_column: String,
    ward_column: String,
    release: String,
    attribution: Vec<String>,
    source: SourceEntry,
}

/// The place index and the postcode districts, by district.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceFiles {
    pub places: Places,
    pub districts: Vec<PostcodeDistrict>,
}

impl PlaceFiles {
    /// Where a district's file is published, relative to the output folder.
    pub fn district_path(district: &PostcodeDistrict) -> String {
        format!("{POSTCODE_FOLDER}/{}.json", district.district)
    }
}

/// Reads `places.toml`, if there is one, and the files it names.
pub fn read(publisher: &Path, sources: &Path, areas: &Areas) -> Result<Option<PlaceFiles>> {
    let path = publisher.join(INPUT);
    if !path.exists() {
        return Ok(None);
    }
    let toml = TomlFile::read(&path)?;
    let config: File = toml.parse()?;
    let former_names = former_names(sources, &config.former_names, areas)?;
    let practices = practices(sources, &config.practices, areas, &toml)?;
    let districts = districts(sources, &config.postcodes, areas)?;
    let places = Places {
        schema_version: SCHEMA_VERSION,
        former_names,
        practices,
        practices_source: config.practices.source.into(),
        postcodes: PostcodeLookup {
            folder: POSTCODE_FOLDER.to_string(),
            districts: districts.iter().map(|d| d.district.clone()).collect(),
            release: config.postcodes.release,
            source: config.postcodes.source.into(),
            attribution: config.postcodes.attribution,
        },
    };
    Ok(Some(PlaceFiles { places, districts }))
}

/// An area of `level` in areas.csv, or an error at the cell that names another.
fn known(
    areas: &Areas,
    table: &Table,
    row: &crate::table::Row,
    col: crate::table::Col,
    level: AreaLevel,
    expected: &str,
) -> Result<String> {
    let code = table.get(row, col);
    match areas.get(code) {
        Some(area) if area.level == level => Ok(code.to_string()),
        _ => Err(Error::UnknownArea {
            at: table.at(row, col),
            code: code.to_string(),
            expected: expected.to_string(),
        }),
    }
}

fn former_names(sources: &Path, config: &FormerNames, areas: &Areas) -> Result<Vec<FormerName>> {
    let table = Table::read(&sources.join(&config.file))?;
    let code = table.column(&config.code_column)?;
    let name = table.column(&config.name_column)?;
    let mut out = Vec::new();
    for row in table.rows() {
        let area = known(
            areas,
            &table,
            row,
            code,
            AreaLevel::Ward,
            "a ward of areas.csv",
        )?;
        let former = table.get(row, name).trim();
        let current = areas
            .get(&area)
            .map(|a| a.name.as_str())
            .unwrap_or_default();
        if !former.is_empty() && former != current {
            out.push(FormerName {
                area,
                name: former.to_string(),
                until: config.until.clone(),
            });
        }
    }
    Ok(out)
}

fn practices(
    sources: &Path,
    config: &Practices,
    areas: &Areas,
    toml: &TomlFile,
) -> Result<Vec<Practice>> {
    let table = Table::read(&sources.join(&config.file))?;
    let period = table.column("period")?;
    let code = table.column("practice_code")?;
    let name = table.column("practice_name")?;
    let pcn = table.column("pcn_code")?;
    let mut out: Vec<Practice> = Vec::new();
    for row in table
        .rows()
        .iter()
        .filter(|r| table.get(r, period) == config.period)
    {
        let practice = table.get(row, code).to_string();
        if out.iter().any(|p| p.code == practice) {
            return Err(Error::invalid(
                table.at(row, code),
                format!(
                    "practice {practice} is listed twice in {}; expected once",
                    config.period
                ),
            ));
        }
        out.push(Practice {
            name: display_name(table.get(row, name)),
            pcn: known(
                areas,
                &table,
                row,
                pcn,
                AreaLevel::Pcn,
                "a GP network (level pcn) of areas.csv",
            )?,
            code: practice,
        });
    }
    if out.is_empty() {
        let quoted = format!("\"{}\"", config.period);
        return Err(Error::invalid(
            toml.at(toml.text().find(&quoted).unwrap_or(0)),
            format!(
                "no row of {} has the period {}; expected the current mapping's period",
                config.file, config.period
            ),
        ));
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// A practice name as NHS England's capitals (`THE MISSION PRACTICE`) in the case people
/// write it (`The Mission Practice`). Words with a digit (`E1`) or of one repeated letter
/// (`XX Place`) keep their capitals.
fn display_name(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let repeated = word.len() > 1 && word.chars().all(|c| word.starts_with(c));
            if word.chars().any(|c| c.is_ascii_digit()) || repeated {
                return word.to_string();
            }
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn districts(sources: &Path, config: &Postcodes, areas: &Areas) -> Result<Vec<PostcodeDistrict>> {
    let table = Table::read(&sources.join(&config.file))?;
    let postcode = table.column(&config.postcode_column)?;
    let ward = table.column(&config.ward_column)?;
    let mut by_district: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut lines: BTreeMap<Postcode, u64> = BTreeMap::new();
    for row in table.rows() {
        let typed = table.get(row, postcode);
        let parsed = Postcode::parse(typed).map_err(|_| {
            Error::invalid(
                table.at(row, postcode),
                format!("cannot read \"{typed}\" as a postcode; expected one such as E14 2BG"),
            )
        })?;
        if let Some(first) = lines.insert(parsed.clone(), row.line()) {
            return Err(Error::invalid(
                table.at(row, postcode),
                format!(
                    "postcode {parsed} is listed again (first on line {first}); expected each once"
                ),
            ));
        }
        let ward = known(
            areas,
            &table,
            row,
            ward,
            AreaLevel::Ward,
            "a ward of areas.csv",
        )?;
        by_district
            .entry(parsed.district().to_string())
            .or_default()
            .insert(parsed.inward().to_string(), ward);
    }
    // Districts in the order people know them: E1, E1W, E2, E3, E8 … E98, then EC2M.
    let mut districts: Vec<PostcodeDistrict> = by_district
        .into_iter()
        .map(|(district, wards)| PostcodeDistrict {
            schema_version: SCHEMA_VERSION,
            district,
            wards,
        })
        .collect();
    districts.sort_by_key(|d| district_order(&d.district));
    Ok(districts)
}

/// Sorts districts by area letters, then district number, then any letter after it.
fn district_order(district: &str) -> (String, u32, String) {
    let letters: String = district
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let rest = &district[letters.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().unwrap_or(0);
    (letters, number, rest[digits.len()..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn practice_names_are_written_as_people_write_them() {
        assert_eq!(display_name("THE MISSION PRACTICE"), "The Mission Practice");
        assert_eq!(display_name("HEALTH E1"), "Health E1");
        assert_eq!(
            display_name("XX PLACE HEALTH CENTRE"),
            "XX Place Health Centre"
        );
        assert_eq!(
            display_name("ST. KATHERINE'S DOCK PRACTICE"),
            "St. Katherine's Dock Practice"
        );
    }

    #[test]
    fn districts_sort_as_people_know_them() {
        let mut districts = vec!["E98", "EC3N", "E14", "E1W", "E2", "E1", "EC2M", "E9"];
        districts.sort_by_key(|d| district_order(d));
        assert_eq!(
            districts,
            ["E1", "E1W", "E2", "E9", "E14", "E98", "EC2M", "EC3N"]
        );
    }
}
