//! Shared-edge geometry: a TopoJSON file's arcs, each simplified once, put back together into
//! polygons on a grid of 5 decimal places, so that two areas that share an edge publish the
//! very same vertices along it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use geo::{Area, BooleanOps, Coord, LineString, MultiPolygon, Orient, Polygon, Simplify};
use serde_json::Value;

use crate::error::{Column, Error, Location, Result};

/// Grid units per degree: published coordinates have 5 decimal places (about a metre).
pub const SCALE: f64 = 1e5;

/// Parts (and holes) smaller than this, in square degrees (about 70 m² here), are slivers
/// left where two sources draw the same line a little differently, and are dropped.
pub const MIN_PART_AREA: f64 = 1e-8;

/// A vertex on the published grid: longitude and latitude in units of 1e-5 degrees. Integers,
/// so that "the same vertex" is exact equality.
pub type Pt = (i64, i64);

/// A closed ring on the grid (first vertex repeated at the end).
pub type Ring = Vec<Pt>;

/// Polygons on the grid: each an outer ring and its holes.
pub type Shape = Vec<Vec<Ring>>;

/// The geometry objects of a TopoJSON file, keyed by one of their properties.
#[derive(Debug, Clone)]
pub struct Topology {
    /// Every arc in degrees, quantisation undone, in file order.
    pub arcs: Vec<LineString<f64>>,
    /// Each geometry's code and its polygons as rings of signed arc indexes (`!i` is arc `i`
    /// reversed), in file order.
    pub geometries: Vec<(String, Vec<Vec<Vec<i32>>>)>,
}

/// Reads object `object` of the TopoJSON file at `path`; every geometry must be a Polygon or
/// MultiPolygon with a text property `code_property`.
pub fn read(path: &Path, object: &str, code_property: &str) -> Result<Topology> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let at = |line: usize, column: usize| Location {
        file: path.to_path_buf(),
        line: line as u64,
        column: Column::Number(column),
    };
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| Error::invalid(at(e.line(), e.column()), format!("{e}; expected JSON")))?;
    let Value::Object(map) = value else {
        return Err(Error::invalid(
            at(1, 1),
            "expected a TopoJSON Topology object",
        ));
    };
    let topo = topojson::Topology::from_json_object(map)
        .map_err(|e| Error::invalid(at(1, 1), format!("{e}; expected a TopoJSON Topology")))?;
    let mut arcs = Vec::with_capacity(topo.arcs.len());
    for (i, arc) in topo.arcs.iter().enumerate() {
        let mut coords = Vec::with_capacity(arc.len());
        let (mut x, mut y) = (0.0, 0.0);
        for position in arc {
            let (&[px, py, ..], true) = (position.as_slice(), position.len() >= 2) else {
                return Err(Error::invalid(
                    at(1, 1),
                    format!("arc {i}: expected positions of two numbers"),
                ));
            };
            coords.push(match &topo.transform {
                // Quantised arcs are delta-encoded integers (TopoJSON § 2.1.2).
                Some(t) => {
                    x += px;
                    y += py;
                    Coord {
                        x: x * t.scale[0] + t.translate[0],
                        y: y * t.scale[1] + t.translate[1],
                    }
                }
                None => Coord { x: px, y: py },
            });
        }
        if coords.len() < 2 {
            return Err(Error::invalid(
                at(1, 1),
                format!("arc {i}: expected at least two positions"),
            ));
        }
        arcs.push(LineString::new(coords));
    }
    let Some(named) = topo.objects.iter().find(|o| o.name == object) else {
        return Err(Error::invalid(
            at(1, 1),
            format!(
                "no object \"{object}\"; expected one of: {}",
                topo.list_names().join(", ")
            ),
        ));
    };
    let members = match &named.geometry.value {
        topojson::Value::GeometryCollection(members) => members.clone(),
        _ => vec![named.geometry.clone()],
    };
    let mut geometries = Vec::new();
    for (i, member) in members.iter().enumerate() {
        let fail =
            |m: String| Error::invalid(at(1, 1), format!("{object} geometry {}: {m}", i + 1));
        let code = member
            .properties
            .as_ref()
            .and_then(|p| p.get(code_property))
            .and_then(Value::as_str)
            .ok_or_else(|| fail(format!("expected a text property \"{code_property}\"")))?;
        let polygons = match &member.value {
            topojson::Value::Polygon(rings) => vec![rings.clone()],
            topojson::Value::MultiPolygon(polygons) => polygons.clone(),
            _ => return Err(fail("expected a Polygon or MultiPolygon".into())),
        };
        for &index in polygons.iter().flatten().flatten() {
            if arc_index(index) >= arcs.len() {
                return Err(fail(format!(
                    "arc index {index} is out of range; the file has {} arcs",
                    arcs.len()
                )));
            }
        }
        geometries.push((code.to_string(), polygons));
    }
    Ok(Topology { arcs, geometries })
}

fn arc_index(index: i32) -> usize {
    if index < 0 {
        !index as usize
    } else {
        index as usize
    }
}

/// Each arc simplified once (Douglas-Peucker with `tolerance` in degrees) and put on the grid.
/// An arc's end points are kept, so arcs still meet where they met; a closed arc (an area with
/// no neighbour) is split at its farthest point first so that it cannot collapse.
pub fn simplify_arcs(arcs: &[LineString<f64>], tolerance: f64) -> Vec<Vec<Pt>> {
    arcs.iter()
        .map(|arc| {
            let coords = &arc.0;
            let simplified: Vec<Coord<f64>> = if arc.is_closed() && coords.len() > 4 {
                let first = coords[0];
                let far = (1..coords.len() - 1)
                    .max_by(|&a, &b| {
                        distance2(coords[a], first).total_cmp(&distance2(coords[b], first))
                    })
                    .unwrap_or(1);
                let head = LineString::new(coords[..=far].to_vec()).simplify(tolerance);
                let tail = LineString::new(coords[far..].to_vec()).simplify(tolerance);
                head.0
                    .into_iter()
                    .chain(tail.0.into_iter().skip(1))
                    .collect()
            } else {
                arc.simplify(tolerance).0
            };
            dedup(simplified.into_iter().map(to_grid))
        })
        .collect()
}

fn distance2(a: Coord<f64>, b: Coord<f64>) -> f64 {
    (a.x - b.x).powi(2) + (a.y - b.y).powi(2)
}

/// A coordinate in degrees, on the grid.
pub fn to_grid(c: Coord<f64>) -> Pt {
    ((c.x * SCALE).round() as i64, (c.y * SCALE).round() as i64)
}

/// A grid vertex in degrees. `i / 1e5` is the double nearest the 5-decimal number, so it
/// prints with at most 5 decimals.
pub fn to_degrees(p: Pt) -> Coord<f64> {
    Coord {
        x: p.0 as f64 / SCALE,
        y: p.1 as f64 / SCALE,
    }
}

fn dedup(points: impl IntoIterator<Item = Pt>) -> Vec<Pt> {
    let mut out: Vec<Pt> = Vec::new();
    for p in points {
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// A geometry's polygons from the simplified arcs. Rings that simplification reduced to
/// nothing are dropped (a hole) or refused (an outer ring, reported as `Err(polygon index)`).
pub fn assemble(arcs: &[Vec<Pt>], polygons: &[Vec<Vec<i32>>]) -> std::result::Result<Shape, usize> {
    let mut shape = Vec::new();
    for (p, rings) in polygons.iter().enumerate() {
        let mut out = Vec::new();
        for (r, indexes) in rings.iter().enumerate() {
            let mut ring = Vec::new();
            for &index in indexes {
                let arc = &arcs[arc_index(index)];
                // Consecutive arcs share an end point; dedup keeps it once.
                if index < 0 {
                    ring.extend(arc.iter().rev().copied());
                } else {
                    ring.extend(arc.iter().copied());
                }
            }
            let mut ring = dedup(ring);
            if ring.first() != ring.last() {
                if let Some(&first) = ring.first() {
                    ring.push(first);
                }
            }
            if ring.len() >= 4 {
                out.push(ring);
            } else if r == 0 {
                return Err(p);
            }
        }
        shape.push(out);
    }
    Ok(shape)
}

/// A shape as geo polygons, in degrees.
pub fn to_geo(shape: &Shape) -> MultiPolygon<f64> {
    let ring = |r: &Ring| LineString::new(r.iter().map(|&p| to_degrees(p)).collect());
    MultiPolygon::new(
        shape
            .iter()
            .filter_map(|rings| {
                let (outer, holes) = rings.split_first()?;
                Some(Polygon::new(ring(outer), holes.iter().map(ring).collect()))
            })
            .collect(),
    )
}

/// Puts the result of a boolean operation back on the grid. A vertex the inputs had is kept
/// exactly; a new one (where two edges cross) is merged with a new vertex already seen within
/// one grid step, because the same crossing computed for two neighbours can round apart.
/// Slivers and collapsed rings are dropped; rings are oriented as GeoJSON asks (outer rings
/// anticlockwise).
pub fn from_geo(
    result: &MultiPolygon<f64>,
    known: &BTreeSet<Pt>,
    crossings: &mut BTreeMap<Pt, Pt>,
) -> Shape {
    let mut snap = |c: Coord<f64>| -> Pt {
        let p = to_grid(c);
        if known.contains(&p) {
            return p;
        }
        if let Some(&q) = crossings.get(&p) {
            return q;
        }
        for q in known.iter().chain(crossings.values()) {
            if (q.0 - p.0).abs() <= 1 && (q.1 - p.1).abs() <= 1 {
                let q = *q;
                crossings.insert(p, q);
                return q;
            }
        }
        crossings.insert(p, p);
        p
    };
    let oriented = result.orient(geo::orient::Direction::Default);
    let mut shape = Vec::new();
    for polygon in &oriented {
        if polygon.unsigned_area() < MIN_PART_AREA {
            continue;
        }
        let mut rings = Vec::new();
        for (i, ring) in std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .enumerate()
        {
            let ring = clean(dedup(ring.0.iter().map(|&c| snap(c))));
            let area = Polygon::new(
                LineString::new(ring.iter().map(|&p| to_degrees(p)).collect()),
                vec![],
            )
            .unsigned_area();
            if ring.len() >= 4 && area >= MIN_PART_AREA {
                rings.push(ring);
            } else if i == 0 {
                break;
            }
        }
        if !rings.is_empty() {
            shape.push(rings);
        }
    }
    shape
}

/// A closed ring put on the grid can double back on itself where the overlay left a sliver
/// narrower than a grid step. Removes such spikes (a vertex whose neighbours are the same, or
/// that turns straight back) and, where two edges now cross, the smaller of the two loops.
fn clean(mut ring: Ring) -> Ring {
    ring.pop();
    loop {
        let mut changed = false;
        let mut i = 0;
        while i < ring.len() && ring.len() >= 3 {
            let n = ring.len();
            let (prev, cur, next) = (ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]);
            let (a, b) = (
                (cur.0 - prev.0, cur.1 - prev.1),
                (next.0 - cur.0, next.1 - cur.1),
            );
            let cross = a.0 * b.1 - a.1 * b.0;
            let dot = a.0 * b.0 + a.1 * b.1;
            if cur == prev || (cross == 0 && dot <= 0) {
                ring.remove(i);
                changed = true;
            } else {
                i += 1;
            }
        }
        if let Some((i, j)) = first_crossing(&ring) {
            let inner: Ring = ring[i + 1..=j].to_vec();
            let outer: Ring = ring[..=i].iter().chain(&ring[j + 1..]).copied().collect();
            ring = if signed_area2(&inner).abs() >= signed_area2(&outer).abs() {
                inner
            } else {
                outer
            };
            changed = true;
        }
        if !changed || ring.len() < 3 {
            break;
        }
    }
    if let Some(&first) = ring.first() {
        ring.push(first);
    }
    ring
}

/// Twice the signed area of an open ring, in grid units.
fn signed_area2(ring: &[Pt]) -> i128 {
    (0..ring.len())
        .map(|i| {
            let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
            i128::from(p.0) * i128::from(q.1) - i128::from(q.0) * i128::from(p.1)
        })
        .sum()
}

/// The first two edges of an open ring (edge `i` runs from vertex `i` to `i + 1`) that cross
/// properly, if any.
fn first_crossing(ring: &[Pt]) -> Option<(usize, usize)> {
    let n = ring.len();
    let side = |a: Pt, b: Pt, c: Pt| {
        let v = i128::from(b.0 - a.0) * i128::from(c.1 - a.1)
            - i128::from(b.1 - a.1) * i128::from(c.0 - a.0);
        v.signum()
    };
    for i in 0..n {
        for j in i + 2..n {
            if i == 0 && j == n - 1 {
                continue;
            }
            let (p1, p2, p3, p4) = (ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]);
            if side(p1, p2, p3) * side(p1, p2, p4) < 0 && side(p3, p4, p1) * side(p3, p4, p2) < 0 {
                return Some((i, j));
            }
        }
    }
    None
}

/// Every vertex of some shapes.
pub fn vertices<'a>(shapes: impl IntoIterator<Item = &'a Shape>) -> BTreeSet<Pt> {
    shapes
        .into_iter()
        .flatten()
        .flatten()
        .flatten()
        .copied()
        .collect()
}

/// The water to cut away from areas that reach into a river: the parts of the areas' union
/// outside the land `outline` that are wider than `min_width` degrees on average (twice the
/// area over the perimeter). Narrower parts are where two sources draw the same land boundary
/// a few metres apart; cutting those would only add notches.
pub fn water(shapes: &[&Shape], outline: &MultiPolygon<f64>, min_width: f64) -> MultiPolygon<f64> {
    let mut all = MultiPolygon::new(Vec::new());
    for shape in shapes {
        all = all.union(&to_geo(shape).orient(geo::orient::Direction::Default));
    }
    let outside = all.difference(outline);
    MultiPolygon::new(
        outside
            .into_iter()
            .filter(|p| 2.0 * p.unsigned_area() > min_width * perimeter(p))
            .collect(),
    )
}

fn perimeter(polygon: &Polygon<f64>) -> f64 {
    std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .flat_map(|ring| ring.lines())
        .map(|l| distance2(l.start, l.end).sqrt())
        .sum()
}

/// `shape` less `water`. A shape the water does not touch is returned as it is, so that its
/// vertices are not moved by the overlay.
pub fn cut(
    shape: &Shape,
    water: &MultiPolygon<f64>,
    known: &BTreeSet<Pt>,
    crossings: &mut BTreeMap<Pt, Pt>,
) -> Shape {
    let polygons = to_geo(shape);
    let cut = polygons.difference(water);
    let before = polygons.unsigned_area();
    if (before - cut.unsigned_area()).abs() <= 1e-9 * before.max(f64::MIN_POSITIVE) {
        return shape.clone();
    }
    from_geo(&cut, known, crossings)
}

/// The union of shapes (all on the grid, sharing edges exactly), back on the grid.
pub fn union(shapes: &[&Shape], known: &BTreeSet<Pt>) -> Shape {
    let mut merged = MultiPolygon::new(Vec::new());
    for shape in shapes {
        let polygons = to_geo(shape).orient(geo::orient::Direction::Default);
        merged = merged.union(&polygons);
    }
    from_geo(&merged, known, &mut BTreeMap::new())
}

/// The area of a shape in square degrees (for checks; not an area on the ground).
pub fn area(shape: &Shape) -> f64 {
    to_geo(shape).unsigned_area()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(points: &[(f64, f64)]) -> LineString<f64> {
        LineString::new(points.iter().map(|&(x, y)| Coord { x, y }).collect())
    }

    #[test]
    fn an_arc_keeps_its_ends_and_loses_near_straight_points() {
        let arcs = [line(&[(0.0, 0.0), (0.5, 0.000_001), (1.0, 0.0)])];
        assert_eq!(
            simplify_arcs(&arcs, 0.0001),
            vec![vec![(0, 0), (100_000, 0)]]
        );
    }

    #[test]
    fn a_ring_that_doubles_back_loses_its_spike_and_small_loop() {
        // A square with a spike (2 → 3 → 2) and a bow tie near its first corner.
        let ring = vec![
            (0, 0),
            (10, 0),
            (10, 5),
            (14, 5),
            (10, 5),
            (10, 10),
            (0, 10),
            (0, 1),
            (1, -1),
            (1, 0),
            (0, 0),
        ];
        let cleaned = clean(ring);
        assert_eq!(first_crossing(&cleaned[..cleaned.len() - 1]), None);
        assert!(!cleaned.contains(&(14, 5)));
        assert!((signed_area2(&cleaned[..cleaned.len() - 1]) - 200).abs() <= 4);
    }

    #[test]
    fn a_closed_arc_never_collapses() {
        let square = line(&[
            (0.0, 0.0),
            (1.0, 0.0),
            (1.0, 1.0),
            (0.0, 1.0),
            (0.0, 0.5),
            (0.0, 0.0),
        ]);
        let arcs = simplify_arcs(&[square], 0.01);
        let shape = assemble(&arcs, &[vec![vec![0]]]).expect("a ring");
        assert_eq!(shape[0][0].len(), 5);
        assert!((area(&shape) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn neighbours_assembled_from_one_arc_share_its_vertices() {
        // Two unit squares side by side; arc 0 is their common edge.
        let arcs = [
            line(&[(1.0, 0.0), (1.000_001, 0.5), (1.0, 1.0)]),
            line(&[(1.0, 1.0), (0.0, 1.0), (0.0, 0.0), (1.0, 0.0)]),
            line(&[(1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0)]),
        ];
        let simplified = simplify_arcs(&arcs, 0.001);
        let left = assemble(&simplified, &[vec![vec![0, 1]]]).expect("left");
        let right = assemble(&simplified, &[vec![vec![2, !0]]]).expect("right");
        let shared: BTreeSet<Pt> = vertices([&left])
            .intersection(&vertices([&right]))
            .copied()
            .collect();
        assert_eq!(shared, BTreeSet::from([(100_000, 0), (100_000, 100_000)]));
        let both = union(&[&left, &right], &vertices([&left, &right]));
        assert_eq!(both.len(), 1);
        assert!((area(&both) - 2.0).abs() < 1e-9);
    }
}
