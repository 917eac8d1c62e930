//! A locality's profile: every indicator with locality figures, grouped by domain and I
//! statement, each showing the locality against the borough and the other localities, with
//! the comparison in words. Drawn from the manifest alone, so it needs no further request.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_core::model::{AreaLevel, IndicatorMeta, Manifest};
use outcomes_i18n::{digits, tr};
use outcomes_state::{State, View};

use crate::components::area_assessment::AreaAssessment;
use crate::components::choice_links::{Choice, ChoiceLinks};
use crate::components::places_explained::PlacesExplained;
use crate::components::population_pyramid::PopulationPyramid;
use crate::components::profile_item::{profile_sections, profiled, ProfileSections};
use crate::components::sentence::sentence_with;
use crate::components::url_notice::UrlNotice;
use crate::dataset_text::english_if_kept;
use crate::state::{href, indicator_state, view_state, ResolvedLink, UrlState};

/// The locality profile page.
#[component]
pub fn LocalityPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let localities: Vec<(String, String)> = manifest
        .areas_at(AreaLevel::Locality)
        .map(|a| (a.code.clone(), a.name.clone()))
        .collect();
    let link = ResolvedLink::get().resolved;
    let chosen = Memo::new(move |_| link.with(|r| r.area.clone().unwrap_or_default()));

    move || {
        let code = chosen.get();
        let state = url.state();
        let name = localities
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let name_lang = english_if_kept("area", &code, "name");
        let choices: Vec<Choice> = localities
            .iter()
            .map(|(c, n)| Choice {
                text: n.clone(),
                href: href(&State {
                    areas: vec![c.clone()],
                    ..view_state(&state, View::Locality)
                }),
                current: *c == code,
                lang: english_if_kept("area", c, "name"),
            })
            .collect();
        // Each indicator once, under the first statement that holds it, so the assessment
        // counts exactly the cards shown.
        let sections = profile_sections(&manifest, |i| i.key_figures.clone(), &code);
        let profiled = profiled(&sections);
        let without: Vec<(String, String)> = manifest
            .indicators
            .iter()
            .filter(|i| !has_locality_value(i, &code))
            .map(|i| (i.id.clone(), i.title.clone()))
            .collect();
        let without_total = without.len();
        let without_count = digits(lang, &without_total.to_string());
        let without_links = without
            .into_iter()
            .map(|(id, title)| {
                let link = href(&indicator_state(&state, &id));
                view! {
                    <li>
                        <a href=link lang=english_if_kept("indicator", &id, "title")>{title}</a>
                    </li>
                }
            })
            .collect_view();
        let manifest = manifest.clone();
        let assessment = view! {
            <AreaAssessment
                manifest=manifest.clone()
                profiled
                area=code.clone()
                name=name.clone()
                level=AreaLevel::Locality
                heading=tr!(lang, "locality.assessment_heading")
            />
        };
        let named = |key: String| {
            sentence_with(
                &key,
                vec![(
                    "name",
                    view! { <span lang=name_lang>{name.clone()}</span> }.into_any(),
                )],
            )
        };
        view! {
            <h1>{named(tr!(lang, "locality.heading"))}</h1>
            <UrlNotice />
            <ChoiceLinks label=tr!(lang, "locality.choice_label") choices testid="locality-choice" />
            <p class="lede">
                {named(tr!(lang, "locality.lede_compare"))} " " {tr!(lang, "locality.lede_grouping")}
            </p>
            <p class="note">{tr!(lang, "locality.basis_explained")}</p>
            {assessment}
            <ProfileSections manifest=manifest.clone() sections area=code.clone() level=AreaLevel::Locality />
            <PopulationPyramid manifest=manifest.clone() area=code.clone() />
            {(without_total > 0).then(|| view! {
                <section class="domain" data-testid="locality-without">
                    <h2>{tr!(lang, "locality.without_heading")}</h2>
                    <p>{tr!(lang, "locality.without_text", count = without_count)}</p>
                    <ul class="without-list">{without_links}</ul>
                </section>
            })}
            <PlacesExplained manifest=manifest.clone() localities=vec![code.clone()] />
        }
    }
}

fn has_locality_value(indicator: &IndicatorMeta, locality: &str) -> bool {
    indicator
        .key_figures
        .as_ref()
        .is_some_and(|k| k.value(locality).is_some())
}
