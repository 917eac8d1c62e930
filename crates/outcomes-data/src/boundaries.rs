//! `boundaries.toml`: GeoJSON boundaries for the areas of one level. Ward boundaries come from
//! a TopoJSON file, whose shared arcs are simplified once each so that neighbours share
//! their edges exactly, optionally clipped to a land outline; locality boundaries are the
//! unions of their wards, so their outlines lie on ward edges.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use geo::{MultiPolygon, Orient};
use outcomes_core::model::{AreaLevel, BoundaryFile, LookupStatus};
use serde::Deserialize;
use serde_json::Value;
use toml::Spanned;

use crate::areas::Areas;
use crate::error::{Error, Location, Result};
use crate::publisher::LookupDef;
use crate::topology::{self, Pt, Shape};

/// The file name in the publisher folder.
pub const INPUT: &str = "boundaries.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    boundaries: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    level: Spanned<AreaLevel>,
    /// A TopoJSON file in the sources folder.
    #[serde(default)]
    topology: Option<String>,
    /// The TopoJSON object holding the areas.
    #[serde(default)]
    object: Option<String>,
    /// The property holding each area's code.
    #[serde(default)]
    code_property: Option<String>,
    /// Douglas-Peucker tolerance in degrees, applied to each arc once.
    #[serde(default)]
    tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    clip: Option<Clip>,
    /// Instead of a file: the union of the boundaries of this (smaller) level published
    /// above, grouped by each area's parent.
    #[serde(default)]
    union_of: Option<Spanned<AreaLevel>>,
    out: Spanned<String>,
    source: String,
    attribution: String,
}

/// Water narrower than this on average (degrees, about 30 m) is not cut away: see
/// [`topology::water`].
const MIN_WATER_WIDTH: f64 = 0.0003;

/// A land outline to clip to: one feature of a GeoJSON file in the sources folder.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Clip {
    file: String,
    code_property: String,
    code: String,
}

/// One published boundary file: its manifest entry and its GeoJSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    pub file: BoundaryFile,
    pub geojson: Value,
}

/// Reads `boundaries.toml`, if there is one, and builds each file it names, in its order.
/// `lookups` tell which placements of areas are provisional: a union over areas placed by a
/// provisional lookup names that lookup in its manifest entry.
pub fn read(
    publisher: &Path,
    sources: &Path,
    areas: &Areas,
    lookups: &[LookupDef],
) -> Result<Vec<Boundaries>> {
    let path = publisher.join(INPUT);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let at = |offset: usize| Location::at_offset(&path, &text, offset);
    let file: File = toml::from_str(&text).map_err(|e| Error::Toml {
        at: at(e.span().map_or(0, |s| s.start)),
        message: e.message().trim().to_string(),
    })?;
    let mut out = Vec::new();
    // The shapes published so far, by level, for unions.
    let mut built: BTreeMap<AreaLevel, BTreeMap<String, Shape>> = BTreeMap::new();
    for entry in file.boundaries {
        let name = entry.out.get_ref();
        let safe = name.ends_with(".json")
            && name.split('/').all(|s| {
                !s.is_empty()
                    && !s.starts_with('.')
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            });
        if !safe {
            return Err(Error::invalid(
                at(entry.out.span().start),
                "expected a relative .json path such as \"boundaries/wards.json\"",
            ));
        }
        let level = *entry.level.get_ref();
        let (shapes, lookup) = match (&entry.topology, &entry.union_of) {
            (Some(topology), None) => (from_topology(sources, topology, &entry, areas, &at)?, None),
            (None, Some(of)) => {
                let smaller = *of.get_ref();
                let Some(parts) = built.get(&smaller) else {
                    return Err(Error::invalid(
                        at(of.span().start),
                        format!(
                            "no {smaller:?} boundaries are published above this entry; expected \
                             union_of to name the level of an earlier entry"
                        ),
                    ));
                };
                let (shapes, lookup) = unions(parts, level, areas, lookups)
                    .map_err(|m| Error::invalid(at(entry.level.span().start), m))?;
                (shapes, lookup)
            }
            _ => {
                return Err(Error::invalid(
                    at(entry.level.span().start),
                    "expected exactly one of topology (a TopoJSON file in the sources folder) \
                     or union_of (a level published above)",
                ))
            }
        };
        out.push(Boundaries {
            file: BoundaryFile {
                level,
                path: entry.out.into_inner(),
                source: entry.source,
                attribution: entry.attribution,
                lookup,
            },
            geojson: feature_collection(&shapes, level, areas),
        });
        built.insert(level, shapes);
    }
    Ok(out)
}

/// The areas of one level from a TopoJSON file: arcs simplified once, rings rebuilt from them,
/// then clipped to the outline if there is one.
fn from_topology(
    sources: &Path,
    name: &str,
    entry: &Entry,
    areas: &Areas,
    at: &dyn Fn(usize) -> Location,
) -> Result<BTreeMap<String, Shape>> {
    let level = *entry.level.get_ref();
    let here = at(entry.level.span().start);
    let (Some(object), Some(code_property), Some(tolerance)) =
        (&entry.object, &entry.code_property, &entry.tolerance)
    else {
        return Err(Error::invalid(
            here,
            "a topology entry needs object, code_property and tolerance",
        ));
    };
    let degrees = *tolerance.get_ref();
    if !(degrees.is_finite() && degrees >= 0.0) {
        return Err(Error::invalid(
            at(tolerance.span().start),
            "expected a tolerance of zero or more degrees",
        ));
    }
    let path = sources.join(name);
    let topo = topology::read(&path, object, code_property)?;
    let arcs = topology::simplify_arcs(&topo.arcs, degrees);
    let whole = Location::line(&path, 1);
    let mut shapes: BTreeMap<String, Shape> = BTreeMap::new();
    for (i, (code, polygons)) in topo.geometries.iter().enumerate() {
        let fail = |m: String| Error::invalid(whole.clone(), format!("geometry {}: {m}", i + 1));
        if areas.get(code).is_none_or(|a| a.level != level) {
            return Err(fail(format!(
                "unknown area \"{code}\"; expected an area of level {level:?} in areas.csv"
            )));
        }
        let shape = topology::assemble(&arcs, polygons).map_err(|p| {
            fail(format!(
                "polygon {} of {code} vanishes at tolerance {degrees}; expected a smaller \
                 tolerance",
                p + 1
            ))
        })?;
        if shapes.insert(code.clone(), shape).is_some() {
            return Err(fail(format!("area {code} has a second geometry")));
        }
    }
    if let Some(missing) = areas
        .list()
        .iter()
        .find(|a| a.level == level && !shapes.contains_key(&a.code))
    {
        return Err(Error::invalid(
            whole,
            format!("no geometry for area {} ({})", missing.code, missing.name),
        ));
    }
    if let Some(clip) = &entry.clip {
        let outline_path = sources.join(&clip.file);
        let outline = read_outline(&outline_path, clip)?;
        // The river bank is simplified like the arcs, or it would carry more detail than
        // every other edge.
        let outline_shape: Shape = outline
            .iter()
            .map(|polygon| {
                let rings: Vec<_> = std::iter::once(polygon.exterior())
                    .chain(polygon.interiors())
                    .cloned()
                    .collect();
                topology::simplify_arcs(&rings, degrees)
                    .into_iter()
                    .filter(|ring| ring.len() >= 4)
                    .collect()
            })
            .filter(|rings: &Vec<_>| !rings.is_empty())
            .collect();
        let outline = topology::to_geo(&outline_shape);
        // In areas.csv order throughout, so that nothing depends on the file's order.
        let ordered: Vec<&Shape> = areas
            .list()
            .iter()
            .filter_map(|a| shapes.get(&a.code))
            .collect();
        let water = topology::water(&ordered, &outline, MIN_WATER_WIDTH);
        let mut known: BTreeSet<Pt> = topology::vertices(shapes.values());
        known.extend(topology::vertices([&outline_shape]));
        let mut crossings = BTreeMap::new();
        for area in areas.list().iter().filter(|a| a.level == level) {
            if let Some(shape) = shapes.get_mut(&area.code) {
                *shape = topology::cut(shape, &water, &known, &mut crossings);
                if shape.is_empty() {
                    return Err(Error::invalid(
                        Location::line(&outline_path, 1),
                        format!(
                            "area {} lies outside the outline {}; expected it to overlap",
                            area.code, clip.code
                        ),
                    ));
                }
            }
        }
    }
    Ok(shapes)
}

/// One feature of a GeoJSON file, as polygons.
fn read_outline(path: &Path, clip: &Clip) -> Result<MultiPolygon<f64>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let whole = || Location::line(path, 1);
    let collection: geojson::FeatureCollection = text
        .parse::<geojson::GeoJson>()
        .and_then(geojson::FeatureCollection::try_from)
        .map_err(|e| {
            Error::invalid(
                whole(),
                format!("{e}; expected a GeoJSON FeatureCollection"),
            )
        })?;
    let feature = collection
        .features
        .into_iter()
        .find(|f| {
            f.property(&clip.code_property).and_then(Value::as_str) == Some(clip.code.as_str())
        })
        .ok_or_else(|| {
            Error::invalid(
                whole(),
                format!(
                    "no feature with {} = \"{}\"; expected the outline to clip to",
                    clip.code_property, clip.code
                ),
            )
        })?;
    let value = feature
        .geometry
        .map(|g| g.value)
        .ok_or_else(|| Error::invalid(whole(), format!("{}: expected a geometry", clip.code)))?;
    match value {
        geojson::Value::Polygon(_) => geo::Polygon::try_from(value).map(MultiPolygon::from),
        _ => MultiPolygon::try_from(value),
    }
    .map_err(|e| {
        Error::invalid(
            whole(),
            format!("{}: {e}; expected a Polygon or MultiPolygon", clip.code),
        )
    })
}

/// Each area of `level` as the union of the smaller areas whose parent it is. Fails when an
/// area of `level` would have no parts, or a part has no parent at `level`. Names the one
/// provisional lookup, if any, that placed the parts.
fn unions(
    parts: &BTreeMap<String, Shape>,
    level: AreaLevel,
    areas: &Areas,
    lookups: &[LookupDef],
) -> std::result::Result<(BTreeMap<String, Shape>, Option<String>), String> {
    let known = topology::vertices(parts.values());
    let mut groups: BTreeMap<&str, Vec<&Shape>> = BTreeMap::new();
    let mut placed_by = BTreeSet::new();
    for area in areas.list() {
        let Some(shape) = parts.get(&area.code) else {
            continue;
        };
        let Some(parent) = areas.ancestors(&area.code).find(|a| a.level == level) else {
            return Err(format!(
                "area {} has no parent of level {level:?}; expected every part in one",
                area.code
            ));
        };
        if let Some(id) = &area.lookup {
            placed_by.insert(id.clone());
        }
        groups.entry(parent.code.as_str()).or_default().push(shape);
    }
    let mut shapes = BTreeMap::new();
    for area in areas.list().iter().filter(|a| a.level == level) {
        let Some(group) = groups.get(area.code.as_str()) else {
            return Err(format!(
                "area {} ({}) has no parts; expected each area of level {level:?} to contain some",
                area.code, area.name
            ));
        };
        shapes.insert(area.code.clone(), topology::union(group, &known));
    }
    let provisional: Vec<String> = placed_by
        .into_iter()
        .filter(|id| {
            lookups
                .iter()
                .any(|l| &l.lookup.id == id && l.lookup.status == LookupStatus::Provisional)
        })
        .collect();
    Ok((shapes, provisional.into_iter().next()))
}

/// The published GeoJSON: one feature per area of `level`, in areas.csv order, with `code` and
/// `name` from areas.csv; a Polygon for one part, a MultiPolygon for several.
fn feature_collection(shapes: &BTreeMap<String, Shape>, level: AreaLevel, areas: &Areas) -> Value {
    let features = areas
        .list()
        .iter()
        .filter(|a| a.level == level)
        .filter_map(|area| {
            // GeoJSON (RFC 7946) orientation: outer rings anticlockwise. TopoJSON's are not.
            let polygons =
                topology::to_geo(shapes.get(&area.code)?).orient(geo::orient::Direction::Default);
            let value = match polygons.0.as_slice() {
                [one] => geojson::Value::from(one),
                _ => geojson::Value::from(&polygons),
            };
            let mut properties = serde_json::Map::new();
            properties.insert("code".into(), Value::from(area.code.clone()));
            properties.insert("name".into(), Value::from(area.name.clone()));
            Some(geojson::Feature {
                bbox: None,
                geometry: Some(geojson::Geometry::new(value)),
                id: None,
                properties: Some(properties),
                foreign_members: None,
            })
        })
        .collect();
    let collection = geojson::FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    Value::Object(serde_json::Map::from(&collection))
}
