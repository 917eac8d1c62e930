//! The choices themselves, with their defaults. Names in the URL are short, stable and
//! lower-case; they are part of every link anyone has shared, so they never change meaning.

/// Which page of the explorer is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The five domains and the matrix of indicators by area.
    #[default]
    Overview,
    /// One indicator: bars by area, trend, breakdowns and the table.
    Indicator,
    /// Every indicator, by domain and I statement, with the levels each has figures at.
    Indicators,
    /// One locality's indicators against the borough.
    Locality,
    /// Small-area maps.
    Map,
    /// One ward's page, where a place search lands: its figures against the borough, and
    /// the locality and GP networks it belongs to.
    Area,
    /// The health-challenge statistics.
    Challenges,
    /// Sources, methods and licences.
    About,
    /// The accessibility statement.
    Accessibility,
}

/// The level of area an indicator is compared across.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Level {
    #[default]
    Locality,
    Pcn,
    Ward,
    /// London boroughs, for comparing Tower Hamlets with its peers.
    Borough,
}

/// The order of bars and rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The publisher's order (north to south for localities).
    #[default]
    Area,
    /// Highest value first.
    Value,
    /// Alphabetical.
    Name,
}

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    /// Bengali.
    Bn,
}

/// Everything a person has chosen. `None` and empty mean "the default for this view", which
/// the app resolves against the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    pub view: View,
    pub domain: Option<String>,
    pub statement: Option<String>,
    pub indicator: Option<String>,
    /// The level asked for; `None` leaves it to the view (the indicator's default level).
    pub level: Option<Level>,
    /// Area codes chosen for trends, the locality of a locality profile, or the ward of an
    /// area page.
    pub areas: Vec<String>,
    pub period: Option<String>,
    pub sort: Sort,
    pub lang: Lang,
    /// Shows one chart and nothing else, for an iframe.
    pub embed: bool,
}

/// A closed set of choices that each have one word in the URL.
pub(crate) trait Word: Sized + Copy + PartialEq + Default + 'static {
    const ALL: &'static [(Self, &'static str)];

    fn word(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("", |(_, w)| w)
    }

    fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, w)| *w == word).map(|(v, _)| *v)
    }

    fn choices() -> String {
        Self::ALL
            .iter()
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Word for View {
    const ALL: &'static [(Self, &'static str)] = &[
        (View::Overview, "overview"),
        (View::Indicator, "indicator"),
        (View::Indicators, "indicators"),
        (View::Locality, "locality"),
        (View::Map, "map"),
        (View::Area, "area"),
        (View::Challenges, "challenges"),
        (View::About, "about"),
        (View::Accessibility, "accessibility"),
    ];
}

impl Word for Level {
    const ALL: &'static [(Self, &'static str)] = &[
        (Level::Locality, "locality"),
        (Level::Pcn, "pcn"),
        (Level::Ward, "ward"),
        (Level::Borough, "borough"),
    ];
}

impl Word for Sort {
    const ALL: &'static [(Self, &'static str)] = &[
        (Sort::Area, "area"),
        (Sort::Value, "value"),
        (Sort::Name, "name"),
    ];
}

impl Word for Lang {
    const ALL: &'static [(Self, &'static str)] = &[(Lang::En, "en"), (Lang::Bn, "bn")];
}

impl View {
    /// The word for this view in the URL.
    pub fn as_str(self) -> &'static str {
        self.word()
    }
}

impl Level {
    /// The word for this level in the URL.
    pub fn as_str(self) -> &'static str {
        self.word()
    }
}

impl Sort {
    /// The word for this order in the URL.
    pub fn as_str(self) -> &'static str {
        self.word()
    }
}

impl Lang {
    /// Every language the explorer is written in.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Bn];

    /// The BCP 47 tag, as used in the URL and `<html lang>`.
    pub fn as_str(self) -> &'static str {
        self.word()
    }

    /// The language a tag names ([`Lang::as_str`] read back), if the explorer is written in it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::from_word(tag)
    }
}
