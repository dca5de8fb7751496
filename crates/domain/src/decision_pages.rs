//! Filters and pages for the Decisions and Follow-ups pages, kept in the URL query so a
//! filtered view can be shared: `/decisions?council=sefton&kind=requested&page=2`.
//!
//! The decisions index lists one file per committee and municipal year with counts by
//! kind, so a page works out which files hold its rows before fetching any: newest
//! municipal year first, and only the years that overlap the requested page.

use crate::query::query_string;
use minutebook_data::{
    Decision, DecisionsFile, DecisionsIndex, DecisionsListing, FollowUp, FollowUpStatus,
    FollowUpsFile, ResolutionKind,
};

/// Rows per page: well under the 500-row limit for any page's DOM.
pub const PER_PAGE: usize = 100;

/// The query keys, in the order they are written.
const KEYS: [&str; 4] = ["council", "committee", "year", "kind"];

/// Which decisions to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionFilter {
    pub council: Option<String>,
    pub committee: Option<String>,
    /// Municipal year by its first calendar year.
    pub year: Option<i32>,
    pub kind: Option<ResolutionKind>,
}

fn non_empty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The page number in a query (`page=3`), 1 when absent or not a positive number.
pub fn page_from(get: impl Fn(&str) -> Option<String>) -> usize {
    get("page")
        .and_then(|p| p.trim().parse::<usize>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// The query string of `pairs` on `page` (page 1 is left out).
fn query(mut pairs: Vec<(&str, String)>, page: usize) -> String {
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    query_string(pairs)
}

impl DecisionFilter {
    /// Read from a URL query; unknown kinds and malformed years are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> DecisionFilter {
        DecisionFilter {
            council: non_empty(get(KEYS[0])),
            committee: non_empty(get(KEYS[1])),
            year: non_empty(get(KEYS[2])).and_then(|y| y.get(..4).and_then(|y| y.parse().ok())),
            kind: non_empty(get(KEYS[3])).and_then(|k| ResolutionKind::from_key(&k)),
        }
    }

    /// The query string for this filter on `page` ("" for everything, page 1).
    pub fn to_query(&self, page: usize) -> String {
        let mut pairs = Vec::new();
        if let Some(v) = &self.council {
            pairs.push((KEYS[0], v.clone()));
        }
        if let Some(v) = &self.committee {
            pairs.push((KEYS[1], v.clone()));
        }
        if let Some(v) = self.year {
            pairs.push((KEYS[2], v.to_string()));
        }
        if let Some(v) = self.kind {
            pairs.push((KEYS[3], v.key().to_string()));
        }
        query(pairs, page)
    }

    pub fn is_empty(&self) -> bool {
        *self == DecisionFilter::default()
    }

    /// Whether a file's committee and year are wanted.
    pub fn wants(&self, l: &DecisionsListing) -> bool {
        self.council.as_ref().is_none_or(|c| *c == l.council)
            && self.committee.as_ref().is_none_or(|c| *c == l.committee)
            && self.year.is_none_or(|y| y == l.year)
    }

    /// How many of a file's rows are wanted.
    pub fn count(&self, l: &DecisionsListing) -> usize {
        match self.kind {
            Some(k) => l.counts.get(k) as usize,
            None => l.counts.total() as usize,
        }
    }
}

/// What one page of decisions needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PagePlan {
    /// Rows matching the filter, on all pages.
    pub total: usize,
    /// Number of pages (at least 1).
    pub pages: usize,
    /// The page shown: the one asked for, or the last when it asked for more.
    pub page: usize,
    /// Files to fetch, relative to the data root.
    pub files: Vec<String>,
    /// Matching rows of those files (merged, newest first) to skip before this page.
    pub skip: usize,
    pub take: usize,
}

/// Work out which files hold page `page` of the decisions matching `filter`.
pub fn plan(
    index: &DecisionsIndex,
    filter: &DecisionFilter,
    page: usize,
    per_page: usize,
) -> PagePlan {
    let counted = index
        .files
        .iter()
        .filter(|l| filter.wants(l))
        .map(|l| (l.file.clone(), l.year, filter.count(l)))
        .collect();
    plan_counted(counted, page, per_page)
}

/// Work out which files hold page `page` of the follow-ups matching `filter`.
pub fn plan_follow_ups(
    index: &DecisionsIndex,
    filter: &FollowUpFilter,
    page: usize,
    per_page: usize,
) -> PagePlan {
    let counted = index
        .follow_ups
        .iter()
        .filter(|l| filter.wants_committee(&l.council, &l.committee))
        .map(|l| {
            (
                l.file.clone(),
                l.year,
                filter
                    .status
                    .map(|s| l.counts.get(s))
                    .unwrap_or_else(|| l.counts.total()) as usize,
            )
        })
        .collect();
    plan_counted(counted, page, per_page)
}

/// The plan for files given as (path, municipal year, wanted rows).
fn plan_counted(mut wanted: Vec<(String, i32, usize)>, page: usize, per_page: usize) -> PagePlan {
    wanted.retain(|w| w.2 > 0);
    // Municipal years never interleave in time, so newest year first is newest first.
    wanted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let total: usize = wanted.iter().map(|w| w.2).sum();
    let pages = total.div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1) * per_page;
    let end = (start + per_page).min(total);
    let mut files = Vec::new();
    let mut before = 0; // wanted rows in the years before the first year fetched
    let mut seen = 0;
    for group in wanted.chunk_by(|a, b| a.1 == b.1) {
        let n: usize = group.iter().map(|w| w.2).sum();
        if seen + n <= start {
            seen += n;
            before = seen;
            continue;
        }
        if seen >= end {
            break;
        }
        files.extend(group.iter().map(|w| w.0.clone()));
        seen += n;
    }
    PagePlan {
        total,
        pages,
        page,
        files,
        skip: start - before,
        take: end - start,
    }
}

/// The rows of one page, from the files the plan named.
pub fn page_rows(
    files: &[DecisionsFile],
    filter: &DecisionFilter,
    plan: &PagePlan,
) -> Vec<Decision> {
    let mut rows: Vec<&Decision> = files
        .iter()
        .flat_map(|f| &f.decisions)
        .filter(|d| filter.kind.is_none_or(|k| d.kind == k))
        .collect();
    // Each meeting is in one file, in agenda order; a stable sort keeps that order.
    rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.meeting.cmp(&b.meeting)));
    rows.into_iter()
        .skip(plan.skip)
        .take(plan.take)
        .cloned()
        .collect()
}

/// The follow-ups of one page, from the files the plan named.
pub fn follow_up_rows(
    files: &[FollowUpsFile],
    filter: &FollowUpFilter,
    plan: &PagePlan,
) -> Vec<FollowUp> {
    let mut rows: Vec<&FollowUp> = files
        .iter()
        .flat_map(|f| &f.follow_ups)
        .filter(|f| filter.wants(f))
        .collect();
    rows.sort_by(|a, b| {
        b.decision
            .date
            .cmp(&a.decision.date)
            .then_with(|| a.decision.meeting.cmp(&b.decision.meeting))
    });
    rows.into_iter()
        .skip(plan.skip)
        .take(plan.take)
        .cloned()
        .collect()
}

/// Which follow-ups to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpFilter {
    pub council: Option<String>,
    pub committee: Option<String>,
    pub status: Option<FollowUpStatus>,
}

impl FollowUpFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> FollowUpFilter {
        FollowUpFilter {
            council: non_empty(get("council")),
            committee: non_empty(get("committee")),
            status: non_empty(get("status")).and_then(|s| FollowUpStatus::from_key(&s)),
        }
    }

    pub fn to_query(&self, page: usize) -> String {
        let mut pairs = Vec::new();
        if let Some(v) = &self.council {
            pairs.push(("council", v.clone()));
        }
        if let Some(v) = &self.committee {
            pairs.push(("committee", v.clone()));
        }
        if let Some(v) = self.status {
            pairs.push(("status", v.key().to_string()));
        }
        query(pairs, page)
    }

    pub fn wants_committee(&self, council: &str, committee: &str) -> bool {
        self.council.as_ref().is_none_or(|c| c == council)
            && self.committee.as_ref().is_none_or(|c| c == committee)
    }

    pub fn wants(&self, f: &FollowUp) -> bool {
        self.status.is_none_or(|s| s == f.status)
    }
}

/// The page numbers to offer around `page`: first, last, and two either side, with `None`
/// for a gap ("1 … 4 5 6 7 8 … 20").
pub fn page_links(page: usize, pages: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    for p in 1..=pages {
        if p == 1 || p == pages || p.abs_diff(page) <= 2 {
            out.push(Some(p));
        } else if out.last() != Some(&None) {
            out.push(None);
        }
    }
    out
}

#[cfg(test)]
mod tests;
