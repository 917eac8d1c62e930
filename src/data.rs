//! Loads the published data files, relative to the page, so the site works under any
//! sub-path. Every failure becomes a `LoadError` that says in plain words what went wrong.

use std::sync::Arc;

use gloo_net::http::{Request, Response};
use outcomes_core::model::{Manifest, Shard, SCHEMA_VERSION};
use outcomes_core::places::{Places, PostcodeDistrict};
use outcomes_i18n::{digits, tr};
use outcomes_state::Lang;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use thiserror::Error;
use wasm_bindgen::JsCast;

/// The folder, relative to the page, that holds the published data.
const DATA_DIR: &str = "data";

/// Why a data file could not be used. Its `Display` is the English message; pages show
/// [`LoadError::message`] in the page's language.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum LoadError {
    #[error("{}", self.message(Lang::En))]
    Network { file: String },
    #[error("{}", self.message(Lang::En))]
    ChartLibrary,
    #[error("{}", self.message(Lang::En))]
    Missing { file: String, status: u16 },
    #[error("{}", self.message(Lang::En))]
    Invalid { file: String, detail: String },
    #[error("{}", self.message(Lang::En))]
    TooNew { file: String, found: u32 },
}

impl LoadError {
    /// What went wrong, in plain words in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.message_with(
            lang,
            self.file().unwrap_or_default(),
            self.detail().unwrap_or_default(),
        )
    }

    /// The file that could not be used, where there is one.
    pub fn file(&self) -> Option<&str> {
        match self {
            LoadError::Network { file }
            | LoadError::Missing { file, .. }
            | LoadError::Invalid { file, .. }
            | LoadError::TooNew { file, .. } => Some(file),
            LoadError::ChartLibrary => None,
        }
    }

    /// The reader's own explanation of a damaged file, in English, where there is one.
    pub fn detail(&self) -> Option<&str> {
        match self {
            LoadError::Invalid { detail, .. } => Some(detail),
            _ => None,
        }
    }

    /// [`LoadError::message`] with `file` and `detail` written in place of the file's name
    /// and the reader's explanation, so a page can set those apart (the name as code, the
    /// explanation as English).
    pub fn message_with(&self, lang: Lang, file: &str, detail: &str) -> String {
        match self {
            LoadError::Network { .. } => tr!(lang, "load_error.network", file = file),
            LoadError::ChartLibrary => tr!(lang, "load_error.chart_library"),
            LoadError::Missing { status, .. } => tr!(
                lang,
                "load_error.missing",
                file = file,
                status = digits(lang, &status.to_string())
            ),
            LoadError::Invalid { .. } => {
                tr!(lang, "load_error.invalid", file = file, detail = detail)
            }
            LoadError::TooNew { found, .. } => tr!(
                lang,
                "load_error.too_new",
                file = file,
                found = digits(lang, &found.to_string()),
                supported = digits(lang, &SCHEMA_VERSION.to_string())
            ),
        }
    }
}

/// How a page built on the host reads the published files (the page builder hands it a reader
/// over the built folder's `data/`), so it renders with its figures in place. In the browser
/// there is none, and every file is fetched.
#[derive(Clone)]
pub struct InHand(pub Arc<ReadFile>);

/// Reads a published file's text by its path under `data/`, or `None` where there is none.
pub type ReadFile = dyn Fn(&str) -> Option<String> + Send + Sync;

/// The data of the file at `path` (as the manifest names it), where the page has it in hand:
/// only on a page built on the host. A file that cannot be read there is fetched by the app.
pub fn in_hand<T: DeserializeOwned>(path: &str) -> Option<Result<T, LoadError>> {
    if !cfg!(feature = "ssr") {
        return None;
    }
    let read = leptos::prelude::use_context::<InHand>()?;
    let text = (read.0)(path)?;
    Some(parse_published(&format!("{DATA_DIR}/{path}"), &text))
}

/// Fetches `data/manifest.json`.
pub async fn load_manifest() -> Result<Manifest, LoadError> {
    fetch_json("manifest.json").await
}

/// Fetches one indicator's shard, at the path the manifest gives.
pub async fn load_shard(path: &str) -> Result<Shard, LoadError> {
    fetch_json(path).await
}

/// Fetches a boundary file (GeoJSON), at the path the manifest gives.
pub async fn load_boundaries(path: &str) -> Result<serde_json::Value, LoadError> {
    fetch_json(path).await
}

/// Fetches any published file, at the path the manifest gives.
pub async fn load_published<T: DeserializeOwned>(path: &str) -> Result<T, LoadError> {
    fetch_json(path).await
}

/// Fetches the place search's index, at the path the manifest gives.
pub async fn load_places(path: &str) -> Result<Places, LoadError> {
    fetch_json(path).await
}

/// Fetches one postcode district's file (`postcodes/E14.json`): the only request a postcode
/// search makes, and it names the district alone, never the whole postcode.
pub async fn load_postcode_district(path: &str) -> Result<PostcodeDistrict, LoadError> {
    fetch_json(path).await
}

/// The codes of areas that have values in `shard` but that `manifest` does not list, each
/// once, in the order first seen. Such values cannot be placed or named, so the views leave
/// them out; this says which, so the page can tell people rather than drop them silently.
pub fn unknown_areas(manifest: &Manifest, shard: &Shard) -> Vec<String> {
    let mut unknown: Vec<String> = Vec::new();
    for point in &shard.values {
        if manifest.area(&point.area).is_none() && !unknown.contains(&point.area) {
            unknown.push(point.area.clone());
        }
    }
    unknown
}

/// Just the version field every published file starts with.
#[derive(Deserialize)]
struct Version {
    schema_version: u32,
}

/// Reads a published file's text. The version is checked before the rest, so a file from a
/// newer release is reported as newer, not as damaged, even if its shape has changed.
pub fn parse_published<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    if let Ok(Version { schema_version }) = serde_json::from_str::<Version>(text) {
        if schema_version > SCHEMA_VERSION {
            return Err(LoadError::TooNew {
                file: file.to_string(),
                found: schema_version,
            });
        }
    }
    serde_json::from_str(text).map_err(|e| LoadError::Invalid {
        file: file.to_string(),
        detail: e.to_string(),
    })
}

async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, LoadError> {
    let file = format!("{DATA_DIR}/{path}");
    let early = match take_early_fetch(&file) {
        Some(early) => early
            .await
            .ok()
            .map(|r| Response::from(r.unchecked_into::<web_sys::Response>())),
        None => None,
    };
    // The early answer is used only when it is the file; a failure then may be long past
    // (the person was offline, say), so it is asked for again now.
    let response = match early.filter(Response::ok) {
        Some(response) => response,
        None => Request::get(&file)
            .send()
            .await
            .map_err(|_| LoadError::Network { file: file.clone() })?,
    };
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
    parse_published(&file, &text)
}

/// The response to `file` if the page's loader started fetching it before the app ran (an
/// indicator link's shard: see `scripts/harden-html.mjs`), taken so it is used only once.
fn take_early_fetch(file: &str) -> Option<wasm_bindgen_futures::JsFuture> {
    let window = web_sys::window()?;
    let early = js_sys::Reflect::get(&window, &"thtEarlyData".into()).ok()?;
    if !early.is_object() {
        return None;
    }
    let promise = js_sys::Reflect::get(&early, &file.into()).ok()?;
    let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(early.unchecked_ref::<js_sys::Object>(), &file.into());
    Some(wasm_bindgen_futures::JsFuture::from(promise))
}
