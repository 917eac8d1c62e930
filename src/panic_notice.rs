//! A panic (a fault in the app itself, never expected) is explained in the page, with a way
//! to reload, so nobody is left looking at a page that silently stopped working. It is worded
//! in the language the page's link asks for, read straight from the address: the app's own
//! state may be what failed.

use crate::state::address_lang;
use outcomes_i18n::tr;

/// The id of the notice a panic puts in the page, so a second panic adds no second notice.
const PANIC_NOTICE_ID: &str = "panic-notice";

/// Puts a plain `role="alert"` notice after the page header (or first in the body, if the
/// header is not there yet), built with DOM calls only: the panic message goes in as text,
/// never as markup. The reload link is a plain link to the page's own address, so it works
/// without any more of the app's code running. Does nothing if the page is not there at all;
/// it must never panic itself.
pub fn show_panic_notice(detail: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if document.get_element_by_id(PANIC_NOTICE_ID).is_some() {
        return Some(());
    }
    let body = document.body()?;
    let element = |tag: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let node = document.create_element(tag).ok()?;
        node.set_text_content(text);
        Some(node)
    };
    let append = |parent: &web_sys::Element, child: &web_sys::Element| -> Option<()> {
        parent.append_child(child).ok().map(drop)
    };

    let lang = address_lang();

    let notice = element("div", None)?;
    notice.set_id(PANIC_NOTICE_ID);
    notice.set_attribute("lang", lang.as_str()).ok()?;
    notice.set_class_name("alert");
    notice.set_attribute("role", "alert").ok()?;
    notice.set_attribute("data-testid", "panic-notice").ok()?;
    append(&notice, &element("h2", Some(&tr!(lang, "panic.heading")))?)?;
    append(&notice, &element("p", Some(&tr!(lang, "panic.sorry")))?)?;
    let reload = element("a", Some(&tr!(lang, "panic.reload")))?;
    reload.set_class_name("button");
    let here = window.location().href().ok()?;
    let here = here.split('#').next().unwrap_or_default();
    reload.set_attribute("href", here).ok()?;
    let paragraph = element("p", None)?;
    append(&paragraph, &reload)?;
    append(&notice, &paragraph)?;
    let details = element("details", None)?;
    append(
        &details,
        &element("summary", Some(&tr!(lang, "panic.details")))?,
    )?;
    // The panic message is the program's own, in English.
    let message = element("pre", Some(detail))?;
    message.set_attribute("lang", "en").ok()?;
    append(&details, &message)?;
    append(&notice, &details)?;

    match document.query_selector("body > header").ok().flatten() {
        Some(header) => body
            .insert_before(&notice, header.next_sibling().as_ref())
            .ok()?,
        None => body
            .insert_before(&notice, body.first_child().as_ref())
            .ok()?,
    };
    Some(())
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::data::{parse_published, LoadError};
    use outcomes_core::model::Shard;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn notices() -> Vec<web_sys::Element> {
        let list = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .query_selector_all("[data-testid=panic-notice]")
            .unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .collect()
    }

    #[wasm_bindgen_test]
    fn a_panic_is_explained_in_the_page_as_text_with_a_reload_link() {
        let hostile = "index out of bounds <img src=x onerror=alert(1)>";
        show_panic_notice(hostile).expect("notice shown");
        show_panic_notice("a second panic").expect("still fine");

        let found = notices();
        assert_eq!(found.len(), 1, "one notice however many panics");
        let notice = &found[0];
        assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
        let text = notice.text_content().unwrap_or_default();
        assert!(text.contains("Something went wrong"), "{text}");
        assert!(text.contains("Reloading the page"), "{text}");
        // The panic message is there as text, not as markup.
        assert!(text.contains(hostile), "{text}");
        assert!(notice.query_selector("img").unwrap().is_none());
        let link = notice.query_selector("a").unwrap().expect("reload link");
        assert_eq!(link.text_content().as_deref(), Some("Reload the page"));
        let href = link.get_attribute("href").unwrap_or_default();
        let page = web_sys::window().unwrap().location().href().unwrap();
        assert!(
            page.starts_with(&href) && !href.contains('#'),
            "{href} vs {page}"
        );
        notice.remove();
    }

    const FILE: &str = "data/indicators/1.json";

    #[wasm_bindgen_test]
    fn a_published_file_of_this_version_is_read() {
        let text = r#"{"schema_version":1,"indicator":"1","periods":["2023/24"],"values":[]}"#;
        let shard: Shard = parse_published(FILE, text).expect("reads");
        assert_eq!(shard.indicator, "1");
    }

    #[wasm_bindgen_test]
    fn a_newer_file_is_reported_as_newer_even_when_its_shape_changed() {
        let text = r#"{"schema_version":7,"series":{"renamed":true}}"#;
        let error = parse_published::<Shard>(FILE, text).unwrap_err();
        assert_eq!(
            error,
            LoadError::TooNew {
                file: FILE.into(),
                found: 7
            }
        );
        assert!(error.to_string().contains("newer format (version 7)"));
    }

    #[wasm_bindgen_test]
    fn truncated_and_hostile_text_is_reported_as_damaged() {
        for text in [
            r#"{"schema_version":1,"indicator":"1","peri"#,
            "",
            "<!DOCTYPE html><html><script>alert(1)</script>",
            r#"{"schema_version":-1}"#,
            r#"{"schema_version":99999999999999999999}"#,
        ] {
            match parse_published::<Shard>(FILE, text) {
                Err(LoadError::Invalid { file, detail }) => {
                    assert_eq!(file, FILE);
                    assert!(!detail.is_empty());
                }
                other => panic!("{text:?} gave {other:?}"),
            }
        }
    }
}
