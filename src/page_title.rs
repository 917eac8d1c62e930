//! A page's title: the heading of its view, then the site's name. A built page's title is
//! written from its rendered heading (`built_document`); in the app the title follows the
//! heading of the view shown, so the tab, the history and a screen reader name every view as
//! its built page does, however the person reached it.

/// The title of a page whose view is headed `heading`.
pub fn page_title(heading: &str, site_name: &str) -> String {
    format!("{heading} – {site_name}")
}

/// A heading's text as a title reads it: its words, one space apart.
pub fn heading_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keeps `document.title` to the heading of the view in `app` (its main content's `h1`) for
/// the rest of the page's life: a view's heading can arrive after its data, so the title is
/// set whenever the app's content changes, not once per navigation.
pub fn follow_heading(app: &web_sys::Element, site_name: String) {
    use wasm_bindgen::prelude::*;

    let watched = app.clone();
    let retitle = Closure::<dyn FnMut()>::new(move || {
        let Ok(Some(heading)) = watched.query_selector("main h1") else {
            return;
        };
        let text = heading_text(&heading.text_content().unwrap_or_default());
        if text.is_empty() {
            return;
        }
        let title = page_title(&text, &site_name);
        let document = leptos::prelude::document();
        if document.title() != title {
            document.set_title(&title);
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(retitle.as_ref().unchecked_ref()) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_character_data(true);
    let _ = observer.observe_with_options(app, &options);
    // Both live as long as the page.
    retitle.forget();
    std::mem::forget(observer);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_the_heading_in_words_then_the_site() {
        let heading = heading_text("\n  Smoking   prevalence\n by locality ");
        assert_eq!(
            page_title(&heading, "Outcomes explorer"),
            "Smoking prevalence by locality – Outcomes explorer"
        );
    }
}
