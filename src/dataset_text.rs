//! Which dataset texts (titles, I statements, area names…) are shown in English on a page in
//! another language, so each is marked `lang="en"` and a screen reader pronounces it as
//! English. The manifest the pages receive is already in the page's language wherever the
//! published data has a translation (see `outcomes_core::localise`).

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_core::localise::Localised;
use outcomes_core::model::Manifest;
use outcomes_state::Lang;

/// The localised manifest's record of the texts it kept in English, shared through context.
#[derive(Clone)]
pub struct DatasetText(Arc<Localised<Manifest>>);

impl DatasetText {
    /// Shares `localised` with every component below.
    pub fn provide(localised: Arc<Localised<Manifest>>) {
        provide_context(DatasetText(localised));
    }
}

/// `Some("en")`, for an element's `lang` attribute, when the dataset text `field` of the item
/// `kind`/`id` (as in `indicator`, `91547`, `title`) has no translation and is shown in
/// English; `None` when it is in the page's language.
pub fn english_if_kept(kind: &str, id: &str, field: &str) -> Option<&'static str> {
    let kept = use_context::<DatasetText>().is_some_and(|text| {
        text.0
            .kept_english(&outcomes_core::localise::key(kind, id, field))
    });
    kept.then_some("en")
}

/// `Some("en")` on a page in another language, for names that stay English in every
/// language: sources, publishers, licences, web addresses written out.
pub fn always_english(lang: Lang) -> Option<&'static str> {
    (lang != Lang::En).then_some("en")
}
