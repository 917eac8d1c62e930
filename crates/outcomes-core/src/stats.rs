//! Confidence intervals as OHID Fingertips computes them (PHE "Technical Guide: Confidence
//! Intervals"), so our figures for aggregated areas are comparable with published ones.

use statrs::distribution::{ChiSquared, ContinuousCDF};

use crate::model::Interval;

/// The two confidence levels Fingertips publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// 95%: used for benchmark comparisons.
    Percent95,
    /// 99.8%: used for funnel plots and stricter comparisons.
    Percent99_8,
}

impl Confidence {
    /// The two-sided normal quantile for this level.
    pub fn z(self) -> f64 {
        match self {
            Confidence::Percent95 => 1.959_963_984_540_054,
            Confidence::Percent99_8 => 3.090_232_306_167_813,
        }
    }

    /// The probability left in each tail.
    fn tail(self) -> f64 {
        match self {
            Confidence::Percent95 => 0.025,
            Confidence::Percent99_8 => 0.001,
        }
    }
}

/// A proportion `count / denominator` scaled by `multiplier` (100 for a percentage), with its
/// Wilson score interval. Valid at a count of zero. `None` when the denominator is not
/// positive or the count lies outside `0..=denominator`.
pub fn proportion(
    count: f64,
    denominator: f64,
    multiplier: f64,
    level: Confidence,
) -> Option<(f64, Interval)> {
    // Written so that NaN fails too.
    let usable = denominator > 0.0 && (0.0..=denominator).contains(&count);
    if !usable {
        return None;
    }
    let z = level.z();
    let p = count / denominator;
    let z2 = z * z;
    let centre = 2.0 * count + z2;
    let spread = z * (z2 + 4.0 * count * (1.0 - p)).sqrt();
    let scale = 2.0 * (denominator + z2);
    let lower = (centre - spread) / scale;
    let upper = (centre + spread) / scale;
    Some((
        p * multiplier,
        Interval {
            lower: lower * multiplier,
            upper: upper * multiplier,
        },
    ))
}

/// A crude rate `count / denominator * multiplier` with its interval: Byar's approximation for
/// counts of 10 or more, the exact Poisson (chi-squared) method below 10. `None` when the
/// denominator is not positive or the count is negative.
pub fn crude_rate(
    count: f64,
    denominator: f64,
    multiplier: f64,
    level: Confidence,
) -> Option<(f64, Interval)> {
    let usable = denominator > 0.0 && count >= 0.0;
    if !usable {
        return None;
    }
    let (lower, upper) = poisson_count_interval(count, level)?;
    let scale = multiplier / denominator;
    Some((
        count * scale,
        Interval {
            lower: lower * scale,
            upper: upper * scale,
        },
    ))
}

/// The interval for an observed Poisson count.
fn poisson_count_interval(count: f64, level: Confidence) -> Option<(f64, f64)> {
    if count >= 10.0 {
        let z = level.z();
        let o = count;
        let lower = o * (1.0 - 1.0 / (9.0 * o) - z / (3.0 * o.sqrt())).powi(3);
        let o1 = o + 1.0;
        let upper = o1 * (1.0 - 1.0 / (9.0 * o1) + z / (3.0 * o1.sqrt())).powi(3);
        Some((lower, upper))
    } else {
        let tail = level.tail();
        let lower = if count == 0.0 {
            0.0
        } else {
            ChiSquared::new(2.0 * count).ok()?.inverse_cdf(tail) / 2.0
        };
        let upper = ChiSquared::new(2.0 * count + 2.0)
            .ok()?
            .inverse_cdf(1.0 - tail)
            / 2.0;
        Some((lower, upper))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rounds to the 6 significant places Fingertips exports carry, more or less.
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6 * b.abs().max(1.0)
    }

    #[test]
    fn wilson_matches_ohid_for_a_tower_hamlets_practice() {
        // OHID Fingertips 91547, F84012 Albion Health Centre, 2022/23: 1417 / 8032.
        let (value, ci) = proportion(1417.0, 8032.0, 100.0, Confidence::Percent95).unwrap();
        assert!(close(value, 17.64193227), "{value}");
        assert!(close(ci.lower, 16.82384748), "{}", ci.lower);
        assert!(close(ci.upper, 18.490954), "{}", ci.upper);
    }

    #[test]
    fn wilson_matches_ohid_for_the_borough() {
        // OHID Fingertips 91547, Tower Hamlets E09000030, 2022/23: 50602 / 326762.
        let (value, ci) = proportion(50602.0, 326762.0, 100.0, Confidence::Percent95).unwrap();
        assert!(close(value, 15.48588881));
        assert!(close(ci.lower, 15.3622537));
        assert!(close(ci.upper, 15.61033542));
    }

    #[test]
    fn wilson_is_valid_at_zero_and_at_the_whole() {
        let (v, ci) = proportion(0.0, 50.0, 100.0, Confidence::Percent95).unwrap();
        assert_eq!(v, 0.0);
        assert_eq!(ci.lower, 0.0);
        assert!(ci.upper > 0.0 && ci.upper < 10.0);
        let (v, ci) = proportion(50.0, 50.0, 100.0, Confidence::Percent95).unwrap();
        assert_eq!(v, 100.0);
        assert!(close(ci.upper, 100.0));
        assert!(ci.lower > 90.0);
    }

    #[test]
    fn proportion_refuses_impossible_counts() {
        assert!(proportion(5.0, 0.0, 100.0, Confidence::Percent95).is_none());
        assert!(proportion(-1.0, 10.0, 100.0, Confidence::Percent95).is_none());
        assert!(proportion(11.0, 10.0, 100.0, Confidence::Percent95).is_none());
    }

    #[test]
    fn wider_confidence_gives_a_wider_interval() {
        let (_, a) = proportion(30.0, 200.0, 100.0, Confidence::Percent95).unwrap();
        let (_, b) = proportion(30.0, 200.0, 100.0, Confidence::Percent99_8).unwrap();
        assert!(b.lower < a.lower && b.upper > a.upper);
    }

    #[test]
    fn byar_brackets_ohid_for_a_tower_hamlets_pcn() {
        // OHID Fingertips 93930 A&E attendances 0-4, Tower Hamlets Network 6 PCN, 2021/22:
        // 2110 / 3447 children per 1,000 = 612.12649 (585.71592 - 638.22245). HES counts are
        // published rounded to the nearest 5 while OHID computed the interval from the exact
        // count, so the published limits must lie between those for 2107.5 and 2112.5.
        let (value, _) = crude_rate(2110.0, 3447.0, 1000.0, Confidence::Percent95).unwrap();
        assert!((value - 612.12649).abs() < 5e-5, "{value}");
        let (_, low) = crude_rate(2107.5, 3447.0, 1000.0, Confidence::Percent95).unwrap();
        let (_, high) = crude_rate(2112.5, 3447.0, 1000.0, Confidence::Percent95).unwrap();
        assert!(low.lower <= 585.71592 && 585.71592 <= high.lower);
        assert!(low.upper <= 638.22245 && 638.22245 <= high.upper);
    }

    #[test]
    fn byar_agrees_with_the_exact_method_at_ten() {
        // Byar's approximation is used from 10 up because it is close to exact there.
        let exact = poisson_exact_for_test(10.0);
        let (lower, upper) = poisson_count_interval(10.0, Confidence::Percent95).unwrap();
        assert!((lower - exact.0).abs() < 0.02, "{lower} vs {}", exact.0);
        assert!((upper - exact.1).abs() < 0.02, "{upper} vs {}", exact.1);
    }

    fn poisson_exact_for_test(count: f64) -> (f64, f64) {
        let lower = ChiSquared::new(2.0 * count).unwrap().inverse_cdf(0.025) / 2.0;
        let upper = ChiSquared::new(2.0 * count + 2.0)
            .unwrap()
            .inverse_cdf(0.975)
            / 2.0;
        (lower, upper)
    }

    #[test]
    fn exact_poisson_below_ten() {
        // Published exact 95% limits for an observed count of 5: 1.6235 to 11.6683.
        let (_, ci) = crude_rate(5.0, 1.0, 1.0, Confidence::Percent95).unwrap();
        assert!((ci.lower - 1.6235).abs() < 1e-4, "{}", ci.lower);
        assert!((ci.upper - 11.6683).abs() < 1e-4, "{}", ci.upper);
        let (_, ci) = crude_rate(0.0, 1.0, 1.0, Confidence::Percent95).unwrap();
        assert_eq!(ci.lower, 0.0);
        assert!((ci.upper - 3.6889).abs() < 1e-4, "{}", ci.upper);
    }
}
