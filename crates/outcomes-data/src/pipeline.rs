//! One build from start to finish: read the publisher folder, read and aggregate each
//! indicator's source, withhold, compare, round, and assemble the manifest and shards.

use std::collections::BTreeSet;
use std::path::Path;

use outcomes_core::model::{
    HealthChallenges, IndicatorMeta, IndicatorTexts, LatestSummary, Manifest, RegisteredPopulation,
    Shard, BOROUGH_CODE, SCHEMA_VERSION,
};

use outcomes_core::model::AreaLevel;
use outcomes_core::places::{IndicatorFigures, LevelProfiles, ProfileFile};
use outcomes_core::stats::Confidence;

use crate::adapter::ReadContext;
use crate::error::{Error, Result};
use crate::observation::Observation;
use crate::publisher::{IndicatorDef, Publisher};
use crate::{
    aggregate, benchmark, boundaries, health, key_figures, lookup, places, population, suppression,
    translations, trends, write,
};

/// Everything a build publishes, before encoding.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub manifest: Manifest,
    /// One per indicator, in the manifest's order.
    pub shards: Vec<Shard>,
    /// The health-challenge statistics, when the publisher folder has them.
    pub health_challenges: Option<HealthChallenges>,
    /// Simplified boundaries, in the manifest's order.
    pub boundaries: Vec<boundaries::Boundaries>,
    /// The registered population by age and sex, when the publisher folder asks for it.
    pub registered_population: Option<RegisteredPopulation>,
    /// The place search's index and postcode districts, when the publisher folder has them.
    pub places: Option<places::PlaceFiles>,
    /// The area pages' figures, one per level in the manifest's `profiles`.
    pub profiles: Vec<LevelProfiles>,
}

/// Builds the published data from a publisher folder and a sources folder. Reads only;
/// writing is up to the caller.
pub fn build(publisher_dir: &Path, sources: &Path) -> Result<Output> {
    if !sources.is_dir() {
        return Err(Error::SourcesMissing {
            path: sources.to_path_buf(),
        });
    }
    let mut publisher = Publisher::read(publisher_dir)?;
    crate::best_fit::apply(&mut publisher, publisher_dir, sources)?;
    let mut health_challenges = health::read(publisher_dir)?;
    let registered_population = population::read(publisher_dir, sources, &publisher.areas)?;
    let places = places::read(publisher_dir, sources, &publisher.areas)?;
    let mut manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        dataset: publisher.dataset.clone(),
        framework: publisher.framework.clone(),
        areas: publisher.areas.list().to_vec(),
        lookups: publisher.lookups.iter().map(|l| l.lookup.clone()).collect(),
        indicators: publisher
            .indicators
            .iter()
            .map(|d| d.meta.clone())
            .collect(),
        health_challenges: health_challenges
            .as_ref()
            .map(|_| health::OUTPUT.to_string()),
        boundaries: Vec::new(),
        registered_population: registered_population
            .as_ref()
            .map(|_| population::OUTPUT.to_string()),
        places: places.as_ref().map(|_| places::OUTPUT.to_string()),
        profiles: Vec::new(),
        translations: Default::default(),
    };
    // Checked before any source is read, against the texts the publisher folder gives.
    let indicator_texts: Vec<(String, IndicatorTexts)> = publisher
        .indicators
        .iter()
        .map(|d| (d.meta.id.clone(), d.texts.clone()))
        .collect();
    let mut translations = translations::read(
        publisher_dir,
        &manifest,
        &indicator_texts,
        health_challenges.as_ref(),
    )?;
    manifest.translations = translations.manifest;
    if let Some(challenges) = &mut health_challenges {
        challenges.translations = translations.challenges;
    }
    let mut indicators = Vec::new();
    let mut shards = Vec::new();
    for def in &publisher.indicators {
        let (meta, mut shard) = build_indicator(&publisher, publisher_dir, def, sources)?;
        shard.translations = translations.shards.remove(&def.meta.id).unwrap_or_default();
        indicators.push(meta);
        shards.push(shard);
    }
    let boundaries =
        boundaries::read(publisher_dir, sources, &publisher.areas, &publisher.lookups)?;
    let profiles = level_profiles(&indicators, &shards, &publisher.areas);
    manifest.indicators = indicators;
    manifest.boundaries = boundaries.iter().map(|b| b.file.clone()).collect();
    manifest.profiles = profiles
        .iter()
        .map(|p| ProfileFile {
            level: p.level,
            path: format!("profiles/{}.json", p.level.as_str()),
        })
        .collect();
    Ok(Output {
        manifest,
        shards,
        health_challenges,
        boundaries,
        registered_population,
        places,
        profiles,
    })
}

/// The levels that have area pages: wards, the places residents live in.
const PROFILED_LEVELS: [AreaLevel; 1] = [AreaLevel::Ward];

/// For each profiled level with any values, every indicator's figures at that level.
fn level_profiles(
    indicators: &[IndicatorMeta],
    shards: &[Shard],
    areas: &crate::areas::Areas,
) -> Vec<LevelProfiles> {
    PROFILED_LEVELS
        .into_iter()
        .map(|level| LevelProfiles {
            schema_version: SCHEMA_VERSION,
            level,
            indicators: indicators
                .iter()
                .zip(shards)
                .filter(|(meta, _)| meta.levels.contains(&level))
                .filter_map(|(meta, shard)| {
                    Some(IndicatorFigures {
                        indicator: meta.id.clone(),
                        figures: key_figures::figures_at(&shard.values, areas, level)?,
                    })
                })
                .collect(),
        })
        .filter(|p| !p.indicators.is_empty())
        .collect()
}

fn build_indicator(
    publisher: &Publisher,
    publisher_dir: &Path,
    def: &IndicatorDef,
    sources: &Path,
) -> Result<(IndicatorMeta, Shard)> {
    let mut observations = Vec::new();
    let mut assignments = None;
    let mut breakdowns = Vec::new();
    let mut definition_changes = std::collections::BTreeMap::new();
    let context = ReadContext {
        publisher_dir,
        sources,
        meta: &def.meta,
        areas: &publisher.areas,
    };
    for input in &def.inputs {
        let adapter = input.adapter();
        let mut read = adapter.read(&context)?;
        if adapter.compute_intervals() {
            compute_intervals(&mut read.observations, &def.meta)?;
        }
        breakdowns.append(&mut read.breakdowns);
        definition_changes.append(&mut read.definition_changes);
        if read.assignments.is_some() {
            assignments = read.assignments;
        } else if let Some(level) = adapter.aggregate_from() {
            // The publisher folder was validated to name exactly one such lookup.
            let lookup = def
                .meta
                .lookups
                .iter()
                .filter_map(|id| publisher.lookup(id))
                .find(|l| l.input.as_ref().is_some_and(|i| i.from_level == level));
            if let Some(lookup) = lookup {
                assignments = lookup::read(sources, lookup, &publisher.areas)?;
            }
        }
        observations.append(&mut read.observations);
    }

    let mut points = aggregate::points(
        &observations,
        &publisher.areas,
        assignments.as_ref(),
        &def.meta,
    )?;
    if def.disclosure_control {
        suppression::apply(&mut points, &publisher.areas);
    }
    // Comparisons use full precision, as Fingertips does; rounding is for display.
    benchmark::apply(&mut points, &publisher.areas, def.meta.polarity);
    for point in &mut points {
        if let Some(note) = definition_changes.get(&point.period) {
            point.note = Some(match point.note.take() {
                Some(own) => format!("{own} {note}"),
                None => note.clone(),
            });
        }
    }
    let breaks: BTreeSet<String> = definition_changes.keys().cloned().collect();
    trends::apply(&mut points, &def.meta, &breaks);
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
                trend: p.trend,
            })
        })
        .max_by(|a, b| a.period.cmp(&b.period));

    let meta = IndicatorMeta {
        lookups: crate::best_fit::lookups_used(
            &def.meta.lookups,
            &values,
            &publisher.areas,
            &publisher.lookups,
        ),
        latest,
        levels: key_figures::levels(&values, &publisher.areas),
        key_figures: key_figures::key_figures(&values, &publisher.areas),
        ..def.meta.clone()
    };
    let shard = Shard {
        schema_version: SCHEMA_VERSION,
        indicator: meta.id.clone(),
        periods,
        values,
        breakdowns: breakdowns
            .into_iter()
            .map(write::rounded_breakdown)
            .collect(),
        definition_changes,
        texts: def.texts.clone(),
        translations: Default::default(),
    };
    Ok((meta, shard))
}

/// Replaces the value and intervals of every row with a numerator and denominator by the
/// explorer's own calculation (Wilson for proportions, Byar/exact for crude rates).
fn compute_intervals(observations: &mut [Observation], meta: &IndicatorMeta) -> Result<()> {
    let Some(estimate) = aggregate::estimator(meta.value_type) else {
        return Ok(());
    };
    for obs in observations.iter_mut() {
        let (Some(count), Some(denominator)) = (obs.count, obs.denominator) else {
            continue;
        };
        let at = |level| estimate(count, denominator, meta.multiplier, level);
        let (Some((value, ci95)), Some((_, ci998))) =
            (at(Confidence::Percent95), at(Confidence::Percent99_8))
        else {
            return Err(Error::invalid(
                obs.at_denominator(),
                format!(
                    "cannot compute a {:?} from {count} out of {denominator}; expected a \
                     positive denominator and a count in range",
                    meta.value_type
                ),
            ));
        };
        obs.value = Some(value);
        obs.ci95 = Some(ci95);
        obs.ci998 = Some(ci998);
    }
    Ok(())
}
