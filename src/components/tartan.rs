//! The "tartan rug": every indicator against the localities, the borough, London and England
//! in one table, each cell with its value and how it compares, in a symbol and hidden words
//! as well as colour.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::{figure, is_symbol_unit, unit_label};
use outcomes_charts::summary::{comparison_class, comparison_symbol, comparison_word};
use outcomes_core::model::{
    AreaLevel, Comparison, IndicatorMeta, KeyValue, Manifest, BOROUGH_CODE, ENGLAND_CODE,
    LONDON_CODE,
};
use outcomes_i18n::{digits, tr};
use outcomes_state::Lang;

use crate::dataset_text::{always_english, english_if_kept};
use crate::state::{href, indicator_state, UrlState};

/// The matrix for every indicator in framework order, or for one domain's (`domain`).
#[component]
pub fn Tartan(
    manifest: Arc<Manifest>,
    /// The domain the overview is narrowed to, if it is.
    domain: Option<String>,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let columns: Vec<(String, String)> = manifest
        .areas_at(AreaLevel::Locality)
        .map(|a| (a.code.clone(), a.name.clone()))
        .chain(
            [BOROUGH_CODE, LONDON_CODE, ENGLAND_CODE]
                .into_iter()
                .filter_map(|code| {
                    manifest
                        .area(code)
                        .map(|a| (a.code.clone(), a.name.clone()))
                }),
        )
        .collect();
    let header = columns
        .iter()
        .map(|(code, name)| {
            view! {
                <th scope="col" class="num" lang=english_if_kept("area", code, "name")>
                    {name.clone()}
                </th>
            }
        })
        .collect_view();
    let rows = manifest
        .framework
        .domains
        .iter()
        .filter(|d| domain.as_deref().is_none_or(|id| d.id == id))
        .map(|domain| {
            let indicators: Vec<&IndicatorMeta> = domain
                .i_statements
                .iter()
                .flat_map(|s| s.indicators.iter())
                .filter_map(|id| manifest.indicator(id))
                .collect();
            let body = indicators
                .into_iter()
                .map(|indicator| {
                    let id = indicator.id.clone();
                    let link = move || href(&indicator_state(&url.state(), &id));
                    let key = indicator.key_figures.as_ref();
                    let cells = columns
                        .iter()
                        .map(|(code, _)| {
                            let value = key.and_then(|k| k.value(code));
                            view! { <Cell value=value.cloned() area=code.clone() unit=indicator.unit.clone() lang /> }
                        })
                        .collect_view();
                    let unit = unit_label(&indicator.unit, lang);
                    // A unit with no words for it is shown as published, marked as such.
                    let unit_lang = is_symbol_unit(&indicator.unit)
                        .then(|| always_english(lang))
                        .flatten();
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=link lang=english_if_kept("indicator", &indicator.id, "title")>
                                    {indicator.title.clone()}
                                </a>
                                <span class="unit">" (" <span lang=unit_lang>{unit}</span> ")"</span>
                            </th>
                            <td>{key.map(|k| digits(lang, &k.period)).unwrap_or_default()}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr class="group">
                        <th
                            scope="rowgroup"
                            colspan=columns.len() + 2
                            lang=english_if_kept("domain", &domain.id, "name")
                        >
                            {domain.name.clone()}
                        </th>
                    </tr>
                    {body}
                </tbody>
            }
        })
        .collect_view();
    let column_count = columns.len();
    let heading = tr!(lang, "tartan.heading");
    view! {
        <section class="tartan" aria-labelledby="tartan-title" data-testid="tartan">
            <h2 id="tartan-title">{heading.clone()}</h2>
            <p>
                {tr!(lang, "tartan.compared")} " "
                <span class="key">"▲ " {tr!(lang, "tartan.key_better")}</span> " · "
                <span class="key">"● " {tr!(lang, "tartan.key_similar")}</span> " · "
                <span class="key">"▼ " {tr!(lang, "tartan.key_worse")}</span>
                " · ↑ " {tr!(lang, "tartan.key_higher")}
                " · ↓ " {tr!(lang, "tartan.key_lower")}
                " · – " {tr!(lang, "tartan.key_not_compared")} " "
                {tr!(lang, "tartan.provisional")}
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=heading>
                <table class="data-table tartan-table" data-columns=column_count>
                    <caption>{tr!(lang, "tartan.caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr!(lang, "tartan.indicator")}</th>
                            <th scope="col">{tr!(lang, "tartan.period")}</th>
                            {header}
                        </tr>
                    </thead>
                    {rows}
                </table>
            </div>
        </section>
    }
}

/// Which benchmark a column's cells are compared with.
fn benchmark_for(area: &str) -> Option<&'static str> {
    match area {
        ENGLAND_CODE => None,
        BOROUGH_CODE | LONDON_CODE => Some(ENGLAND_CODE),
        _ => Some(BOROUGH_CODE),
    }
}

/// One cell: the value, and the comparison as a symbol, hidden words and a class for colour.
#[component]
fn Cell(value: Option<KeyValue>, area: String, unit: String, lang: Lang) -> impl IntoView {
    let Some(value) = value else {
        return view! {
            <td class="num empty">
                "–"
                <span class="visually-hidden">{tr!(lang, "tartan.no_figure")}</span>
            </td>
        }
        .into_any();
    };
    let result = benchmark_for(&area)
        .and_then(|b| {
            value
                .comparisons
                .iter()
                .find(|c: &&Comparison| c.benchmark == b)
        })
        .map(|c| c.result);
    let (class, symbol, word) = match result {
        Some(r) => (
            comparison_class(r),
            comparison_symbol(r),
            comparison_word(r, lang),
        ),
        None => ("plain", "", String::new()),
    };
    view! {
        <td class=format!("num cell {class}")>
            {figure(value.value, &unit, lang)}
            {(!symbol.is_empty()).then(|| view! {
                " "<span aria-hidden="true">{symbol}</span>
                <span class="visually-hidden">{word}</span>
            })}
        </td>
    }
    .into_any()
}
