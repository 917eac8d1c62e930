//! The few ECharts calls the app needs, bound to the global `echarts` that the bundled
//! `echarts.js` defines. charming's own renderer has no `dispose`, so chart components use
//! these bindings to own their instance's whole life.

use outcomes_charts::bar_chart::WHISKER_SERIES_ID;
use outcomes_charts::trend::TREND_WHISKER_PREFIX;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// One ECharts instance, bound to one element.
    pub type Instance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    fn init_with(element: &web_sys::HtmlElement, theme: JsValue, options: &JsValue) -> Instance;

    #[wasm_bindgen(method, js_name = setOption)]
    fn set_option_with(this: &Instance, option: &JsValue, not_merge: bool);

    #[wasm_bindgen(method)]
    pub fn resize(this: &Instance);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &Instance);

    #[wasm_bindgen(js_namespace = echarts, js_name = registerMap)]
    fn register_map_with(name: &str, geo_json: &JsValue);
}

/// Makes a GeoJSON FeatureCollection available to map series under `name`.
pub fn register_map(name: &str, geo_json: &serde_json::Value) {
    let parsed = js_sys::JSON::parse(&geo_json.to_string()).unwrap_or(JsValue::NULL);
    register_map_with(name, &parsed);
}

// The whisker drawing function lives in JavaScript because ECharts calls it for every item;
// shipping it as a module file (not `eval`) keeps the page within a strict CSP.
#[wasm_bindgen(module = "/js/whiskers.js")]
extern "C" {
    #[wasm_bindgen(js_name = whiskerRenderer)]
    fn whisker_renderer() -> js_sys::Function;

    #[wasm_bindgen(js_name = verticalWhiskerRenderer)]
    fn vertical_whisker_renderer() -> js_sys::Function;
}

impl Instance {
    /// Creates an instance on `element`, drawn on a canvas.
    pub fn create(element: &web_sys::HtmlElement) -> Instance {
        let options = js_sys::Object::new();
        // Failure here would only mean a default renderer; the option object is ours.
        let _ = js_sys::Reflect::set(&options, &"renderer".into(), &"canvas".into());
        init_with(element, JsValue::NULL, &options)
    }

    /// Replaces the chart's option, attaching the functions JSON cannot carry.
    pub fn show(&self, option: &serde_json::Value) {
        self.set_option_with(&to_js_option(option), true);
    }
}

/// Converts an option to a plain JavaScript object (objects, not the `Map`s that
/// serde-wasm-bindgen makes of JSON maps, since ECharts reads objects) and attaches the
/// whisker `renderItem` functions to the series that need them.
fn to_js_option(option: &serde_json::Value) -> JsValue {
    let json = option.to_string();
    let option = js_sys::JSON::parse(&json).unwrap_or_else(|_| js_sys::Object::new().into());
    let series = js_sys::Reflect::get(&option, &"series".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(series) = series.dyn_ref::<js_sys::Array>() {
        for item in series.iter() {
            let id = js_sys::Reflect::get(&item, &"id".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let renderer = if id == WHISKER_SERIES_ID {
                Some(whisker_renderer())
            } else if id.starts_with(TREND_WHISKER_PREFIX) {
                Some(vertical_whisker_renderer())
            } else {
                None
            };
            if let Some(renderer) = renderer {
                let _ = js_sys::Reflect::set(&item, &"renderItem".into(), &renderer);
            }
        }
    }
    option
}
