//! A row of mutually exclusive choices made as links, like tabs, with the current one marked
//! for assistive technology (`aria-current`) and visibly (not by colour alone).

use leptos::prelude::*;

/// One choice: its text, where it leads, and whether it is the current one.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Choice {
    pub text: String,
    pub href: String,
    pub current: bool,
    /// The text's `lang` where it is not the page's language: a dataset name shown in English
    /// on a Bengali page has `Some("en")` (see `crate::dataset_text::english_if_kept`).
    pub lang: Option<&'static str>,
}

/// The choices under a visible label.
#[component]
pub fn ChoiceLinks(
    /// Says what is being chosen, e.g. "Compare areas by".
    label: String,
    choices: Vec<Choice>,
    /// For tests to find this group.
    #[prop(into)]
    testid: String,
) -> impl IntoView {
    let name = label.clone();
    view! {
        <nav class="choices" aria-label=name data-testid=testid>
            <span class="choices-label" aria-hidden="true">{label}</span>
            <ul>
                {choices
                    .into_iter()
                    .map(|choice| {
                        view! {
                            <li>
                                <a
                                    href=choice.href
                                    lang=choice.lang
                                    aria-current=choice.current.then_some("true")
                                    class:current=choice.current
                                >
                                    {choice.text}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
