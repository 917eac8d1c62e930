//! One ECharts bar chart of areas: created once after mount, updated in place when its data
//! changes, resized with its container and disposed when it leaves the page.

use leptos::html::Div;
use leptos::prelude::*;
use outcomes_charts::area_comparison::AreaComparison;
use outcomes_charts::bar_chart::area_bar_option;
use wasm_bindgen::prelude::*;
use web_sys::ResizeObserver;

use crate::echarts::Instance;

/// A live resize observer and the callback it calls, kept together so both are dropped
/// together when the chart leaves the page.
type SizeWatch = (ResizeObserver, Closure<dyn FnMut()>);

/// The `performance.mark` set when the first chart has been drawn, read by the benchmark.
pub const FIRST_CHART_MARK: &str = "first-chart-drawn";
/// The `performance.mark` set each time a chart has been redrawn with new data, so the
/// benchmark can time a filter change to the updated chart.
pub const CHART_UPDATED_MARK: &str = "chart-updated";

/// The chart itself. `summary` becomes its accessible name (ECharts writes the same text from
/// the option), since a canvas says nothing to a screen reader; the same numbers are in the
/// table beside it.
#[component]
pub fn AreaChart(view: Signal<AreaComparison>, summary: Signal<String>) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let instance = StoredValue::new_local(None::<Instance>);
    let observer = StoredValue::new_local(None::<SizeWatch>);

    Effect::new(move |_| {
        let chart = area_bar_option(&view.get());
        let Some(element) = container.get() else {
            return;
        };
        instance.update_value(|slot| match slot {
            Some(existing) => {
                existing.show(&chart);
                mark(CHART_UPDATED_MARK);
            }
            None => {
                let created = Instance::create(&element);
                created.show(&chart);
                mark_once(FIRST_CHART_MARK);
                observe_size(&element, created.clone().unchecked_into(), observer);
                *slot = Some(created);
            }
        });
    });

    on_cleanup(move || {
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

    view! {
        <div
            node_ref=container
            class="chart"
            role="img"
            aria-label=move || summary.get()
            data-testid="area-chart"
        ></div>
    }
}

/// Resizes the chart whenever its container changes size (rotation, window resize, zoom).
fn observe_size(
    element: &web_sys::HtmlDivElement,
    chart: Instance,
    slot: StoredValue<Option<SizeWatch>, LocalStorage>,
) {
    let closure = Closure::<dyn FnMut()>::new(move || chart.resize());
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
