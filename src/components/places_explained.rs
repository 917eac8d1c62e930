//! Plain words about places, said once where they matter (a locality profile, a ward's page):
//! what wards, GP networks and localities are, whom each kind of figure counts, and which
//! networks and wards each locality covers, from the published (provisional) lookups.

use leptos::prelude::*;
use outcomes_core::model::{AreaLevel, Manifest};
use outcomes_i18n::tr;
use outcomes_state::Lang;

use crate::components::sentence::sentence_with;
use crate::dataset_text::english_if_kept;
use crate::state::UrlState;

/// The explanation, with the coverage of `localities` (all four when empty).
#[component]
pub fn PlacesExplained(
    manifest: std::sync::Arc<Manifest>,
    localities: Vec<String>,
) -> impl IntoView {
    let lang = UrlState::get().lang();
    let shown: Vec<(String, String)> = manifest
        .areas_at(AreaLevel::Locality)
        .filter(|a| localities.is_empty() || localities.contains(&a.code))
        .map(|a| (a.code.clone(), a.name.clone()))
        .collect();
    let covers = shown
        .into_iter()
        .map(|(code, name)| {
            let networks = names_within(&manifest, &code, AreaLevel::Pcn, lang);
            let wards = names_within(&manifest, &code, AreaLevel::Ward, lang);
            let parts = sentence_with(
                &tr!(lang, "places.locality_covers"),
                vec![
                    (
                        "name",
                        view! { <span lang=english_if_kept("area", &code, "name")>{name}</span> }
                            .into_any(),
                    ),
                    ("networks", networks.into_any()),
                    ("wards", wards.into_any()),
                ],
            );
            view! { <li data-locality=code.clone()>{parts}</li> }
        })
        .collect_view();
    view! {
        <section class="places-explained" aria-labelledby="places-explained-title" data-testid="places-explained">
            <h2 id="places-explained-title">{tr!(lang, "places.heading")}</h2>
            <p>{tr!(lang, "places.wards")}</p>
            <p>{tr!(lang, "places.networks")}</p>
            <p>{tr!(lang, "places.localities")}</p>
            <ul>{covers}</ul>
        </section>
    }
}

/// The names of the areas of `level` placed in `parent`, joined as a list in `lang`, each
/// marked as English where it has no translation.
pub fn names_within(
    manifest: &Manifest,
    parent: &str,
    level: AreaLevel,
    lang: Lang,
) -> impl IntoView {
    let names: Vec<(String, String)> = manifest
        .areas_at(level)
        .filter(|a| a.parent.as_deref() == Some(parent))
        .map(|a| (a.code.clone(), a.name.clone()))
        .collect();
    let last = names.len().saturating_sub(1);
    names
        .into_iter()
        .enumerate()
        .map(|(i, (code, name))| {
            let joiner = match i {
                0 => String::new(),
                i if i == last => tr!(lang, "places.list_and"),
                _ => ", ".to_string(),
            };
            view! { {joiner} <span lang=english_if_kept("area", &code, "name")>{name}</span> }
        })
        .collect_view()
}
