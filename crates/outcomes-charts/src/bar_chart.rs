//! The ECharts option for an "areas compared" bar chart: horizontal bars (long area names
//! stay readable on a phone), 95% confidence whiskers and the borough as a reference line.
//!
//! The whiskers are a `custom` series whose `renderItem` must be a JavaScript function; the
//! app attaches it (see `WHISKER_SERIES_ID`), since JSON cannot carry one.

use charming::component::{Axis, Grid};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisType, DimensionEncode, ItemStyle, Label, LabelPosition, LineStyle,
    LineStyleType, MarkLine, MarkLineData, MarkLineVariant, Symbol, Tooltip, Trigger,
};
use charming::series::{Bar, Custom};
use charming::{component::Aria, Chart};

use outcomes_core::model::round_published;
use outcomes_i18n::{tr, Lang};

use crate::area_comparison::{AreaComparison, AreaRow};
use crate::format::{figure, unit_label};
use crate::summary::summarise;
use crate::tooltip::format_tooltip_values;

/// Whisker series stay out of tooltips: an interval is two numbers, and a tooltip would show
/// one of them bare. The intervals are in the table. (charming 0.6 cannot say this.)
pub fn quiet_whiskers(option: &mut serde_json::Value) {
    if let Some(series) = option["series"].as_array_mut() {
        for s in series.iter_mut().filter(|s| s["type"] == "custom") {
            s["tooltip"] = serde_json::json!({ "show": false });
        }
    }
}

/// Tooltips are drawn on the canvas, not as HTML with inline styles, so the page keeps a
/// strict style policy; the same figures are always in the table.
pub const TOOLTIP_RENDER_MODE: &str = "richText";

/// The id of the whisker series, where the app attaches the `renderItem` function.
pub const WHISKER_SERIES_ID: &str = "ci95";
/// The id of the bar series, where tests read the drawn values back.
pub const BAR_SERIES_ID: &str = "values";

/// GOV.UK blue: 5.2:1 against white, so bars meet the 3:1 non-text contrast minimum.
const BAR_COLOUR: &str = "#1d70b8";
/// Dark blue for Tower Hamlets among its peers.
const HIGHLIGHT_COLOUR: &str = "#003078";
/// Near-black for whiskers and the reference line.
const INK: &str = "#0b0c0c";
/// Axis text: 9.4:1 against white.
const MUTED_INK: &str = "#484949";

/// The option as ECharts receives it. ECharts' aria component writes the chart's accessible
/// name onto the container, replacing any the page set, so the generated summary goes in as
/// `aria.label.description` (which charming 0.6 cannot express) instead of ECharts' own
/// machine-made description. Each reference line's pattern is patched in the same way.
/// Every text in it (the summary, the unit, series names, reference labels) is in `lang`;
/// the app formats the axis ticks, which ECharts writes itself.
pub fn area_bar_option(view: &AreaComparison, lang: Lang) -> serde_json::Value {
    let mut option = serde_json::to_value(area_bar_chart(view, lang)).unwrap_or_default();
    option["aria"]["label"] = serde_json::json!({ "description": summarise(view, lang) });
    option["tooltip"]["renderMode"] = serde_json::json!(TOOLTIP_RENDER_MODE);
    quiet_whiskers(&mut option);
    format_tooltip_values(&mut option, &view.unit, lang);
    if let Some(lines) = option["series"][0]["markLine"]["data"].as_array_mut() {
        for ((line, pattern), position) in lines
            .iter_mut()
            .zip(REFERENCE_LINE_TYPES)
            .zip(REFERENCE_LABEL_POSITIONS)
        {
            line["lineStyle"] = serde_json::json!({ "type": pattern });
            line["label"]["position"] = serde_json::json!(position);
        }
    }
    option
}

/// Builds the bar chart. Bars follow the row order; the first row is at the top.
pub fn area_bar_chart(view: &AreaComparison, lang: Lang) -> Chart {
    let names: Vec<String> = view.rows.iter().map(category_label).collect();
    let values: Vec<DataPoint> = view
        .rows
        .iter()
        .map(|r| {
            // Tower Hamlets among London boroughs: a darker bar, and a marker in its axis
            // label so it stands out without relying on colour.
            if r.highlight {
                DataPoint::from(
                    DataPointItem::new(round_published(r.value))
                        .item_style(ItemStyle::new().color(HIGHLIGHT_COLOUR)),
                )
            } else {
                DataPoint::from(round_published(r.value))
            }
        })
        .collect();
    let whiskers: Vec<DataPoint> = view
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            r.ci95.map(|ci| {
                DataPoint::from(CompositeValue::Array(vec![
                    CompositeValue::from(i as f64),
                    CompositeValue::from(round_published(ci.lower)),
                    CompositeValue::from(round_published(ci.upper)),
                ]))
            })
        })
        .collect();

    let bars = Bar::new()
        .id(BAR_SERIES_ID)
        .name(view.indicator_title.as_str())
        .item_style(ItemStyle::new().color(BAR_COLOUR))
        .bar_width("55%")
        .data(values)
        .mark_line(reference_lines(view, lang));

    Chart::new()
        .aria(Aria::new().enabled(true))
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(36)
                .bottom(56)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(unit_label(&view.unit, lang))
                .axis_label(axis_label())
                .min(0),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .axis_label(axis_label())
                .data(names),
        )
        .series(bars)
        .series(
            Custom::new()
                .id(WHISKER_SERIES_ID)
                .name(tr!(lang, "charts.bar.ci95"))
                .encode(DimensionEncode::new().x(vec![1, 2]).y(0))
                .item_style(ItemStyle::new().color(INK))
                .data(whiskers),
        )
}

/// One dashed, dotted or solid line per benchmark, each labelled with its name and value, so
/// the lines are told apart without colour.
fn reference_lines(view: &AreaComparison, lang: Lang) -> MarkLine {
    let lines = view
        .references
        .iter()
        .map(|reference| {
            MarkLineVariant::Simple(
                MarkLineData::new()
                    .name(reference.name.as_str())
                    .x_axis(round_published(reference.value))
                    .label(
                        // The category axis runs top to bottom (inverse), so the line's start
                        // is its top: labels sit above the bars, clear of the value axis.
                        Label::new()
                            .position(LabelPosition::Start)
                            .color(INK)
                            .font_size(13)
                            .formatter(
                                format!(
                                    "{} {}",
                                    reference.name,
                                    figure(reference.value, &view.unit, lang)
                                )
                                .as_str(),
                            ),
                    ),
            )
        })
        .collect();
    MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(
            LineStyle::new()
                .color(INK)
                .width(2)
                .type_(LineStyleType::Dashed),
        )
        .data(lines)
}

/// The line pattern of each reference line in turn (borough, London, England), so they are
/// told apart without colour. charming 0.6 has no per-line style, so these are patched in.
const REFERENCE_LINE_TYPES: [&str; 3] = ["dashed", "dotted", "solid"];
/// Where each reference line's label sits: alternately above the bars and below the value
/// axis, so labels of lines close together do not print over each other.
const REFERENCE_LABEL_POSITIONS: [&str; 3] = ["start", "end", "insideStartTop"];

/// Height in pixels that gives every bar room for its label: 28 px a bar plus the axes.
pub fn bar_chart_height(rows: usize) -> u32 {
    (rows as u32 * 28 + 110).max(260)
}

/// The category label: Tower Hamlets among its peers carries a marker.
fn category_label(row: &AreaRow) -> String {
    if row.highlight {
        format!("▶ {}", row.name)
    } else {
        row.name.clone()
    }
}

/// Axis text large and dark enough to read on a phone (ECharts' default grey is 12 px).
fn axis_label() -> AxisLabel {
    AxisLabel::new().color(MUTED_INK).font_size(14)
}
