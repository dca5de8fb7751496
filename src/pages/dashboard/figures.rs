//! Headline figures, transcribed tables (with their chart when the file asks for one) and
//! the source line under each.

use crate::components::charts::{BarChart, LineChart, StackedShareChart};
use crate::components::csv_download::CsvDownload;
use crate::components::status::NotPublished;
use leptos::prelude::*;
use minutebook_data::{Cell, ChartKind, ColumnKind, Dashboard, DataTable, Section, SourceRef};
use minutebook_domain::csv_export::{file_name, indicators_csv, table_csv};
use minutebook_domain::indicators::{
    cell_text, comparator_points, indicator_value, series_points, table_points, table_stacked,
};
use minutebook_domain::numbers::format_figure;
use std::sync::Arc;

/// "Public Document Pack: ..., page 75".
pub fn source_text(d: &Dashboard, r: &SourceRef) -> String {
    let title = d
        .source(r)
        .map(|s| s.title.clone())
        .unwrap_or_else(|| r.document.clone());
    match &r.page {
        Some(p) if p.contains('-') => format!("{title}, pages {p}"),
        Some(p) => format!("{title}, page {p}"),
        None => title,
    }
}

/// A table as transcribed, with its CSV download.
#[component]
pub fn DataTableView(dashboard: Arc<Dashboard>, table: DataTable) -> impl IntoView {
    let t = table;
    let notes_column = t.rows.iter().any(|r| r.note.is_some());
    let caption_id = format!("{}-caption", t.id);
    let region_label = caption_id.clone();
    let head = t
        .columns
        .iter()
        .map(|c| view! { <th scope="col" class=numeric(c.kind).then_some("num")>{c.label.clone()}</th> })
        .collect_view();
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let cells = t
                .columns
                .iter()
                .enumerate()
                .map(|(i, col)| {
                    let cell = r.cells.get(i).and_then(|c| c.as_ref());
                    let content = match cell {
                        None => view! { <NotPublished /> }.into_any(),
                        Some(Cell::List(items)) => view! {
                            <ul class="list list--bullet table-list">{items.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                        }
                        .into_any(),
                        Some(c) => cell_text(Some(c), Some(col)).unwrap_or_default().into_any(),
                    };
                    let class = numeric(col.kind).then_some("num");
                    if i == 0 {
                        view! { <th scope="row" class=class>{content}</th> }.into_any()
                    } else {
                        view! { <td class=class>{content}</td> }.into_any()
                    }
                })
                .collect_view();
            view! {
                <tr class=r.total.then_some("table__total")>
                    {cells}
                    {notes_column.then(|| view! { <td class="hint">{r.note.clone().unwrap_or_default()}</td> })}
                </tr>
            }
        })
        .collect_view();
    let csv = table_csv(&t);
    let file = file_name(&[&dashboard.id, &t.id]);
    let caption = match &t.period {
        Some(p) => format!("{} ({p})", t.title),
        None => t.title.clone(),
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=region_label>
            <table class="table data-table" id=format!("{}-table", t.id)>
                <caption id=caption_id>{caption}</caption>
                <thead><tr>{head}{notes_column.then(|| view! { <th scope="col">"Note"</th> })}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {t.notes.iter().map(|n| view! { <p class="hint">{n.clone()}</p> }).collect_view()}
        {t.source.as_ref().map(|r| view! { <p class="hint">{format!("Source: {}", source_text(&dashboard, r))}</p> })}
        <CsvDownload csv=Signal::derive(move || csv.clone()) filename=file label=format!("Download “{}” (CSV)", t.title) />
    }
}

fn numeric(kind: ColumnKind) -> bool {
    kind != ColumnKind::Text
}

/// A table, drawn as its chart when it has one, with the table as the chart's data.
#[component]
pub fn TableBlock(dashboard: Arc<Dashboard>, table: DataTable) -> impl IntoView {
    let t = table;
    let id = t.id.clone();
    let data_table = {
        let (d, t) = (dashboard.clone(), t.clone());
        move || view! { <DataTableView dashboard=d.clone() table=t.clone() /> }
    };
    match table_points(&t) {
        Some((series, ChartKind::Bar)) => {
            view! { <BarChart id=id data=series>{data_table()}</BarChart> }.into_any()
        }
        Some((series, ChartKind::Line)) => {
            view! { <LineChart id=id data=series>{data_table()}</LineChart> }.into_any()
        }
        Some((_, ChartKind::StackedShare)) => match table_stacked(&t) {
            Some(data) => {
                view! { <StackedShareChart id=id data=data>{data_table()}</StackedShareChart> }
                    .into_any()
            }
            None => data_table().into_any(),
        },
        None => view! { <div class="table-block" id=id>{data_table()}</div> }.into_any(),
    }
}

/// A section's headline figures as cards, a CSV of them, and charts of any comparators
/// or time series.
#[component]
pub fn IndicatorCards(
    dashboard: Arc<Dashboard>,
    section: Section,
    /// The council's name, for the bar beside its comparators.
    place: String,
) -> impl IntoView {
    let d = dashboard;
    let s = section;
    let cards = s
        .indicators
        .iter()
        .map(|i| {
            let value = indicator_value(i);
            let context = [i.category.clone(), i.period.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
            view! {
                <li class="figure-card" id=i.id.clone()>
                    <h3 class="figure-card__name">{i.name.clone()}</h3>
                    <p class="figure-card__value">{match value {
                        Some(v) => v.into_any(),
                        None => view! { <NotPublished what="Figure" /> }.into_any(),
                    }}</p>
                    {(!context.is_empty()).then(|| view! { <p class="figure-card__context">{context}</p> })}
                    {i.target.as_ref().map(|t| {
                        let v = t.value.map(|v| format_figure(v, t.decimals, i.unit));
                        let words = match (v, &t.by) {
                            (Some(v), Some(by)) => format!("Target: {v} by {by}"),
                            (Some(v), None) => format!("Target: {v}"),
                            (None, _) => "Target: not published as a figure".to_string(),
                        };
                        view! { <p class="figure-card__target">{words}</p> {t.text.clone().map(|x| view! { <p class="source-wording">{format!("“{x}”")}</p> })} }
                    })}
                    {(!i.comparators.is_empty()).then(|| view! {
                        <ul class="list figure-card__comparators">
                            {i.comparators.iter().map(|c| {
                                let name = c.label.clone().unwrap_or_else(|| c.kind.label().to_string());
                                let figure = c.value.map(|v| format_figure(v, c.decimals, i.unit));
                                view! { <li><strong>{format!("{name}: ")}</strong>{figure.unwrap_or_else(|| "no figure".into())}
                                    {c.text.clone().map(|t| view! { <br /><span class="source-wording">{format!("“{t}”")}</span> })}</li> }
                            }).collect_view()}
                        </ul>
                    })}
                    {i.value_text.clone().map(|t| view! { <p class="source-wording">{format!("As printed: “{t}”")}</p> })}
                    {i.note.clone().map(|n| view! { <p class="hint">{n}</p> })}
                    {i.source.as_ref().map(|r| view! { <p class="hint">{format!("Source: {}", source_text(&d, r))}</p> })}
                </li>
            }
        })
        .collect_view();
    let charts = s
        .indicators
        .iter()
        .flat_map(|i| {
            let cmp = comparator_points(i, &place).map(|data| {
                view! { <BarChart id=format!("{}-comparators", i.id) data=data /> }.into_any()
            });
            let line = series_points(i).map(|data| {
                view! { <LineChart id=format!("{}-series", i.id) data=data /> }.into_any()
            });
            [cmp, line].into_iter().flatten()
        })
        .collect_view();
    let csv = indicators_csv(&s.indicators);
    let file = file_name(&[&d.id, &s.id, "figures"]);
    view! {
        <ul class="figure-cards">{cards}</ul>
        <CsvDownload csv=Signal::derive(move || csv.clone()) filename=file label=format!("Download the figures in “{}” (CSV)", s.title) />
        {charts}
    }
}
