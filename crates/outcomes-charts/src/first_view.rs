//! The first chart of a plain indicator link, built when the data is published so the page
//! can draw it as soon as ECharts has arrived, before the app's WebAssembly has (on a slow
//! phone line that is seconds sooner). It is the chart the app draws for the same link, from
//! the same functions: the link resolved as the app resolves it (`outcomes_state::resolve`),
//! in the publisher's order, in one language. The app replaces it with its own as soon as that is drawn.

use outcomes_core::localise::{key, Localised};
use outcomes_core::model::{Manifest, Shard};
use outcomes_i18n::{tr, Lang};
use outcomes_state::resolve::{resolve_period, Resolved};
use outcomes_state::{Parsed, Sort, State, View};
use serde::Serialize;

use crate::area_comparison::{area_comparison, has_benchmark, periods_at};
use crate::bar_chart::{area_bar_option, bar_chart_height};
use crate::summary::summarise;

/// Bumped when the file's fields change, so a page never reads a file it misunderstands.
pub const FIRST_VIEW_SCHEMA: u32 = 1;

/// What the page shows before the app has loaded: the site's name, the indicator's name as the
/// heading, the chart's one-sentence summary, the chart, and a line saying the rest is on its
/// way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstView {
    pub schema_version: u32,
    pub indicator: String,
    pub lang: &'static str,
    pub level: &'static str,
    pub period: String,
    /// The shard the app loads for the same link, relative to the data folder, which the page
    /// fetches as soon as the first view is drawn.
    pub shard: String,
    pub site_name: String,
    pub tagline: String,
    pub title: String,
    /// `"en"` when the title has no translation and is shown in English.
    pub title_lang: Option<&'static str>,
    pub summary: String,
    /// Said while the filters, table and sources load.
    pub loading: String,
    /// Said instead if the app cannot be loaded.
    pub failed: String,
    /// What a tooltip says for an area with no value.
    pub no_value: String,
    /// The chart's height in CSS pixels, as the app sizes it.
    pub height: u32,
    /// The ECharts option, without the functions the page attaches (whiskers, formatters).
    pub option: serde_json::Value,
}

/// Where the first view of `indicator` in `lang` is published, relative to the data folder.
/// The page's loader builds the same path (`scripts/harden-html.mjs`).
pub fn first_view_path(indicator: &str, lang: Lang) -> String {
    format!("first-view/{indicator}.{}.json", lang.as_str())
}

/// The link a first view is drawn for: the indicator's page with nothing chosen but the
/// language (which the first view's manifest is localised to).
pub fn first_view_link(indicator: &str) -> Parsed {
    Parsed {
        state: State {
            view: View::Indicator,
            indicator: Some(indicator.to_string()),
            ..State::default()
        },
        problems: Vec::new(),
    }
}

/// The first view of the indicator `shard` belongs to, in the language `manifest` was
/// localised to, as `resolved` (the resolution of its [`first_view_link`]) has it: `shard`
/// holds the indicator's figures at the resolved level. None when nothing at that level has a
/// value, where the app draws no chart either, or for a language the explorer is not written
/// in.
pub fn first_view(
    manifest: &Localised<Manifest>,
    mut resolved: Resolved,
    shard: &Shard,
) -> Option<FirstView> {
    let lang = Lang::from_tag(manifest.lang())?;
    let level = resolved.level?;
    let shard_path = resolved.shard_path()?;
    // The indicator as the localised manifest words it.
    let indicator = manifest
        .data
        .indicators
        .iter()
        .find(|i| i.id == shard.indicator)?;
    let periods = periods_at(&manifest.data, shard, level);
    let period = resolve_period(&mut resolved, &periods, |p| has_benchmark(shard, level, p))?;
    let comparison = area_comparison(
        &manifest.data,
        indicator,
        shard,
        level,
        &period,
        Sort::default(),
    );
    Some(FirstView {
        schema_version: FIRST_VIEW_SCHEMA,
        indicator: indicator.id.clone(),
        lang: lang.as_str(),
        level: level.as_str(),
        period,
        shard: shard_path,
        site_name: tr!(lang, "shell.site_name"),
        tagline: tr!(lang, "shell.tagline"),
        title: indicator.title.clone(),
        title_lang: manifest.lang_attr(&key("indicator", &indicator.id, "title")),
        summary: summarise(&comparison, lang),
        loading: tr!(lang, "charts.first_view.loading"),
        failed: tr!(lang, "charts.first_view.failed"),
        no_value: tr!(lang, "chart.no_value"),
        height: bar_chart_height(comparison.rows.len()),
        option: area_bar_option(&comparison, lang),
    })
}
