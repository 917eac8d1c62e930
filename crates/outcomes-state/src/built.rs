//! Which views the release build writes as pages of their own (`address` names their files):
//! every view's canonical link in each language, from the manifest.

use outcomes_core::model::{AreaLevel, IndicatorMeta, Manifest};

use crate::resolve::{drawable_levels, map_levels, mappable_indicators, url_level};
use crate::{Lang, State, View};

/// The state of every built page, English first, then Bengali.
pub fn built_pages(manifest: &Manifest) -> Vec<State> {
    let mut english = vec![State::default()];
    english.extend(manifest.framework.domains.iter().map(|d| State {
        domain: Some(d.id.clone()),
        ..State::default()
    }));
    // Views with nothing chosen open on their first indicator, locality or ward list.
    for view in [
        View::Indicators,
        View::Indicator,
        View::Locality,
        View::Area,
        View::Map,
        View::About,
        View::Accessibility,
    ] {
        english.push(State {
            view,
            ..State::default()
        });
    }
    if manifest.health_challenges.is_some() {
        english.push(State {
            view: View::Challenges,
            ..State::default()
        });
    }
    for indicator in &manifest.indicators {
        english.extend(indicator_pages(
            View::Indicator,
            indicator,
            &indicator.levels,
        ));
    }
    let drawable = drawable_levels(manifest);
    for indicator in mappable_indicators(manifest) {
        english.extend(indicator_pages(
            View::Map,
            indicator,
            &map_levels(indicator, &drawable),
        ));
    }
    for (view, level) in [
        (View::Locality, AreaLevel::Locality),
        (View::Area, AreaLevel::Ward),
    ] {
        english.extend(manifest.areas_at(level).map(|area| State {
            view,
            areas: vec![area.code.clone()],
            ..State::default()
        }));
    }
    let bengali: Vec<State> = english
        .iter()
        .map(|state| State {
            lang: Lang::Bn,
            ..state.clone()
        })
        .collect();
    english.extend(bengali);
    english
}

/// An indicator's pages in `view`: its own, which opens at the view's default level, and
/// one for each of `levels` the URL can name.
fn indicator_pages<'a>(
    view: View,
    indicator: &'a IndicatorMeta,
    levels: &'a [AreaLevel],
) -> impl Iterator<Item = State> + 'a {
    let page = move |level| State {
        view,
        indicator: Some(indicator.id.clone()),
        level,
        ..State::default()
    };
    std::iter::once(page(None)).chain(
        levels
            .iter()
            .filter_map(|&l| url_level(l))
            .map(move |l| page(Some(l))),
    )
}
