//! Stacked share: each bar is 100% wide and divided into its categories' shares. Parts are
//! told apart by colour *and* pattern, separated by gaps, and named in a legend that gives
//! each category's words (and, for a single bar, its value and share).

use super::{chart_figure, pattern_defs, patterned_rect, svg_root, LINE, WRAP};
use crate::components::csv_download::CsvDownload;
use leptos::prelude::*;
use minutebook_domain::charts::{describe_stacked, share_text, wrap, StackedData};
use minutebook_domain::csv_export::{file_name, stacked_csv};

const BAR: f64 = 28.0;
const SWATCH: f64 = 16.0;

/// A stacked-share chart in a figure. Without `children`, the data table is generated.
#[component]
pub fn StackedShareChart(
    id: String,
    data: StackedData,
    /// A CSS class per category (e.g. RAG colours); a palette otherwise.
    #[prop(optional)]
    tones: Option<Vec<String>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let tones = tones.unwrap_or_else(|| {
        (0..data.categories.len())
            .map(|i| format!("chart-fill--{}", i % 8))
            .collect()
    });
    let svg = stacked_svg(&id, &data, &tones);
    chart_figure(
        id,
        data.title.clone(),
        describe_stacked(&data),
        svg,
        children,
        |table_id| view! { <StackedTable id=table_id data=data.clone() /> }.into_any(),
    )
}

fn text_lines(x: &str, y: f64, lines: &[String], class: &'static str) -> AnyView {
    let spans = lines
        .iter()
        .enumerate()
        .map(|(k, l)| view! { <tspan x=x.to_string() dy=if k == 0 { "0".to_string() } else { format!("{LINE}") }>{l.clone()}</tspan> })
        .collect_view();
    view! { <text class=class x=x.to_string() y=format!("{y:.1}")>{spans}</text> }.into_any()
}

fn stacked_svg(id: &str, d: &StackedData, tones: &[String]) -> AnyView {
    let mut y = 4.0;
    let mut parts = Vec::new();
    let single = d.bars.len() == 1;
    for bar in &d.bars {
        if !single {
            let lines = wrap(
                &format!("{} (total {})", bar.label, d.display(bar.total())),
                WRAP,
            );
            parts.push(text_lines("0", y + LINE - 4.0, &lines, "chart-label"));
            y += LINE * lines.len() as f64 + 2.0;
        }
        let mut x = 0.0;
        for (i, share) in bar.shares().into_iter().enumerate() {
            if share <= 0.0 {
                continue;
            }
            parts.push(patterned_rect(
                id,
                i,
                &tones[i % tones.len().max(1)],
                x,
                y,
                share,
                BAR,
            ));
            x += share;
        }
        // Gaps between parts: a white rule at each boundary, so parts never merge.
        let mut edge = 0.0;
        for share in bar.shares().into_iter().filter(|s| *s > 0.0) {
            edge += share;
            if edge < 99.9 {
                parts.push(view! { <line class="chart-gap" x1=format!("{edge:.3}%") x2=format!("{edge:.3}%") y1=format!("{y:.1}") y2=format!("{:.1}", y + BAR) /> }.into_any());
            }
        }
        y += BAR + 14.0;
    }
    // Legend: swatch (colour and pattern) and the category's words.
    y += 4.0;
    for (i, cat) in d.categories.iter().enumerate() {
        let text = if single {
            let b = &d.bars[0];
            format!(
                "{cat}: {} ({})",
                d.display(b.values[i]),
                share_text(b.shares()[i])
            )
        } else {
            cat.clone()
        };
        let lines = wrap(&text, WRAP - 4);
        parts.push(view! {
            <g class="chart-legend__item">
                <rect class=format!("chart-fill {}", tones[i % tones.len().max(1)]) x="0" y=format!("{y:.1}") width=SWATCH height=SWATCH />
                <rect class="chart-overlay chart-swatch" x="0" y=format!("{y:.1}") width=SWATCH height=SWATCH fill=format!("url(#{})", super::pattern_id(id, i)) />
            </g>
        }.into_any());
        let spans = lines
            .iter()
            .enumerate()
            .map(|(k, l)| view! { <tspan x="24" dy=if k == 0 { "0".to_string() } else { format!("{LINE}") }>{l.clone()}</tspan> })
            .collect_view();
        parts.push(
            view! { <text class="chart-label" x="24" y=format!("{:.1}", y + 13.0)>{spans}</text> }
                .into_any(),
        );
        y += (LINE * lines.len() as f64).max(SWATCH) + 6.0;
    }
    let body = view! { {pattern_defs(id, d.categories.len())} {parts} }.into_any();
    svg_root(id, y, "chart--stacked", body)
}

/// The data of a stacked chart: a row per bar, a column per category, shares in brackets.
#[component]
pub fn StackedTable(id: String, data: StackedData) -> impl IntoView {
    let csv = stacked_csv(&data);
    let file = file_name(&[&id]);
    let head = data
        .categories
        .iter()
        .map(|c| view! { <th scope="col" class="num">{c.clone()}</th> })
        .collect_view();
    let rows = data
        .bars
        .iter()
        .map(|b| {
            let shares = b.shares();
            let cells = b
                .values
                .iter()
                .zip(shares)
                .map(|(v, s)| view! { <td class="num">{data.display(*v)} <span class="hint">{format!("({})", share_text(s))}</span></td> })
                .collect_view();
            view! { <tr><th scope="row">{b.label.clone()}</th>{cells}<td class="num">{data.display(b.total())}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=format!("{id}-caption")>
            <table class="table">
                <caption id=format!("{id}-caption")>{format!("Data: {}", data.title)}</caption>
                <thead><tr><th scope="col">{data.bar_heading.clone()}</th>{head}<th scope="col" class="num">"Total"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <CsvDownload csv=Signal::derive(move || csv.clone()) filename=file label=format!("Download the data of “{}” (CSV)", data.title) />
    }
}
