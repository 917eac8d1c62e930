//! The numbers behind an "areas compared" chart as an HTML table: the accessible alternative
//! to the canvas, and what people copy from.

use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::format::{count, figure, unit_label};
use outcomes_charts::summary::{comparison_word, trend_words};
use outcomes_core::model::Interval;
use outcomes_i18n::tr;
use outcomes_state::Lang;

use crate::components::marked::Marked;
use crate::dataset_text::english_if_kept;

/// One row per area, with its interval, count, denominator and comparison, then the
/// benchmarks drawn as reference lines.
#[component]
pub fn AreaTable(
    view: Signal<AreaComparison>,
    caption: Signal<String>,
    /// For tests to find this table.
    #[prop(default = "area-table")]
    testid: &'static str,
    /// Names kept in English, to mark inside the caption and headings.
    #[prop(optional)]
    marked: Marked,
) -> impl IntoView {
    let lang = crate::state::UrlState::get().lang();
    let unit = move || view.with(|v| unit_label(&v.unit, lang));
    let compared_with = {
        let marked = marked.clone();
        move || {
            view.with(|v| {
                let text = v.benchmark.as_ref().map_or_else(
                    || tr!(lang, "table.compared"),
                    |b| tr!(lang, "table.compared_with", name = b.name),
                );
                marked.view(&text)
            })
        }
    };
    let (marked_caption, marked_unit) = (marked.clone(), marked.clone());
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || caption.get()>
            <table class="data-table" data-testid=testid>
                <caption>{move || marked_caption.view(&caption.get())}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr!(lang, "table.area")}</th>
                        <th scope="col" class="num">{move || marked_unit.view(&tr!(lang, "table.value", unit = unit()))}</th>
                        <th scope="col" class="num">{tr!(lang, "table.interval")}</th>
                        <th scope="col" class="num">{tr!(lang, "table.count")}</th>
                        <th scope="col" class="num">{tr!(lang, "table.denominator")}</th>
                        <th scope="col">{compared_with}</th>
                        <th scope="col">{tr!(lang, "table.recent_trend")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        view.with(|v| {
                            v.rows
                                .iter()
                                .map(|row| {
                                    let ci = interval_text(row.ci95, &v.unit, lang);
                                    let trend = row.trend.map_or_else(
                                        || tr!(lang, "table.trend.not_calculated"),
                                        |t| trend_words(t, lang),
                                    );
                                    view! {
                                        <tr data-area=row.code.clone() class:highlight=row.highlight>
                                            <th scope="row" lang=english_if_kept("area", &row.code, "name")>{row.name.clone()}</th>
                                            <td class="num" data-testid="value">{figure(row.value, &v.unit, lang)}</td>
                                            <td class="num">{ci}</td>
                                            <td class="num">{row.count.map(|c| count(c, lang)).unwrap_or_default()}</td>
                                            <td class="num">{row.denominator.map(|d| count(d, lang)).unwrap_or_default()}</td>
                                            <td>{comparison_word(row.vs_benchmark, lang)}</td>
                                            <td>{trend}</td>
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
                                    let name = Marked::default()
                                        .english([(b.name.clone(), english_if_kept("area", &b.code, "name"))])
                                        .view(&tr!(lang, "table.benchmark", name = b.name));
                                    view! {
                                        <tr class="benchmark" data-area=b.code.clone()>
                                            <th scope="row">{name}</th>
                                            <td class="num" data-testid="value">{figure(b.value, &v.unit, lang)}</td>
                                            <td class="num">{interval_text(b.ci95, &v.unit, lang)}</td>
                                            <td class="num">{b.count.map(|c| count(c, lang)).unwrap_or_default()}</td>
                                            <td class="num">{b.denominator.map(|d| count(d, lang)).unwrap_or_default()}</td>
                                            <td colspan="2">{tr!(lang, "table.reference_line")}</td>
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

/// A 95% confidence interval as the table writes it, or that there is none.
fn interval_text(ci95: Option<Interval>, unit: &str, lang: Lang) -> String {
    ci95.map(|ci| {
        tr!(
            lang,
            "table.range",
            lower = figure(ci.lower, unit, lang),
            upper = figure(ci.upper, unit, lang)
        )
    })
    .unwrap_or_else(|| tr!(lang, "table.not_available"))
}
