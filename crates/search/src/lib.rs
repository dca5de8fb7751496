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
//!
//! ## Damaged files
//!
//! The index comes from a static host and may be damaged (cut off, mixed from two builds,
//! edited by hand). Reading it never panics: [`Manifest::from_json`] and
//! [`shard::decode`] return an error saying what is wrong in which part of the file, and
//! [`query::search`] tolerates any manifest and shards that decode, however inconsistent
//! (records past the facet groups are left out, facet values past the manifest's lists
//! are not counted). Declared lengths are checked against the bytes that follow before
//! anything is allocated for them.

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
        format!("{}/{:02}", year, (i64::from(year) + 1).rem_euclid(100))
    }

    /// The facet runs: (first record id, one past the last, facet key).
    ///
    /// Tolerates a manifest that [`Manifest::validate`] would refuse: rows shorter than
    /// three values are skipped, negative counts count nothing, and the runs stop where
    /// record numbers would pass `u32::MAX`. Keys may then name values past the
    /// manifest's lists; [`query::search`] ignores those.
    pub fn runs(&self) -> Vec<(u32, u32, FacetKey)> {
        let mut out = Vec::new();
        let mut next = 0u32;
        for g in &self.groups {
            let [council, committee, year, counts @ ..] = g.as_slice() else {
                continue;
            };
            let council = u32::try_from((*council).max(0)).unwrap_or(u32::MAX);
            let committee = u32::try_from(*committee).ok();
            let year = self
                .years
                .iter()
                .position(|&y| i64::from(y) == *year)
                .and_then(|i| u32::try_from(i).ok());
            for (kind, &count) in counts.iter().enumerate() {
                if count <= 0 {
                    continue;
                }
                let Some(end) = u32::try_from(count).ok().and_then(|c| next.checked_add(c)) else {
                    return out;
                };
                out.push((
                    next,
                    end,
                    FacetKey {
                        council,
                        committee,
                        year,
                        kind: u32::try_from(kind).unwrap_or(u32::MAX),
                    },
                ));
                next = end;
            }
        }
        out
    }

    /// Read `manifest.json`: JSON of the right shape, in format [`FORMAT`], and
    /// consistent (see [`Manifest::validate`]). The error says what is wrong and where.
    pub fn from_json(bytes: &[u8]) -> Result<Manifest, String> {
        let m: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| format!("the search manifest is not readable: {e}"))?;
        if m.format != FORMAT {
            return Err(format!(
                "the search manifest is in format {:?}, not {FORMAT:?}",
                m.format
            ));
        }
        m.validate()?;
        Ok(m)
    }

    /// Check that the parts of a decoded manifest agree with each other: every facet group
    /// names a council, committee and year the manifest lists and has one count per kind,
    /// the counts are not negative and add up to `records`, committees name listed
    /// councils, years and shards are in ascending order, and `docs_per_file` is not 0.
    /// The error names the part that is wrong (e.g. "groups[3][0]").
    pub fn validate(&self) -> Result<(), String> {
        if self.docs_per_file == 0 {
            return Err("docs_per_file is 0: each record file must hold at least one".into());
        }
        for (i, c) in self.committees.iter().enumerate() {
            if c.council as usize >= self.councils.len() {
                return Err(format!(
                    "committees[{i}] ({}) names council number {}, but only {} councils are listed",
                    c.id,
                    c.council,
                    self.councils.len()
                ));
            }
        }
        if let Some(i) = self.years.windows(2).position(|w| w[0] >= w[1]) {
            return Err(format!(
                "years are not in ascending order at years[{}] ({} then {})",
                i + 1,
                self.years[i],
                self.years[i + 1]
            ));
        }
        if let Some(i) = self.shards.windows(2).position(|w| w[0] >= w[1]) {
            return Err(format!(
                "shards are not in ascending order at shards[{}] ({:?} then {:?})",
                i + 1,
                self.shards[i],
                self.shards[i + 1]
            ));
        }
        let width = self.kinds.len().checked_add(3).ok_or("too many kinds")?;
        let mut total: u64 = 0;
        for (i, g) in self.groups.iter().enumerate() {
            if g.len() != width {
                return Err(format!(
                    "groups[{i}] has {} values; with {} kinds it should have {width} (council, committee, year and a count per kind)",
                    g.len(),
                    self.kinds.len()
                ));
            }
            let in_list = |v: i64, len: usize| usize::try_from(v).is_ok_and(|v| v < len);
            if !in_list(g[0], self.councils.len()) {
                return Err(format!(
                    "groups[{i}][0] names council number {}, but only {} councils are listed",
                    g[0],
                    self.councils.len()
                ));
            }
            if g[1] != -1 && !in_list(g[1], self.committees.len()) {
                return Err(format!(
                    "groups[{i}][1] names committee number {}, but only {} committees are listed",
                    g[1],
                    self.committees.len()
                ));
            }
            if g[2] != 0 && !self.years.iter().any(|&y| i64::from(y) == g[2]) {
                return Err(format!(
                    "groups[{i}][2] names year {}, which is not in years",
                    g[2]
                ));
            }
            for (k, &count) in g[3..].iter().enumerate() {
                let count = u64::try_from(count)
                    .map_err(|_| format!("groups[{i}][{}] is a negative count ({count})", k + 3))?;
                total = total.saturating_add(count);
            }
        }
        if total != u64::from(self.records) {
            return Err(format!(
                "the groups count {total} records, but records says {}",
                self.records
            ));
        }
        Ok(())
    }
}
