//! The one-sentence summary every chart carries, written from the data so it names the right
//! areas and says whether differences are significant.

use outcomes_core::model::ComparisonResult;

use crate::area_comparison::{AreaComparison, AreaRow};
use crate::format::value_with_unit;

/// "In 2023/24, South West had the highest value, 18.2%, significantly worse than Tower
/// Hamlets (15.1%); North East had the lowest, 12.9%, significantly better."
pub fn summarise(view: &AreaComparison) -> String {
    let unit = view.unit.as_str();
    let highest = view.rows.iter().max_by(|a, b| a.value.total_cmp(&b.value));
    let lowest = view.rows.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    let (Some(highest), Some(lowest)) = (highest, lowest) else {
        return format!("No area has a published value for {}.", view.period);
    };
    let borough = view.borough.as_ref();
    let against = borough.map_or_else(String::new, |b| {
        format!(" {} ({})", b.name, value_with_unit(b.value, unit))
    });
    if view.rows.len() == 1 {
        return format!(
            "In {}, {} had a value of {}, {}.",
            view.period,
            highest.name,
            value_with_unit(highest.value, unit),
            verdict(highest, &against)
        );
    }
    format!(
        "In {}, {} had the highest value, {}, {}; {} had the lowest, {}, {}.",
        view.period,
        highest.name,
        value_with_unit(highest.value, unit),
        verdict(highest, &against),
        lowest.name,
        value_with_unit(lowest.value, unit),
        verdict(lowest, "")
    )
}

/// How an area compares with the borough, in words. `against` names the borough and its value
/// the first time it is mentioned.
fn verdict(row: &AreaRow, against: &str) -> String {
    let benchmark = if against.is_empty() {
        String::new()
    } else {
        format!(" than{against}")
    };
    match row.vs_borough {
        ComparisonResult::Better => format!("significantly better{benchmark}"),
        ComparisonResult::Worse => format!("significantly worse{benchmark}"),
        ComparisonResult::Higher => format!("significantly higher{benchmark}"),
        ComparisonResult::Lower => format!("significantly lower{benchmark}"),
        ComparisonResult::Similar if against.is_empty() => "similar to the borough".to_string(),
        ComparisonResult::Similar => format!("similar to{against}"),
        ComparisonResult::NotCompared => "not compared with the borough".to_string(),
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
