//! `health_challenges.toml`: statistics the publisher transcribed from a THT document, each
//! published with its citation in `health_challenges.json`.

use std::collections::BTreeSet;
use std::path::Path;

use outcomes_core::model::{
    ChallengeTheme, Citation, HealthChallenges, HealthStatistic, SCHEMA_VERSION,
};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Location, Result};

/// The file name in the publisher folder and in the output folder.
pub const INPUT: &str = "health_challenges.toml";
/// Where the statistics are published, relative to the output folder.
pub const OUTPUT: &str = "health_challenges.json";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    document: Document,
    statistics: Vec<Statistic>,
    #[serde(default)]
    themes: Vec<Theme>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    title: String,
    publisher: String,
    #[serde(default)]
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Statistic {
    id: Spanned<String>,
    label: String,
    percent: Spanned<f64>,
    #[serde(default)]
    comparison_percent: Option<Spanned<f64>>,
    #[serde(default)]
    comparison_label: Option<String>,
    text: String,
    section: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Theme {
    id: Spanned<String>,
    theme: String,
    section: String,
    points: Vec<String>,
}

/// Reads the publisher's `health_challenges.toml`, if there is one. Percentages must lie
/// between 0 and 100, statistic and theme ids must be unique, and a comparison percentage
/// needs its label. Translations are added by [`crate::translations`].
pub fn read(publisher: &Path) -> Result<Option<HealthChallenges>> {
    let path = publisher.join(INPUT);
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let at = |offset: usize| Location::at_offset(&path, &text, offset);
    let file: File = toml::from_str(&text).map_err(|e| Error::Toml {
        at: at(e.span().map_or(0, |s| s.start)),
        message: e.message().trim().to_string(),
    })?;
    let citation = |section: String| Citation {
        document: file.document.title.clone(),
        section,
        publisher: file.document.publisher.clone(),
        url: file.document.url.clone(),
    };
    let mut ids = BTreeSet::new();
    let mut statistics = Vec::new();
    for s in file.statistics {
        if !ids.insert(s.id.get_ref().clone()) {
            return Err(Error::invalid(
                at(s.id.span().start),
                format!("statistic id \"{}\" is used twice", s.id.get_ref()),
            ));
        }
        for p in std::iter::once(&s.percent).chain(s.comparison_percent.as_ref()) {
            if !(0.0..=100.0).contains(p.get_ref()) {
                return Err(Error::invalid(
                    at(p.span().start),
                    format!("found {}; expected a percentage from 0 to 100", p.get_ref()),
                ));
            }
        }
        if let (Some(p), None) = (&s.comparison_percent, &s.comparison_label) {
            return Err(Error::invalid(
                at(p.span().start),
                "a comparison_percent needs a comparison_label saying what it is of",
            ));
        }
        statistics.push(HealthStatistic {
            id: s.id.into_inner(),
            label: s.label,
            percent: s.percent.into_inner(),
            comparison_percent: s.comparison_percent.map(Spanned::into_inner),
            comparison_label: s.comparison_label,
            text: s.text,
            citation: citation(s.section),
        });
    }
    let mut theme_ids = BTreeSet::new();
    let mut themes = Vec::new();
    for t in file.themes {
        let id = t.id.get_ref();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err(Error::invalid(
                at(t.id.span().start),
                "expected a theme id of letters, digits, '-', '_' or '.'",
            ));
        }
        if !theme_ids.insert(id.clone()) {
            return Err(Error::invalid(
                at(t.id.span().start),
                format!("theme id \"{id}\" is used twice"),
            ));
        }
        themes.push(ChallengeTheme {
            id: t.id.into_inner(),
            theme: t.theme,
            points: t.points,
            citation: citation(t.section),
        });
    }
    Ok(Some(HealthChallenges {
        schema_version: SCHEMA_VERSION,
        statistics,
        themes,
        translations: Default::default(),
    }))
}
