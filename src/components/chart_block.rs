//! A chart as the Government Analysis Function asks for one: headline, statistical subtitle,
//! a one-sentence summary, the chart, its source line and the same numbers as a table, plus
//! any provisional lookup the figures rest on.

use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::bar_chart::{area_bar_option, bar_chart_height};
use outcomes_charts::summary::summarise;
use outcomes_core::model::{AreaLevel, IndicatorMeta, Lookup, LookupStatus};
use outcomes_state::State;

use crate::components::area_table::AreaTable;
use crate::components::echart::EChart;
use crate::components::share_bar::{page_url, ShareBar};
use crate::state::UrlState;

/// The whole block for an "areas compared" view of one indicator.
#[component]
pub fn ChartBlock(
    indicator: IndicatorMeta,
    view: Signal<AreaComparison>,
    /// The lookups this indicator's figures rest on, each with the levels it groups into.
    lookups: Vec<(Lookup, Vec<AreaLevel>)>,
) -> impl IntoView {
    let summary = Signal::derive(move || view.with(summarise));
    let option = Signal::derive(move || view.with(area_bar_option));
    let subtitle = Signal::derive({
        let unit = unit_phrase(&indicator);
        move || view.with(|v| format!("{unit}, {}", v.period))
    });
    let headline = Signal::derive({
        let title = indicator.title.clone();
        move || view.with(|v| format!("{title} by {}", level_name(v.level)))
    });
    let caption = Signal::derive(move || format!("{}: {}", headline.get(), subtitle.get()));
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
    let provisional = Memo::new(move |_| {
        let level = view.with(|v| v.level);
        provisional_lookups_at(&lookups, level)
    });
    let url = UrlState::get();
    let embedded = move || url.0.with(|p| p.state.embed);
    let full_view = move || {
        page_url(&State {
            embed: false,
            ..url.state()
        })
    };

    view! {
        <section class="chart-block" aria-labelledby="chart-title" data-testid="chart-block">
            <h2 id="chart-title">{move || headline.get()}</h2>
            <p class="subtitle" data-testid="subtitle">{move || subtitle.get()}</p>
            <p class="summary" data-testid="summary">{move || summary.get()}</p>
            {move || {
                let lookups = provisional.get();
                (!lookups.is_empty()).then(|| view! { <ProvisionalNotice lookups /> })
            }}
            <div class="chart-frame" style:height=move || format!("{}px", view.with(|v| bar_chart_height(v.rows.len())))>
                <EChart option summary testid="area-chart" />
            </div>
            <p class="source" data-testid="source">{source_line(&indicator)}</p>
            {move || embedded().then(|| view! {
                <p class="full-view"><a href=full_view target="_top">"See this chart in the Tower Hamlets outcomes explorer"</a></p>
            })}
            <p class="print-only" data-testid="print-url">{move || format!("Online: {}", full_view())}</p>
            <Show when=move || !embedded()>
                {missing}
                <ShareBar indicator=indicator.clone() view headline subtitle />
                <AreaTable view caption />
                <AboutIndicator indicator=indicator.clone() />
            </Show>
        </section>
    }
}

/// The indicator's definition, method, source and licence, one click away.
#[component]
fn AboutIndicator(indicator: IndicatorMeta) -> impl IntoView {
    let source = indicator.source.clone();
    view! {
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
    }
}

/// "Source: name, publisher. Licence." under every chart.
pub fn source_line(indicator: &IndicatorMeta) -> String {
    let source = &indicator.source;
    format!(
        "Source: {}, {}. {}.",
        source.name, source.publisher, source.licence
    )
}

/// The provisional lookups behind figures at `level`: those that place areas into areas of
/// that level.
fn provisional_lookups_at(lookups: &[(Lookup, Vec<AreaLevel>)], level: AreaLevel) -> Vec<Lookup> {
    lookups
        .iter()
        .filter(|(l, levels)| l.status == LookupStatus::Provisional && levels.contains(&level))
        .map(|(l, _)| l.clone())
        .collect()
}

/// Says which of the lookups behind these figures nobody has officially published.
#[component]
pub fn ProvisionalNotice(lookups: Vec<Lookup>) -> impl IntoView {
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

/// The name of an area level, as used in "by locality".
pub fn level_name(level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::England => "country",
        AreaLevel::Region => "region",
        AreaLevel::Borough => "London borough",
        AreaLevel::Locality => "locality",
        AreaLevel::Pcn => "primary care network",
        AreaLevel::Practice => "GP practice",
        AreaLevel::Ward => "ward",
        AreaLevel::Lsoa => "small area (LSOA)",
    }
}

/// The plural name of an area level, as used in "no figures by wards".
pub fn level_name_plural(level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::England => "country",
        AreaLevel::Region => "regions",
        AreaLevel::Borough => "London boroughs",
        AreaLevel::Locality => "localities",
        AreaLevel::Pcn => "GP networks (PCNs)",
        AreaLevel::Practice => "GP practices",
        AreaLevel::Ward => "wards",
        AreaLevel::Lsoa => "small areas (LSOAs)",
    }
}
