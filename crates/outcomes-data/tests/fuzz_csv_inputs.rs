//! Fuzzing the data tool's CSV inputs: the Fingertips export, the publisher's `areas.csv` and
//! a lookup CSV are each replaced by arbitrary bytes and by near-valid mutations of the test
//! fixture (a field swapped for a hostile value, a line dropped, doubled or cut short, a column
//! renamed, quotes, BOMs, CRLF…). For every input the tool must either build or fail with a
//! message (never panic), and `build_into` must leave the output folder exactly as it was
//! whenever it fails: no partial output, no staging folders left beside it.
//!
//! Only the public entry points (`outcomes_data::build`, `outcomes_data::build_into`) are
//! used, on a copy of `tests/fixtures`, so the tool's internals can change freely.
//!
//! The run is bounded (`CASES` inputs per file and kind, a few seconds in all) and seeded, so
//! a failure names the seed and the input and reproduces exactly. `THT_FUZZ_CASES` and
//! `THT_FUZZ_SEED` widen or move the search when run by hand, e.g.
//! `THT_FUZZ_CASES=5000 cargo test -p outcomes-data --test fuzz_csv_inputs --release`.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Inputs per file and per kind (arbitrary bytes, near-valid mutations).
const CASES: u64 = 64;
const SEED: u64 = 0x7448_5f64_6174_6131;

/// The CSV files fuzzed, relative to the fixture root.
const FINGERTIPS: &str = "sources/fingertips.csv";
const AREAS: &str = "publisher/areas.csv";
const LOOKUP: &str = "sources/practice_pcn.csv";

/// Values that have broken CSV and number readers before, somewhere.
const HOSTILE: &[&str] = &[
    "",
    " ",
    "\"",
    "\"\"",
    "\"a,b\"",
    "\"unterminated",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e308",
    "1e309",
    "-1e309",
    "1e-320",
    "-0",
    "0",
    "-1",
    "-7",
    "3",
    "99999999999999999999999999",
    "18446744073709551616",
    "0x10",
    "1,5",
    "1.2.3",
    "٣",
    "\u{FEFF}",
    "\u{0}",
    "\r",
    "\n",
    "ä",
    "E09000030",
    "E92000001",
    "LOC-A",
    "PCN-1",
    "P1",
    "2021/22",
    "2022/23",
    "1999/00",
    "2023/2",
    "persons",
    "Persons",
    "GPs",
    "UA",
    "england",
    "region",
    "borough",
    "locality",
    "pcn",
    "practice",
    "ward",
    "lsoa",
    "galaxy",
    "pcn-locality",
    "practice-pcn",
    "Category",
    "<script>alert(1)</script>",
];

/// SplitMix64: small, seeded and the same everywhere, so a failing case reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Arbitrary bytes, biased towards the characters that matter to CSV.
fn arbitrary_bytes(rng: &mut Rng) -> Vec<u8> {
    const CSV_BYTES: &[u8] = b",,,\"\"\n\n\r0123456789.-eE ";
    let len = rng.below(600);
    (0..len)
        .map(|_| {
            if rng.chance(2) {
                *rng.pick(CSV_BYTES)
            } else {
                rng.next() as u8
            }
        })
        .collect()
}

/// The fixture with one to four small, plausible corruptions.
fn near_valid(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(original).into_owned();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut raw: Option<Vec<u8>> = None;
    for _ in 0..=rng.below(4) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let at = rng.below(lines.len());
        match rng.below(12) {
            // A field replaced by a hostile or random value (the most telling mutation).
            0..=4 => {
                let mut fields: Vec<String> = lines[at].split(',').map(str::to_string).collect();
                let field = rng.below(fields.len());
                fields[field] = if rng.chance(3) {
                    format!(
                        "{}",
                        (rng.next() as i64) as f64 / (1u64 << rng.below(64)) as f64
                    )
                } else {
                    (*rng.pick(HOSTILE)).to_string()
                };
                lines[at] = fields.join(",");
            }
            // A field removed or added: a short or long row.
            5 => {
                let mut fields: Vec<&str> = lines[at].split(',').collect();
                if rng.chance(2) && fields.len() > 1 {
                    fields.remove(rng.below(fields.len()));
                } else {
                    fields.insert(rng.below(fields.len() + 1), *rng.pick(HOSTILE));
                }
                lines[at] = fields.join(",");
            }
            // A line dropped, doubled or moved.
            6 => {
                lines.remove(at);
            }
            7 => {
                let line = lines[at].clone();
                lines.insert(rng.below(lines.len() + 1), line);
            }
            8 => {
                let other = rng.below(lines.len());
                lines.swap(at, other);
            }
            // A line cut short, or the header's column names changed.
            9 => {
                let line = &mut lines[at];
                let cut = rng.below(line.len() + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|&i| line.is_char_boundary(i))
                    .unwrap_or(0);
                line.truncate(cut);
            }
            10 => {
                let mut fields: Vec<String> = lines[0].split(',').map(str::to_string).collect();
                let field = rng.below(fields.len());
                fields[field] = match rng.below(3) {
                    0 => fields[field].to_uppercase(),
                    1 => format!(" {}", fields[field]),
                    _ => fields[rng.below(fields.len())].clone(),
                };
                lines[0] = fields.join(",");
            }
            // Whole-file changes: BOM, CRLF, the bytes cut anywhere.
            _ => {
                let joined = lines.join("\n");
                let bytes = match rng.below(3) {
                    0 => format!("\u{FEFF}{joined}").into_bytes(),
                    1 => joined.replace('\n', "\r\n").into_bytes(),
                    _ => {
                        let mut bytes = joined.into_bytes();
                        bytes.truncate(rng.below(bytes.len() + 1));
                        bytes
                    }
                };
                raw = Some(bytes);
                break;
            }
        }
    }
    raw.unwrap_or_else(|| {
        let mut joined = lines.join("\n");
        joined.push('\n');
        joined.into_bytes()
    })
}

/// A writable copy of `tests/fixtures`.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        copy_tree(&fixtures, dir.path());
        Fixture { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn publisher(&self) -> PathBuf {
        self.path("publisher")
    }

    fn sources(&self) -> PathBuf {
        self.path("sources")
    }

    /// The output folder, inside a folder of its own so that leftovers beside it show.
    fn out(&self) -> PathBuf {
        self.path("site/data")
    }
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let path = entry.expect("folder entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            fs::copy(&path, target).expect("copy file");
        }
    }
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                into.insert(path.strip_prefix(root).unwrap().join(""), Vec::new());
                walk(root, &path, into);
            } else {
                let bytes = fs::read(&path).expect("read file");
                into.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// A printable form of a failing input.
fn shown(bytes: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(bytes))
}

/// Runs `build` and `build_into` on the fixture with `target` replaced by `input`.
fn check_one(fixture: &Fixture, target: &str, original: &[u8], input: &[u8], case: &str) -> bool {
    fs::write(fixture.path(target), input).expect("write input");
    let site = fixture.path("site");
    let before = snapshot(&site);

    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let built = outcomes_data::build(&fixture.publisher(), &fixture.sources());
        let written =
            outcomes_data::build_into(&fixture.publisher(), &fixture.sources(), &fixture.out());
        (built.map(|_| ()), written.map(|files| files.len()))
    }));
    let (built, written) = match outcome {
        Ok(results) => results,
        Err(_) => panic!(
            "{case}: the data tool panicked on {target} = {}",
            shown(input)
        ),
    };

    match (&built, &written) {
        (Ok(()), Ok(count)) => {
            assert!(*count > 0, "{case}: built nothing from {}", shown(input));
            assert!(
                fixture.out().join("manifest.json").is_file(),
                "{case}: no manifest written"
            );
        }
        (Err(a), Err(b)) => {
            for error in [a, b] {
                assert!(
                    !error.to_string().trim().is_empty(),
                    "{case}: an error with no message"
                );
            }
            assert_eq!(
                snapshot(&site),
                before,
                "{case}: a failed build changed the output folder; input {target} = {}",
                shown(input)
            );
        }
        _ => panic!(
            "{case}: build and build_into disagree ({:?} vs {:?}) on {}",
            built.as_ref().err().map(ToString::to_string),
            written.as_ref().err().map(ToString::to_string),
            shown(input)
        ),
    }
    fs::write(fixture.path(target), original).expect("restore input");
    built.is_ok()
}

fn cases() -> u64 {
    std::env::var("THT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES)
}

fn seed() -> u64 {
    std::env::var("THT_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(SEED)
}

/// Fuzzes one file: first checks that the untouched fixture builds (so the mutations start
/// from something valid) and leaves a previous release in the output folder for failed
/// builds to leave alone; then arbitrary bytes, then near-valid mutations.
fn fuzz(target: &str, salt: u64) {
    let fixture = Fixture::new();
    let original = fs::read(fixture.path(target)).expect("fixture file");
    outcomes_data::build_into(&fixture.publisher(), &fixture.sources(), &fixture.out())
        .unwrap_or_else(|e| panic!("the unchanged fixture must build: {e}"));

    // An empty file must be refused: proof that this file is read at all.
    fs::write(fixture.path(target), b"").expect("write input");
    assert!(
        outcomes_data::build(&fixture.publisher(), &fixture.sources()).is_err(),
        "an empty {target} was accepted: is it still read?"
    );
    fs::write(fixture.path(target), &original).expect("restore input");

    let seed = seed() ^ salt;
    let mut rng = Rng(seed);
    let mut accepted = 0;
    for case in 0..cases() {
        let input = arbitrary_bytes(&mut rng);
        let case = format!("{target} bytes seed {seed} case {case}");
        accepted += usize::from(check_one(&fixture, target, &original, &input, &case));
    }
    let mut accepted_near = 0;
    for case in 0..cases() {
        let input = near_valid(&mut rng, &original);
        let case = format!("{target} near-valid seed {seed} case {case}");
        accepted_near += usize::from(check_one(&fixture, target, &original, &input, &case));
    }
    eprintln!(
        "{target}: {accepted} of {n} arbitrary inputs and {accepted_near} of {n} near-valid ones \
         built; the rest were refused with a message",
        n = cases()
    );
}

#[test]
fn fingertips_csv_never_panics_and_never_leaves_partial_output() {
    fuzz(FINGERTIPS, 1);
}

#[test]
fn areas_csv_never_panics_and_never_leaves_partial_output() {
    fuzz(AREAS, 2);
}

#[test]
fn lookup_csv_never_panics_and_never_leaves_partial_output() {
    fuzz(LOOKUP, 3);
}

#[test]
fn the_mutator_makes_varied_inputs() {
    let original = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(FINGERTIPS),
    )
    .expect("fixture file");
    let mut rng = Rng(SEED);
    let inputs: std::collections::BTreeSet<Vec<u8>> =
        (0..64).map(|_| near_valid(&mut rng, &original)).collect();
    assert!(
        inputs.len() > 56,
        "only {} distinct inputs from 64",
        inputs.len()
    );
    assert!(inputs.iter().all(|i| i != &original) || inputs.len() > 1);
}
