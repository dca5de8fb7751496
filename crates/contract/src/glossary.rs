//! `glossary.json`: the acronyms the papers use and what they stand for, taken from the
//! papers' own expansions ("Heads of Services (HOS)"). An acronym the papers use but never
//! expand may carry its usual expansion only with `source: null`, so the app can say
//! "not expanded in the papers" instead of pretending a paper said it.

use crate::council::schema_derive;
use crate::Versioned;
use serde::{Deserialize, Serialize};

schema_derive! {
/// `glossary.json` at the data root: one glossary for every council in the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Glossary {
    /// Always `"minutebook/1"`.
    pub format: String,
    pub entries: Vec<GlossaryEntry>,
}

/// One acronym.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// The acronym exactly as printed, case and all: "CAMHS", "DfE", "CfC".
    pub term: String,
    /// Other forms printed for the same thing, matched exactly too: plurals ("ICPCs"),
    /// other capitalisations ("DFE").
    #[serde(default)]
    pub also_written: Vec<String>,
    /// What it stands for, in the words of `source` when there is one.
    pub meaning: String,
    /// Where a paper expands it; `null` when no paper in the data does, in which case
    /// `meaning` is the usual expansion and the app says it is not from the papers.
    pub source: Option<GlossarySource>,
    /// Anything else worth knowing, e.g. other wordings the papers use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of the councils whose papers use it.
    pub councils: Vec<String>,
}

/// The paper that expands an acronym, and its words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossarySource {
    /// The paper and where in it, e.g. "Minutes of 6 December 2021, minute 23".
    pub document: String,
    /// The meeting whose record holds (or whose agenda pack held) the words, when in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The words as printed, containing the acronym and its expansion.
    pub quote: String,
}
}

impl Versioned for Glossary {
    const WHAT: &'static str = "glossary file";
}

impl GlossaryEntry {
    /// The term and every other printed form.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.also_written.iter().map(String::as_str))
    }
}
