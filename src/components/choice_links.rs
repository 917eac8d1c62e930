//! A row of mutually exclusive choices made as links, like tabs, with the current one marked
//! for assistive technology (`aria-current`) and visibly (not by colour alone).

use leptos::prelude::*;

/// One choice: its text, where it leads, and whether it is the current one.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub text: String,
    pub href: String,
    pub current: bool,
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
    /// The `lang` of each choice's text, in the order of `choices`, where it is not the
    /// page's language: a dataset name shown in English on a Bengali page gets `Some("en")`
    /// (see `crate::dataset_text::english_if_kept`). Choices past its end have none.
    #[prop(optional)]
    langs: Vec<Option<&'static str>>,
) -> impl IntoView {
    let name = label.clone();
    view! {
        <nav class="choices" aria-label=name data-testid=testid>
            <span class="choices-label" aria-hidden="true">{label}</span>
            <ul>
                {choices
                    .into_iter()
                    .enumerate()
                    .map(|(i, choice)| {
                        let lang = langs.get(i).copied().flatten();
                        view! {
                            <li>
                                <a
                                    href=choice.href
                                    lang=lang
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
