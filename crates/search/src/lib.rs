//! Minutebook search: the index format, how it is built and how it is queried.
//!
//! The index is a folder of small static files, fetched on demand so a visitor downloads
//! only what a query needs:
//!
//! - `manifest.json` ([`Manifest`]): facet values (councils, committees, years, kinds),
//!   how many records fall in each facet group, and the list of term shards. A few KB.
//! - `t/<n>.bin` ([`shard`]): the postings of a run of consecutive terms (about 32 KB a
//!   file; the manifest lists each file's first term), binary and delta-coded.
//! - `d/<n>.json` ([`Doc`]): title, link, context line and text of `docs_per_file`
//!   consecutive records, fetched only for the results on screen (for the snippet).
//!
//! Records are numbered in (council, committee, year, kind) order, so every facet is a
//! run of record numbers: the manifest's groups give facet counts and filters without
//! any per-record table.
//!
//! No UI and no I/O here: the native builder writes [`build::Output`] to disk, the app
//! fetches files and hands them to [`query::search`] and [`snippet::snippet`].

pub mod build;
pub mod query;
pub mod shard;
pub mod snippet;
pub mod text;

use serde::{Deserialize, Serialize};

/// The `format` of `manifest.json`.
pub const FORMAT: &str = "minutebook-search/1";

/// One searchable thing: an agenda item, a report, a minute, a resolution, a work
/// programme entry, a forward plan decision...
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// App path the result links to, e.g. `/meetings/<id>#minute-19`.
    pub url: String,
    pub title: String,
    /// Shown under the title, e.g. "Overview and Scrutiny Committee, 7 November 2022".
    pub context: String,
    /// Facet values: ids from the manifest's dictionaries.
    pub council: String,
    pub committee: Option<String>,
    /// Municipal year (the year it starts), when the record has a date.
    pub year: Option<i32>,
    /// Kind id, e.g. `minute`; its label comes from the builder's kind list.
    pub kind: String,
    /// The words searched and shown in snippets (the title is searched too).
    pub text: String,
    /// Tie-break within a facet group: records sort by (council, committee, year, kind, order).
    pub order: String,
    /// Multiplies the record's score: below 1 for records that repeat an agenda item's
    /// title (its minute, resolutions, report), so the item itself comes first.
    pub boost: f32,
}

/// `manifest.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// Number of records.
    pub records: u32,
    pub docs_per_file: u32,
    pub councils: Vec<Named>,
    pub committees: Vec<CommitteeName>,
    pub kinds: Vec<Named>,
    /// Municipal years present, ascending (the year each starts).
    pub years: Vec<i32>,
    /// Runs of records in id order: `[council, committee or -1, year or 0, count of kind 0,
    /// count of kind 1, ...]`, one per (council, committee, year) present.
    pub groups: Vec<Vec<i64>>,
    /// The first term of each term shard, sorted: shard `i` (`t/<i>.bin`) holds the terms
    /// from `shards[i]` up to, not including, `shards[i + 1]`.
    pub shards: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeName {
    pub id: String,
    /// Index into `councils`.
    pub council: u32,
    pub name: String,
}

/// One record as the browser downloads it for a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    #[serde(rename = "u")]
    pub url: String,
    #[serde(rename = "t")]
    pub title: String,
    #[serde(rename = "c")]
    pub context: String,
    #[serde(rename = "x")]
    pub text: String,
}

/// Facet values of one record, as indexes into the manifest's dictionaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FacetKey {
    pub council: u32,
    /// None for records that belong to no committee (e.g. a council's forward plan).
    pub committee: Option<u32>,
    /// Index into `years`.
    pub year: Option<u32>,
    pub kind: u32,
}

impl Manifest {
    /// The file of term shard `i`, relative to the search folder.
    pub fn shard_path(i: usize) -> String {
        format!("t/{i}.bin")
    }

    /// The file holding record `id`, relative to the search folder.
    pub fn doc_path(&self, id: u32) -> String {
        format!("d/{}.json", id / self.docs_per_file.max(1))
    }

    /// Municipal year label, "2022/23".
    pub fn year_label(year: i32) -> String {
        format!("{}/{:02}", year, (year + 1).rem_euclid(100))
    }

    /// The facet runs: (first record id, one past the last, facet key).
    pub fn runs(&self) -> Vec<(u32, u32, FacetKey)> {
        let mut out = Vec::new();
        let mut next = 0u32;
        for g in &self.groups {
            if g.len() < 3 {
                continue;
            }
            let council = g[0].max(0) as u32;
            let committee = (g[1] >= 0).then_some(g[1] as u32);
            let year = self
                .years
                .iter()
                .position(|&y| i64::from(y) == g[2])
                .map(|i| i as u32);
            for (kind, &count) in g[3..].iter().enumerate() {
                if count > 0 {
                    let end = next + count as u32;
                    out.push((
                        next,
                        end,
                        FacetKey {
                            council,
                            committee,
                            year,
                            kind: kind as u32,
                        },
                    ));
                    next = end;
                }
            }
        }
        out
    }
}
