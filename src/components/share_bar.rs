//! What a person can do with a chart beyond looking at it: copy or share the link, embed the
//! chart in another site, save it as an image or its data as CSV, print it, or cite it.
//! Everything happens in the browser; nothing is sent anywhere.

use leptos::html::Dialog;
use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::bar_chart::{area_bar_option, bar_chart_height};
use outcomes_charts::export::{citation, comparison_csv, file_stem, framed_for_image};
use outcomes_core::model::IndicatorMeta;
use outcomes_i18n::tr;
use outcomes_state::{write_pinned, Lang, State, View};

use crate::components::chart_block::{level_name, source_line};
use crate::components::marked::Marked;
use crate::dataset_text::{always_english, english_if_kept};
use crate::download::{save_data_url, save_text};
use crate::echarts::{render_image, ImageFormat};
use crate::state::{page_folder, UrlState};
use outcomes_state::resolve::url_level;

/// The message an embedded chart sends its host page with its height, documented in the
/// README and read by `embed.js`.
pub const HEIGHT_MESSAGE: &str = "tht-outcomes-explorer:height";

/// Width of saved images, in CSS pixels (PNGs are saved at twice this for print).
const IMAGE_WIDTH: u32 = 1200;

/// The share, embed, download, print and cite controls for one chart.
#[component]
pub fn ShareBar(
    indicator: IndicatorMeta,
    view: Signal<AreaComparison>,
    headline: Signal<String>,
    subtitle: Signal<String>,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let status = RwSignal::new(Status::default());
    let dialog = NodeRef::<Dialog>::new();
    // The image adds the explorer's name after it.
    let source_line = source_line(&indicator, lang);
    // A page built on the host has no browser to ask; the app asks when it takes over.
    let can_share = !cfg!(feature = "ssr")
        && web_sys::window()
            .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
            .unwrap_or(false);

    let copy_link = move |_| {
        let link = view.with(|v| page_url(&pinned_view(&url.state(), v)));
        copy_text(link, status, tr!(lang, "share.link_copied"), lang);
    };
    let share = move |_| {
        if let Some(window) = web_sys::window() {
            let data = web_sys::ShareData::new();
            data.set_title(&headline.get_untracked());
            data.set_url(&view.with(|v| page_url(&pinned_view(&url.state(), v))));
            let _ = window.navigator().share_with_data(&data);
        }
    };
    let option_for_image = {
        let source_line = source_line.clone();
        move || {
            view.with_untracked(|v| {
                (
                    framed_for_image(
                        &area_bar_option(v, lang),
                        &headline.get_untracked(),
                        &subtitle.get_untracked(),
                        &source_line,
                        lang,
                    ),
                    bar_chart_height(v.rows.len()) + 200,
                    file_stem(v, &level_name(v.level, Lang::En)),
                )
            })
        }
    };
    let save_png = {
        let option_for_image = option_for_image.clone();
        move |_| {
            let (option, height, stem) = option_for_image();
            match render_image(&option, IMAGE_WIDTH, height, ImageFormat::Png, lang) {
                Some(data_url) if save_data_url(&format!("{stem}.png"), &data_url).is_ok() => {
                    status.set(Status::said(tr!(lang, "share.png_saved")))
                }
                _ => status.set(Status::said(tr!(lang, "share.image_failed"))),
            }
        }
    };
    let save_svg = move |_| {
        let (option, height, stem) = option_for_image();
        match render_image(&option, IMAGE_WIDTH, height, ImageFormat::Svg, lang) {
            Some(svg) if save_text(&format!("{stem}.svg"), "image/svg+xml", &svg).is_ok() => {
                status.set(Status::said(tr!(lang, "share.svg_saved")))
            }
            _ => status.set(Status::said(tr!(lang, "share.image_failed"))),
        }
    };
    let save_csv = {
        let indicator = indicator.clone();
        move |_| {
            let (text, stem) = view.with_untracked(|v| {
                (
                    comparison_csv(v, &indicator, lang),
                    file_stem(v, &level_name(v.level, Lang::En)),
                )
            });
            match save_text(&format!("{stem}.csv"), "text/csv;charset=utf-8", &text) {
                Ok(()) => status.set(Status::said(tr!(lang, "share.csv_saved"))),
                Err(_) => status.set(Status::said(tr!(lang, "share.file_failed"))),
            }
        }
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let cite = {
        let indicator = indicator.clone();
        move || {
            let link = view.with(|v| page_url(&pinned_view(&url.state(), v)));
            let text = view.with(|v| {
                citation(
                    v,
                    &indicator,
                    &level_name(v.level, lang),
                    &link,
                    &today(lang),
                    lang,
                )
            });
            // The names and the address stay English in every language.
            let english = always_english(lang);
            let source = &indicator.source;
            Marked::default()
                .english([
                    (
                        indicator.title.clone(),
                        english_if_kept("indicator", &indicator.id, "title"),
                    ),
                    (source.name.clone(), english),
                    (source.publisher.clone(), english),
                    (source.licence.clone(), english),
                    (link, english),
                ])
                .view(&text)
        }
    };
    let embed_code = {
        let id = indicator.id.clone();
        move || {
            let state = url.state();
            let pinned = view.with(|v| State {
                indicator: Some(id.clone()),
                sort: state.sort,
                lang: state.lang,
                embed: true,
                ..pinned_view(&State::default(), v)
            });
            let height = view.with(|v| bar_chart_height(v.rows.len()) + 260);
            embed_snippet(&pinned, &headline.get(), height)
        }
    };
    let open_embed = move |_| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let close_embed = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    let copy_embed = {
        let embed_code = embed_code.clone();
        move |_| copy_text(embed_code(), status, tr!(lang, "share.embed_copied"), lang)
    };

    view! {
        <div class="share-bar needs-script" data-testid="share-bar">
            <ul class="actions">
                <li><button type="button" class="action" on:click=copy_link data-testid="copy-link">{tr!(lang, "share.copy_link")}</button></li>
                {can_share.then(|| view! { <li><button type="button" class="action" on:click=share>{tr!(lang, "share.share")}</button></li> })}
                <li><button type="button" class="action" on:click=open_embed data-testid="embed-open">{tr!(lang, "share.embed")}</button></li>
                <li><button type="button" class="action" on:click=save_png data-testid="save-png">{tr!(lang, "share.save_png")}</button></li>
                <li><button type="button" class="action" on:click=save_svg data-testid="save-svg">{tr!(lang, "share.save_svg")}</button></li>
                <li><button type="button" class="action" on:click=save_csv data-testid="save-csv">{tr!(lang, "share.save_csv")}</button></li>
                <li><button type="button" class="action" on:click=print data-testid="print">{tr!(lang, "share.print")}</button></li>
            </ul>
            <p class="status" role="status" data-testid="share-status">
                {move || {
                    let Status { message, code } = status.get();
                    view! {
                        {message}
                        {code.map(|code| view! { " " <code>{code}</code> })}
                    }
                }}
            </p>
            <details class="cite">
                <summary>{tr!(lang, "share.cite")}</summary>
                // Only the app knows the address it is read at and the day it is cited on.
                <p data-testid="citation">{move || (!cfg!(feature = "ssr")).then(cite.clone())}</p>
            </details>
            <dialog node_ref=dialog class="dialog" aria-labelledby="embed-title" data-testid="embed-dialog">
                <h2 id="embed-title">{tr!(lang, "share.embed")}</h2>
                <p>{tr!(lang, "share.embed_help")}</p>
                <label for="embed-code">{tr!(lang, "share.embed_code")}</label>
                <textarea id="embed-code" readonly rows="6" data-testid="embed-code" prop:value=embed_code></textarea>
                <div class="dialog-actions">
                    <button type="button" class="button" on:click=copy_embed>{tr!(lang, "share.copy_code")}</button>
                    <button type="button" class="button secondary" on:click=close_embed data-testid="embed-close">{tr!(lang, "share.close")}</button>
                </div>
            </dialog>
        </div>
    }
}

/// What the share bar last did, in words, and any text the browser would not copy, shown
/// as code for the person to copy themselves.
#[derive(Clone, Debug, Default, PartialEq)]
struct Status {
    message: String,
    code: Option<String>,
}

impl Status {
    fn said(message: String) -> Status {
        Status {
            message,
            code: None,
        }
    }
}

/// The same view, outside embed mode: what a shared link or citation should open.
/// The link to exactly the figures `view` shows, as a citation names them: `state` with the
/// indicator, level and period written in, so a link in a paper still shows these figures
/// after the next release has made another period the latest. Never the embed.
pub fn pinned_view(state: &State, view: &AreaComparison) -> State {
    State {
        view: View::Indicator,
        indicator: Some(view.indicator.clone()),
        level: url_level(view.level),
        period: (!view.period.is_empty()).then(|| view.period.clone()),
        embed: false,
        ..state.clone()
    }
}

/// The absolute URL of the site's folder, which every link's query and file follow.
fn site_url() -> String {
    // A page built on the host does not know where it will be served: its links stay
    // relative until the app takes it over.
    if cfg!(feature = "ssr") {
        return page_folder();
    }
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", page_folder())
}

/// The absolute URL of `state`'s view with its query string (a query names its view, so it
/// shows the same view from any page of the site).
pub fn page_url(state: &State) -> String {
    format!("{}{}", site_url(), outcomes_state::write(state))
}

/// The iframe and resize script for a host page. Every setting is pinned in the URL.
fn embed_snippet(pinned: &State, title: &str, height: u32) -> String {
    let site = site_url();
    let src = format!("{site}{}", write_pinned(pinned));
    let title = title
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    format!(
        "<iframe src=\"{}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" style=\"border:0;max-width:100%\"></iframe>\n<script src=\"{site}embed.js\" async></script>",
        src.replace('&', "&amp;")
    )
}

/// Copies `text` and says whether it worked: `done` when it did, the text itself to copy by
/// hand when the browser would not.
fn copy_text(text: String, status: RwSignal<Status>, done: String, lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => status.set(Status::said(done)),
            Err(_) => status.set(Status {
                message: tr!(lang, "share.copy_failed"),
                code: Some(text),
            }),
        }
    });
}

/// Today's date as people write it in `lang`: "23 November 2026", "২৩ নভেম্বর ২০২৬".
pub fn today(lang: Lang) -> String {
    let now = js_sys::Date::new_0();
    outcomes_i18n::date(
        lang,
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}
