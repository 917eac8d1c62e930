//! Time periods as sources write them. Only forms whose text sorts in time order are
//! accepted, so that periods can be ordered by their text alone.

/// Checks a period: a financial year `YYYY/YY` whose second year follows the first (such as
/// `2022/23`), or a calendar year `YYYY`. Returns the period as published, or `None`.
pub fn parse(text: &str) -> Option<&str> {
    let four_digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    match text.split_once('/') {
        None if four_digits(text) => Some(text),
        Some((start, end))
            if four_digits(start) && end.len() == 2 && end.bytes().all(|b| b.is_ascii_digit()) =>
        {
            let start: u32 = start.parse().ok()?;
            let end: u32 = end.parse().ok()?;
            ((start + 1) % 100 == end).then_some(text)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn financial_and_calendar_years_are_accepted() {
        assert_eq!(parse("2022/23"), Some("2022/23"));
        assert_eq!(parse("1999/00"), Some("1999/00"));
        assert_eq!(parse("2022"), Some("2022"));
    }

    #[test]
    fn other_forms_are_refused() {
        for bad in [
            "2022/24",
            "22/23",
            "2022-23",
            "2022/2023",
            "",
            "Q1 2022",
            "2022/2",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
