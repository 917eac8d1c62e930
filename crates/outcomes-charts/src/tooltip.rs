//! Tooltip values written by the one formatter (`format::value_with_unit`), so a tooltip
//! reads exactly as the table, the summary and the CSV do, with its unit: ECharts would
//! otherwise write each value itself, and JavaScript rounds halves differently.
//!
//! Each series that shows a tooltip gets a `formatted` list beside its `data`, one text per
//! data item (null where the item has no value); the page attaches the `valueFormatter` that
//! looks a value up there by its index (`js/chart-functions.js`), and writes no number itself.

use outcomes_i18n::Lang;
use serde_json::Value;

use crate::format::value_with_unit;

/// The key of a series' list of formatted values, read by `js/chart-functions.js`.
pub const FORMATTED_KEY: &str = "formatted";

/// Writes [`FORMATTED_KEY`] onto every series of `option` that shows a tooltip, each value
/// in `unit` and `lang`.
pub fn format_tooltip_values(option: &mut Value, unit: &str, lang: Lang) {
    let Some(series) = option["series"].as_array_mut() else {
        return;
    };
    for s in series.iter_mut() {
        if s["tooltip"]["show"] == Value::Bool(false) {
            continue;
        }
        let Some(data) = s["data"].as_array() else {
            continue;
        };
        let formatted: Vec<Value> = data
            .iter()
            .map(|item| match item_value(item) {
                Some(v) => Value::String(value_with_unit(v, unit, lang)),
                None => Value::Null,
            })
            .collect();
        s[FORMATTED_KEY] = Value::Array(formatted);
    }
}

/// The number a data item stands for: the item itself or its `value`.
fn item_value(item: &Value) -> Option<f64> {
    item.as_f64().or_else(|| item["value"].as_f64())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_shown_value_is_written_with_its_unit_and_missing_ones_are_null() {
        let mut option = json!({ "series": [
            { "id": "values", "data": [18.25, { "value": 0.5, "itemStyle": {} }, null] },
            { "id": "ci95", "tooltip": { "show": false }, "data": [[1, 2]] },
        ]});
        format_tooltip_values(&mut option, "%", Lang::En);
        assert_eq!(
            option["series"][0][FORMATTED_KEY],
            json!(["18.3%", "0.5%", null])
        );
        assert_eq!(option["series"][1].get(FORMATTED_KEY), None);
        format_tooltip_values(&mut option, "%", Lang::Bn);
        assert_eq!(option["series"][0][FORMATTED_KEY][0], "১৮.৩%");
    }
}
