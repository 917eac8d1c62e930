//! The page's fonts, ready before Bengali text is drawn. Chromium keeps the fallback glyphs
//! (empty boxes on a device with no Bengali font) for words it shaped while a web font was
//! still loading, even after the font arrives; and a canvas never redraws. So a page in
//! Bengali waits for its Bengali font before it draws anything.

use wasm_bindgen::JsCast;

/// The page's font stack, as `style/main.css` has it: the device's own Bengali font where it
/// has one, the self-hosted Noto Sans Bengali otherwise.
pub const FONT_STACK: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \
     \"Kohinoor Bangla\", \"Bangla Sangam MN\", \"Nirmala UI\", \"Vrinda\", \"Noto Sans Bengali\", \
     sans-serif";

/// Waits until Bengali text can be drawn in the regular and bold weights. Where the device
/// has a Bengali font this downloads nothing; where the download fails, text falls back and
/// the page is drawn anyway.
pub async fn bengali_ready() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(fonts) = js_sys::Reflect::get(&document, &"fonts".into()) else {
        return;
    };
    let Ok(load) =
        js_sys::Reflect::get(&fonts, &"load".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    let loads = js_sys::Array::new();
    for weight in ["400", "700"] {
        let font = format!("{weight} 16px {FONT_STACK}");
        if let Ok(promise) = load.call2(&fonts, &font.into(), &"অ১".into()) {
            loads.push(&promise);
        }
    }
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&loads)).await;
}
