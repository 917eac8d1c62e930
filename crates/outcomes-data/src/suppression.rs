//! Disclosure control over the published points: small counts, and counts that a total and
//! its other parts would give away, are withheld with the reason shown instead.

use std::collections::BTreeMap;

use outcomes_core::disclosure::{suppress, Cell, SMALL_COUNT};
use outcomes_core::model::{AreaLevel, DataPoint, Origin};

use crate::areas::Areas;

/// Withholds points period by period. Within a period, each aggregated point is part of
/// its parent area's aggregated point, which is the sum of its children and of any rows
/// counted in the parent alone; England
/// and regions are national figures and are never withheld. Points without a count have
/// nothing to disclose and take no part.
pub fn apply(points: &mut [DataPoint], areas: &Areas) {
    let mut by_period: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, point) in points.iter().enumerate() {
        if point.count.is_some() {
            by_period.entry(point.period.as_str()).or_default().push(i);
        }
    }
    let mut withheld = Vec::new();
    for members in by_period.values() {
        let cell_of: BTreeMap<&str, usize> = members
            .iter()
            .enumerate()
            .map(|(cell, &i)| (points[i].area.as_str(), cell))
            .collect();
        let mut cells: Vec<Cell> = members
            .iter()
            .map(|&i| {
                let point = &points[i];
                let level = areas.get(&point.area).map(|a| a.level);
                let parent = (point.origin == Origin::Aggregated)
                    .then(|| areas.parent(&point.area))
                    .flatten()
                    .and_then(|parent| cell_of.get(parent.code.as_str()).copied())
                    .filter(|&cell| points[members[cell]].origin == Origin::Aggregated);
                Cell {
                    count: point.count.unwrap_or(0.0),
                    parent,
                    national: level.is_some_and(|l| l <= AreaLevel::Region),
                }
            })
            .collect();
        // A total can hold more than its published parts (a practice counted in the borough
        // only, being in no network): that remainder is the total minus the parts, so it is
        // one more part. A small one is withheld like any small count, which protects it;
        // a larger one is as good as published and never chosen to protect another.
        let mut parts: BTreeMap<usize, f64> = BTreeMap::new();
        for cell in &cells {
            if let Some(parent) = cell.parent {
                *parts.entry(parent).or_default() += cell.count;
            }
        }
        for (parent, sum) in parts {
            let remainder = cells[parent].count - sum;
            if remainder > 0.0 {
                cells.push(Cell {
                    count: remainder,
                    parent: Some(parent),
                    national: !SMALL_COUNT.contains(&remainder),
                });
            }
        }
        for (cell, reason) in suppress(&cells).into_iter().enumerate().take(members.len()) {
            if let Some(reason) = reason {
                withheld.push((members[cell], reason));
            }
        }
    }
    for (i, reason) in withheld {
        let point = &mut points[i];
        point.value = None;
        point.ci95 = None;
        point.ci998 = None;
        point.count = None;
        point.denominator = None;
        point.suppressed = Some(reason.describe().to_string());
    }
}
