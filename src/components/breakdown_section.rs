//! "Inequalities": the indicator split by groups where the source publishes such a split,
//! drawn like an areas chart with the whole area as the reference line.

use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::bar_chart::{area_bar_option, bar_chart_height};
use outcomes_charts::summary::summarise;

use outcomes_core::model::IndicatorMeta;

use crate::components::area_table::AreaTable;
use crate::components::chart_block::source_line;
use crate::components::echart::EChart;

/// The breakdown of one indicator for one area and period.
#[component]
pub fn BreakdownSection(view: AreaComparison, indicator: IndicatorMeta) -> impl IntoView {
    let area = view
        .benchmark
        .as_ref()
        .map_or_else(|| "this area".to_string(), |b| b.name.clone());
    let title = format!("{} in {} by group", view.indicator_title, area);
    let height = format!("{}px", bar_chart_height(view.rows.len()));
    let caption = Signal::stored(format!("{title}, {} ({})", view.period, view.unit));
    let summary = Signal::stored(summarise(&view));
    let option = Signal::stored(area_bar_option(&view));
    let period = view.period.clone();
    let view = Signal::stored(view);
    view! {
        <section class="breakdown" aria-labelledby="breakdown-title" data-testid="breakdown">
            <h2 id="breakdown-title">"Inequalities: " {title}</h2>
            <p class="subtitle">{period}</p>
            <p class="note">
                {format!(
                    "The source publishes these groups for {area} only, not for Tower Hamlets, and \
                     without confidence intervals, so differences between groups are not tested."
                )}
            </p>
            <p class="summary">{move || summary.get()}</p>
            <div class="chart-frame" style:height=height>
                <EChart option summary testid="breakdown-chart" />
            </div>
            <p class="source">{source_line(&indicator)}</p>
            <AreaTable view caption testid="breakdown-table" />
        </section>
    }
}
