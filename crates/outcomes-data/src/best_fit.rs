//! A lookup the data tool derives rather than reads: each ward placed in the locality whose
//! GP practices hold most of the ward's registered residents, from NHS Digital's counts of
//! each practice's patients by the LSOA they live in.
//!
//! Practices reach localities through a practice → PCN lookup and the PCNs' parents in
//! `areas.csv`; LSOAs reach wards through an LSOA → ward lookup. Patients living in LSOAs that
//! lookup does not list (other boroughs, `NO2011` for an unmatched postcode) are left out.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{AreaLevel, DataPoint, LookupRow, Origin};
use serde::Deserialize;

use crate::areas::Areas;
use crate::error::{Error, Location, Result};
use crate::lookup;
use crate::publisher::{LookupDef, Publisher};
use crate::table::Table;

/// `[lookups.best_fit]` in `lookups.toml`: how to derive the lookup's rows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BestFit {
    /// The level of the areas placed (`ward`).
    pub from_level: AreaLevel,
    /// The level they are placed in (`locality`).
    pub to_level: AreaLevel,
    /// A file in the sources folder with one row per practice and LSOA of residence.
    pub file: String,
    pub practice_column: String,
    pub lsoa_column: String,
    pub count_column: String,
    /// The lookup (with an input file) placing practices in PCNs.
    pub practice_lookup: String,
    /// The lookup (with an input file) placing LSOAs in areas of `from_level`.
    pub lsoa_lookup: String,
}

/// Derives the rows of every lookup with a `best_fit` section, publishes them in the lookup,
/// and places each area of its `from_level` in its best fit, naming the lookup: in the built
/// hierarchy (not in `areas.csv`) the area's parent becomes the area it was placed in.
pub fn apply(publisher: &mut Publisher, publisher_dir: &Path, sources: &Path) -> Result<()> {
    let path = publisher_dir.join("lookups.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let mut derived = Vec::new();
    for (i, def) in publisher.lookups.iter().enumerate() {
        if let Some(spec) = &def.best_fit {
            // Problems with the lookup's own settings point at its id.
            let quoted = format!("\"{}\"", def.lookup.id);
            let here = Location::at_offset(&path, &text, text.find(&quoted).unwrap_or(0));
            derived.push((
                i,
                here.clone(),
                derive(sources, spec, def, publisher, here)?,
            ));
        }
    }
    for (i, here, rows) in derived {
        let id = publisher.lookups[i].lookup.id.clone();
        for row in &rows {
            publisher
                .areas
                .place(&row.from, &row.to, &id)
                .map_err(|m| Error::invalid(here.clone(), m))?;
        }
        publisher.lookups[i].lookup.rows = rows;
    }
    Ok(())
}

/// The placements, in areas.csv order of the areas placed. Every area of `from_level` must be
/// placed.
pub fn derive(
    sources: &Path,
    spec: &BestFit,
    def: &LookupDef,
    publisher: &Publisher,
    here: Location,
) -> Result<Vec<LookupRow>> {
    let areas = &publisher.areas;
    let read_lookup = |id: &str, from: AreaLevel| -> Result<lookup::Assignments> {
        publisher
            .lookup(id)
            .filter(|l| l.input.as_ref().is_some_and(|i| i.from_level == from))
            .map(|l| lookup::read(sources, l, areas))
            .transpose()?
            .flatten()
            .ok_or_else(|| {
                Error::invalid(
                    here.clone(),
                    format!(
                        "lookup {}: best_fit names \"{id}\"; expected a lookup with an input \
                         file from level {from:?}",
                        def.lookup.id
                    ),
                )
            })
    };
    let practices = read_lookup(&spec.practice_lookup, AreaLevel::Practice)?;
    let lsoas = read_lookup(&spec.lsoa_lookup, AreaLevel::Lsoa)?;

    let path = sources.join(&spec.file);
    let table = Table::read(&path)?;
    let practice_col = table.column(&spec.practice_column)?;
    let lsoa_col = table.column(&spec.lsoa_column)?;
    let count_col = table.column(&spec.count_column)?;
    // from area → (to area → patients). BTreeMaps, so the result does not depend on row order.
    let mut counts: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for row in table.rows() {
        let Some(from) = lsoas.map.get(table.get(row, lsoa_col)) else {
            // Not one of the lookup's LSOAs: outside the borough, or NO2011.
            continue;
        };
        let practice = table.get(row, practice_col);
        let Some(pcn) = practices.map.get(practice) else {
            return Err(Error::UnknownArea {
                at: table.at(row, practice_col),
                code: practice.to_string(),
                expected: format!("a practice listed in the lookup {}", practices.id),
            });
        };
        let Some(to) = areas.ancestors(pcn).find(|a| a.level == spec.to_level) else {
            return Err(Error::invalid(
                table.at(row, practice_col),
                format!(
                    "practice {practice} is in {pcn}, which sits in no area of level {:?}; \
                     expected areas.csv to place every PCN in one",
                    spec.to_level
                ),
            ));
        };
        let text = table.get(row, count_col);
        let count: u64 = text.parse().map_err(|_| Error::NotANumber {
            at: table.at(row, count_col),
            text: text.to_string(),
        })?;
        *counts
            .entry(from.clone())
            .or_default()
            .entry(to.code.clone())
            .or_default() += count;
    }

    let mut rows = Vec::new();
    for area in areas.list().iter().filter(|a| a.level == spec.from_level) {
        let by_target = counts.get(&area.code);
        let total: u64 = by_target.map_or(0, |m| m.values().sum());
        let Some(by_target) = by_target.filter(|_| total > 0) else {
            return Err(Error::invalid(
                Location::line(&path, 1),
                format!(
                    "no registered patients live in {} ({}); expected some in every area of \
                     level {:?} to place it",
                    area.code, area.name, spec.from_level
                ),
            ));
        };
        // Most patients first; a tie goes to the area listed first in areas.csv.
        let mut ranked: Vec<(&String, u64)> = by_target.iter().map(|(k, &v)| (k, v)).collect();
        ranked.sort_by_key(|&(code, n)| (std::cmp::Reverse(n), areas.order(code)));
        let share = |n: u64| (n as f64 / total as f64 * 10_000.0).round() / 10_000.0;
        let (to, n) = ranked[0];
        rows.push(LookupRow {
            from: area.code.clone(),
            to: to.clone(),
            share: share(n),
            out_of: total,
            runner_up: ranked.get(1).map(|(code, _)| (*code).clone()),
            runner_up_share: ranked.get(1).map(|&(_, n)| share(n)),
        });
    }
    Ok(rows)
}

/// An indicator's lookups with every derived lookup its sums went through added: a figure
/// summed into an area from areas that a derived lookup placed there (wards into localities)
/// rests on that lookup, so the explorer must show it (and its status) with the figure.
pub fn lookups_used(
    listed: &[String],
    points: &[DataPoint],
    areas: &Areas,
    lookups: &[LookupDef],
) -> Vec<String> {
    let mut out = listed.to_vec();
    for point in points.iter().filter(|p| p.origin == Origin::Aggregated) {
        let Some(id) = areas.get(&point.area).and_then(|a| a.lookup.as_ref()) else {
            continue;
        };
        let derived = lookups
            .iter()
            .any(|l| &l.lookup.id == id && l.best_fit.is_some());
        if derived && !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}
