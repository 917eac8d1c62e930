//! Where the app is mounted: its own element, which takes over a built page once the app's
//! view is ready (`js/handover.js`).

use wasm_bindgen::prelude::*;

use crate::app::App;

#[wasm_bindgen(module = "/js/handover.js")]
extern "C" {
    /// The element to mount the app in, added to the page, watched until the app's view is
    /// ready to replace the built one.
    #[wasm_bindgen(js_name = appElement)]
    fn app_element() -> web_sys::HtmlElement;
}

/// Mounts the app in its element, for the rest of the page's life.
pub fn mount() {
    leptos::mount::mount_to(app_element(), App).forget();
}
