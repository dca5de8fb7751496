//! Running a query: which shards it needs, matching (the last word as a prefix, for
//! results as you type), BM25 ranking from the stored impacts, and facet counts.

use crate::build::K1;
use crate::shard::Shard;
use crate::text::{is_stopword, stem, tokenise};
use crate::Manifest;
use std::collections::HashMap;
use std::sync::Arc;

/// Never more results than this are ranked and returned (the page shows fewer).
pub const MAX_HITS: usize = 500;
/// A word shorter than this is never expanded as a prefix (it would load too much).
pub const MIN_PREFIX: usize = 3;
/// A prefix match counts for less than the word itself.
const PREFIX_DISCOUNT: f32 = 0.7;

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub stem: String,
    /// Still being typed: also match longer words that start with it.
    pub prefix: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<Word>,
    /// Words too common to search for ("the", "and"...).
    pub ignored: Vec<String>,
}

/// Parse what the reader typed. The last word is a prefix unless followed by a space.
pub fn parse(q: &str) -> Query {
    let tokens = tokenise(q);
    let open_end = tokens.last().is_some_and(|t| t.end == q.len());
    let n = tokens.len();
    let mut query = Query::default();
    for (i, t) in tokens.into_iter().enumerate() {
        let prefix = i + 1 == n && open_end && t.folded.chars().count() >= MIN_PREFIX;
        if is_stopword(&t.folded) && !prefix {
            query.ignored.push(t.folded);
            continue;
        }
        let word = Word {
            stem: stem(&t.folded),
            folded: t.folded.replace('\'', ""),
            prefix,
        };
        if !query.words.contains(&word) {
            query.words.push(word);
        }
    }
    query
}

/// The shard whose range holds `term`.
pub fn shard_for(manifest: &Manifest, term: &str) -> Option<usize> {
    manifest
        .shards
        .partition_point(|first| first.as_str() <= term)
        .checked_sub(1)
}

/// Whether index term `term` answers the prefix word `w`.
fn prefix_match(w: &Word, term: &str) -> bool {
    term == w.stem
        || term.starts_with(&w.folded)
        || (w.folded.starts_with(term)
            && term.len() >= MIN_PREFIX
            && w.folded.len() - term.len() <= 2)
}

/// The shards one word needs: its stem's, and for a prefix every shard that can hold a
/// term from two letters short of it to the last term beginning with it.
fn word_shards(manifest: &Manifest, w: &Word, out: &mut Vec<usize>) {
    out.extend(shard_for(manifest, &w.stem));
    if w.prefix {
        // Shorter terms it can answer: at most two letters shorter, and never under three.
        let n = w.folded.chars().count();
        let keep = n.saturating_sub(2).max(MIN_PREFIX).min(n);
        let cut = w
            .folded
            .char_indices()
            .nth(keep)
            .map_or(w.folded.len(), |(i, _)| i);
        let low = shard_for(manifest, &w.folded[..cut]).unwrap_or(0);
        let high = manifest.shards.partition_point(|first| {
            first.starts_with(&w.folded) || first.as_str() < w.folded.as_str()
        });
        out.extend(low..high.max(low + 1).min(manifest.shards.len()));
    }
}

/// Every shard the query needs, without duplicates.
pub fn shards_needed(manifest: &Manifest, query: &Query) -> Vec<usize> {
    let mut out = Vec::new();
    for w in &query.words {
        word_shards(manifest, w, &mut out);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Facet filters: indexes into the manifest's lists; empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub councils: Vec<u32>,
    pub committees: Vec<u32>,
    pub years: Vec<u32>,
    pub kinds: Vec<u32>,
}

/// Counts per facet value: each dimension counted with the *other* dimensions' filters
/// applied, so ticking a committee still shows what the other committees would give.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub councils: Vec<u32>,
    pub committees: Vec<u32>,
    pub years: Vec<u32>,
    pub kinds: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub id: u32,
    pub score: f32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Records matching the words and every filter.
    pub total: usize,
    /// The best of them, best first (at most [`MAX_HITS`]).
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
    /// Index terms that matched, for highlighting.
    pub terms: Vec<String>,
    /// Query words with no match at all.
    pub unmatched: Vec<String>,
}

fn idf(n: u32, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Run a query over loaded shards (`shards` maps shard number to shard; missing ones count as empty).
///
/// Never panics, whatever the manifest and shards say (see the crate docs on damaged
/// files): records outside the manifest's facet groups are not results, and facet values
/// past the manifest's lists are not counted.
pub fn search(
    manifest: &Manifest,
    shards: &HashMap<usize, Arc<Shard>>,
    query: &Query,
    filters: &Filters,
) -> Outcome {
    let mut out = Outcome::default();
    if query.words.is_empty() {
        return out;
    }
    let mut lists: Vec<Vec<(u32, f32)>> = Vec::new();
    for w in &query.words {
        let mut scored: Vec<(u32, f32)> = Vec::new();
        let mut found = false;
        let mut visit = |term: &crate::shard::Term, weight: f32, out_terms: &mut Vec<String>| {
            let idf = idf(manifest.records, term.postings.len()) * weight;
            scored.extend(
                term.postings
                    .iter()
                    .map(|&(id, imp)| (id, idf * f32::from(imp) / 255.0 * (K1 + 1.0))),
            );
            out_terms.push(term.term.clone());
        };
        if w.prefix {
            let mut needed = Vec::new();
            word_shards(manifest, w, &mut needed);
            needed.sort_unstable();
            needed.dedup();
            for key in needed {
                let Some(shard) = shards.get(&key) else {
                    continue;
                };
                for term in &shard.terms {
                    if prefix_match(w, &term.term) {
                        let weight = if term.term == w.stem {
                            1.0
                        } else {
                            PREFIX_DISCOUNT
                        };
                        visit(term, weight, &mut out.terms);
                        found = true;
                    }
                }
            }
        } else if let Some(term) = shard_for(manifest, &w.stem)
            .and_then(|k| shards.get(&k))
            .and_then(|s| s.get(&w.stem))
        {
            visit(term, 1.0, &mut out.terms);
            found = true;
        }
        if !found {
            out.unmatched.push(w.folded.clone());
        }
        // One score per record: the best of the word's matching terms. A single term's
        // postings are already in id order (the common case, and the big lists).
        let single = scored.windows(2).all(|w| w[0].0 < w[1].0);
        if !single {
            scored.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            scored.dedup_by_key(|p| p.0);
        }
        lists.push(scored);
    }
    out.terms.sort();
    out.terms.dedup();
    // Every word must match: intersect, shortest list first.
    lists.sort_by_key(Vec::len);
    let mut matched = lists.first().cloned().unwrap_or_default();
    for list in &lists[1..] {
        let mut j = 0;
        matched.retain_mut(|(id, score)| {
            while j < list.len() && list[j].0 < *id {
                j += 1;
            }
            if j < list.len() && list[j].0 == *id {
                *score += list[j].1;
                true
            } else {
                false
            }
        });
    }

    let runs = manifest.runs();
    let mut counts = FacetCounts {
        councils: vec![0; manifest.councils.len()],
        committees: vec![0; manifest.committees.len()],
        years: vec![0; manifest.years.len()],
        kinds: vec![0; manifest.kinds.len()],
    };
    let pass = |set: &[u32], v: Option<u32>| set.is_empty() || v.is_some_and(|v| set.contains(&v));
    let mut hits = Vec::new();
    let mut r = 0;
    for &(id, score) in &matched {
        while r < runs.len() && runs[r].1 <= id {
            r += 1;
        }
        let Some(&(_, _, key)) = runs.get(r) else {
            break;
        };
        let ok = [
            pass(&filters.councils, Some(key.council)),
            pass(&filters.committees, key.committee),
            pass(&filters.years, key.year),
            pass(&filters.kinds, Some(key.kind)),
        ];
        let others = |skip: usize| ok.iter().enumerate().all(|(i, &b)| i == skip || b);
        // A damaged manifest can name values past its own lists: those are not counted.
        let count = |list: &mut Vec<u32>, v: Option<u32>| {
            if let Some(n) = v.and_then(|v| list.get_mut(v as usize)) {
                *n = n.saturating_add(1);
            }
        };
        if others(0) {
            count(&mut counts.councils, Some(key.council));
        }
        if others(1) {
            count(&mut counts.committees, key.committee);
        }
        if others(2) {
            count(&mut counts.years, key.year);
        }
        if others(3) {
            count(&mut counts.kinds, Some(key.kind));
        }
        if ok.iter().all(|&b| b) {
            hits.push(Hit { id, score });
        }
    }
    out.total = hits.len();
    let order = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(b.id.cmp(&a.id));
    if hits.len() > MAX_HITS {
        hits.select_nth_unstable_by(MAX_HITS, order);
        hits.truncate(MAX_HITS);
    }
    hits.sort_unstable_by(order);
    out.hits = hits;
    out.facets = counts;
    out
}
