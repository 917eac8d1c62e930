//! Sentences worded in the page's language with elements inside them: links, values tests
//! find, and names marked as English.

use leptos::prelude::*;

use crate::dataset_text::english_if_kept;

/// A translated sentence with elements inside it (a link, a name marked as English, a value
/// tests find): the text of `template`, from `tr!` without values, with each `%{name}` in it
/// replaced by its view. Each language keeps its own word order, and nothing is joined in
/// English order. A placeholder with no view given is left out.
pub fn sentence_with(template: &str, mut parts: Vec<(&str, AnyView)>) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("%{") {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 2..start + length];
        if start > 0 {
            out.push(rest[..start].to_string().into_any());
        }
        if let Some(i) = parts.iter().position(|(n, _)| *n == name) {
            out.push(parts.remove(i).1);
        }
        rest = &rest[start + length + 1..];
    }
    if !rest.is_empty() {
        out.push(rest.to_string().into_any());
    }
    out
}

/// Indicator titles separated by semicolons, each marked as English where it has no
/// translation.
pub fn indicator_titles(titles: Vec<(String, String)>) -> AnyView {
    titles
        .into_iter()
        .enumerate()
        .map(|(i, (id, title))| {
            view! {
                {(i > 0).then_some("; ")}
                <span lang=english_if_kept("indicator", &id, "title")>{title}</span>
            }
        })
        .collect_view()
        .into_any()
}
