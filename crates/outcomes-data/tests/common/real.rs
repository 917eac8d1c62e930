//! The real build against the shared open data (`../shared/data`), made once per test binary
//! for the tests that check published figures; `None`, with a note, where that folder is
//! absent, so the tests that need it pass without asserting rather than fail.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use outcomes_core::model::{DataPoint, Shard};
use outcomes_data::Output;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared open-data folder beside the checkout.
pub fn sources() -> PathBuf {
    workspace().join("../shared/data")
}

/// A fresh build of the real publisher folder and sources.
pub fn build() -> Output {
    outcomes_data::build(&workspace().join("publisher"), &sources()).expect("the real data builds")
}

/// The real build, done once for all tests of the binary.
pub fn output() -> Option<&'static Output> {
    static OUTPUT: OnceLock<Option<Output>> = OnceLock::new();
    OUTPUT
        .get_or_init(|| {
            if !sources().is_dir() {
                println!(
                    "note: {} is absent; real-data test skipped",
                    sources().display()
                );
                return None;
            }
            Some(build())
        })
        .as_ref()
}

/// One indicator's shard.
pub fn shard<'a>(output: &'a Output, id: &str) -> &'a Shard {
    output
        .shards
        .iter()
        .find(|s| s.indicator == id)
        .unwrap_or_else(|| panic!("no shard {id}"))
}

/// One published point.
pub fn point<'a>(output: &'a Output, id: &str, area: &str, period: &str) -> &'a DataPoint {
    shard(output, id)
        .point(area, period)
        .unwrap_or_else(|| panic!("{id}: no point for {area} {period}"))
}
