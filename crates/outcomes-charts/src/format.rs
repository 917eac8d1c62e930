//! Number formatting for people: one decimal place for values, thousands separators for
//! counts, in the digits of the page's language (`15.5%` or `১৫.৫%`).

use outcomes_i18n::{digits, tr, Lang};

/// A value to one decimal place with its unit: `15.5%`, `612.1 per 1,000`; in Bengali
/// `১৫.৫%`, `প্রতি ১,০০০-এ ৬১২.১`. The units the publisher uses are worded in `lang` (see
/// [`unit_label`]); any other unit is shown as published, with its digits in `lang`.
pub fn value_with_unit(value: f64, unit: &str, lang: Lang) -> String {
    let number = figure(value, unit, lang);
    match unit {
        "%" => format!("{number}%"),
        "" => number,
        // Bengali puts these units before the number.
        "per 1,000" => tr!(lang, "charts.value.per_1000", value = number),
        "score out of 12" => tr!(lang, "charts.value.score_out_of_12", value = number),
        _ => format!("{number} {}", unit_label(unit, lang)),
    }
}

/// The unit as `lang` words it, for axis names and table headings: "per 1,000" is
/// "প্রতি ১,০০০" in Bengali. Units the publisher does not use are returned as published,
/// with their digits in `lang`.
pub fn unit_label(unit: &str, lang: Lang) -> String {
    match unit {
        "people" => tr!(lang, "charts.unit.people"),
        "per 1,000" => tr!(lang, "charts.unit.per_1000"),
        "rate (unit not stated)" => tr!(lang, "charts.unit.rate_not_stated"),
        "score" => tr!(lang, "charts.unit.score"),
        "score out of 12" => tr!(lang, "charts.unit.score_out_of_12"),
        "years" => tr!(lang, "charts.unit.years"),
        other => digits(lang, other),
    }
}

/// True for a unit no language words: a symbol such as `µg/m³`, shown as published (and
/// marked as English on a page in another language). `%` is a symbol every language reads.
pub fn is_symbol_unit(unit: &str) -> bool {
    unit_label(unit, Lang::Bn)
        .chars()
        .any(|c| c.is_ascii_alphabetic())
}

/// The decimal places a figure in `unit` is shown with, everywhere it is shown (page, table,
/// tooltip, summary, saved image): enough to tell areas apart. Scores between 0 and 1 (the
/// adult social care "score") need three, or 30 of 31 boroughs read "0.4"; a number of
/// people is a count; everything else has one.
pub fn decimal_places(unit: &str) -> usize {
    match unit {
        "score" => 3,
        "people" => 0,
        _ => 1,
    }
}

/// A figure in `unit`, without the unit, to [`decimal_places`]: `15.5` (`১৫.৫` in Bengali),
/// `0.417`, `1,204` people. Halves round away from zero, as people round (Rust's formatter
/// rounds 18.25 down to 18.2). This is the one place a figure's digits are decided.
pub fn figure(value: f64, unit: &str, lang: Lang) -> String {
    let places = decimal_places(unit);
    if places == 0 {
        return count(value.round(), lang);
    }
    let scale = 10f64.powi(places as i32);
    digits(
        lang,
        &format!("{:.*}", places, (value * scale).round() / scale),
    )
}

/// A figure as its source printed it, with no places added: a document's "47%" stays 47.
pub fn as_published(value: f64, lang: Lang) -> String {
    digits(lang, &value.to_string())
}

/// A whole count with thousands separators, e.g. `326,762` (`৩,২৬,৭৬২` in Bengali, grouped
/// the South Asian way). Counts that are not whole (some published denominators are
/// weighted) keep one decimal place.
pub fn count(value: f64, lang: Lang) -> String {
    let whole = value.round();
    if (value - whole).abs() > 1e-9 {
        let tenths = (value.abs() * 10.0).round() as u64;
        let int = outcomes_i18n::group_thousands(lang, tenths / 10);
        let frac = digits(lang, &(tenths % 10).to_string());
        let sign = if value < 0.0 { "-" } else { "" };
        return format!("{sign}{int}.{frac}");
    }
    let sign = if whole < 0.0 { "-" } else { "" };
    format!(
        "{sign}{}",
        outcomes_i18n::group_thousands(lang, whole.abs() as u64)
    )
}

/// The text with its first letter in capitals: "the population" → "The population".
/// Bengali has no capitals, so Bengali text comes back unchanged.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_carry_their_unit() {
        assert_eq!(value_with_unit(15.48588881, "%", Lang::En), "15.5%");
        assert_eq!(
            value_with_unit(612.12649, "per 1,000", Lang::En),
            "612.1 per 1,000"
        );
        assert_eq!(value_with_unit(3.0, "", Lang::En), "3.0");
        assert_eq!(value_with_unit(81.25, "years", Lang::En), "81.3 years");
        assert_eq!(
            value_with_unit(7.5, "score out of 12", Lang::En),
            "7.5 score out of 12"
        );
        assert_eq!(value_with_unit(9.0, "µg/m³", Lang::En), "9.0 µg/m³");
        assert_eq!(figure(18.25, "%", Lang::En), "18.3");
        assert_eq!(figure(-0.25, "%", Lang::En), "-0.3");
        // Scores between 0 and 1 keep three places; people are counted.
        assert_eq!(figure(0.41666, "score", Lang::En), "0.417");
        assert_eq!(value_with_unit(0.4, "score", Lang::En), "0.400 score");
        assert_eq!(value_with_unit(87.0, "people", Lang::En), "87 people");
        assert_eq!(value_with_unit(1204.0, "people", Lang::En), "1,204 people");
        assert_eq!(as_published(47.0, Lang::En), "47");
        assert_eq!(as_published(12.5, Lang::Bn), "১২.৫");
    }

    #[test]
    fn bengali_values_use_bengali_digits_and_words() {
        assert_eq!(value_with_unit(15.48588881, "%", Lang::Bn), "১৫.৫%");
        assert_eq!(
            value_with_unit(612.12649, "per 1,000", Lang::Bn),
            "প্রতি ১,০০০-এ ৬১২.১"
        );
        assert_eq!(value_with_unit(81.25, "years", Lang::Bn), "৮১.৩ বছর");
        assert_eq!(value_with_unit(120.0, "people", Lang::Bn), "১২০ জন");
        assert_eq!(
            value_with_unit(7.5, "score out of 12", Lang::Bn),
            "১২-এর মধ্যে ৭.৫"
        );
        assert_eq!(value_with_unit(9.0, "µg/m³", Lang::Bn), "৯.০ µg/m³");
        assert_eq!(figure(-0.25, "%", Lang::Bn), "-০.৩");
        assert_eq!(unit_label("per 1,000", Lang::Bn), "প্রতি ১,০০০");
        assert_eq!(unit_label("per 1,000", Lang::En), "per 1,000");
        assert!(is_symbol_unit("µg/m³"));
        assert!(!is_symbol_unit("%"));
        assert!(!is_symbol_unit("per 1,000"));
    }

    #[test]
    fn capitalise_changes_only_the_first_letter() {
        assert_eq!(capitalise("the population"), "The population");
        assert_eq!(capitalise("GP networks"), "GP networks");
        assert_eq!(capitalise(""), "");
        assert_eq!(capitalise("জনসংখ্যা"), "জনসংখ্যা");
    }

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(count(326762.0, Lang::En), "326,762");
        assert_eq!(count(999.0, Lang::En), "999");
        assert_eq!(count(1000.0, Lang::En), "1,000");
        assert_eq!(count(0.0, Lang::En), "0");
        assert_eq!(count(46608551.5, Lang::En), "46,608,551.5");
    }

    #[test]
    fn bengali_counts_are_grouped_in_lakhs() {
        assert_eq!(count(326762.0, Lang::Bn), "৩,২৬,৭৬২");
        assert_eq!(count(46608551.5, Lang::Bn), "৪,৬৬,০৮,৫৫১.৫");
        assert_eq!(count(-1200.0, Lang::Bn), "-১,২০০");
    }
}
