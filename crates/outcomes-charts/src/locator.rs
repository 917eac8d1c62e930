//! A locator map for an area's page: every area of its level drawn plain, the chosen one
//! shaded and named, so a person sees where the area is. No values: its words are the page's.

use outcomes_core::model::{AreaLevel, Manifest};
use serde_json::{json, Value};

use crate::bar_chart::TOOLTIP_RENDER_MODE;
use crate::choropleth::map_name;

/// The shade of the chosen area: the explorer's blue, 4.5:1 against the plain areas' grey.
const CHOSEN: &str = "#1d70b8";
const PLAIN: &str = "#f3f2f1";

/// The option for a map of `level`'s areas with `chosen` shaded and labelled; `summary` is its
/// accessible description.
pub fn locator_option(manifest: &Manifest, level: AreaLevel, chosen: &str, summary: &str) -> Value {
    let data: Vec<Value> = manifest
        .areas_at(level)
        .map(|area| {
            let is_chosen = area.code == chosen;
            json!({
                "name": area.name,
                "code": area.code,
                "itemStyle": { "areaColor": if is_chosen { CHOSEN } else { PLAIN } },
                // A haloed name beside the shaded ward rather than a box over it.
                "label": {
                    "show": is_chosen,
                    "color": "#0b0c0c",
                    "textBorderColor": "#ffffff",
                    "textBorderWidth": 3,
                    "fontSize": 13,
                    "fontWeight": "bold",
                    "offset": [0, -14],
                },
            })
        })
        .collect();
    json!({
        "animation": false,
        "aria": { "enabled": true, "label": { "description": summary } },
        "tooltip": { "trigger": "item", "renderMode": TOOLTIP_RENDER_MODE, "formatter": "{b}" },
        "series": [{
            "id": "locator",
            "type": "map",
            "map": map_name(level),
            "nameProperty": "name",
            "aspectScale": 0.62,
            "roam": false,
            "selectedMode": false,
            "itemStyle": { "borderColor": "#0b0c0c", "borderWidth": 1, "areaColor": PLAIN },
            "emphasis": { "label": { "show": true }, "itemStyle": { "areaColor": "#ffdd00" } },
            "data": data,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_chosen_area_is_shaded_and_named() {
        let manifest: Manifest =
            serde_json::from_str(include_str!("../tests/fixtures/manifest.json")).unwrap();
        let level = AreaLevel::Locality;
        let first = manifest.areas_at(level).next().unwrap().code.clone();
        let option = locator_option(&manifest, level, &first, "A map.");
        let data = option["series"][0]["data"].as_array().unwrap();
        assert_eq!(data.len(), manifest.areas_at(level).count());
        for item in data {
            let chosen = item["code"] == first.as_str();
            assert_eq!(item["label"]["show"], chosen);
            assert_eq!(
                item["itemStyle"]["areaColor"],
                if chosen { CHOSEN } else { PLAIN }
            );
        }
        assert_eq!(option["aria"]["label"]["description"], "A map.");
        assert_eq!(option["series"][0]["map"], map_name(level));
    }
}
