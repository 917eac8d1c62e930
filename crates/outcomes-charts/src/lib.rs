//! What the explorer shows, computed without a browser: the rows behind a chart, the
//! ECharts option for it, the one-sentence summary and the table, all from one model so the
//! chart, the words and the table cannot disagree.

pub mod area_comparison;
pub mod bar_chart;
pub mod breakdown;
pub mod choropleth;
pub mod export;
pub mod format;
pub mod spine;
pub mod summary;
pub mod trend;
