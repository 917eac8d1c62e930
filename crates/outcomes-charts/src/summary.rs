//! The one-sentence summary every chart carries, written from the data so it names the right
//! areas and says whether differences are significant.

use outcomes_core::model::ComparisonResult;

use crate::area_comparison::{AreaComparison, AreaRow};
use crate::format::value_with_unit;

/// "In 2023/24, South West had the highest value, 18.2%, significantly worse than Tower
/// Hamlets (15.1%); North East had the lowest, 12.9%, significantly better." Among London
/// boroughs a further sentence gives Tower Hamlets when it is neither highest nor lowest.
pub fn summarise(view: &AreaComparison) -> String {
    let unit = view.unit.as_str();
    let highest = view.rows.iter().max_by(|a, b| a.value.total_cmp(&b.value));
    let lowest = view.rows.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    let (Some(highest), Some(lowest)) = (highest, lowest) else {
        return format!("No area has a published value for {}.", view.period);
    };
    let benchmark = view
        .benchmark
        .as_ref()
        .map(|b| (b.name.as_str(), value_with_unit(b.value, unit)));
    let first = benchmark
        .as_ref()
        .map(|(name, value)| Against::First(name, value));
    let later = benchmark.as_ref().map(|(name, _)| Against::Again(name));
    if view.rows.len() == 1 {
        return format!(
            "In {}, {} had a value of {}, {}.",
            view.period,
            highest.name,
            value_with_unit(highest.value, unit),
            verdict(highest, first.as_ref())
        );
    }
    let mut text = format!(
        "In {}, {} had the highest value, {}, {}; {} had the lowest, {}, {}.",
        view.period,
        highest.name,
        value_with_unit(highest.value, unit),
        verdict(highest, first.as_ref()),
        lowest.name,
        value_with_unit(lowest.value, unit),
        verdict(lowest, later.as_ref())
    );
    if let Some(home) = view
        .rows
        .iter()
        .find(|r| r.highlight && r.code != highest.code && r.code != lowest.code)
    {
        text.push_str(&format!(
            " {} had {}, {}.",
            home.name,
            value_with_unit(home.value, unit),
            verdict(home, later.as_ref())
        ));
    }
    text
}

/// How the benchmark is named: in full with its value the first time, by name after.
enum Against<'a> {
    First(&'a str, &'a str),
    Again(&'a str),
}

impl Against<'_> {
    fn phrase(&self) -> String {
        match self {
            Against::First(name, value) => format!("{name} ({value})"),
            Against::Again(name) => (*name).to_string(),
        }
    }
}

/// How an area compares with the benchmark, in words.
fn verdict(row: &AreaRow, against: Option<&Against>) -> String {
    let Some(against) = against else {
        return "with nothing to compare it with".to_string();
    };
    let benchmark = against.phrase();
    match row.vs_benchmark {
        ComparisonResult::Better => format!("significantly better than {benchmark}"),
        ComparisonResult::Worse => format!("significantly worse than {benchmark}"),
        ComparisonResult::Higher => format!("significantly higher than {benchmark}"),
        ComparisonResult::Lower => format!("significantly lower than {benchmark}"),
        ComparisonResult::Similar => format!("similar to {benchmark}"),
        ComparisonResult::NotCompared => format!("not compared with {benchmark}"),
    }
}

/// The comparison result as a word, for tables and tooltips.
pub fn comparison_word(result: ComparisonResult) -> &'static str {
    match result {
        ComparisonResult::Better => "Better",
        ComparisonResult::Similar => "Similar",
        ComparisonResult::Worse => "Worse",
        ComparisonResult::Higher => "Higher",
        ComparisonResult::Lower => "Lower",
        ComparisonResult::NotCompared => "Not compared",
    }
}

/// The comparison as a short phrase naming the benchmark: "Better than London",
/// "Similar to England".
pub fn comparison_phrase(result: ComparisonResult, benchmark: &str) -> String {
    match result {
        ComparisonResult::Similar => format!("Similar to {benchmark}"),
        ComparisonResult::NotCompared => format!("Not compared with {benchmark}"),
        other => format!("{} than {benchmark}", comparison_word(other)),
    }
}

/// The CSS class that colours a comparison; the word and symbol carry the meaning without it.
pub fn comparison_class(result: ComparisonResult) -> &'static str {
    match result {
        ComparisonResult::Better => "better",
        ComparisonResult::Worse => "worse",
        ComparisonResult::Similar => "similar",
        ComparisonResult::Higher | ComparisonResult::Lower => "different",
        ComparisonResult::NotCompared => "not-compared",
    }
}

/// A symbol that carries the comparison without colour: ▲ better, ▼ worse, ● similar.
pub fn comparison_symbol(result: ComparisonResult) -> &'static str {
    match result {
        ComparisonResult::Better => "▲",
        ComparisonResult::Worse => "▼",
        ComparisonResult::Similar => "●",
        ComparisonResult::Higher => "↑",
        ComparisonResult::Lower => "↓",
        ComparisonResult::NotCompared => "–",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_read_as_english() {
        assert_eq!(
            comparison_phrase(ComparisonResult::Better, "London"),
            "Better than London"
        );
        assert_eq!(
            comparison_phrase(ComparisonResult::Similar, "England"),
            "Similar to England"
        );
        assert_eq!(
            comparison_phrase(ComparisonResult::NotCompared, "London"),
            "Not compared with London"
        );
    }
}
