//! Saving files from the page without a server: the bytes are made in the browser and handed
//! to a temporary link with a `download` name.

use wasm_bindgen::prelude::*;

/// Offers `text` as a file called `name` of type `mime`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let result = click_link(name, &url);
    web_sys::Url::revoke_object_url(&url)?;
    result
}

/// Offers a `data:` URL (as ECharts gives PNGs) as a file called `name`.
pub fn save_data_url(name: &str, data_url: &str) -> Result<(), JsValue> {
    click_link(name, data_url)
}

fn click_link(name: &str, href: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(href);
    link.set_download(name);
    link.click();
    Ok(())
}
