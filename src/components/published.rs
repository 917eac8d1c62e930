//! A view of one published file: shown at once where the page has the file in hand (a page
//! built on the host), otherwise fetched by the app, with a loading line meanwhile and, if it
//! fails, the reason and a way to try again.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::components::load_error::LoadErrorMessage;
use crate::data::{in_hand, load_published, LoadError};

/// `shown(data)` for the file at `path` (as the manifest names it), with `loading` said while
/// the app fetches it.
pub fn published_view<T>(
    path: String,
    loading: String,
    shown: impl Fn(T) -> AnyView + Clone + Send + Sync + 'static,
) -> AnyView
where
    T: DeserializeOwned + Clone + 'static,
{
    if let Some(Ok(data)) = in_hand::<T>(&path) {
        return shown(data);
    }
    let file = LocalResource::new(move || {
        let path = path.clone();
        async move { load_published::<T>(&path).await }
    });
    view! {
        <Transition fallback=move || view! { <p class="loading">{loading.clone()}</p> }>
            {move || {
                let shown = shown.clone();
                Suspend::new(async move {
                    match file.await {
                        Err(error) => failed(error, file),
                        Ok(data) => shown(data),
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}

/// The load error, with a retry that fetches the file again.
fn failed<T: 'static>(error: LoadError, file: LocalResource<Result<T, LoadError>>) -> AnyView {
    view! { <LoadErrorMessage error retry=Callback::new(move |_| file.refetch()) /> }.into_any()
}
