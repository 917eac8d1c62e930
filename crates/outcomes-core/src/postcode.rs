//! UK postcodes as people type them: in any case, with or without the space, with spaces
//! around. One reading of a postcode serves the data tool, which splits the postcode lookup
//! into one file per district, and the app, which asks for the district's file only.

use std::fmt;

/// A postcode in its parts: the outward code (the district, `E14`) and the inward code
/// (`2BG`), both in capitals.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode {
    outward: String,
    inward: String,
}

/// What a text that is not a whole postcode is, when it is close to one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAPostcode {
    /// A district alone (`E14`): a whole postcode is needed to find the ward.
    DistrictOnly(String),
    /// Anything else.
    Other,
}

impl Postcode {
    /// Reads a postcode in any case and spacing (`e14 2bg`, `E142BG`, ` E1W 3tj `).
    pub fn parse(text: &str) -> Result<Postcode, NotAPostcode> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if is_outward(&compact) {
            return Err(NotAPostcode::DistrictOnly(compact));
        }
        if compact.len() < 5 || !compact.is_ascii() {
            return Err(NotAPostcode::Other);
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        if is_outward(outward) && is_inward(inward) {
            Ok(Postcode {
                outward: outward.to_string(),
                inward: inward.to_string(),
            })
        } else {
            Err(NotAPostcode::Other)
        }
    }

    /// The postcode district (outward code), `E14`: the unit the lookup is split by.
    pub fn district(&self) -> &str {
        &self.outward
    }

    /// The inward code, `2BG`: the key within a district's file.
    pub fn inward(&self) -> &str {
        &self.inward
    }
}

impl fmt::Display for Postcode {
    /// The postcode as Royal Mail writes it, `E14 2BG`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.outward, self.inward)
    }
}

/// A text that starts like a postcode (letters then a digit), so a search treats it as one
/// rather than as a name: `E14 2BG`, `e1w`, `SW1A 1AA`, but not `bow` or `st katharines`.
pub fn looks_like_postcode(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let letters = compact
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .count();
    (1..=2).contains(&letters)
        && compact[letters..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
        && compact.len() <= 8
}

/// An outward code: one or two letters, a digit, then an optional digit or letter
/// (`E1`, `E14`, `E1W`, `EC3N`, `SW1A`).
fn is_outward(code: &str) -> bool {
    let bytes = code.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) {
        return false;
    }
    match &bytes[letters..] {
        [d] => d.is_ascii_digit(),
        [d, x] => d.is_ascii_digit() && (x.is_ascii_digit() || x.is_ascii_uppercase()),
        _ => false,
    }
}

/// An inward code: a digit and two letters (`2BG`).
fn is_inward(code: &str) -> bool {
    let bytes = code.as_bytes();
    bytes.len() == 3
        && bytes[0].is_ascii_digit()
        && bytes[1].is_ascii_uppercase()
        && bytes[2].is_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_and_spacing_reads_as_the_same_postcode() {
        for typed in [
            "E14 2BG",
            "e14 2bg",
            "E142BG",
            " e14  2BG ",
            "e142bg",
            "E14\t2BG",
        ] {
            let postcode = Postcode::parse(typed).unwrap();
            assert_eq!(postcode.to_string(), "E14 2BG", "{typed:?}");
            assert_eq!(postcode.district(), "E14");
            assert_eq!(postcode.inward(), "2BG");
        }
        assert_eq!(Postcode::parse(" E1W 3tj ").unwrap().district(), "E1W");
        assert_eq!(Postcode::parse("ec3n4ab").unwrap().to_string(), "EC3N 4AB");
        assert_eq!(Postcode::parse("sw1a 1aa").unwrap().district(), "SW1A");
    }

    #[test]
    fn a_district_alone_is_told_apart_from_other_text() {
        assert_eq!(
            Postcode::parse("e14"),
            Err(NotAPostcode::DistrictOnly("E14".into()))
        );
        assert_eq!(
            Postcode::parse("E1W"),
            Err(NotAPostcode::DistrictOnly("E1W".into()))
        );
        for other in [
            "",
            "bow",
            "E14 2B",
            "E14 22G",
            "141 2BG",
            "E14 2BGX",
            "ই১৪ ২বিজি",
        ] {
            assert_eq!(
                Postcode::parse(other),
                Err(NotAPostcode::Other),
                "{other:?}"
            );
        }
    }

    #[test]
    fn only_texts_that_start_like_a_postcode_look_like_one() {
        for postcode in ["E14 2BG", "e1w", "SW1A 1AA", "e1", "E14 2"] {
            assert!(looks_like_postcode(postcode), "{postcode:?}");
        }
        for name in ["bow", "st katharines", "diabetes", "Network 1", "", "123"] {
            assert!(!looks_like_postcode(name), "{name:?}");
        }
    }
}
