//! The built pages of a release site: every view's canonical link rendered by
//! [`crate::built_page`] into a copy of the site's hardened `index.html`
//! ([`crate::built_document`]). Every page is made before any is written, so a failure
//! leaves the site as it was.

use std::path::Path;
use std::sync::Arc;

use outcomes_core::model::Manifest;
use outcomes_i18n::tr;
use outcomes_state::built::built_pages;
use outcomes_state::resolve::resolve;
use outcomes_state::{page_file, Lang, Parsed};

use crate::built_document::{document, integrity, PageHead, Styles, Stylesheet};
use crate::built_page::render;
use crate::data::InHand;

/// The Bengali font files (style/main.css), which a Bengali page asks for at once: text
/// laid out in a fallback font before the font arrives can stay in it (seen in Chromium on
/// the header and headings, drawn as empty boxes where the device has no Bengali font).
const BENGALI_FONTS: [&str; 2] = [
    "fonts/noto-sans-bengali-bengali-400-normal.woff2",
    "fonts/noto-sans-bengali-bengali-700-normal.woff2",
];

/// What was written, for the build's log.
pub struct Built {
    pub pages: usize,
    pub bytes: usize,
}

/// Renders every built page of the site in `dist` and writes them beside its `index.html`
/// (the English overview becomes `index.html` itself), with their styles in one stylesheet.
pub fn build(dist: &Path) -> Result<Built, String> {
    let read_text =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let template = read_text(&dist.join("index.html"))?;
    if template.contains("<div id=\"built\">") {
        return Err(format!(
            "{} is a built page already; run trunk build first",
            dist.join("index.html").display()
        ));
    }
    let manifest_path = dist.join("data/manifest.json");
    let manifest: Arc<Manifest> = Arc::new(
        serde_json::from_str(&read_text(&manifest_path)?)
            .map_err(|e| format!("{}: {e}", manifest_path.display()))?,
    );
    let data = dist.join("data");
    let read = InHand(Arc::new(move |path: &str| {
        std::fs::read_to_string(data.join(path)).ok()
    }));

    if let Some(missing) = BENGALI_FONTS.iter().find(|f| !dist.join(f).is_file()) {
        return Err(format!(
            "{}: the Bengali pages' font is not there",
            dist.join(missing).display()
        ));
    }
    let mut styles = Styles::default();
    let mut rendered = Vec::new();
    for state in built_pages(&manifest) {
        let file = page_file(&state).ok_or_else(|| format!("no file for {state:?}"))?;
        let resolved = resolve(
            &manifest,
            &Parsed {
                state: state.clone(),
                problems: vec![],
            },
        );
        let body = styles.take_from(&render(manifest.clone(), &file, read.clone()));
        let outlines = resolved.boundaries(&manifest).map(|b| b.path.clone());
        rendered.push((state.lang, file, resolved.shard_path(), outlines, body));
    }
    // The stylesheet is named by its content, known once every page is rendered.
    let css = styles.css();
    let stylesheet = Stylesheet {
        href: styles.file_name(),
        integrity: integrity(css.as_bytes()),
    };
    let mut pages = Vec::new();
    for (lang, file, shard, outlines, body) in rendered {
        let head = PageHead {
            lang: lang.as_str(),
            site_name: &tr!(lang, "shell.document_title"),
            file: &file,
            shard: shard.as_deref(),
            outlines: outlines.as_deref(),
            fonts: if lang == Lang::Bn {
                &BENGALI_FONTS
            } else {
                &[]
            },
        };
        let name = if file.is_empty() {
            "index.html".to_string()
        } else {
            file.clone()
        };
        let html =
            document(&template, &head, &body, &stylesheet).map_err(|e| format!("{name}: {e}"))?;
        pages.push((name, html));
    }
    let mut bytes = css.len();
    std::fs::write(dist.join(&stylesheet.href), &css)
        .map_err(|e| format!("{}: {e}", stylesheet.href))?;
    for (file, html) in &pages {
        bytes += html.len();
        std::fs::write(dist.join(file), html).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(Built {
        pages: pages.len(),
        bytes,
    })
}
