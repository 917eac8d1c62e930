//! Recent trend, as Fingertips reports it: only where an area has five consecutive periods of
//! counts, a chi-squared test for linear trend in proportions (Cochran–Armitage) over those
//! five, significant at the 99.8% level; the direction is then read against the indicator's
//! polarity.

use serde::{Deserialize, Serialize};

use crate::model::Polarity;
use crate::stats::Confidence;

/// How many consecutive periods a trend needs.
pub const TREND_PERIODS: usize = 5;

/// The recent trend of one area.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TrendResult {
    IncreasingAndGettingBetter,
    IncreasingAndGettingWorse,
    /// Increasing, where neither direction is better.
    Increasing,
    DecreasingAndGettingBetter,
    DecreasingAndGettingWorse,
    Decreasing,
    NoSignificantChange,
}

/// One period of counts: the year the period starts (2019 for `2019/20`), the count and the
/// denominator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodCounts {
    pub start_year: i32,
    pub count: f64,
    pub denominator: f64,
}

/// The trend over the last five periods of `history` (oldest first), or `None` when there are
/// fewer than five, they are not consecutive years, or a count is missing or impossible.
pub fn recent_trend(history: &[PeriodCounts], polarity: Polarity) -> Option<TrendResult> {
    let last = history.get(history.len().checked_sub(TREND_PERIODS)?..)?;
    let consecutive = last
        .windows(2)
        .all(|w| w[1].start_year == w[0].start_year + 1);
    let sane = last
        .iter()
        .all(|p| p.denominator > 0.0 && (0.0..=p.denominator).contains(&p.count));
    if !consecutive || !sane {
        return None;
    }
    let total_n: f64 = last.iter().map(|p| p.denominator).sum();
    let total_x: f64 = last.iter().map(|p| p.count).sum();
    let p_bar = total_x / total_n;
    if p_bar <= 0.0 || p_bar >= 1.0 {
        return Some(TrendResult::NoSignificantChange);
    }
    let scores = (1..=TREND_PERIODS).map(|t| t as f64);
    let (mut t_stat, mut sum_nt, mut sum_nt2) = (0.0, 0.0, 0.0);
    for (p, t) in last.iter().zip(scores) {
        t_stat += t * (p.count - p.denominator * p_bar);
        sum_nt += p.denominator * t;
        sum_nt2 += p.denominator * t * t;
    }
    let variance = p_bar * (1.0 - p_bar) * (sum_nt2 - sum_nt * sum_nt / total_n);
    if variance.is_nan() || variance <= 0.0 {
        return Some(TrendResult::NoSignificantChange);
    }
    let z = t_stat / variance.sqrt();
    if z.abs() <= Confidence::Percent99_8.z() {
        return Some(TrendResult::NoSignificantChange);
    }
    let increasing = z > 0.0;
    Some(match (increasing, polarity) {
        (true, Polarity::HighIsGood) => TrendResult::IncreasingAndGettingBetter,
        (true, Polarity::LowIsGood) => TrendResult::IncreasingAndGettingWorse,
        (true, Polarity::NotApplicable) => TrendResult::Increasing,
        (false, Polarity::HighIsGood) => TrendResult::DecreasingAndGettingWorse,
        (false, Polarity::LowIsGood) => TrendResult::DecreasingAndGettingBetter,
        (false, Polarity::NotApplicable) => TrendResult::Decreasing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(counts: &[(i32, f64, f64)]) -> Vec<PeriodCounts> {
        counts
            .iter()
            .map(|&(start_year, count, denominator)| PeriodCounts {
                start_year,
                count,
                denominator,
            })
            .collect()
    }

    #[test]
    fn a_clear_fall_in_smoking_is_getting_better() {
        // Illustrative counts shaped like the borough's published fall in smoking, 2017/18 to
        // 2021/22: 19.6%, 19.0%, 18.7%, 17.6%, 16.3% of 300,000.
        let history = years(&[
            (2017, 58_800.0, 300_000.0),
            (2018, 57_000.0, 300_000.0),
            (2019, 56_100.0, 300_000.0),
            (2020, 52_800.0, 300_000.0),
            (2021, 48_900.0, 300_000.0),
        ]);
        assert_eq!(
            recent_trend(&history, Polarity::LowIsGood),
            Some(TrendResult::DecreasingAndGettingBetter)
        );
        assert_eq!(
            recent_trend(&history, Polarity::HighIsGood),
            Some(TrendResult::DecreasingAndGettingWorse)
        );
        assert_eq!(
            recent_trend(&history, Polarity::NotApplicable),
            Some(TrendResult::Decreasing)
        );
    }

    #[test]
    fn small_wobbles_are_no_significant_change() {
        let history = years(&[
            (2017, 50.0, 1000.0),
            (2018, 55.0, 1000.0),
            (2019, 48.0, 1000.0),
            (2020, 52.0, 1000.0),
            (2021, 53.0, 1000.0),
        ]);
        assert_eq!(
            recent_trend(&history, Polarity::LowIsGood),
            Some(TrendResult::NoSignificantChange)
        );
    }

    #[test]
    fn needs_five_consecutive_periods() {
        let four = years(&[
            (2018, 10.0, 100.0),
            (2019, 20.0, 100.0),
            (2020, 30.0, 100.0),
            (2021, 40.0, 100.0),
        ]);
        assert_eq!(recent_trend(&four, Polarity::LowIsGood), None);
        let gap = years(&[
            (2015, 10.0, 100.0),
            (2016, 20.0, 100.0),
            (2018, 30.0, 100.0),
            (2019, 40.0, 100.0),
            (2020, 50.0, 100.0),
        ]);
        assert_eq!(recent_trend(&gap, Polarity::LowIsGood), None);
        // Only the last five count: an older gap does not matter.
        let later = years(&[
            (2013, 10.0, 100.0),
            (2015, 10.0, 100.0),
            (2016, 20.0, 100.0),
            (2017, 30.0, 100.0),
            (2018, 40.0, 100.0),
            (2019, 50.0, 100.0),
        ]);
        assert!(recent_trend(&later, Polarity::LowIsGood).is_some());
    }

    #[test]
    fn an_increase_where_high_is_good_is_getting_better() {
        let history = years(&[
            (2017, 100.0, 1000.0),
            (2018, 150.0, 1000.0),
            (2019, 200.0, 1000.0),
            (2020, 250.0, 1000.0),
            (2021, 300.0, 1000.0),
        ]);
        assert_eq!(
            recent_trend(&history, Polarity::HighIsGood),
            Some(TrendResult::IncreasingAndGettingBetter)
        );
    }
}
