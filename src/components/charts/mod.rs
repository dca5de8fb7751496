//! Charts drawn as SVG by hand — bar, stacked share and line — with no JavaScript chart
//! library. Every chart is a `<figure>` with a visible title, a text description and the
//! same data as a table under it; the `<svg>` has `role="img"` and is named and described
//! by those two texts. Colour is never the only signal: every bar and segment is labelled
//! in words, segments and legend swatches also carry a pattern, and lines carry markers.
//!
//! Layout uses SVG lengths in `%` across and pixels down, so text stays at its real size
//! and the chart fits any width down to 320 px without scaling its words.

pub mod bar;
pub mod line;
pub mod stacked;

pub use bar::BarChart;
pub use line::LineChart;
pub use stacked::StackedShareChart;

use crate::components::csv_download::CsvDownload;
use leptos::prelude::*;
use minutebook_domain::charts::SeriesData;
use minutebook_domain::csv_export::series_csv;

/// Characters per label line: fits 320 px screens at the chart's font size.
pub const WRAP: usize = 34;
/// Pixel height of one line of chart text.
pub const LINE: f64 = 18.0;

/// The figure around a chart: title, description, the SVG, then its data table.
#[component]
pub fn ChartFigure(
    /// Unique on the page: the figure's id and the prefix of its parts' ids.
    id: String,
    title: String,
    description: String,
    svg: AnyView,
    /// The data table (and its download) shown under the chart.
    children: Children,
) -> impl IntoView {
    view! {
        <figure class="chart" id=id.clone()>
            <figcaption class="chart__title" id=format!("{id}-title")>{title}</figcaption>
            <p class="chart__description" id=format!("{id}-desc")>{description}</p>
            {svg}
            <div class="chart__data">{children()}</div>
        </figure>
    }
}

/// A chart's figure over its data table: the page's own (`children`) or, when it gives
/// none, `generated` (given the table's id).
pub fn chart_figure(
    id: String,
    title: String,
    description: String,
    svg: AnyView,
    children: Option<Children>,
    generated: impl FnOnce(String) -> AnyView,
) -> AnyView {
    let table = match children {
        Some(c) => c().into_any(),
        None => generated(format!("{id}-data")),
    };
    view! {
        <ChartFigure id=id title=title description=description svg=svg>
            {table}
        </ChartFigure>
    }
    .into_any()
}

/// The `role="img"` root every chart draws into.
pub fn svg_root(id: &str, height: f64, class: &str, body: AnyView) -> AnyView {
    view! {
        <svg
            class=format!("chart__svg {class}")
            role="img"
            aria-labelledby=format!("{id}-title")
            aria-describedby=format!("{id}-desc")
            width="100%"
            height=format!("{height:.0}")
            focusable="false"
        >
            {body}
        </svg>
    }
    .into_any()
}

/// Up to eight fill patterns, so neighbouring parts differ in more than colour. Pattern
/// `i` is drawn in white over the part's colour (see style/dashboard.css).
pub fn pattern_defs(id: &str, count: usize) -> AnyView {
    let defs = (0..count)
        .map(|i| {
            let pid = pattern_id(id, i);
            let marks = match i % 8 {
                0 => ().into_any(),
                1 => view! { <path class="chart-pattern" d="M0,8 L8,0" /> }.into_any(),
                2 => view! { <circle class="chart-pattern chart-pattern--dot" cx="4" cy="4" r="1.6" /> }.into_any(),
                3 => view! { <path class="chart-pattern" d="M0,4 L8,4" /> }.into_any(),
                4 => view! { <path class="chart-pattern" d="M0,8 L8,0 M0,0 L8,8" /> }.into_any(),
                5 => view! { <path class="chart-pattern" d="M4,0 L4,8" /> }.into_any(),
                6 => view! { <path class="chart-pattern" d="M0,0 L8,8" /> }.into_any(),
                _ => view! { <path class="chart-pattern" d="M0,4 L8,4 M4,0 L4,8" /> }.into_any(),
            };
            view! {
                <pattern id=pid width="8" height="8" patternUnits="userSpaceOnUse">{marks}</pattern>
            }
        })
        .collect_view();
    view! { <defs>{defs}</defs> }.into_any()
}

pub fn pattern_id(id: &str, i: usize) -> String {
    format!("{id}-pattern-{i}")
}

/// A filled area in colour `tone` with pattern `i` over it, at `%` across and px down.
pub fn patterned_rect(
    id: &str,
    i: usize,
    tone: &str,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
) -> AnyView {
    let (x, w) = (format!("{x:.3}%"), format!("{width:.3}%"));
    let (y, h) = (format!("{y:.1}"), format!("{height:.1}"));
    view! {
        <g class="chart-part">
            <rect class=format!("chart-fill {tone}") x=x.clone() y=y.clone() width=w.clone() height=h.clone() />
            <rect class="chart-overlay" x=x y=y width=w height=h fill=format!("url(#{})", pattern_id(id, i)) />
        </g>
    }
    .into_any()
}

/// A table of a bar or line chart's points with its CSV download (when the chart is not
/// drawn from a transcribed table).
#[component]
pub fn SeriesTable(id: String, data: SeriesData) -> impl IntoView {
    let csv = series_csv(&data);
    let file = minutebook_domain::csv_export::file_name(&[&id]);
    let rows = data
        .points
        .iter()
        .map(|p| view! { <tr><th scope="row">{p.label.clone()}</th><td class="num">{data.display(p.value)}</td></tr> })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=format!("{id}-caption")>
            <table class="table">
                <caption id=format!("{id}-caption")>{format!("Data: {}", data.title)}</caption>
                <thead><tr><th scope="col">{data.label_heading.clone()}</th><th scope="col" class="num">{data.value_heading.clone()}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <CsvDownload csv=Signal::derive(move || csv.clone()) filename=file label=format!("Download the data of “{}” (CSV)", data.title) />
    }
}
