//! `js/chart-functions.js` attaches functions to options by the ids the option builders give
//! (whisker series, the period axis). The page's first view has no Rust to ask, so the script
//! names them itself: they must be the same.

use outcomes_charts::bar_chart::WHISKER_SERIES_ID;
use outcomes_charts::tooltip::FORMATTED_KEY;
use outcomes_charts::trend::{PERIOD_AXIS_ID, TREND_WHISKER_PREFIX};

const SCRIPT: &str = include_str!("../../../js/chart-functions.js");

#[test]
fn the_script_names_the_ids_the_option_builders_give() {
    for (name, value) in [
        ("WHISKER_SERIES_ID", WHISKER_SERIES_ID),
        ("TREND_WHISKER_PREFIX", TREND_WHISKER_PREFIX),
        ("PERIOD_AXIS_ID", PERIOD_AXIS_ID),
        ("FORMATTED_KEY", FORMATTED_KEY),
    ] {
        let line = format!("const {name} = '{value}';");
        assert!(
            SCRIPT.contains(&line),
            "js/chart-functions.js should have: {line}"
        );
    }
}
