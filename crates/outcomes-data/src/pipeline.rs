//! One build from start to finish: read the publisher folder, read and aggregate each
//! indicator's source, withhold, compare, round, and assemble the manifest and shards.

use std::collections::BTreeSet;
use std::path::Path;

use outcomes_core::model::{
    IndicatorMeta, LatestSummary, Manifest, Shard, BOROUGH_CODE, SCHEMA_VERSION,
};

use crate::error::{Error, Result};
use crate::publisher::{IndicatorDef, InputFormat, Publisher};
use crate::{aggregate, benchmark, fingertips, lookup, suppression, write};

/// Everything a build publishes, before encoding.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub manifest: Manifest,
    /// One per indicator, in the manifest's order.
    pub shards: Vec<Shard>,
}

/// Builds the published data from a publisher folder and a sources folder. Reads only;
/// writing is up to the caller.
pub fn build(publisher_dir: &Path, sources: &Path) -> Result<Output> {
    if !sources.is_dir() {
        return Err(Error::SourcesMissing {
            path: sources.to_path_buf(),
        });
    }
    let publisher = Publisher::read(publisher_dir)?;
    let mut indicators = Vec::new();
    let mut shards = Vec::new();
    for def in &publisher.indicators {
        let (meta, shard) = build_indicator(&publisher, def, sources)?;
        indicators.push(meta);
        shards.push(shard);
    }
    Ok(Output {
        manifest: Manifest {
            schema_version: SCHEMA_VERSION,
            dataset: publisher.dataset.clone(),
            framework: publisher.framework.clone(),
            areas: publisher.areas.list().to_vec(),
            lookups: publisher.lookups.iter().map(|l| l.lookup.clone()).collect(),
            indicators,
        },
        shards,
    })
}

fn build_indicator(
    publisher: &Publisher,
    def: &IndicatorDef,
    sources: &Path,
) -> Result<(IndicatorMeta, Shard)> {
    let path = sources.join(&def.input.file);
    let observations = match def.input.format {
        InputFormat::Fingertips => fingertips::read(&path, &def.meta)?,
    };
    // The publisher folder was validated to name exactly one such lookup.
    let assignments = match def.input.aggregate_from {
        Some(level) => {
            let def = def
                .meta
                .lookups
                .iter()
                .filter_map(|id| publisher.lookup(id))
                .find(|l| l.input.as_ref().is_some_and(|i| i.from_level == level));
            match def {
                Some(def) => lookup::read(sources, def, &publisher.areas)?,
                None => None,
            }
        }
        None => None,
    };

    let mut points = aggregate::points(
        &observations,
        &publisher.areas,
        assignments.as_ref(),
        &def.meta,
    )?;
    suppression::apply(&mut points, &publisher.areas);
    // Comparisons use full precision, as Fingertips does; rounding is for display.
    benchmark::apply(&mut points, &publisher.areas, def.meta.polarity);
    let values: Vec<_> = points.into_iter().map(write::rounded).collect();

    let periods: Vec<String> = values
        .iter()
        .map(|p| p.period.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let latest = values
        .iter()
        .filter(|p| p.area == BOROUGH_CODE)
        .filter_map(|p| {
            Some(LatestSummary {
                period: p.period.clone(),
                value: p.value?,
                comparisons: p.comparisons.clone(),
            })
        })
        .max_by(|a, b| a.period.cmp(&b.period));

    let meta = IndicatorMeta {
        latest,
        ..def.meta.clone()
    };
    let shard = Shard {
        schema_version: SCHEMA_VERSION,
        indicator: meta.id.clone(),
        periods,
        values,
    };
    Ok((meta, shard))
}
