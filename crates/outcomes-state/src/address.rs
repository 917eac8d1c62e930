//! Built pages' addresses. The release build writes a static HTML page for each view's
//! canonical link, every one a file in the same folder as `index.html`, so any static host
//! serves it without rewrite rules and under any sub-path, and the page's relative links to
//! its data and scripts stay the same on every page.
//!
//! A file name is `<view>[-<subject>][.<level>][.bn].html`: the subject is the indicator of
//! an indicator page or a map, the area of a locality or ward page, or the domain of the
//! overview; only an indicator page or a map with its indicator names a level. The English overview is the folder itself (`index.html`). Any other choice (a
//! period, an order, several areas, an embed) has no built page and stays a query on the
//! folder, as every link was before built pages; a query on a page's address adds to what
//! the address says.

use crate::codec::{parse, Parsed};
use crate::state::{Lang, Level, Sort, State, View, Word};

/// The built page that shows `state`, as a file name beside `index.html` (empty for the
/// English overview, which is the folder itself), or `None` when the state has choices no
/// built page holds.
pub fn page_file(state: &State) -> Option<String> {
    let plain = state.statement.is_none()
        && state.period.is_none()
        && state.sort == Sort::default()
        && !state.embed;
    if !plain {
        return None;
    }
    let subject: Option<&str> = match (state.view, state.areas.as_slice()) {
        (View::Indicator | View::Map, []) => state.indicator.as_deref(),
        (View::Locality | View::Area, [area]) if state.indicator.is_none() => Some(area),
        (View::Locality | View::Area, []) => None,
        (View::Overview, []) => state.domain.as_deref(),
        (_, []) => None,
        _ => return None,
    };
    let takes_level = takes_level(state.view);
    // A level belongs to its indicator's pages: the view's own page opens on its first
    // indicator, whose levels may differ.
    let others_default = (state.view == View::Overview || state.domain.is_none())
        && (state.level.is_none() || (takes_level && subject.is_some()))
        && (takes_level || state.indicator.is_none());
    if !others_default || subject.is_some_and(|s| !is_name_part(s)) {
        return None;
    }
    if state.view == View::Overview && subject.is_none() && state.lang == Lang::En {
        return Some(String::new());
    }
    let mut file = match state.view {
        View::Overview if subject.is_none() => "index".to_string(),
        View::Overview => "domain".to_string(),
        view => view.as_str().to_string(),
    };
    if let Some(subject) = subject {
        file.push('-');
        file.push_str(subject);
    }
    if let Some(level) = state.level {
        file.push('.');
        file.push_str(level.as_str());
    }
    if state.lang != Lang::default() {
        file.push('.');
        file.push_str(state.lang.as_str());
    }
    file.push_str(".html");
    Some(file)
}

/// The state a page's address describes: the last segment of its path (a built page's
/// file, or nothing) and its query. The query's choices are added to the page's; a query
/// that names its own view is a link from before built pages, and stands alone. A file that
/// is not a built page's (the site copied under another name) says nothing.
pub fn parse_address(file: &str, query: &str) -> Parsed {
    let asked = parse(query);
    let names_view = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .any(|(key, _)| key == "view");
    let Some(page) = page_state(file).filter(|_| !names_view) else {
        return asked;
    };
    let given = asked.state;
    let mut state = page;
    state.statement = given.statement.or(state.statement);
    state.domain = given.domain.or(state.domain);
    state.indicator = given.indicator.or(state.indicator);
    state.level = given.level.or(state.level);
    if !given.areas.is_empty() {
        state.areas = given.areas;
    }
    state.period = given.period;
    state.sort = given.sort;
    state.embed = given.embed;
    if given.lang != Lang::default() {
        state.lang = given.lang;
    }
    Parsed {
        state,
        problems: asked.problems,
    }
}

/// The state of a built page's file name, the inverse of [`page_file`].
fn page_state(file: &str) -> Option<State> {
    if file.is_empty() || file == "index.html" {
        return Some(State::default());
    }
    let mut stem = file.strip_suffix(".html")?;
    let mut state = State::default();
    if let Some((rest, lang)) = stem.rsplit_once('.') {
        if let Some(lang) = Lang::from_word(lang).filter(|l| *l != Lang::default()) {
            state.lang = lang;
            stem = rest;
        }
    }
    if let Some((rest, level)) = stem.rsplit_once('.') {
        state.level = Some(Level::from_word(level)?);
        stem = rest;
    }
    let (view, subject) = match stem.split_once('-') {
        Some((view, subject)) => (view, Some(subject)),
        None => (stem, None),
    };
    state.view = match view {
        "index" if subject.is_none() => View::Overview,
        "domain" if subject.is_some() => View::Overview,
        "index" | "domain" => return None,
        view => View::from_word(view)?,
    };
    if let Some(subject) = subject {
        if !is_name_part(subject) {
            return None;
        }
        match state.view {
            View::Indicator | View::Map => state.indicator = Some(subject.to_string()),
            View::Locality | View::Area => state.areas = vec![subject.to_string()],
            View::Overview => state.domain = Some(subject.to_string()),
            _ => return None,
        }
    }
    if state.level.is_some() && !takes_level(state.view) {
        return None;
    }
    // One address per page: a file that writes a state some other way is not a built page's.
    (page_file(&state).as_deref() == Some(file)).then_some(state)
}

/// Whether the view's pages come at each level of their indicator.
fn takes_level(view: View) -> bool {
    matches!(view, View::Indicator | View::Map)
}

/// Whether a code can stand in a file name and be read back: letters, digits and `-` (a
/// `.` would be taken for a level or language, and the codec allows codes with one, which
/// then have no built page).
fn is_name_part(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn indicator(id: &str, level: Option<Level>, lang: Lang) -> State {
        State {
            view: View::Indicator,
            indicator: Some(id.into()),
            level,
            lang,
            ..State::default()
        }
    }

    #[test]
    fn canonical_links_have_files() {
        let cases = [
            (State::default(), ""),
            (
                State {
                    lang: Lang::Bn,
                    ..State::default()
                },
                "index.bn.html",
            ),
            (indicator("91547", None, Lang::En), "indicator-91547.html"),
            (
                indicator("oflog-asc2", Some(Level::Borough), Lang::Bn),
                "indicator-oflog-asc2.borough.bn.html",
            ),
            (
                State {
                    view: View::Area,
                    areas: vec!["E05009317".into()],
                    ..State::default()
                },
                "area-E05009317.html",
            ),
            (
                State {
                    view: View::Overview,
                    domain: Some("healthy-lives".into()),
                    ..State::default()
                },
                "domain-healthy-lives.html",
            ),
            (
                State {
                    view: View::About,
                    ..State::default()
                },
                "about.html",
            ),
            (
                State {
                    view: View::Map,
                    ..State::default()
                },
                "map.html",
            ),
            (
                State {
                    view: View::Map,
                    indicator: Some("census-health".into()),
                    level: Some(Level::Locality),
                    lang: Lang::Bn,
                    ..State::default()
                },
                "map-census-health.locality.bn.html",
            ),
        ];
        for (state, file) in cases {
            assert_eq!(page_file(&state).as_deref(), Some(file), "{state:?}");
            assert_eq!(parse_address(file, "").state, state, "{file}");
        }
    }

    #[test]
    fn other_choices_have_no_file() {
        let with_period = State {
            period: Some("2023/24".into()),
            ..indicator("91547", None, Lang::En)
        };
        let embedded = State {
            embed: true,
            ..indicator("91547", None, Lang::En)
        };
        let dotted = indicator("a.b", None, Lang::En);
        let two_areas = State {
            view: View::Area,
            areas: vec!["E05009317".into(), "E05009318".into()],
            ..State::default()
        };
        // The view's own page opens on its first indicator, whose levels may differ.
        let level_alone = State {
            view: View::Map,
            level: Some(Level::Ward),
            ..State::default()
        };
        for state in [with_period, embedded, dotted, two_areas, level_alone] {
            assert_eq!(page_file(&state), None, "{state:?}");
        }
    }

    #[test]
    fn a_query_adds_to_the_page_and_an_old_link_stands_alone() {
        let parsed = parse_address("indicator-91547.pcn.html", "?period=2020&sort=value");
        assert_eq!(
            parsed.state,
            State {
                period: Some("2020".into()),
                sort: Sort::Value,
                ..indicator("91547", Some(Level::Pcn), Lang::En)
            }
        );
        let old = parse_address("about.html", "?view=indicator&indicator=93085");
        assert_eq!(old.state, indicator("93085", None, Lang::En));
        let bengali = parse_address("about.html", "?lang=bn");
        assert_eq!(bengali.state.lang, Lang::Bn);
        assert_eq!(bengali.state.view, View::About);
    }

    #[test]
    fn names_that_are_not_built_pages_say_nothing() {
        for file in [
            "explorer.html",
            "indicator-.html",
            "about.ward.html",
            "map.ward.html",
            "index-x.html",
            "indicator-91547.en.html",
            "about.bn.bn.html",
            "notes.txt",
        ] {
            assert_eq!(parse_address(file, "").state, State::default(), "{file}");
        }
        assert_eq!(
            parse_address("explorer.html", "?view=about").state.view,
            View::About
        );
    }

    proptest! {
        #[test]
        fn every_file_reads_back_as_its_state(
            view in prop::sample::select(vec![View::Overview, View::Indicator, View::Map, View::Locality, View::Area, View::About]),
            subject in prop::option::of("[A-Za-z0-9][A-Za-z0-9-]{0,12}"),
            level in prop::option::of(prop::sample::select(vec![Level::Locality, Level::Pcn, Level::Ward, Level::Borough])),
            bengali in any::<bool>(),
        ) {
            let mut state = State { view, level, lang: if bengali { Lang::Bn } else { Lang::En }, ..State::default() };
            match view {
                View::Indicator | View::Map => state.indicator = subject,
                View::Locality | View::Area => state.areas = subject.into_iter().collect(),
                View::Overview => state.domain = subject,
                _ => {}
            }
            if let Some(file) = page_file(&state) {
                prop_assert_eq!(parse_address(&file, "").state, state);
            }
        }
    }
}
