//! A data failure explained in plain words, with a way to try again.

use leptos::prelude::*;

use crate::data::LoadError;

/// Shows `error` as an alert. `retry` runs when the person asks to try again.
#[component]
pub fn LoadErrorMessage(error: LoadError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="alert" role="alert" data-testid="load-error">
            <h2>"Some data could not be loaded"</h2>
            <p>{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                "Try again"
            </button>
        </div>
    }
}
