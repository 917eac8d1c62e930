//! Turning the built data into bytes and putting them in place: rounding, JSON encoding,
//! and an all-or-nothing swap of the output folder.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use outcomes_core::model::{round_published, BreakdownPoint, DataPoint, Interval};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::pipeline::Output;

/// The published files: path relative to the output folder (with `/`) → contents.
pub type Files = BTreeMap<String, Vec<u8>>;

/// The manifest's file name inside the output folder.
pub const MANIFEST: &str = "manifest.json";

/// A point with its value, interval limits and counts rounded (whole counts are unchanged;
/// modelled counts with long fractions are shortened).
pub fn rounded(mut point: DataPoint) -> DataPoint {
    let interval = |ci: Interval| Interval {
        lower: round_published(ci.lower),
        upper: round_published(ci.upper),
    };
    point.value = point.value.map(round_published);
    point.ci95 = point.ci95.map(interval);
    point.ci998 = point.ci998.map(interval);
    point.count = point.count.map(round_published);
    point.denominator = point.denominator.map(round_published);
    point
}

/// A breakdown point with its value rounded.
pub fn rounded_breakdown(mut point: BreakdownPoint) -> BreakdownPoint {
    point.value = point.value.map(round_published);
    point
}

/// Encodes the manifest, the shards and each indicator's first view as compact JSON, each
/// ending in a newline.
pub fn render(output: &Output) -> Result<Files> {
    let mut files = Files::new();
    files.insert(MANIFEST.to_string(), json(MANIFEST, &output.manifest)?);
    // One shard per level, so a view downloads only the areas it shows (and those it compares
    // with), however many areas the other levels have.
    let level_of = |code: &str| output.manifest.area(code).map(|a| a.level);
    for (meta, shard) in output.manifest.indicators.iter().zip(&output.shards) {
        for &level in &meta.levels {
            let path = meta.shard_path(level);
            insert(
                &mut files,
                &path,
                json(&path, &shard.at_level(level, level_of))?,
            )?;
        }
    }
    if let (Some(path), Some(stats)) = (
        &output.manifest.health_challenges,
        &output.health_challenges,
    ) {
        insert(&mut files, path, json(path, stats)?)?;
    }
    if let (Some(path), Some(population)) = (
        &output.manifest.registered_population,
        &output.registered_population,
    ) {
        insert(&mut files, path, json(path, population)?)?;
    }
    for b in &output.boundaries {
        insert(&mut files, &b.file.path, json(&b.file.path, &b.geojson)?)?;
    }
    if let (Some(path), Some(places)) = (&output.manifest.places, &output.places) {
        insert(&mut files, path, json(path, &places.places)?)?;
        for district in &places.districts {
            let path = crate::places::PlaceFiles::district_path(district);
            insert(&mut files, &path, json(&path, district)?)?;
        }
    }
    for (file, profiles) in output.manifest.profiles.iter().zip(&output.profiles) {
        insert(&mut files, &file.path, json(&file.path, profiles)?)?;
    }
    Ok(files)
}

/// Adds a file, refusing two outputs at one path.
fn insert(files: &mut Files, path: &str, bytes: Vec<u8>) -> Result<()> {
    if files.insert(path.to_string(), bytes).is_some() {
        return Err(Error::io(
            Path::new(path),
            std::io::Error::other("two outputs would be written to this path; expected one"),
        ));
    }
    Ok(())
}

fn json<T: Serialize>(name: &str, value: &T) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(value)
        .map_err(|e| Error::io(Path::new(name), std::io::Error::other(e)))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Replaces the folder `out` with exactly `files`. The files are written to a sibling
/// folder first and swapped in only when all are written, so a failure leaves `out` as it
/// was. The tool owns `out`: anything else in it is removed.
pub fn write_atomically(out: &Path, files: &Files) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .ok_or_else(|| {
            Error::io(
                out,
                std::io::Error::other("expected --out to name a folder"),
            )
        })?
        .to_string_lossy()
        .into_owned();
    if out.exists() && !out.is_dir() {
        return Err(Error::io(
            out,
            std::io::Error::other("exists and is not a folder; expected a folder"),
        ));
    }
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.tht-data-new-{pid}"));
    let old = parent.join(format!(".{name}.tht-data-old-{pid}"));

    if let Err(e) = stage(&staging, files) {
        // Best effort: the error that matters is the one being returned.
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if out.exists() {
        fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
        if let Err(e) = fs::rename(&staging, out) {
            // Put the previous output back so that nothing changed.
            let _ = fs::rename(&old, out);
            let _ = fs::remove_dir_all(&staging);
            return Err(Error::io(out, e));
        }
        fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    } else {
        fs::rename(&staging, out).map_err(|e| Error::io(out, e))?;
    }
    Ok(())
}

fn stage(staging: &Path, files: &Files) -> Result<()> {
    if staging.exists() {
        fs::remove_dir_all(staging).map_err(|e| Error::io(staging, e))?;
    }
    fs::create_dir_all(staging).map_err(|e| Error::io(staging, e))?;
    for (relative, bytes) in files {
        let path = staging.join(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}
