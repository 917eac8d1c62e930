//! Disclosure control: which counts must not be published, and why.
//!
//! Primary suppression withholds sub-national counts of 1 to 7. Secondary suppression then
//! withholds further counts until no withheld count can be worked out from the published
//! ones, using every "parent = sum of its children" relation in the hierarchy together
//! (not just one parent at a time, since totals can be chained).

/// The smallest and largest count that primary suppression withholds.
pub const SMALL_COUNT: std::ops::RangeInclusive<f64> = 1.0..=7.0;

/// One count in an aggregation hierarchy. Children of a cell sum to it exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub count: f64,
    /// Index of the cell this one is part of.
    pub parent: Option<usize>,
    /// National figures are never suppressed: they are published in full by the source.
    pub national: bool,
}

/// Why a count is withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The count is between 1 and 7.
    SmallCount,
    /// The count could otherwise be worked out from a total and the other parts.
    ProtectsAnotherCount,
}

impl Reason {
    /// The reason as published beside a withheld value.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::SmallCount => "Withheld: a count between 1 and 7 could identify people",
            Reason::ProtectsAnotherCount => {
                "Withheld so that a small count elsewhere cannot be worked out from the totals"
            }
        }
    }
}

/// Decides which cells to withhold. The result has one entry per cell: `None` to publish.
pub fn suppress(cells: &[Cell]) -> Vec<Option<Reason>> {
    let mut hidden: Vec<Option<Reason>> = cells
        .iter()
        .map(|c| (!c.national && SMALL_COUNT.contains(&c.count)).then_some(Reason::SmallCount))
        .collect();
    let relations = relations(cells);
    // Each round withholds at least one more cell, so this ends within `cells.len()` rounds.
    while let Some(exposed) = derivable(cells.len(), &relations, &hidden)
        .into_iter()
        .next()
    {
        match protector(cells, &relations, &hidden, exposed) {
            Some(extra) => hidden[extra] = Some(Reason::ProtectsAnotherCount),
            // Nothing publishable shares a relation with it: it cannot be derived after all.
            None => break,
        }
    }
    hidden
}

/// The cells of one relation: a parent and all its children.
struct Relation {
    parent: usize,
    children: Vec<usize>,
}

impl Relation {
    fn members(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.parent).chain(self.children.iter().copied())
    }
}

fn relations(cells: &[Cell]) -> Vec<Relation> {
    let mut relations: Vec<Relation> = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let Some(parent) = cell.parent else { continue };
        match relations.iter_mut().find(|r| r.parent == parent) {
            Some(r) => r.children.push(i),
            None => relations.push(Relation {
                parent,
                children: vec![i],
            }),
        }
    }
    relations
}

/// Indices of withheld cells whose value follows from the published cells: those whose unit
/// vector lies in the row space of the relations restricted to withheld cells.
fn derivable(n: usize, relations_of: &[Relation], hidden: &[Option<Reason>]) -> Vec<usize> {
    let unknowns: Vec<usize> = (0..n).filter(|&i| hidden[i].is_some()).collect();
    let column = |cell: usize| unknowns.iter().position(|&u| u == cell);
    // Rows: +1 for the parent, -1 for each child, over the withheld cells only.
    let mut rows: Vec<Vec<f64>> = relations_of
        .iter()
        .map(|r| {
            let mut row = vec![0.0; unknowns.len()];
            if let Some(c) = column(r.parent) {
                row[c] += 1.0;
            }
            for &child in &r.children {
                if let Some(c) = column(child) {
                    row[c] -= 1.0;
                }
            }
            row
        })
        .filter(|row| row.iter().any(|&x| x != 0.0))
        .collect();
    reduce(&mut rows);
    rows.iter()
        .filter_map(|row| {
            let mut nonzero = row.iter().enumerate().filter(|(_, x)| x.abs() > 1e-9);
            match (nonzero.next(), nonzero.next()) {
                (Some((c, _)), None) => Some(unknowns[c]),
                _ => None,
            }
        })
        .collect()
}

/// Gauss-Jordan elimination to reduced row echelon form, in place.
fn reduce(rows: &mut [Vec<f64>]) {
    let width = rows.first().map_or(0, Vec::len);
    let mut pivot_row = 0;
    for col in 0..width {
        let Some(found) = (pivot_row..rows.len()).find(|&r| rows[r][col].abs() > 1e-9) else {
            continue;
        };
        rows.swap(pivot_row, found);
        let pivot = rows[pivot_row][col];
        for x in rows[pivot_row].iter_mut() {
            *x /= pivot;
        }
        for r in 0..rows.len() {
            if r != pivot_row && rows[r][col].abs() > 1e-9 {
                let factor = rows[r][col];
                let (source, target) = if r < pivot_row {
                    let (a, b) = rows.split_at_mut(pivot_row);
                    (&b[0], &mut a[r])
                } else {
                    let (a, b) = rows.split_at_mut(r);
                    (&a[pivot_row], &mut b[0])
                };
                for (t, s) in target.iter_mut().zip(source) {
                    *t -= factor * s;
                }
            }
        }
        pivot_row += 1;
        if pivot_row == rows.len() {
            break;
        }
    }
}

/// The published cell to withhold so that `exposed` can no longer be worked out: in a
/// relation that contains it, the smallest published count below national level, which
/// loses the least information.
fn protector(
    cells: &[Cell],
    relations: &[Relation],
    hidden: &[Option<Reason>],
    exposed: usize,
) -> Option<usize> {
    let smallest_published = |members: &mut dyn Iterator<Item = usize>| {
        members
            .filter(|&m| hidden[m].is_none() && !cells[m].national)
            .min_by(|&a, &b| cells[a].count.total_cmp(&cells[b].count).then(a.cmp(&b)))
    };
    smallest_published(
        &mut relations
            .iter()
            .filter(|r| r.members().any(|m| m == exposed))
            .flat_map(Relation::members),
    )
    // It was worked out through a chain of totals: break the chain anywhere it has a
    // withheld cell.
    .or_else(|| {
        smallest_published(
            &mut relations
                .iter()
                .filter(|r| r.members().any(|m| hidden[m].is_some()))
                .flat_map(Relation::members),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cell(count: f64, parent: Option<usize>) -> Cell {
        Cell {
            count,
            parent,
            national: false,
        }
    }

    #[test]
    fn small_counts_are_withheld_and_zero_is_not() {
        let cells = vec![cell(30.0, None), cell(0.0, Some(0)), cell(30.0, Some(0))];
        assert_eq!(suppress(&cells), vec![None, None, None]);
        let cells = vec![cell(9.0, None), cell(3.0, Some(0)), cell(6.0, Some(0))];
        let hidden = suppress(&cells);
        assert_eq!(hidden[1], Some(Reason::SmallCount));
        assert_eq!(hidden[2], Some(Reason::SmallCount));
        assert_eq!(hidden[0], None);
    }

    #[test]
    fn a_lone_small_child_takes_its_smallest_sibling_with_it() {
        // 100 = 5 + 40 + 55: publishing 100, 40 and 55 would reveal the 5.
        let cells = vec![
            cell(100.0, None),
            cell(5.0, Some(0)),
            cell(40.0, Some(0)),
            cell(55.0, Some(0)),
        ];
        let hidden = suppress(&cells);
        assert_eq!(hidden[1], Some(Reason::SmallCount));
        assert_eq!(hidden[2], Some(Reason::ProtectsAnotherCount));
        assert_eq!(hidden[3], None);
        assert_eq!(hidden[0], None);
    }

    #[test]
    fn national_totals_stay_published() {
        let cells = vec![
            Cell {
                count: 4.0,
                parent: None,
                national: true,
            },
            cell(4.0, Some(0)),
            cell(0.0, Some(0)),
        ];
        let hidden = suppress(&cells);
        assert_eq!(hidden[0], None);
        assert_eq!(hidden[1], Some(Reason::SmallCount));
        // 4 = x + 0 with 4 and 0 both known would reveal x; the zero must go too.
        assert_eq!(hidden[2], Some(Reason::ProtectsAnotherCount));
    }

    /// A random tree of up to 25 cells with counts from 0 to 40, built bottom-up so each
    /// parent is the exact sum of its children.
    fn hierarchy() -> impl Strategy<Value = Vec<Cell>> {
        (2usize..25)
            .prop_flat_map(|n| {
                (
                    // Cell i > 0 hangs under an earlier cell.
                    (1..n).map(|i| 0..i).collect::<Vec<_>>(),
                    proptest::collection::vec(0u32..40, n),
                )
            })
            .prop_map(|(parents, leaf_counts)| {
                let n = leaf_counts.len();
                let mut cells: Vec<Cell> = (0..n)
                    .map(|i| cell(0.0, if i == 0 { None } else { Some(parents[i - 1]) }))
                    .collect();
                let has_children: Vec<bool> = (0..n)
                    .map(|i| cells.iter().any(|c| c.parent == Some(i)))
                    .collect();
                for i in (0..n).rev() {
                    if !has_children[i] {
                        cells[i].count = f64::from(leaf_counts[i]);
                    }
                    if let Some(p) = cells[i].parent {
                        let add = cells[i].count;
                        cells[p].count += add;
                    }
                }
                cells
            })
    }

    proptest! {
        #[test]
        fn no_withheld_count_can_be_worked_out(cells in hierarchy()) {
            let hidden = suppress(&cells);
            let rel = relations(&cells);
            prop_assert!(derivable(cells.len(), &rel, &hidden).is_empty());
            for (c, h) in cells.iter().zip(&hidden) {
                if SMALL_COUNT.contains(&c.count) {
                    prop_assert!(h.is_some(), "a count of {} was published", c.count);
                }
            }
        }
    }
}
