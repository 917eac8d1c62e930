//! The JSON schema of `public/data/`: the manifest the first view loads, and one shard per
//! indicator with all its values.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::trend::TrendResult;

/// The schema version this build writes and understands. A file with a newer version was
/// written by a newer data tool and must not be guessed at.
///
/// 2: an indicator's description, definition and methods moved from the manifest to its
/// shards (`Shard::texts`), so the manifest every view loads first stays small, and the
/// shards are one per level (`IndicatorMeta::shard_path`); a version-1 reader would find
/// neither. Optional additions such as `translations` need no bump:
/// readers refuse only a higher version, no struct denies unknown fields, and a newer reader
/// reads an older file's missing optional fields as empty (`serde(default)`).
pub const SCHEMA_VERSION: u32 = 2;

/// Translations of a published file's texts: language tag (such as `bn`) → key → text. The
/// keys, one per text field of one item (`indicator.91547.title`), are described in
/// [`crate::localise`]. A field without a translation is shown in English.
pub type Translations = BTreeMap<String, BTreeMap<String, String>>;

/// Rounds to the 4 decimal places the explorer publishes, and never to "-0.0". The data tool
/// rounds what it writes with this, and chart options round what they draw with it.
pub fn round_published(x: f64) -> f64 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// The code of the borough every locality view is compared with.
pub const BOROUGH_CODE: &str = "E09000030";
/// The code of London region, a comparator.
pub const LONDON_CODE: &str = "E12000007";
/// The code of England, a comparator.
pub const ENGLAND_CODE: &str = "E92000001";

/// `public/data/manifest.json`: everything the first view needs in one request.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Manifest {
    pub schema_version: u32,
    pub dataset: DatasetInfo,
    pub framework: Framework,
    pub areas: Vec<Area>,
    pub lookups: Vec<Lookup>,
    pub indicators: Vec<IndicatorMeta>,
    /// Path of the health-challenge statistics file (`health_challenges.json`), relative to
    /// the data folder, when the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_challenges: Option<String>,
    /// Simplified boundary files, one per area level that has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boundaries: Vec<BoundaryFile>,
    /// Path of the registered-population file (`population/registered.json`), relative to
    /// the data folder, when the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_population: Option<String>,
    /// Path of the place search's index (`places.json`), relative to the data folder, when
    /// the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<String>,
    /// Each area level's figures for its area pages (`profiles/ward.json`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<crate::places::ProfileFile>,
    /// The texts above in other languages (keys in [`crate::localise`]); English is the text
    /// in the fields themselves.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

/// A GeoJSON file of simplified boundaries for the areas of one level.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct BoundaryFile {
    pub level: AreaLevel,
    /// Path relative to the data folder, e.g. `boundaries/wards.json`. A GeoJSON
    /// FeatureCollection (WGS84 longitude/latitude) whose features carry `code` and `name`.
    pub path: String,
    /// Where the boundaries come from and how they were simplified.
    pub source: String,
    /// The attribution statement the licence asks for.
    pub attribution: String,
    /// The provisional lookup that placed these areas' parts, when the boundaries are unions
    /// of smaller areas grouped by it (locality outlines drawn from wards): the explorer
    /// labels such a map provisional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookup: Option<String>,
}

impl Manifest {
    /// The area with this code, if the manifest knows it.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    /// The indicator with this id, if the manifest lists it.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorMeta> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The lookup with this id, if the manifest lists it.
    pub fn lookup(&self, id: &str) -> Option<&Lookup> {
        self.lookups.iter().find(|l| l.id == id)
    }

    /// Areas at one level, in manifest order (the publisher's order).
    pub fn areas_at(&self, level: AreaLevel) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(move |a| a.level == level)
    }
}

/// Who publishes the dataset and when this release was made.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct DatasetInfo {
    pub title: String,
    pub publisher: String,
    /// The release date as `YYYY-MM-DD`, taken from the publisher's input so that the same
    /// input always gives the same files.
    pub release_date: String,
}

/// The THT Outcomes Framework: domains hold I statements, which hold indicators.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Framework {
    pub domains: Vec<Domain>,
}

/// One of the five outcome domains.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Domain {
    pub id: String,
    pub name: String,
    pub i_statements: Vec<IStatement>,
}

/// A statement co-produced with residents, with the indicators that underpin it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct IStatement {
    pub id: String,
    pub text: String,
    /// Where the wording comes from.
    pub source: String,
    /// True when a published THT document states this wording; false when the statement, or
    /// its place under this domain, is the explorer's own mapping.
    pub verified: bool,
    pub indicators: Vec<String>,
}

/// The level of an area in the geography.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum AreaLevel {
    England,
    Region,
    Borough,
    Locality,
    Pcn,
    Practice,
    Ward,
    /// Middle layer super output areas: read from sources, never published.
    Msoa,
    Lsoa,
    /// Census output areas: read from sources, never published.
    Oa,
}

impl AreaLevel {
    /// The level's name as the published files write it: `locality`, `pcn`.
    pub fn as_str(self) -> &'static str {
        match self {
            AreaLevel::England => "england",
            AreaLevel::Region => "region",
            AreaLevel::Borough => "borough",
            AreaLevel::Locality => "locality",
            AreaLevel::Pcn => "pcn",
            AreaLevel::Practice => "practice",
            AreaLevel::Ward => "ward",
            AreaLevel::Msoa => "msoa",
            AreaLevel::Lsoa => "lsoa",
            AreaLevel::Oa => "oa",
        }
    }

    /// Whether a shard of any level carries the values of areas at this level too: England
    /// and the regions, which every view compares with (as it does the borough).
    pub fn is_context(self) -> bool {
        matches!(self, AreaLevel::England | AreaLevel::Region)
    }
}

/// A place with a code, a name and the area it sits within.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub level: AreaLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The lookup that places this area under its parent, when that is not simply official
    /// geography (for example a PCN placed in a locality).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookup: Option<String>,
}

/// Whether a lookup has been published by an authority or is the explorer's best evidence.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LookupStatus {
    Official,
    Provisional,
}

/// A table that places one kind of area inside another, with its provenance.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Lookup {
    pub id: String,
    pub title: String,
    pub status: LookupStatus,
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// For a lookup the data tool derives: each placement and how clear it is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<LookupRow>,
}

/// One placement of a derived lookup, with the share of the evidence behind it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct LookupRow {
    /// The code of the area placed (e.g. a ward).
    pub from: String,
    /// The code of the area it is placed in (e.g. a locality).
    pub to: String,
    /// The share, in (0, 1], of the evidence (e.g. the ward's GP-registered residents) that
    /// points to `to`.
    pub share: f64,
    /// How much evidence there was (e.g. registered residents counted), so that a share can
    /// be read as "so many out of".
    pub out_of: u64,
    /// The area with the next largest share, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<String>,
    /// That area's share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner_up_share: Option<f64>,
}

/// What kind of number an indicator is, which decides its confidence interval method.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    /// A percentage of a denominator (Wilson score intervals).
    Proportion,
    /// A crude rate per `multiplier` (Byar's / exact Poisson intervals).
    CrudeRate,
    Count,
    Score,
    Mean,
}

/// Which direction of change is good news.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    HighIsGood,
    LowIsGood,
    /// Neither direction is better; comparisons say Higher or Lower.
    NotApplicable,
}

/// Where a figure comes from and under what terms it may be reused.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Source {
    pub name: String,
    pub publisher: String,
    pub licence: String,
    pub url: String,
    /// The attribution statement the licence asks for.
    pub attribution: String,
}

/// Whom an indicator counts, which decides what its areas mean: GP-registered figures follow
/// where a person's GP practice is, resident figures where they live.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Patients registered with the area's GP practices (QOF registers, list sizes).
    Registered,
    /// People living in the area (Census, deprivation, life expectancy).
    Resident,
    /// People using a service the borough provides or commissions (pupils at its schools,
    /// adults in its social care).
    ServiceUsers,
}

/// The catalogue entry of one indicator.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct IndicatorMeta {
    pub id: String,
    pub title: String,
    /// Unit shown after values, e.g. `%` or `per 1,000`.
    pub unit: String,
    pub value_type: ValueType,
    /// For rates: the value is per this many people (100 for a percentage).
    pub multiplier: f64,
    pub polarity: Polarity,
    pub period_type: String,
    /// Whose figures these are: where a person's GP practice is, where they live, or which
    /// service they use.
    pub basis: Basis,
    pub source: Source,
    /// Lookups used to aggregate this indicator; provisional ones are shown as such.
    pub lookups: Vec<String>,
    /// The folder of its shards, relative to the data folder: one file per level in
    /// `levels` (see [`IndicatorMeta::shard_path`]).
    pub shard: String,
    /// The borough's latest figure, so the overview needs no shard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<LatestSummary>,
    /// The area levels (locality, PCN, ward, borough) at which any area has a value, so a
    /// view can offer only the choices that lead somewhere without loading the shard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<AreaLevel>,
    /// The localities, the borough, London and England in one recent period, so the overview
    /// matrix and the locality profiles need no shard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_figures: Option<KeyFigures>,
}

impl IndicatorMeta {
    /// The shard with its values at `level`: `indicators/<id>/locality.json`.
    pub fn shard_path(&self, level: AreaLevel) -> String {
        format!("{}/{}.json", self.shard, level.as_str())
    }
}

/// The key areas' figures for one period of an indicator.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct KeyFigures {
    /// The latest period with locality values, or the borough's latest where there are none.
    pub period: String,
    pub values: Vec<KeyValue>,
}

impl KeyFigures {
    /// The figure for one area, if it has one in this period.
    pub fn value(&self, area: &str) -> Option<&KeyValue> {
        self.values.iter().find(|v| v.area == area)
    }
}

/// One key area's value and comparisons. Its interval stays in the shard: the comparisons
/// made with it are what the overview and profiles show, and the manifest every page loads
/// stays small.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct KeyValue {
    pub area: String,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparisons: Vec<Comparison>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<TrendResult>,
}

/// The borough's latest value of an indicator and how it compares.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct LatestSummary {
    pub period: String,
    pub value: f64,
    pub comparisons: Vec<Comparison>,
    /// The recent trend ending in this period, where five consecutive periods allow one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<TrendResult>,
}

/// `public/data/indicators/<id>.json`: every value of one indicator.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Shard {
    pub schema_version: u32,
    pub indicator: String,
    /// Periods in time order, oldest first.
    pub periods: Vec<String>,
    pub values: Vec<DataPoint>,
    /// Values for groups of people rather than areas (for example by household type), when
    /// the source gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<BreakdownPoint>,
    /// Periods from which the source counts differently (a new denominator, a new age
    /// group), each with the note that says how: figures either side are not comparable, so
    /// the trend chart marks the change and no recent trend spans it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub definition_changes: BTreeMap<String, String>,
    /// The indicator's longer texts, which only its own page shows.
    #[serde(default)]
    pub texts: IndicatorTexts,
    /// Translations of `texts` (keys `indicator.<id>.description` and so on).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

/// An indicator's longer texts: published in its shard rather than the manifest, because
/// only its own page shows them and the manifest is in every first load.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct IndicatorTexts {
    /// Plain-English description for residents.
    pub description: String,
    /// The formal definition (numerator and denominator).
    pub definition: String,
    /// How the explorer produced the figures from the source.
    pub methods: String,
}

/// One group's figure for one area and period, e.g. fuel poverty in England among
/// households of one tenure. Published as the source gives it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct BreakdownPoint {
    pub area: String,
    pub period: String,
    /// What the groups are split by, e.g. `Tenure`.
    pub category_type: String,
    /// The group, e.g. `Private rented`.
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
}

impl Shard {
    /// A shard with no figures, for an indicator that has none at any level.
    pub fn empty(indicator: &str) -> Shard {
        Shard {
            schema_version: SCHEMA_VERSION,
            indicator: indicator.to_string(),
            periods: Vec::new(),
            values: Vec::new(),
            breakdowns: Vec::new(),
            definition_changes: BTreeMap::new(),
            texts: IndicatorTexts::default(),
            translations: Translations::new(),
        }
    }

    /// The part of this shard a view at `level` needs: the values and breakdowns of the
    /// areas at that level, and of England, the regions and the borough, which it compares
    /// with. `level_of` gives an area's level (none for an area the manifest does not list,
    /// whose values are dropped).
    pub fn at_level(
        &self,
        level: AreaLevel,
        level_of: impl Fn(&str) -> Option<AreaLevel>,
    ) -> Shard {
        let wanted = |area: &str| {
            area == BOROUGH_CODE || level_of(area).is_some_and(|l| l == level || l.is_context())
        };
        let values: Vec<DataPoint> = self
            .values
            .iter()
            .filter(|p| wanted(&p.area))
            .cloned()
            .collect();
        let periods = self
            .periods
            .iter()
            .filter(|period| values.iter().any(|p| &p.period == *period))
            .cloned()
            .collect();
        Shard {
            periods,
            values,
            breakdowns: self
                .breakdowns
                .iter()
                .filter(|b| wanted(&b.area))
                .cloned()
                .collect(),
            ..self.clone()
        }
    }

    /// The value for one area and period, if published.
    pub fn point(&self, area: &str, period: &str) -> Option<&DataPoint> {
        self.values
            .iter()
            .find(|v| v.area == area && v.period == period)
    }
}

/// A confidence interval, in the indicator's unit.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lower: f64,
    pub upper: f64,
}

impl Interval {
    /// Whether `x` lies inside the interval, ends included.
    pub fn contains(&self, x: f64) -> bool {
        self.lower <= x && x <= self.upper
    }
}

/// How a published figure came about.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Taken as the source publishes it.
    Published,
    /// Summed by the explorer from the source's counts for the areas beneath.
    Aggregated,
}

/// One area's figure for one period.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct DataPoint {
    pub area: String,
    pub period: String,
    pub origin: Origin,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci95: Option<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci998: Option<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    /// Why the figure is withheld, when disclosure control withheld it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparisons: Vec<Comparison>,
    /// A caveat about this one figure (for example a period the source does not state
    /// clearly, or why a value is not published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The recent trend ending in this period (`crate::trend`), only on the last period of
    /// the area's latest run of at least five consecutive, comparable periods of counts
    /// (usually its latest period; earlier where later years are missing, as in QOF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<TrendResult>,
}

/// The result of comparing an area with one benchmark area.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The benchmark's area code.
    pub benchmark: String,
    pub result: ComparisonResult,
}

/// The Fingertips comparison outcome.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonResult {
    Better,
    Similar,
    Worse,
    Higher,
    Lower,
    NotCompared,
}

/// `public/data/health_challenges.json`: statistics quoted from a THT document, each with its
/// citation. These are figures as the document states them, not recomputed.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct HealthChallenges {
    pub schema_version: u32,
    /// Comparisons such as "47% of people with a serious mental illness smoke, compared to
    /// 20% of the population".
    pub statistics: Vec<HealthStatistic>,
    /// The document's list of the borough's health challenges, by theme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<ChallengeTheme>,
    /// The statistics' and themes' texts in other languages (keys in [`crate::localise`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: Translations,
}

/// One statistic: a group's percentage and, where the document gives one, the percentage it
/// is compared with.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct HealthStatistic {
    pub id: String,
    /// Short label, e.g. "Smoking: people with a serious mental illness".
    pub label: String,
    /// The group's percentage (0-100).
    pub percent: f64,
    /// The percentage it is compared with, when the document gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison_percent: Option<f64>,
    /// What the comparison percentage is of, e.g. "the population".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison_label: Option<String>,
    /// The statistic in plain English, as the document words it.
    pub text: String,
    pub citation: Citation,
}

/// A theme of the document's "Health challenges" page and its points, verbatim.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ChallengeTheme {
    /// Short stable id, naming the theme's translations (`theme.<id>.theme`). Empty in files
    /// written before themes had ids; such a theme is shown in English.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub theme: String,
    pub points: Vec<String>,
    pub citation: Citation,
}

/// `public/data/population/registered.json`: the patients registered with each GP network's
/// practices by age band and sex, and the localities' and borough's sums of them, for the
/// "who is registered here" pyramid.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct RegisteredPopulation {
    pub schema_version: u32,
    /// The extract's date, `YYYY-MM-DD`.
    pub extract_date: String,
    /// The age bands, youngest first, as shown (`0-4`, …, `90+`).
    pub bands: Vec<String>,
    pub areas: Vec<PopulationByAge>,
    pub source: Source,
    /// How the figures were made: which rows are published and which summed, and why the
    /// oldest bands are merged.
    pub methods: String,
}

impl RegisteredPopulation {
    /// The population of the area with this code, if the file has it.
    pub fn area(&self, code: &str) -> Option<&PopulationByAge> {
        self.areas.iter().find(|a| a.area == code)
    }
}

/// One area's registered patients by age band (in [`RegisteredPopulation::bands`] order) and
/// sex.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct PopulationByAge {
    pub area: String,
    /// Published by NHS England (a network's own rows) or summed by the explorer (localities
    /// and the borough, from their networks).
    pub origin: Origin,
    pub female: Vec<u64>,
    pub male: Vec<u64>,
    /// Everyone registered, as published or summed; it may exceed female + male where the
    /// publisher counts patients of another or unknown sex.
    pub total: u64,
}

/// Where a transcribed figure comes from.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Citation {
    /// The document's title.
    pub document: String,
    /// The section or page the figure is on.
    pub section: String,
    pub publisher: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_keeps_four_places_and_no_negative_zero() {
        assert_eq!(round_published(15.485_888_81), 15.4859);
        assert_eq!(round_published(-0.000_01), 0.0);
        assert!(round_published(-0.000_01).is_sign_positive());
    }

    #[test]
    fn a_level_shard_keeps_its_areas_and_those_it_is_compared_with() {
        let point = |area: &str, period: &str| DataPoint {
            area: area.to_string(),
            period: period.to_string(),
            ..serde_json::from_str(r#"{"area":"","period":"","origin":"published"}"#).unwrap()
        };
        let shard = Shard {
            values: vec![
                point("E92000001", "2022"),
                point("E12000007", "2022"),
                point(BOROUGH_CODE, "2022"),
                point("LOC-A", "2022"),
                point("PCN-1", "2023"),
                point("UNLISTED", "2022"),
            ],
            periods: vec!["2022".into(), "2023".into()],
            ..Shard::empty("1")
        };
        let level_of = |code: &str| match code {
            "E92000001" => Some(AreaLevel::England),
            "E12000007" => Some(AreaLevel::Region),
            BOROUGH_CODE => Some(AreaLevel::Borough),
            "LOC-A" => Some(AreaLevel::Locality),
            "PCN-1" => Some(AreaLevel::Pcn),
            _ => None,
        };
        let localities = shard.at_level(AreaLevel::Locality, level_of);
        let areas: Vec<&str> = localities.values.iter().map(|p| p.area.as_str()).collect();
        assert_eq!(areas, ["E92000001", "E12000007", BOROUGH_CODE, "LOC-A"]);
        // Only the periods its own values have.
        assert_eq!(localities.periods, ["2022"]);
        let pcns = shard.at_level(AreaLevel::Pcn, level_of);
        assert!(pcns.values.iter().any(|p| p.area == "PCN-1"));
        assert!(!pcns.values.iter().any(|p| p.area == "LOC-A"));
        assert_eq!(pcns.periods, ["2022", "2023"]);
    }
}
