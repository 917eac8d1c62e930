//! State ↔ query string. Modelled on OWID's grapher: every parameter parses to valid,
//! invalid (with the raw value and a reason) or missing, and only non-default parameters are
//! written, so links stay short and a later change of defaults changes unpinned links only.

use crate::state::{Lang, Sort, State, View, Word};

/// A parameter that could not be used, kept so the page can say what it ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    /// The text as it arrived (decoded), cut to a readable length.
    pub raw: String,
    pub reason: Reason,
}

/// Why a parameter could not be used. The app words it in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The parameter appeared again; the first was used.
    Repeated,
    /// Not a parameter the explorer has.
    UnknownSetting,
    /// Not one of the words this parameter takes, which are listed.
    ExpectedOneOf(String),
    /// `embed` takes 1 or 0.
    ExpectedOneOrZero,
    /// Not a short code of letters, digits, `-`, `_` or `.`.
    ExpectedCode,
    /// Not a period such as 2023/24.
    ExpectedPeriod,
    /// Not area codes separated by commas.
    ExpectedAreaCodes,
    /// More areas than one view can show; the limit is given.
    TooManyAreas(usize),
}

/// The state a query string describes, and what in it had to be ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub state: State,
    pub problems: Vec<Problem>,
}

/// Longest raw value kept in a problem: enough to recognise, never a wall of text.
const RAW_SHOWN: usize = 40;
/// Most areas one link may choose; more is not a view anyone can read.
const MAX_AREAS: usize = 50;

/// Parses a query string, with or without its leading `?`. Never fails: anything unusable
/// becomes a `Problem` and the default stands.
pub fn parse(query: &str) -> Parsed {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut parsed = Parsed::default();
    let mut seen: Vec<String> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let (key, value) = (key.into_owned(), value.into_owned());
        if key.is_empty() && value.is_empty() {
            continue;
        }
        if seen.contains(&key) {
            parsed.problem(&key, &value, Reason::Repeated);
            continue;
        }
        seen.push(key.clone());
        parsed.apply(&key, &value);
    }
    parsed
}

impl Parsed {
    fn problem(&mut self, key: &str, raw: &str, reason: Reason) {
        let mut shown: String = raw.chars().take(RAW_SHOWN).collect();
        if raw.chars().count() > RAW_SHOWN {
            shown.push('…');
        }
        self.problems.push(Problem {
            key: key.chars().take(RAW_SHOWN).collect(),
            raw: shown,
            reason,
        });
    }

    fn apply(&mut self, key: &str, value: &str) {
        let state = &mut self.state;
        let outcome: Result<(), Reason> = match key {
            "view" => word(value).map(|v| state.view = v),
            "domain" => id(value).map(|v| state.domain = Some(v)),
            "statement" => id(value).map(|v| state.statement = Some(v)),
            "indicator" => id(value).map(|v| state.indicator = Some(v)),
            "level" => word(value).map(|v| state.level = Some(v)),
            "areas" => areas(value).map(|v| state.areas = v),
            "period" => period(value).map(|v| state.period = Some(v)),
            "sort" => word(value).map(|v| state.sort = v),
            "lang" => word(value).map(|v| state.lang = v),
            "embed" => match value {
                "1" => {
                    state.embed = true;
                    Ok(())
                }
                "0" => Ok(()),
                _ => Err(Reason::ExpectedOneOrZero),
            },
            _ => Err(Reason::UnknownSetting),
        };
        if let Err(reason) = outcome {
            self.problem(key, value, reason);
        }
    }
}

fn word<T: Word>(value: &str) -> Result<T, Reason> {
    T::from_word(value).ok_or_else(|| Reason::ExpectedOneOf(T::choices()))
}

/// Ids and codes: letters, digits, `-`, `_` and `.`, at most 64 characters. Nothing else can
/// reach the page from a link, so no markup or script can ride in on one.
fn id(value: &str) -> Result<String, Reason> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(value.to_string())
    } else {
        Err(Reason::ExpectedCode)
    }
}

/// Periods as sources write them: `2023/24`, `2020`, `2019-20`.
fn period(value: &str) -> Result<String, Reason> {
    let ok = !value.is_empty()
        && value.len() <= 16
        && value.starts_with(|c: char| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | ' '));
    if ok {
        Ok(value.to_string())
    } else {
        Err(Reason::ExpectedPeriod)
    }
}

fn areas(value: &str) -> Result<Vec<String>, Reason> {
    let codes: Vec<String> = value
        .split(',')
        .map(id)
        .collect::<Result<_, _>>()
        .map_err(|_| Reason::ExpectedAreaCodes)?;
    if codes.len() > MAX_AREAS {
        return Err(Reason::TooManyAreas(MAX_AREAS));
    }
    let mut unique: Vec<String> = Vec::with_capacity(codes.len());
    for code in codes {
        if !unique.contains(&code) {
            unique.push(code);
        }
    }
    Ok(unique)
}

/// The query string for `state` (with its `?`, or empty for the default view), writing only
/// what differs from the defaults.
pub fn write(state: &State) -> String {
    encode(state, false)
}

/// The query string for `state` with every parameter written, defaults included, so that a
/// published embed never changes when a default does. Options left to the app (`None`) are
/// for the caller to fill in before pinning.
pub fn write_pinned(state: &State) -> String {
    encode(state, true)
}

fn encode(state: &State, pinned: bool) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    let put_word =
        |out: &mut form_urlencoded::Serializer<String>, key, value: &str, default: &str| {
            if pinned || value != default {
                out.append_pair(key, value);
            }
        };
    put_word(
        &mut out,
        "view",
        state.view.as_str(),
        View::default().as_str(),
    );
    for (key, value) in [
        ("domain", &state.domain),
        ("statement", &state.statement),
        ("indicator", &state.indicator),
    ] {
        if let Some(value) = value {
            out.append_pair(key, value);
        }
    }
    if let Some(level) = state.level {
        out.append_pair("level", level.as_str());
    }
    if !state.areas.is_empty() {
        out.append_pair("areas", &state.areas.join(","));
    }
    if let Some(period) = &state.period {
        out.append_pair("period", period);
    }
    put_word(
        &mut out,
        "sort",
        state.sort.as_str(),
        Sort::default().as_str(),
    );
    put_word(
        &mut out,
        "lang",
        state.lang.as_str(),
        Lang::default().as_str(),
    );
    if state.embed {
        out.append_pair("embed", "1");
    }
    let query = out.finish();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Level;
    use proptest::prelude::*;

    #[test]
    fn the_default_view_is_the_empty_query() {
        assert_eq!(write(&State::default()), "");
        assert_eq!(parse(""), Parsed::default());
        assert_eq!(parse("?"), Parsed::default());
    }

    #[test]
    fn only_choices_that_differ_from_the_default_are_written() {
        let state = State {
            view: View::Indicator,
            indicator: Some("91547".into()),
            level: Some(Level::Pcn),
            lang: Lang::Bn,
            ..State::default()
        };
        assert_eq!(
            write(&state),
            "?view=indicator&indicator=91547&level=pcn&lang=bn"
        );
    }

    #[test]
    fn pinned_links_carry_every_setting() {
        let state = State {
            view: View::Indicator,
            indicator: Some("91547".into()),
            level: Some(Level::Locality),
            period: Some("2023/24".into()),
            embed: true,
            ..State::default()
        };
        assert_eq!(
            write_pinned(&state),
            "?view=indicator&indicator=91547&level=locality&period=2023%2F24&sort=area&lang=en&embed=1"
        );
        assert_eq!(parse(&write_pinned(&state)).state, state);
    }

    #[test]
    fn the_index_of_indicators_is_a_view_of_its_own() {
        let state = State {
            view: View::Indicators,
            ..State::default()
        };
        assert_eq!(write(&state), "?view=indicators");
        let parsed = parse("?view=indicators&lang=bn");
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.state.view, View::Indicators);
        assert_eq!(parsed.state.lang, Lang::Bn);
        // The one indicator's view keeps its word: links shared before the index still work.
        assert_eq!(parse("view=indicator").state.view, View::Indicator);
    }

    #[test]
    fn an_overview_narrowed_to_one_domain_is_a_link() {
        let state = State {
            domain: Some("healthy-lives".into()),
            ..State::default()
        };
        assert_eq!(write(&state), "?domain=healthy-lives");
        assert_eq!(parse("?view=overview&domain=healthy-lives").state, state);
    }

    #[test]
    fn a_healthwatch_link_reopens_the_same_view() {
        let parsed = parse(
            "?view=indicator&indicator=93759&level=borough&sort=value&areas=E09000030,E12000007",
        );
        assert!(parsed.problems.is_empty());
        assert_eq!(parsed.state.view, View::Indicator);
        assert_eq!(parsed.state.level, Some(Level::Borough));
        assert_eq!(parsed.state.sort, Sort::Value);
        assert_eq!(parsed.state.areas, ["E09000030", "E12000007"]);
    }

    #[test]
    fn bad_values_fall_back_and_are_reported() {
        let parsed = parse("view=chart&level=galaxy&lang=fr&embed=yes&sort=value");
        assert_eq!(parsed.state.view, View::Overview);
        assert_eq!(parsed.state.level, None);
        assert_eq!(parsed.state.lang, Lang::En);
        assert!(!parsed.state.embed);
        // Good parameters beside bad ones still count.
        assert_eq!(parsed.state.sort, Sort::Value);
        let keys: Vec<&str> = parsed.problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["view", "level", "lang", "embed"]);
        assert_eq!(parsed.problems[0].raw, "chart");
        match &parsed.problems[0].reason {
            Reason::ExpectedOneOf(words) => assert!(words.contains("overview"), "{words}"),
            other => panic!("expected the list of views, got {other:?}"),
        }
        assert_eq!(parsed.problems[3].reason, Reason::ExpectedOneOrZero);
    }

    #[test]
    fn unknown_and_repeated_keys_are_reported() {
        let parsed = parse("utm_source=x&view=map&view=about");
        assert_eq!(parsed.state.view, View::Map);
        assert_eq!(parsed.problems.len(), 2);
        assert_eq!(parsed.problems[0].key, "utm_source");
        assert_eq!(parsed.problems[0].reason, Reason::UnknownSetting);
        assert_eq!(parsed.problems[1].reason, Reason::Repeated);
    }

    #[test]
    fn markup_and_broken_encoding_never_become_state() {
        let parsed = parse("indicator=%3Cscript%3Ealert(1)%3C/script%3E&domain=%zz&areas=a,<b>");
        assert_eq!(parsed.state.indicator, None);
        assert_eq!(parsed.state.domain, None);
        assert!(parsed.state.areas.is_empty());
        assert_eq!(parsed.problems.len(), 3);
        assert_eq!(parsed.problems[0].raw, "<script>alert(1)</script>");
    }

    #[test]
    fn long_values_are_cut_in_the_report() {
        let long = "x".repeat(500);
        let parsed = parse(&format!("indicator={long}"));
        assert_eq!(parsed.problems[0].raw.chars().count(), RAW_SHOWN + 1);
    }

    fn code() -> impl Strategy<Value = String> {
        "[A-Za-z0-9._-]{1,12}"
    }

    fn state() -> impl Strategy<Value = State> {
        (
            (
                prop::sample::select(View::ALL.iter().map(|(v, _)| *v).collect::<Vec<_>>()),
                prop::option::of(code()),
                prop::option::of(code()),
                prop::option::of(code()),
                prop::option::of(prop::sample::select(
                    Level::ALL.iter().map(|(v, _)| *v).collect::<Vec<_>>(),
                )),
            ),
            (
                prop::collection::btree_set(code(), 0..5),
                prop::option::of("[0-9]{4}(/[0-9]{2})?"),
                prop::sample::select(Sort::ALL.iter().map(|(v, _)| *v).collect::<Vec<_>>()),
                prop::sample::select(Lang::ALL.to_vec()),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(
                    (view, domain, statement, indicator, level),
                    (areas, period, sort, lang, embed),
                )| State {
                    view,
                    domain,
                    statement,
                    indicator,
                    level,
                    areas: areas.into_iter().collect(),
                    period,
                    sort,
                    lang,
                    embed,
                },
            )
    }

    proptest! {
        #[test]
        fn parse_inverts_write(state in state()) {
            let parsed = parse(&write(&state));
            prop_assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
            prop_assert_eq!(&parsed.state, &state);
            prop_assert_eq!(parse(&write_pinned(&state)).state, state);
        }

        #[test]
        fn any_query_parses_without_panicking(query in ".{0,300}") {
            let parsed = parse(&query);
            // Whatever came in, what comes out writes and re-reads cleanly.
            prop_assert_eq!(parse(&write(&parsed.state)).state, parsed.state);
        }

        #[test]
        fn any_bytes_as_percent_encoding_parse(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let query: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
            let parsed = parse(&format!("indicator={query}&{query}={query}"));
            prop_assert_eq!(parse(&write(&parsed.state)).state, parsed.state);
        }
    }
}
