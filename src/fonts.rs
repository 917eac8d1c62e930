//! The page's fonts, ready before Bengali text is drawn. Chromium keeps the fallback glyphs
//! (empty boxes on a device with no Bengali font) for words it shaped while a web font was
//! still loading, even after the font arrives; and a canvas never redraws. So a page in
//! Bengali waits for its Bengali font before it draws anything, for a few seconds at most.

use wasm_bindgen::JsCast;

/// The page's font stack, as `style/main.css` has it. Bengali is always Noto Sans Bengali:
/// the device's own copy where it has one (Android), the self-hosted one otherwise. Names
/// are in single quotes: a saved SVG writes the stack into a double-quoted `style`
/// attribute, where a double quote would end the attribute and break the file.
pub const FONT_STACK: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Bengali', sans-serif";

/// The longest a Bengali page waits for its font before drawing with what it has.
const FONT_WAIT_MS: i32 = 3000;

/// Waits until Bengali text can be drawn in the regular and bold weights, or
/// [`FONT_WAIT_MS`] have passed. Where the device has Noto Sans Bengali this downloads
/// nothing; where the download fails or is slow, text falls back and the page is drawn
/// anyway.
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
    let both = js_sys::Promise::all_settled(&loads);
    let waited = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, FONT_WAIT_MS);
        }
    });
    let first = js_sys::Array::of2(&both, &waited);
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::race(&first)).await;
}
