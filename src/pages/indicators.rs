//! The index of every indicator: grouped by domain and I statement as the framework places
//! them, each a link to its page, with the levels it has figures at and the borough's latest
//! figure. Drawn from the manifest alone, so it stays one request however many indicators
//! the dataset grows to.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use outcomes_core::model::{AreaLevel, Basis, IndicatorMeta, Manifest};
use outcomes_i18n::{digits, tr};

use crate::components::chart_block::level_name_plural;
use crate::components::sentence::sentence_with;
use crate::components::statement_heading::StatementHeading;
use crate::components::url_notice::UrlNotice;
use crate::dataset_text::english_if_kept;
use crate::pages::overview::value_view;
use crate::state::{href, indicator_state, UrlState};

/// The levels a person can open an indicator at, in the order the index names them.
const LEVELS: [AreaLevel; 4] = [
    AreaLevel::Locality,
    AreaLevel::Pcn,
    AreaLevel::Ward,
    AreaLevel::Borough,
];

/// The index page.
#[component]
pub fn IndicatorsPage(manifest: Arc<Manifest>) -> impl IntoView {
    let lang = UrlState::get().lang();
    // Each indicator is listed once, under the first statement that holds it; any the
    // framework does not place are listed after the domains, so none is left out.
    let mut listed: BTreeSet<String> = BTreeSet::new();
    let domains: Vec<_> = manifest
        .framework
        .domains
        .iter()
        .map(|domain| {
            let statements: Vec<_> = domain
                .i_statements
                .iter()
                .map(|statement| {
                    let items: Vec<IndicatorMeta> = statement
                        .indicators
                        .iter()
                        .filter(|id| listed.insert((*id).clone()))
                        .filter_map(|id| manifest.indicator(id).cloned())
                        .collect();
                    (statement.id.clone(), statement.text.clone(), items)
                })
                .collect();
            (domain.id.clone(), domain.name.clone(), statements)
        })
        .collect();
    let unplaced: Vec<IndicatorMeta> = manifest
        .indicators
        .iter()
        .filter(|i| !listed.contains(&i.id))
        .cloned()
        .collect();
    let total = digits(lang, &manifest.indicators.len().to_string());
    let at = |level: AreaLevel| {
        let n = manifest
            .indicators
            .iter()
            .filter(|i| i.levels.contains(&level))
            .count();
        digits(lang, &n.to_string())
    };
    let level_counts = tr!(
        lang,
        "indicators.level_counts",
        locality = at(AreaLevel::Locality),
        pcn = at(AreaLevel::Pcn),
        ward = at(AreaLevel::Ward)
    );
    let list = |items: Vec<IndicatorMeta>| {
        view! {
            <ul class="index-list">
                {items
                    .into_iter()
                    .map(|indicator| view! { <IndexItem indicator /> })
                    .collect_view()}
            </ul>
        }
    };
    view! {
        <h1>{tr!(lang, "indicators.heading")}</h1>
        <UrlNotice />
        <p class="lede" data-testid="index-lede">{tr!(lang, "indicators.lede", count = total)}</p>
        <p class="showing" data-testid="index-level-counts">{level_counts}</p>
        {domains
            .into_iter()
            .map(|(domain_id, name, statements)| {
                view! {
                    <section class="domain" aria-labelledby=format!("index-{domain_id}") data-testid="index-domain">
                        <h2 id=format!("index-{domain_id}") lang=english_if_kept("domain", &domain_id, "name")>
                            {name}
                        </h2>
                        {statements
                            .into_iter()
                            .map(|(statement_id, text, items)| {
                                view! {
                                    <StatementHeading id=statement_id text />
                                    {if items.is_empty() {
                                        view! { <p class="note">{tr!(lang, "overview.statement_empty")}</p> }.into_any()
                                    } else {
                                        list(items).into_any()
                                    }}
                                }
                            })
                            .collect_view()}
                    </section>
                }
            })
            .collect_view()}
        {(!unplaced.is_empty()).then(|| view! {
            <section class="domain" data-testid="index-domain">
                <h2>{tr!(lang, "indicators.unplaced_heading")}</h2>
                {list(unplaced)}
            </section>
        })}
    }
}

/// One indicator: its link, the levels it has figures at and the borough's latest figure.
#[component]
fn IndexItem(indicator: IndicatorMeta) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let id = indicator.id.clone();
    let link = move || href(&indicator_state(&url.state(), &id));
    let levels: Vec<String> = LEVELS
        .iter()
        .filter(|level| indicator.levels.contains(level))
        .map(|&level| match level {
            // The borough's own figure; whether other London boroughs' are published beside
            // it only its shard says, so the index does not claim them.
            AreaLevel::Borough => tr!(lang, "indicators.level_borough"),
            _ => level_name_plural(level, lang),
        })
        .collect();
    let levels = if levels.is_empty() {
        tr!(lang, "indicators.no_levels")
    } else {
        tr!(lang, "indicators.levels", levels = levels.join(", "))
    };
    let basis = match indicator.basis {
        Basis::Registered => tr!(lang, "locality.basis_gp"),
        Basis::Resident => tr!(lang, "locality.basis_resident"),
        Basis::ServiceUsers => tr!(lang, "locality.basis_service"),
    };
    let latest = match &indicator.latest {
        Some(latest) => {
            let value = view! {
                <span class="index-value">{value_view(latest.value, &indicator.unit, lang)}</span>
            };
            sentence_with(
                &tr!(
                    lang,
                    "overview.headline",
                    value = "%{value}",
                    period = digits(lang, &latest.period)
                ),
                vec![("value", value.into_any())],
            )
            .into_any()
        }
        None => tr!(lang, "indicators.no_latest").into_any(),
    };
    view! {
        <li class="index-item" data-testid="index-item" data-indicator=indicator.id.clone()>
            <a href=link class="indicator-link" lang=english_if_kept("indicator", &indicator.id, "title")>
                {indicator.title.clone()}
            </a>
            <p class="index-levels" data-testid="index-levels">{levels}</p>
            <p class="index-levels" data-testid="index-basis">{tr!(lang, "indicators.basis", basis = basis)}</p>
            <p class="index-latest" data-testid="index-latest">{latest}</p>
        </li>
    }
}
