//! `forward-plans/<id>.json`: a council's Key Decision Forward Plan — the key decisions
//! the Cabinet, Cabinet Members or officers expect to take in the coming months.

use crate::council::schema_derive;
use crate::{Block, Contact, Date, Listed, Listing, SourceDocument, Versioned};
use serde::{Deserialize, Serialize};

schema_derive! {
/// A council's Key Decision Forward Plan (or the extract of it the papers print).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForwardPlan {
    /// Always `"minutebook/1"`.
    pub format: String,
    /// Stable, URL-safe id, e.g. `sefton-2022-10-to-2023-01`.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// e.g. "Key Decision Forward Plan, 1 October 2022 – 31 January 2023".
    pub title: String,
    pub council: String,
    /// Set when the plan (or the extract) was printed for one committee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The publication date, when the papers give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The heading as printed, e.g. "FOR THE FOUR MONTH PERIOD 1 OCTOBER 2022 - 31 JANUARY 2023".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// First and last day of the period the plan covers.
    pub period_start: Date,
    pub period_end: Date,
    /// Where the publication date is stated, e.g. "Covering report, paragraph 5.4".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_source: Option<String>,
    /// The opening paragraphs (what the plan is), as written.
    #[serde(default)]
    pub introduction: Vec<Block>,
    /// The Constitution's definition of a key decision, as written.
    #[serde(default)]
    pub key_decision_definition: Vec<Block>,
    /// Everything else the front pages say (representations, access rules, documents
    /// available, meetings), in order, as written.
    #[serde(default)]
    pub information: Vec<Block>,
    /// The lead-in to the exempt-information paragraphs, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_intro: Option<String>,
    /// The numbered paragraphs describing exempt information.
    #[serde(default)]
    pub exempt_paragraphs: Vec<ExemptParagraph>,
    /// The person who signs the plan, e.g. the Chief Executive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<Contact>,
    pub decisions: Vec<KeyDecision>,
    #[serde(default)]
    pub sources: Vec<SourceDocument>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A numbered exempt-information paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExemptParagraph {
    /// "1" ... "10".
    pub number: String,
    pub text: String,
    /// Lettered parts "(a) ...", as written.
    #[serde(default)]
    pub parts: Vec<String>,
    /// Words after the lettered parts, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_after: Option<String>,
}

/// One key decision in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDecision {
    /// Stable, URL-safe id, unique within the plan.
    #[serde(deserialize_with = "crate::rules::id")]
    pub id: String,
    /// "Details of Decision to be taken": the heading, as written.
    pub title: String,
    /// The description under the heading.
    #[serde(default)]
    pub details: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_maker: Option<String>,
    /// "Decision Expected" as printed, e.g. "6 Oct 2022".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_expected: Option<String>,
    /// The same as a date, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_expected_date: Option<Date>,
    /// Changes to the expected date, oldest first.
    #[serde(default)]
    pub date_changes: Vec<DateChange>,
    #[serde(default)]
    pub criteria: KeyDecisionCriteria,
    /// "Exempt Report" as printed, e.g. "Open".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_report: Option<String>,
    /// Whether the report is exempt; absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<bool>,
    /// Exempt-information paragraph numbers that apply.
    #[serde(default)]
    pub exempt_paragraphs: Vec<String>,
    /// Wards affected as printed, e.g. `["All Wards"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wards: Option<Vec<String>>,
    /// "Scrutiny Committee Area" as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrutiny_area: Option<String>,
    /// The committee in the data that the area names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrutiny_committee: Option<String>,
    /// "Persons/Organisations to be Consulted", as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultees: Option<String>,
    /// "Method(s) of Consultation", as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultation_methods: Option<String>,
    /// "List of Background Documents to be Considered by Decision-maker".
    #[serde(default)]
    pub background_documents: Vec<String>,
    /// "Contact Officer(s) details".
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// A telephone number printed once for all the contacts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts_telephone: Option<String>,
    /// Listed for the first time in this plan (printed shaded); absent when the copy in
    /// the data cannot show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_listed: Option<bool>,
    /// Where a scrutiny committee considered the matter.
    #[serde(default)]
    pub considered_by: Vec<ScrutinyLink>,
}

/// "Decision due date for Cabinet changed from 28/07/2022 to 06/10/2022. Reason: ...".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateChange {
    /// The whole entry as written.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// "Key Decision Criteria": which limbs of the definition apply; absent = not stated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDecisionCriteria {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financial: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community_impact: Option<bool>,
}

/// A scrutiny meeting's consideration of a key decision's subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScrutinyLink {
    /// Meeting id.
    pub meeting: String,
    /// Agenda item number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Minute number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<String>,
    /// Why the link is made, citing the papers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
}

impl Versioned for ForwardPlan {
    const WHAT: &'static str = "forward_plan file";
}

impl ForwardPlan {
    pub fn decision(&self, id: &str) -> Option<&KeyDecision> {
        self.decisions.iter().find(|d| d.id == id)
    }
}

impl Listed for ForwardPlan {
    const DIR: &'static str = "forward-plans";
    fn listing(&self) -> Listing {
        Listing {
            id: self.id.clone(),
            title: self.title.clone(),
            council: self.council.clone(),
            committee: self.committee.clone(),
            file: format!("{}/{}.json", Self::DIR, self.id),
            date: self.date,
            note: Some(format!(
                "{} key decision{}",
                self.decisions.len(),
                if self.decisions.len() == 1 { "" } else { "s" }
            )),
        }
    }
}
