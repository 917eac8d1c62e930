//! Tells the person which parts of their link could not be used, and that a working view is
//! shown instead. Text only: nothing from the URL is ever inserted as markup.

use leptos::prelude::*;

/// One notice per problem, or nothing when the link was fine.
#[component]
pub fn UrlNotice(problems: Signal<Vec<String>>) -> impl IntoView {
    move || {
        let problems = problems.get();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="url-notice">
                    <p>
                        <strong>"Part of this link could not be used, "</strong>
                        "so the nearest working view is shown:"
                    </p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
