//! A choropleth of wards or localities: each area's value, the band it falls in, the legend
//! as text ranges (so it does not rely on colour) and the ECharts option. charming 0.6 has
//! no usable map series, so the option is written as JSON here; it is still a pure function
//! of the data, tested on the host.

use outcomes_core::model::{round_published, AreaLevel, IndicatorMeta, Manifest, Shard};
use outcomes_i18n::{digits, tr, Lang};
use serde_json::{json, Value};

use crate::bar_chart::TOOLTIP_RENDER_MODE;
use crate::format::{figure, value_with_unit};
use crate::tooltip::format_tooltip_values;

/// The name the ward boundaries are registered under in ECharts.
pub const WARD_MAP: &str = "tower-hamlets-wards";

/// The name the locality boundaries are registered under in ECharts.
pub const LOCALITY_MAP: &str = "tower-hamlets-localities";

/// The ECharts map name for a level's boundaries (wards for any level but localities).
pub fn map_name(level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::Locality => LOCALITY_MAP,
        _ => WARD_MAP,
    }
}

/// Light to dark blue (ColorBrewer "Blues", 5 classes): ordered by lightness, so the order
/// reads in greyscale too.
const BAND_COLOURS: [&str; 5] = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];

/// One band of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub low: f64,
    pub high: f64,
    pub colour: &'static str,
    /// "10.0 to 15.0", with the unit on the first band only, in the view's language.
    pub label: String,
}

/// One area on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapArea {
    /// The area's number on the map, from 1 in the publisher's order, the same whichever
    /// areas have values: wards are too many and too small to name on the map, so the map
    /// shows numbers and the table names them.
    pub key: usize,
    pub code: String,
    pub name: String,
    pub value: f64,
    /// Index into `bands`, 0 the lowest.
    pub band: usize,
}

/// Everything the map, its legend, its summary and its table need.
#[derive(Debug, Clone, PartialEq)]
pub struct MapView {
    /// The level of the areas mapped (wards or localities).
    pub level: AreaLevel,
    pub indicator_title: String,
    pub unit: String,
    pub period: String,
    pub areas: Vec<MapArea>,
    /// Areas at the level with no value this period, by name.
    pub missing: Vec<String>,
    pub bands: Vec<Band>,
}

/// The wards' values for `period` in five equal-width bands from the lowest to the highest,
/// the bands' labels (the map's key) written in `lang`.
pub fn map_view(
    manifest: &Manifest,
    indicator: &IndicatorMeta,
    shard: &Shard,
    period: &str,
    lang: Lang,
) -> MapView {
    map_view_at(manifest, indicator, shard, period, AreaLevel::Ward, lang)
}

/// As [`map_view`], for the areas of `level` (wards or localities); `shard` holds the
/// indicator's figures at that level.
pub fn map_view_at(
    manifest: &Manifest,
    indicator: &IndicatorMeta,
    shard: &Shard,
    period: &str,
    level: AreaLevel,
    lang: Lang,
) -> MapView {
    let mut values = Vec::new();
    let mut missing = Vec::new();
    for (i, area) in manifest.areas_at(level).enumerate() {
        match shard.point(&area.code, period).and_then(|p| p.value) {
            Some(v) => values.push((i + 1, area.code.clone(), area.name.clone(), v)),
            None => missing.push(area.name.clone()),
        }
    }
    let low = values.iter().map(|v| v.3).fold(f64::INFINITY, f64::min);
    let high = values.iter().map(|v| v.3).fold(f64::NEG_INFINITY, f64::max);
    let bands = bands(low, high, &indicator.unit, lang);
    let band_of = |v: f64| {
        bands
            .iter()
            .position(|b| v <= b.high)
            .unwrap_or(bands.len().saturating_sub(1))
    };
    MapView {
        level,
        indicator_title: indicator.title.clone(),
        unit: indicator.unit.clone(),
        period: period.to_string(),
        areas: values
            .into_iter()
            .map(|(key, code, name, value)| MapArea {
                key,
                band: band_of(value),
                code,
                name,
                value,
            })
            .collect(),
        missing,
        bands,
    }
}

fn bands(low: f64, high: f64, unit: &str, lang: Lang) -> Vec<Band> {
    if !low.is_finite() || !high.is_finite() {
        return Vec::new();
    }
    let count = BAND_COLOURS.len();
    let width = ((high - low) / count as f64).max(f64::EPSILON);
    (0..count)
        .map(|i| {
            let b_low = low + width * i as f64;
            let b_high = if i + 1 == count {
                high
            } else {
                low + width * (i + 1) as f64
            };
            let low_text = if i == 0 {
                value_with_unit(b_low, unit, lang)
            } else {
                figure(b_low, unit, lang)
            };
            let label = tr!(
                lang,
                "charts.map.band",
                low = low_text,
                high = figure(b_high, unit, lang)
            );
            Band {
                low: b_low,
                high: b_high,
                colour: BAND_COLOURS[i],
                label,
            }
        })
        .collect()
}

/// "In 2025, the highest value was in Bow East, 40.0%; the lowest in Island Gardens, 0.0%.",
/// in `lang`.
pub fn map_summary(view: &MapView, lang: Lang) -> String {
    let highest = view.areas.iter().max_by(|a, b| a.value.total_cmp(&b.value));
    let lowest = view.areas.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    let period = digits(lang, &view.period);
    let localities = view.level == AreaLevel::Locality;
    match (highest, lowest) {
        (Some(h), Some(l)) if localities => tr!(
            lang,
            "charts.map.summary_locality",
            period = period,
            highest = h.name,
            highest_value = value_with_unit(h.value, &view.unit, lang),
            lowest = l.name,
            lowest_value = value_with_unit(l.value, &view.unit, lang),
        ),
        (Some(h), Some(l)) => tr!(
            lang,
            "charts.map.summary",
            period = period,
            highest = h.name,
            highest_value = value_with_unit(h.value, &view.unit, lang),
            lowest = l.name,
            lowest_value = value_with_unit(l.value, &view.unit, lang),
        ),
        _ if localities => tr!(lang, "charts.map.no_values_locality", period = period),
        _ => tr!(lang, "charts.map.no_values", period = period),
    }
}

/// The ECharts option: a map series over the registered boundaries of the view's level, each
/// area filled with its band's colour and outlined in near-black so boundaries meet 3:1 contrast. The
/// summary, its accessible name, is in `lang`.
pub fn map_option(view: &MapView, lang: Lang) -> Value {
    let data: Vec<Value> = view
        .areas
        .iter()
        .map(|a| {
            // Localities are named on the map; wards carry their number in the table.
            let label = if view.level == AreaLevel::Locality {
                a.name.clone()
            } else {
                a.key.to_string()
            };
            json!({
                "name": a.name,
                "value": round_published(a.value),
                "code": a.code,
                "itemStyle": { "areaColor": view.bands[a.band].colour },
                "label": { "show": true, "formatter": label },
            })
        })
        .collect();
    let mut option = json!({
        "animation": false,
        "aria": { "enabled": true, "label": { "description": map_summary(view, lang) } },
        "tooltip": { "trigger": "item", "renderMode": TOOLTIP_RENDER_MODE },
        "series": [{
            "id": if view.level == AreaLevel::Locality { "localities" } else { "wards" },
            // The tooltip's first line: without a name ECharts writes "series\u{0}0" there.
            "name": digits(lang, &view.period),
            "type": "map",
            "map": map_name(view.level),
            // Matched on the boundary file's `name`, so tooltips name the area.
            "nameProperty": "name",
            // Longitude and latitude degrees differ in length at London's latitude.
            "aspectScale": 0.62,
            "roam": false,
            "selectedMode": false,
            "itemStyle": { "borderColor": "#0b0c0c", "borderWidth": 1, "areaColor": "#f3f2f1" },
            "emphasis": { "label": { "show": false }, "itemStyle": { "areaColor": "#ffdd00" } },
            // Labels sit on a white box, legible on every band's colour.
            "label": {
                "show": true,
                "color": "#0b0c0c",
                "backgroundColor": "#ffffff",
                "borderColor": "#0b0c0c",
                "borderWidth": 1,
                "borderRadius": 2,
                "padding": [1, 3],
                "fontSize": 11,
            },
            "data": data,
        }],
    });
    format_tooltip_values(&mut option, &view.unit, lang);
    option
}
