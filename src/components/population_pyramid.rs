//! "Who is registered here": the patients registered with an area's GP practices by age and
//! sex, as a pyramid with its summary, source and table, on the locality profile.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::format::count;
use outcomes_charts::pyramid::{band_rows, extract_date, pyramid_option, pyramid_summary};
use outcomes_core::model::{Manifest, Origin, PopulationByAge, RegisteredPopulation};
use outcomes_i18n::{digits, tr};

use crate::components::chart_block::source_view;
use crate::components::echart::EChart;
use crate::components::published::published_view;
use crate::state::UrlState;

/// The pyramid for the area with this code, when the dataset has a registered population.
#[component]
pub fn PopulationPyramid(manifest: Arc<Manifest>, area: String) -> impl IntoView {
    let lang = UrlState::get().lang();
    let path = manifest.registered_population.clone()?;
    let area_name = manifest
        .area(&area)
        .map_or_else(|| area.clone(), |a| a.name.clone());
    let shown = move |data: RegisteredPopulation| match data.area(&area).cloned() {
        None => {
            view! { <p role="status">{tr!(lang, "pyramid.none", area = area_name.clone())}</p> }
                .into_any()
        }
        Some(figures) => view! {
            <Pyramid population=Arc::new(data) figures area_name=area_name.clone() />
        }
        .into_any(),
    };
    let pyramid = published_view(path, tr!(lang, "pyramid.loading"), shown);
    Some(view! {
        <section class="pyramid" aria-labelledby="pyramid-title" data-testid="population-pyramid">
            <h2 id="pyramid-title">{tr!(lang, "pyramid.heading")}</h2>
            {pyramid}
        </section>
    })
}

/// The drawn pyramid, its words and its table.
#[component]
fn Pyramid(
    population: Arc<RegisteredPopulation>,
    figures: PopulationByAge,
    area_name: String,
) -> impl IntoView {
    let lang = UrlState::get().lang();
    let summary = pyramid_summary(&population, &figures, &area_name, lang);
    let option = Signal::stored(pyramid_option(&population, &figures, &area_name, lang));
    let rows = band_rows(&population, &figures);
    let caption = tr!(
        lang,
        "pyramid.caption",
        area = area_name,
        date = extract_date(&population, lang)
    );
    let summed = (figures.origin == Origin::Aggregated).then(
        || view! { <p class="note" data-testid="pyramid-summed">{tr!(lang, "pyramid.summed")}</p> },
    );
    let women: u64 = figures.female.iter().sum();
    let men: u64 = figures.male.iter().sum();
    view! {
        <p class="note">{tr!(lang, "pyramid.registered_note")}</p>
        <p class="summary" data-testid="pyramid-summary">{summary.clone()}</p>
        {summed}
        <div class="chart-frame pyramid-frame">
            <EChart option summary=Signal::stored(summary) testid="pyramid-chart" />
        </div>
        <p class="source">{source_view(&population.source, lang)}</p>
        <details class="pyramid-methods">
            <summary>{tr!(lang, "pyramid.methods")}</summary>
            <p lang="en">{population.methods.clone()}</p>
        </details>
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="data-table" data-testid="pyramid-table">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr!(lang, "pyramid.age")}</th>
                        <th scope="col" class="num">{tr!(lang, "charts.pyramid.women")}</th>
                        <th scope="col" class="num">{tr!(lang, "charts.pyramid.men")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| view! {
                            <tr>
                                <th scope="row">{digits(lang, &row.band)}</th>
                                <td class="num">{count(row.women as f64, lang)}</td>
                                <td class="num">{count(row.men as f64, lang)}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{tr!(lang, "pyramid.all_ages")}</th>
                        <td class="num">{count(women as f64, lang)}</td>
                        <td class="num">{count(men as f64, lang)}</td>
                    </tr>
                    <tr>
                        <th scope="row">{tr!(lang, "pyramid.everyone")}</th>
                        <td class="num" colspan="2">{count(figures.total as f64, lang)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
