//! "Find my area": what a person typed, read as a postcode or matched against the names of
//! wards (also their names before 2022), localities, GP networks, GP practices and
//! indicators, in English and in every language the data is translated into. Plain and fast,
//! so it runs in the browser on every keystroke.

use crate::localise::key;
use crate::model::{AreaLevel, Manifest};
use crate::places::Places;
use crate::postcode::{looks_like_postcode, NotAPostcode, Postcode};

/// The most matches a search lists; the page says how many more there are.
pub const MAX_MATCHES: usize = 12;

/// What a search found.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Nothing was typed.
    Nothing,
    /// A whole postcode in a district with Tower Hamlets postcodes: the district's file
    /// (`path`, relative to the data folder) says which ward it is in, if any.
    Postcode { postcode: Postcode, path: String },
    /// A whole postcode in a district with no Tower Hamlets postcode.
    OutsideBorough(Postcode),
    /// A postcode district alone (`E14`).
    DistrictOnly(String),
    /// Text that looks like a postcode but is not one (`E14 2B`).
    BadPostcode,
    /// Places and indicators whose names match, best first (at most [`MAX_MATCHES`]),
    /// with how many matched in all; when none did, the closest names as suggestions.
    Names {
        matches: Vec<Match>,
        total: usize,
        suggestions: Vec<Match>,
    },
}

/// One place or indicator a search matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub target: Target,
    /// Its name in the language asked for (English where there is no translation).
    pub name: String,
    /// Whether `name` is the English one, so a page in another language can mark it.
    pub english: bool,
    /// The other name that matched, when it was not `name` (a ward's name before 2022, or a
    /// name in the other language).
    pub matched: Option<String>,
}

/// What a match leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An area of the manifest: a ward, a locality or a GP network.
    Area {
        code: String,
        level: AreaLevel,
    },
    /// A GP practice, with the network it belongs to.
    Practice {
        code: String,
        pcn: String,
    },
    Indicator {
        id: String,
    },
}

/// A name to match, with what it leads to and its name in the language asked for.
struct Candidate {
    target: Target,
    name: String,
    english: bool,
    names: Vec<(String, Option<String>)>,
}

/// Reads `query` as a postcode, or matches it against every name in `manifest` (as
/// published, in English, with its translations) and `places`. Names come back in `lang`.
pub fn search(manifest: &Manifest, places: &Places, query: &str, lang: &str) -> Found {
    let query = query.trim();
    if query.is_empty() {
        return Found::Nothing;
    }
    if looks_like_postcode(query) {
        return match Postcode::parse(query) {
            Ok(postcode) => match places.postcodes.district_path(&postcode) {
                Some(path) => Found::Postcode { postcode, path },
                None => Found::OutsideBorough(postcode),
            },
            Err(NotAPostcode::DistrictOnly(district)) => Found::DistrictOnly(district),
            Err(NotAPostcode::Other) => Found::BadPostcode,
        };
    }
    let words = words(query);
    if words.is_empty() {
        return Found::Names {
            matches: Vec::new(),
            total: 0,
            suggestions: Vec::new(),
        };
    }
    let candidates = candidates(manifest, places, lang);
    let mut scored: Vec<(u8, usize, Match)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(order, c)| {
            let (score, matched) = c
                .names
                .iter()
                .filter_map(|(name, other)| score(&words, name).map(|s| (s, other.clone())))
                .min_by_key(|(s, _)| *s)?;
            Some((
                score,
                order,
                Match {
                    target: c.target.clone(),
                    name: c.name.clone(),
                    english: c.english,
                    matched,
                },
            ))
        })
        .collect();
    scored.sort_by_key(|(score, order, _)| (*score, *order));
    let total = scored.len();
    let matches: Vec<Match> = scored
        .into_iter()
        .take(MAX_MATCHES)
        .map(|(_, _, m)| m)
        .collect();
    let suggestions = if matches.is_empty() {
        suggestions(&candidates, &words.join(" "))
    } else {
        Vec::new()
    };
    Found::Names {
        matches,
        total,
        suggestions,
    }
}

/// Every name a search can match, in the order results of equal quality are listed: wards,
/// localities, networks, practices, then indicators.
fn candidates(manifest: &Manifest, places: &Places, lang: &str) -> Vec<Candidate> {
    let translated = |kind: &str, id: &str, field: &str, english: &str| -> Vec<(String, String)> {
        let key = key(kind, id, field);
        let mut names = vec![("en".to_string(), english.to_string())];
        for (language, texts) in &manifest.translations {
            if let Some(text) = texts.get(&key) {
                names.push((language.clone(), text.clone()));
            }
        }
        names
    };
    // The name in `lang`, and every name to match with the one shown beside it when it is
    // not the name in `lang`.
    type Named = (String, bool, Vec<(String, Option<String>)>);
    let named = |names: Vec<(String, String)>| -> Named {
        let (shown_in, shown) = names
            .iter()
            .find(|(language, _)| language == lang)
            .or_else(|| names.first())
            .cloned()
            .unwrap_or_default();
        let all = names
            .into_iter()
            .map(|(_, text)| {
                let other = (text != shown).then(|| text.clone());
                (text, other)
            })
            .collect();
        (shown, shown_in == "en", all)
    };
    let mut out = Vec::new();
    for level in [AreaLevel::Ward, AreaLevel::Locality, AreaLevel::Pcn] {
        for area in manifest.areas_at(level) {
            let (name, english, mut names) =
                named(translated("area", &area.code, "name", &area.name));
            names.extend(
                places
                    .former_names
                    .iter()
                    .filter(|f| f.area == area.code && f.name != area.name)
                    .map(|f| (f.name.clone(), Some(f.name.clone()))),
            );
            out.push(Candidate {
                target: Target::Area {
                    code: area.code.clone(),
                    level,
                },
                name,
                english,
                names,
            });
        }
    }
    out.extend(places.practices.iter().map(|p| Candidate {
        target: Target::Practice {
            code: p.code.clone(),
            pcn: p.pcn.clone(),
        },
        name: p.name.clone(),
        english: true,
        names: vec![(p.name.clone(), None)],
    }));
    for indicator in &manifest.indicators {
        let (name, english, names) = named(translated(
            "indicator",
            &indicator.id,
            "title",
            &indicator.title,
        ));
        out.push(Candidate {
            target: Target::Indicator {
                id: indicator.id.clone(),
            },
            name,
            english,
            names,
        });
    }
    out
}

/// How well `name` matches the query's words (lower is better), if it does: 0 the whole
/// name, 1 its start, 2 every word found in it.
fn score(query: &[String], name: &str) -> Option<u8> {
    let name_words = words(name);
    if name_words == query {
        return Some(0);
    }
    if !query
        .iter()
        .all(|q| name_words.iter().any(|w| word_matches(q, w)))
    {
        return None;
    }
    let starts = query
        .iter()
        .zip(&name_words)
        .all(|(q, w)| word_matches(q, w));
    Some(if starts { 1 } else { 2 })
}

/// Whether a typed word matches a word of a name: the start of it (`katharine`,
/// `katharines`), or the same word with another ending (`overcrowding`, `overcrowded`).
fn word_matches(typed: &str, word: &str) -> bool {
    if word.starts_with(typed) {
        return true;
    }
    let stem = stem(typed);
    stem.chars().count() >= 4 && word.starts_with(stem)
}

/// A word without its commonest English endings, so that forms of one word meet.
fn stem(word: &str) -> &str {
    for ending in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.chars().count() >= 3 {
                return stem;
            }
        }
    }
    word
}

/// The words of a text as a search compares them: lower case, `&` read as "and",
/// apostrophes and full stops dropped (`St. Katharine's` → `st katharines`), other
/// punctuation a space.
pub fn words(text: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => cleaned.push_str(" and "),
            '\'' | '’' | '.' => {}
            c if c.is_alphanumeric() || is_combining(c) => cleaned.extend(c.to_lowercase()),
            _ => cleaned.push(' '),
        }
    }
    cleaned.split_whitespace().map(str::to_string).collect()
}

/// Bengali vowel signs and other marks are not alphanumeric, but are part of a word.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0980}'..='\u{09FF}' | '\u{200C}' | '\u{200D}')
}

/// When nothing matched: up to three names close to what was typed (a misspelling), closest
/// first.
fn suggestions(candidates: &[Candidate], typed: &str) -> Vec<Match> {
    const CLOSE: f64 = 0.85;
    let mut close: Vec<(f64, usize, Match)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(order, c)| {
            let best = c
                .names
                .iter()
                .flat_map(|(name, other)| {
                    // The whole name, and each run of as many words as were typed.
                    let name_words = words(name);
                    let n = typed.split(' ').count().min(name_words.len()).max(1);
                    let runs: Vec<String> = name_words.windows(n).map(|w| w.join(" ")).collect();
                    runs.into_iter()
                        .map(move |run| (strsim::jaro_winkler(typed, &run), other.clone()))
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))?;
            (best.0 >= CLOSE).then(|| {
                (
                    best.0,
                    order,
                    Match {
                        target: c.target.clone(),
                        name: c.name.clone(),
                        english: c.english,
                        matched: best.1,
                    },
                )
            })
        })
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    close.into_iter().take(3).map(|(_, _, m)| m).collect()
}
