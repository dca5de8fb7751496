//! Horizontal bars: each bar's label and value are written above it, so the chart reads
//! without colour and without an axis; the bar lengths show the comparison.

use super::{chart_figure, pattern_defs, patterned_rect, svg_root, SeriesTable, LINE, WRAP};
use leptos::prelude::*;
use minutebook_data::Unit;
use minutebook_domain::charts::{describe_bars, nice_max, percent_of, wrap, SeriesData};

const BAR: f64 = 16.0;
const GAP: f64 = 12.0;

/// A bar chart in a figure. Without `children`, the data table is generated from `data`.
#[component]
pub fn BarChart(
    id: String,
    data: SeriesData,
    /// A CSS class per bar (e.g. RAG colours); bars share one colour otherwise.
    #[prop(optional)]
    tones: Option<Vec<String>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let svg = bar_svg(&id, &data, tones.as_deref());
    chart_figure(
        id,
        data.title.clone(),
        describe_bars(&data),
        svg,
        children,
        |table_id| view! { <SeriesTable id=table_id data=data.clone() /> }.into_any(),
    )
}

fn bar_svg(id: &str, d: &SeriesData, tones: Option<&[String]>) -> AnyView {
    let max = d.points.iter().map(|p| p.value).fold(0.0, f64::max);
    // Percentages are drawn against 100%; other figures against a round number above the largest.
    let top = if d.unit == Unit::Percent {
        max.max(100.0)
    } else {
        nice_max(max)
    };
    let mut y = 4.0;
    let mut parts = Vec::new();
    for (i, p) in d.points.iter().enumerate() {
        let lines = wrap(&format!("{}: {}", p.label, d.display(p.value)), WRAP);
        let text_y = y + LINE - 4.0;
        let spans = lines
            .iter()
            .enumerate()
            .map(|(k, l)| view! { <tspan x="0" dy=if k == 0 { "0".to_string() } else { format!("{LINE}") }>{l.clone()}</tspan> })
            .collect_view();
        parts.push(
            view! { <text class="chart-label" x="0" y=format!("{text_y:.1}")>{spans}</text> }
                .into_any(),
        );
        y += LINE * lines.len() as f64 + 2.0;
        let tone = tones
            .and_then(|t| t.get(i))
            .cloned()
            .unwrap_or_else(|| "chart-fill--0".to_string());
        let pattern = if tones.is_some() { i } else { 0 };
        // A zero still shows a hairline so the bar's place is visible.
        let width = percent_of(p.value, top).max(0.4);
        parts.push(patterned_rect(id, pattern, &tone, 0.0, y, width, BAR));
        y += BAR + GAP;
    }
    parts.push(view! { <line class="chart-axis" x1="0.5" y1="0" x2="0.5" y2=format!("{:.0}", y - GAP + 2.0) /> }.into_any());
    let count = if tones.is_some() { d.points.len() } else { 1 };
    let body = view! { {pattern_defs(id, count)} {parts} }.into_any();
    svg_root(id, y, "chart--bar", body)
}
