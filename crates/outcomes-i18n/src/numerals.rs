//! Numbers and dates as each language writes them. Bengali uses its own digits
//! (০১২৩৪৫৬৭৮৯) and groups thousands the South Asian way (৩,২৬,৭৬২), as CLDR's `bn` locale
//! does; the decimal point stays a point.

use outcomes_state::Lang;

const BENGALI_DIGITS: [char; 10] = ['০', '১', '২', '৩', '৪', '৫', '৬', '৭', '৮', '৯'];

/// `text` with its ASCII digits written in `lang`'s digits; everything else unchanged.
pub fn digits(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Bn => text
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => BENGALI_DIGITS[d as usize],
                _ => c,
            })
            .collect(),
    }
}

/// A whole number with the separators `lang` uses: `326,762` in English, `৩,২৬,৭৬২` in
/// Bengali (the last three digits, then pairs).
pub fn group_thousands(lang: Lang, n: u64) -> String {
    let plain = n.to_string();
    let len = plain.len();
    let mut out = String::with_capacity(len + len / 2);
    for (i, ch) in plain.chars().enumerate() {
        let left = len - i;
        let boundary = match lang {
            Lang::En => left.is_multiple_of(3),
            Lang::Bn => left == 3 || (left > 3 && (left - 3).is_multiple_of(2)),
        };
        if i > 0 && boundary {
            out.push(',');
        }
        out.push(ch);
    }
    digits(lang, &out)
}

/// A calendar date in words: "23 November 2026", "২৩ নভেম্বর ২০২৬".
pub fn date(lang: Lang, year: i32, month: u32, day: u32) -> String {
    let month_name = match month {
        1 => crate::tr!(lang, "month.1"),
        2 => crate::tr!(lang, "month.2"),
        3 => crate::tr!(lang, "month.3"),
        4 => crate::tr!(lang, "month.4"),
        5 => crate::tr!(lang, "month.5"),
        6 => crate::tr!(lang, "month.6"),
        7 => crate::tr!(lang, "month.7"),
        8 => crate::tr!(lang, "month.8"),
        9 => crate::tr!(lang, "month.9"),
        10 => crate::tr!(lang, "month.10"),
        11 => crate::tr!(lang, "month.11"),
        _ => crate::tr!(lang, "month.12"),
    };
    digits(lang, &format!("{day} {month_name} {year}"))
}

/// A published `YYYY-MM-DD` date in words ("1 July 2026"), or as written, in `lang`'s
/// digits, where it is not one.
pub fn iso_date(lang: Lang, text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => date(lang, y, m, d),
            _ => digits(lang, text),
        },
        _ => digits(lang, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_groups_in_threes() {
        assert_eq!(group_thousands(Lang::En, 326_762), "326,762");
        assert_eq!(group_thousands(Lang::En, 46_608_551), "46,608,551");
        assert_eq!(group_thousands(Lang::En, 999), "999");
        assert_eq!(group_thousands(Lang::En, 0), "0");
    }

    #[test]
    fn bengali_groups_in_lakhs_and_crores_with_bengali_digits() {
        assert_eq!(group_thousands(Lang::Bn, 326_762), "৩,২৬,৭৬২");
        assert_eq!(group_thousands(Lang::Bn, 46_608_551), "৪,৬৬,০৮,৫৫১");
        assert_eq!(group_thousands(Lang::Bn, 1_000), "১,০০০");
        assert_eq!(group_thousands(Lang::Bn, 999), "৯৯৯");
    }

    #[test]
    fn digits_change_and_nothing_else_does() {
        assert_eq!(digits(Lang::Bn, "15.5% in 2023/24"), "১৫.৫% in ২০২৩/২৪");
        assert_eq!(digits(Lang::En, "15.5%"), "15.5%");
    }

    #[test]
    fn dates_are_written_in_words() {
        assert_eq!(date(Lang::En, 2026, 11, 23), "23 November 2026");
        assert_eq!(date(Lang::Bn, 2026, 11, 23), "২৩ নভেম্বর ২০২৬");
        assert_eq!(iso_date(Lang::En, "2026-07-01"), "1 July 2026");
        assert_eq!(iso_date(Lang::Bn, "July 2026"), "July ২০২৬");
    }
}
