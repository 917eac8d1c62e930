//! `population.toml`: the patients registered with each GP network's practices by age band
//! and sex (NHS England's PCN rows), summed by the explorer to localities and the borough,
//! published as `population/registered.json` for the locality profiles' population pyramid.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{
    AreaLevel, Origin, PopulationByAge, RegisteredPopulation, SCHEMA_VERSION,
};
use serde::Deserialize;
use toml::Spanned;

use crate::areas::Areas;
use crate::error::{Error, Location, Result};
use crate::publisher::SourceEntry;
use crate::table::Table;

/// The file name in the publisher folder.
pub const INPUT: &str = "population.toml";
/// Where the population is published, relative to the output folder.
pub const OUTPUT: &str = "population/registered.json";

/// The smallest count published for any band of one sex in one area: smaller ones would
/// single people out, so the oldest bands are merged until every cell reaches it.
const SMALLEST_PUBLISHED_COUNT: u64 = 8;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// The sources-folder file: NHS England's `gp-reg-pat-prac-quin-age.csv` cut.
    file: String,
    /// Bands starting at this age or older are merged into one ("90+").
    merge_from_age: Spanned<u32>,
    methods: String,
    source: SourceEntry,
}

/// One band's counts for one network, by sex.
#[derive(Default, Clone, Copy)]
struct Counts {
    female: u64,
    male: u64,
}

/// Reads `population.toml`, if there is one, and the file it names.
pub fn read(
    publisher: &Path,
    sources: &Path,
    areas: &Areas,
) -> Result<Option<RegisteredPopulation>> {
    let path = publisher.join(INPUT);
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let config: File = toml::from_str(&text).map_err(|e| Error::Toml {
        at: Location::at_offset(&path, &text, e.span().map_or(0, |s| s.start)),
        message: e.message().trim().to_string(),
    })?;
    let merge_from = *config.merge_from_age.get_ref();
    let config_at = Location::at_offset(&path, &text, config.merge_from_age.span().start);

    let table = Table::read(&sources.join(&config.file))?;
    let org_type = table.column("ORG_TYPE")?;
    let org_code = table.column("ORG_CODE")?;
    let extract = table.column("EXTRACT_DATE")?;
    let sex = table.column("SEX")?;
    let age = table.column("AGE_GROUP_5")?;
    let patients = table.column("NUMBER_OF_PATIENTS")?;

    let mut extract_date: Option<(String, u64)> = None;
    let mut bands: BTreeMap<u32, String> = BTreeMap::new();
    let mut by_network: BTreeMap<String, BTreeMap<u32, Counts>> = BTreeMap::new();
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    for row in table.rows() {
        if table.get(row, org_type) != "PCN" {
            continue;
        }
        let code = table.get(row, org_code);
        match areas.get(code) {
            Some(area) if area.level == AreaLevel::Pcn => {}
            _ => {
                return Err(Error::UnknownArea {
                    at: table.at(row, org_code),
                    code: code.to_string(),
                    expected: "a GP network (level pcn) of areas.csv".into(),
                })
            }
        }
        let date = table.get(row, extract);
        match &extract_date {
            None => extract_date = Some((date.to_string(), row.line())),
            Some((first, line)) if first != date => {
                return Err(Error::invalid(
                    table.at(row, extract),
                    format!(
                    "extract date {date} differs from {first} on line {line}; expected one extract"
                ),
                ))
            }
            Some(_) => {}
        }
        let count = count_at(&table, row, patients)?;
        let band = table.get(row, age);
        if band == "ALL" {
            if table.get(row, sex) == "ALL" {
                totals.insert(code.to_string(), count);
            }
            continue;
        }
        let Some((from, label)) = band_start(band) else {
            return Err(Error::invalid(
                table.at(row, age),
                format!("found \"{band}\"; expected an age band such as 0_4, 85_89 or 95+"),
            ));
        };
        let (start, label) = if from >= merge_from {
            (merge_from, format!("{merge_from}+"))
        } else {
            (from, label)
        };
        bands.insert(start, label);
        let cell = by_network
            .entry(code.to_string())
            .or_default()
            .entry(start)
            .or_default();
        match table.get(row, sex) {
            "FEMALE" => cell.female += count,
            "MALE" => cell.male += count,
            // The sexes together: the age band's ALL rows repeat the two above.
            "ALL" => {}
            other => {
                return Err(Error::invalid(
                    table.at(row, sex),
                    format!("found \"{other}\"; expected FEMALE, MALE or ALL"),
                ))
            }
        }
    }
    let Some((extract_date, _)) = extract_date else {
        return Err(Error::invalid(
            Location::line(table.path(), 1),
            "no rows with ORG_TYPE PCN; expected the GP networks' rows",
        ));
    };

    let starts: Vec<u32> = bands.keys().copied().collect();
    let pyramid = |code: &str, origin: Origin, counts: &BTreeMap<u32, Counts>, total: u64| {
        let at = |start: &u32| counts.get(start).copied().unwrap_or_default();
        PopulationByAge {
            area: code.to_string(),
            origin,
            female: starts.iter().map(|s| at(s).female).collect(),
            male: starts.iter().map(|s| at(s).male).collect(),
            total,
        }
    };
    let mut published = Vec::new();
    // Networks, then the localities and the borough they sum to, in areas.csv order.
    let mut sums: BTreeMap<String, (BTreeMap<u32, Counts>, u64)> = BTreeMap::new();
    for area in areas.list().iter().filter(|a| a.level == AreaLevel::Pcn) {
        let Some(counts) = by_network.get(&area.code) else {
            continue;
        };
        let Some(&total) = totals.get(&area.code) else {
            return Err(Error::invalid(
                Location::line(table.path(), 1),
                format!(
                    "no ALL/ALL total row for {}; expected one per network",
                    area.code
                ),
            ));
        };
        published.push(pyramid(&area.code, Origin::Published, counts, total));
        let above = areas
            .ancestors(&area.code)
            .take_while(|a| a.level >= AreaLevel::Borough);
        for ancestor in above {
            let (sum, sum_total) = sums.entry(ancestor.code.clone()).or_default();
            for (start, cell) in counts {
                let s = sum.entry(*start).or_default();
                s.female += cell.female;
                s.male += cell.male;
            }
            *sum_total += total;
        }
    }
    let mut summed = Vec::new();
    for area in areas.list() {
        if let Some((counts, total)) = sums.get(&area.code) {
            summed.push(pyramid(&area.code, Origin::Aggregated, counts, *total));
        }
    }
    for area in &published {
        let smallest = area.female.iter().chain(&area.male).copied().min();
        if let Some(count @ 1..SMALLEST_PUBLISHED_COUNT) = smallest {
            return Err(Error::invalid(
                config_at,
                format!(
                    "{} has a band of {count} people; expected every published count to be 0 or \
                     at least {SMALLEST_PUBLISHED_COUNT}: merge more of the oldest bands",
                    area.area
                ),
            ));
        }
    }
    Ok(Some(RegisteredPopulation {
        schema_version: SCHEMA_VERSION,
        extract_date,
        bands: bands.into_values().collect(),
        areas: published.into_iter().chain(summed).collect(),
        source: config.source.into(),
        methods: config.methods,
    }))
}

/// A non-negative whole count.
fn count_at(table: &Table, row: &crate::table::Row, col: crate::table::Col) -> Result<u64> {
    let text = table.get(row, col);
    text.parse().map_err(|_| {
        Error::invalid(
            table.at(row, col),
            format!("found \"{text}\"; expected a whole number of patients"),
        )
    })
}

/// The first age of NHS England's band (`0_4` → 0, `95+` → 95) and its label (`0-4`).
fn band_start(band: &str) -> Option<(u32, String)> {
    if let Some(from) = band.strip_suffix('+') {
        return Some((from.parse().ok()?, band.to_string()));
    }
    let (from, to) = band.split_once('_')?;
    let start: u32 = from.parse().ok()?;
    let end: u32 = to.parse().ok()?;
    (end > start).then(|| (start, format!("{start}-{end}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_read_as_their_first_age() {
        assert_eq!(band_start("0_4"), Some((0, "0-4".into())));
        assert_eq!(band_start("85_89"), Some((85, "85-89".into())));
        assert_eq!(band_start("95+"), Some((95, "95+".into())));
        assert_eq!(band_start("ALL"), None);
        assert_eq!(band_start("4_0"), None);
    }
}
