//! What the explorer shows, computed without a browser: the rows behind a chart, the
//! ECharts option for it, the one-sentence summary and the table, all from one model so the
//! chart, the words and the table cannot disagree.
//!
//! Every text meant for people is written in the language asked for (`outcomes_i18n::Lang`),
//! its words from `crates/outcomes-i18n/locales/charts.yml` and its numbers in that
//! language's digits; CSV numbers and file names stay ASCII so other programs read them.

pub mod area_comparison;
pub mod assessment;
pub mod bar_chart;
pub mod breakdown;
pub mod choropleth;
pub mod export;
pub mod format;
pub mod locator;
pub mod pyramid;
pub mod spine;
pub mod summary;
pub mod tooltip;
pub mod trend;
