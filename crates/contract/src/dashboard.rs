//! `dashboards/<id>.json`: a performance dashboard, performance report or improvement plan
//! considered by a committee — its figures as typed data, so the app can show them as
//! text, tables and charts without anyone opening the PDF.
//!
//! What a file holds, and what it may leave out:
//! - Figures are numbers ([`Indicator::value`], table [`Cell::Number`]) with the number of
//!   decimals the paper printed (`decimals`), so "112.20" stays "112.20".
//! - A chart the paper printed only as a picture is a [`ChartWithoutData`]: its title is
//!   listed and the app says its data were not published. Nothing is read off a picture.
//! - A council that publishes a time series puts it in [`Indicator::series`] and gets a
//!   line chart; a table with a [`TableChart`] gets a bar or stacked-share chart.
//! - An improvement plan is the same file with `kind: "improvement_plan"` and a [`plan`]
//!   (priorities → outcomes → objectives → actions, each action with its RAG status).
//!
//! [`plan`]: Dashboard::plan

use crate::council::schema_derive;
use crate::{Block, Date, Listed, Listing, SourceDocument, Versioned};
use serde::{Deserialize, Serialize};

mod plan;
pub use plan::*;

schema_derive! {
/// A performance dashboard, performance report or improvement plan considered by a committee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Always `"minutebook/1"`.
    pub format: String,
    /// Stable, URL-safe id; the file is `dashboards/<id>.json`.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// Title as the paper prints it, e.g. "Performance Dashboard".
    pub title: String,
    /// Id of the council that published it.
    pub council: String,
    /// Id of the committee that considered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The date it carries: the meeting it went to, or its own date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// What kind of document it is (default `performance`).
    #[serde(default, skip_serializing_if = "DashboardKind::is_performance")]
    pub kind: DashboardKind,
    /// The period the figures cover, as written: "September 2022", "Quarter 2 2021/22".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The "as at" date of the figures or statuses, when the paper prints one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_at: Option<Date>,
    /// Whose report it was, as printed: "Report of the Executive Director of ...".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_of: Option<String>,
    /// What the paper says about itself (summary, introduction), as written.
    #[serde(default)]
    pub summary: Vec<Block>,
    /// The meetings (agenda item and minute) where the committee considered it.
    #[serde(default)]
    pub considered: Vec<Consideration>,
    /// The papers it was transcribed from; [`SourceRef::document`] points at these ids.
    #[serde(default)]
    pub sources: Vec<SourceDocument>,
    /// The dashboard's categories, in the paper's order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The improvement plan, for `kind: "improvement_plan"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<ImprovementPlan>,
    /// Notes about the transcription itself, e.g. what the source leaves out.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// What kind of document a dashboard file holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DashboardKind {
    /// Performance figures: a dashboard, scorecard or statistical summary.
    #[default]
    Performance,
    /// A performance report known only from its description (e.g. in the minutes).
    Report,
    /// An improvement or action plan with a status for every action.
    ImprovementPlan,
}

/// One consideration of the document by a committee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consideration {
    /// Meeting id.
    pub meeting: String,
    /// Agenda item number as printed ("6"), when the item is numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The minute that records it ("26"): its resolutions are the decisions made on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<String>,
    /// How it came to the meeting, e.g. "Annex A to the report on the Children's Services
    /// Improvement Programme".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where in a source paper something is printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Id of a document in the file's `sources`.
    pub document: String,
    /// Page or pages as the paper numbers them: "75", "77-80".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

/// One category of a dashboard ("Contacts and referrals", "Cared for Children").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// URL-safe id, unique in the file (the page anchor).
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// Heading as printed.
    pub title: String,
    /// The paper's narrative for this category, as written.
    #[serde(default)]
    pub narrative: Vec<Block>,
    /// Headline figures.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub tables: Vec<DataTable>,
    /// Charts printed as pictures only: listed, with the notice that their data were not
    /// published.
    #[serde(default)]
    pub charts_without_data: Vec<ChartWithoutData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// A figure a paper prints: a count, a percentage, a rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// URL-safe id, unique in the file.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// Name as printed, e.g. "CfC number rates per 10,000".
    pub name: String,
    /// The category it belongs to; the section title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The figure; absent when the paper does not print it as text.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::rules::opt_figure"
    )]
    pub value: Option<f64>,
    /// Decimal places as printed (112.20 → 2). Absent: as many as the value needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    pub unit: Unit,
    /// The figure in the paper's own words where a number alone loses something,
    /// e.g. "3.6% (1432)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_text: Option<String>,
    /// Period the figure covers, as written ("October 2021 school census").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_at: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// National, North West, statistical neighbours... as printed.
    #[serde(default)]
    pub comparators: Vec<Comparator>,
    /// Earlier values, oldest first; two or more give a line chart.
    #[serde(default)]
    pub series: Vec<SeriesPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What an indicator's number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// People, cases, schools...
    Count,
    /// A percentage (46.8 means 46.8%).
    Percent,
    /// A rate per 10,000 children.
    RatePer10000,
    /// Any other number.
    Number,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::rules::opt_figure"
    )]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    /// When the target is for, as written ("2025").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The target in the paper's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A figure to compare with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparator {
    pub kind: ComparatorKind,
    /// Label as printed when it says more than the kind ("Liverpool City Region").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Absent when the paper compares in words only ("performing better than ...").
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::rules::opt_figure"
    )]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The comparison in the paper's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComparatorKind {
    National,
    NorthWest,
    StatisticalNeighbours,
    Other,
}

/// One point of a time series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    /// The period as written ("Sep 2022", "2021/22").
    pub label: String,
    #[serde(deserialize_with = "crate::rules::figure")]
    pub value: f64,
}

/// A table the paper prints as text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataTable {
    /// URL-safe id, unique in the file (the CSV file name and page anchor).
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// Heading as printed.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<TableRow>,
    /// Draw a chart of one column against another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<TableChart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Heading as printed.
    pub label: String,
    #[serde(default, skip_serializing_if = "ColumnKind::is_text")]
    pub kind: ColumnKind,
    /// Decimal places as printed for number columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    #[default]
    Text,
    Count,
    Percent,
    Number,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// One cell per column; `null` when the cell is blank or not published.
    pub cells: Vec<Option<Cell>>,
    /// A "Total" row: shown in the table, left out of charts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub total: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A table cell: a number, text, or a bulleted list (a JSON array of strings).
// Deserialize is written by hand (below), not `untagged`, so that a number out of range
// is refused with its own message rather than "did not match any variant".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Text(String),
    List(Vec<String>),
}

/// Which chart to draw from a table: labels from one column, values from another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableChart {
    pub kind: ChartKind,
    /// 0-based index of the label column.
    pub label_column: usize,
    /// 0-based index of the number column.
    pub value_column: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// One bar per row.
    Bar,
    /// One bar divided into each row's share of the whole.
    StackedShare,
    /// Values over time.
    Line,
}

/// A chart printed only as a picture: its data were not published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartWithoutData {
    /// Title as printed, e.g. "Contact Starts Monthly".
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Any words printed with the picture (legend entries such as "StartedInMonth").
    #[serde(default)]
    pub legend: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
}

impl DashboardKind {
    pub fn is_performance(&self) -> bool {
        *self == DashboardKind::Performance
    }
    /// The label a reader sees; also the catalogue listing's `note`.
    pub fn label(self) -> &'static str {
        match self {
            DashboardKind::Performance => "Performance dashboard",
            DashboardKind::Report => "Performance report",
            DashboardKind::ImprovementPlan => "Improvement plan",
        }
    }
    /// The kind named by a catalogue listing's `note` (see [`DashboardKind::label`]).
    pub fn from_label(label: Option<&str>) -> DashboardKind {
        [DashboardKind::Report, DashboardKind::ImprovementPlan]
            .into_iter()
            .find(|k| Some(k.label()) == label)
            .unwrap_or_default()
    }
}

impl ColumnKind {
    pub fn is_text(&self) -> bool {
        *self == ColumnKind::Text
    }
}

impl ComparatorKind {
    pub fn label(self) -> &'static str {
        match self {
            ComparatorKind::National => "National",
            ComparatorKind::NorthWest => "North West",
            ComparatorKind::StatisticalNeighbours => "Statistical neighbours",
            ComparatorKind::Other => "Other",
        }
    }
}

impl Dashboard {
    /// The source document a reference points at.
    pub fn source(&self, r: &SourceRef) -> Option<&SourceDocument> {
        self.sources.iter().find(|s| s.id == r.document)
    }
}

impl Versioned for Dashboard {
    const WHAT: &'static str = "dashboard file";
}

impl Listed for Dashboard {
    const DIR: &'static str = "dashboards";
    fn listing(&self) -> Listing {
        Listing {
            id: self.id.clone(),
            title: self.title.clone(),
            council: self.council.clone(),
            committee: self.committee.clone(),
            file: format!("{}/{}.json", Self::DIR, self.id),
            date: self.date,
            note: Some(self.kind.label().to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, SeqAccess, Visitor};
        struct CellVisitor;
        impl<'de> Visitor<'de> for CellVisitor {
            type Value = Cell;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number, a string or a list of strings")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
                match crate::rules::figure_problem(v) {
                    Some(p) => Err(E::custom(p)),
                    None => Ok(Cell::Number(v)),
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
                self.visit_f64(v as f64)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Cell, E> {
                Ok(Cell::Text(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(Cell::List(out))
            }
        }
        d.deserialize_any(CellVisitor)
    }
}
