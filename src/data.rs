//! Loads the published data files, relative to the page, so the site works under any
//! sub-path. Every failure becomes a `LoadError` that says in plain words what went wrong.

use gloo_net::http::Request;
use outcomes_core::model::{Manifest, Shard, SCHEMA_VERSION};
use serde::de::DeserializeOwned;
use thiserror::Error;

/// The folder, relative to the page, that holds the published data.
const DATA_DIR: &str = "data";

/// Why a data file could not be used.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum LoadError {
    #[error("The data file {file} could not be reached. Check your connection and try again.")]
    Network { file: String },
    #[error("The data file {file} is missing from this site (the server answered {status}).")]
    Missing { file: String, status: u16 },
    #[error("The data file {file} is damaged and cannot be read ({detail}).")]
    Invalid { file: String, detail: String },
    #[error(
        "The data file {file} was published in a newer format (version {found}) than this page \
         understands (version {SCHEMA_VERSION}). Reload the page to get the newest version."
    )]
    TooNew { file: String, found: u32 },
}

/// Fetches `data/manifest.json`.
pub async fn load_manifest() -> Result<Manifest, LoadError> {
    let manifest: Manifest = fetch_json("manifest.json").await?;
    check_version("manifest.json", manifest.schema_version)?;
    Ok(manifest)
}

/// Fetches one indicator's shard, at the path the manifest gives.
pub async fn load_shard(path: &str) -> Result<Shard, LoadError> {
    let shard: Shard = fetch_json(path).await?;
    check_version(path, shard.schema_version)?;
    Ok(shard)
}

fn check_version(file: &str, found: u32) -> Result<(), LoadError> {
    if found > SCHEMA_VERSION {
        return Err(LoadError::TooNew {
            file: file.to_string(),
            found,
        });
    }
    Ok(())
}

async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, LoadError> {
    let file = format!("{DATA_DIR}/{path}");
    let response = Request::get(&file)
        .send()
        .await
        .map_err(|_| LoadError::Network { file: file.clone() })?;
    if !response.ok() {
        return Err(LoadError::Missing {
            file,
            status: response.status(),
        });
    }
    let text = response
        .text()
        .await
        .map_err(|_| LoadError::Network { file: file.clone() })?;
    serde_json::from_str(&text).map_err(|e| LoadError::Invalid {
        file,
        detail: e.to_string(),
    })
}
