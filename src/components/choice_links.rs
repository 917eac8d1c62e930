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
    /// A long list (dozens of indicators) starts folded under the current choice, so on a
    /// phone the chart is not pushed screens down; `<details>` opens it by keyboard too.
    #[prop(optional)]
    folded: bool,
) -> impl IntoView {
    let name = label.clone();
    let lang = crate::state::UrlState::get().lang();
    let current = choices.iter().find(|c| c.current).cloned();
    let count = outcomes_i18n::digits(lang, &choices.len().to_string());
    let list = view! {
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
    };
    if !folded {
        return view! {
            <nav class="choices" aria-label=name data-testid=testid>
                <span class="choices-label" aria-hidden="true">{label}</span>
                {list}
            </nav>
        }
        .into_any();
    }
    view! {
        <nav class="choices folded" aria-label=name data-testid=testid>
            <span class="choices-label" aria-hidden="true">{label}</span>
            {current.map(|c| view! { <p class="choices-current" lang=c.lang>{c.text}</p> })}
            <details>
                <summary>{outcomes_i18n::tr!(lang, "choices.change", count = count)}</summary>
                {list}
            </details>
        </nav>
    }
    .into_any()
}
