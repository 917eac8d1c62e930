//! A trend: chosen areas over every period of an indicator, with 95% intervals, its summary
//! and its ECharts option. Lines differ by marker shape and dash as well as colour.

use charming::component::{Aria, Axis, Grid, Legend};
use charming::datatype::{CompositeValue, DataPoint};
use charming::element::{
    AxisLabel, AxisType, DimensionEncode, ItemStyle, LineStyle, LineStyleType, Symbol, Tooltip,
    Trigger,
};
use charming::series::{Custom, Line};
use charming::Chart;
use outcomes_core::model::{
    round_published, IndicatorMeta, Interval, Manifest, Shard, BOROUGH_CODE, ENGLAND_CODE,
    LONDON_CODE,
};
use outcomes_i18n::{digits, tr, Lang};

use crate::bar_chart::{quiet_whiskers, TOOLTIP_RENDER_MODE};
use crate::format::{unit_label, value_with_unit};
use crate::tooltip::format_tooltip_values;

/// Series ids of the trend's whiskers start with this; the app attaches the vertical
/// whisker `renderItem` to them.
pub const TREND_WHISKER_PREFIX: &str = "ci95-trend-";

/// One area's values over the periods (`None` where it has none).
#[derive(Debug, Clone, PartialEq)]
pub struct TrendSeries {
    pub code: String,
    pub name: String,
    pub points: Vec<Option<(f64, Option<Interval>)>>,
}

/// Everything a trend chart, its summary and its table need.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendView {
    pub indicator_title: String,
    pub unit: String,
    pub periods: Vec<String>,
    pub series: Vec<TrendSeries>,
    /// The periods on the axis from which the source counts differently, each with the
    /// note saying how: the chart marks each one, since the line crosses it.
    pub definition_changes: Vec<(String, String)>,
}

impl TrendView {
    /// Whether any point drawn has a 95% confidence interval, so the chart and table may say
    /// they show intervals only where they do.
    pub fn has_intervals(&self) -> bool {
        self.series
            .iter()
            .flat_map(|s| &s.points)
            .any(|p| matches!(p, Some((_, Some(_)))))
    }
}

/// The areas shown when the person has chosen none: the borough and its benchmarks.
pub const DEFAULT_TREND_AREAS: [&str; 3] = [BOROUGH_CODE, LONDON_CODE, ENGLAND_CODE];

/// Builds the trend for `areas` (or the defaults when empty), keeping only areas with at
/// least one value, in the order given.
pub fn trend_view(
    manifest: &Manifest,
    indicator: &IndicatorMeta,
    shard: &Shard,
    areas: &[String],
) -> TrendView {
    let chosen: Vec<&str> = if areas.is_empty() {
        DEFAULT_TREND_AREAS.to_vec()
    } else {
        areas.iter().map(String::as_str).collect()
    };
    let periods = with_missing_years(&shard.periods);
    let series = chosen
        .into_iter()
        .filter_map(|code| {
            let area = manifest.area(code)?;
            let points: Vec<_> = periods
                .iter()
                .map(|period| {
                    shard
                        .point(code, period)
                        .and_then(|p| p.value.map(|v| (v, p.ci95)))
                })
                .collect();
            points.iter().any(Option::is_some).then(|| TrendSeries {
                code: code.to_string(),
                name: area.name.clone(),
                points,
            })
        })
        .collect();
    let definition_changes = shard
        .definition_changes
        .iter()
        .filter(|(period, _)| periods.contains(period))
        .map(|(period, note)| (period.clone(), note.clone()))
        .collect();
    TrendView {
        indicator_title: indicator.title.clone(),
        unit: indicator.unit.clone(),
        periods,
        series,
        definition_changes,
    }
}

/// The periods with every year the source skips put back (2021/22 between 2020/21 and
/// 2022/23), so that a missing year is a gap on the axis and in the line rather than two
/// years drawn side by side and joined.
pub fn with_missing_years(periods: &[String]) -> Vec<String> {
    // Further apart than this, the years between are not filled in: an axis of decades of
    // empty years would say less than the gap itself.
    const MAX_FILLED: i32 = 20;
    let mut out: Vec<String> = Vec::with_capacity(periods.len());
    for period in periods {
        if let (Some(before), Some(now)) = (out.last().and_then(|p| year_of(p)), year_of(period)) {
            if before.financial == now.financial && now.start - before.start <= MAX_FILLED {
                for start in before.start + 1..now.start {
                    out.push(if now.financial {
                        format!("{start}/{:02}", (start + 1) % 100)
                    } else {
                        start.to_string()
                    });
                }
            }
        }
        out.push(period.clone());
    }
    out
}

/// A period's start year and whether it is a financial year (`2020/21`) or a calendar one.
struct Year {
    start: i32,
    financial: bool,
}

fn year_of(period: &str) -> Option<Year> {
    let start = period.get(..4)?.parse().ok()?;
    match period.len() {
        4 => Some(Year {
            start,
            financial: false,
        }),
        7 if period.as_bytes()[4] == b'/' => Some(Year {
            start,
            financial: true,
        }),
        _ => None,
    }
}

/// "Tower Hamlets went from 19.2% in 2013/14 to 15.5% in 2022/23; England from …", in
/// `lang`, with its numbers and periods in `lang`'s digits.
pub fn trend_summary(view: &TrendView, lang: Lang) -> String {
    let value = |v: f64| value_with_unit(v, &view.unit, lang);
    let clauses: Vec<String> = view
        .series
        .iter()
        .filter_map(|s| {
            let known: Vec<(f64, &String)> = s
                .points
                .iter()
                .zip(&view.periods)
                .filter_map(|(p, period)| p.map(|(v, _)| (v, period)))
                .collect();
            let first = *known.first()?;
            Some(match known.get(1..).and_then(<[_]>::last) {
                Some(last) => tr!(
                    lang,
                    "charts.trend.went_from",
                    name = s.name,
                    first_value = value(first.0),
                    first_period = digits(lang, first.1),
                    last_value = value(last.0),
                    last_period = digits(lang, last.1),
                ),
                None => tr!(
                    lang,
                    "charts.trend.one_value",
                    name = s.name,
                    value = value(first.0),
                    period = digits(lang, first.1),
                ),
            })
        })
        .collect();
    if clauses.is_empty() {
        return tr!(lang, "charts.trend.no_values");
    }
    let mut summary = tr!(lang, "charts.trend.summary", clauses = clauses.join("; "));
    for (period, _) in &view.definition_changes {
        summary.push(' ');
        summary.push_str(&tr!(
            lang,
            "charts.trend.definition_changed",
            period = digits(lang, period)
        ));
    }
    summary
}

/// Colour-blind-safe line colours, each at least 3:1 against white.
const COLOURS: [&str; 5] = ["#0b0c0c", "#1d70b8", "#d4351c", "#00703c", "#6f3c97"];
const SYMBOLS: [Symbol; 5] = [
    Symbol::Circle,
    Symbol::Rect,
    Symbol::Triangle,
    Symbol::Diamond,
    Symbol::Pin,
];
const DASHES: [LineStyleType; 3] = [
    LineStyleType::Solid,
    LineStyleType::Dashed,
    LineStyleType::Dotted,
];

/// The trend chart: one line per area with its whiskers, labelled by a legend. The unit is
/// in `lang`; the periods on the axis stay as published, and the app writes them in `lang`'s
/// digits when it formats the axis labels.
pub fn trend_chart(view: &TrendView, lang: Lang) -> Chart {
    let mut chart = Chart::new()
        .aria(Aria::new().enabled(true))
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top(0).left(0))
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(56)
                .bottom(32)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .axis_label(AxisLabel::new().color("#484949").font_size(13))
                .data(view.periods.clone()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(unit_label(&view.unit, lang))
                .axis_label(AxisLabel::new().color("#484949").font_size(13)),
        );
    for (i, series) in view.series.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let values: Vec<DataPoint> = series
            .points
            .iter()
            .map(|p| DataPoint::from(CompositeValue::from(p.map(|(v, _)| round_published(v)))))
            .collect();
        chart = chart.series(
            Line::new()
                .id(format!("trend-{}", series.code))
                .name(series.name.as_str())
                .symbol(SYMBOLS[i % SYMBOLS.len()].clone())
                .symbol_size(9)
                .item_style(ItemStyle::new().color(colour))
                .line_style(
                    LineStyle::new()
                        .color(colour)
                        .width(2)
                        .type_(DASHES[i % DASHES.len()]),
                )
                .data(values),
        );
        let whiskers: Vec<DataPoint> = series
            .points
            .iter()
            .enumerate()
            .filter_map(|(x, p)| {
                let (_, ci) = (*p)?;
                let ci = ci?;
                Some(DataPoint::from(CompositeValue::Array(vec![
                    CompositeValue::from(x as f64),
                    CompositeValue::from(round_published(ci.lower)),
                    CompositeValue::from(round_published(ci.upper)),
                ])))
            })
            .collect();
        if !whiskers.is_empty() {
            chart = chart.series(
                Custom::new()
                    .id(format!("{TREND_WHISKER_PREFIX}{}", series.code))
                    .name(series.name.as_str())
                    .encode(DimensionEncode::new().x(0).y(vec![1, 2]))
                    .item_style(ItemStyle::new().color(colour))
                    .data(whiskers),
            );
        }
    }
    chart
}

/// A dashed vertical line at each period from which the source counts differently, labelled
/// so, on the first line (charming 0.6 has no mark lines of this kind).
fn mark_definition_changes(option: &mut serde_json::Value, view: &TrendView, lang: Lang) {
    if view.definition_changes.is_empty() {
        return;
    }
    let Some(first_line) = option["series"]
        .as_array_mut()
        .and_then(|series| series.iter_mut().find(|s| s["type"] == "line"))
    else {
        return;
    };
    let label = tr!(lang, "charts.trend.definition_mark");
    first_line["markLine"] = serde_json::json!({
        "silent": true,
        "symbol": "none",
        "animation": false,
        "lineStyle": { "type": "dashed", "color": "#505a5f", "width": 1 },
        "label": { "formatter": label, "position": "insideEndTop", "color": "#0b0c0c" },
        "data": view
            .definition_changes
            .iter()
            .map(|(period, _)| serde_json::json!({ "xAxis": period }))
            .collect::<Vec<_>>(),
    });
}

/// The id of the trend chart's axis of periods.
pub const PERIOD_AXIS_ID: &str = "periods";

/// The option as ECharts receives it, with the summary as the chart's accessible name.
pub fn trend_option(view: &TrendView, lang: Lang) -> serde_json::Value {
    let mut option = serde_json::to_value(trend_chart(view, lang)).unwrap_or_default();
    option["aria"]["label"] = serde_json::json!({ "description": trend_summary(view, lang) });
    option["tooltip"]["renderMode"] = serde_json::json!(TOOLTIP_RENDER_MODE);
    quiet_whiskers(&mut option);
    format_tooltip_values(&mut option, &view.unit, lang);
    mark_definition_changes(&mut option, view, lang);
    // The period axis is named so the app can write its labels in the page's digits; other
    // category axes hold area names, whose digits are part of the name.
    match &mut option["xAxis"] {
        serde_json::Value::Array(axes) => axes
            .iter_mut()
            .for_each(|axis| axis["id"] = serde_json::json!(PERIOD_AXIS_ID)),
        axis @ serde_json::Value::Object(_) => axis["id"] = serde_json::json!(PERIOD_AXIS_ID),
        _ => {}
    }
    option
}
