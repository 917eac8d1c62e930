//! Number formatting for people: one decimal place for values, thousands separators for
//! counts.

/// A value to one decimal place with its unit: `15.5%`, `612.1 per 1,000`.
pub fn value_with_unit(value: f64, unit: &str) -> String {
    let number = decimal(value);
    if unit == "%" {
        format!("{number}%")
    } else if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// A value to one decimal place, e.g. `15.5`. Halves round away from zero, as people round
/// (Rust's formatter rounds 18.25 down to 18.2).
pub fn decimal(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

/// A whole count with thousands separators, e.g. `326,762`. Counts that are not whole (some
/// published denominators are weighted) keep one decimal place.
pub fn count(value: f64) -> String {
    let whole = value.round();
    if (value - whole).abs() > 1e-9 {
        let int = group_thousands(value.trunc().abs() as u64);
        let frac = format!("{:.1}", value.abs().fract());
        let sign = if value < 0.0 { "-" } else { "" };
        return format!("{sign}{int}{}", &frac[1..]);
    }
    let sign = if whole < 0.0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(whole.abs() as u64))
}

/// The text with its first letter in capitals: "the population" → "The population".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_carry_their_unit() {
        assert_eq!(value_with_unit(15.48588881, "%"), "15.5%");
        assert_eq!(value_with_unit(612.12649, "per 1,000"), "612.1 per 1,000");
        assert_eq!(value_with_unit(3.0, ""), "3.0");
        assert_eq!(decimal(18.25), "18.3");
        assert_eq!(decimal(-0.25), "-0.3");
    }

    #[test]
    fn capitalise_changes_only_the_first_letter() {
        assert_eq!(capitalise("the population"), "The population");
        assert_eq!(capitalise("GP networks"), "GP networks");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(count(326762.0), "326,762");
        assert_eq!(count(999.0), "999");
        assert_eq!(count(1000.0), "1,000");
        assert_eq!(count(0.0), "0");
        assert_eq!(count(46608551.5), "46,608,551.5");
    }
}
