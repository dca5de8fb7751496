//! The data behind a chart, its text description, and the arithmetic of drawing it
//! (axis maximum and ticks, shares, label wrapping). The app's SVG components only place
//! what this module computes, so the geometry and the words are tested natively.

use crate::numbers::format_figure;
use minutebook_data::Unit;

/// One labelled value.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub label: String,
    pub value: f64,
}

/// Bars (one per point) or a line (points in time order).
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesData {
    pub title: String,
    pub unit: Unit,
    pub decimals: Option<u8>,
    /// Heading for the label column of the data table, e.g. "Category", "Period".
    pub label_heading: String,
    /// Heading for the value column, e.g. "Count".
    pub value_heading: String,
    pub points: Vec<ChartPoint>,
}

/// One or more bars, each divided into the same categories.
#[derive(Clone, Debug, PartialEq)]
pub struct StackedData {
    pub title: String,
    pub unit: Unit,
    pub decimals: Option<u8>,
    /// Heading for the bars' labels in the data table ("Priority").
    pub bar_heading: String,
    /// The parts, in legend order.
    pub categories: Vec<String>,
    pub bars: Vec<StackedBar>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StackedBar {
    pub label: String,
    /// One value per category.
    pub values: Vec<f64>,
}

impl SeriesData {
    pub fn display(&self, value: f64) -> String {
        format_figure(value, self.decimals, self.unit)
    }
    pub fn max(&self) -> Option<&ChartPoint> {
        self.points
            .iter()
            .fold(None, |best: Option<&ChartPoint>, p| match best {
                Some(b) if b.value >= p.value => Some(b),
                _ => Some(p),
            })
    }
    pub fn min(&self) -> Option<&ChartPoint> {
        self.points
            .iter()
            .fold(None, |best: Option<&ChartPoint>, p| match best {
                Some(b) if b.value <= p.value => Some(b),
                _ => Some(p),
            })
    }
}

impl StackedBar {
    pub fn total(&self) -> f64 {
        self.values.iter().sum()
    }
    /// Each part as a percentage of the bar (all 0 when the bar is empty).
    pub fn shares(&self) -> Vec<f64> {
        let total = self.total();
        self.values
            .iter()
            .map(|v| if total > 0.0 { v / total * 100.0 } else { 0.0 })
            .collect()
    }
}

impl StackedData {
    pub fn display(&self, value: f64) -> String {
        format_figure(value, self.decimals, self.unit)
    }
}

/// A share as the chart labels it: one decimal place, "46.8%".
pub fn share_text(share: f64) -> String {
    format!("{share:.1}%")
}

/// "Bar chart of Count by Category, 5 bars. Highest: NEET - Other, 60. Lowest: Not Recorded, 5."
pub fn describe_bars(d: &SeriesData) -> String {
    let n = d.points.len();
    let mut s = format!(
        "Bar chart of “{}” by “{}”, {n} {}.",
        d.value_heading,
        d.label_heading,
        if n == 1 { "bar" } else { "bars" }
    );
    if n > 1 {
        s.push_str(&highest_and_lowest(d));
    }
    s
}

/// " Highest: NEET - Other, 60. Lowest: Not Recorded, 5." ("" with no points).
fn highest_and_lowest(d: &SeriesData) -> String {
    match (d.max(), d.min()) {
        (Some(hi), Some(lo)) => format!(
            " Highest: {}, {}. Lowest: {}, {}.",
            hi.label,
            d.display(hi.value),
            lo.label,
            d.display(lo.value)
        ),
        _ => String::new(),
    }
}

/// "Line chart of 4 values from Sep 2021 (10) to Sep 2022 (14). Highest: ... Lowest: ..."
pub fn describe_line(d: &SeriesData) -> String {
    let n = d.points.len();
    let mut s = format!(
        "Line chart of “{}” over time, {n} {}.",
        d.value_heading,
        if n == 1 { "value" } else { "values" }
    );
    if let (Some(first), Some(last)) = (d.points.first(), d.points.last()) {
        s.push_str(&format!(
            " From {} ({}) to {} ({}).",
            first.label,
            d.display(first.value),
            last.label,
            d.display(last.value)
        ));
    }
    if n > 2 {
        s.push_str(&highest_and_lowest(d));
    }
    s
}

/// "Each bar is divided into shares of its total. All priorities: Complete 49 (39.2%), ..."
pub fn describe_stacked(d: &StackedData) -> String {
    let bars = d
        .bars
        .iter()
        .map(|b| {
            let shares = b.shares();
            let parts = d
                .categories
                .iter()
                .zip(&b.values)
                .zip(&shares)
                .filter(|((_, v), _)| **v != 0.0)
                .map(|((c, v), s)| format!("{c} {} ({})", d.display(*v), share_text(*s)))
                .collect::<Vec<_>>()
                .join(", ");
            format!("{} (total {}): {parts}.", b.label, d.display(b.total()))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let what = if d.bars.len() == 1 {
        "One bar divided into shares of its total."
    } else {
        "Each bar is divided into shares of its total."
    };
    format!("{what} {bars}")
}

/// The top of a value axis: the smallest "nice" number (1, 2, 2.5 or 5 × 10ⁿ) at or above
/// `max`, so bars and gridlines line up with round numbers.
pub fn nice_max(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let candidate = step * magnitude;
        if candidate >= max * (1.0 - 1e-9) {
            return candidate;
        }
    }
    10.0 * magnitude
}

/// Gridline values from 0 to `top` inclusive: `count` equal steps.
pub fn ticks(top: f64, count: usize) -> Vec<f64> {
    let count = count.max(1);
    (0..=count).map(|i| top * i as f64 / count as f64).collect()
}

/// A value as a percentage of the axis (0–100), clamped, for SVG lengths in `%`.
pub fn percent_of(value: f64, top: f64) -> f64 {
    if top <= 0.0 {
        return 0.0;
    }
    (value / top * 100.0).clamp(0.0, 100.0)
}

/// Break a label into lines of at most `width` characters at spaces (a word longer than
/// `width` gets a line of its own). SVG text does not wrap, and the charts must read at
/// 320 px, so labels are wrapped before they are drawn.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn care() -> SeriesData {
        SeriesData {
            title: "Current Activity Status".into(),
            unit: Unit::Count,
            decimals: None,
            label_heading: "Category".into(),
            value_heading: "Count".into(),
            points: [("EET", 87.0), ("NEET - Other", 60.0), ("Not Recorded", 5.0)]
                .into_iter()
                .map(|(l, v)| ChartPoint {
                    label: l.into(),
                    value: v,
                })
                .collect(),
        }
    }

    #[test]
    fn nice_axis_tops() {
        assert_eq!(nice_max(87.0), 100.0);
        assert_eq!(nice_max(100.0), 100.0);
        assert_eq!(nice_max(112.2), 200.0);
        assert_eq!(nice_max(33776.0), 50000.0);
        assert_eq!(nice_max(23.0), 25.0);
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(ticks(100.0, 4), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(percent_of(87.0, 100.0), 87.0);
        assert_eq!(percent_of(120.0, 100.0), 100.0);
    }

    #[test]
    fn descriptions_name_the_extremes() {
        let d = care();
        assert_eq!(
            describe_bars(&d),
            "Bar chart of “Count” by “Category”, 3 bars. Highest: EET, 87. Lowest: Not Recorded, 5."
        );
        assert_eq!(
            describe_line(&d),
            "Line chart of “Count” over time, 3 values. From EET (87) to Not Recorded (5). Highest: EET, 87. Lowest: Not Recorded, 5."
        );
        let s = StackedData {
            title: "t".into(),
            unit: Unit::Count,
            decimals: None,
            bar_heading: "Table".into(),
            categories: vec!["A".into(), "B".into(), "C".into()],
            bars: vec![StackedBar {
                label: "All".into(),
                values: vec![1.0, 3.0, 0.0],
            }],
        };
        assert_eq!(
            describe_stacked(&s),
            "One bar divided into shares of its total. All (total 4): A 1 (25.0%), B 3 (75.0%)."
        );
    }

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(
            wrap("In Education, Employment, or Training (EET)", 20),
            vec!["In Education,", "Employment, or", "Training (EET)"]
        );
        assert_eq!(wrap("short", 20), vec!["short"]);
        assert_eq!(wrap("", 20), Vec::<String>::new());
    }
}
