//! Benchmark comparison the Fingertips way: an area is Similar when the benchmark's value
//! lies inside the area's 95% interval, otherwise Better or Worse by the indicator's polarity,
//! or Higher or Lower where neither direction is better.

use crate::model::{ComparisonResult, Interval, Polarity};

/// Compares an area's value and 95% interval with a benchmark value.
pub fn compare(
    value: Option<f64>,
    ci95: Option<Interval>,
    benchmark: Option<f64>,
    polarity: Polarity,
) -> ComparisonResult {
    let (Some(value), Some(ci), Some(benchmark)) = (value, ci95, benchmark) else {
        return ComparisonResult::NotCompared;
    };
    if ci.contains(benchmark) {
        return ComparisonResult::Similar;
    }
    let higher = value > benchmark;
    match (polarity, higher) {
        (Polarity::HighIsGood, true) | (Polarity::LowIsGood, false) => ComparisonResult::Better,
        (Polarity::HighIsGood, false) | (Polarity::LowIsGood, true) => ComparisonResult::Worse,
        (Polarity::NotApplicable, true) => ComparisonResult::Higher,
        (Polarity::NotApplicable, false) => ComparisonResult::Lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CI: Interval = Interval {
        lower: 14.0,
        upper: 16.0,
    };

    #[test]
    fn benchmark_inside_the_interval_is_similar() {
        let r = compare(Some(15.0), Some(CI), Some(15.9), Polarity::LowIsGood);
        assert_eq!(r, ComparisonResult::Similar);
    }

    #[test]
    fn polarity_decides_better_or_worse() {
        // Area 15 against a benchmark of 20, where low is good: better.
        assert_eq!(
            compare(Some(15.0), Some(CI), Some(20.0), Polarity::LowIsGood),
            ComparisonResult::Better
        );
        assert_eq!(
            compare(Some(15.0), Some(CI), Some(20.0), Polarity::HighIsGood),
            ComparisonResult::Worse
        );
        assert_eq!(
            compare(Some(15.0), Some(CI), Some(10.0), Polarity::LowIsGood),
            ComparisonResult::Worse
        );
        assert_eq!(
            compare(Some(15.0), Some(CI), Some(10.0), Polarity::NotApplicable),
            ComparisonResult::Higher
        );
        assert_eq!(
            compare(Some(15.0), Some(CI), Some(20.0), Polarity::NotApplicable),
            ComparisonResult::Lower
        );
    }

    #[test]
    fn missing_interval_or_benchmark_is_not_compared() {
        assert_eq!(
            compare(Some(15.0), None, Some(20.0), Polarity::LowIsGood),
            ComparisonResult::NotCompared
        );
        assert_eq!(
            compare(Some(15.0), Some(CI), None, Polarity::LowIsGood),
            ComparisonResult::NotCompared
        );
    }
}
