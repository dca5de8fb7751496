//! Build an index from hand-made records, read it back from its files as the browser
//! would, and check matching, ranking, prefixes, facets and snippets.

use minutebook_search::build::{build, Options};
use minutebook_search::query::{parse, search, shards_needed, Filters};
use minutebook_search::shard::{decode, Shard};
use minutebook_search::snippet::snippet;
use minutebook_search::{Doc, Manifest, Named, Record};
use std::collections::HashMap;
use std::sync::Arc;

fn rec(url: &str, committee: &str, year: i32, kind: &str, title: &str, text: &str) -> Record {
    Record {
        url: url.into(),
        title: title.into(),
        context: format!("{committee}, {year}"),
        council: if committee.starts_with("s-") {
            "sefton".into()
        } else {
            "st-helens".into()
        },
        committee: Some(committee.into()),
        year: Some(year),
        kind: kind.into(),
        text: text.into(),
        order: url.into(),
        boost: 1.0,
    }
}

struct Index {
    manifest: Manifest,
    files: HashMap<String, Vec<u8>>,
}

impl Index {
    fn new(records: Vec<Record>, options: &Options) -> Index {
        let out = build(
            records,
            vec![
                Named {
                    id: "sefton".into(),
                    name: "Sefton".into(),
                },
                Named {
                    id: "st-helens".into(),
                    name: "St Helens".into(),
                },
            ],
            vec![
                ("s-osc".into(), "sefton".into(), "Sefton OSC".into()),
                ("s-cab".into(), "sefton".into(), "Sefton Cabinet".into()),
                ("h-cyp".into(), "st-helens".into(), "St Helens CYP".into()),
            ],
            vec![
                Named {
                    id: "item".into(),
                    name: "Agenda item".into(),
                },
                Named {
                    id: "minute".into(),
                    name: "Minute".into(),
                },
                Named {
                    id: "resolution".into(),
                    name: "Resolution".into(),
                },
            ],
            options,
        )
        .expect("builds");
        let files: HashMap<String, Vec<u8>> = out.files.into_iter().collect();
        let manifest =
            Manifest::from_json(&files["manifest.json"]).expect("a built manifest validates");
        assert_eq!(manifest, out.manifest);
        Index { manifest, files }
    }

    /// Search the way the app does: fetch the shards the query names, then rank.
    fn run(&self, q: &str, filters: &Filters) -> (minutebook_search::query::Outcome, Vec<Doc>) {
        let query = parse(q);
        let mut shards: HashMap<usize, Arc<Shard>> = HashMap::new();
        for key in shards_needed(&self.manifest, &query) {
            let bytes = self
                .files
                .get(&Manifest::shard_path(key))
                .unwrap_or_else(|| panic!("no shard file for {key}"));
            shards.insert(key, Arc::new(decode(bytes).unwrap()));
        }
        let outcome = search(&self.manifest, &shards, &query, filters);
        let docs = outcome
            .hits
            .iter()
            .map(|h| {
                let docs: Vec<Doc> =
                    serde_json::from_slice(&self.files[&self.manifest.doc_path(h.id)]).unwrap();
                docs[(h.id % self.manifest.docs_per_file) as usize].clone()
            })
            .collect();
        (outcome, docs)
    }
}

fn sample() -> Vec<Record> {
    vec![
        rec(
            "/m/1#item-1",
            "s-osc",
            2022,
            "item",
            "Children's Services Improvement Programme",
            "Report on the improvement programme for children’s social care.",
        ),
        rec(
            "/m/1#minute-5",
            "s-osc",
            2022,
            "minute",
            "Minute 5",
            "Members asked about housing for care leavers and the housing waiting list.",
        ),
        rec(
            "/m/1#minute-6",
            "s-osc",
            2022,
            "resolution",
            "Resolution 6",
            "That the report on school attendance be noted.",
        ),
        rec(
            "/m/2#item-2",
            "s-cab",
            2021,
            "item",
            "Housing Strategy",
            "The council's housing strategy 2021 to 2026.",
        ),
        rec(
            "/m/3#minute-1",
            "h-cyp",
            2021,
            "minute",
            "Minute 1",
            "The Committee considered a presentation on schools and attendance.",
        ),
        rec(
            "/m/3#minute-2",
            "h-cyp",
            2023,
            "resolution",
            "Resolution 2",
            "That the Café Provision report be deferred.",
        ),
    ]
}

#[test]
fn title_words_outrank_text_words_and_every_word_must_match() {
    let ix = Index::new(sample(), &Options::default());
    let (o, docs) = ix.run("housing", &Filters::default());
    assert_eq!(o.total, 2);
    assert_eq!(
        docs[0].title, "Housing Strategy",
        "title match first: {docs:?}"
    );
    let (o, docs) = ix.run("housing care ", &Filters::default());
    assert_eq!(o.total, 1);
    assert_eq!(docs[0].url, "/m/1#minute-5");
    let (o, _) = ix.run("housing zebra ", &Filters::default());
    assert_eq!(o.total, 0);
    assert_eq!(o.unmatched, ["zebra"]);
}

#[test]
fn as_you_type_prefixes_stems_accents_and_stopwords() {
    let ix = Index::new(sample(), &Options::default());
    for q in ["hous", "housi", "housin", "HOUSES", "the housing"] {
        let (o, _) = ix.run(q, &Filters::default());
        assert_eq!(o.total, 2, "{q}");
    }
    assert_eq!(ix.run("attend", &Filters::default()).0.total, 2);
    assert_eq!(ix.run("cafe", &Filters::default()).0.total, 1);
    assert_eq!(ix.run("café", &Filters::default()).0.total, 1);
    assert_eq!(ix.run("children’s", &Filters::default()).0.total, 1);
    // Two letters are not expanded (too costly at scale): only the whole word matches.
    assert_eq!(ix.run("ho", &Filters::default()).0.total, 0);
    let (o, _) = ix.run("the and ", &Filters::default());
    assert_eq!((o.total, o.hits.len()), (0, 0));
}

#[test]
fn facets_count_other_dimensions_and_filter() {
    let ix = Index::new(sample(), &Options::default());
    let m = &ix.manifest;
    let year = |y: i32| m.years.iter().position(|&v| v == y).unwrap() as u32;
    let (o, _) = ix.run("attendance", &Filters::default());
    assert_eq!(o.total, 2);
    assert_eq!(o.facets.councils, [1, 1]);
    let kinds: Vec<_> = m.kinds.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(kinds, ["item", "minute", "resolution"]);
    assert_eq!(o.facets.kinds, [0, 1, 1]);
    // Filter to St Helens: council counts still show Sefton's one; kinds now count only St Helens.
    let f = Filters {
        councils: vec![1],
        ..Filters::default()
    };
    let (o, docs) = ix.run("attendance", &f);
    assert_eq!(o.total, 1);
    assert_eq!(docs[0].url, "/m/3#minute-1");
    assert_eq!(o.facets.councils, [1, 1]);
    assert_eq!(o.facets.kinds, [0, 1, 0]);
    let f = Filters {
        years: vec![year(2022)],
        ..Filters::default()
    };
    assert_eq!(ix.run("attendance", &f).0.total, 1);
    let f = Filters {
        years: vec![year(2021), year(2022)],
        kinds: vec![2],
        ..Filters::default()
    };
    assert_eq!(ix.run("attendance", &f).0.total, 1);
}

#[test]
fn splits_shards_and_packs_docs_without_changing_answers() {
    let mut many = sample();
    for i in 0..300 {
        many.push(rec(
            &format!("/m/x#item-{i}"),
            "s-cab",
            2020 + i % 5,
            "item",
            &format!("Contract award {i}"),
            &format!("Procurement of contract number c{i} for council services"),
        ));
    }
    let small = Index::new(
        many.clone(),
        &Options {
            max_shard_bytes: 200,
            docs_per_file: 7,
            ..Options::default()
        },
    );
    let big = Index::new(many, &Options::default());
    assert!(
        small.manifest.shards.len() > 10 && big.manifest.shards.len() == 1,
        "{:?} / {:?}",
        small.manifest.shards,
        big.manifest.shards
    );
    for q in ["contract", "c12", "housing", "procure", "council services "] {
        let (a, da) = small.run(q, &Filters::default());
        let (b, db) = big.run(q, &Filters::default());
        assert_eq!(a.total, b.total, "{q}");
        assert_eq!(da, db, "{q}");
    }
    assert_eq!(small.run("contract", &Filters::default()).0.total, 300);
}

#[test]
fn snippets_highlight_what_matched() {
    let ix = Index::new(sample(), &Options::default());
    let (o, docs) = ix.run("waiting list hous", &Filters::default());
    let s = snippet(&docs[0].text, &o.terms, 20);
    let marked: Vec<&str> = s.marks.iter().map(|&(a, b)| &s.text[a..b]).collect();
    assert_eq!(marked, ["housing", "housing", "waiting", "list"]);
}
