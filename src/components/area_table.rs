//! The numbers behind an "areas compared" chart as an HTML table: the accessible alternative
//! to the canvas, and what people copy from.

use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::format::{count, decimal};
use outcomes_charts::summary::comparison_word;
use outcomes_core::trend::TrendResult;

/// One row per area, with its interval, count, denominator and comparison, then the
/// benchmarks drawn as reference lines.
#[component]
pub fn AreaTable(
    view: Signal<AreaComparison>,
    caption: Signal<String>,
    /// For tests to find this table.
    #[prop(default = "area-table")]
    testid: &'static str,
) -> impl IntoView {
    let unit = move || view.with(|v| v.unit.clone());
    let compared_with = move || {
        view.with(|v| {
            v.benchmark.as_ref().map_or_else(
                || "Compared".to_string(),
                |b| format!("Compared with {}", b.name),
            )
        })
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || caption.get()>
            <table class="data-table" data-testid=testid>
                <caption>{move || caption.get()}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col" class="num">"Value (" {unit} ")"</th>
                        <th scope="col" class="num">"95% confidence interval"</th>
                        <th scope="col" class="num">"Count"</th>
                        <th scope="col" class="num">"Denominator"</th>
                        <th scope="col">{compared_with}</th>
                        <th scope="col">"Recent trend"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        view.with(|v| {
                            v.rows
                                .iter()
                                .map(|row| {
                                    let ci = row
                                        .ci95
                                        .map(|ci| format!("{} to {}", decimal(ci.lower), decimal(ci.upper)))
                                        .unwrap_or_else(|| "not available".to_string());
                                    view! {
                                        <tr data-area=row.code.clone() class:highlight=row.highlight>
                                            <th scope="row">{row.name.clone()}</th>
                                            <td class="num" data-testid="value">{decimal(row.value)}</td>
                                            <td class="num">{ci}</td>
                                            <td class="num">{row.count.map(count).unwrap_or_default()}</td>
                                            <td class="num">{row.denominator.map(count).unwrap_or_default()}</td>
                                            <td>{comparison_word(row.vs_benchmark)}</td>
                                            <td>{row.trend.map_or("Not calculated", TrendResult::describe)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                    {move || {
                        view.with(|v| {
                            v.references
                                .iter()
                                .map(|b| {
                                    view! {
                                        <tr class="benchmark" data-area=b.code.clone()>
                                            <th scope="row">{format!("{} (benchmark)", b.name)}</th>
                                            <td class="num" data-testid="value">{decimal(b.value)}</td>
                                            <td colspan="5">"Shown as a reference line"</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
    }
}
