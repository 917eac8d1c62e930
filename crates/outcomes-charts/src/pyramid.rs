//! "Who is registered here": an area's registered patients by age band and sex as a
//! population pyramid (men to the left, women to the right, the youngest at the bottom), its
//! one-sentence summary and its table rows, from one model so the three cannot disagree.

use charming::component::{Aria, Axis, Grid, Title};
use charming::element::{AxisLabel, AxisType, ItemStyle, TextStyle};
use charming::series::Bar;
use charming::Chart;

use outcomes_core::model::{PopulationByAge, RegisteredPopulation};
use outcomes_i18n::{digits, tr, Lang};

use crate::format::count;

/// The id of the men's series, where tests read the drawn values back.
pub const MEN_SERIES_ID: &str = "men";
/// The id of the women's series.
pub const WOMEN_SERIES_ID: &str = "women";

/// GOV.UK blue and GOV.UK purple: each over 3:1 against white, and told apart by side and
/// heading, not by colour alone.
const MEN_COLOUR: &str = "#1d70b8";
const WOMEN_COLOUR: &str = "#4c2c92";
/// Axis text: 9.4:1 against white.
const MUTED_INK: &str = "#484949";

/// The ages from which a resident counts as older, for the summary (as the census does).
const OLDER_FROM: u32 = 65;
/// The age below which a patient counts as a child or young person, for the summary.
const YOUNG_UNDER: u32 = 20;

/// One age band's row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct BandRow {
    /// The band as shown ("0-4", "90+").
    pub band: String,
    pub women: u64,
    pub men: u64,
}

/// The rows of the table, oldest first, as pyramids are read top down.
pub fn band_rows(population: &RegisteredPopulation, area: &PopulationByAge) -> Vec<BandRow> {
    population
        .bands
        .iter()
        .enumerate()
        .map(|(i, band)| BandRow {
            band: band.clone(),
            women: area.female.get(i).copied().unwrap_or_default(),
            men: area.male.get(i).copied().unwrap_or_default(),
        })
        .rev()
        .collect()
}

/// The band's first age: "0-4" → 0, "90+" → 90.
fn band_start(band: &str) -> Option<u32> {
    band.split(['-', '+']).next()?.parse().ok()
}

/// The share of everyone registered in bands starting in `range`, as a whole percentage.
fn share(
    population: &RegisteredPopulation,
    area: &PopulationByAge,
    in_range: impl Fn(u32) -> bool,
) -> u64 {
    let people: u64 = population
        .bands
        .iter()
        .enumerate()
        .filter(|(_, band)| band_start(band).is_some_and(&in_range))
        .map(|(i, _)| area.female.get(i).unwrap_or(&0) + area.male.get(i).unwrap_or(&0))
        .sum();
    if area.total == 0 {
        return 0;
    }
    ((people as f64 / area.total as f64) * 100.0).round() as u64
}

/// The extract date in words ("1 July 2026"), or as written where it is not `YYYY-MM-DD`.
pub fn extract_date(population: &RegisteredPopulation, lang: Lang) -> String {
    outcomes_i18n::iso_date(lang, &population.extract_date)
}

/// One sentence: how many are registered, on what date, and how many are young or older.
pub fn pyramid_summary(
    population: &RegisteredPopulation,
    area: &PopulationByAge,
    area_name: &str,
    lang: Lang,
) -> String {
    tr!(
        lang,
        "charts.pyramid.summary",
        total = count(area.total as f64, lang),
        area = area_name,
        date = extract_date(population, lang),
        young = digits(
            lang,
            &share(population, area, |a| a < YOUNG_UNDER).to_string()
        ),
        older = digits(
            lang,
            &share(population, area, |a| a >= OLDER_FROM).to_string()
        )
    )
}

/// The chart's option, with the summary as its accessible description (which charming 0.6
/// cannot express).
pub fn pyramid_option(
    population: &RegisteredPopulation,
    area: &PopulationByAge,
    area_name: &str,
    lang: Lang,
) -> serde_json::Value {
    let mut option =
        serde_json::to_value(pyramid_chart(population, area, lang)).unwrap_or_default();
    option["aria"]["label"] = serde_json::json!({
        "description": pyramid_summary(population, area, area_name, lang)
    });
    // Bands close together read as one shape (charming 0.6 has no barCategoryGap).
    if let Some(series) = option["series"].as_array_mut() {
        for s in series {
            s["barCategoryGap"] = serde_json::json!("12%");
        }
    }
    option
}

/// Two grids side by side sharing the bands: the men's axis runs right to left.
fn pyramid_chart(population: &RegisteredPopulation, area: &PopulationByAge, lang: Lang) -> Chart {
    let bands: Vec<String> = population.bands.iter().map(|b| digits(lang, b)).collect();
    let label = || AxisLabel::new().color(MUTED_INK).font_size(12);
    let heading = |text: String, left: &str| {
        Title::new()
            .text(text)
            .left(left)
            .top(0)
            .text_style(TextStyle::new().font_size(14).font_weight("bold"))
    };
    // Both sides on one scale, so the shape compares men with women.
    let widest = area
        .female
        .iter()
        .chain(&area.male)
        .copied()
        .max()
        .unwrap_or(0);
    let max = nice_ceiling(widest);
    let value_axis = |grid: i32, inverse: bool| {
        Axis::new()
            .type_(AxisType::Value)
            .grid_index(grid)
            .inverse(inverse)
            .min(0)
            .max(max as f64)
            .split_number(2)
            .axis_label(label())
    };
    let band_axis = |grid: i32, show: bool| {
        Axis::new()
            .type_(AxisType::Category)
            .grid_index(grid)
            .data(bands.clone())
            .axis_label(label().show(show))
    };
    let series = |id: &str, name: String, values: &[u64], axis: i32, colour: &str| {
        Bar::new()
            .id(id)
            .name(name)
            .x_axis_index(axis)
            .y_axis_index(axis)
            .item_style(ItemStyle::new().color(colour))
            .data(values.iter().map(|&v| v as i64).collect::<Vec<i64>>())
    };
    Chart::new()
        .aria(Aria::new().enabled(true))
        .title(heading(tr!(lang, "charts.pyramid.men"), "4%"))
        .title(heading(tr!(lang, "charts.pyramid.women"), "58%"))
        // The gap between the grids holds the band labels.
        .grid(Grid::new().left("4%").right("58%").top(32).bottom(28))
        .grid(Grid::new().left("58%").right("4%").top(32).bottom(28))
        .x_axis(value_axis(0, true))
        .x_axis(value_axis(1, false))
        .y_axis(band_axis(0, false))
        .y_axis(band_axis(1, true))
        .series(series(
            MEN_SERIES_ID,
            tr!(lang, "charts.pyramid.men"),
            &area.male,
            0,
            MEN_COLOUR,
        ))
        .series(series(
            WOMEN_SERIES_ID,
            tr!(lang, "charts.pyramid.women"),
            &area.female,
            1,
            WOMEN_COLOUR,
        ))
}

/// The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `n`, so both axes end
/// on a round number.
fn nice_ceiling(n: u64) -> u64 {
    let mut power = 1u64;
    loop {
        for step in [10, 20, 25, 50] {
            let candidate = power * step / 10;
            if candidate >= n {
                return candidate.max(1);
            }
        }
        power = power.saturating_mul(10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use outcomes_core::model::{Origin, Source};

    fn population() -> RegisteredPopulation {
        RegisteredPopulation {
            schema_version: 2,
            extract_date: "2026-07-01".into(),
            bands: vec!["0-4".into(), "20-24".into(), "65-69".into(), "90+".into()],
            areas: vec![PopulationByAge {
                area: "L1".into(),
                origin: Origin::Aggregated,
                female: vec![10, 40, 5, 5],
                male: vec![10, 20, 5, 5],
                total: 100,
            }],
            source: Source {
                name: "n".into(),
                publisher: "p".into(),
                licence: "l".into(),
                url: "u".into(),
                attribution: "a".into(),
            },
            methods: "m".into(),
        }
    }

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(nice_ceiling(7_044), 10_000);
        assert_eq!(nice_ceiling(6_678), 10_000);
        assert_eq!(nice_ceiling(4_000), 5_000);
        assert_eq!(nice_ceiling(2_100), 2_500);
        assert_eq!(nice_ceiling(0), 1);
    }

    #[test]
    fn the_summary_counts_the_young_and_the_older() {
        let p = population();
        let text = pyramid_summary(&p, &p.areas[0], "North", Lang::En);
        assert!(text.contains("100"), "{text}");
        assert!(text.contains("1 July 2026"), "{text}");
        // 0-4 is under 20 (20 of 100); 65-69 and 90+ are 65 and over (20 of 100).
        assert!(text.contains("20%"), "{text}");
        let bn = pyramid_summary(&p, &p.areas[0], "North", Lang::Bn);
        assert!(bn.contains("২০"), "{bn}");
    }

    #[test]
    fn the_table_runs_oldest_first_and_the_chart_draws_every_band() {
        let p = population();
        let rows = band_rows(&p, &p.areas[0]);
        assert_eq!(rows.first().map(|r| r.band.as_str()), Some("90+"));
        assert_eq!(
            rows.last(),
            Some(&BandRow {
                band: "0-4".into(),
                women: 10,
                men: 10
            })
        );
        let option = pyramid_option(&p, &p.areas[0], "North", Lang::En);
        let series = option["series"].as_array().expect("series");
        assert_eq!(series[0]["id"], MEN_SERIES_ID);
        assert_eq!(series[0]["data"], serde_json::json!([10, 20, 5, 5]));
        assert_eq!(series[1]["data"], serde_json::json!([10, 40, 5, 5]));
        assert_eq!(option["xAxis"][0]["inverse"], true);
        // Both sides end at the same round number above the widest band (40 women).
        assert_eq!(option["xAxis"][0]["max"], 50.0);
        assert_eq!(option["xAxis"][1]["max"], 50.0);
        assert!(option["aria"]["label"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("North")));
    }
}
