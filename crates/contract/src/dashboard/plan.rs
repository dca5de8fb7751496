//! An improvement plan: priorities → outcomes → objectives → actions, every action with
//! its lead, RAG status and milestone, laid out as the plan's own table is.

use crate::council::schema_derive;
use crate::{Block, DataTable};
use serde::{Deserialize, Serialize};

schema_derive! {
/// The plan itself (`Dashboard::plan`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImprovementPlan {
    /// The plan's key to its ratings, in the plan's order and words.
    #[serde(default)]
    pub statuses: Vec<StatusKey>,
    pub priorities: Vec<Priority>,
    /// Appendix tables, e.g. which actions answer which inspection finding.
    #[serde(default)]
    pub appendices: Vec<DataTable>,
}

/// One entry of the plan's key: a status and the words the plan uses for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusKey {
    pub status: RagStatus,
    /// As printed, e.g. "Action not yet completed, but on track and will be completed by
    /// milestone".
    pub label: String,
}

/// A progress status. The plan's key gives the words; the colours are the app's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RagStatus {
    /// "Action complete".
    Complete,
    /// "Action not yet completed, but on track" (green).
    OnTrack,
    /// "Activity progressing, some issues but realistic plans in place to recover" (amber).
    SomeIssues,
    /// "Action not on track, risk to implementation" (red).
    NotOnTrack,
    /// "Longer-term action not yet started. No risk to implementation currently anticipated".
    NotStarted,
    /// "Business As Usual Activity".
    BusinessAsUsual,
}

/// A priority (theme) of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    /// "1".
    pub number: String,
    /// Heading as printed: "Priority 1 – Improving Quality".
    pub title: String,
    /// "Our overall aim for this priority area: ..." (the words after the colon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aim: Option<String>,
    /// The line above the table, e.g. "How we plan to improve this area of significant weakness".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    pub outcomes: Vec<Outcome>,
}

/// "The Outcomes We Are Aiming For": one cell that spans the objectives under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Paragraphs as written; empty when the cell is blank.
    #[serde(default)]
    pub text: Vec<String>,
    pub objectives: Vec<Objective>,
}

/// An action reference and objective: one cell that spans the actions under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    /// "Action Ref" as printed ("1.1.1"); absent when the cell is blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Paragraphs as written; empty when the cell is blank.
    #[serde(default)]
    pub text: Vec<String>,
    pub actions: Vec<PlanAction>,
}

/// One row of the plan: an action with its own rating.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    /// "The Actions We Are Taking", paragraphs (and bulleted lists) as written.
    pub action: Vec<Block>,
    /// "How we will know it has worked", paragraphs (and bulleted lists) as written.
    #[serde(default)]
    pub success: Vec<Block>,
    /// "Responsible Lead Officer"; absent when the cell is blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The rating; absent when the cell is blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RagStatus>,
    /// The rating's words where the cell words it differently from the key
    /// ("Business As Usual Activity - annual monitoring").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    /// "Milestones" as written: "September 2022", "Ongoing".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<String>,
    /// "Detailed Action Plan" as written; absent when the cell is blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detailed_plan: Option<String>,
    /// A note on the transcription of this row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
}

impl RagStatus {
    pub const ALL: [RagStatus; 6] = [
        RagStatus::Complete,
        RagStatus::OnTrack,
        RagStatus::SomeIssues,
        RagStatus::NotOnTrack,
        RagStatus::NotStarted,
        RagStatus::BusinessAsUsual,
    ];

    /// Short words for badges, filters and chart labels.
    pub fn label(self) -> &'static str {
        match self {
            RagStatus::Complete => "Complete",
            RagStatus::OnTrack => "On track",
            RagStatus::SomeIssues => "Some issues",
            RagStatus::NotOnTrack => "Not on track",
            RagStatus::NotStarted => "Not yet started",
            RagStatus::BusinessAsUsual => "Business as usual",
        }
    }

    /// The `snake_case` key (CSS class suffix, filter value).
    pub fn key(self) -> &'static str {
        match self {
            RagStatus::Complete => "complete",
            RagStatus::OnTrack => "on_track",
            RagStatus::SomeIssues => "some_issues",
            RagStatus::NotOnTrack => "not_on_track",
            RagStatus::NotStarted => "not_started",
            RagStatus::BusinessAsUsual => "business_as_usual",
        }
    }

    pub fn from_key(key: &str) -> Option<RagStatus> {
        RagStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}
