//! A chart as the Government Analysis Function asks for one: headline, statistical subtitle,
//! a one-sentence summary, the chart, its source line and the same numbers as a table, plus
//! any provisional lookup the figures rest on.

use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::summary::summarise;
use outcomes_core::model::{AreaLevel, IndicatorMeta, Lookup, LookupStatus};

use crate::components::area_chart::AreaChart;
use crate::components::area_table::AreaTable;

/// The whole block for an "areas compared" view of one indicator.
#[component]
pub fn ChartBlock(
    indicator: IndicatorMeta,
    view: Signal<AreaComparison>,
    /// The lookups this indicator's figures rest on.
    lookups: Vec<Lookup>,
) -> impl IntoView {
    let summary = Signal::derive(move || view.with(summarise));
    let subtitle = Signal::derive({
        let unit = unit_phrase(&indicator);
        move || view.with(|v| format!("{unit}, by {}, {}", level_name(v.level), v.period))
    });
    let caption = Signal::derive({
        let title = indicator.title.clone();
        move || format!("{title}: {}", subtitle.get())
    });
    let missing = move || {
        view.with(|v| {
            (!v.missing.is_empty()).then(|| {
                view! {
                    <p class="note" data-testid="missing-areas">
                        {format!("No published value for {} in {}.", v.missing.join(", "), v.period)}
                    </p>
                }
            })
        })
    };
    let provisional: Vec<Lookup> = lookups
        .into_iter()
        .filter(|l| l.status == LookupStatus::Provisional)
        .collect();
    let source = indicator.source.clone();

    view! {
        <section class="chart-block" aria-labelledby="chart-title" data-testid="chart-block">
            <h2 id="chart-title">{indicator.title.clone()}</h2>
            <p class="subtitle" data-testid="subtitle">{move || subtitle.get()}</p>
            <p class="summary" data-testid="summary">{move || summary.get()}</p>
            {(!provisional.is_empty()).then(|| view! { <ProvisionalNotice lookups=provisional /> })}
            <AreaChart view summary />
            <p class="source" data-testid="source">
                "Source: " {source.name.clone()} ", " {source.publisher.clone()} ". "
                {source.licence.clone()} "."
            </p>
            {missing}
            <AreaTable view caption />
            <details class="about-indicator">
                <summary>"About this indicator"</summary>
                <dl>
                    <dt>"What it shows"</dt>
                    <dd>{indicator.description.clone()}</dd>
                    <dt>"Definition"</dt>
                    <dd>{indicator.definition.clone()}</dd>
                    <dt>"How the figures were made"</dt>
                    <dd>{indicator.methods.clone()}</dd>
                    <dt>"Source"</dt>
                    <dd>
                        <a href=source.url.clone()>{source.name.clone()}</a>
                        ", " {source.publisher.clone()}
                    </dd>
                    <dt>"Licence"</dt>
                    <dd>{source.licence.clone()} " " {source.attribution.clone()}</dd>
                </dl>
            </details>
        </section>
    }
}

/// Says which of the lookups behind these figures nobody has officially published.
#[component]
fn ProvisionalNotice(lookups: Vec<Lookup>) -> impl IntoView {
    view! {
        <div class="notice" data-testid="provisional-notice">
            <p>
                <strong>"Provisional: "</strong>
                "these figures group areas using a lookup that has not been officially published."
            </p>
            <ul>
                {lookups
                    .into_iter()
                    .map(|l| view! { <li>{l.title} ": " {l.note} " (" {l.source} ")"</li> })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// "Percentage (%)" style phrase for the subtitle.
fn unit_phrase(indicator: &IndicatorMeta) -> String {
    match indicator.unit.as_str() {
        "%" => "Percentage".to_string(),
        unit => format!("Rate {unit}"),
    }
}

/// The plural name of an area level, as used in "by localities".
pub fn level_name(level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::England => "country",
        AreaLevel::Region => "region",
        AreaLevel::Borough => "borough",
        AreaLevel::Locality => "locality",
        AreaLevel::Pcn => "primary care network",
        AreaLevel::Practice => "GP practice",
        AreaLevel::Ward => "ward",
        AreaLevel::Lsoa => "small area (LSOA)",
    }
}
