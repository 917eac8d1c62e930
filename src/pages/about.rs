//! About the data: where every figure comes from and under what licence, how the figures
//! are made, what is provisional, and how accessible this site is.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use outcomes_core::model::{LookupStatus, Manifest, Source};

/// The about page.
#[component]
pub fn AboutPage(manifest: Arc<Manifest>) -> impl IntoView {
    // One entry per source, listing the indicators taken from it.
    let mut sources: BTreeMap<String, (Source, Vec<String>)> = BTreeMap::new();
    for indicator in &manifest.indicators {
        sources
            .entry(indicator.source.name.clone())
            .or_insert_with(|| (indicator.source.clone(), Vec::new()))
            .1
            .push(indicator.title.clone());
    }
    let dataset = manifest.dataset.clone();
    let lookups = manifest.lookups.clone();
    view! {
        <h1>"About the data"</h1>
        <p class="lede">
            {dataset.title.clone()} ", published by " {dataset.publisher.clone()} " on "
            <span data-testid="release-date">{dataset.release_date.clone()}</span> "."
        </p>

        <section aria-labelledby="about-sources">
            <h2 id="about-sources">"Sources and licences"</h2>
            <ul class="source-list" data-testid="source-list">
                {sources
                    .into_values()
                    .map(|(source, titles)| {
                        view! {
                            <li>
                                <p><a href=source.url.clone()>{source.name.clone()}</a> ", " {source.publisher.clone()} "."</p>
                                <p>"Licence: " {source.licence.clone()} ". " {source.attribution.clone()}</p>
                                <p>"Used for: " {titles.join("; ")} "."</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>

        <section aria-labelledby="about-lookups">
            <h2 id="about-lookups">"How areas are grouped"</h2>
            <p>
                "Figures for GP networks (primary care networks, PCNs), localities and wards are "
                "built from smaller areas using these lookups. Provisional ones have not been "
                "officially published and may change."
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Lookups used by the explorer">
            <table class="data-table" data-testid="lookup-table">
                <caption>"Lookups used by the explorer"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Lookup"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Source"</th>
                    </tr>
                </thead>
                <tbody>
                    {lookups
                        .into_iter()
                        .map(|lookup| {
                            let status = match lookup.status {
                                LookupStatus::Official => "Official",
                                LookupStatus::Provisional => "Provisional",
                            };
                            view! {
                                <tr>
                                    <th scope="row">{lookup.title.clone()}<p class="note">{lookup.note.clone()}</p></th>
                                    <td>{status}</td>
                                    <td>{lookup.source.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            </div>
        </section>

        <section aria-labelledby="about-methods">
            <h2 id="about-methods">"Methods"</h2>
            <h3>"Confidence intervals"</h3>
            <p>
                "Every figure from a sample or a count has some uncertainty. The lines at the end of "
                "each bar show the 95% confidence interval: the range the true value is likely to lie "
                "in. They are calculated as the Office for Health Improvement and Disparities (OHID) "
                "does for its Fingertips profiles: the Wilson score method for percentages, and "
                "Byar's method (or the exact method for fewer than 10 events) for rates."
            </p>
            <h3>"Comparisons"</h3>
            <p>
                "An area is “similar” to the borough, London or England when that benchmark's value "
                "lies inside the area's 95% confidence interval. Otherwise it is “better” or “worse”, "
                "depending on whether a higher value is good or bad for that indicator, or “higher” "
                "or “lower” where neither is better. Comparisons are shown in words and symbols "
                "(▲ better, ● similar, ▼ worse) as well as colour."
            </p>
            <h3>"Recent trends"</h3>
            <p>
                "A recent trend is shown only where an area has figures for five consecutive years. "
                "A statistical test for a steady rise or fall over those five years decides whether "
                "the change is real (at the 99.8% level); otherwise the trend is “no significant "
                "change”. Trends are calculated for percentages only."
            </p>
            <h3>"Keeping people anonymous"</h3>
            <p>
                "Only published, anonymised statistics are used. Before anything is published here, "
                "counts of 1 to 7 for areas smaller than England are withheld, and so is any other "
                "figure that would let a withheld count be worked out from a total. The page itself "
                "never receives a withheld number."
            </p>
        </section>

        <section aria-labelledby="about-privacy">
            <h2 id="about-privacy">"Privacy"</h2>
            <p>
                "This site sets no cookies, stores nothing about you and loads nothing from any "
                "other website. Everything it shows comes from files in its own folder."
            </p>
        </section>
    }
}
