//! Reusable view pieces, one per file.

pub mod area_assessment;
pub mod area_table;
pub mod breakdown_section;
pub mod chart_block;
pub mod choice_links;
pub mod echart;
pub mod indicator_nav;
pub mod load_error;
pub mod marked;
pub mod place_search;
pub mod places_explained;
pub mod population_pyramid;
pub mod profile_item;
pub mod published;
pub mod sentence;
pub mod share_bar;
pub mod site_nav;
pub mod statement_heading;
pub mod tartan;
pub mod trend_section;
pub mod url_notice;
