//! The few ECharts calls the app needs, bound to the global `echarts` that the bundled
//! `echarts.js` defines. charming's own renderer has no `dispose`, so chart components use
//! these bindings to own their instance's whole life.

use outcomes_charts::choropleth::map_name;
use outcomes_core::model::BoundaryFile;
use outcomes_i18n::tr;
use outcomes_state::Lang;
use wasm_bindgen::prelude::*;

use crate::data::{load_boundaries, LoadError};

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

    /// Calls `handler` with the event's parameters on each `event` (`click`).
    #[wasm_bindgen(method)]
    fn on(this: &Instance, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(js_namespace = echarts, js_name = registerMap)]
    fn register_map_with(name: &str, geo_json: &JsValue);
}

/// Makes a GeoJSON FeatureCollection available to map series under `name`.
pub fn register_map(name: &str, geo_json: &serde_json::Value) {
    let parsed = js_sys::JSON::parse(&geo_json.to_string()).unwrap_or(JsValue::NULL);
    register_map_with(name, &parsed);
}

/// Fetches a level's boundaries, loads ECharts and registers them under the level's map
/// name, so a map series of that level can be drawn.
pub async fn prepare_map(file: &BoundaryFile, lang: Lang) -> Result<(), LoadError> {
    let geo_json = load_boundaries(&file.path).await?;
    load_library(lang)
        .await
        .map_err(|_| LoadError::ChartLibrary)?;
    register_map(map_name(file.level), &geo_json);
    Ok(())
}

// Functions ECharts calls (whisker drawing, value formatting) live in JavaScript; shipping
// them as a module file (not `eval`) keeps the page within a strict CSP.
#[wasm_bindgen(module = "/js/chart-functions.js")]
extern "C" {
    #[wasm_bindgen(js_name = prepareOption)]
    fn prepare_option(json: &str, bengali: bool, no_value: &str, font_family: &str) -> JsValue;
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

    /// Calls `chosen` with the `code` of the data item a person clicks or taps (an area of a
    /// map). The returned closure must live as long as the instance.
    pub fn on_choose(&self, chosen: impl Fn(String) + 'static) -> Closure<dyn FnMut(JsValue)> {
        let handler = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
            let code = js_sys::Reflect::get(&params, &"data".into())
                .and_then(|data| js_sys::Reflect::get(&data, &"code".into()))
                .ok()
                .and_then(|code| code.as_string());
            if let Some(code) = code {
                chosen(code);
            }
        });
        self.on("click", handler.as_ref().unchecked_ref());
        handler
    }

    /// Replaces the chart's option, attaching the functions JSON cannot carry.
    pub fn show(&self, option: &serde_json::Value, lang: Lang) {
        self.set_option_with(&to_js_option(option, lang), true);
    }
}

/// The option as ECharts takes it: a plain JavaScript object (not the `Map`s that
/// serde-wasm-bindgen makes of JSON maps), with what JSON cannot carry attached by
/// `prepareOption` in `js/chart-functions.js` (which does the same for the first view's chart).
fn to_js_option(option: &serde_json::Value, lang: Lang) -> JsValue {
    prepare_option(
        &option.to_string(),
        lang == Lang::Bn,
        &tr!(lang, "chart.no_value"),
        crate::fonts::FONT_STACK,
    )
}
