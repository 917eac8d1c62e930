//! About the data: where every figure comes from and under what licence, how the figures
//! are made, what is provisional, how the translation was made, and how accessible this site
//! is.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use outcomes_core::model::{LookupStatus, Manifest, Source};
use outcomes_core::places::Places;
use outcomes_i18n::{digits, tr};

use crate::components::published::published_view;
use crate::components::sentence::{indicator_titles, sentence_with};
use crate::components::url_notice::UrlNotice;
use crate::dataset_text::{always_english, english_if_kept};
use crate::state::UrlState;

/// The about page.
#[component]
pub fn AboutPage(manifest: Arc<Manifest>) -> impl IntoView {
    let lang = UrlState::get().lang();
    // One entry per source, listing the indicators taken from it (id and title).
    let mut sources: BTreeMap<String, (Source, Vec<(String, String)>)> = BTreeMap::new();
    for indicator in &manifest.indicators {
        sources
            .entry(indicator.source.name.clone())
            .or_insert_with(|| (indicator.source.clone(), Vec::new()))
            .1
            .push((indicator.id.clone(), indicator.title.clone()));
    }
    let dataset = manifest.dataset.clone();
    let lookups = manifest.lookups.clone();
    let english = always_english(lang);
    let lede = sentence_with(
        &tr!(lang, "about.lede"),
        vec![
            (
                "title",
                view! { <span lang=english_if_kept("dataset", "", "title")>{dataset.title.clone()}</span> }
                    .into_any(),
            ),
            ("publisher", view! { <span lang=english>{dataset.publisher.clone()}</span> }.into_any()),
            (
                "date",
                view! { <span data-testid="release-date">{digits(lang, &dataset.release_date)}</span> }
                    .into_any(),
            ),
        ],
    );
    let lookups_name = tr!(lang, "about.lookups_caption");
    let lookups_caption = lookups_name.clone();
    view! {
        <h1>{tr!(lang, "about.heading")}</h1>
        <UrlNotice />
        <p class="lede">{lede}</p>

        <section aria-labelledby="about-sources">
            <h2 id="about-sources">{tr!(lang, "about.sources_heading")}</h2>
            <ul class="source-list" data-testid="source-list">
                {sources
                    .into_values()
                    .map(|(source, titles)| {
                        let licence = sentence_with(
                            &tr!(lang, "about.source_licence"),
                            vec![
                                ("licence", view! { <span lang=english>{source.licence.clone()}</span> }.into_any()),
                                ("attribution", view! { <span lang=english>{source.attribution.clone()}</span> }.into_any()),
                            ],
                        );
                        let used_for = sentence_with(
                            &tr!(lang, "about.source_used_for"),
                            vec![("indicators", indicator_titles(titles))],
                        );
                        view! {
                            <li>
                                <p lang=english>
                                    <a href=source.url.clone()>{source.name.clone()}</a>
                                    ", " {source.publisher.clone()} "."
                                </p>
                                <p>{licence}</p>
                                <p>{used_for}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>

        <section aria-labelledby="about-lookups">
            <h2 id="about-lookups">{tr!(lang, "about.lookups_heading")}</h2>
            <p>{tr!(lang, "about.lookups_text")}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=lookups_name>
            <table class="data-table" data-testid="lookup-table">
                <caption>{lookups_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr!(lang, "about.lookups_column_lookup")}</th>
                        <th scope="col">{tr!(lang, "about.lookups_column_status")}</th>
                        <th scope="col">{tr!(lang, "about.lookups_column_source")}</th>
                    </tr>
                </thead>
                <tbody>
                    {lookups
                        .into_iter()
                        .map(|lookup| {
                            let status = match lookup.status {
                                LookupStatus::Official => tr!(lang, "about.lookup_official"),
                                LookupStatus::Provisional => tr!(lang, "about.lookup_provisional"),
                            };
                            view! {
                                <tr>
                                    <th scope="row">
                                        <span lang=english_if_kept("lookup", &lookup.id, "title")>{lookup.title.clone()}</span>
                                        <p class="note" lang=english_if_kept("lookup", &lookup.id, "note")>{lookup.note.clone()}</p>
                                    </th>
                                    <td>{status}</td>
                                    <td lang=english>{lookup.source.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            </div>
        </section>

        <section aria-labelledby="about-methods">
            <h2 id="about-methods">{tr!(lang, "about.methods_heading")}</h2>
            <h3>{tr!(lang, "about.intervals_heading")}</h3>
            <p>{tr!(lang, "about.intervals_text")}</p>
            <h3>{tr!(lang, "about.comparisons_heading")}</h3>
            <p>{tr!(lang, "about.comparisons_text")}</p>
            <h3>{tr!(lang, "about.trends_heading")}</h3>
            <p>{tr!(lang, "about.trends_text")}</p>
            <h3>{tr!(lang, "about.anonymous_heading")}</h3>
            <p>{tr!(lang, "about.anonymous_text")}</p>
        </section>

        <section aria-labelledby="about-languages">
            <h2 id="about-languages">{tr!(lang, "about.languages_heading")}</h2>
            <p data-testid="translation-note">
                {sentence_with(
                    &tr!(lang, "about.translation_note"),
                    vec![(
                        "council",
                        view! { <a href="https://www.towerhamlets.gov.uk">{tr!(lang, "about.council_link")}</a> }
                            .into_any(),
                    )],
                )}
            </p>
            <p data-testid="font-credit">
                {sentence_with(
                    &tr!(lang, "about.font_credit"),
                    vec![
                        ("font", view! { <span lang=english>"Noto Sans Bengali"</span> }.into_any()),
                        ("licence", view! { <span lang=english>"SIL Open Font Licence"</span> }.into_any()),
                    ],
                )}
            </p>
        </section>

        {manifest.places.clone().map(|path| view! { <PlaceSources path /> })}

        <section aria-labelledby="about-privacy">
            <h2 id="about-privacy">{tr!(lang, "about.privacy_heading")}</h2>
            <p>{tr!(lang, "about.privacy_text")}</p>
        </section>
    }
}

/// Where "find your area" gets its places: the postcode lookup with the attribution its
/// licence asks for, and the practices' networks.
#[component]
fn PlaceSources(path: String) -> impl IntoView {
    let lang = UrlState::get().lang();
    let sources = published_view(path, tr!(lang, "search.loading"), |index: Places| {
        view! { <PlaceSourceList index /> }.into_any()
    });
    view! {
        <section aria-labelledby="about-places" data-testid="about-places">
            <h2 id="about-places">{tr!(lang, "about.places_heading")}</h2>
            <p>{tr!(lang, "about.places_text")}</p>
            {sources}
        </section>
    }
}

/// The postcode lookup and the practices' networks, each with its publisher and licence.
#[component]
fn PlaceSourceList(index: Places) -> impl IntoView {
    let english = always_english(UrlState::get().lang());
    let postcodes = index.postcodes;
    let practices = index.practices_source;
    view! {
        <ul class="source-list">
            <li lang=english>
                <a href=postcodes.source.url.clone()>{postcodes.source.name.clone()}</a>
                {format!(", {}. {}. {}", postcodes.source.publisher, postcodes.source.licence, postcodes.release)}
                <ul data-testid="postcode-attribution">
                    {postcodes.attribution.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                </ul>
            </li>
            <li lang=english>
                <a href=practices.url.clone()>{practices.name.clone()}</a>
                {format!(", {}. {}. {}", practices.publisher, practices.licence, practices.attribution)}
            </li>
        </ul>
    }
}
