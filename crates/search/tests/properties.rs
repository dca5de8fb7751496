//! Property tests for everything that reads the search index from outside (issue 12):
//! damaged or arbitrary bytes never panic the decoders or the query code, and what the
//! builder writes reads back the same. Run by plain `cargo test`; the fuzz targets in
//! /fuzz drive the same functions for longer (docs/fuzzing.md).

use minutebook_search::build::{build, Options};
use minutebook_search::query::{parse, search, shards_needed, Filters};
use minutebook_search::shard::{decode, encode, Shard, Term};
use minutebook_search::snippet::{highlight, pieces, snippet};
use minutebook_search::text::tokenise;
use minutebook_search::{CommitteeName, Manifest, Named, Record};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(256)
}

/// Sorted unique terms with postings in strictly increasing id order.
fn terms() -> impl Strategy<Value = Vec<Term>> {
    prop::collection::btree_map(
        "[a-zé0-9]{0,8}",
        prop::collection::btree_map(
            prop_oneof![0u32..64, 0u32..2000, any::<u32>()],
            1u8..=255,
            0..40,
        ),
        0..12,
    )
    .prop_map(|m: BTreeMap<String, BTreeMap<u32, u8>>| {
        m.into_iter()
            .map(|(term, p)| Term {
                term,
                postings: p.into_iter().collect(),
            })
            .collect()
    })
}

/// A change to some bytes: overwrite, cut, insert or duplicate.
#[derive(Clone, Debug)]
enum Mutation {
    Set(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(
        prop_oneof![
            (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
            any::<usize>().prop_map(Mutation::Truncate),
            (any::<usize>(), prop::collection::vec(any::<u8>(), 1..6))
                .prop_map(|(i, b)| Mutation::Insert(i, b)),
            (any::<usize>(), 1usize..8).prop_map(|(i, n)| Mutation::Remove(i, n)),
        ],
        1..5,
    )
}

fn mutate(mut bytes: Vec<u8>, ms: &[Mutation]) -> Vec<u8> {
    for m in ms {
        let len = bytes.len();
        match m {
            Mutation::Set(i, b) if len > 0 => bytes[i % len] = *b,
            Mutation::Truncate(i) => bytes.truncate(i % (len + 1)),
            Mutation::Insert(i, b) => {
                let at = i % (len + 1);
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Remove(i, n) if len > 0 => {
                let at = i % len;
                bytes.drain(at..(at + n).min(len));
            }
            _ => {}
        }
    }
    bytes
}

/// Manifests of any shape, consistent or not: lists and groups with values past them,
/// extreme counts, unsorted years and shards.
fn manifests() -> impl Strategy<Value = Manifest> {
    let value = prop_oneof![
        4 => -2i64..6,
        1 => any::<i64>(),
        1 => Just(i64::MAX),
        1 => Just(u32::MAX as i64),
    ];
    let group = prop::collection::vec(value, 0..7);
    (
        any::<u32>().prop_map(|r| r % 50),
        0u32..4,
        0usize..3,
        prop::collection::vec((any::<String>(), any::<u32>().prop_map(|c| c % 4)), 0..4),
        0usize..4,
        prop::collection::vec(prop_oneof![2015i32..2025, any::<i32>()], 0..4),
        prop::collection::vec(group, 0..6),
        prop::collection::vec("[a-z]{0,4}", 0..5),
    )
        .prop_map(
            |(records, docs_per_file, councils, committees, kinds, years, groups, shards)| {
                let named = |n: usize, p: &str| {
                    (0..n)
                        .map(|i| Named {
                            id: format!("{p}{i}"),
                            name: format!("{p} {i}"),
                        })
                        .collect()
                };
                Manifest {
                    format: minutebook_search::FORMAT.into(),
                    records,
                    docs_per_file,
                    councils: named(councils, "c"),
                    committees: committees
                        .into_iter()
                        .map(|(id, council)| CommitteeName {
                            id: id.clone(),
                            council,
                            name: id,
                        })
                        .collect(),
                    kinds: named(kinds, "k"),
                    years,
                    groups,
                    shards,
                }
            },
        )
}

fn filters() -> impl Strategy<Value = Filters> {
    let ids = || prop::collection::vec(prop_oneof![0u32..5, any::<u32>()], 0..3);
    (ids(), ids(), ids(), ids()).prop_map(|(councils, committees, years, kinds)| Filters {
        councils,
        committees,
        years,
        kinds,
    })
}

/// Run `q` over `manifest` and `shards` as the app does, checking what must always hold.
fn run_query(manifest: &Manifest, shards: &HashMap<usize, Arc<Shard>>, q: &str, f: &Filters) {
    let query = parse(q);
    let needed = shards_needed(manifest, &query);
    assert!(needed.iter().all(|&k| k < manifest.shards.len()));
    let out = search(manifest, shards, &query, f);
    assert!(out.hits.len() <= out.total.min(minutebook_search::query::MAX_HITS));
    if !query.words.is_empty() {
        assert_eq!(out.facets.councils.len(), manifest.councils.len());
        assert_eq!(out.facets.kinds.len(), manifest.kinds.len());
    }
    let _ = manifest.runs();
}

const WORDS: [&str; 12] = [
    "housing",
    "schools",
    "attendance",
    "budget",
    "café",
    "children's",
    "libraries",
    "roads",
    "planning",
    "ofsted",
    "2022",
    "scrutiny",
];

fn records() -> impl Strategy<Value = Vec<Record>> {
    let words = prop::collection::vec(prop::sample::select(WORDS.as_slice()), 1..6);
    prop::collection::vec(
        (
            words.clone(),
            words,
            0usize..3,
            prop::option::of(2019i32..2023),
            0usize..2,
            0.0f32..1.5,
        ),
        0..30,
    )
    .prop_map(|rs| {
        rs.into_iter()
            .enumerate()
            .map(|(n, (title, text, committee, year, kind, boost))| Record {
                url: format!("/r/{n}"),
                title: title.join(" "),
                context: String::new(),
                council: if committee == 2 { "b" } else { "a" }.into(),
                committee: (committee < 2).then(|| format!("k{committee}")),
                year,
                kind: ["item", "minute"][kind].into(),
                text: text.join(" "),
                order: format!("{n:03}"),
                boost,
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic_the_shard_decoder(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode(&bytes);
        let mut with_header = b"MBS1".to_vec();
        with_header.extend_from_slice(&bytes);
        let _ = decode(&with_header);
    }

    #[test]
    fn shards_round_trip(terms in terms()) {
        let bytes = encode(&terms);
        let back = decode(&bytes).expect("an encoded shard decodes");
        prop_assert_eq!(back.terms.len(), terms.len());
        for (a, b) in terms.iter().zip(&back.terms) {
            prop_assert_eq!(&a.term, &b.term);
            let ids = |t: &Term| t.postings.iter().map(|p| p.0).collect::<Vec<_>>();
            prop_assert_eq!(ids(a), ids(b));
            // Lists keep impacts exactly; bitmaps keep them to 4 bits (at least 1), read
            // back as a multiple of 17, so a weak impact of 1 reads back as 17.
            for (x, y) in a.postings.iter().zip(&b.postings) {
                let four_bits = ((u32::from(x.1) * 15 + 127) / 255).max(1) * 17;
                prop_assert!(y.1 == x.1 || u32::from(y.1) == four_bits, "{} vs {}", x.1, y.1);
            }
            prop_assert!(back.get(&a.term).is_some());
        }
        // What decodes encodes to the same bytes.
        prop_assert_eq!(encode(&back.terms), bytes);
    }

    #[test]
    fn mutated_shards_never_panic(terms in terms(), ms in mutations(), q in "[a-z ]{0,12}") {
        let bytes = mutate(encode(&terms), &ms);
        if let Ok(shard) = decode(&bytes) {
            // Whatever decodes re-encodes and decodes the same (ids and terms).
            let again = decode(&encode(&shard.terms)).expect("re-encoded shard decodes");
            prop_assert_eq!(again.terms.len(), shard.terms.len());
            let manifest = Manifest {
                records: 100,
                docs_per_file: 1,
                shards: vec![String::new()],
                ..Manifest::default()
            };
            let shards = HashMap::from([(0, Arc::new(shard))]);
            run_query(&manifest, &shards, &q, &Filters::default());
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_manifest_reader(text in ".{0,200}") {
        let _ = Manifest::from_json(text.as_bytes());
    }

    #[test]
    fn any_manifest_is_refused_or_answers_every_query(
        m in manifests(),
        terms in terms(),
        q in "[a-zé0-9 ]{0,16}",
        f in filters(),
    ) {
        let json = serde_json::to_vec(&m).unwrap();
        match Manifest::from_json(&json) {
            Ok(back) => {
                prop_assert_eq!(&back, &m);
                prop_assert!(m.validate().is_ok());
            }
            Err(e) => prop_assert!(!e.is_empty()),
        }
        // The query code takes the manifest even when it is damaged.
        let shards: HashMap<usize, Arc<Shard>> = (0..m.shards.len())
            .map(|i| (i, Arc::new(Shard { terms: terms.clone() })))
            .collect();
        run_query(&m, &shards, &q, &f);
        run_query(&m, &shards, &q, &Filters::default());
        let _ = m.doc_path(u32::MAX);
    }

    #[test]
    fn mutated_manifests_never_panic(m in manifests(), ms in mutations()) {
        let json = mutate(serde_json::to_vec(&m).unwrap(), &ms);
        let _ = Manifest::from_json(&json);
    }

    #[test]
    fn a_built_index_round_trips_and_finds_its_records(records in records(), per in 1u32..4, shard_kb in 0usize..2) {
        let options = Options {
            docs_per_file: per,
            max_shard_bytes: 64 + shard_kb * 1024,
            ..Options::default()
        };
        let out = build(
            records.clone(),
            vec![Named { id: "a".into(), name: "A".into() }, Named { id: "b".into(), name: "B".into() }],
            vec![("k0".into(), "a".into(), "K0".into()), ("k1".into(), "a".into(), "K1".into())],
            vec![Named { id: "item".into(), name: "Item".into() }, Named { id: "minute".into(), name: "Minute".into() }],
            &options,
        ).expect("builds");
        let files: HashMap<String, Vec<u8>> = out.files.into_iter().collect();
        let manifest = Manifest::from_json(&files["manifest.json"]).expect("a built manifest reads back");
        prop_assert_eq!(&manifest, &out.manifest);
        prop_assert_eq!(manifest.records as usize, records.len());
        let shards: HashMap<usize, Arc<Shard>> = (0..manifest.shards.len())
            .map(|i| (i, Arc::new(decode(&files[&Manifest::shard_path(i)]).expect("a built shard decodes"))))
            .collect();
        for (i, s) in &shards {
            // Re-encoding a decoded shard gives the file back.
            prop_assert_eq!(&encode(&s.terms), &files[&Manifest::shard_path(*i)]);
        }
        // Every record is found by each word of its title, and its doc file holds it.
        for w in WORDS {
            let query = parse(&format!("{w} "));
            let out = search(&manifest, &shards, &query, &Filters::default());
            let expected = records.iter().filter(|r| r.title.split(' ').any(|t| t == w) || r.text.split(' ').any(|t| t == w)).count();
            prop_assert_eq!(out.total, expected, "{}", w);
            for h in &out.hits {
                let docs: Vec<minutebook_search::Doc> = serde_json::from_slice(&files[&manifest.doc_path(h.id)]).unwrap();
                let doc = &docs[(h.id % manifest.docs_per_file) as usize];
                prop_assert!(doc.title.contains(w) || doc.text.contains(w));
            }
        }
    }

    #[test]
    fn text_functions_keep_to_character_boundaries(
        text in ".{0,80}",
        q in ".{0,20}",
        words in prop_oneof![0usize..20, Just(usize::MAX)],
        marks in prop::collection::vec((any::<usize>(), any::<usize>()), 0..4),
    ) {
        for t in tokenise(&text) {
            prop_assert!(t.start < t.end && text.get(t.start..t.end).is_some());
        }
        let mut terms = minutebook_search::text::terms(&q);
        terms.sort();
        terms.dedup();
        let s = snippet(&text, &terms, words);
        for &(a, b) in &s.marks {
            prop_assert!(s.text.get(a..b).is_some());
        }
        for &(a, b) in &highlight(&text, &terms) {
            prop_assert!(text.get(a..b).is_some());
        }
        let small: Vec<(usize, usize)> = marks.iter().map(|&(a, b)| (a % (text.len() + 2), b % (text.len() + 2))).collect();
        for m in [&marks, &small] {
            let joined: String = pieces(&text, m).iter().map(|p| p.0).collect();
            prop_assert_eq!(&joined, &text);
        }
        let _ = parse(&q);
    }
}
