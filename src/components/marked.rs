//! Names and codes inside translated sentences, set apart so a screen reader pronounces an
//! English name as English and translation tools leave codes alone.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{is_symbol_unit, unit_label};
use outcomes_core::model::{IndicatorMeta, Manifest};
use outcomes_state::Lang;

use crate::dataset_text::english_if_kept;

/// How a text inside a translated sentence is set apart.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    /// In English on a page in another language: `<span lang="en">`.
    English,
    /// A code or address, not for translating: `<span translate="no">`.
    NoTranslate,
}

/// Texts that appear inside sentences worded in the page's language but are not in it: names
/// kept in English (area names, indicator titles, sources) and codes. [`Marked::view`] puts
/// each occurrence in its own element, so screen readers pronounce it right and translation
/// tools leave it alone. On an English page it marks nothing.
#[derive(Clone, Default)]
pub struct Marked(Arc<Vec<(String, Mark)>>);

impl Marked {
    /// The names an indicator's page shows inside sentences: every area name and the
    /// indicator's title, where each was kept in English, and a unit that is a symbol in
    /// Latin letters in every language (`µg/m³`).
    pub fn for_indicator(manifest: &Manifest, indicator: &IndicatorMeta) -> Marked {
        Marked::default()
            .no_translate(
                is_symbol_unit(&indicator.unit).then(|| unit_label(&indicator.unit, Lang::En)),
            )
            .english(
                manifest
                    .areas
                    .iter()
                    .map(|a| (a.name.clone(), english_if_kept("area", &a.code, "name"))),
            )
            .english([(
                indicator.title.clone(),
                english_if_kept("indicator", &indicator.id, "title"),
            )])
    }

    /// Adds the texts whose `lang` attribute (from `english_if_kept` or `always_english`)
    /// says they are English on this page.
    pub fn english(
        mut self,
        texts: impl IntoIterator<Item = (String, Option<&'static str>)>,
    ) -> Marked {
        let list = Arc::make_mut(&mut self.0);
        list.extend(
            texts
                .into_iter()
                .filter(|(text, lang)| lang.is_some() && !text.is_empty())
                .map(|(text, _)| (text, Mark::English)),
        );
        self
    }

    /// Adds codes or addresses that are not for translating, in any language.
    pub fn no_translate(mut self, texts: impl IntoIterator<Item = String>) -> Marked {
        let list = Arc::make_mut(&mut self.0);
        list.extend(
            texts
                .into_iter()
                .filter(|text| !text.is_empty())
                .map(|text| (text, Mark::NoTranslate)),
        );
        self
    }

    /// `text` with every occurrence of a marked text in its own element. Where two marked
    /// texts start at the same place, the longer wins ("Tower Hamlets Network 1 PCN" over
    /// "Tower Hamlets").
    pub fn view(&self, text: &str) -> Vec<AnyView> {
        let mut out = Vec::new();
        let mut rest = text;
        loop {
            let next = self
                .0
                .iter()
                .filter_map(|(marked, mark)| {
                    rest.find(marked.as_str()).map(|at| (at, marked, *mark))
                })
                .min_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
            let Some((at, marked, mark)) = next else {
                if !rest.is_empty() {
                    out.push(rest.to_string().into_any());
                }
                return out;
            };
            if at > 0 {
                out.push(rest[..at].to_string().into_any());
            }
            rest = &rest[at + marked.len()..];
            let marked = marked.clone();
            out.push(match mark {
                Mark::English => view! { <span lang="en">{marked}</span> }.into_any(),
                Mark::NoTranslate => view! { <span translate="no">{marked}</span> }.into_any(),
            });
        }
    }
}
