//! Every way a build can fail, each naming the file, line and column at fault and what was
//! expected there, so that a publisher can fix the input without reading the code.

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// The result type of the data tool.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which column of a line a problem is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// The whole line is at fault.
    None,
    /// A CSV column, by its header name.
    Named(String),
    /// A 1-based character position, as in TOML files.
    Number(usize),
}

/// A place in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    /// 1-based line number.
    pub line: u64,
    pub column: Column,
}

impl Location {
    /// A whole line of a file.
    pub fn line(file: &Path, line: u64) -> Location {
        Location {
            file: file.to_path_buf(),
            line,
            column: Column::None,
        }
    }

    /// One named column of a CSV line.
    pub fn cell(file: &Path, line: u64, column: &str) -> Location {
        Location {
            file: file.to_path_buf(),
            line,
            column: Column::Named(column.to_string()),
        }
    }

    /// The line and column of byte `offset` in `text`, the contents of `file`.
    pub fn at_offset(file: &Path, text: &str, offset: usize) -> Location {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() as u64 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location {
            file: file.to_path_buf(),
            line,
            column: Column::Number(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}", self.file.display(), self.line)?;
        match &self.column {
            Column::None => Ok(()),
            Column::Named(name) => write!(f, ", column \"{name}\""),
            Column::Number(n) => write!(f, ", column {n}"),
        }
    }
}

/// A failed build or check.
#[derive(Debug, Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// The sources folder does not exist.
    #[error("{}: the sources folder does not exist", path.display())]
    SourcesMissing { path: PathBuf },

    /// A TOML file is not valid TOML or does not have the expected shape.
    #[error("{at}: {message}")]
    Toml { at: Location, message: String },

    /// A CSV file is malformed (for example a row with the wrong number of fields).
    #[error("{at}: {message}")]
    Csv { at: Location, message: String },

    /// A CSV header row lacks a column the tool needs.
    #[error("{}, line 1: missing column \"{column}\"; expected the header row to name it", file.display())]
    MissingColumn { file: PathBuf, column: String },

    /// A field that must be a number is not one.
    #[error("{at}: expected a number, found \"{text}\"")]
    NotANumber { at: Location, text: String },

    /// A count or denominator is below zero.
    #[error("{at}: expected zero or more, found {value}")]
    Negative { at: Location, value: f64 },

    /// A proportion's count exceeds its denominator.
    #[error(
        "{at}: expected a count no larger than the denominator ({denominator}), found {count}"
    )]
    CountAboveDenominator {
        at: Location,
        count: f64,
        denominator: f64,
    },

    /// An area code that the publisher folder does not define.
    #[error("{at}: unknown area \"{code}\"; expected {expected}")]
    UnknownArea {
        at: Location,
        code: String,
        expected: String,
    },

    /// Two rows give different figures for the same area and period.
    #[error("{at}: area {area}, period {period} conflicts with line {first_line}; expected identical duplicate rows or none")]
    ConflictingDuplicate {
        at: Location,
        area: String,
        period: String,
        first_line: u64,
    },

    /// A time period the tool cannot read.
    #[error("{at}: cannot read the period \"{text}\"; expected a financial year such as 2022/23 or a calendar year such as 2022")]
    BadPeriod { at: Location, text: String },

    /// The framework names an indicator that no file of the indicators folder defines.
    #[error(
        "{at}: unknown indicator \"{id}\"; expected the id of a file in the indicators folder"
    )]
    UnknownIndicator { at: Location, id: String },

    /// Following parents in areas.csv comes back to where it started.
    #[error("{at}: the parent chain loops ({chain}); expected every chain to end at an area with no parent")]
    AreaCycle { at: Location, chain: String },

    /// A translations file named after a language the explorer does not offer.
    #[error("{at}: unknown language \"{lang}\"; expected a file named after a language the explorer offers ({expected}), such as bn.toml")]
    UnknownLanguage {
        at: Location,
        lang: String,
        expected: String,
    },

    /// A translation of an item (such as `indicator.999`) the publisher folder does not have.
    #[error("{at}: unknown {item}; expected {expected}")]
    UnknownTranslationItem {
        at: Location,
        item: String,
        expected: String,
    },

    /// A translation of a field that the item has no English text for, such as
    /// `indicator.1.source`.
    #[error("{at}: there is no English text {key} to translate; expected {expected}")]
    UnknownTranslationField {
        at: Location,
        key: String,
        expected: String,
    },

    /// A translation that is empty or only spaces.
    #[error("{at}: the translation of {key} is empty; expected the text, or leave the field out to show the English")]
    EmptyTranslation { at: Location, key: String },

    /// Any other value that is not what the tool expects.
    #[error("{at}: {message}")]
    Invalid { at: Location, message: String },
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// Any other invalid value, with what was expected.
    pub fn invalid(at: Location, message: impl Into<String>) -> Error {
        Error::Invalid {
            at,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "a = 1\nbé = 2\n";
        let at = Location::at_offset(Path::new("f.toml"), text, text.find('=').unwrap_or(0));
        assert_eq!((at.line, at.column), (1, Column::Number(3)));
        let second = text.rfind('=').unwrap_or(0);
        let at = Location::at_offset(Path::new("f.toml"), text, second);
        assert_eq!((at.line, &at.column), (2, &Column::Number(4)));
        assert_eq!(at.to_string(), "f.toml, line 2, column 4");
    }
}
