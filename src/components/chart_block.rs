//! A chart as the Government Analysis Function asks for one: headline, statistical subtitle,
//! a one-sentence summary, the chart, its source line and the same numbers as a table, plus
//! any provisional lookup the figures rest on.

use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::bar_chart::{area_bar_option, bar_chart_height};
use outcomes_charts::format::{capitalise, unit_label};
use outcomes_charts::summary::summarise;
use std::sync::Arc;

use outcomes_core::localise::{key, Localised};
use outcomes_core::model::{
    AreaLevel, IndicatorMeta, IndicatorTexts, Lookup, LookupStatus, Source,
};
use outcomes_i18n::{digits, tr};
use outcomes_state::Lang;

use crate::components::area_table::AreaTable;
use crate::components::echart::EChart;
use crate::components::marked::Marked;
use crate::components::share_bar::{page_url, pinned_view, today, ShareBar};
use crate::dataset_text::{always_english, english_if_kept};
use crate::state::{ResolvedLink, UrlState};

/// The whole block for an "areas compared" view of one indicator.
#[component]
pub fn ChartBlock(
    indicator: IndicatorMeta,
    view: Signal<AreaComparison>,
    /// The lookups this indicator's figures rest on, each with the levels it groups into.
    lookups: Vec<(Lookup, Vec<AreaLevel>)>,
    /// The indicator's longer texts in the page's language, from its shard.
    texts: Arc<Localised<IndicatorTexts>>,
    /// The names on this page kept in English, to mark inside translated sentences.
    #[prop(optional)]
    marked: Marked,
) -> impl IntoView {
    let lang = UrlState::get().lang();
    let summary = Signal::derive(move || view.with(|v| summarise(v, lang)));
    let option = Signal::derive(move || view.with(|v| area_bar_option(v, lang)));
    let subtitle = Signal::derive({
        let unit = unit_phrase(&indicator, lang);
        move || {
            view.with(|v| {
                tr!(
                    lang,
                    "chart_block.subtitle",
                    unit = unit,
                    period = digits(lang, &v.period)
                )
            })
        }
    });
    let headline = Signal::derive({
        let title = indicator.title.clone();
        move || {
            view.with(|v| {
                tr!(
                    lang,
                    "chart_block.headline",
                    title = title,
                    level = level_name(v.level, lang)
                )
            })
        }
    });
    let caption = Signal::derive(move || {
        tr!(
            lang,
            "chart_block.caption",
            headline = headline.get(),
            subtitle = subtitle.get()
        )
    });
    let missing = {
        let marked = marked.clone();
        move || {
            view.with(|v| {
                (!v.missing.is_empty()).then(|| {
                    let text = tr!(
                        lang,
                        "chart_block.missing",
                        names = v.missing.join(", "),
                        period = digits(lang, &v.period)
                    );
                    view! { <p class="note" data-testid="missing-areas">{marked.view(&text)}</p> }
                })
            })
        }
    };
    let provisional = Memo::new(move |_| {
        let level = view.with(|v| v.level);
        provisional_lookups_at(&lookups, level)
    });
    let url = UrlState::get();
    let embedded = move || url.0.with(|p| p.state.embed);
    let full_view = move || view.with(|v| page_url(&pinned_view(&url.state(), v)));
    let (marked_headline, marked_subtitle, marked_summary) =
        (marked.clone(), marked.clone(), marked.clone());

    view! {
        <section class="chart-block" aria-labelledby="chart-title" data-testid="chart-block">
            <h2 id="chart-title">{move || marked_headline.view(&headline.get())}</h2>
            <p class="subtitle" data-testid="subtitle">{move || marked_subtitle.view(&subtitle.get())}</p>
            <p class="summary" data-testid="summary">{move || marked_summary.view(&summary.get())}</p>
            {move || {
                let lookups = provisional.get();
                (!lookups.is_empty()).then(|| view! { <ProvisionalNotice lookups /> })
            }}
            <div class="chart-frame" style:height=move || format!("{}px", view.with(|v| bar_chart_height(v.rows.len())))>
                <EChart option summary testid="area-chart" />
            </div>
            <p class="source" data-testid="source">{source_line_view(&indicator, lang)}</p>
            {move || embedded().then(|| view! {
                <p class="full-view"><a href=full_view target="_top">{tr!(lang, "chart_block.full_view")}</a></p>
            })}
            <p class="print-only" data-testid="print-url">
                {tr!(lang, "chart_block.online")} " " <span translate="no">{full_view}</span>
            </p>
            // Only the app knows the day it is printed on; a page built on the host leaves it out.
            {(!cfg!(feature = "ssr")).then(|| view! { <p class="print-only" data-testid="print-credit">{printed_from(lang)}</p> })}
            <Show when=move || !embedded()>
                {missing.clone()}
                <ShareBar indicator=indicator.clone() view headline subtitle />
                <AreaTable view caption marked=marked.clone() />
                <AboutIndicator indicator=indicator.clone() texts=texts.clone() />
            </Show>
        </section>
    }
}

/// The indicator's definition, method, source and licence, one click away.
#[component]
fn AboutIndicator(
    indicator: IndicatorMeta,
    texts: Arc<Localised<IndicatorTexts>>,
) -> impl IntoView {
    let lang = UrlState::get().lang();
    let english = always_english(lang);
    let kept = |field: &str| texts.lang_attr(&key("indicator", &indicator.id, field));
    let source = indicator.source.clone();
    view! {
            <details class="about-indicator">
                <summary>{tr!(lang, "chart_block.about.summary")}</summary>
                <dl>
                    <dt>{tr!(lang, "chart_block.about.shows")}</dt>
                    <dd lang=kept("description")>{texts.data.description.clone()}</dd>
                    <dt>{tr!(lang, "chart_block.about.definition")}</dt>
                    <dd lang=kept("definition")>{texts.data.definition.clone()}</dd>
                    <dt>{tr!(lang, "chart_block.about.methods")}</dt>
                    <dd lang=kept("methods")>{texts.data.methods.clone()}</dd>
                    <dt>{tr!(lang, "chart_block.about.source")}</dt>
                    <dd lang=english>
                        <a href=source.url.clone()>{source.name.clone()}</a>
                        ", " {source.publisher.clone()}
                    </dd>
                    <dt>{tr!(lang, "chart_block.about.licence")}</dt>
                    <dd lang=english>{source.licence.clone()} " " {source.attribution.clone()}</dd>
                </dl>
            </details>
    }
}

/// "Source: name, publisher. Licence." under every chart, in `lang`; the names stay English.
pub fn source_line(indicator: &IndicatorMeta, lang: Lang) -> String {
    source_text(&indicator.source, lang)
}

/// The source line for the page, with the names that stay English marked as English.
pub fn source_line_view(indicator: &IndicatorMeta, lang: Lang) -> Vec<AnyView> {
    source_view(&indicator.source, lang)
}

/// "Source: name, publisher. Licence." for any published source.
pub fn source_text(source: &Source, lang: Lang) -> String {
    tr!(
        lang,
        "chart_block.source_line",
        name = source.name,
        publisher = source.publisher,
        licence = source.licence
    )
}

/// [`source_text`] with the names that stay English marked as English.
pub fn source_view(source: &Source, lang: Lang) -> Vec<AnyView> {
    let english = always_english(lang);
    Marked::default()
        .english(
            [&source.name, &source.publisher, &source.licence]
                .into_iter()
                .map(|name| (name.clone(), english)),
        )
        .view(&source_text(source, lang))
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
    let lang = UrlState::get().lang();
    view! {
        <div class="notice" data-testid="provisional-notice">
            <p>
                <strong>{tr!(lang, "chart_block.provisional.label")}</strong>
                " "
                {tr!(lang, "chart_block.provisional.text")}
            </p>
            <ul>
                {lookups
                    .into_iter()
                    .map(|l| {
                        let title = english_if_kept("lookup", &l.id, "title");
                        let note = english_if_kept("lookup", &l.id, "note");
                        view! {
                            <li>
                                <span lang=title>{l.title}</span>
                                ": "
                                <span lang=note>{l.note}</span>
                                " ("
                                <span lang=always_english(lang)>{l.source}</span>
                                ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The unit as the subtitle words it: "Percentage", "Rate per 1,000", "Years", "µg/m³".
fn unit_phrase(indicator: &IndicatorMeta, lang: Lang) -> String {
    match indicator.unit.as_str() {
        "%" => tr!(lang, "chart_block.unit.percentage"),
        "per 1,000" => tr!(
            lang,
            "chart_block.unit.rate",
            unit = unit_label("per 1,000", lang)
        ),
        // A symbol such as `µg/m³` keeps its case.
        unit => {
            let label = unit_label(unit, lang);
            if label.starts_with(|c: char| c.is_ascii_lowercase()) {
                capitalise(&label)
            } else {
                label
            }
        }
    }
}

/// The name of an area level in `lang`, as used in "by locality".
pub fn level_name(level: AreaLevel, lang: Lang) -> String {
    match level {
        AreaLevel::England => tr!(lang, "level.england"),
        AreaLevel::Region => tr!(lang, "level.region"),
        AreaLevel::Borough => tr!(lang, "level.borough"),
        AreaLevel::Locality => tr!(lang, "level.locality"),
        AreaLevel::Pcn => tr!(lang, "level.pcn"),
        AreaLevel::Practice => tr!(lang, "level.practice"),
        AreaLevel::Ward => tr!(lang, "level.ward"),
        AreaLevel::Msoa => tr!(lang, "level.msoa"),
        AreaLevel::Lsoa => tr!(lang, "level.lsoa"),
        AreaLevel::Oa => tr!(lang, "level.oa"),
    }
}

/// The plural name of an area level in `lang`, as used in "no figures by wards".
pub fn level_name_plural(level: AreaLevel, lang: Lang) -> String {
    match level {
        AreaLevel::England => tr!(lang, "level.plural.england"),
        AreaLevel::Region => tr!(lang, "level.plural.region"),
        AreaLevel::Borough => tr!(lang, "level.plural.borough"),
        AreaLevel::Locality => tr!(lang, "level.plural.locality"),
        AreaLevel::Pcn => tr!(lang, "level.plural.pcn"),
        AreaLevel::Practice => tr!(lang, "level.plural.practice"),
        AreaLevel::Ward => tr!(lang, "level.plural.ward"),
        AreaLevel::Msoa => tr!(lang, "level.plural.msoa"),
        AreaLevel::Lsoa => tr!(lang, "level.plural.lsoa"),
        AreaLevel::Oa => tr!(lang, "level.plural.oa"),
    }
}

/// Said on a printed page under the chart: who publishes the explorer, when its data was
/// released and when the page was printed, so a paper shows how current its figures are.
fn printed_from(lang: Lang) -> String {
    let release = outcomes_i18n::iso_date(lang, &ResolvedLink::get().manifest.dataset.release_date);
    tr!(
        lang,
        "chart_block.printed",
        site = tr!(lang, "shell.site_name"),
        release = release,
        printed = today(lang)
    )
}
