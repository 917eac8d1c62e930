//! One ECharts chart: created once after mount, updated in place when its option changes,
//! resized with its container and disposed when it leaves the page. Every chart in the app
//! is one of these, given an option built by a pure function in `outcomes-charts`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::ResizeObserver;

use outcomes_charts::choropleth::map_name;
use outcomes_core::model::BoundaryFile;
use outcomes_i18n::tr;
use outcomes_state::Lang;

use crate::echarts::{load_library, Instance};
use crate::state::UrlState;

/// A live resize observer and the callback it calls, kept together so both are dropped
/// together when the chart leaves the page.
type SizeWatch = (ResizeObserver, Closure<dyn FnMut()>);

/// The click handler bound to a chart, kept as long as the chart.
type ClickHandler = Closure<dyn FnMut(JsValue)>;

/// The `performance.mark` set when the first chart has been drawn, read by the benchmark. On
/// a built page the chart drawn before the app loaded sets it first (`drawBuiltCharts` in
/// `js/chart-functions.js`).
pub const FIRST_CHART_MARK: &str = "first-chart-drawn";
/// The `performance.mark` set when the app has drawn a chart of its own, so the benchmark
/// can say when the page became the app.
pub const APP_CHART_MARK: &str = "app-chart-drawn";
/// The `performance.mark` set each time a chart has been redrawn with new data, so the
/// benchmark can time a filter change to the updated chart.
pub const CHART_UPDATED_MARK: &str = "chart-updated";

/// The chart itself. `summary` becomes its accessible name (ECharts writes the same text from
/// the option), since a canvas says nothing to a screen reader; the same numbers are in the
/// table beside it.
#[component]
pub fn EChart(
    option: Signal<serde_json::Value>,
    /// The chart's accessible name: its generated summary.
    summary: Signal<String>,
    /// For tests to find the chart.
    testid: &'static str,
    /// Extra class for the chart's size.
    #[prop(optional)]
    class: &'static str,
    /// Called with the code of the area a person clicks or taps on a map, where the page
    /// takes them to that area (the same link is in the table, for keyboards).
    #[prop(optional)]
    on_choose: Option<Callback<String>>,
    /// The outlines a map is drawn on. The app registers them before drawing
    /// (`echarts::prepare_map`); a built page names them for its own drawing.
    #[prop(optional, into)]
    outlines: Option<BoundaryFile>,
) -> impl IntoView {
    let lang = UrlState::get().lang();
    let container = NodeRef::<Div>::new();
    let instance = StoredValue::new_local(None::<Instance>);
    let observer = StoredValue::new_local(None::<SizeWatch>);
    // The latest option, kept until the container has a size: ECharts cannot lay out a map
    // in a box of zero size (it throws), and a chart drawn at zero size would be blank.
    let pending = StoredValue::new_local(None::<serde_json::Value>);
    let chooser = StoredValue::new_local(None::<ClickHandler>);
    let drawing = Drawing {
        instance,
        pending,
        chooser,
        on_choose,
        lang,
    };
    // The chart library arrives on demand (see `load_library`); until then nothing is drawn.
    let library = RwSignal::new(None::<Result<(), String>>);
    let load = move || {
        library.set(None);
        leptos::task::spawn_local(async move { library.set(Some(load_library(lang).await)) });
    };
    // A page built on the host has no chart library: it carries the option instead
    // (`data-option`), which the page draws as soon as ECharts arrives, before the app.
    let built_option = cfg!(feature = "ssr").then(|| option.get_untracked().to_string());
    let built_outlines = outlines.filter(|_| built_option.is_some());
    if built_option.is_none() {
        load();
    }

    Effect::new(move |_| {
        let chart = option.get();
        if !matches!(library.get(), Some(Ok(()))) {
            return;
        }
        let Some(element) = container.get() else {
            return;
        };
        if observer.with_value(Option::is_none) {
            watch_size(&element, drawing, observer);
        }
        let drawn = instance.with_value(|slot| {
            slot.as_ref().map(|existing| {
                existing.show(&chart, lang);
                mark(CHART_UPDATED_MARK);
            })
        });
        if drawn.is_none() {
            pending.set_value(Some(chart));
            draw_when_sized(&element, drawing);
        }
    });

    // Escape dismisses a tooltip, wherever focus is (WCAG 1.4.13). (There is no window to
    // listen to on the host.)
    let escape = built_option.is_none().then(|| {
        window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() == "Escape" {
                instance.with_value(|chart| chart.as_ref().map(Instance::hide_tooltip));
            }
        })
    });

    on_cleanup(move || {
        if let Some(escape) = escape {
            escape.remove();
        }
        observer.update_value(|slot| {
            if let Some((observer, _closure)) = slot.take() {
                observer.disconnect();
            }
        });
        instance.update_value(|slot| {
            if let Some(chart) = slot.take() {
                chart.dispose();
            }
        });
    });

    let failed = move || match library.get() {
        Some(Err(message)) => Some(view! {
            <div class="alert" role="alert">
                <p>{message}</p>
                <button type="button" class="button" on:click=move |_| load()>{tr!(lang, "load_error.try_again")}</button>
            </div>
        }),
        _ => None,
    };

    view! {
        {failed}
        <div
            node_ref=container
            class=format!("chart {class}")
            role="img"
            aria-label=move || summary.get()
            data-testid=testid
            data-option=built_option.clone()
            data-no-value=built_option.as_ref().map(|_| tr!(lang, "chart.no_value"))
            data-map-name=built_outlines.as_ref().map(|b| map_name(b.level))
            data-map-file=built_outlines.map(|b| b.path)
        ></div>
    }
}

/// What creating the chart needs, once its container has a size.
#[derive(Clone, Copy)]
struct Drawing {
    instance: StoredValue<Option<Instance>, LocalStorage>,
    pending: StoredValue<Option<serde_json::Value>, LocalStorage>,
    /// The click handler bound to the instance, kept as long as it.
    chooser: StoredValue<Option<ClickHandler>, LocalStorage>,
    on_choose: Option<Callback<String>>,
    lang: Lang,
}

/// Creates the chart with the pending option once the container has a size.
fn draw_when_sized(element: &web_sys::HtmlDivElement, drawing: Drawing) {
    let Drawing {
        instance,
        pending,
        chooser,
        on_choose,
        lang,
    } = drawing;
    if element.client_width() == 0 || element.client_height() == 0 {
        return;
    }
    let Some(chart) = pending.try_update_value(Option::take).flatten() else {
        return;
    };
    let created = Instance::create(element);
    created.show(&chart, lang);
    if let Some(callback) = on_choose {
        chooser.set_value(Some(created.on_choose(move |code| callback.run(code))));
    }
    mark_once(FIRST_CHART_MARK);
    mark_once(APP_CHART_MARK);
    instance.set_value(Some(created));
}

/// Watches the container's size: draws the chart the first time it has one, and resizes it
/// after that (rotation, window resize, zoom).
fn watch_size(
    element: &web_sys::HtmlDivElement,
    drawing: Drawing,
    slot: StoredValue<Option<SizeWatch>, LocalStorage>,
) {
    let watched = element.clone();
    let closure = Closure::<dyn FnMut()>::new(move || {
        let resized = drawing
            .instance
            .with_value(|chart| chart.as_ref().map(Instance::resize));
        if resized.is_none() {
            draw_when_sized(&watched, drawing);
        }
    });
    if let Ok(observer) = ResizeObserver::new(closure.as_ref().unchecked_ref()) {
        observer.observe(element);
        slot.set_value(Some((observer, closure)));
    }
}

/// Sets a performance mark the first time only.
fn mark_once(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        if performance.get_entries_by_name(name).length() == 0 {
            let _ = performance.mark(name);
        }
    }
}

/// Sets a performance mark. ECharts draws a canvas option synchronously, so the chart has
/// been drawn by the time `setOption` returns.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
