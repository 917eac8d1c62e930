//! An I statement as a heading, in quotation marks, its text marked English where it has no
//! translation: the overview, the index of indicators and the locality profile all head
//! their groups with it.

use leptos::prelude::*;

use crate::dataset_text::english_if_kept;

/// The statement `text` with id `id`, as an `h3`.
#[component]
pub fn StatementHeading(id: String, text: String) -> impl IntoView {
    view! {
        <h3>
            "“"
            <span lang=english_if_kept("statement", &id, "text")>{text}</span>
            "”"
        </h3>
    }
}
