//! The one-sentence summary every chart carries, written from the data so it names the right
//! areas and says whether differences are significant.

use outcomes_core::model::ComparisonResult;
use outcomes_core::trend::TrendResult;
use outcomes_i18n::{digits, tr, Lang};

use crate::area_comparison::{AreaComparison, AreaRow};
use crate::format::value_with_unit;

/// "In 2023/24, South West had the highest value, 18.2%, significantly worse than Tower
/// Hamlets (15.1%); North East had the lowest, 12.9%, significantly better." Among London
/// boroughs a further sentence gives Tower Hamlets when it is neither highest nor lowest.
/// Written in `lang`, with its numbers and period in `lang`'s digits.
pub fn summarise(view: &AreaComparison, lang: Lang) -> String {
    let value = |v: f64| value_with_unit(v, &view.unit, lang);
    let period = digits(lang, &view.period);
    let highest = view.rows.iter().max_by(|a, b| a.value.total_cmp(&b.value));
    let lowest = view.rows.iter().min_by(|a, b| a.value.total_cmp(&b.value));
    let (Some(highest), Some(lowest)) = (highest, lowest) else {
        return tr!(lang, "charts.summary.no_values", period = period);
    };
    // The benchmark is named in full with its value the first time, by name after.
    let first = view.benchmark.as_ref().map(|b| {
        tr!(
            lang,
            "charts.summary.benchmark_with_value",
            name = b.name,
            value = value(b.value)
        )
    });
    let later = view
        .benchmark
        .as_ref()
        .map(|b| tr!(lang, "charts.summary.benchmark", name = b.name));
    if view.rows.len() == 1 {
        return tr!(
            lang,
            "charts.summary.one_area",
            period = period,
            name = highest.name,
            value = value(highest.value),
            verdict = verdict(highest, first.as_deref(), lang),
        );
    }
    let mut text = tr!(
        lang,
        "charts.summary.highest_lowest",
        period = period,
        highest = highest.name,
        highest_value = value(highest.value),
        highest_verdict = verdict(highest, first.as_deref(), lang),
        lowest = lowest.name,
        lowest_value = value(lowest.value),
        lowest_verdict = verdict(lowest, later.as_deref(), lang),
    );
    if let Some(home) = view
        .rows
        .iter()
        .find(|r| r.highlight && r.code != highest.code && r.code != lowest.code)
    {
        text.push(' ');
        text.push_str(&tr!(
            lang,
            "charts.summary.home",
            name = home.name,
            value = value(home.value),
            verdict = verdict(home, later.as_deref(), lang),
        ));
    }
    text
}

/// How an area compares with the benchmark, as a clause of the summary. `benchmark` is the
/// benchmark as the clause names it (`charts.summary.benchmark…`: in Bengali it carries the
/// possessive ending the comparison needs).
fn verdict(row: &AreaRow, benchmark: Option<&str>, lang: Lang) -> String {
    let Some(benchmark) = benchmark else {
        return tr!(lang, "charts.verdict.nothing_to_compare");
    };
    match row.vs_benchmark {
        ComparisonResult::Better => tr!(lang, "charts.verdict.better", benchmark = benchmark),
        ComparisonResult::Worse => tr!(lang, "charts.verdict.worse", benchmark = benchmark),
        ComparisonResult::Higher => tr!(lang, "charts.verdict.higher", benchmark = benchmark),
        ComparisonResult::Lower => tr!(lang, "charts.verdict.lower", benchmark = benchmark),
        ComparisonResult::Similar => tr!(lang, "charts.verdict.similar", benchmark = benchmark),
        ComparisonResult::NotCompared => {
            tr!(lang, "charts.verdict.not_compared", benchmark = benchmark)
        }
    }
}

/// The comparison result as a word, for tables and tooltips: "Better", "ভালো".
pub fn comparison_word(result: ComparisonResult, lang: Lang) -> String {
    match result {
        ComparisonResult::Better => tr!(lang, "charts.comparison.better"),
        ComparisonResult::Similar => tr!(lang, "charts.comparison.similar"),
        ComparisonResult::Worse => tr!(lang, "charts.comparison.worse"),
        ComparisonResult::Higher => tr!(lang, "charts.comparison.higher"),
        ComparisonResult::Lower => tr!(lang, "charts.comparison.lower"),
        ComparisonResult::NotCompared => tr!(lang, "charts.comparison.not_compared"),
    }
}

/// The comparison as a short phrase naming the benchmark: "Better than London",
/// "Similar to England"; "London-এর চেয়ে ভালো" in Bengali.
pub fn comparison_phrase(result: ComparisonResult, benchmark: &str, lang: Lang) -> String {
    match result {
        ComparisonResult::Better => tr!(lang, "charts.phrase.better", benchmark = benchmark),
        ComparisonResult::Similar => tr!(lang, "charts.phrase.similar", benchmark = benchmark),
        ComparisonResult::Worse => tr!(lang, "charts.phrase.worse", benchmark = benchmark),
        ComparisonResult::Higher => tr!(lang, "charts.phrase.higher", benchmark = benchmark),
        ComparisonResult::Lower => tr!(lang, "charts.phrase.lower", benchmark = benchmark),
        ComparisonResult::NotCompared => {
            tr!(lang, "charts.phrase.not_compared", benchmark = benchmark)
        }
    }
}

/// A recent trend in words: "Decreasing and getting better".
pub fn trend_words(result: TrendResult, lang: Lang) -> String {
    match result {
        TrendResult::IncreasingAndGettingBetter => tr!(lang, "charts.trend.increasing_better"),
        TrendResult::IncreasingAndGettingWorse => tr!(lang, "charts.trend.increasing_worse"),
        TrendResult::Increasing => tr!(lang, "charts.trend.increasing"),
        TrendResult::DecreasingAndGettingBetter => tr!(lang, "charts.trend.decreasing_better"),
        TrendResult::DecreasingAndGettingWorse => tr!(lang, "charts.trend.decreasing_worse"),
        TrendResult::Decreasing => tr!(lang, "charts.trend.decreasing"),
        TrendResult::NoSignificantChange => tr!(lang, "charts.trend.no_change"),
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
            comparison_phrase(ComparisonResult::Better, "London", Lang::En),
            "Better than London"
        );
        assert_eq!(
            comparison_phrase(ComparisonResult::Similar, "England", Lang::En),
            "Similar to England"
        );
        assert_eq!(
            comparison_phrase(ComparisonResult::NotCompared, "London", Lang::En),
            "Not compared with London"
        );
        assert_eq!(
            comparison_phrase(ComparisonResult::Lower, "London", Lang::En),
            "Lower than London"
        );
        assert_eq!(comparison_word(ComparisonResult::Worse, Lang::En), "Worse");
    }

    #[test]
    fn phrases_read_as_bengali() {
        assert_eq!(
            comparison_phrase(ComparisonResult::Better, "লন্ডন", Lang::Bn),
            "লন্ডন-এর চেয়ে ভালো"
        );
        assert_eq!(
            comparison_phrase(ComparisonResult::Worse, "England", Lang::Bn),
            "England-এর চেয়ে খারাপ"
        );
        assert_eq!(
            comparison_phrase(ComparisonResult::NotCompared, "London", Lang::Bn),
            "London-এর সঙ্গে তুলনা করা হয়নি"
        );
        assert_eq!(comparison_word(ComparisonResult::Better, Lang::Bn), "ভালো");
        assert_eq!(
            trend_words(TrendResult::DecreasingAndGettingBetter, Lang::Bn),
            "কমছে, অবস্থা ভালো হচ্ছে"
        );
        assert_eq!(
            trend_words(TrendResult::DecreasingAndGettingBetter, Lang::En),
            "Decreasing and getting better"
        );
        assert_eq!(
            comparison_word(ComparisonResult::Similar, Lang::Bn),
            "একই রকম"
        );
        assert_eq!(
            comparison_word(ComparisonResult::NotCompared, Lang::Bn),
            "তুলনা করা হয়নি"
        );
    }

    #[test]
    fn symbols_and_classes_do_not_depend_on_the_language() {
        assert_eq!(comparison_symbol(ComparisonResult::Better), "▲");
        assert_eq!(comparison_class(ComparisonResult::Higher), "different");
    }
}
