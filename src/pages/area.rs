//! A ward's page, where a place search lands (`?view=area&areas=<ward code>`): where the ward
//! is, the locality it belongs to (a provisional best fit, shown as such) with that
//! locality's GP networks, and every ward-level indicator for the ward against the borough,
//! in words and dot plots like a locality profile. Without a ward it offers the list of wards.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::value_with_unit;
use outcomes_charts::locator::locator_option;
use outcomes_core::model::{AreaLevel, IndicatorMeta, LookupStatus, Manifest};
use outcomes_core::places::LevelProfiles;
use outcomes_i18n::{digits, tr};
use outcomes_state::{Level, State, View};

use crate::components::area_assessment::AreaAssessment;
use crate::components::echart::EChart;
use crate::components::load_error::LoadErrorMessage;
use crate::components::places_explained::{names_within, PlacesExplained};
use crate::components::profile_item::{profile_sections, profiled, ProfileSections};
use crate::components::published::published_view;
use crate::components::sentence::sentence_with;
use crate::components::url_notice::UrlNotice;
use crate::dataset_text::english_if_kept;
use crate::echarts::prepare_map;
use crate::state::{href, indicator_state, resolved_href, view_state, ResolvedLink, UrlState};

/// The area page: the ward the link names, or the list of wards to choose from.
#[component]
pub fn AreaPage(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let link = ResolvedLink::get().resolved;
    let shown = Memo::new(move |_| link.with(|r| r.area.clone()));
    move || {
        let manifest = manifest.clone();
        match shown.get() {
            Some(code) => view! { <WardProfile manifest code /> }.into_any(),
            None => view! {
                <h1>{tr!(lang, "area.choose_heading")}</h1>
                <UrlNotice />
                <WardList manifest=manifest.clone() />
                <PlacesExplained manifest localities=Vec::new() />
            }
            .into_any(),
        }
    }
}

/// The state for one ward's page.
pub fn ward_state(current: &State, ward: &str) -> State {
    State {
        areas: vec![ward.to_string()],
        ..view_state(current, View::Area)
    }
}

/// Every ward, each a link to its page.
#[component]
fn WardList(manifest: Arc<Manifest>) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let state = url.state();
    let wards = manifest
        .areas_at(AreaLevel::Ward)
        .map(|ward| {
            let link = href(&ward_state(&state, &ward.code));
            view! {
                <li>
                    <a href=link lang=english_if_kept("area", &ward.code, "name")>{ward.name.clone()}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{tr!(lang, "area.choose_text")}</p>
        <ul class="ward-list" data-testid="ward-list">{wards}</ul>
    }
}

/// One ward's page.
#[component]
fn WardProfile(manifest: Arc<Manifest>, code: String) -> impl IntoView {
    let lang = UrlState::get().lang();
    let Some(ward) = manifest.area(&code).cloned() else {
        return ().into_any();
    };
    let name_lang = english_if_kept("area", &code, "name");
    let named = {
        let name = ward.name.clone();
        move |key: String| {
            sentence_with(
                &key,
                vec![(
                    "name",
                    view! { <span lang=name_lang>{name.clone()}</span> }.into_any(),
                )],
            )
        }
    };
    let profiles_path = manifest
        .profiles
        .iter()
        .find(|p| p.level == AreaLevel::Ward)
        .map(|p| p.path.clone());
    let figures = {
        let (manifest, code, name) = (manifest.clone(), code.clone(), ward.name.clone());
        move |profiles: Option<Arc<LevelProfiles>>| {
            let (manifest, code, name) = (manifest.clone(), code.clone(), name.clone());
            view! { <WardFigures manifest profiles code name /> }.into_any()
        }
    };
    let figures = match profiles_path {
        Some(path) => published_view(path, tr!(lang, "area.figures_loading"), move |p| {
            figures(Some(Arc::new(p)))
        }),
        None => figures(None),
    };
    view! {
        <h1 data-testid="area-heading">{named(tr!(lang, "area.heading"))}</h1>
        <UrlNotice />
        <p class="lede">{named(tr!(lang, "area.lede"))}</p>
        <WardPlace manifest=manifest.clone() code=code.clone() name=ward.name.clone() />
        {figures}
        <PlacesExplained manifest localities=ward.parent.iter().cloned().collect() />
    }
    .into_any()
}

/// Where the ward is: a map with it shaded, its locality (with the best fit's share) and that
/// locality's GP networks, and a link to the locality's profile.
#[component]
fn WardPlace(manifest: Arc<Manifest>, code: String, name: String) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let name_view = |name: &str, code: &str| {
        view! { <span lang=english_if_kept("area", code, "name")>{name.to_string()}</span> }
            .into_any()
    };
    let locality = manifest
        .area(&code)
        .and_then(|w| w.parent.as_deref())
        .and_then(|p| manifest.area(p))
        .filter(|p| p.level == AreaLevel::Locality)
        .cloned();
    let placement = manifest
        .area(&code)
        .and_then(|w| w.lookup.as_deref())
        .and_then(|id| manifest.lookup(id));
    let share = placement
        .and_then(|l| l.rows.iter().find(|r| r.from == code))
        .map(|r| value_with_unit(r.share * 100.0, "%", lang));
    let provisional = placement.is_some_and(|l| l.status == LookupStatus::Provisional);
    let locality_words = locality.as_ref().map(|loc| {
        let profile = href(&State {
            areas: vec![loc.code.clone()],
            ..view_state(&url.state(), View::Locality)
        });
        let sentence = sentence_with(
            &tr!(lang, "area.locality"),
            vec![
                ("name", name_view(&name, &code)),
                ("locality", name_view(&loc.name, &loc.code)),
                ("share", share.clone().unwrap_or_default().into_any()),
            ],
        );
        let networks = sentence_with(
            &tr!(lang, "area.networks"),
            vec![
                ("locality", name_view(&loc.name, &loc.code)),
                (
                    "networks",
                    names_within(&manifest, &loc.code, AreaLevel::Pcn, lang).into_any(),
                ),
            ],
        );
        let link = sentence_with(
            &tr!(lang, "area.locality_link"),
            vec![("locality", name_view(&loc.name, &loc.code))],
        );
        view! {
            <p data-testid="area-locality" data-provisional=provisional.to_string()>{sentence}</p>
            <p data-testid="area-networks">{networks}</p>
            <p><a href=profile data-testid="area-locality-link">{link}</a></p>
        }
    });
    let map_link = resolved_href(
        &manifest,
        State {
            level: Some(Level::Ward),
            ..view_state(&url.state(), View::Map)
        },
    );
    let map_link = view! { <p><a href=map_link>{tr!(lang, "area.map_link")}</a></p> };
    let boundaries = manifest
        .boundaries
        .iter()
        .find(|b| b.level == AreaLevel::Ward)
        .cloned();
    let map = boundaries.map(|file| {
        let summary = tr!(lang, "area.map_summary", name = name.clone());
        let option = Signal::stored(locator_option(&manifest, AreaLevel::Ward, &code, &summary));
        let summary = Signal::stored(summary);
        // A page built on the host draws the map itself, on the outlines it names, before the
        // app has loaded.
        if cfg!(feature = "ssr") {
            return view! { <EChart option summary testid="area-map" class="locator" outlines=file /> }
                .into_any();
        }
        let ready = LocalResource::new(move || {
            let file = file.clone();
            async move { prepare_map(&file, lang).await }
        });
        view! {
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match ready.await {
                        Ok(()) => view! { <EChart option summary testid="area-map" class="locator" /> }.into_any(),
                        Err(error) => view! {
                            <LoadErrorMessage error retry=Callback::new(move |_| ready.refetch()) />
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        }
        .into_any()
    });
    let heading = sentence_with(
        &tr!(lang, "area.where_heading"),
        vec![("name", name_view(&name, &code))],
    );
    view! {
        <section class="area-place" aria-labelledby="area-place-title" data-testid="area-place">
            <h2 id="area-place-title">{heading}</h2>
            <div class="area-place-layout">
                <div>{locality_words} {map_link}</div>
                {map}
            </div>
        </section>
    }
}

/// The ward's figures: the assessment, every indicator with a figure for it, those with ward
/// figures but none for it, and those not published by ward.
#[component]
fn WardFigures(
    manifest: Arc<Manifest>,
    profiles: Option<Arc<LevelProfiles>>,
    code: String,
    name: String,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let state = url.state();
    let figures = |i: &IndicatorMeta| profiles.as_ref().and_then(|p| p.figures(&i.id).cloned());
    let sections = profile_sections(&manifest, figures, &code);
    let shown = profiled(&sections);
    let ward_level: Vec<&IndicatorMeta> = manifest
        .indicators
        .iter()
        .filter(|i| i.levels.contains(&AreaLevel::Ward))
        .collect();
    let links = |indicators: Vec<&IndicatorMeta>| {
        indicators
            .into_iter()
            .map(|i| {
                let link = href(&indicator_state(&state, &i.id));
                view! { <li><a href=link lang=english_if_kept("indicator", &i.id, "title")>{i.title.clone()}</a></li> }
            })
            .collect_view()
    };
    let missing: Vec<&IndicatorMeta> = ward_level
        .iter()
        .copied()
        .filter(|i| !shown.iter().any(|(s, _)| s.id == i.id))
        .collect();
    let without: Vec<&IndicatorMeta> = manifest
        .indicators
        .iter()
        .filter(|i| !i.levels.contains(&AreaLevel::Ward))
        .collect();
    let without_count = digits(lang, &without.len().to_string());
    let name_lang = english_if_kept("area", &code, "name");
    let missing_text = sentence_with(
        &tr!(lang, "area.no_figure_text"),
        vec![(
            "name",
            view! { <span lang=name_lang>{name.clone()}</span> }.into_any(),
        )],
    );
    view! {
        <AreaAssessment
            manifest=manifest.clone()
            profiled=shown
            area=code.clone()
            name=name.clone()
            level=AreaLevel::Ward
            heading=tr!(lang, "area.assessment_heading")
        />
        <ProfileSections manifest=manifest.clone() sections area=code.clone() level=AreaLevel::Ward />
        {(!missing.is_empty()).then(|| view! {
            <section class="domain" data-testid="area-missing">
                <h2>{tr!(lang, "area.no_figure_heading")}</h2>
                <p>{missing_text}</p>
                <ul class="without-list">{links(missing)}</ul>
            </section>
        })}
        {(!without.is_empty()).then(|| view! {
            <section class="domain" data-testid="area-without">
                <h2>{tr!(lang, "area.without_heading")}</h2>
                <p>{tr!(lang, "area.without_text", count = without_count)}</p>
                <ul class="without-list">{links(without)}</ul>
            </section>
        })}
    }
}
