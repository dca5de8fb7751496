//! A line over time: gridlines with their values, a marker at every point, the first and
//! last values (and every value when there are few) written beside their markers.

use super::{chart_figure, svg_root, SeriesTable};
use leptos::prelude::*;
use minutebook_data::Unit;
use minutebook_domain::charts::{describe_line, nice_max, ticks, SeriesData};

const TOP: f64 = 30.0;
const PLOT: f64 = 150.0;
/// Left and right margins of the plot, in % of the width, so end labels fit.
const LEFT: f64 = 6.0;
const RIGHT: f64 = 94.0;

#[component]
pub fn LineChart(
    id: String,
    data: SeriesData,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let svg = line_svg(&id, &data);
    chart_figure(
        id,
        data.title.clone(),
        describe_line(&data),
        svg,
        children,
        |table_id| view! { <SeriesTable id=table_id data=data.clone() /> }.into_any(),
    )
}

fn line_svg(id: &str, d: &SeriesData) -> AnyView {
    let max = d.points.iter().map(|p| p.value).fold(0.0, f64::max);
    let top = if d.unit == Unit::Percent && max <= 100.0 {
        100.0
    } else {
        nice_max(max)
    };
    let n = d.points.len();
    let x_of = |i: usize| {
        if n <= 1 {
            50.0
        } else {
            LEFT + (RIGHT - LEFT) * i as f64 / (n - 1) as f64
        }
    };
    let y_of = |v: f64| TOP + PLOT - (v / top).clamp(0.0, 1.0) * PLOT;
    let mut parts = Vec::new();
    for t in ticks(top, 4) {
        let y = y_of(t);
        parts.push(view! {
            <line class="chart-grid" x1="0%" x2="100%" y1=format!("{y:.1}") y2=format!("{y:.1}") />
            <text class="chart-tick" x="0" y=format!("{:.1}", y - 4.0)>{d.display(t)}</text>
        }.into_any());
    }
    for i in 1..n {
        let (a, b) = (&d.points[i - 1], &d.points[i]);
        parts.push(view! {
            <line class="chart-line" x1=format!("{:.3}%", x_of(i - 1)) x2=format!("{:.3}%", x_of(i)) y1=format!("{:.1}", y_of(a.value)) y2=format!("{:.1}", y_of(b.value)) />
        }.into_any());
    }
    // Label every point when there are few; otherwise the first and the last.
    let label_all = n <= 4;
    for (i, p) in d.points.iter().enumerate() {
        let (x, y) = (x_of(i), y_of(p.value));
        let anchor = if n > 1 && i == 0 {
            "start"
        } else if n > 1 && i == n - 1 {
            "end"
        } else {
            "middle"
        };
        parts.push(view! { <circle class="chart-marker" cx=format!("{x:.3}%") cy=format!("{y:.1}") r="5" /> }.into_any());
        if label_all || i == 0 || i == n - 1 {
            parts.push(view! {
                <text class="chart-value" x=format!("{x:.3}%") y=format!("{:.1}", y - 10.0) text-anchor=anchor>{d.display(p.value)}</text>
            }.into_any());
        }
        // Period labels under the axis: all when few, else first and last.
        if label_all || i == 0 || i == n - 1 {
            parts.push(view! {
                <text class="chart-label" x=format!("{x:.3}%") y=format!("{:.1}", TOP + PLOT + 20.0) text-anchor=anchor>{p.label.clone()}</text>
            }.into_any());
        }
    }
    svg_root(
        id,
        TOP + PLOT + 30.0,
        "chart--line",
        view! { {parts} }.into_any(),
    )
}
