//! Boundaries and the derived ward → locality lookup: on small fixtures, and on the real open
//! data when that folder is present.

mod common;

use std::collections::BTreeSet;

use common::{real, Fixture};
use outcomes_core::model::{AreaLevel, Lookup, LookupRow};
use outcomes_data::{Error, Output};
use serde_json::Value;

const BEST_FIT: &str = "ward-locality-bestfit";

type Point = (f64, f64);

/// Every ring of a feature's Polygon or MultiPolygon.
fn rings(feature: &Value) -> Vec<Vec<Point>> {
    let geometry = &feature["geometry"];
    let polygons = match geometry["type"].as_str() {
        Some("Polygon") => vec![&geometry["coordinates"]],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .expect("polygons")
            .iter()
            .collect(),
        other => panic!("unexpected geometry {other:?}"),
    };
    polygons
        .into_iter()
        .flat_map(|p| p.as_array().expect("rings").iter())
        .map(|ring| {
            ring.as_array()
                .expect("ring")
                .iter()
                .map(|p| (p[0].as_f64().expect("x"), p[1].as_f64().expect("y")))
                .collect()
        })
        .collect()
}

fn features(output: &Output, level: AreaLevel) -> &[Value] {
    output
        .boundaries
        .iter()
        .find(|b| b.file.level == level)
        .unwrap_or_else(|| panic!("no {level:?} boundaries"))
        .geojson["features"]
        .as_array()
        .expect("features")
}

fn feature<'a>(output: &'a Output, level: AreaLevel, code: &str) -> &'a Value {
    features(output, level)
        .iter()
        .find(|f| f["properties"]["code"] == code)
        .unwrap_or_else(|| panic!("no feature {code}"))
}

/// Area in square degrees: outer rings less holes (GeoJSON orientation).
fn area(feature: &Value) -> f64 {
    rings(feature)
        .iter()
        .map(|r| {
            r.windows(2)
                .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
                .sum::<f64>()
                / 2.0
        })
        .sum()
}

fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

/// The vertices of `a` lying on the boundary of `b` (within 10 cm), and whether each of them
/// is also a vertex of `b`.
fn on_boundary(a: &Value, b: &Value) -> Vec<(Point, bool)> {
    let b_rings = rings(b);
    let b_vertices: Vec<Point> = b_rings.iter().flatten().copied().collect();
    let mut seen = Vec::new();
    for p in rings(a).into_iter().flatten() {
        let near = b_rings
            .iter()
            .flat_map(|r| r.windows(2))
            .any(|w| distance_to_segment(p, w[0], w[1]) < 1e-6);
        if near && !seen.iter().any(|(q, _)| *q == p) {
            seen.push((p, b_vertices.contains(&p)));
        }
    }
    seen
}

fn best_fit(output: &Output) -> &Lookup {
    output
        .manifest
        .lookup(BEST_FIT)
        .expect("the best-fit lookup")
}

#[test]
fn every_ward_has_exactly_one_feature() {
    let Some(output) = real::output() else { return };
    let wards: Vec<&str> = output
        .manifest
        .areas
        .iter()
        .filter(|a| a.level == AreaLevel::Ward)
        .map(|a| a.code.as_str())
        .collect();
    assert_eq!(wards.len(), 20);
    let published: Vec<&str> = features(output, AreaLevel::Ward)
        .iter()
        .map(|f| f["properties"]["code"].as_str().expect("code"))
        .collect();
    // Once each, in areas.csv order.
    assert_eq!(published, wards);
}

#[test]
fn neighbouring_wards_share_their_common_edge_vertex_for_vertex() {
    let Some(output) = real::output() else { return };
    // Bethnal Green East and Bethnal Green West meet along a long edge.
    let east = feature(output, AreaLevel::Ward, "E05009317");
    let west = feature(output, AreaLevel::Ward, "E05009331");
    let shared = on_boundary(east, west);
    assert!(shared.len() >= 3, "{shared:?}");
    assert!(shared.iter().all(|(_, exact)| *exact), "{shared:?}");
    assert!(on_boundary(west, east).iter().all(|(_, exact)| *exact));

    // And so for every pair of wards that touch.
    let wards = features(output, AreaLevel::Ward);
    let mut pairs = 0;
    for (i, a) in wards.iter().enumerate() {
        for b in &wards[i + 1..] {
            let shared = on_boundary(a, b);
            if shared.len() >= 2 {
                pairs += 1;
            }
            let loose: Vec<_> = shared.iter().filter(|(_, exact)| !exact).collect();
            assert!(
                loose.is_empty(),
                "{} has vertices on {}'s edge that {} lacks: {loose:?}",
                a["properties"]["code"],
                b["properties"]["code"],
                b["properties"]["code"]
            );
        }
    }
    assert!(pairs >= 35, "{pairs} touching pairs");
}

#[test]
fn published_polygons_are_valid_and_anticlockwise() {
    use geo::{Orient, Validation};
    let Some(output) = real::output() else { return };
    for level in [AreaLevel::Ward, AreaLevel::Locality] {
        for f in features(output, level) {
            let geometry =
                geojson::Geometry::from_json_value(f["geometry"].clone()).expect("geometry");
            let polygons: geo::Geometry<f64> = geometry.value.try_into().expect("polygons");
            let problems: Vec<String> = polygons
                .validation_errors()
                .iter()
                .map(ToString::to_string)
                .collect();
            assert!(
                problems.is_empty(),
                "{}: {problems:?}",
                f["properties"]["code"]
            );
            if let geo::Geometry::Polygon(p) = &polygons {
                assert_eq!(&p.orient(geo::orient::Direction::Default), p);
            }
            assert!(area(f) > 0.0);
        }
    }
}

#[test]
fn published_coordinates_have_at_most_five_decimals() {
    let Some(output) = real::output() else { return };
    for level in [AreaLevel::Ward, AreaLevel::Locality] {
        for f in features(output, level) {
            for (x, y) in rings(f).into_iter().flatten() {
                for v in [x, y] {
                    assert_eq!((v * 1e5).round() / 1e5, v);
                }
            }
        }
    }
}

#[test]
fn every_ward_is_placed_in_one_locality_with_a_share() {
    let Some(output) = real::output() else { return };
    let lookup = best_fit(output);
    assert_eq!(lookup.rows.len(), 20);
    let manifest = &output.manifest;
    for row in &lookup.rows {
        assert!(row.share > 0.0 && row.share <= 1.0, "{row:?}");
        assert!(row.runner_up_share.is_none_or(|s| s <= row.share));
        let ward = manifest.area(&row.from).expect("ward");
        assert_eq!(ward.level, AreaLevel::Ward);
        // The built hierarchy places the ward in its best fit, naming the lookup.
        assert_eq!(ward.parent.as_deref(), Some(row.to.as_str()));
        assert_eq!(ward.lookup.as_deref(), Some(BEST_FIT));
        assert_eq!(
            manifest.area(&row.to).map(|a| a.level),
            Some(AreaLevel::Locality)
        );
    }
    let wards: BTreeSet<&str> = lookup.rows.iter().map(|r| r.from.as_str()).collect();
    assert_eq!(wards.len(), 20);
    // Every locality gets some wards.
    let localities: BTreeSet<&str> = lookup.rows.iter().map(|r| r.to.as_str()).collect();
    assert_eq!(localities.len(), 4);
}

#[test]
fn a_ward_checked_by_hand() {
    let Some(output) = real::output() else { return };
    // St Dunstan's (E05009329), summed by hand from practice_patients_by_lsoa_2022_07_th.csv
    // over its LSOAs: 18,636 patients of the borough's practices live there; 10,437 of them
    // at South West practices, 4,563 North East, 3,012 North West, 624 South East.
    let row = best_fit(output)
        .rows
        .iter()
        .find(|r| r.from == "E05009329")
        .expect("St Dunstan's");
    assert_eq!(
        row,
        &LookupRow {
            from: "E05009329".into(),
            to: "THT-LOC-SW".into(),
            share: 0.56,
            out_of: 18_636,
            runner_up: Some("THT-LOC-NE".into()),
            runner_up_share: Some(0.2448),
        }
    );
}

#[test]
fn rebuilding_gives_the_same_lookup_and_boundaries() {
    let Some(output) = real::output() else { return };
    let again = real::build();
    assert_eq!(best_fit(&again), best_fit(output));
    assert_eq!(again.boundaries, output.boundaries);
    let files = outcomes_data::write::render(output).expect("renders");
    let files_again = outcomes_data::write::render(&again).expect("renders");
    assert_eq!(
        files.get("boundaries/wards.json"),
        files_again.get("boundaries/wards.json")
    );
}

#[test]
fn locality_outlines_are_the_unions_of_their_wards() {
    let Some(output) = real::output() else { return };
    let localities = features(output, AreaLevel::Locality);
    assert_eq!(localities.len(), 4);
    let entry = output
        .manifest
        .boundaries
        .iter()
        .find(|b| b.level == AreaLevel::Locality)
        .expect("locality boundaries");
    assert_eq!(entry.lookup.as_deref(), Some(BEST_FIT));
    let rows = &best_fit(output).rows;
    let ward_vertices: BTreeSet<(u64, u64)> = features(output, AreaLevel::Ward)
        .iter()
        .flat_map(rings)
        .flatten()
        .map(|(x, y)| (x.to_bits(), y.to_bits()))
        .collect();
    for locality in localities {
        let code = locality["properties"]["code"].as_str().expect("code");
        let wards: f64 = rows
            .iter()
            .filter(|r| r.to == code)
            .map(|r| area(feature(output, AreaLevel::Ward, &r.from)))
            .sum();
        let outline = area(locality);
        assert!(
            (outline - wards).abs() <= 1e-6 * wards,
            "{code}: outline {outline}, wards {wards}"
        );
        // The outline runs along ward edges: every vertex is a ward vertex.
        for (x, y) in rings(locality).into_iter().flatten() {
            assert!(
                ward_vertices.contains(&(x.to_bits(), y.to_bits())),
                "{code}: ({x}, {y}) is no ward vertex"
            );
        }
    }
}

/// The fixture with two wards, each LSOA in one, and a patients file.
fn best_fit_fixture(patients: &str) -> Fixture {
    let f = Fixture::new();
    f.append("publisher/areas.csv", "W1,Ward one,ward,E09000030,");
    f.append("publisher/areas.csv", "W2,Ward two,ward,E09000030,");
    f.append(
        "publisher/lookups.toml",
        "\n[[lookups]]\nid = \"lsoa-ward\"\ntitle = \"LSOA to ward\"\nstatus = \"official\"\n\
         source = \"Test\"\n\n[lookups.input]\nfile = \"lsoa_ward.csv\"\nfrom_column = \"lsoa\"\n\
         to_column = \"ward\"\nfrom_level = \"lsoa\"\nto_level = \"ward\"\n\n\
         [[lookups]]\nid = \"ward-locality\"\ntitle = \"Ward to locality\"\n\
         status = \"provisional\"\nsource = \"Test\"\n\n[lookups.best_fit]\n\
         from_level = \"ward\"\nto_level = \"locality\"\nfile = \"patients.csv\"\n\
         practice_column = \"practice\"\nlsoa_column = \"lsoa\"\ncount_column = \"n\"\n\
         practice_lookup = \"practice-pcn\"\nlsoa_lookup = \"lsoa-ward\"\n",
    );
    f.write("sources/lsoa_ward.csv", "lsoa,ward\nL1,W1\nL2,W1\nL3,W2\n");
    f.write("sources/patients.csv", patients);
    f
}

#[test]
fn wards_go_to_the_locality_whose_practices_hold_most_of_their_residents() {
    // P1, P2 are in locality A; P3, P4 in B. Out-of-borough LSOAs are left out.
    let f = best_fit_fixture(
        "practice,lsoa,n\nP1,L1,3\nP3,L1,4\nP2,L2,2\nP3,L3,7\nP4,OUT,100\nP1,NO2011,50\n",
    );
    let output = f.build().expect("builds");
    let lookup = output.manifest.lookup("ward-locality").expect("lookup");
    assert_eq!(
        lookup.rows,
        vec![
            LookupRow {
                from: "W1".into(),
                to: "LOC-A".into(),
                share: 0.5556,
                out_of: 9,
                runner_up: Some("LOC-B".into()),
                runner_up_share: Some(0.4444),
            },
            LookupRow {
                from: "W2".into(),
                to: "LOC-B".into(),
                share: 1.0,
                out_of: 7,
                runner_up: None,
                runner_up_share: None,
            },
        ]
    );
    let w1 = output.manifest.area("W1").expect("W1");
    assert_eq!(w1.parent.as_deref(), Some("LOC-A"));
    assert_eq!(w1.lookup.as_deref(), Some("ward-locality"));
}

#[test]
fn a_practice_missing_from_the_practice_lookup_is_refused_with_its_line() {
    let f = best_fit_fixture("practice,lsoa,n\nP1,L1,3\nP7,L3,4\n");
    match f.build() {
        Err(Error::UnknownArea { at, code, .. }) => {
            assert!(at.file.ends_with("patients.csv"));
            assert_eq!(at.line, 3);
            assert_eq!(code, "P7");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_ward_without_registered_residents_cannot_be_placed() {
    let f = best_fit_fixture("practice,lsoa,n\nP1,L1,3\n");
    assert!(matches!(f.build(), Err(Error::Invalid { message, .. }) if message.contains("W2")));
}

/// The fixture with two square wards in a TopoJSON file, and `boundaries` as boundaries.toml.
fn boundaries_fixture(boundaries: &str) -> Fixture {
    let f = Fixture::new();
    f.append("publisher/areas.csv", "W1,Ward one,ward,LOC-A,");
    f.append("publisher/areas.csv", "W2,Ward two,ward,LOC-B,");
    f.write("publisher/boundaries.toml", boundaries);
    f.write(
        "sources/wards.topo.json",
        r#"{"type":"Topology","arcs":[[[1,0],[1,1]],[[1,1],[0,1],[0,0],[1,0]],
           [[1,0],[2,0],[2,1],[1,1]]],
           "objects":{"wards":{"type":"GeometryCollection","geometries":[
           {"type":"Polygon","arcs":[[0,1]],"properties":{"CODE":"W1"}},
           {"type":"Polygon","arcs":[[2,-1]],"properties":{"CODE":"W2"}}]}}}"#,
    );
    f
}

const WARDS: &str = "[[boundaries]]\nlevel = \"ward\"\ntopology = \"wards.topo.json\"\n\
    object = \"wards\"\ncode_property = \"CODE\"\ntolerance = 0.001\n\
    out = \"boundaries/wards.json\"\nsource = \"S\"\nattribution = \"A\"\n";

#[test]
fn unions_follow_the_hierarchy_and_name_no_lookup_for_official_placements() {
    let f = boundaries_fixture(&format!(
        "{WARDS}\n[[boundaries]]\nlevel = \"locality\"\nunion_of = \"ward\"\n\
         out = \"boundaries/localities.json\"\nsource = \"S\"\nattribution = \"A\"\n"
    ));
    let output = f.build().expect("builds");
    let localities = features(&output, AreaLevel::Locality);
    assert_eq!(localities.len(), 2);
    assert!((area(&localities[0]) - 1.0).abs() < 1e-9);
    assert_eq!(output.manifest.boundaries[1].lookup, None);
}

#[test]
fn a_union_of_a_level_not_published_above_is_refused_at_its_line() {
    let f = boundaries_fixture(
        "[[boundaries]]\nlevel = \"locality\"\nunion_of = \"ward\"\n\
         out = \"boundaries/localities.json\"\nsource = \"S\"\nattribution = \"A\"\n",
    );
    match f.build() {
        Err(Error::Invalid { at, message }) => {
            assert!(at.file.ends_with("boundaries.toml"));
            assert_eq!(at.line, 3);
            assert!(message.contains("earlier entry"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_topology_naming_an_unknown_area_is_refused() {
    let f = boundaries_fixture(WARDS);
    f.edit("sources/wards.topo.json", "\"W2\"", "\"W9\"");
    assert!(matches!(
        f.build(),
        Err(Error::Invalid { message, .. }) if message.contains("unknown area \"W9\"")
    ));
}
