//! `boundaries.toml`: simplified GeoJSON boundaries for the areas of one level, from a
//! GeoJSON file in the sources folder.

use std::collections::BTreeMap;
use std::path::Path;

use outcomes_core::model::{AreaLevel, BoundaryFile};
use serde::Deserialize;
use serde_json::{json, Value};
use toml::Spanned;

use crate::areas::Areas;
use crate::error::{Error, Location, Result};

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
    level: AreaLevel,
    file: String,
    code_property: String,
    out: Spanned<String>,
    tolerance: Spanned<f64>,
    source: String,
    attribution: String,
}

/// One published boundary file: its manifest entry and its GeoJSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    pub file: BoundaryFile,
    pub geojson: Value,
}

/// Reads `boundaries.toml`, if there is one, and simplifies each file it names.
pub fn read(publisher: &Path, sources: &Path, areas: &Areas) -> Result<Vec<Boundaries>> {
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
    for entry in file.boundaries {
        let tolerance = *entry.tolerance.get_ref();
        if !(tolerance.is_finite() && tolerance >= 0.0) {
            return Err(Error::invalid(
                at(entry.tolerance.span().start),
                "expected a tolerance of zero or more degrees",
            ));
        }
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
        let geojson = simplify_file(&sources.join(&entry.file), &entry, areas)?;
        out.push(Boundaries {
            file: BoundaryFile {
                level: entry.level,
                path: entry.out.into_inner(),
                source: entry.source,
                attribution: entry.attribution,
            },
            geojson,
        });
    }
    Ok(out)
}

fn simplify_file(path: &Path, entry: &Entry, areas: &Areas) -> Result<Value> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let bad = |line: usize, column: usize, message: String| Error::Invalid {
        at: Location {
            file: path.to_path_buf(),
            line: line as u64,
            column: crate::error::Column::Number(column),
        },
        message,
    };
    let doc: Value = serde_json::from_str(&text)
        .map_err(|e| bad(e.line(), e.column(), format!("{e}; expected GeoJSON")))?;
    let features = doc
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| bad(1, 1, "expected a GeoJSON FeatureCollection".into()))?;
    let mut by_code: BTreeMap<String, Value> = BTreeMap::new();
    for (i, feature) in features.iter().enumerate() {
        let feature_error = |m: String| bad(1, 1, format!("feature {}: {m}", i + 1));
        let code = feature
            .pointer(&format!("/properties/{}", entry.code_property))
            .and_then(Value::as_str)
            .ok_or_else(|| {
                feature_error(format!(
                    "expected a text property \"{}\"",
                    entry.code_property
                ))
            })?;
        let area = areas
            .get(code)
            .filter(|a| a.level == entry.level)
            .ok_or_else(|| {
                feature_error(format!(
                    "unknown area \"{code}\"; expected an area of level {:?} in areas.csv",
                    entry.level
                ))
            })?;
        let geometry = feature
            .get("geometry")
            .ok_or_else(|| feature_error("expected a geometry".into()))?;
        let simplified = simplify_geometry(geometry, *entry.tolerance.get_ref())
            .ok_or_else(|| feature_error("expected a Polygon or MultiPolygon".into()))?;
        let published = json!({
            "type": "Feature",
            "properties": { "code": area.code, "name": area.name },
            "geometry": simplified,
        });
        if by_code.insert(code.to_string(), published).is_some() {
            return Err(feature_error(format!("area {code} has a second feature")));
        }
    }
    if let Some(missing) = areas
        .list()
        .iter()
        .find(|a| a.level == entry.level && !by_code.contains_key(&a.code))
    {
        return Err(bad(
            1,
            1,
            format!("no feature for area {} ({})", missing.code, missing.name),
        ));
    }
    // In the order of areas.csv.
    let ordered: Vec<Value> = areas
        .list()
        .iter()
        .filter_map(|a| by_code.remove(&a.code))
        .collect();
    Ok(json!({ "type": "FeatureCollection", "features": ordered }))
}

type Ring = Vec<[f64; 2]>;

fn simplify_geometry(geometry: &Value, tolerance: f64) -> Option<Value> {
    let kind = geometry.get("type")?.as_str()?;
    let coordinates = geometry.get("coordinates")?;
    match kind {
        "Polygon" => {
            let rings = polygon(coordinates, tolerance)?;
            Some(json!({ "type": "Polygon", "coordinates": rings }))
        }
        "MultiPolygon" => {
            let polygons = coordinates
                .as_array()?
                .iter()
                .map(|p| polygon(p, tolerance))
                .collect::<Option<Vec<_>>>()?;
            Some(json!({ "type": "MultiPolygon", "coordinates": polygons }))
        }
        _ => None,
    }
}

fn polygon(value: &Value, tolerance: f64) -> Option<Vec<Ring>> {
    let rings = value
        .as_array()?
        .iter()
        .map(|ring| {
            let points = ring
                .as_array()?
                .iter()
                .map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
                .collect::<Option<Ring>>()?;
            Some(round_ring(&simplify_ring(&points, tolerance)))
        })
        .collect::<Option<Vec<Ring>>>()?;
    // Holes simplified away to nothing are dropped; the outer ring is always kept.
    Some(
        rings
            .into_iter()
            .enumerate()
            .filter(|(i, r)| *i == 0 || r.len() >= 4)
            .map(|(_, r)| r)
            .collect(),
    )
}

/// Douglas-Peucker on a closed ring, keeping at least four points (a triangle, closed).
pub fn simplify_ring(ring: &[[f64; 2]], tolerance: f64) -> Ring {
    if ring.len() <= 4 {
        return ring.to_vec();
    }
    // Split the ring at its first point and the point farthest from it, so both halves are
    // open chains with distinct ends.
    let first = ring[0];
    let far = (1..ring.len() - 1)
        .max_by(|&a, &b| {
            distance2(ring[a], first)
                .partial_cmp(&distance2(ring[b], first))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .unwrap_or(1);
    let mut keep = vec![false; ring.len()];
    keep[0] = true;
    keep[far] = true;
    keep[ring.len() - 1] = true;
    mark(ring, 0, far, tolerance, &mut keep);
    mark(ring, far, ring.len() - 1, tolerance, &mut keep);
    let mut out: Ring = ring
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| k)
        .map(|(p, _)| *p)
        .collect();
    if out.len() < 4 {
        // Too coarse: keep the ring's shape with its two farthest points and a third.
        let third = (1..ring.len() - 1)
            .filter(|&i| i != far)
            .max_by(|&a, &b| {
                segment_distance(ring[a], first, ring[far])
                    .partial_cmp(&segment_distance(ring[b], first, ring[far]))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .unwrap_or(1);
        let mut idx = [0, far, third];
        idx.sort_unstable();
        out = idx.iter().map(|&i| ring[i]).collect();
        out.push(first);
    }
    out
}

fn mark(points: &[[f64; 2]], start: usize, end: usize, tolerance: f64, keep: &mut [bool]) {
    if end <= start + 1 {
        return;
    }
    let (mut worst, mut index) = (0.0, start);
    for i in start + 1..end {
        let d = segment_distance(points[i], points[start], points[end]);
        if d > worst {
            worst = d;
            index = i;
        }
    }
    if worst > tolerance {
        keep[index] = true;
        mark(points, start, index, tolerance, keep);
        mark(points, index, end, tolerance, keep);
    }
}

fn distance2(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

/// The distance from `p` to the segment `a`-`b`.
fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let length2 = distance2(a, b);
    if length2 == 0.0 {
        return distance2(p, a).sqrt();
    }
    let t =
        (((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / length2).clamp(0.0, 1.0);
    distance2(p, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]).sqrt()
}

/// Rounds to 5 decimal places (about a metre) and drops points that become repeats.
fn round_ring(ring: &[[f64; 2]]) -> Ring {
    let round = |x: f64| {
        let r = (x * 1e5).round() / 1e5;
        if r == 0.0 {
            0.0
        } else {
            r
        }
    };
    let mut out: Ring = Vec::with_capacity(ring.len());
    for p in ring {
        let q = [round(p[0]), round(p[1])];
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_with_a_near_straight_point_loses_it() {
        let ring = [
            [0.0, 0.0],
            [1.0, 0.0],
            [1.0, 0.5],
            [1.000_01, 0.7],
            [1.0, 1.0],
            [0.0, 1.0],
            [0.0, 0.0],
        ];
        let simplified = simplify_ring(&ring, 0.001);
        assert_eq!(
            simplified,
            vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
        );
        // With no tolerance only exactly collinear points could go; none are.
        assert_eq!(simplify_ring(&ring, 0.0).len(), ring.len());
    }

    #[test]
    fn a_ring_never_collapses_below_a_triangle() {
        let ring = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let simplified = simplify_ring(&ring, 10.0);
        assert_eq!(simplified.len(), 4);
        assert_eq!(simplified.first(), simplified.last());
    }
}
