//! A data failure explained in plain words, with a way to try again.

use leptos::prelude::*;
use outcomes_i18n::tr;
use outcomes_state::Lang;

use crate::data::LoadError;
use crate::dataset_text::always_english;
use crate::state::UrlState;

/// Stand-ins for the file's name and the reader's explanation while the message is worded,
/// so each can be set apart in the page wherever the language puts it.
const FILE_MARK: &str = "\u{E000}";
const DETAIL_MARK: &str = "\u{E001}";

/// Shows `error` as an alert. `retry` runs when the person asks to try again.
#[component]
pub fn LoadErrorMessage(error: LoadError, retry: Callback<()>) -> impl IntoView {
    let lang = UrlState::get().lang();
    view! {
        <div class="alert" role="alert" data-testid="load-error">
            <h2>{tr!(lang, "load_error.heading")}</h2>
            <p>{message(&error, lang)}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {tr!(lang, "load_error.try_again")}
            </button>
        </div>
    }
}

/// The message in `lang`, with the file's name as code and the reader's explanation (always
/// English) marked as English, so neither is read as the page's language.
fn message(error: &LoadError, lang: Lang) -> impl IntoView {
    let file = error.file().unwrap_or_default().to_string();
    let detail = error.detail().unwrap_or_default().to_string();
    let worded = error.message_with(lang, FILE_MARK, DETAIL_MARK);
    let mut parts = Vec::new();
    for (i, around_file) in worded.split(FILE_MARK).enumerate() {
        if i > 0 {
            parts.push(view! { <code>{file.clone()}</code> }.into_any());
        }
        for (j, text) in around_file.split(DETAIL_MARK).enumerate() {
            if j > 0 {
                parts.push(
                    view! { <span lang=always_english(lang)>{detail.clone()}</span> }.into_any(),
                );
            }
            parts.push(text.to_string().into_any());
        }
    }
    parts
}
