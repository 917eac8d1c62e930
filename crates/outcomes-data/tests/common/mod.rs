//! A writable copy of the test fixtures, so that each test can break one thing.

#![allow(dead_code)]

pub mod real;

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// The fixture folders, copied into a fresh temporary folder.
pub struct Fixture {
    dir: TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for sub in ["publisher", "sources"] {
            copy_tree(&fixtures.join(sub), &dir.path().join(sub));
        }
        Fixture { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn publisher(&self) -> PathBuf {
        self.root().join("publisher")
    }

    pub fn sources(&self) -> PathBuf {
        self.root().join("sources")
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public").join("data")
    }

    /// The path of a fixture file, such as `sources/fingertips.csv`.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// Replaces the one occurrence of `from` in a fixture file with `to`.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.path(relative);
        let text = fs::read_to_string(&path).expect("read fixture");
        assert_eq!(text.matches(from).count(), 1, "{from:?} in {relative}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write fixture");
    }

    /// Appends a line to a fixture file.
    pub fn append(&self, relative: &str, line: &str) {
        let path = self.path(relative);
        let mut text = fs::read_to_string(&path).expect("read fixture");
        text.push_str(line);
        text.push('\n');
        fs::write(&path, text).expect("write fixture");
    }

    /// The 1-based line of a fixture file that contains `needle`.
    pub fn line_of(&self, relative: &str, needle: &str) -> u64 {
        let text = fs::read_to_string(self.path(relative)).expect("read fixture");
        let index = text
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in {relative}"));
        index as u64 + 1
    }

    /// Writes a new fixture file (creating its folder).
    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("create folder");
        }
        fs::write(path, text).expect("write fixture");
    }

    pub fn build(&self) -> outcomes_data::Result<outcomes_data::Output> {
        outcomes_data::build(&self.publisher(), &self.sources())
    }
}

/// Copies a folder and everything under it.
fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create fixture folder");
    for entry in fs::read_dir(from).expect("fixture folder") {
        let path = entry.expect("fixture entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, target).expect("copy fixture");
        }
    }
}
