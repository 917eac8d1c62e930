//! Comparing freshly built files with what an output folder holds, byte for byte.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::write::Files;

/// The first way an output folder differs from a fresh build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// The build writes this file; the folder lacks it.
    Missing(PathBuf),
    /// The folder's copy differs from the build's.
    Differs(PathBuf),
    /// The folder holds a file the build does not write.
    Unexpected(PathBuf),
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Missing(p) => write!(f, "{} is missing", p.display()),
            Difference::Differs(p) => write!(f, "{} differs from a fresh build", p.display()),
            Difference::Unexpected(p) => {
                write!(f, "{} is not written by the build", p.display())
            }
        }
    }
}

/// The first difference between `out` and `files`, in path order, or `None` when every
/// byte agrees.
pub fn first_difference(out: &Path, files: &Files) -> Result<Option<Difference>> {
    for (relative, bytes) in files {
        let path = out.join(relative);
        match fs::read(&path) {
            Ok(found) if &found == bytes => {}
            Ok(_) => return Ok(Some(Difference::Differs(path))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Some(Difference::Missing(path)))
            }
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    let mut present = Vec::new();
    if out.is_dir() {
        list_files(out, out, &mut present)?;
    }
    present.sort();
    Ok(present
        .into_iter()
        .find(|relative| !files.contains_key(relative))
        .map(|relative| Difference::Unexpected(out.join(relative))))
}

/// Every file under `dir`, relative to `root` with `/` separators.
fn list_files(root: &Path, dir: &Path, found: &mut Vec<String>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            list_files(root, &path, found)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            found.push(parts.join("/"));
        }
    }
    Ok(())
}
