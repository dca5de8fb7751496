//! `work-programmes/<id>.json`: one version of a committee's work programme — what it
//! plans to look at, at which of its meetings, and who leads each report.
//!
//! Each version the papers print is its own file, so a reader can see how the plan moved
//! between versions and whether each meeting kept to it.

use crate::council::schema_derive;
use crate::{Date, Listed, Listing, ReportSection, SourceDocument, Versioned};
use serde::{Deserialize, Serialize};

schema_derive! {
/// One version of a committee's work programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkProgramme {
    /// Always `"minutebook/1"`.
    pub format: String,
    /// Stable, URL-safe id, e.g. `sefton-osc-children-2022-23-draft-2022-09-15`.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// The programme's name as the covering report lists it, e.g. "Overview and Scrutiny
    /// Work Programme for 2022/23".
    pub title: String,
    pub council: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The version date printed on the programme (e.g. "15/09/22"); absent when the
    /// version carries no date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The municipal year, as its first calendar year: 2022 for 2022/23.
    #[serde(deserialize_with = "crate::rules::year")]
    pub municipal_year: i32,
    /// The heading printed on the programme, e.g. "DRAFT WORK PROGRAMME 2022/23".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub status: ProgrammeStatus,
    /// The words in the papers the status rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_wording: Option<String>,
    /// The meeting whose agenda pack printed this version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_in: Option<String>,
    /// The meetings, in the order of the programme's columns.
    pub meetings: Vec<ProgrammeMeeting>,
    /// The rows, grouped as the programme groups them.
    pub sections: Vec<ProgrammeSection>,
    /// Reference material printed with the programme, e.g. the criteria checklist for
    /// selecting topics for review.
    #[serde(default)]
    pub reference: Vec<ReferenceDocument>,
    #[serde(default)]
    pub sources: Vec<SourceDocument>,
    /// Notes about the record itself, e.g. how the grid was read.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// Whether a version is a draft or the one the committee agreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeStatus {
    Draft,
    Agreed,
    /// The papers do not say.
    NotStated,
}

/// A column of the programme: one meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeMeeting {
    pub date: Date,
    /// The column heading as printed, e.g. "Tues 27/09/22 Southport".
    pub label: String,
    /// The weekday as printed, e.g. "Tues".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    /// The venue as printed, e.g. "Southport".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Id of the meeting in the data, when it is there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
}

/// A group of rows under a heading, e.g. "Regular Reports", "NHS Updates".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeSection {
    /// The heading as printed; absent for rows before any heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub rows: Vec<ProgrammeRow>,
}

/// One item of business in the programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeRow {
    /// As printed, e.g. "Integrated Care System Update and Start Well Overview".
    pub title: String,
    /// Lead officers as printed in the brackets, one per entry, e.g.
    /// `["Amy Riley", "Debbie Campbell"]` for "(Amy Riley/Debbie Campbell)". Empty when
    /// the programme names none.
    #[serde(default)]
    pub leads: Vec<String>,
    /// The dates of the meetings the row is marked for (each one a column's date).
    #[serde(default)]
    pub planned: Vec<Date>,
    /// Notes printed with the row, e.g. "See note below", "Invite Cr. Doyle".
    #[serde(default)]
    pub notes: Vec<String>,
    /// Agenda items that took this row's business where the titles alone do not show it.
    /// Titles that differ only in wording are matched without these.
    #[serde(default)]
    pub agenda_links: Vec<AgendaLink>,
}

/// An explicit link from a programme row to an agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaLink {
    /// Meeting id.
    pub meeting: String,
    /// The agenda item's number as printed, e.g. "5".
    pub item: String,
    /// Why the link is made, citing the papers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Reference material printed with a programme (an appendix), in headed sections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceDocument {
    /// e.g. "Criteria Checklist for Selecting Topics for Review".
    pub title: String,
    /// Where it is printed, e.g. "Appendix B".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub sections: Vec<ReportSection>,
}
}

impl Versioned for WorkProgramme {
    const WHAT: &'static str = "work_programme file";
}

impl ProgrammeStatus {
    pub fn label(self) -> &'static str {
        match self {
            ProgrammeStatus::Draft => "Draft",
            ProgrammeStatus::Agreed => "Agreed",
            ProgrammeStatus::NotStated => "Status not stated",
        }
    }
}

impl WorkProgramme {
    /// Every row, in programme order, with its section heading.
    pub fn rows(&self) -> impl Iterator<Item = (Option<&str>, &ProgrammeRow)> {
        self.sections
            .iter()
            .flat_map(|s| s.rows.iter().map(move |r| (s.heading.as_deref(), r)))
    }

    /// The rows planned for the meeting on `date`.
    pub fn planned_for(&self, date: Date) -> impl Iterator<Item = &ProgrammeRow> {
        self.rows()
            .map(|(_, r)| r)
            .filter(move |r| r.planned.contains(&date))
    }
}

impl Listed for WorkProgramme {
    const DIR: &'static str = "work-programmes";
    fn listing(&self) -> Listing {
        Listing {
            id: self.id.clone(),
            title: self.title.clone(),
            council: self.council.clone(),
            committee: self.committee.clone(),
            file: format!("{}/{}.json", Self::DIR, self.id),
            date: self.date,
            note: Some(self.status.label().to_string()),
        }
    }
}
