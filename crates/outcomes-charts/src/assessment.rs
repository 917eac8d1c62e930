//! The locality assessment the Tower Hamlets locality framework asks for ("using agreed
//! framework undertake Locality assessment and identify progress and areas for
//! development"), in plain words: how many of a locality's figures are better, similar or
//! worse than the borough's (higher, similar or lower where neither direction is better, as
//! for recorded prevalence), which differ most, and which have a recent trend.
//!
//! It reads each figure's published comparison with the borough, never one of its own, so
//! the words agree with the cards beneath them.

use outcomes_core::model::{ComparisonResult, Polarity};
use outcomes_core::trend::TrendResult;
use outcomes_i18n::{digits, tr, Lang};

use crate::format::value_with_unit;
use crate::summary::trend_words;

/// How many indicators the assessment names as differing most from the borough.
pub const MOST_DIFFERENT: usize = 3;

/// One indicator's figure for the locality, as the assessment reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessedFigure {
    /// The indicator's id, which the page turns into a link to it.
    pub indicator: String,
    pub unit: String,
    pub polarity: Polarity,
    pub value: f64,
    /// The borough's figure in the same period, where published.
    pub borough: Option<f64>,
    /// The published comparison of the locality with the borough.
    pub vs_borough: ComparisonResult,
    /// The locality's recent trend, where five consecutive periods allow one.
    pub trend: Option<TrendResult>,
}

/// How the locality's figures compare with the borough's, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Figures with a polarity: better, similar, worse.
    pub better: usize,
    pub similar: usize,
    pub worse: usize,
    /// Figures where neither direction is better: higher, similar, lower.
    pub higher: usize,
    pub similar_neutral: usize,
    pub lower: usize,
    /// Figures with no comparison (no interval, or no borough figure).
    pub not_compared: usize,
}

impl Counts {
    /// Figures with a polarity that were compared.
    pub fn polar(&self) -> usize {
        self.better + self.similar + self.worse
    }

    /// Figures without a polarity that were compared.
    pub fn neutral(&self) -> usize {
        self.higher + self.similar_neutral + self.lower
    }

    /// Every figure counted.
    pub fn total(&self) -> usize {
        self.polar() + self.neutral() + self.not_compared
    }
}

/// The assessment: the counts, the indicators that differ most (ids, largest difference
/// first) and those with a recent trend (in the order given).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Assessment {
    pub counts: Counts,
    pub most_different: Vec<String>,
    pub trends: Vec<(String, TrendResult)>,
}

/// Counts and ranks `figures`. A published comparison that contradicts the indicator's
/// polarity (better or worse for a measure without one) is counted as higher or lower by the
/// values, since Fingertips never calls such a measure better or worse.
pub fn assess(figures: &[AssessedFigure]) -> Assessment {
    let mut counts = Counts::default();
    for f in figures {
        let neutral = f.polarity == Polarity::NotApplicable;
        match (f.vs_borough, neutral) {
            (ComparisonResult::NotCompared, _) => counts.not_compared += 1,
            (ComparisonResult::Similar, false) => counts.similar += 1,
            (ComparisonResult::Similar, true) => counts.similar_neutral += 1,
            (ComparisonResult::Better, false) => counts.better += 1,
            (ComparisonResult::Worse, false) => counts.worse += 1,
            (ComparisonResult::Higher, true) => counts.higher += 1,
            (ComparisonResult::Lower, true) => counts.lower += 1,
            // Higher or lower for a measure with a polarity, or the reverse: a mismatch
            // between the data tool and the catalogue. Count it by what the values say.
            (_, _) => match f.borough {
                Some(b) if f.value > b => counts.higher += 1,
                Some(b) if f.value < b => counts.lower += 1,
                _ => counts.not_compared += 1,
            },
        }
    }
    let mut different: Vec<(&AssessedFigure, f64)> = figures
        .iter()
        .filter(|f| {
            !matches!(
                f.vs_borough,
                ComparisonResult::Similar | ComparisonResult::NotCompared
            )
        })
        .filter_map(|f| {
            let b = f.borough?;
            // Relative difference, so a rate per 1,000 does not outrank every percentage.
            (b != 0.0).then(|| (f, ((f.value - b) / b).abs()))
        })
        .collect();
    // Stable: equal differences keep the framework's order.
    different.sort_by(|a, b| b.1.total_cmp(&a.1));
    Assessment {
        counts,
        most_different: different
            .into_iter()
            .take(MOST_DIFFERENT)
            .map(|(f, _)| f.indicator.clone())
            .collect(),
        trends: figures
            .iter()
            .filter_map(|f| f.trend.map(|t| (f.indicator.clone(), t)))
            .collect(),
    }
}

/// A text that names one indicator: `text` holds `%{indicator}` where the page puts a link
/// to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    pub indicator: String,
    pub text: String,
}

/// The assessment in words, in `lang`. Texts hold `%{name}` where the locality's name goes
/// and `%{borough}` where the borough's goes, so the page can mark either as English where
/// it has no translation, wherever the language puts it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssessmentText {
    /// The counts, one sentence each for figures with and without a polarity, and one for
    /// those not compared.
    pub counts: Vec<String>,
    /// The lead for [`AssessmentText::most_different`], or the sentence saying no figure
    /// differs.
    pub most_different_lead: Option<String>,
    pub most_different: Vec<Linked>,
    /// The lead for [`AssessmentText::trends`], or the sentence saying there is none yet.
    pub trends_lead: Option<String>,
    pub trends: Vec<Linked>,
}

/// Words `assessment` of `figures` in `lang`.
pub fn assessment_text(
    assessment: &Assessment,
    figures: &[AssessedFigure],
    lang: Lang,
) -> AssessmentText {
    let c = assessment.counts;
    let n = |count: usize| digits(lang, &count.to_string());
    let mut text = AssessmentText::default();
    if c.total() == 0 {
        text.counts
            .push(tr!(lang, "charts.assessment.none", name = "%{name}"));
        return text;
    }
    if c.polar() > 0 {
        let values = (n(c.polar()), n(c.better), n(c.similar), n(c.worse));
        text.counts.push(if c.polar() == 1 {
            tr!(
                lang,
                "charts.assessment.polar_one",
                name = "%{name}",
                borough = "%{borough}",
                better = values.1,
                similar = values.2,
                worse = values.3
            )
        } else {
            tr!(
                lang,
                "charts.assessment.polar",
                name = "%{name}",
                borough = "%{borough}",
                count = values.0,
                better = values.1,
                similar = values.2,
                worse = values.3
            )
        });
    }
    if c.neutral() > 0 {
        let values = (
            n(c.neutral()),
            n(c.higher),
            n(c.similar_neutral),
            n(c.lower),
        );
        text.counts.push(if c.neutral() == 1 {
            tr!(
                lang,
                "charts.assessment.neutral_one",
                name = "%{name}",
                borough = "%{borough}",
                higher = values.1,
                similar = values.2,
                lower = values.3
            )
        } else {
            tr!(
                lang,
                "charts.assessment.neutral",
                name = "%{name}",
                borough = "%{borough}",
                count = values.0,
                higher = values.1,
                similar = values.2,
                lower = values.3
            )
        });
    }
    if c.not_compared > 0 {
        text.counts.push(if c.not_compared == 1 {
            tr!(
                lang,
                "charts.assessment.not_compared_one",
                borough = "%{borough}"
            )
        } else {
            tr!(
                lang,
                "charts.assessment.not_compared",
                borough = "%{borough}",
                count = n(c.not_compared)
            )
        });
    }
    let compared = c.polar() + c.neutral();
    if compared > 0 {
        let figure = |id: &str| figures.iter().find(|f| f.indicator == id);
        text.most_different = assessment
            .most_different
            .iter()
            .filter_map(|id| figure(id))
            .filter_map(|f| {
                let value = value_with_unit(f.value, &f.unit, lang);
                let borough_value = value_with_unit(f.borough?, &f.unit, lang);
                let text = match f.vs_borough {
                    ComparisonResult::Better => tr!(
                        lang,
                        "charts.assessment.item_better",
                        indicator = "%{indicator}",
                        value = value,
                        borough_value = borough_value
                    ),
                    ComparisonResult::Worse => tr!(
                        lang,
                        "charts.assessment.item_worse",
                        indicator = "%{indicator}",
                        value = value,
                        borough_value = borough_value
                    ),
                    _ if f.value > f.borough? => tr!(
                        lang,
                        "charts.assessment.item_higher",
                        indicator = "%{indicator}",
                        value = value,
                        borough_value = borough_value
                    ),
                    _ => tr!(
                        lang,
                        "charts.assessment.item_lower",
                        indicator = "%{indicator}",
                        value = value,
                        borough_value = borough_value
                    ),
                };
                Some(Linked {
                    indicator: f.indicator.clone(),
                    text,
                })
            })
            .collect();
        text.most_different_lead = Some(if text.most_different.is_empty() {
            tr!(
                lang,
                "charts.assessment.no_difference",
                borough = "%{borough}"
            )
        } else {
            tr!(
                lang,
                "charts.assessment.most_different",
                borough = "%{borough}"
            )
        });
    }
    text.trends = assessment
        .trends
        .iter()
        .map(|(id, trend)| Linked {
            indicator: id.clone(),
            text: tr!(
                lang,
                "charts.assessment.item_trend",
                indicator = "%{indicator}",
                trend = trend_words(*trend, lang)
            ),
        })
        .collect();
    text.trends_lead = Some(if text.trends.is_empty() {
        tr!(lang, "charts.assessment.no_trend", name = "%{name}")
    } else {
        tr!(lang, "charts.assessment.trends", name = "%{name}")
    });
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(
        id: &str,
        polarity: Polarity,
        value: f64,
        result: ComparisonResult,
    ) -> AssessedFigure {
        AssessedFigure {
            indicator: id.to_string(),
            unit: "%".to_string(),
            polarity,
            value,
            borough: Some(10.0),
            vs_borough: result,
            trend: None,
        }
    }

    fn mixed() -> Vec<AssessedFigure> {
        use ComparisonResult::*;
        use Polarity::*;
        vec![
            figure("smoking", LowIsGood, 17.0, Worse),
            figure("ae", LowIsGood, 8.0, Better),
            figure("ks2", HighIsGood, 10.2, Similar),
            figure("reablement", HighIsGood, 14.0, Better),
            figure("diabetes", NotApplicable, 13.0, Higher),
            figure("asthma", NotApplicable, 9.9, Similar),
            figure("copd", NotApplicable, 10.0, NotCompared),
        ]
    }

    #[test]
    fn counts_follow_the_published_comparisons_and_polarity() {
        let a = assess(&mixed());
        assert_eq!(
            a.counts,
            Counts {
                better: 2,
                similar: 1,
                worse: 1,
                higher: 1,
                similar_neutral: 1,
                lower: 0,
                not_compared: 1,
            }
        );
        assert_eq!(a.counts.total(), 7);
    }

    #[test]
    fn recorded_prevalence_is_never_better_or_worse() {
        // A comparison word that contradicts the catalogue's polarity is counted by the values.
        let odd = vec![figure(
            "prevalence",
            Polarity::NotApplicable,
            12.0,
            ComparisonResult::Worse,
        )];
        let a = assess(&odd);
        assert_eq!(a.counts.worse, 0);
        assert_eq!(a.counts.higher, 1);
    }

    #[test]
    fn the_largest_relative_differences_come_first_and_similar_ones_never() {
        let a = assess(&mixed());
        // smoking +70%, reablement +40%, diabetes +30%, ae -20%: three are named.
        assert_eq!(a.most_different, ["smoking", "reablement", "diabetes"]);
    }

    #[test]
    fn the_sentences_give_the_counts_in_plain_words() {
        let figures = mixed();
        let text = assessment_text(&assess(&figures), &figures, Lang::En);
        assert_eq!(
            text.counts,
            [
                "Of 4 indicators where higher or lower is better, %{name} is better than %{borough} on 2, similar on 1 and worse on 1.",
                "Of 2 measures where neither higher nor lower is better, such as recorded prevalence, %{name} is higher than %{borough} on 1, similar on 1 and lower on 0.",
                "1 more figure could not be compared with %{borough}.",
            ]
        );
        assert_eq!(
            text.most_different_lead.as_deref(),
            Some("Furthest from %{borough}:")
        );
        assert_eq!(
            text.most_different[0],
            Linked {
                indicator: "smoking".into(),
                text: "%{indicator}: worse, 17.0% against 10.0%".into()
            }
        );
        assert_eq!(
            text.most_different[2].text,
            "%{indicator}: higher, 13.0% against 10.0%"
        );
        assert!(text.trends.is_empty());
        assert_eq!(
            text.trends_lead.as_deref(),
            Some("No figure for %{name} has yet the five comparable years in a row that a trend needs.")
        );
    }

    #[test]
    fn trends_are_named_with_their_direction() {
        let mut figures = mixed();
        figures[0].trend = Some(TrendResult::DecreasingAndGettingBetter);
        let text = assessment_text(&assess(&figures), &figures, Lang::En);
        assert_eq!(
            text.trends_lead.as_deref(),
            Some("Over recent years, for %{name}:")
        );
        assert_eq!(
            text.trends,
            [Linked {
                indicator: "smoking".into(),
                text: "%{indicator}: Decreasing and getting better".into()
            }]
        );
    }

    #[test]
    fn one_figure_reads_in_the_singular_and_none_says_so() {
        let one = vec![figure(
            "smoking",
            Polarity::LowIsGood,
            13.5,
            ComparisonResult::Better,
        )];
        let text = assessment_text(&assess(&one), &one, Lang::En);
        assert_eq!(
            text.counts,
            ["On the one indicator where higher or lower is better, %{name} is better than %{borough} on 1, similar on 0 and worse on 0."]
        );
        let none = assessment_text(&assess(&[]), &[], Lang::En);
        assert_eq!(none.counts, ["No indicator has a figure for %{name} yet."]);
        assert!(none.most_different_lead.is_none() && none.trends_lead.is_none());
    }

    #[test]
    fn nothing_different_is_said_plainly() {
        let similar = vec![figure(
            "ks2",
            Polarity::HighIsGood,
            10.1,
            ComparisonResult::Similar,
        )];
        let text = assessment_text(&assess(&similar), &similar, Lang::En);
        assert!(text.most_different.is_empty());
        assert_eq!(
            text.most_different_lead.as_deref(),
            Some("No figure differs significantly from %{borough}.")
        );
    }

    #[test]
    fn bengali_has_bengali_digits() {
        let figures = mixed();
        let text = assessment_text(&assess(&figures), &figures, Lang::Bn);
        assert!(text.counts[0].contains('৪'), "{}", text.counts[0]);
        assert!(!text.counts[0].contains('4'), "{}", text.counts[0]);
        assert!(text.most_different[0].text.contains("১৭.০%"));
        assert!(text.most_different[0].text.contains("%{indicator}"));
    }
}
