//! The catalogue is complete: both languages have every key, with the same placeholders, and
//! the code asks only for keys that exist and uses every key there is. A missing Bengali text
//! would otherwise show as English (or as the key) to the people the translation is for.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use outcomes_i18n::{catalogue, Lang};
use regex::Regex;

fn as_map(lang: Lang) -> BTreeMap<String, String> {
    catalogue(lang).into_iter().collect()
}

fn placeholders(text: &str) -> BTreeSet<String> {
    let pattern = Regex::new(r"%\{([a-z_]+)\}").unwrap();
    pattern
        .captures_iter(text)
        .map(|c| c[1].to_string())
        .collect()
}

#[test]
fn every_key_is_in_both_languages_with_the_same_placeholders() {
    let english = as_map(Lang::En);
    let bengali = as_map(Lang::Bn);
    assert!(english.len() > 10, "the catalogue is nearly empty");
    let only_english: Vec<_> = english
        .keys()
        .filter(|k| !bengali.contains_key(*k))
        .collect();
    let only_bengali: Vec<_> = bengali
        .keys()
        .filter(|k| !english.contains_key(*k))
        .collect();
    assert!(only_english.is_empty(), "no Bengali for: {only_english:?}");
    assert!(only_bengali.is_empty(), "no English for: {only_bengali:?}");
    for (key, en) in &english {
        let bn = &bengali[key];
        assert!(
            !en.trim().is_empty() && !bn.trim().is_empty(),
            "{key} is empty"
        );
        assert_eq!(
            placeholders(en),
            placeholders(bn),
            "{key}: the two languages fill different values"
        );
    }
}

#[test]
fn bengali_texts_are_written_in_bengali() {
    // A Bengali text with no Bengali letter in it is an English text pasted across, unless it
    // is a placeholder or a symbol only.
    let bengali_letter = Regex::new(r"[\u0980-\u09FF]").unwrap();
    let untranslated: Vec<_> = catalogue(Lang::Bn)
        .into_iter()
        .filter(|(_, text)| {
            let without_placeholders = Regex::new(r"%\{[a-z_]+\}").unwrap().replace_all(text, "");
            without_placeholders
                .chars()
                .any(|c| c.is_ascii_alphabetic())
                && !bengali_letter.is_match(text)
        })
        .map(|(key, _)| key)
        .collect();
    assert!(untranslated.is_empty(), "not in Bengali: {untranslated:?}");
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Every `tr!(lang, "key" …)` in the workspace's source.
fn keys_in_code() -> BTreeMap<String, PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for entry in std::fs::read_dir(root.join("crates")).unwrap() {
        let src = entry.unwrap().path().join("src");
        if src.is_dir() {
            rust_files(&src, &mut files);
        }
    }
    let call = Regex::new(r#"tr!\(\s*[^"]*?,\s*"([^"]+)""#).unwrap();
    let mut keys = BTreeMap::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        // Comments show how to call `tr!`; only code asks for texts.
        let code: String = source
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for capture in call.captures_iter(&code) {
            keys.insert(capture[1].to_string(), file.clone());
        }
    }
    keys
}

#[test]
fn the_code_asks_only_for_keys_that_exist() {
    let english = as_map(Lang::En);
    let used = keys_in_code();
    assert!(
        used.len() > 10,
        "found almost no tr! calls: the scan is broken"
    );
    let missing: Vec<_> = used
        .iter()
        .filter(|(key, _)| !english.contains_key(*key))
        .map(|(key, file)| format!("{key} (in {})", file.display()))
        .collect();
    assert!(
        missing.is_empty(),
        "keys the code uses but no locale file has: {missing:#?}"
    );
}

#[test]
fn every_key_in_the_catalogue_is_used() {
    let used = keys_in_code();
    let unused: Vec<_> = as_map(Lang::En)
        .into_keys()
        .filter(|key| !used.contains_key(key))
        .collect();
    assert!(unused.is_empty(), "texts nothing shows: {unused:?}");
}

#[test]
fn placeholders_are_filled_and_a_missing_key_shows_itself() {
    assert_eq!(outcomes_i18n::text(Lang::Bn, "month.11"), "নভেম্বর");
    assert_eq!(
        outcomes_i18n::text_with(Lang::En, "url_notice.too_many_areas", &[("limit", "50")]),
        "at most 50 areas can be chosen at once"
    );
    assert_eq!(
        outcomes_i18n::text(Lang::Bn, "no.such.key"),
        "no.such.key",
        "a slip must be visible, not blank"
    );
}
