//! A synthetic dataset shaped like the published one but many times larger, for the
//! benchmark (`scripts/bench`) only. It is never published: the command refuses to write
//! into a folder named `public`.
//!
//! The dataset grows in both directions the real one can grow:
//!
//! - **Areas.** Every area except the key ones (England, regions, the borough and its
//!   localities) is a template; copies of the templates, in turn, are added until there are
//!   `areas` times as many areas. Each copy has the template's level, parent and lookup, and
//!   in every shard the template's values, scaled by a small deterministic amount. The key
//!   areas stay as they are, so the locality view still draws the same four bars.
//! - **Indicators.** Each indicator gets `indicators - 1` copies, each with its own shard
//!   (every value scaled by its own deterministic amount), its own catalogue entry and a
//!   place under the same I statement, so the overview lists them all.
//!
//! The original indicators keep their original values for the original areas, so the
//! benchmark's indicator view shows the same chart on both datasets.

use std::collections::{BTreeMap, HashMap, HashSet};

use outcomes_core::model::{
    AreaLevel, DataPoint, IndicatorMeta, Interval, Manifest, Shard, BOROUGH_CODE,
};

/// How many times more indicators and areas to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Factors {
    pub indicators: usize,
    pub areas: usize,
}

impl Factors {
    /// Splits an overall factor into indicators × areas as evenly as whole numbers allow
    /// (100 → 10 × 10, 50 → 7 × 8), never smaller than asked.
    pub fn from_total(total: usize) -> Factors {
        let total = total.max(1);
        let indicators = ((total as f64).sqrt().round() as usize).max(1);
        let areas = total.div_ceil(indicators);
        Factors { indicators, areas }
    }

    pub fn total(self) -> usize {
        self.indicators * self.areas
    }
}

/// A whole dataset in memory: the manifest and every shard, by path relative to the data
/// folder.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub manifest: Manifest,
    pub shards: BTreeMap<String, Shard>,
}

/// Whether an area is one the views are built around, and so is never copied.
fn is_key_area(level: AreaLevel, code: &str) -> bool {
    matches!(
        level,
        AreaLevel::England | AreaLevel::Region | AreaLevel::Locality
    ) || code == BOROUGH_CODE
}

/// Makes the larger dataset from `source`.
pub fn synthesise(source: &Dataset, factors: Factors) -> Result<Dataset, String> {
    if factors.indicators == 0 || factors.areas == 0 {
        return Err("factors must be at least 1".to_string());
    }
    let mut manifest = source.manifest.clone();

    // Areas: copies of the templates, in turn, until there are `areas` times as many.
    let templates: Vec<_> = source
        .manifest
        .areas
        .iter()
        .filter(|a| !is_key_area(a.level, &a.code))
        .cloned()
        .collect();
    let wanted = source.manifest.areas.len() * factors.areas;
    let extra = wanted - source.manifest.areas.len();
    if extra > 0 && templates.is_empty() {
        return Err("the manifest has no areas other than the key ones to copy".to_string());
    }
    let mut copies: HashMap<String, Vec<String>> = HashMap::new();
    let mut codes: HashSet<String> = manifest.areas.iter().map(|a| a.code.clone()).collect();
    for n in 0..extra {
        let template = &templates[n % templates.len()];
        let mut area = template.clone();
        area.code = fresh_code(&template.code, &mut codes);
        area.name = format!(
            "{} {}",
            template.name,
            pseudo_word(hash(&area.code, "name"))
        );
        copies
            .entry(template.code.clone())
            .or_default()
            .push(area.code.clone());
        manifest.areas.push(area);
    }

    // Indicators: the original first, then its copies, each with its own shard.
    let mut indicators = Vec::new();
    let mut shards = BTreeMap::new();
    let mut ids: HashMap<String, Vec<String>> = HashMap::new();
    for meta in &source.manifest.indicators {
        let shard = source.shards.get(&meta.shard).ok_or_else(|| {
            format!(
                "indicator {} names the shard {}, which was not read",
                meta.id, meta.shard
            )
        })?;
        let grown = with_area_copies(shard, &copies);
        for j in 0..factors.indicators {
            let (copy, shard) = if j == 0 {
                (meta.clone(), grown.clone())
            } else {
                indicator_copy(meta, &grown, j)
            };
            ids.entry(meta.id.clone())
                .or_default()
                .push(copy.id.clone());
            shards.insert(copy.shard.clone(), shard);
            indicators.push(copy);
        }
    }
    manifest.indicators = indicators;
    for domain in &mut manifest.framework.domains {
        for statement in &mut domain.i_statements {
            statement.indicators = statement
                .indicators
                .iter()
                .flat_map(|id| ids.get(id).cloned().unwrap_or_else(|| vec![id.clone()]))
                .collect();
        }
    }
    manifest.dataset.title = format!(
        "{} (SYNTHETIC, {}× indicators × {}× areas, for benchmarking only)",
        source.manifest.dataset.title, factors.indicators, factors.areas
    );
    Ok(Dataset { manifest, shards })
}

/// The shard with a value for every copy of every area that has one, each scaled a little.
fn with_area_copies(shard: &Shard, copies: &HashMap<String, Vec<String>>) -> Shard {
    let mut grown = shard.clone();
    for point in &shard.values {
        for code in copies.get(&point.area).into_iter().flatten() {
            let mut copy = scaled(point, scale(&shard.indicator, code));
            copy.area = code.clone();
            grown.values.push(copy);
        }
    }
    for point in &shard.breakdowns {
        for code in copies.get(&point.area).into_iter().flatten() {
            let mut copy = point.clone();
            copy.area = code.clone();
            grown.breakdowns.push(copy);
        }
    }
    grown
}

/// Copy `j` (from 1) of an indicator: its own id, title, shard path and scaled values.
fn indicator_copy(meta: &IndicatorMeta, shard: &Shard, j: usize) -> (IndicatorMeta, Shard) {
    let id = format!("{}-s{j}", meta.id);
    let mut copy = meta.clone();
    copy.id = id.clone();
    // Text as varied as the real catalogue's (so it compresses no better than the real one
    // would): the original's words in another order.
    copy.title = format!(
        "{} (synthetic {j})",
        shuffle_words(&meta.title, hash(&id, "title"))
    );
    copy.shard = format!("indicators/{id}.json");
    if let Some(latest) = &mut copy.latest {
        latest.value = round4(latest.value * scale(&id, BOROUGH_CODE));
    }
    if let Some(key) = &mut copy.key_figures {
        for value in &mut key.values {
            let s = scale(&id, &value.area);
            value.value = round4(value.value * s);
        }
    }
    let mut values = shard.clone();
    values.indicator = id.clone();
    let texts = &shard.texts;
    values.texts.description = shuffle_words(&texts.description, hash(&id, "description"));
    values.texts.definition = shuffle_words(&texts.definition, hash(&id, "definition"));
    values.texts.methods = shuffle_words(&texts.methods, hash(&id, "methods"));
    // The translations belong to the original's texts, not the shuffled copies.
    values.translations.clear();
    for point in &mut values.values {
        *point = scaled(point, scale(&id, &point.area));
    }
    (copy, values)
}

/// A value, its intervals and its count multiplied by `s`; the denominator is kept.
fn scaled(point: &DataPoint, s: f64) -> DataPoint {
    let mut copy = point.clone();
    copy.value = point.value.map(|v| round4(v * s));
    copy.ci95 = point.ci95.map(|ci| scaled_interval(ci, s));
    copy.ci998 = point.ci998.map(|ci| scaled_interval(ci, s));
    copy.count = point.count.map(|c| (c * s).round());
    copy
}

fn scaled_interval(ci: Interval, s: f64) -> Interval {
    Interval {
        lower: round4(ci.lower * s),
        upper: round4(ci.upper * s),
    }
}

/// A deterministic scale between 0.9 and 1.1 for one indicator and area, so the same input
/// always gives the same files.
fn scale(indicator: &str, area: &str) -> f64 {
    0.9 + 0.2 * ((hash(indicator, area) >> 11) as f64 / (1u64 << 53) as f64)
}

/// FNV-1a of two strings, then a SplitMix64 finish so nearby inputs spread.
fn hash(a: &str, b: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain([0]).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    splitmix(h)
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A new area code shaped like the template's (its first three characters, then digits
/// after an `S` for synthetic), not yet in `taken`.
fn fresh_code(template: &str, taken: &mut HashSet<String>) -> String {
    let prefix: String = template.chars().take(3).collect();
    let mut seed = hash(template, &taken.len().to_string());
    loop {
        let code = format!("{prefix}S{:05}", seed % 100_000);
        if taken.insert(code.clone()) {
            return code;
        }
        seed = splitmix(seed);
    }
}

/// A made-up place-name word ("Kelmor", "Ashbury"), so copies' names differ as real ones do.
fn pseudo_word(seed: u64) -> String {
    const SYLLABLES: [&str; 32] = [
        "ash", "bar", "bel", "bury", "cot", "dal", "den", "ers", "field", "ford", "gate", "ham",
        "hill", "ing", "kel", "ley", "lin", "mar", "mor", "ness", "ock", "pen", "quay", "ridge",
        "sted", "ston", "tam", "ton", "ven", "wick", "wood", "yard",
    ];
    let count = 2 + (seed % 2) as usize;
    let mut word = String::new();
    let mut x = seed;
    for _ in 0..count {
        x = splitmix(x);
        word.push_str(SYLLABLES[(x % SYLLABLES.len() as u64) as usize]);
    }
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The words of `text` in a deterministic shuffled order.
fn shuffle_words(text: &str, seed: u64) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let mut x = seed;
    for i in (1..words.len()).rev() {
        x = splitmix(x);
        words.swap(i, (x % (i as u64 + 1)) as usize);
    }
    words.join(" ")
}

/// Published precision.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Dataset {
        let manifest: Manifest = serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "dataset": {"title": "T", "publisher": "P", "release_date": "2026-01-01"},
            "framework": {"domains": [{"id": "d", "name": "D", "i_statements": [
                {"id": "s", "text": "I", "source": "x", "verified": false, "indicators": ["1"]}
            ]}]},
            "areas": [
                {"code": "E92000001", "name": "England", "level": "england"},
                {"code": "E09000030", "name": "Tower Hamlets", "level": "borough"},
                {"code": "L1", "name": "North", "level": "locality", "parent": "E09000030"},
                {"code": "W1", "name": "Ward one", "level": "ward", "parent": "E09000030"}
            ],
            "lookups": [],
            "indicators": [{
                "id": "1", "title": "One", "unit": "%",
                "value_type": "proportion", "multiplier": 100.0, "polarity": "low_is_good",
                "period_type": "financial year", "basis": "registered",
                "source": {"name": "n", "publisher": "p", "licence": "l", "url": "u", "attribution": "a"},
                "lookups": [], "shard": "indicators/1.json",
                "latest": {"period": "2024", "value": 10.0, "comparisons": []}
            }]
        }))
        .unwrap();
        let point = |area: &str, value: f64| {
            serde_json::json!({"area": area, "period": "2024", "origin": "published", "value": value,
                               "ci95": {"lower": value - 1.0, "upper": value + 1.0}})
        };
        let shard: Shard = serde_json::from_value(serde_json::json!({
            "schema_version": 2, "indicator": "1", "periods": ["2024"],
            "values": [point("E92000001", 12.0), point("E09000030", 10.0), point("L1", 9.0), point("W1", 8.0)],
            "texts": {"description": "", "definition": "", "methods": ""}
        }))
        .unwrap();
        Dataset {
            manifest,
            shards: BTreeMap::from([("indicators/1.json".to_string(), shard)]),
        }
    }

    #[test]
    fn splits_the_factor_evenly() {
        assert_eq!(
            Factors::from_total(100),
            Factors {
                indicators: 10,
                areas: 10
            }
        );
        assert!(Factors::from_total(50).total() >= 50);
        assert_eq!(Factors::from_total(1).total(), 1);
    }

    #[test]
    fn grows_areas_and_indicators_keeping_key_areas_and_original_values() {
        let source = small();
        let out = synthesise(
            &source,
            Factors {
                indicators: 3,
                areas: 5,
            },
        )
        .unwrap();
        assert_eq!(out.manifest.areas.len(), 20);
        // Only the ward is copied: England, the borough and the locality stay single.
        assert_eq!(
            out.manifest
                .areas
                .iter()
                .filter(|a| a.level == AreaLevel::Locality)
                .count(),
            1
        );
        let codes: HashSet<_> = out.manifest.areas.iter().map(|a| &a.code).collect();
        assert_eq!(codes.len(), 20, "area codes are unique");
        assert_eq!(out.manifest.indicators.len(), 3);
        assert_eq!(out.shards.len(), 3);
        assert_eq!(
            out.manifest.framework.domains[0].i_statements[0].indicators,
            vec!["1", "1-s1", "1-s2"]
        );
        // Every indicator's shard is where its catalogue entry says, with all the areas.
        for meta in &out.manifest.indicators {
            let shard = &out.shards[&meta.shard];
            assert_eq!(shard.indicator, meta.id);
            assert_eq!(shard.values.len(), 4 + 16);
        }
        // The original indicator keeps its published values for the original areas.
        let original = &out.shards["indicators/1.json"];
        assert_eq!(original.point("L1", "2024").unwrap().value, Some(9.0));
        // Copies are scaled by at most 10%, and the same every time.
        let copy = &out.shards["indicators/1-s1.json"];
        let v = copy.point("L1", "2024").unwrap().value.unwrap();
        assert!((8.1..=9.9).contains(&v));
        let again = synthesise(
            &source,
            Factors {
                indicators: 3,
                areas: 5,
            },
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&again.manifest).unwrap(),
            serde_json::to_string(&out.manifest).unwrap()
        );
    }
}
