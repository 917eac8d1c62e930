//! `tht-data`: turns a publisher's input folder and open-data sources into the JSON files the
//! Tower Hamlets outcomes explorer loads (`manifest.json` and one shard per indicator).
//!
//! The same input always gives byte-identical output, so CI can check that the committed
//! files are what the tool writes.

pub mod adapter;
pub mod aggregate;
pub mod areas;
pub mod benchmark;
pub mod best_fit;
pub mod boundaries;
pub mod census_long;
pub mod census_totals;
pub mod census_wide;
pub mod check;
pub mod error;
pub mod fingertips;
pub mod headline;
pub mod health;
pub mod key_figures;
pub mod lookup;
pub mod lsoa_decile;
pub mod observation;
pub mod period;
pub mod pipeline;
pub mod places;
pub mod population;
pub mod practice_counts;
pub mod publisher;
pub mod qof;
pub mod suppression;
pub mod table;
pub mod tabular;
pub mod tidy;
pub mod topology;
pub mod translations;
pub mod trends;
pub mod write;

pub use check::Difference;
pub use error::{Error, Result};
pub use pipeline::{build, Output};

use std::path::Path;

/// Builds and replaces `out` with the result. On error nothing is written.
pub fn build_into(publisher: &Path, sources: &Path, out: &Path) -> Result<write::Files> {
    let files = write::render(&build(publisher, sources)?)?;
    write::write_atomically(out, &files)?;
    Ok(files)
}

/// Builds in memory and compares with `out`, which is left untouched.
pub fn check(publisher: &Path, sources: &Path, out: &Path) -> Result<Option<Difference>> {
    let files = write::render(&build(publisher, sources)?)?;
    check::first_difference(out, &files)
}
