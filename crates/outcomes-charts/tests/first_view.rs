//! The first chart of a plain indicator link, built ahead of time: it must be the chart the
//! app draws for that link, or the page would change under the reader's eyes.

use outcomes_charts::area_comparison::area_comparison;
use outcomes_charts::bar_chart::{area_bar_option, bar_chart_height};
use outcomes_charts::first_view::{first_view, first_view_link, first_view_path, FirstView};
use outcomes_charts::summary::summarise;
use outcomes_core::localise::localise;
use outcomes_core::model::{AreaLevel, Manifest, Shard};
use outcomes_i18n::Lang;
use outcomes_state::resolve::resolve;
use outcomes_state::Sort;

fn fixture() -> (Manifest, Shard) {
    let mut manifest: Manifest =
        serde_json::from_str(include_str!("fixtures/manifest.json")).unwrap();
    manifest.indicators[0].levels = vec![AreaLevel::Locality, AreaLevel::Borough];
    let shard = serde_json::from_str(include_str!("fixtures/shard.json")).unwrap();
    (manifest, shard)
}

/// The first view of the fixture's indicator, resolved as the app resolves its plain link.
fn first_view_in(manifest: &Manifest, shard: &Shard, lang: &str) -> Option<FirstView> {
    let resolved = resolve(manifest, &first_view_link(&shard.indicator));
    first_view(&localise(manifest, lang), resolved, shard)
}

#[test]
fn the_first_view_is_the_chart_the_app_draws_for_the_plain_link() {
    let (manifest, shard) = fixture();
    let view = first_view_in(&manifest, &shard, "en").unwrap();
    let indicator = &manifest.indicators[0];
    let expected = area_comparison(
        &manifest,
        indicator,
        &shard,
        AreaLevel::Locality,
        "2022/23",
        Sort::default(),
    );
    assert_eq!(view.period, "2022/23", "the latest period with a value");
    assert_eq!(view.option, area_bar_option(&expected, Lang::En));
    assert_eq!(view.summary, summarise(&expected, Lang::En));
    assert_eq!(view.height, bar_chart_height(expected.rows.len()));
    assert_eq!((view.title.as_str(), view.title_lang), ("Smoking", None));
    assert_eq!((view.lang, view.level), ("en", "locality"));
    assert_eq!(view.shard, indicator.shard_path(AreaLevel::Locality));
    assert_eq!(view.no_value, "no value");
}

#[test]
fn in_bengali_the_words_and_digits_are_bengali_and_an_untranslated_title_is_marked() {
    let (manifest, shard) = fixture();
    let english = first_view_in(&manifest, &shard, "en").unwrap();
    let view = first_view_in(&manifest, &shard, "bn").unwrap();
    assert_eq!(view.lang, "bn");
    assert!(view.summary.contains("২০২২/২৩"), "{}", view.summary);
    assert_ne!(view.loading, english.loading);
    // The fixture has no translations: the title stays English and says so.
    assert_eq!(
        (view.title.as_str(), view.title_lang),
        ("Smoking", Some("en"))
    );
}

#[test]
fn nothing_to_draw_gives_no_first_view() {
    let (manifest, _) = fixture();
    let shard = Shard::empty("1");
    assert_eq!(first_view_in(&manifest, &shard, "en"), None);
}

#[test]
fn the_path_names_the_indicator_and_the_language() {
    assert_eq!(
        first_view_path("91547", Lang::Bn),
        "first-view/91547.bn.json"
    );
}
