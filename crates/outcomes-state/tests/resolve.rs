//! What links resolve to against the published manifest: the real `public/data/manifest.json`,
//! so a rule that disagrees with the data as published fails here first.

use outcomes_core::model::{AreaLevel, IndicatorMeta, Manifest};
use outcomes_state::resolve::{
    mappable_indicators, resolve, resolve_period, LinkProblem, PeriodNote, DEFAULT_INDICATOR,
};
use outcomes_state::{parse, write, Level, Reason};

fn manifest() -> Manifest {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/manifest.json"
    );
    let text = std::fs::read_to_string(path).expect("the published manifest");
    serde_json::from_str(&text).expect("a manifest the model reads")
}

/// An indicator published only for London boroughs (fuel poverty, among others).
fn borough_only(manifest: &Manifest) -> &IndicatorMeta {
    manifest
        .indicators
        .iter()
        .find(|i| i.levels == [AreaLevel::Borough])
        .expect("an indicator published only for London boroughs")
}

#[test]
fn a_plain_indicator_link_shows_localities_from_the_locality_shard() {
    let manifest = manifest();
    let resolved = resolve(&manifest, &parse("?view=indicator&indicator=91547"));
    assert_eq!(resolved.problems, []);
    assert_eq!(resolved.level, Some(AreaLevel::Locality));
    assert_eq!(
        resolved.shard_path().as_deref(),
        Some("indicators/91547/locality.json")
    );
    // The state shown is written out in full: the level is no longer left to the view.
    assert_eq!(resolved.state.level, Some(Level::Locality));
    assert_eq!(
        write(&resolved.state),
        "?view=indicator&indicator=91547&level=locality"
    );
}

#[test]
fn an_indicator_link_naming_no_indicator_shows_the_default_without_a_problem() {
    let resolved = resolve(&manifest(), &parse("?view=indicator"));
    assert_eq!(resolved.problems, []);
    assert_eq!(resolved.state.indicator.as_deref(), Some(DEFAULT_INDICATOR));
}

#[test]
fn an_unknown_indicator_shows_the_default_and_says_so() {
    let resolved = resolve(&manifest(), &parse("?view=indicator&indicator=nope"));
    assert_eq!(
        resolved.problems,
        [LinkProblem::UnknownIndicator {
            asked: "nope".into(),
            shown: Some(DEFAULT_INDICATOR.into()),
        }]
    );
    assert_eq!(resolved.state.indicator.as_deref(), Some(DEFAULT_INDICATOR));
}

#[test]
fn a_level_the_indicator_lacks_is_reported_even_when_it_is_localities() {
    let manifest = manifest();
    let borough_only = borough_only(&manifest);
    for (word, asked) in [("locality", AreaLevel::Locality), ("ward", AreaLevel::Ward)] {
        let link = format!("?view=indicator&indicator={}&level={word}", borough_only.id);
        let resolved = resolve(&manifest, &parse(&link));
        assert_eq!(resolved.level, Some(AreaLevel::Borough), "{link}");
        assert_eq!(
            resolved.problems,
            [LinkProblem::LevelUnavailable {
                asked,
                shown: AreaLevel::Borough
            }],
            "{link}"
        );
    }
}

#[test]
fn every_level_of_every_indicator_resolves_to_a_level_it_has() {
    let manifest = manifest();
    for indicator in manifest.indicators.iter().filter(|i| !i.levels.is_empty()) {
        for word in ["locality", "pcn", "ward", "borough"] {
            let link = format!("?view=indicator&indicator={}&level={word}", indicator.id);
            let resolved = resolve(&manifest, &parse(&link));
            let level = resolved.level.expect("a level");
            assert!(indicator.levels.contains(&level), "{link}");
            let honoured = level.as_str() == word;
            assert_eq!(resolved.problems.is_empty(), honoured, "{link}");
            assert_eq!(
                resolved.shard_path(),
                Some(indicator.shard_path(level)),
                "{link}"
            );
        }
    }
}

#[test]
fn the_codec_s_problems_come_first_and_the_view_s_follow() {
    let resolved = resolve(
        &manifest(),
        &parse("?view=indicator&indicator=nope&sort=sideways"),
    );
    assert_eq!(resolved.problems.len(), 2);
    match &resolved.problems[0] {
        LinkProblem::Parameter(p) => {
            assert_eq!(p.key, "sort");
            assert!(matches!(p.reason, Reason::ExpectedOneOf(_)));
        }
        other => panic!("expected the codec's problem first, got {other:?}"),
    }
    assert!(matches!(
        resolved.problems[1],
        LinkProblem::UnknownIndicator { .. }
    ));
}

#[test]
fn the_map_opens_on_the_first_indicator_with_ward_figures() {
    let manifest = manifest();
    let resolved = resolve(&manifest, &parse("?view=map"));
    let first_ward = mappable_indicators(&manifest)
        .into_iter()
        .find(|i| i.levels.contains(&AreaLevel::Ward))
        .expect("a ward-level indicator");
    assert_eq!(resolved.problems, []);
    assert_eq!(resolved.indicator.as_ref(), Some(first_ward));
    assert!(resolved
        .levels
        .iter()
        .all(|l| matches!(l, AreaLevel::Ward | AreaLevel::Locality)));
}

#[test]
fn an_indicator_the_map_cannot_draw_is_reported() {
    let manifest = manifest();
    let borough_only = borough_only(&manifest);
    let link = format!("?view=map&indicator={}", borough_only.id);
    let resolved = resolve(&manifest, &parse(&link));
    assert_eq!(
        resolved.problems,
        [LinkProblem::NotMappable {
            asked: borough_only.id.clone()
        }]
    );
    assert!(resolved.shard_path().is_some());
}

#[test]
fn a_period_the_shard_lacks_falls_back_to_the_latest_and_says_so() {
    let periods: Vec<String> = ["2021/22", "2022/23", "2023/24"].map(String::from).into();
    let mut resolved = resolve(
        &manifest(),
        &parse("?view=indicator&indicator=91547&period=1999/00"),
    );
    assert_eq!(
        resolve_period(&mut resolved, &periods, |_| true).as_deref(),
        Some("2023/24")
    );
    assert_eq!(
        resolved.problems,
        [LinkProblem::PeriodUnavailable {
            asked: "1999/00".into(),
            shown: "2023/24".into()
        }]
    );
    assert_eq!(resolved.state.period.as_deref(), Some("2023/24"));

    let mut resolved = resolve(
        &manifest(),
        &parse("?view=indicator&indicator=91547&period=2022/23"),
    );
    assert_eq!(
        resolve_period(&mut resolved, &periods, |_| true).as_deref(),
        Some("2022/23")
    );
    assert_eq!(resolved.problems, []);
    assert_eq!(resolve_period(&mut resolved, &[], |_| true), None);
}

#[test]
fn views_without_an_indicator_resolve_to_themselves() {
    let resolved = resolve(&manifest(), &parse("?view=about&lang=bn"));
    assert_eq!(resolved.indicator, None);
    assert_eq!(resolved.shard_path(), None);
    assert_eq!(resolved.state, parse("?view=about&lang=bn").state);
}

#[test]
fn an_unknown_domain_shows_every_domain_and_says_so() {
    let manifest = manifest();
    let domain = &manifest.framework.domains[0].id;
    let resolved = resolve(&manifest, &parse(&format!("?domain={domain}")));
    assert_eq!(resolved.problems, []);
    assert_eq!(resolved.state.domain.as_ref(), Some(domain));
    let resolved = resolve(&manifest, &parse("?domain=nowhere"));
    assert_eq!(
        resolved.problems,
        [LinkProblem::UnknownDomain {
            asked: "nowhere".into()
        }]
    );
    assert_eq!(resolved.state.domain, None);
}

#[test]
fn a_locality_profile_of_something_else_shows_the_first_locality_and_says_so() {
    let manifest = manifest();
    let localities: Vec<&str> = manifest
        .areas_at(AreaLevel::Locality)
        .map(|a| a.code.as_str())
        .collect();
    let plain = resolve(&manifest, &parse("?view=locality"));
    assert_eq!(plain.problems, []);
    assert_eq!(plain.area.as_deref(), Some(localities[0]));
    let chosen = resolve(
        &manifest,
        &parse(&format!("?view=locality&areas={}", localities[2])),
    );
    assert_eq!(chosen.area.as_deref(), Some(localities[2]));
    let ward = manifest.areas_at(AreaLevel::Ward).next().unwrap();
    let wrong = resolve(
        &manifest,
        &parse(&format!("?view=locality&areas={}", ward.code)),
    );
    assert_eq!(wrong.area.as_deref(), Some(localities[0]));
    assert_eq!(
        wrong.problems,
        [LinkProblem::UnknownLocality {
            asked: ward.code.clone(),
            shown: Some(localities[0].to_string())
        }]
    );
}

#[test]
fn a_ward_page_of_something_else_lists_the_wards_and_says_so() {
    let manifest = manifest();
    let ward = manifest.areas_at(AreaLevel::Ward).next().unwrap();
    let found = resolve(
        &manifest,
        &parse(&format!("?view=area&areas={}", ward.code)),
    );
    assert_eq!(found.problems, []);
    assert_eq!(found.area.as_ref(), Some(&ward.code));
    let locality = manifest.areas_at(AreaLevel::Locality).next().unwrap();
    let wrong = resolve(
        &manifest,
        &parse(&format!("?view=area&areas={}", locality.code)),
    );
    assert_eq!(wrong.area, None);
    assert_eq!(
        wrong.problems,
        [LinkProblem::UnknownWard {
            asked: locality.code.clone()
        }]
    );
    assert_eq!(resolve(&manifest, &parse("?view=area")).problems, []);
}

#[test]
fn without_a_period_the_latest_with_something_to_compare_with_is_shown_and_said() {
    let periods: Vec<String> = ["2021/22", "2022/23", "2023/24"].map(String::from).into();
    // London has figures up to 2021/22 only, as for smoking by London borough.
    let compared = |p: &str| p == "2021/22";
    let mut resolved = resolve(
        &manifest(),
        &parse("?view=indicator&indicator=91547&level=borough"),
    );
    assert_eq!(
        resolve_period(&mut resolved, &periods, compared).as_deref(),
        Some("2021/22")
    );
    assert_eq!(
        resolved.period_note,
        Some(PeriodNote::LatestNotCompared {
            latest: "2023/24".into(),
            shown: "2021/22".into()
        })
    );
    assert_eq!(resolved.problems, []);

    // A period the link names is shown as it is, compared or not.
    let mut resolved = resolve(
        &manifest(),
        &parse("?view=indicator&indicator=91547&level=borough&period=2023/24"),
    );
    assert_eq!(
        resolve_period(&mut resolved, &periods, compared).as_deref(),
        Some("2023/24")
    );
    assert_eq!(resolved.period_note, None);

    // Nothing compared anywhere: the latest, with nothing to say.
    let mut resolved = resolve(&manifest(), &parse("?view=indicator&indicator=91547"));
    assert_eq!(
        resolve_period(&mut resolved, &periods, |_| false).as_deref(),
        Some("2023/24")
    );
    assert_eq!(resolved.period_note, None);
}

#[test]
fn every_built_page_has_one_file_and_resolves_without_a_problem() {
    use outcomes_state::built::built_pages;
    use outcomes_state::{page_file, parse_address, Lang, View};
    let manifest = manifest();
    let pages = built_pages(&manifest);
    let mut files: Vec<String> = pages
        .iter()
        .map(|state| page_file(state).expect("a built page's state has a file"))
        .collect();
    // Each indicator at no level and at each of its levels, each locality and ward, in
    // both languages.
    let levels: usize = manifest.indicators.iter().map(|i| 1 + i.levels.len()).sum();
    assert!(
        pages.len() >= 2 * (levels + 4 + 20),
        "{} pages",
        pages.len()
    );
    assert!(
        files.contains(&String::new()),
        "the English overview is the folder"
    );
    assert!(files.contains(&"indicator-91547.pcn.bn.html".to_string()));
    assert!(files.contains(&"area-E05009317.html".to_string()));
    for (state, file) in pages.iter().zip(&files) {
        let parsed = parse_address(file, "");
        assert_eq!(&parsed.state, state, "{file}");
        let resolved = resolve(&manifest, &parsed);
        assert_eq!(resolved.problems, [], "{file}");
    }
    assert_eq!(
        pages.iter().filter(|s| s.lang == Lang::Bn).count() * 2,
        pages.len()
    );
    // The map of every mappable indicator, at its own default level and at each it has,
    // each page with the outlines it is drawn on.
    let maps: Vec<_> = pages.iter().filter(|s| s.view == View::Map).collect();
    let mappable = outcomes_state::resolve::mappable_indicators(&manifest);
    assert!(
        maps.len() >= 2 * (1 + 2 * mappable.len()),
        "{} maps",
        maps.len()
    );
    assert!(files.contains(&"map.html".to_string()));
    for state in maps {
        let resolved = resolve(&manifest, &parse_address(&page_file(state).unwrap(), ""));
        assert!(resolved.boundaries(&manifest).is_some(), "{state:?}");
    }
    let count = files.len();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), count, "no two pages share a file");
}
