//! CSV files read by column name, with the line of every row kept so that errors can point
//! at the exact cell.

use std::path::{Path, PathBuf};

use outcomes_core::model::Interval;

use crate::error::{Error, Location, Result};

/// A CSV file with a header row, read whole (the inputs are small).
pub struct Table {
    path: PathBuf,
    headers: Vec<String>,
    rows: Vec<Row>,
}

/// A column the caller asked for, found in the header row.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    index: usize,
}

/// One data row and the line it starts on.
pub struct Row {
    line: u64,
    record: csv::StringRecord,
}

impl Table {
    /// Reads a whole CSV file. Fails on unreadable files and on rows whose number of fields
    /// differs from the header's.
    pub fn read(path: &Path) -> Result<Table> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(bytes.as_slice());
        let headers = reader
            .headers()
            .map_err(|e| csv_error(path, &bytes, e))?
            .iter()
            // A byte-order mark from spreadsheet exports must not hide the first column.
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        let mut rows = Vec::new();
        let mut lines = Lines::new(&bytes);
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, &bytes, e))?;
            let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
            rows.push(Row { line, record });
        }
        Ok(Table {
            path: path.to_path_buf(),
            headers,
            rows,
        })
    }

    /// The file this table was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A column that must be present.
    pub fn column(&self, name: &str) -> Result<Col> {
        self.optional_column(name)
            .ok_or_else(|| Error::MissingColumn {
                file: self.path.clone(),
                column: name.to_string(),
            })
    }

    /// A column that may be absent.
    pub fn optional_column(&self, name: &str) -> Option<Col> {
        self.headers
            .iter()
            .position(|h| h == name)
            .map(|index| Col { index })
    }

    /// The header name of a column.
    pub fn name(&self, col: Col) -> &str {
        &self.headers[col.index]
    }

    /// The data rows in file order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The trimmed text of one cell.
    pub fn get<'r>(&self, row: &'r Row, col: Col) -> &'r str {
        row.record.get(col.index).map_or("", str::trim)
    }

    /// The location of one cell, for error messages.
    pub fn at(&self, row: &Row, col: Col) -> Location {
        Location::cell(&self.path, row.line, self.name(col))
    }

    /// An optional finite number: empty cells are missing values.
    pub fn number(&self, row: &Row, col: Col) -> Result<Option<f64>> {
        let text = self.get(row, col);
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Some(x)),
            _ => Err(Error::NotANumber {
                at: self.at(row, col),
                text: text.to_string(),
            }),
        }
    }

    /// An optional number that must not be below zero (a count or denominator).
    pub fn non_negative(&self, row: &Row, col: Col) -> Result<Option<f64>> {
        let x = self.number(row, col)?;
        match x {
            Some(value) if value < 0.0 => Err(Error::Negative {
                at: self.at(row, col),
                value,
            }),
            _ => Ok(x),
        }
    }

    /// A count that must be there: a whole number of zero or more (as census cells are).
    pub fn count(&self, row: &Row, col: Col) -> Result<f64> {
        let text = self.get(row, col);
        match self.non_negative(row, col)? {
            Some(x) if x.fract() == 0.0 => Ok(x),
            Some(_) => Err(Error::invalid(
                self.at(row, col),
                format!("found \"{text}\"; expected a count, a whole number"),
            )),
            None => Err(Error::invalid(
                self.at(row, col),
                "empty; expected a count, a whole number",
            )),
        }
    }

    /// An optional interval from two limit columns: both or neither, lower first.
    pub fn interval(&self, row: &Row, lower: Col, upper: Col) -> Result<Option<Interval>> {
        match (self.number(row, lower)?, self.number(row, upper)?) {
            (None, None) => Ok(None),
            (Some(lower), Some(upper)) if lower <= upper => Ok(Some(Interval { lower, upper })),
            (Some(_), Some(_)) => Err(Error::invalid(
                self.at(row, upper),
                "expected the upper limit to be no lower than the lower limit",
            )),
            (Some(_), None) => Err(Error::invalid(
                self.at(row, upper),
                "empty upper limit; expected both limits or neither",
            )),
            (None, Some(_)) => Err(Error::invalid(
                self.at(row, lower),
                "empty lower limit; expected both limits or neither",
            )),
        }
    }
}

impl Row {
    /// The line the row starts on (the header is line 1).
    pub fn line(&self) -> u64 {
        self.line
    }
}

/// Line numbers from byte offsets. The csv crate's own line numbers run one behind in files
/// with CRLF line endings (it starts a record's position before the `\n` of the `\r\n` that
/// ended the previous one), and errors must name the line an editor shows.
struct Lines<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Lines<'a> {
        Lines {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character of a record starting at `byte`, skipping the line
    /// ends before it; offsets must not go backwards.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(self.bytes.len())
            .clamp(self.offset, self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let newlines = self.bytes[self.offset..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += newlines as u64;
        self.offset = start;
        self.line
    }
}

fn csv_error(path: &Path, bytes: &[u8], e: csv::Error) -> Error {
    let line = e
        .position()
        .map_or(0, |p| Lines::new(bytes).line_at(p.byte()));
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(path, io),
        _ => Error::Csv {
            at: Location::line(path, line),
            message: format!("{message}; expected a well-formed CSV file with a header row"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<u64> {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).expect("write");
        let table = Table::read(&path).expect("read");
        table.rows().iter().map(Row::line).collect()
    }

    #[test]
    fn rows_know_their_lines_whatever_the_line_endings() {
        assert_eq!(lines_of("a,b\n1,2\n3,4\n"), [2, 3]);
        assert_eq!(lines_of("a,b\r\n1,2\r\n3,4\r\n"), [2, 3]);
        assert_eq!(lines_of("\u{feff}a,b\r\n1,2\r\n3,4\r\n"), [2, 3]);
    }
}
