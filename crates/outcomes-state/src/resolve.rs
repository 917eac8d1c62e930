//! What a link shows, decided once against the published data: which indicator, at which
//! level, from which shard, for which period, and every part of the link that could not be
//! honoured. The app's pages, the data tool's first views and (later) the built pages all
//! call these functions, so a link means the same thing wherever it is opened.
//!
//! Resolution has two steps because the periods an indicator has at a level are in its
//! shard, not in the manifest: [`resolve`] needs the manifest alone and names the shard to
//! load; [`resolve_period`] then chooses the period among those the shard has.

use outcomes_core::model::{AreaLevel, BoundaryFile, IndicatorMeta, Manifest};

use crate::{Level, Parsed, Problem, State, View};

/// The indicator an indicator link that names none shows: QOF smoking prevalence.
pub const DEFAULT_INDICATOR: &str = "91547";

/// The levels the map can draw, where the manifest has their boundaries, in the order the
/// map offers them.
pub const MAP_LEVELS: [AreaLevel; 2] = [AreaLevel::Locality, AreaLevel::Ward];

/// A part of a link the view could not honour, and what is shown instead. The app words each
/// in the person's language.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkProblem {
    /// A parameter the codec could not read (its default stands).
    Parameter(Problem),
    /// No published indicator has the id `asked`; `shown` is the one shown instead, if any.
    UnknownIndicator {
        asked: String,
        shown: Option<String>,
    },
    /// The map cannot draw the indicator `asked` (no figures at a level it has outlines for).
    NotMappable { asked: String },
    /// The indicator has no figures at the level asked for; `shown` is shown instead.
    LevelUnavailable { asked: AreaLevel, shown: AreaLevel },
    /// The indicator has no figures for the period asked for at this level; `shown` (the
    /// latest it has) is shown instead.
    PeriodUnavailable { asked: String, shown: String },
    /// The overview was asked for a domain the framework does not have; all are shown.
    UnknownDomain { asked: String },
    /// A locality profile was asked for an area that is not a locality; `shown` is shown.
    UnknownLocality {
        asked: String,
        shown: Option<String>,
    },
    /// A ward's page was asked for an area that is not a ward; the list of wards is shown.
    UnknownWard { asked: String },
}

/// Why the period shown is not the latest, when the link named none.
#[derive(Debug, Clone, PartialEq)]
pub enum PeriodNote {
    /// The latest period has nothing to compare its areas with (no figure for the level's
    /// benchmark), so `shown`, the latest that has, is shown; `latest` is one choice away.
    LatestNotCompared { latest: String, shown: String },
}

/// What a link resolves to against the manifest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resolved {
    /// The state with the view's defaults written in: the indicator and level actually shown.
    /// Its period is the one asked for until [`resolve_period`] has checked it.
    pub state: State,
    /// The indicator shown, on the views that show one.
    pub indicator: Option<IndicatorMeta>,
    /// The levels the view can offer for that indicator.
    pub levels: Vec<AreaLevel>,
    /// The level shown, where there is one.
    pub level: Option<AreaLevel>,
    /// The area a locality profile or a ward's page shows, where there is one.
    pub area: Option<String>,
    /// Every part of the link that could not be honoured, the codec's first.
    pub problems: Vec<LinkProblem>,
    /// Why the period shown is not the latest, where [`resolve_period`] chose another.
    pub period_note: Option<PeriodNote>,
}

impl Resolved {
    /// The shard to load, relative to the data folder, where the view shows an indicator's
    /// figures at a level.
    pub fn shard_path(&self) -> Option<String> {
        Some(self.indicator.as_ref()?.shard_path(self.level?))
    }

    /// The outlines a map draws its figures on: the boundary file of the level shown.
    pub fn boundaries<'m>(&self, manifest: &'m Manifest) -> Option<&'m BoundaryFile> {
        if self.state.view != View::Map {
            return None;
        }
        let level = self.level?;
        manifest.boundaries.iter().find(|b| b.level == level)
    }
}

/// Resolves `parsed` (the link as read by the codec) against `manifest`.
pub fn resolve(manifest: &Manifest, parsed: &Parsed) -> Resolved {
    let mut resolved = Resolved {
        state: parsed.state.clone(),
        problems: parsed
            .problems
            .iter()
            .cloned()
            .map(LinkProblem::Parameter)
            .collect(),
        ..Resolved::default()
    };
    match parsed.state.view {
        View::Indicator => {
            let (indicator, problem) = chosen_indicator(manifest, &parsed.state);
            resolved.problems.extend(problem);
            if let Some(indicator) = indicator {
                resolved.levels = indicator.levels.clone();
                resolved.indicator = Some(indicator.clone());
            }
        }
        View::Map => {
            let drawable = drawable_levels(manifest);
            let mappable = mappable_indicators(manifest);
            let asked = parsed.state.indicator.as_deref();
            let found = asked.and_then(|id| mappable.iter().find(|i| i.id == id));
            // Without a choice, the first indicator with ward figures.
            let indicator = found.or_else(|| {
                mappable
                    .iter()
                    .find(|i| i.levels.contains(&AreaLevel::Ward))
                    .or(mappable.first())
            });
            if let (Some(asked), None) = (asked, found) {
                resolved.problems.push(LinkProblem::NotMappable {
                    asked: asked.to_string(),
                });
            }
            if let Some(indicator) = indicator {
                resolved.levels = map_levels(indicator, &drawable);
                resolved.indicator = Some((*indicator).clone());
            }
        }
        View::Overview => {
            if let Some(asked) = &parsed.state.domain {
                if !manifest.framework.domains.iter().any(|d| &d.id == asked) {
                    resolved.problems.push(LinkProblem::UnknownDomain {
                        asked: asked.clone(),
                    });
                    resolved.state.domain = None;
                }
            }
            return resolved;
        }
        View::Locality => {
            let asked = parsed.state.areas.first();
            let is_locality = |code: &String| {
                manifest
                    .area(code)
                    .is_some_and(|a| a.level == AreaLevel::Locality)
            };
            let shown = match asked {
                Some(code) if is_locality(code) => Some(code.clone()),
                _ => {
                    let first = manifest
                        .areas_at(AreaLevel::Locality)
                        .next()
                        .map(|a| a.code.clone());
                    if let Some(asked) = asked {
                        resolved.problems.push(LinkProblem::UnknownLocality {
                            asked: asked.clone(),
                            shown: first.clone(),
                        });
                    }
                    first
                }
            };
            resolved.state.areas = shown.iter().cloned().collect();
            resolved.area = shown;
            return resolved;
        }
        View::Area => {
            if let Some(asked) = parsed.state.areas.first() {
                if manifest
                    .area(asked)
                    .is_some_and(|a| a.level == AreaLevel::Ward)
                {
                    resolved.area = Some(asked.clone());
                    resolved.state.areas = vec![asked.clone()];
                } else {
                    resolved.problems.push(LinkProblem::UnknownWard {
                        asked: asked.clone(),
                    });
                    resolved.state.areas.clear();
                }
            }
            return resolved;
        }
        _ => return resolved,
    }
    let (level, problem) = shown_level(&resolved.levels, parsed.state.level);
    resolved.problems.extend(problem);
    resolved.level = level;
    resolved.state.indicator = resolved.indicator.as_ref().map(|i| i.id.clone());
    resolved.state.level = level.and_then(url_level);
    resolved
}

/// The period shown among `periods` (oldest first, those with values at the resolved level):
/// the one `resolved` asks for where there is one; otherwise the latest for which
/// `compared(period)` (the level's benchmark has a figure), with a note when that is not the
/// latest of all, or the latest where none is compared; with a problem when the link asked
/// for a period there is none of. Writes it into `resolved.state`; None where there is no
/// period to show.
pub fn resolve_period(
    resolved: &mut Resolved,
    periods: &[String],
    compared: impl Fn(&str) -> bool,
) -> Option<String> {
    let latest = periods.last()?.clone();
    resolved.period_note = None;
    let asked = resolved.state.period.take();
    if let Some(asked) = asked.as_ref().filter(|p| periods.contains(p)) {
        resolved.state.period = Some(asked.clone());
        return Some(asked.clone());
    }
    let period = match periods.iter().rev().find(|p| compared(p)) {
        Some(shown) if *shown != latest => {
            resolved.period_note = Some(PeriodNote::LatestNotCompared {
                latest: latest.clone(),
                shown: shown.clone(),
            });
            shown.clone()
        }
        _ => latest,
    };
    if let Some(asked) = asked {
        resolved.problems.push(LinkProblem::PeriodUnavailable {
            asked,
            shown: period.clone(),
        });
    }
    resolved.state.period = Some(period.clone());
    Some(period)
}

/// The indicator the link names, or the default with a problem saying why.
fn chosen_indicator<'m>(
    manifest: &'m Manifest,
    state: &State,
) -> (Option<&'m IndicatorMeta>, Option<LinkProblem>) {
    let default = || {
        manifest
            .indicator(DEFAULT_INDICATOR)
            .or(manifest.indicators.first())
    };
    match state.indicator.as_deref() {
        None => (default(), None),
        Some(asked) => match manifest.indicator(asked) {
            Some(found) => (Some(found), None),
            None => {
                let shown = default();
                let problem = LinkProblem::UnknownIndicator {
                    asked: asked.to_string(),
                    shown: shown.map(|i| i.id.clone()),
                };
                (shown, Some(problem))
            }
        },
    }
}

/// The level shown among `levels`: the one asked for where it is one of them, otherwise
/// localities where they are, otherwise the first, with a problem when the link asked for a
/// level it cannot have.
fn shown_level(
    levels: &[AreaLevel],
    asked: Option<Level>,
) -> (Option<AreaLevel>, Option<LinkProblem>) {
    let asked = asked.map(area_level);
    if let Some(asked) = asked.filter(|l| levels.contains(l)) {
        return (Some(asked), None);
    }
    let shown = if levels.contains(&AreaLevel::Locality) {
        AreaLevel::Locality
    } else {
        match levels.first() {
            Some(first) => *first,
            None => return (None, None),
        }
    };
    let problem = asked.map(|asked| LinkProblem::LevelUnavailable { asked, shown });
    (Some(shown), problem)
}

/// The levels the map can draw with this manifest: those of [`MAP_LEVELS`] it has
/// boundaries for.
pub fn drawable_levels(manifest: &Manifest) -> Vec<AreaLevel> {
    MAP_LEVELS
        .into_iter()
        .filter(|l| manifest.boundaries.iter().any(|b| b.level == *l))
        .collect()
}

/// The indicators the map can draw, in the manifest's order.
pub fn mappable_indicators(manifest: &Manifest) -> Vec<&IndicatorMeta> {
    let drawable = drawable_levels(manifest);
    manifest
        .indicators
        .iter()
        .filter(|i| !map_levels(i, &drawable).is_empty())
        .collect()
}

/// The levels the map can draw `indicator` at, among the `drawable` ones.
pub fn map_levels(indicator: &IndicatorMeta, drawable: &[AreaLevel]) -> Vec<AreaLevel> {
    MAP_LEVELS
        .into_iter()
        .filter(|l| drawable.contains(l) && indicator.levels.contains(l))
        .collect()
}

/// The published area level a URL level stands for.
pub fn area_level(level: Level) -> AreaLevel {
    match level {
        Level::Locality => AreaLevel::Locality,
        Level::Pcn => AreaLevel::Pcn,
        Level::Ward => AreaLevel::Ward,
        Level::Borough => AreaLevel::Borough,
    }
}

/// The URL level for a published area level, where there is one.
pub fn url_level(level: AreaLevel) -> Option<Level> {
    match level {
        AreaLevel::Locality => Some(Level::Locality),
        AreaLevel::Pcn => Some(Level::Pcn),
        AreaLevel::Ward => Some(Level::Ward),
        AreaLevel::Borough => Some(Level::Borough),
        _ => None,
    }
}
