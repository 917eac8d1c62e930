//! "Find your area", in the header of every view: a postcode, a ward (also its name before
//! 2022), a locality, a GP network or practice, or an indicator. Names are matched as the
//! person types (`outcomes_core::search`); a postcode is looked up when the form is sent, by
//! fetching its district's file only, and the person is taken to their ward's page. The
//! postcode is never put in the address, the history or storage, and never leaves the page.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use outcomes_core::model::{AreaLevel, Manifest};
use outcomes_core::places::Places;
use outcomes_core::postcode::Postcode;
use outcomes_core::search::{search, Found, Match, Target};
use outcomes_i18n::{digits, tr};
use outcomes_state::{Lang, State, View};

use crate::components::load_error::LoadErrorMessage;
use crate::components::sentence::sentence_with;
use crate::data::{load_places, load_postcode_district, LoadError};
use crate::dataset_text::always_english;
use crate::pages::area::ward_state;
use crate::state::{href, indicator_state, view_state, UrlState};

/// The published manifest, as the shell loads it.
pub type ManifestResource = LocalResource<Result<Arc<Manifest>, LoadError>>;

/// What the search shows under the box.
#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    /// The place index is on its way.
    Preparing,
    /// A postcode's district file is on its way.
    Finding(Postcode),
    Found(Found),
    /// The district's file has no such postcode.
    NotFound(Postcode),
    /// The district's file could not be fetched; sending the form again retries.
    Failed(LoadError),
}

/// The search form and its results.
#[component]
pub fn PlaceSearch(manifest: ManifestResource) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let navigate = use_navigate();
    let query = RwSignal::new(String::new());
    let places = RwSignal::new(None::<Result<Arc<Places>, LoadError>>);
    let outcome = RwSignal::new(Outcome::Idle);
    let form = NodeRef::<leptos::html::Form>::new();

    // The place index is fetched the first time someone uses the box, never by a page view;
    // after a failure, using the box again tries again.
    let requested = StoredValue::new(false);
    let prepare = move || {
        let usable = places.with_untracked(|p| matches!(p, Some(Ok(_))));
        if usable || requested.get_value() {
            return;
        }
        let Some(Ok(manifest)) = manifest.get_untracked() else {
            return;
        };
        let Some(path) = manifest.places.clone() else {
            return;
        };
        requested.set_value(true);
        leptos::task::spawn_local(async move {
            let loaded = load_places(&path).await.map(Arc::new);
            requested.set_value(false);
            places.set(Some(loaded));
        });
    };
    // Matches as typed, once the index is here; a postcode waits for the form to be sent.
    let matched = move |text: &str| -> Option<Found> {
        let Some(Ok(manifest)) = manifest.get_untracked() else {
            return None;
        };
        let index = places.get_untracked()?.ok()?;
        Some(search(&manifest, &index, text, lang.as_str()))
    };
    let go = move |state: State| {
        query.set(String::new());
        outcome.set(Outcome::Idle);
        navigate(&href(&state), Default::default());
    };
    // A form sent before the index arrived is answered when it does.
    let sent_early = StoredValue::new(false);
    // The answer to what is in the box: as typed (`sent` false), matches only; once the form
    // is sent, a postcode is looked up and a single match opened.
    let answer = Rc::new(move |sent: bool| {
        let text = query.get_untracked();
        let Some(found) = matched(&text) else {
            sent_early.set_value(sent);
            outcome.set(if text.trim().is_empty() {
                Outcome::Idle
            } else {
                Outcome::Preparing
            });
            return;
        };
        sent_early.set_value(false);
        match (found, sent) {
            (Found::Postcode { postcode, path }, true) => {
                outcome.set(Outcome::Finding(postcode.clone()));
                let go = go.clone();
                leptos::task::spawn_local(async move {
                    match load_postcode_district(&path).await {
                        Ok(district) => match district.ward(&postcode) {
                            Some(ward) => go(ward_state(&url.state(), ward)),
                            None => outcome.set(Outcome::NotFound(postcode)),
                        },
                        Err(error) => outcome.set(Outcome::Failed(error)),
                    }
                });
            }
            (Found::Names { matches, .. }, true) if matches.len() == 1 => {
                go(target_state(&url.state(), &matches[0].target, &manifest));
            }
            (found, true) => outcome.set(Outcome::Found(found)),
            (found @ Found::Names { .. }, false) => outcome.set(Outcome::Found(found)),
            // A postcode is looked up when the form is sent, not on every keystroke.
            (_, false) => outcome.set(Outcome::Idle),
        }
    });
    Effect::new({
        let answer = answer.clone();
        move |_| {
            // Typed before the manifest had arrived: the index is asked for once it has.
            // When the index arrives after typing, what was typed is answered then; if it
            // could not be fetched, the person is told.
            let manifest_here = manifest.with(|m| matches!(m, Some(Ok(_))));
            let arrived = places.get();
            if outcome.get_untracked() != Outcome::Preparing {
                return;
            }
            match arrived {
                Some(Ok(_)) => answer(sent_early.get_value()),
                Some(Err(error)) => outcome.set(Outcome::Failed(error)),
                None if manifest_here => prepare(),
                None => {}
            }
        }
    });
    let on_input = {
        let answer = answer.clone();
        move |event: leptos::ev::Event| {
            query.set(event_target_value(&event));
            prepare();
            answer(false);
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        // Nothing is ever sent anywhere: the page answers, and the CSP allows no form action
        // either.
        event.prevent_default();
        prepare();
        answer(true);
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            outcome.set(Outcome::Idle);
        }
    };

    let results = move || {
        let state = url.state();
        let attribution = places.with(|p| match p {
            Some(Ok(index)) => Some(index.postcodes.clone()),
            _ => None,
        });
        let (status, list, note): (AnyView, Vec<Match>, bool) = match outcome.get() {
            Outcome::Idle => (().into_any(), Vec::new(), false),
            Outcome::Preparing => (tr!(lang, "search.loading").into_any(), Vec::new(), false),
            Outcome::Finding(postcode) => (
                said(
                    tr!(lang, "search.finding_postcode"),
                    vec![("postcode", code(postcode.to_string()))],
                ),
                Vec::new(),
                true,
            ),
            Outcome::NotFound(postcode) => {
                let release = attribution
                    .as_ref()
                    .map(|a| a.release.clone())
                    .unwrap_or_default();
                let english = always_english(lang);
                (
                    said(
                        tr!(lang, "search.not_found"),
                        vec![
                            ("postcode", code(postcode.to_string())),
                            (
                                "release",
                                view! { <span lang=english>{release}</span> }.into_any(),
                            ),
                        ],
                    ),
                    Vec::new(),
                    true,
                )
            }
            Outcome::Failed(error) => (
                // "Try again" sends the form again, as pressing Enter would.
                view! {
                    <LoadErrorMessage
                        error
                        retry=Callback::new(move |_| {
                            if let Some(form) = form.get_untracked() {
                                let _ = form.request_submit();
                            }
                        })
                    />
                }
                .into_any(),
                Vec::new(),
                true,
            ),
            Outcome::Found(found) => found_words(found, &query.get_untracked(), lang),
        };
        // Where a match is a locality, a network or a practice, say once what those are.
        let places_note = list.iter().any(|m| {
            matches!(
                m.target,
                Target::Practice { .. }
                    | Target::Area {
                        level: AreaLevel::Locality | AreaLevel::Pcn,
                        ..
                    }
            )
        });
        let items = list
            .into_iter()
            .map(|m| {
                let link = href(&target_state(&state, &m.target, &manifest));
                let kind = kind_words(&m, &manifest, lang);
                view! {
                    <li data-target=target_code(&m.target)>
                        <a href=link lang=(m.english && lang != Lang::En).then_some("en")>{m.name.clone()}</a>
                        " "
                        <span class="search-kind">{kind}</span>
                    </li>
                }
            })
            .collect_view();
        let attribution = note.then_some(attribution).flatten().map(|lookup| {
            view! {
                <p class="search-note">{said(tr!(lang, "search.private"), vec![("district", code("E14".into()))])}</p>
                <p class="search-attribution" data-testid="search-attribution">
                    {tr!(lang, "search.attribution_lead")} " "
                    <span lang=always_english(lang)>{format!("{}. {}", lookup.release, lookup.attribution.join(" "))}</span>
                </p>
            }
        });
        view! {
            <p class="search-status" role="status" data-testid="search-status">{status}</p>
            <ul class="search-list" data-testid="search-list">{items}</ul>
            {places_note.then(|| view! { <p class="search-note" data-testid="search-places-note">{tr!(lang, "search.places_note")}</p> })}
            {attribution}
        }
    };

    view! {
        <form node_ref=form class="place-search" role="search" on:submit=on_submit data-testid="place-search" autocomplete="off">
            <label for="place-search-input" class="search-label">{tr!(lang, "search.label")}</label>
            <p id="place-search-hint" class="search-hint">
                {said(tr!(lang, "search.hint"), vec![("postcode", code("E14 2BG".into())), ("ward", code("Bow".into()))])}
            </p>
            <div class="search-row">
                <input
                    id="place-search-input"
                    type="search"
                    name="place"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="place-search-hint"
                    prop:value=move || query.get()
                    on:input=on_input
                    on:focus=move |_| prepare()
                    on:keydown=on_keydown
                    data-testid="place-search-input"
                />
                <button type="submit" class="button">{tr!(lang, "search.button")}</button>
            </div>
            <div class="search-results" data-testid="search-results">{results}</div>
        </form>
    }
}

/// The status line and the matches to list for what a search found.
fn found_words(found: Found, typed: &str, lang: Lang) -> (AnyView, Vec<Match>, bool) {
    let typed = typed.trim().to_string();
    match found {
        Found::Nothing => (().into_any(), Vec::new(), false),
        Found::Postcode { .. } => (().into_any(), Vec::new(), false),
        Found::DistrictOnly(district) => (
            said(
                tr!(lang, "search.district_only"),
                vec![
                    ("district", code(district.clone())),
                    ("example", code(format!("{district} 2BG"))),
                ],
            ),
            Vec::new(),
            true,
        ),
        Found::BadPostcode => (
            said(
                tr!(lang, "search.bad_postcode"),
                vec![
                    ("query", typed.into_any()),
                    ("postcode", code("E14 2BG".into())),
                ],
            ),
            Vec::new(),
            false,
        ),
        Found::OutsideBorough(postcode) => {
            let outside = sentence_with(
                &tr!(lang, "search.outside"),
                vec![
                    ("postcode", code(postcode.to_string())),
                    (
                        "fingertips",
                        view! { <a href="https://fingertips.phe.org.uk/" lang=always_english(lang)>"Fingertips (OHID)"</a> }.into_any(),
                    ),
                    (
                        "ons",
                        view! { <a href="https://www.ons.gov.uk/explore-local-statistics/" lang=always_english(lang)>"ONS Explore Local Statistics"</a> }.into_any(),
                    ),
                ],
            );
            (
                view! { <span data-testid="search-outside">{outside}</span> }.into_any(),
                Vec::new(),
                true,
            )
        }
        Found::Names {
            matches,
            total,
            suggestions,
        } => {
            if matches.is_empty() {
                let status = view! {
                    {said(tr!(lang, "search.nothing"),
                        vec![
                            ("query", typed.into_any()),
                            ("postcode", code("E14 2BG".into())),
                            ("ward", code("Bow East".into())),
                        ],
                    )}
                    {(!suggestions.is_empty()).then(|| format!(" {}", tr!(lang, "search.did_you_mean")))}
                };
                return (status.into_any(), suggestions, false);
            }
            let count = match total {
                1 => tr!(lang, "search.count_one"),
                n if n > matches.len() => tr!(
                    lang,
                    "search.count_more",
                    count = digits(lang, &n.to_string()),
                    shown = digits(lang, &matches.len().to_string())
                ),
                n => tr!(lang, "search.count", count = digits(lang, &n.to_string())),
            };
            (count.into_any(), matches, false)
        }
    }
}

/// The sentence `template` with its placeholders filled by `parts`.
fn said(template: String, parts: Vec<(&str, AnyView)>) -> AnyView {
    sentence_with(&template, parts).into_any()
}

/// A postcode, district or place name in Latin letters, as it is written in every language.
fn code(text: String) -> AnyView {
    view! { <span lang="en" translate="no">{text}</span> }.into_any()
}

/// Where a match leads: a ward's page, a locality's profile (also for a GP network or
/// practice, through the network's locality) or an indicator's page.
fn target_state(current: &State, target: &Target, manifest: &ManifestResource) -> State {
    let manifest = manifest.get_untracked().and_then(Result::ok);
    let locality_of = |pcn: &str| {
        manifest
            .as_ref()
            .and_then(|m| m.area(pcn))
            .and_then(|a| a.parent.clone())
    };
    let locality = |code: Option<String>| State {
        areas: code.into_iter().collect(),
        ..view_state(current, View::Locality)
    };
    match target {
        Target::Area {
            code,
            level: AreaLevel::Ward,
        } => ward_state(current, code),
        Target::Area {
            code,
            level: AreaLevel::Pcn,
        } => locality(locality_of(code)),
        Target::Area { code, .. } => locality(Some(code.clone())),
        Target::Practice { pcn, .. } => locality(locality_of(pcn)),
        Target::Indicator { id } => indicator_state(current, id),
    }
}

/// A match's code, for tests to read from the list.
fn target_code(target: &Target) -> String {
    match target {
        Target::Area { code, .. } | Target::Practice { code, .. } => code.clone(),
        Target::Indicator { id } => id.clone(),
    }
}

/// What kind of place a match is, in words: "Ward", "GP practice in Network 2 PCN, North
/// West locality".
fn kind_words(found: &Match, manifest: &ManifestResource, lang: Lang) -> String {
    let manifest = manifest.get_untracked().and_then(Result::ok);
    let name = |code: &str| {
        manifest
            .as_ref()
            .and_then(|m| m.area(code))
            .map_or_else(|| code.to_string(), |a| a.name.clone())
    };
    let parent = |code: &str| {
        manifest
            .as_ref()
            .and_then(|m| m.area(code))
            .and_then(|a| a.parent.clone())
            .map(|p| name(&p))
            .unwrap_or_default()
    };
    let kind = match &found.target {
        Target::Area {
            level: AreaLevel::Ward,
            ..
        } => tr!(lang, "search.kind.ward"),
        Target::Area {
            level: AreaLevel::Locality,
            ..
        } => tr!(lang, "search.kind.locality"),
        Target::Area { .. } => tr!(lang, "search.kind.pcn"),
        Target::Practice { pcn, .. } => tr!(
            lang,
            "search.kind.practice",
            pcn = name(pcn),
            locality = parent(pcn)
        ),
        Target::Indicator { .. } => tr!(lang, "search.kind.indicator"),
    };
    match &found.matched {
        Some(other) => format!("{kind} {}", tr!(lang, "search.also_known", name = other)),
        None => kind,
    }
}
