//! The few ECharts calls the app needs, bound to the global `echarts` that the bundled
//! `echarts.js` defines. charming's own renderer has no `dispose`, so chart components use
//! these bindings to own their instance's whole life.

use outcomes_charts::bar_chart::WHISKER_SERIES_ID;
use outcomes_charts::trend::{PERIOD_AXIS_ID, TREND_WHISKER_PREFIX};
use outcomes_i18n::tr;
use outcomes_state::Lang;
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

    #[wasm_bindgen(method, js_name = dispatchAction)]
    fn dispatch_action(this: &Instance, action: &JsValue);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &Instance);

    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url(this: &Instance, options: &JsValue) -> String;

    /// Exists only on an instance created with the SVG renderer.
    #[wasm_bindgen(method, catch, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &Instance) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = echarts, js_name = registerMap)]
    fn register_map_with(name: &str, geo_json: &JsValue);
}

/// Makes a GeoJSON FeatureCollection available to map series under `name`.
pub fn register_map(name: &str, geo_json: &serde_json::Value) {
    let parsed = js_sys::JSON::parse(&geo_json.to_string()).unwrap_or(JsValue::NULL);
    register_map_with(name, &parsed);
}

// Functions ECharts calls (whisker drawing, value formatting) live in JavaScript; shipping
// them as a module file (not `eval`) keeps the page within a strict CSP.
#[wasm_bindgen(module = "/js/chart-functions.js")]
extern "C" {
    #[wasm_bindgen(js_name = oneDecimal)]
    fn one_decimal(bengali: bool, no_value: &str) -> js_sys::Function;

    #[wasm_bindgen(js_name = bengaliAxisLabel)]
    fn bengali_axis_label(pattern: &JsValue) -> js_sys::Function;

    #[wasm_bindgen(js_name = whiskerRenderer)]
    fn whisker_renderer() -> js_sys::Function;

    #[wasm_bindgen(js_name = verticalWhiskerRenderer)]
    fn vertical_whisker_renderer() -> js_sys::Function;
}

/// Makes sure the ECharts library has run, and, for a page in Bengali, that the Bengali font
/// has arrived: a canvas draws with whatever font is ready, and never redraws when a better
/// one comes. The built site leaves ECharts out of the page (the overview draws no chart) and
/// `index.html`'s loader defines `thtLoadECharts()` to fetch it with its integrity; in
/// development (`trunk serve`) the page loads it directly.
pub async fn load_library(lang: Lang) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    if lang == Lang::Bn {
        crate::fonts::bengali_ready().await;
    }
    if js_sys::Reflect::has(&window, &"echarts".into()).unwrap_or(false) {
        return Ok(());
    }
    let loader = js_sys::Reflect::get(&window, &"thtLoadECharts".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| tr!(lang, "chart.library_missing"))?;
    let promise = loader
        .call0(&window)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| tr!(lang, "chart.library_not_started"))?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| tr!(lang, "load_error.chart_library"))
}

/// The formats a chart can be saved in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// A PNG at twice the drawn size, for print.
    Png,
    Svg,
}

/// Draws `option` once, off screen, at `width` × `height` CSS pixels and returns the image: a
/// `data:` URL for PNG, SVG text for SVG. The instance is disposed before returning.
pub fn render_image(
    option: &serde_json::Value,
    width: u32,
    height: u32,
    format: ImageFormat,
    lang: Lang,
) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let holder: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    // In the page but out of sight, so ECharts can measure text.
    let style = holder.style();
    let _ = style.set_property("position", "fixed");
    let _ = style.set_property("left", "-10000px");
    let _ = style.set_property("top", "0");
    let _ = style.set_property("width", &format!("{width}px"));
    let _ = style.set_property("height", &format!("{height}px"));
    document.body()?.append_child(&holder).ok()?;
    let options = js_sys::Object::new();
    let renderer = match format {
        ImageFormat::Png => "canvas",
        ImageFormat::Svg => "svg",
    };
    let _ = js_sys::Reflect::set(&options, &"renderer".into(), &renderer.into());
    let instance = init_with(&holder, JsValue::NULL, &options);
    instance.set_option_with(&to_js_option(option, lang), true);
    let image = match format {
        ImageFormat::Png => {
            let settings = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&settings, &"type".into(), &"png".into());
            let _ = js_sys::Reflect::set(&settings, &"pixelRatio".into(), &2.into());
            let _ = js_sys::Reflect::set(&settings, &"backgroundColor".into(), &"#ffffff".into());
            Some(instance.get_data_url(&settings))
        }
        ImageFormat::Svg => instance.render_to_svg_string().ok(),
    };
    instance.dispose();
    holder.remove();
    image
}

impl Instance {
    /// Creates an instance on `element`, drawn on a canvas.
    pub fn create(element: &web_sys::HtmlElement) -> Instance {
        let options = js_sys::Object::new();
        // Failure here would only mean a default renderer; the option object is ours.
        let _ = js_sys::Reflect::set(&options, &"renderer".into(), &"canvas".into());
        init_with(element, JsValue::NULL, &options)
    }

    /// Hides the chart's tooltip, for Escape.
    pub fn hide_tooltip(&self) {
        let action = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&action, &"type".into(), &"hideTip".into());
        self.dispatch_action(&action);
    }

    /// Replaces the chart's option, attaching the functions JSON cannot carry.
    pub fn show(&self, option: &serde_json::Value, lang: Lang) {
        self.set_option_with(&to_js_option(option, lang), true);
    }
}

/// Converts an option to a plain JavaScript object (objects, not the `Map`s that
/// serde-wasm-bindgen makes of JSON maps, since ECharts reads objects) and attaches what JSON
/// cannot carry: the whisker `renderItem` functions, the tooltip's value formatter, and in
/// Bengali the axis label formatters that write Bengali digits.
fn to_js_option(option: &serde_json::Value, lang: Lang) -> JsValue {
    let json = option.to_string();
    let option = js_sys::JSON::parse(&json).unwrap_or_else(|_| js_sys::Object::new().into());
    let text_style = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &text_style,
        &"fontFamily".into(),
        &crate::fonts::FONT_STACK.into(),
    );
    let _ = js_sys::Reflect::set(&option, &"textStyle".into(), &text_style);
    // Text drawn as a graphic (the saved image's title and source lines) does not take the
    // global text style.
    let graphic = js_sys::Reflect::get(&option, &"graphic".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(elements) = graphic.dyn_ref::<js_sys::Array>() {
        for element in elements.iter() {
            if let Ok(style) = js_sys::Reflect::get(&element, &"style".into()) {
                if style.is_object() {
                    let _ = js_sys::Reflect::set(
                        &style,
                        &"fontFamily".into(),
                        &crate::fonts::FONT_STACK.into(),
                    );
                }
            }
        }
    }
    let bengali = lang == Lang::Bn;
    // Tooltips show values as the rest of the page does, to one decimal place.
    if let Ok(tooltip) = js_sys::Reflect::get(&option, &"tooltip".into()) {
        if tooltip.is_object() {
            let formatter = one_decimal(bengali, &tr!(lang, "chart.no_value"));
            let _ = js_sys::Reflect::set(&tooltip, &"valueFormatter".into(), &formatter);
        }
    }
    if bengali {
        for axis in ["xAxis", "yAxis"] {
            let axes = js_sys::Reflect::get(&option, &axis.into()).unwrap_or(JsValue::UNDEFINED);
            let axes = match axes.dyn_ref::<js_sys::Array>() {
                Some(list) => list.iter().collect::<Vec<_>>(),
                None if axes.is_object() => vec![axes],
                None => Vec::new(),
            };
            // Values and periods take the page's digits; area names keep theirs
            // ("Network 1 PCN").
            for axis in axes.iter().filter(|axis| is_value_or_period_axis(axis)) {
                bengali_digits_on_axis(axis);
            }
        }
    }
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

/// True for a value axis (numbers) and for the trend chart's axis of periods.
fn is_value_or_period_axis(axis: &JsValue) -> bool {
    let field = |name: &str| {
        js_sys::Reflect::get(axis, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    field("type").as_deref() == Some("value") || field("id").as_deref() == Some(PERIOD_AXIS_ID)
}

/// Makes `axis` write its labels in Bengali digits, keeping any `{value}` pattern it had.
fn bengali_digits_on_axis(axis: &JsValue) {
    let label = match js_sys::Reflect::get(axis, &"axisLabel".into()) {
        Ok(label) if label.is_object() => label,
        _ => {
            let label: JsValue = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(axis, &"axisLabel".into(), &label);
            label
        }
    };
    let pattern = js_sys::Reflect::get(&label, &"formatter".into())
        .ok()
        .filter(JsValue::is_string)
        .unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(&label, &"formatter".into(), &bengali_axis_label(&pattern));
}
