//! A data failure explained in plain words, with a way to try again.

use leptos::prelude::*;
use outcomes_i18n::tr;
use outcomes_state::Lang;

use crate::components::sentence::sentence_with;
use crate::data::LoadError;
use crate::dataset_text::always_english;
use crate::state::UrlState;

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
    sentence_with(
        &error.message_with(lang, "%{file}", "%{detail}"),
        vec![
            ("file", view! { <code>{file}</code> }.into_any()),
            (
                "detail",
                view! { <span lang=always_english(lang)>{detail}</span> }.into_any(),
            ),
        ],
    )
}
