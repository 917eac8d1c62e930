//! What leaves the site with a chart: the data behind it as CSV, a descriptive file name,
//! and a citation. The CSV is written by the `csv` crate, so commas, quotes and line breaks
//! in names are escaped properly.

use outcomes_core::model::{IndicatorMeta, LookupStatus, Origin};
use outcomes_i18n::{digits, tr, Lang};

use crate::area_comparison::AreaComparison;
use crate::format::unit_label;
use crate::summary::comparison_word;

/// The CSV columns, in order, headed in `lang`. The English headings are the short names
/// scripts have always read (`area_code`, `lower_95_ci`); the Bengali ones are words.
pub fn csv_header(lang: Lang) -> [String; 17] {
    [
        tr!(lang, "charts.csv.area_code"),
        tr!(lang, "charts.csv.area_name"),
        tr!(lang, "charts.csv.period"),
        tr!(lang, "charts.csv.value"),
        tr!(lang, "charts.csv.unit"),
        tr!(lang, "charts.csv.lower_95_ci"),
        tr!(lang, "charts.csv.upper_95_ci"),
        tr!(lang, "charts.csv.count"),
        tr!(lang, "charts.csv.denominator"),
        tr!(lang, "charts.csv.comparator"),
        tr!(lang, "charts.csv.comparison"),
        tr!(lang, "charts.csv.source"),
        tr!(lang, "charts.csv.licence"),
        tr!(lang, "charts.csv.origin"),
        tr!(lang, "charts.csv.lookup"),
        tr!(lang, "charts.csv.lookup_status"),
        tr!(lang, "charts.csv.note"),
    ]
}

/// Whether a figure is the source's or the explorer's sum, in words.
fn origin_word(origin: Origin, lang: Lang) -> String {
    match origin {
        Origin::Published => tr!(lang, "charts.csv.origin_published"),
        Origin::Aggregated => tr!(lang, "charts.csv.origin_summed"),
    }
}

/// Provisional if any lookup a figure was summed through is; None for a published figure.
fn summed_status(lookups: &[(String, LookupStatus)]) -> Option<LookupStatus> {
    if lookups.is_empty() {
        return None;
    }
    let provisional = lookups
        .iter()
        .any(|(_, status)| *status == LookupStatus::Provisional);
    Some(if provisional {
        LookupStatus::Provisional
    } else {
        LookupStatus::Official
    })
}

/// A lookup's status, in words.
fn lookup_status_word(status: LookupStatus, lang: Lang) -> String {
    match status {
        LookupStatus::Official => tr!(lang, "charts.csv.lookup_official"),
        LookupStatus::Provisional => tr!(lang, "charts.csv.lookup_provisional"),
    }
}

/// The rows of an "areas compared" view, then its reference areas, as CSV text that starts
/// with [`UTF8_BOM`].
///
/// The headings, units and comparison words are in `lang`, but every number (values,
/// intervals, counts, periods) stays in ASCII digits with a '.' decimal point and no
/// thousands separators, whatever the language: spreadsheets read those as numbers, and
/// would read Bengali digits as text.
pub fn comparison_csv(view: &AreaComparison, indicator: &IndicatorMeta, lang: Lang) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let number = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let unit = unit_label(&view.unit, lang);
    let comparator = view
        .benchmark
        .as_ref()
        .map(|b| b.name.clone())
        .unwrap_or_default();
    // Writing to memory cannot fail; an error here would be a bug in the csv crate.
    let _ = out.write_record(csv_header(lang));
    for row in &view.rows {
        let _ = out.write_record([
            row.code.clone(),
            row.name.clone(),
            view.period.clone(),
            row.value.to_string(),
            unit.clone(),
            number(row.ci95.map(|c| c.lower)),
            number(row.ci95.map(|c| c.upper)),
            number(row.count),
            number(row.denominator),
            comparator.clone(),
            comparison_word(row.vs_benchmark, lang),
            indicator.source.name.clone(),
            indicator.source.licence.clone(),
            origin_word(row.origin, lang),
            row.lookups
                .iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            summed_status(&row.lookups)
                .map(|status| lookup_status_word(status, lang))
                .unwrap_or_default(),
            row.note.clone().unwrap_or_default(),
        ]);
    }
    for reference in &view.references {
        let _ = out.write_record([
            reference.code.clone(),
            reference.name.clone(),
            view.period.clone(),
            reference.value.to_string(),
            unit.clone(),
            number(reference.ci95.map(|c| c.lower)),
            number(reference.ci95.map(|c| c.upper)),
            number(reference.count),
            number(reference.denominator),
            String::new(),
            tr!(lang, "charts.csv.benchmark_row"),
            indicator.source.name.clone(),
            indicator.source.licence.clone(),
            origin_word(reference.origin, lang),
            String::new(),
            String::new(),
            reference.note.clone().unwrap_or_default(),
        ]);
    }
    let table = out
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default();
    format!("{UTF8_BOM}{table}")
}

/// Written first in every CSV file: Excel opens a file by double-click as UTF-8 only when it
/// starts with this mark, and otherwise shows `µg/m³` and every Bengali word as mojibake.
/// CSV readers (the csv crate, pandas, R) skip it.
pub const UTF8_BOM: char = '\u{FEFF}';

/// A file name that says what is in the file:
/// `tower-hamlets-smoking-prevalence-in-adults-15-by-locality-2023-24`. A long title is cut
/// so that the level and period always survive. File names stay ASCII in every language,
/// so `what` is the level's English name: a name in Bengali letters would be dropped.
pub fn file_stem(view: &AreaComparison, what: &str) -> String {
    // A title in Bengali letters has nothing ASCII to keep: the indicator's id names it then.
    let title = if slug(&view.indicator_title).is_empty() {
        view.indicator.as_str()
    } else {
        view.indicator_title.as_str()
    };
    let title: String = slug(&format!("tower hamlets {title}"))
        .chars()
        .take(60)
        .collect();
    format!(
        "{}-{}",
        title.trim_end_matches('-'),
        slug(&format!("by {what} {}", view.period))
    )
}

/// Lower-case letters and digits joined by single hyphens, at most 90 characters.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out: String = out.trim_end_matches('-').chars().take(90).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// "Cite this": title, source, period, the page and the date it was read, in `lang`.
/// `what` is the level's name and `accessed` the date, both already in `lang`.
pub fn citation(
    view: &AreaComparison,
    indicator: &IndicatorMeta,
    what: &str,
    url: &str,
    accessed: &str,
    lang: Lang,
) -> String {
    tr!(
        lang,
        "charts.export.citation",
        title = indicator.title,
        what = what,
        period = digits(lang, &view.period),
        source = indicator.source.name,
        publisher = indicator.source.publisher,
        licence = indicator.source.licence,
        url = url,
        accessed = accessed,
    )
}

/// The option for a chart image that stands on its own in a paper: the headline and the
/// subtitle above it and the source below it, drawn into the image itself, on white.
/// `title`, `subtitle` and `source` (the chart's source line) come already worded in `lang`;
/// the image adds the explorer's name after the source, in `lang`.
pub fn framed_for_image(
    option: &serde_json::Value,
    title: &str,
    subtitle: &str,
    source: &str,
    lang: Lang,
) -> serde_json::Value {
    let source = tr!(lang, "charts.export.image_source", source = source);
    let mut framed = option.clone();
    framed["backgroundColor"] = serde_json::json!("#ffffff");
    framed["title"] = serde_json::json!({
        "text": title,
        "subtext": subtitle,
        "left": 16,
        "top": 12,
        "textStyle": { "fontSize": 20, "fontWeight": "bold", "color": "#0b0c0c", "width": 1160, "overflow": "break" },
        "subtextStyle": { "fontSize": 15, "color": "#484949" },
    });
    framed["graphic"] = serde_json::json!([{
        "type": "text",
        "left": 16,
        "bottom": 12,
        "style": { "text": source, "fontSize": 13, "fill": "#484949", "width": 1160, "overflow": "break" },
    }]);
    // Make room for the title and the source, whether the grid is one object or a list.
    let room = |grid: &mut serde_json::Value| {
        if let Some(grid) = grid.as_object_mut() {
            grid.insert("top".into(), serde_json::json!(110));
            grid.insert("bottom".into(), serde_json::json!(90));
        }
    };
    match framed.get_mut("grid") {
        Some(serde_json::Value::Array(grids)) => grids.iter_mut().for_each(room),
        Some(grid) => room(grid),
        None => {}
    }
    framed
}
