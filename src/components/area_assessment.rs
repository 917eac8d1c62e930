//! The assessment that opens an area's profile (the locality assessment of a locality
//! profile, and its like on a ward's page): how the area's figures compare with the
//! borough's, which differ most and what has changed over the years, each named indicator a
//! link to its page. The words come from `outcomes_charts::assessment`.

use std::sync::Arc;

use leptos::prelude::*;
use outcomes_charts::assessment::{assess, assessment_text, AssessedFigure, Linked};
use outcomes_core::model::{
    AreaLevel, ComparisonResult, IndicatorMeta, KeyFigures, Manifest, BOROUGH_CODE,
};
use outcomes_i18n::tr;
use outcomes_state::{State, View};

use crate::components::sentence::sentence_with;
use crate::dataset_text::english_if_kept;
use crate::state::{href, view_state, UrlState};
use outcomes_state::resolve::url_level;

/// The figures of `profiled` (each indicator with the figures that hold `area`'s) for
/// `area`, as the assessment reads them, in the order given. Indicators with no figure for
/// the area are left out.
pub fn assessed_figures(
    profiled: &[(IndicatorMeta, KeyFigures)],
    area: &str,
) -> Vec<AssessedFigure> {
    profiled
        .iter()
        .filter_map(|(indicator, key)| {
            let mine = key.value(area)?;
            Some(AssessedFigure {
                indicator: indicator.id.clone(),
                unit: indicator.unit.clone(),
                polarity: indicator.polarity,
                value: mine.value,
                borough: key.value(BOROUGH_CODE).map(|b| b.value),
                vs_borough: mine
                    .comparisons
                    .iter()
                    .find(|c| c.benchmark == BOROUGH_CODE)
                    .map_or(ComparisonResult::NotCompared, |c| c.result),
                trend: mine.trend,
            })
        })
        .collect()
}

/// The assessment of `area` (named `name`, of `level`) over `profiled`, the profile's own
/// list, under `heading`.
#[component]
pub fn AreaAssessment(
    manifest: Arc<Manifest>,
    profiled: Vec<(IndicatorMeta, KeyFigures)>,
    area: String,
    name: String,
    level: AreaLevel,
    heading: String,
) -> impl IntoView {
    let url = UrlState::get();
    let lang = url.lang();
    let figures = assessed_figures(&profiled, &area);
    let text = assessment_text(&assess(&figures), &figures, lang);
    let borough = manifest
        .area(BOROUGH_CODE)
        .map_or_else(|| tr!(lang, "locality.the_borough"), |a| a.name.clone());
    let name_lang = english_if_kept("area", &area, "name");
    let borough_lang = english_if_kept("area", BOROUGH_CODE, "name");
    // A sentence with the locality's and the borough's names put in, each marked as English
    // where it has no translation.
    let words = {
        let (name, borough) = (name.clone(), borough.clone());
        move |template: &str| {
            sentence_with(
                template,
                vec![
                    (
                        "name",
                        view! { <span lang=name_lang>{name.clone()}</span> }.into_any(),
                    ),
                    (
                        "borough",
                        view! { <span lang=borough_lang>{borough.clone()}</span> }.into_any(),
                    ),
                ],
            )
        }
    };
    let titled = |linked: Linked| {
        let title = manifest
            .indicator(&linked.indicator)
            .map(|i| i.title.clone())
            .unwrap_or_else(|| linked.indicator.clone());
        let id = linked.indicator.clone();
        let link = href(&State {
            indicator: Some(id.clone()),
            level: url_level(level),
            ..view_state(&url.state(), View::Indicator)
        });
        let parts = sentence_with(
            &linked.text,
            vec![(
                "indicator",
                view! {
                    <a href=link lang=english_if_kept("indicator", &id, "title")>{title}</a>
                }
                .into_any(),
            )],
        );
        view! { <li data-indicator=id.clone()>{parts}</li> }
    };
    let most_different: Vec<_> = text.most_different.into_iter().map(titled).collect();
    let trends: Vec<_> = text.trends.into_iter().map(titled).collect();
    view! {
        <section class="assessment" aria-labelledby="assessment-title" data-testid="locality-assessment">
            <h2 id="assessment-title">{heading}</h2>
            <p data-testid="assessment-counts">
                {text
                    .counts
                    .iter()
                    .enumerate()
                    .map(|(i, sentence)| view! { {(i > 0).then_some(" ")} {words(sentence)} })
                    .collect_view()}
            </p>
            {text.most_different_lead.as_deref().map(|lead| view! { <p>{words(lead)}</p> })}
            {(!most_different.is_empty()).then(|| view! {
                <ul data-testid="assessment-most-different">{most_different}</ul>
            })}
            {text.trends_lead.as_deref().map(|lead| view! { <p>{words(lead)}</p> })}
            {(!trends.is_empty()).then(|| view! { <ul data-testid="assessment-trends">{trends}</ul> })}
        </section>
    }
}
