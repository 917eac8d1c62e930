//! Where the app is mounted: its own element, which takes over a built page once the app's
//! view is ready (`js/handover.js`).

use wasm_bindgen::prelude::*;

use outcomes_i18n::tr;

use crate::app::App;
use crate::page_title::follow_heading;
use crate::state::address_lang;

#[wasm_bindgen(module = "/js/handover.js")]
extern "C" {
    /// The element to mount the app in, added to the page, watched until the app's view is
    /// ready to replace the built one.
    #[wasm_bindgen(js_name = appElement)]
    fn app_element() -> web_sys::HtmlElement;
}

/// Mounts the app in its element, for the rest of the page's life, with the page's title
/// following the heading of the view shown.
pub fn mount() {
    let app = app_element();
    follow_heading(&app, tr!(address_lang(), "shell.document_title"));
    leptos::mount::mount_to(app, App).forget();
}
