//! `tht-synth`: writes a synthetic dataset many times larger than the published one, for the
//! benchmark. Refuses to write into `public/` or into the folder it reads from.
//!
//!   tht-synth --from public/data --out target/bench-synth/data --factor 100

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use outcomes_core::model::{Manifest, Shard};
use outcomes_synth::{synthesise, Dataset, Factors};

/// The file that marks a folder as this tool's output, so a rerun may replace it.
const MARKER: &str = "SYNTHETIC-NOT-FOR-PUBLICATION.txt";

#[derive(Parser)]
#[command(
    name = "tht-synth",
    about = "Writes a synthetic dataset, shaped like the published one but larger, for the benchmark only."
)]
struct Cli {
    /// The published data folder to grow (manifest.json and its shards).
    #[arg(long, value_name = "DIR", default_value = "public/data")]
    from: PathBuf,
    /// Where to write. Must not be inside a folder named `public`; replaced if it holds an
    /// earlier output of this tool.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// How many times larger (indicators × areas), split as evenly as possible.
    #[arg(long, default_value_t = 100)]
    factor: usize,
    /// Times more indicators (overrides the split of --factor; needs --area-factor).
    #[arg(long, requires = "area_factor")]
    indicator_factor: Option<usize>,
    /// Times more areas (overrides the split of --factor; needs --indicator-factor).
    #[arg(long, requires = "indicator_factor")]
    area_factor: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let factors = match (cli.indicator_factor, cli.area_factor) {
        (Some(indicators), Some(areas)) => Factors { indicators, areas },
        _ => Factors::from_total(cli.factor),
    };
    match run(&cli.from, &cli.out, factors) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tht-synth: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(from: &Path, out: &Path, factors: Factors) -> Result<(), String> {
    refuse_public(from, out)?;
    let source = read(from)?;
    let grown = synthesise(&source, factors)?;

    if out.exists() {
        if !out.join(MARKER).exists() && fs::read_dir(out).map_err(io(out))?.next().is_some() {
            return Err(format!(
                "{} exists and is not an earlier output of this tool ({MARKER} is missing); not replacing it",
                out.display()
            ));
        }
        fs::remove_dir_all(out).map_err(io(out))?;
    }
    // Everything other than the manifest and the shards (boundaries, health challenges) is
    // copied as it is.
    copy_tree(from, out, &|rel| {
        rel != Path::new("manifest.json") && !rel.starts_with("indicators")
    })?;
    let manifest = serde_json::to_string(&grown.manifest).map_err(|e| e.to_string())?;
    write(&out.join("manifest.json"), manifest.as_bytes())?;
    // Published as the data tool does: one shard per level of each indicator.
    let mut shard_bytes = 0usize;
    let level_of = |code: &str| grown.manifest.area(code).map(|a| a.level);
    for meta in &grown.manifest.indicators {
        let Some(shard) = grown.shards.get(&meta.shard) else {
            continue;
        };
        for &level in &meta.levels {
            let text = serde_json::to_string(&shard.at_level(level, level_of))
                .map_err(|e| e.to_string())?;
            shard_bytes += text.len();
            write(&out.join(meta.shard_path(level)), text.as_bytes())?;
        }
    }
    write(
        &out.join(MARKER),
        format!(
            "Synthetic data made by tht-synth from {} ({}x indicators x {}x areas) for the benchmark.\n\
             The figures are invented. Never publish this folder.\n",
            from.display(),
            factors.indicators,
            factors.areas
        )
        .as_bytes(),
    )?;

    let values = |d: &Dataset| d.shards.values().map(|s| s.values.len()).sum::<usize>();
    println!(
        "tht-synth: {} indicators x {} areas -> {} x {} ({}x), {} -> {} values; manifest {} bytes, shards {} bytes, in {}",
        source.manifest.indicators.len(),
        source.manifest.areas.len(),
        grown.manifest.indicators.len(),
        grown.manifest.areas.len(),
        factors.total(),
        values(&source),
        values(&grown),
        manifest.len(),
        shard_bytes,
        out.display()
    );
    Ok(())
}

/// The synthetic data must never reach the published folder.
fn refuse_public(from: &Path, out: &Path) -> Result<(), String> {
    let absolute = |p: &Path| {
        let p = std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or(p.into());
        let mut clean = PathBuf::new();
        for part in p.components() {
            match part {
                Component::ParentDir => {
                    clean.pop();
                }
                Component::CurDir => {}
                other => clean.push(other),
            }
        }
        clean
    };
    let (from, out) = (absolute(from), absolute(out));
    if out.components().any(|c| c.as_os_str() == "public") {
        return Err(format!(
            "refusing to write synthetic data into {}: it is inside a folder named public",
            out.display()
        ));
    }
    if out.starts_with(&from) || from.starts_with(&out) {
        return Err(format!(
            "refusing to write {} over or inside the source folder {}",
            out.display(),
            from.display()
        ));
    }
    Ok(())
}

fn read(from: &Path) -> Result<Dataset, String> {
    let manifest: Manifest = parse(&from.join("manifest.json"))?;
    let mut shards = BTreeMap::new();
    // The published shards, one per level, joined into one per indicator (the areas every
    // level carries, England, the region and the borough, once).
    for meta in &manifest.indicators {
        let mut whole: Option<Shard> = None;
        for &level in &meta.levels {
            let part: Shard = parse(&from.join(meta.shard_path(level)))?;
            match &mut whole {
                None => whole = Some(part),
                Some(whole) => {
                    for point in part.values {
                        if whole.point(&point.area, &point.period).is_none() {
                            whole.values.push(point);
                        }
                    }
                    for b in part.breakdowns {
                        if !whole.breakdowns.contains(&b) {
                            whole.breakdowns.push(b);
                        }
                    }
                    for period in part.periods {
                        if !whole.periods.contains(&period) {
                            whole.periods.push(period);
                        }
                    }
                }
            }
        }
        if let Some(mut whole) = whole {
            whole.periods.sort();
            shards.insert(meta.shard.clone(), whole);
        }
    }
    Ok(Dataset { manifest, shards })
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = fs::read_to_string(path).map_err(io(path))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io(parent))?;
    }
    fs::write(path, bytes).map_err(io(path))
}

/// Copies the files under `from` whose path relative to it passes `keep`.
fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<(), String> {
    let mut stack = vec![from.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).map_err(io(&dir))? {
            let path = entry.map_err(io(&dir))?.path();
            let rel = path.strip_prefix(from).map_err(|e| e.to_string())?;
            if path.is_dir() {
                stack.push(path.clone());
            } else if keep(rel) {
                let bytes = fs::read(&path).map_err(io(&path))?;
                write(&to.join(rel), &bytes)?;
            }
        }
    }
    fs::create_dir_all(to).map_err(io(to))
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}
