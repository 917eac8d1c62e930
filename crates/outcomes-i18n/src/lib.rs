//! Every interface string in English and Bengali, and numbers and dates written for each
//! language.
//!
//! The texts live in `locales/*.yml`, one file per part of the interface, each key with its
//! English and Bengali side by side so a reviewer reads them together. rust-i18n compiles
//! them into the binary. The tests in `tests/complete.rs` hold the catalogue to account:
//! every key has both languages with the same placeholders, and every key the code asks for
//! exists.

mod numerals;

pub use numerals::{date, digits, group_thousands, iso_date};
pub use outcomes_state::Lang;

rust_i18n::i18n!("locales", fallback = "en");

/// The text for `key` in `lang`. A key that does not exist comes back as itself, so a slip
/// shows on screen rather than as a blank; the tests make sure no such key ships.
pub fn text(lang: Lang, key: &str) -> String {
    _rust_i18n_try_translate(lang.as_str(), key)
        .map(|text| text.into_owned())
        .unwrap_or_else(|| key.to_string())
}

/// The text for `key` with its `%{name}` placeholders filled from `values`.
pub fn text_with(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    let template = text(lang, key);
    let (names, values): (Vec<&str>, Vec<String>) = values
        .iter()
        .map(|(name, value)| (*name, (*value).to_string()))
        .unzip();
    rust_i18n::replace_patterns(&template, &names, &values)
}

/// Every key and its text in `lang`, for the tests that check the catalogue is complete.
pub fn catalogue(lang: Lang) -> Vec<(String, String)> {
    _rust_i18n_backend()
        .messages_for_locale(lang.as_str())
        .unwrap_or_default()
        .into_iter()
        .map(|(key, text)| (key.into_owned(), text.into_owned()))
        .collect()
}

/// `tr!(lang, "key")` or `tr!(lang, "key", name = value, …)`: the text in `lang` with its
/// placeholders filled. Values are anything with `Display`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal $(,)?) => {
        $crate::text($lang, $key)
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::text_with(
            $lang,
            $key,
            &[$((stringify!($name), &*::std::string::ToString::to_string(&$value))),+],
        )
    };
}
