//! What leaves the site with a chart: the data behind it as CSV, a descriptive file name,
//! and a citation. The CSV is written by the `csv` crate, so commas, quotes and line breaks
//! in names are escaped properly.

use outcomes_core::model::IndicatorMeta;

use crate::area_comparison::AreaComparison;
use crate::summary::comparison_word;

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 13] = [
    "area_code",
    "area_name",
    "period",
    "value",
    "unit",
    "lower_95_ci",
    "upper_95_ci",
    "count",
    "denominator",
    "comparator",
    "comparison",
    "source",
    "licence",
];

/// The rows of an "areas compared" view, then its reference areas, as CSV text.
pub fn comparison_csv(view: &AreaComparison, indicator: &IndicatorMeta) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let number = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let comparator = view
        .benchmark
        .as_ref()
        .map(|b| b.name.clone())
        .unwrap_or_default();
    // Writing to memory cannot fail; an error here would be a bug in the csv crate.
    let _ = out.write_record(CSV_HEADER);
    for row in &view.rows {
        let _ = out.write_record([
            row.code.clone(),
            row.name.clone(),
            view.period.clone(),
            row.value.to_string(),
            view.unit.clone(),
            number(row.ci95.map(|c| c.lower)),
            number(row.ci95.map(|c| c.upper)),
            number(row.count),
            number(row.denominator),
            comparator.clone(),
            comparison_word(row.vs_benchmark).to_string(),
            indicator.source.name.clone(),
            indicator.source.licence.clone(),
        ]);
    }
    for reference in &view.references {
        let _ = out.write_record([
            reference.code.clone(),
            reference.name.clone(),
            view.period.clone(),
            reference.value.to_string(),
            view.unit.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            "Benchmark".to_string(),
            indicator.source.name.clone(),
            indicator.source.licence.clone(),
        ]);
    }
    out.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// A file name that says what is in the file:
/// `tower-hamlets-smoking-prevalence-in-adults-15-by-locality-2023-24`. A long title is cut
/// so that the level and period always survive.
pub fn file_stem(view: &AreaComparison, what: &str) -> String {
    let title: String = slug(&format!("tower hamlets {}", view.indicator_title))
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

/// "Cite this": title, source, period, the page and the date it was read.
pub fn citation(
    view: &AreaComparison,
    indicator: &IndicatorMeta,
    what: &str,
    url: &str,
    accessed: &str,
) -> String {
    format!(
        "Tower Hamlets Together. {} by {}, {}. Source: {}, {} ({}). Tower Hamlets outcomes explorer, {} (accessed {}).",
        indicator.title, what, view.period, indicator.source.name, indicator.source.publisher, indicator.source.licence, url, accessed
    )
}

/// The option for a chart image that stands on its own in a paper: the headline and the
/// subtitle above it and the source below it, drawn into the image itself, on white.
pub fn framed_for_image(
    option: &serde_json::Value,
    title: &str,
    subtitle: &str,
    source: &str,
) -> serde_json::Value {
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
