//! The `tht-data` command line. All the work is in the library; this file only parses
//! arguments, prints, and chooses the exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Exit code when `check` finds a difference.
const DIFFERS: u8 = 1;
/// Exit code for any error.
const FAILED: u8 = 2;

#[derive(Parser)]
#[command(
    name = "tht-data",
    version,
    about = "Builds the Tower Hamlets outcomes explorer's published data from the publisher folder and open-data sources."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the data and replace the output folder with it (nothing is written on error).
    Build(Folders),
    /// Build in memory and fail, naming the first differing file, unless the output folder
    /// already holds exactly the same bytes.
    Check {
        #[command(flatten)]
        folders: Folders,
        /// Succeed with a note, rather than fail, when the sources folder is absent.
        #[arg(long)]
        skip_if_missing: bool,
    },
}

#[derive(Args)]
struct Folders {
    /// The publisher folder (dataset.toml, framework.toml, areas.csv, lookups.toml,
    /// indicators/*.toml, translations/*.toml).
    #[arg(long, value_name = "DIR")]
    publisher: PathBuf,
    /// The folder of source data files named in indicators/*.toml and lookups.toml.
    #[arg(long, value_name = "DIR")]
    sources: PathBuf,
    /// The output folder, for example public/data. The tool owns it entirely.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build(f) => match outcomes_data::build_into(&f.publisher, &f.sources, &f.out) {
            Ok(files) => {
                println!("Wrote {} files to {}", files.len(), f.out.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        Command::Check {
            folders: f,
            skip_if_missing,
        } => {
            if !f.sources.exists() {
                let note = format!(
                    "the sources folder {} is absent, so the data could not be rebuilt",
                    f.sources.display()
                );
                if skip_if_missing {
                    println!("Check skipped: {note}.");
                    return ExitCode::SUCCESS;
                }
                eprintln!("error: check not done: {note} (pass --skip-if-missing to allow this).");
                return ExitCode::from(FAILED);
            }
            match outcomes_data::check(&f.publisher, &f.sources, &f.out) {
                Ok(None) => {
                    println!("{} is up to date.", f.out.display());
                    ExitCode::SUCCESS
                }
                Ok(Some(difference)) => {
                    eprintln!(
                        "error: {difference}; run `tht-data build` with the same folders and \
                         commit the result"
                    );
                    ExitCode::from(DIFFERS)
                }
                Err(e) => fail(&e),
            }
        }
    }
}

fn fail(e: &outcomes_data::Error) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(FAILED)
}
