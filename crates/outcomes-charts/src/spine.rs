//! A small dot plot for a locality profile: every locality's value placed on one scale, the
//! chosen one marked, and the borough as a tick, so a person sees at a glance where their
//! locality sits. Positions are fractions of the plot's width; the app draws them as SVG.

/// One locality's dot.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub code: String,
    pub name: String,
    pub value: f64,
    /// Position from 0 (left, the lowest value) to 1 (right, the highest).
    pub x: f64,
    pub chosen: bool,
}

/// The plot: dots, the borough's tick and the scale's ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Spine {
    pub dots: Vec<Dot>,
    pub borough_x: Option<f64>,
    pub low: f64,
    pub high: f64,
}

/// Places `values` (code, name, value) and the borough's value on one scale with a little
/// room at each end. `None` when there is nothing to place.
pub fn spine(
    values: &[(String, String, f64)],
    borough: Option<f64>,
    chosen: &str,
) -> Option<Spine> {
    let all = values.iter().map(|v| v.2).chain(borough);
    let (low, high) = all.fold(None, |range: Option<(f64, f64)>, v| match range {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })?;
    // A tenth of the range at each end; a flat range (one value, or all equal) still needs a
    // scale to sit on. A fixed minimum would squeeze small values (0.4% against 0.6%) into
    // the middle of the plot, so it applies only to a flat range.
    let pad = if high > low {
        (high - low) * 0.1
    } else {
        (high.abs() * 0.05).max(0.5)
    };
    let (low, high) = (low - pad, high + pad);
    let at = |v: f64| (v - low) / (high - low);
    Some(Spine {
        dots: values
            .iter()
            .map(|(code, name, value)| Dot {
                code: code.clone(),
                name: name.clone(),
                value: *value,
                x: at(*value),
                chosen: code == chosen,
            })
            .collect(),
        borough_x: borough.map(at),
        low,
        high,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Vec<(String, String, f64)> {
        [("A", "North", 10.0), ("B", "South", 20.0)]
            .iter()
            .map(|(c, n, v)| (c.to_string(), n.to_string(), *v))
            .collect()
    }

    #[test]
    fn places_values_in_order_inside_the_plot() {
        let plot = spine(&values(), Some(15.0), "B").unwrap();
        assert!(plot.dots[0].x > 0.0 && plot.dots[0].x < plot.dots[1].x && plot.dots[1].x < 1.0);
        let borough = plot.borough_x.unwrap();
        assert!((borough - 0.5).abs() < 1e-9, "{borough}");
        assert!(!plot.dots[0].chosen && plot.dots[1].chosen);
    }

    #[test]
    fn small_values_spread_across_the_plot() {
        let small: Vec<(String, String, f64)> = [("A", "North", 0.4), ("B", "South", 0.6)]
            .iter()
            .map(|(c, n, v)| (c.to_string(), n.to_string(), *v))
            .collect();
        let plot = spine(&small, Some(0.5), "A").unwrap();
        assert!(plot.dots[0].x < 0.1, "{}", plot.dots[0].x);
        assert!(plot.dots[1].x > 0.9, "{}", plot.dots[1].x);
    }

    #[test]
    fn a_single_value_sits_in_the_middle() {
        let one = vec![("A".to_string(), "North".to_string(), 7.0)];
        let plot = spine(&one, None, "A").unwrap();
        assert!((plot.dots[0].x - 0.5).abs() < 1e-9);
        assert!(spine(&[], None, "A").is_none());
    }
}
