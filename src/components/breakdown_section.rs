//! "Inequalities": the indicator split by groups where the source publishes such a split,
//! drawn like an areas chart with the whole area as the reference line.

use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::bar_chart::{area_bar_option, bar_chart_height};
use outcomes_charts::format::unit_label;
use outcomes_charts::summary::summarise;
use outcomes_core::model::IndicatorMeta;
use outcomes_i18n::{digits, tr};

use crate::components::area_table::AreaTable;
use crate::components::chart_block::source_line_view;
use crate::components::echart::EChart;
use crate::components::marked::Marked;
use crate::dataset_text::english_if_kept;

/// The breakdown of one indicator for one area and period.
#[component]
pub fn BreakdownSection(
    view: AreaComparison,
    indicator: IndicatorMeta,
    /// The names on this page kept in English, to mark inside translated sentences.
    #[prop(optional)]
    marked: Marked,
) -> impl IntoView {
    let lang = crate::state::UrlState::get().lang();
    // The groups are named as the source names them, in English.
    let marked = marked.english(
        view.rows
            .iter()
            .map(|row| (row.name.clone(), english_if_kept("area", &row.code, "name"))),
    );
    let area = view
        .benchmark
        .as_ref()
        .map_or_else(|| tr!(lang, "breakdown.this_area"), |b| b.name.clone());
    let title = tr!(
        lang,
        "breakdown.title",
        title = view.indicator_title,
        area = area
    );
    let height = format!("{}px", bar_chart_height(view.rows.len()));
    let caption = Signal::stored(tr!(
        lang,
        "breakdown.caption",
        title = title,
        period = digits(lang, &view.period),
        unit = unit_label(&view.unit, lang)
    ));
    let summary = Signal::stored(summarise(&view, lang));
    let option = Signal::stored(area_bar_option(&view, lang));
    let period = digits(lang, &view.period);
    let view = Signal::stored(view);
    view! {
        <section class="breakdown" aria-labelledby="breakdown-title" data-testid="breakdown">
            <h2 id="breakdown-title">{marked.view(&tr!(lang, "breakdown.heading", title = title))}</h2>
            <p class="subtitle">{period}</p>
            <p class="note">{marked.view(&tr!(lang, "breakdown.note", area = area))}</p>
            <p class="summary">{marked.view(&summary.get_untracked())}</p>
            <div class="chart-frame" style:height=height>
                <EChart option summary testid="breakdown-chart" />
            </div>
            <p class="source">{source_line_view(&indicator, lang)}</p>
            <AreaTable view caption testid="breakdown-table" marked />
        </section>
    }
}
