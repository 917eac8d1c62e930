//! The published files behind "find my area": what the place search knows beyond the
//! manifest's areas (`places.json`), the postcode lookup split by district
//! (`postcodes/<district>.json`), and every ward's figures for the ward pages
//! (`profiles/ward.json`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{AreaLevel, KeyFigures, Source};
use crate::postcode::Postcode;

/// `places.json`: loaded when someone searches, never by the pages that do not.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Places {
    pub schema_version: u32,
    /// Names an area was known by before (a ward's name before the 2022 boundaries).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<FormerName>,
    /// The borough's GP practices, each in the network it belongs to now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practices: Vec<Practice>,
    /// Where the practices and their networks come from.
    pub practices_source: Source,
    pub postcodes: PostcodeLookup,
}

/// A name an area had, with what it was (`ward name before May 2022`).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct FormerName {
    pub area: String,
    pub name: String,
    pub until: String,
}

/// A GP practice and the network (PCN) it belongs to in the latest mapping.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Practice {
    pub code: String,
    pub name: String,
    pub pcn: String,
}

/// How the postcode lookup is published: one small file per postcode district, so the page
/// asks only for the district a person typed, and the whole postcode never leaves it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct PostcodeLookup {
    /// The folder of the district files, relative to the data folder (`postcodes`).
    pub folder: String,
    /// Every district with a Tower Hamlets postcode, in file order.
    pub districts: Vec<String>,
    /// The release of the lookup, as a person can check it (`OS Code-Point Open 2025.4.0,
    /// October 2025`): a postcode newer than it, or retired before it, is not found.
    pub release: String,
    pub source: Source,
    /// The statements the licence asks for, shown next to every answer from the lookup.
    pub attribution: Vec<String>,
}

impl PostcodeLookup {
    /// Whether any Tower Hamlets postcode is in this district.
    pub fn has_district(&self, district: &str) -> bool {
        self.districts.iter().any(|d| d == district)
    }

    /// The district's file, relative to the data folder, when the borough has postcodes in
    /// it: `postcodes/E14.json`.
    pub fn district_path(&self, postcode: &Postcode) -> Option<String> {
        self.has_district(postcode.district())
            .then(|| format!("{}/{}.json", self.folder, postcode.district()))
    }
}

/// `postcodes/<district>.json`: each Tower Hamlets postcode of one district, by its inward
/// code, with the ward it is in.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct PostcodeDistrict {
    pub schema_version: u32,
    pub district: String,
    /// Inward code (`2BG`) → ward code.
    pub wards: BTreeMap<String, String>,
}

impl PostcodeDistrict {
    /// The ward of `postcode`, when the lookup has it.
    pub fn ward(&self, postcode: &Postcode) -> Option<&str> {
        (postcode.district() == self.district)
            .then(|| self.wards.get(postcode.inward()))
            .flatten()
            .map(String::as_str)
    }
}

/// `profiles/<level>.json`: for each indicator with values at `level`, every area of the
/// level with the borough, London and England, in the latest period with a value at the
/// level, so an area's page draws from one small file.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct LevelProfiles {
    pub schema_version: u32,
    pub level: AreaLevel,
    /// By indicator id, in the manifest's order.
    pub indicators: Vec<IndicatorFigures>,
}

/// One indicator's figures in a [`LevelProfiles`].
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct IndicatorFigures {
    pub indicator: String,
    pub figures: KeyFigures,
}

impl LevelProfiles {
    /// The figures of the indicator with this id, if it has values at this level.
    pub fn figures(&self, indicator: &str) -> Option<&KeyFigures> {
        self.indicators
            .iter()
            .find(|i| i.indicator == indicator)
            .map(|i| &i.figures)
    }
}

/// Where the [`LevelProfiles`] of one level are published.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ProfileFile {
    pub level: AreaLevel,
    /// Relative to the data folder: `profiles/ward.json`.
    pub path: String,
}
