//! Building the index from records: number them in facet order, weigh every term,
//! and cut the postings into shards and the records into small document files.

use crate::shard::{self, Term};
use crate::text::{is_stopword, stem, tokenise};
use crate::{CommitteeName, Doc, FacetKey, Manifest, Named, Record, FORMAT};
use std::collections::HashMap;

/// Knobs for the file layout; the defaults suit councils from one meeting to 100,000 records.
#[derive(Clone, Debug)]
pub struct Options {
    /// Records per document file: 1 means a result costs exactly its own record.
    pub docs_per_file: u32,
    /// Term shards hold consecutive terms up to about this many bytes.
    pub max_shard_bytes: usize,
    /// Longest text kept for snippets, in characters (the whole text is still indexed).
    pub max_text_chars: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            docs_per_file: 1,
            max_shard_bytes: 32 * 1024,
            max_text_chars: 3000,
        }
    }
}

/// The files of an index, relative to its folder, and the manifest among them.
pub struct Output {
    pub manifest: Manifest,
    pub files: Vec<(String, Vec<u8>)>,
}

/// How much more a word in the title counts than one in the text.
const TITLE_WEIGHT: f32 = 3.0;
pub(crate) const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Build an index. Every record must name a known council, committee and kind.
pub fn build(
    records: Vec<Record>,
    councils: Vec<Named>,
    committees: Vec<(String, String, String)>,
    kinds: Vec<Named>,
    options: &Options,
) -> Result<Output, Vec<String>> {
    let mut errors = Vec::new();
    let council_ix: HashMap<&str, u32> = councils
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i as u32))
        .collect();
    let mut committee_names = Vec::new();
    for (id, council, name) in &committees {
        match council_ix.get(council.as_str()) {
            Some(&c) => committee_names.push(CommitteeName {
                id: id.clone(),
                council: c,
                name: name.clone(),
            }),
            None => errors.push(format!("committee {id} names unknown council {council}")),
        }
    }
    let committee_ix: HashMap<&str, u32> = committee_names
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i as u32))
        .collect();
    let kind_ix: HashMap<&str, u32> = kinds
        .iter()
        .enumerate()
        .map(|(i, k)| (k.id.as_str(), i as u32))
        .collect();
    let mut years: Vec<i32> = records.iter().filter_map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();

    let mut keyed = Vec::with_capacity(records.len());
    for r in records {
        let council = council_ix.get(r.council.as_str()).copied();
        let committee = r.committee.as_deref().map(|c| committee_ix.get(c).copied());
        let kind = kind_ix.get(r.kind.as_str()).copied();
        match (council, committee, kind) {
            (Some(council), committee, Some(kind)) if committee != Some(None) => {
                let year = r
                    .year
                    .and_then(|y| years.binary_search(&y).ok())
                    .map(|i| i as u32);
                keyed.push((
                    FacetKey {
                        council,
                        committee: committee.flatten(),
                        year,
                        kind,
                    },
                    r,
                ));
            }
            _ => errors.push(format!(
                "{}: unknown council, committee or kind ({}, {:?}, {})",
                r.url, r.council, r.committee, r.kind
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    keyed.sort_by(|a, b| (a.0, &a.1.order).cmp(&(b.0, &b.1.order)));

    // Facet groups: one per (council, committee, year), with a count per kind.
    let mut groups: Vec<Vec<i64>> = Vec::new();
    let mut last: Option<(u32, Option<u32>, Option<u32>)> = None;
    for (k, _) in &keyed {
        let g = (k.council, k.committee, k.year);
        if last != Some(g) {
            let mut row = vec![
                i64::from(k.council),
                k.committee.map_or(-1, i64::from),
                k.year.map_or(0, |y| i64::from(years[y as usize])),
            ];
            row.extend(std::iter::repeat_n(0, kinds.len()));
            groups.push(row);
            last = Some(g);
        }
        groups.last_mut().expect("a group")[3 + k.kind as usize] += 1;
    }

    // Weighted term frequencies per record.
    let mut postings: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
    let mut lengths = Vec::with_capacity(keyed.len());
    let boosts: Vec<f32> = keyed
        .iter()
        .map(|(_, r)| r.boost.clamp(0.05, 1.0))
        .collect();
    for (id, (_, r)) in keyed.iter().enumerate() {
        let mut tf: HashMap<String, f32> = HashMap::new();
        let mut len = 0.0;
        for (text, weight) in [(&r.title, TITLE_WEIGHT), (&r.text, 1.0)] {
            for t in tokenise(text) {
                if is_stopword(&t.folded) {
                    continue;
                }
                *tf.entry(stem(&t.folded)).or_default() += weight;
                len += weight;
            }
        }
        lengths.push(len);
        for (term, f) in tf {
            postings.entry(term).or_default().push((id as u32, f));
        }
    }
    let avg = (lengths.iter().sum::<f32>() / lengths.len().max(1) as f32).max(1.0);
    let mut terms: Vec<Term> = postings
        .into_iter()
        .map(|(term, list)| {
            let mut postings: Vec<(u32, u8)> = list
                .into_iter()
                .map(|(id, tf)| {
                    let norm = K1 * (1.0 - B + B * lengths[id as usize] / avg);
                    let w = tf * (K1 + 1.0) / (tf + norm) * boosts[id as usize];
                    (id, (w / (K1 + 1.0) * 255.0).round().clamp(1.0, 255.0) as u8)
                })
                .collect();
            postings.sort_unstable_by_key(|p| p.0);
            Term { term, postings }
        })
        .collect();
    terms.sort_unstable_by(|a, b| a.term.cmp(&b.term));

    // Shards are runs of consecutive terms, each up to `max_shard_bytes` (a term bigger
    // than that has a shard of its own); the manifest lists each shard's first term.
    let mut files = Vec::new();
    let mut shards = Vec::new();
    let mut current: Vec<Term> = Vec::new();
    let mut size = 0;
    let flush =
        |current: &mut Vec<Term>, files: &mut Vec<(String, Vec<u8>)>, shards: &mut Vec<String>| {
            if !current.is_empty() {
                files.push((Manifest::shard_path(shards.len()), shard::encode(current)));
                shards.push(current[0].term.clone());
                current.clear();
            }
        };
    for t in terms {
        let cost = t.term.len() + 3 + t.postings.len() * 2;
        if size + cost > options.max_shard_bytes {
            flush(&mut current, &mut files, &mut shards);
            size = 0;
        }
        size += cost;
        current.push(t);
    }
    flush(&mut current, &mut files, &mut shards);

    let per = options.docs_per_file.max(1) as usize;
    for (n, chunk) in keyed.chunks(per).enumerate() {
        let docs: Vec<Doc> = chunk
            .iter()
            .map(|(_, r)| Doc {
                url: r.url.clone(),
                title: r.title.clone(),
                context: r.context.clone(),
                text: cap_chars(&r.text, options.max_text_chars),
            })
            .collect();
        files.push((
            format!("d/{n}.json"),
            serde_json::to_vec(&docs).expect("docs serialise"),
        ));
    }

    let manifest = Manifest {
        format: FORMAT.into(),
        records: keyed.len() as u32,
        docs_per_file: per as u32,
        councils,
        committees: committee_names,
        kinds,
        years,
        groups,
        shards,
    };
    files.push((
        "manifest.json".into(),
        serde_json::to_vec(&manifest).expect("manifest serialises"),
    ));
    Ok(Output { manifest, files })
}

fn cap_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => text[..i].to_string(),
        None => text.to_string(),
    }
}
