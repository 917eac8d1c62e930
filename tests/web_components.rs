//! Components rendered in headless Chromium (wasm-bindgen-test): what a person would see in
//! the table and the error message, and that the retry button retries.

#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::area_comparison::{AreaComparison, AreaRow, Reference};
use outcomes_core::model::{AreaLevel, ComparisonResult, Interval, Origin};
use tht_outcomes_explorer::components::area_table::AreaTable;
use tht_outcomes_explorer::components::load_error::LoadErrorMessage;
use tht_outcomes_explorer::data::LoadError;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn two_localities() -> AreaComparison {
    let borough = Reference {
        code: "E09000030".into(),
        name: "Tower Hamlets".into(),
        value: 15.06,
        ci95: None,
        count: None,
        denominator: None,
        origin: Origin::Aggregated,
        note: None,
    };
    let row = |code: &str, name: &str, value: f64, vs_benchmark| AreaRow {
        code: code.into(),
        name: name.into(),
        value,
        ci95: Some(Interval {
            lower: value - 0.5,
            upper: value + 0.5,
        }),
        count: Some(1234.0),
        denominator: Some(10000.0),
        vs_benchmark,
        highlight: false,
        trend: None,
        origin: Origin::Aggregated,
        lookups: Vec::new(),
        note: None,
    };
    AreaComparison {
        indicator: "91547".into(),
        indicator_title: "Smoking".into(),
        unit: "%".into(),
        period: "2023/24".into(),
        level: AreaLevel::Locality,
        rows: vec![
            row("A", "North West", 18.25, ComparisonResult::Worse),
            row("B", "South East", 12.0, ComparisonResult::Better),
        ],
        missing: vec![],
        benchmark: Some(borough.clone()),
        references: vec![borough],
    }
}

/// A fresh element to mount into, so tests do not see each other's output.
fn host() -> web_sys::HtmlElement {
    let document = document();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

#[wasm_bindgen_test]
async fn table_lists_each_area_then_the_borough_with_rounded_values() {
    let root = host();
    let view = Signal::stored(two_localities());
    let caption = Signal::stored("Smoking by locality, 2023/24".to_string());
    let _mounted = mount_to(root.clone(), move || view! { <AreaTable view caption /> });
    leptos::task::tick().await;

    assert_eq!(
        texts(&root, "tbody th"),
        ["North West", "South East", "Tower Hamlets (benchmark)"]
    );
    assert_eq!(
        texts(&root, "[data-testid=value]"),
        ["18.3", "12.0", "15.1"]
    );
    assert_eq!(
        texts(&root, "tbody tr:first-child td"),
        [
            "18.3",
            "17.8 to 18.8",
            "1,234",
            "10,000",
            "Worse",
            "Not calculated"
        ]
    );
    assert_eq!(texts(&root, "caption"), ["Smoking by locality, 2023/24"]);
}

#[wasm_bindgen_test]
async fn load_error_explains_and_retries() {
    let root = host();
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let error = LoadError::Missing {
        file: "data/indicators/91547.json".into(),
        status: 404,
    };
    let _mounted = mount_to(root.clone(), move || {
        let counter = counter.clone();
        view! {
            <LoadErrorMessage
                error=error.clone()
                retry=Callback::new(move |_| {
                    counter.fetch_add(1, Ordering::SeqCst);
                })
            />
        }
    });
    leptos::task::tick().await;

    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("data/indicators/91547.json"), "{text}");
    assert!(text.contains("missing"), "{text}");
    let button: web_sys::HtmlElement = root
        .query_selector("button")
        .unwrap()
        .expect("a retry button")
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    button.click();
    assert_eq!(retries.load(Ordering::SeqCst), 1);
}
