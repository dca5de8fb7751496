//! Dashboard figures as a reader sees them: numbers written the way the paper printed them,
//! table cells as text, and the chart data a table or an indicator gives.

use crate::charts::{ChartPoint, SeriesData, StackedBar, StackedData};
use crate::numbers::{format_figure, format_number};
use minutebook_data::{Cell, ChartKind, Column, ColumnKind, DataTable, Indicator, Unit};

/// An indicator's figure as shown: the formatted value, or `None` when not published.
pub fn indicator_value(i: &Indicator) -> Option<String> {
    i.value.map(|v| format_figure(v, i.decimals, i.unit))
}

fn column_unit(c: &Column) -> Unit {
    match c.kind {
        ColumnKind::Percent => Unit::Percent,
        ColumnKind::Count => Unit::Count,
        ColumnKind::Text | ColumnKind::Number => Unit::Number,
    }
}

/// A cell as plain text (lists joined with "; "); `None` for a blank cell.
pub fn cell_text(cell: Option<&Cell>, column: Option<&Column>) -> Option<String> {
    match cell? {
        Cell::Number(n) => Some(match column {
            Some(c) => format_figure(*n, c.decimals, column_unit(c)),
            None => format_number(*n, None),
        }),
        Cell::Text(t) => Some(t.clone()),
        Cell::List(items) => Some(items.join("; ")),
    }
}

/// The points a table's chart draws: label column against value column, total rows and
/// rows without a number left out.
pub fn table_points(t: &DataTable) -> Option<(SeriesData, ChartKind)> {
    let spec = t.chart.as_ref()?;
    let value_col = t.columns.get(spec.value_column)?;
    let label_col = t.columns.get(spec.label_column)?;
    let points = t
        .rows
        .iter()
        .filter(|r| !r.total)
        .filter_map(|r| {
            let label = cell_text(r.cells.get(spec.label_column)?.as_ref(), None)?;
            match r.cells.get(spec.value_column)? {
                Some(Cell::Number(v)) => Some(ChartPoint { label, value: *v }),
                _ => None,
            }
        })
        .collect();
    Some((
        SeriesData {
            title: t.title.clone(),
            unit: column_unit(value_col),
            decimals: value_col.decimals,
            label_heading: label_col.label.clone(),
            value_heading: value_col.label.clone(),
            points,
        },
        spec.kind,
    ))
}

/// A table's stacked-share chart: one bar whose parts are the table's rows.
pub fn table_stacked(t: &DataTable) -> Option<StackedData> {
    let (series, kind) = table_points(t)?;
    (kind == ChartKind::StackedShare).then(|| StackedData {
        title: series.title.clone(),
        unit: series.unit,
        decimals: series.decimals,
        bar_heading: series.label_heading.clone(),
        categories: series.points.iter().map(|p| p.label.clone()).collect(),
        bars: vec![StackedBar {
            label: series.value_heading.clone(),
            values: series.points.iter().map(|p| p.value).collect(),
        }],
    })
}

/// An indicator beside its comparators (national, North West...) as bars, when at least
/// one comparator has a figure.
pub fn comparator_points(i: &Indicator, place: &str) -> Option<SeriesData> {
    let own = i.value?;
    let others: Vec<ChartPoint> = i
        .comparators
        .iter()
        .filter_map(|c| {
            let label = c
                .label
                .clone()
                .unwrap_or_else(|| c.kind.label().to_string());
            c.value.map(|value| ChartPoint { label, value })
        })
        .collect();
    if others.is_empty() {
        return None;
    }
    let mut points = vec![ChartPoint {
        label: place.to_string(),
        value: own,
    }];
    points.extend(others);
    Some(SeriesData {
        title: format!("{}: {place} and comparators", i.name),
        unit: i.unit,
        decimals: i.decimals,
        label_heading: "Area".into(),
        value_heading: i.name.clone(),
        points,
    })
}

/// An indicator's time series as a line, when it has two points or more.
pub fn series_points(i: &Indicator) -> Option<SeriesData> {
    (i.series.len() >= 2).then(|| SeriesData {
        title: format!("{} over time", i.name),
        unit: i.unit,
        decimals: i.decimals,
        label_heading: "Period".into(),
        value_heading: i.name.clone(),
        points: i
            .series
            .iter()
            .map(|p| ChartPoint {
                label: p.label.clone(),
                value: p.value,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use minutebook_data::{TableChart, TableRow};

    #[test]
    fn table_chart_leaves_out_totals() {
        let t = DataTable {
            id: "t".into(),
            title: "Status".into(),
            period: None,
            columns: vec![
                Column {
                    label: "Category".into(),
                    kind: ColumnKind::Text,
                    decimals: None,
                },
                Column {
                    label: "Count".into(),
                    kind: ColumnKind::Count,
                    decimals: None,
                },
            ],
            rows: vec![
                TableRow {
                    cells: vec![Some(Cell::Text("A".into())), Some(Cell::Number(3.0))],
                    total: false,
                    note: None,
                },
                TableRow {
                    cells: vec![Some(Cell::Text("B".into())), None],
                    total: false,
                    note: None,
                },
                TableRow {
                    cells: vec![Some(Cell::Text("Total".into())), Some(Cell::Number(3.0))],
                    total: true,
                    note: None,
                },
            ],
            chart: Some(TableChart {
                kind: ChartKind::StackedShare,
                label_column: 0,
                value_column: 1,
            }),
            source: None,
            notes: vec![],
        };
        let (s, kind) = table_points(&t).unwrap();
        assert_eq!(kind, ChartKind::StackedShare);
        assert_eq!(
            s.points,
            vec![ChartPoint {
                label: "A".into(),
                value: 3.0
            }]
        );
        let stacked = table_stacked(&t).unwrap();
        assert_eq!(stacked.categories, vec!["A"]);
        assert_eq!(stacked.bars[0].label, "Count");
        assert_eq!(cell_text(None, None), None);
        assert_eq!(
            cell_text(Some(&Cell::List(vec!["a".into(), "b".into()])), None).as_deref(),
            Some("a; b")
        );
    }
}
