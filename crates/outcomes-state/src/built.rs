//! Which views the release build writes as pages of their own (`address` names their files):
//! every view's canonical link in each language, from the manifest.

use outcomes_core::model::{AreaLevel, Manifest};

use crate::resolve::url_level;
use crate::{Lang, State, View};

/// The state of every built page, English first, then Bengali. Maps are left to the app for
/// now: their chart needs the boundary file registered before it can be drawn.
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
        let page = |level| State {
            view: View::Indicator,
            indicator: Some(indicator.id.clone()),
            level,
            ..State::default()
        };
        english.push(page(None));
        english.extend(
            indicator
                .levels
                .iter()
                .filter_map(|&l| url_level(l))
                .map(|l| page(Some(l))),
        );
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
