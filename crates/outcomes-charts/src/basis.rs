//! Whom an indicator's figures count: GP-registered patients (they follow where a person's
//! GP practice is) or residents (they follow where people live). The locality profile marks
//! every figure with it, since the two kinds reach a locality by different lookups.

use outcomes_core::model::{AreaLevel, IndicatorMeta};

/// Whom a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Patients registered with the area's GP practices, wherever they live.
    GpRegistered,
    /// People living in the area.
    Resident,
}

/// The practice → GP network lookup: figures summed through it are GP-registered.
const PRACTICE_LOOKUP: &str = "practice-pcn";

/// Whom `indicator`'s figures count, where that can be told. The catalogue does not say it
/// yet, so it is read from how the figures were built: summed from practices (GP-registered)
/// or published for wards, which only residents' figures are (resident). Anything else is
/// left unmarked rather than guessed.
pub fn figure_basis(indicator: &IndicatorMeta) -> Option<Basis> {
    if indicator.lookups.iter().any(|l| l == PRACTICE_LOOKUP) {
        Some(Basis::GpRegistered)
    } else if indicator.levels.contains(&AreaLevel::Ward) {
        Some(Basis::Resident)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(lookups: &[&str], levels: &[AreaLevel]) -> IndicatorMeta {
        let mut meta: IndicatorMeta = serde_json::from_value(serde_json::json!({
            "id": "1", "title": "t", "unit": "%", "value_type": "proportion",
            "multiplier": 100.0, "polarity": "low_is_good", "period_type": "financial year",
            "source": {"name": "", "publisher": "", "licence": "", "url": "", "attribution": ""},
            "lookups": [], "shard": "indicators/1"
        }))
        .expect("a minimal indicator");
        meta.lookups = lookups.iter().map(|l| l.to_string()).collect();
        meta.levels = levels.to_vec();
        meta
    }

    #[test]
    fn figures_summed_from_practices_count_gp_registered_patients() {
        let qof = indicator(
            &["practice-pcn", "pcn-locality-provisional"],
            &[AreaLevel::Locality, AreaLevel::Pcn, AreaLevel::Borough],
        );
        assert_eq!(figure_basis(&qof), Some(Basis::GpRegistered));
    }

    #[test]
    fn ward_figures_count_residents_and_the_rest_is_not_guessed() {
        let imd = indicator(&[], &[AreaLevel::Ward, AreaLevel::Borough]);
        assert_eq!(figure_basis(&imd), Some(Basis::Resident));
        let borough_only = indicator(&[], &[AreaLevel::Borough]);
        assert_eq!(figure_basis(&borough_only), None);
    }
}
