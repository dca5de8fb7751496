//! Publishers (councils), committees and the catalogue that lists every meeting.

use crate::{Date, MeetingStatus, MinutesStatus, Time, Venue};
use serde::{Deserialize, Serialize};

macro_rules! schema_derive {
    ($($item:item)*) => { $( #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))] $item )* };
}
pub(crate) use schema_derive;

schema_derive! {
/// `index.json`: everything the home and committee pages need, without meeting detail.
/// Generated from the council files and meeting files by `minutebook-tools catalogue`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Always `"minutebook/1"`.
    pub format: String,
    pub councils: Vec<Council>,
    pub committees: Vec<Committee>,
    /// Every meeting of every committee, oldest first.
    pub meetings: Vec<MeetingSummary>,
    /// Work programmes (`work-programmes/<id>.json`), every version.
    #[serde(default)]
    pub work_programmes: Vec<Listing>,
    /// Key Decision Forward Plans (`forward-plans/<id>.json`).
    #[serde(default)]
    pub forward_plans: Vec<Listing>,
    /// Performance dashboards and improvement plans (`dashboards/<id>.json`).
    #[serde(default)]
    pub dashboards: Vec<Listing>,
    /// Registers of people, one per council (`people/<council id>.json`); each has a
    /// generated `attendance/<council id>.json`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Listing>,
}

/// A published document other than a meeting, as listed in the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    pub title: String,
    pub council: String,
    /// The committee it belongs to, when it belongs to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// Path of the file relative to the data root.
    pub file: String,
    /// The date the document carries (version date, publication date, "as at" date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// A short description of the kind or status, e.g. "Draft", "Agreed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `councils/<council id>.json`: a publisher and its committees, written by hand or exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CouncilFile {
    pub format: String,
    pub council: Council,
    pub committees: Vec<Committee>,
}

/// A publisher of committee papers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Council {
    /// Stable, URL-safe id, e.g. `sefton`.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// The council's name as it styles itself, e.g. "Sefton Council".
    pub name: String,
    /// The council's own website (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Postal address of the council's main office, as printed on its papers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// A committee of a council.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Committee {
    /// Stable, URL-safe id, unique across all councils, e.g. `sefton-osc-children`.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// Id of the council that runs it.
    pub council: String,
    /// Full title as the papers print it.
    pub title: String,
    /// Remit or terms of reference, one paragraph per entry, as written; empty when the
    /// papers in the dataset do not set it out.
    #[serde(default)]
    pub remit: Vec<String>,
    /// Where the remit text comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remit_source: Option<String>,
    /// Membership as listed in the most recent paper that lists it.
    #[serde(default)]
    pub membership: Vec<Member>,
    /// The paper the membership list is taken from, e.g. "Agenda pack, 7 November 2022".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub membership_source: Option<String>,
    /// The committee's contact officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<crate::Contact>,
    /// Anything else the papers say about the committee.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The council's own grouping of the committee, as written, e.g. "Overview and Scrutiny".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The committee no longer meets (the council marks it expired); absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired: Option<bool>,
    /// The id the council's own committee system gives the committee (e.g. the ModernGov
    /// committee id), so an importer can follow it across renames. Never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
}

/// One seat on a committee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Name as printed, e.g. "Cllr. June Burns" or "Maurice Byrne".
    pub name: String,
    /// Optional stable person id, shared across committees and papers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    pub role: MemberRole,
    /// For co-opted and advisory members: the body they represent, e.g. "Healthwatch",
    /// "Diocese", "Archdiocese", "Parent Governor".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub represents: Option<String>,
}

/// The role a member holds on the committee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    Chair,
    ViceChair,
    Member,
    Substitute,
    /// A co-opted member representing an outside body (e.g. a church or Parent Governor).
    CoOpted,
    /// An advisory (non-voting) member, e.g. "Independent Advisory Member", Healthwatch.
    Advisory,
}

/// What the catalogue knows about a meeting without opening its file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingSummary {
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    pub committee: String,
    pub date: Date,
    #[serde(default, skip_serializing_if = "crate::DatePrecision::is_day")]
    pub date_precision: crate::DatePrecision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Venue>,
    pub status: MeetingStatus,
    pub agenda_published: bool,
    pub minutes: MinutesStatus,
    /// Number of agenda items in the data.
    pub item_count: u32,
    /// Minute numbers recorded for this meeting, so a reference elsewhere
    /// ("Minute No. 19 (3) of 27 September 2022") can be linked without opening the file.
    #[serde(default)]
    pub minute_numbers: Vec<String>,
}
}

impl MemberRole {
    /// The label a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            MemberRole::Chair => "Chair",
            MemberRole::ViceChair => "Vice-Chair",
            MemberRole::Member => "Member",
            MemberRole::Substitute => "Substitute",
            MemberRole::CoOpted => "Co-opted member",
            MemberRole::Advisory => "Advisory member",
        }
    }
}

impl Catalogue {
    pub fn council(&self, id: &str) -> Option<&Council> {
        self.councils.iter().find(|c| c.id == id)
    }
    pub fn committee(&self, id: &str) -> Option<&Committee> {
        self.committees.iter().find(|c| c.id == id)
    }
    pub fn meeting(&self, id: &str) -> Option<&MeetingSummary> {
        self.meetings.iter().find(|m| m.id == id)
    }
    pub fn meetings_of<'a>(
        &'a self,
        committee: &'a str,
    ) -> impl Iterator<Item = &'a MeetingSummary> + 'a {
        self.meetings
            .iter()
            .filter(move |m| m.committee == committee)
    }
}
