//! Damaged index files: each is refused by decoding with a message naming the part that is
//! wrong, and the query code still answers (without panicking) if handed one anyway.

use minutebook_search::build::{build, Options};
use minutebook_search::query::{parse, search, shards_needed, Filters};
use minutebook_search::shard::{decode, encode, Shard, Term};
use minutebook_search::snippet::{pieces, snippet};
use minutebook_search::{Manifest, Named, Record};
use std::collections::HashMap;
use std::sync::Arc;

fn named(id: &str) -> Named {
    Named {
        id: id.into(),
        name: id.to_uppercase(),
    }
}

fn record(n: usize, committee: &str, year: i32, kind: &str) -> Record {
    Record {
        url: format!("/m/{n}"),
        title: format!("Housing report {n}"),
        context: String::new(),
        council: "sefton".into(),
        committee: Some(committee.into()),
        year: Some(year),
        kind: kind.into(),
        text: "School attendance and housing".into(),
        order: format!("{n:04}"),
        boost: 1.0,
    }
}

/// A small built index: its manifest and shards.
fn built() -> (Manifest, HashMap<usize, Arc<Shard>>) {
    let records = (0..12)
        .map(|n| {
            let committee = if n % 2 == 0 { "osc" } else { "cab" };
            let kind = if n % 3 == 0 { "item" } else { "minute" };
            record(n, committee, 2020 + (n % 3) as i32, kind)
        })
        .collect();
    let out = build(
        records,
        vec![named("sefton")],
        vec![
            ("osc".into(), "sefton".into(), "OSC".into()),
            ("cab".into(), "sefton".into(), "Cabinet".into()),
        ],
        vec![named("item"), named("minute")],
        &Options::default(),
    )
    .unwrap();
    let files: HashMap<String, Vec<u8>> = out.files.into_iter().collect();
    let manifest = Manifest::from_json(&files["manifest.json"]).unwrap();
    let shards = (0..manifest.shards.len())
        .map(|i| {
            let s = decode(&files[&Manifest::shard_path(i)]).unwrap();
            (i, Arc::new(s))
        })
        .collect();
    (manifest, shards)
}

/// Every query and filter the tests try, on a possibly damaged manifest: no panic.
fn query_all(manifest: &Manifest, shards: &HashMap<usize, Arc<Shard>>) -> usize {
    let mut total = 0;
    for q in ["housing", "hou", "school attendance", "report 3", "zzz"] {
        let query = parse(q);
        let _ = shards_needed(manifest, &query);
        for filters in [
            Filters::default(),
            Filters {
                councils: vec![0, 7],
                committees: vec![1, 99],
                years: vec![0, 5],
                kinds: vec![1, 42],
            },
        ] {
            total += search(manifest, shards, &query, &filters).total;
        }
    }
    total
}

#[test]
fn a_built_manifest_is_valid_and_answers() {
    let (m, shards) = built();
    assert_eq!(m.validate(), Ok(()));
    assert!(query_all(&m, &shards) > 0);
}

/// A change that breaks a manifest.
type Damage = fn(&mut Manifest);

/// The bug in issue 12: facet groups pointing past the councils panicked in `search`.
#[test]
fn groups_past_the_lists_are_refused_and_tolerated() {
    let (good, shards) = built();
    let cases: [(&str, Damage); 17] = [
        ("groups[0][0]", |m| m.groups[0][0] = 5),
        ("groups[1][0]", |m| m.groups[1][0] = -3),
        ("groups[0][1]", |m| m.groups[0][1] = 9),
        ("groups[0][1]", |m| m.groups[0][1] = i64::MIN),
        ("groups[0][2]", |m| m.groups[0][2] = 1999),
        ("groups[0] has 6 values", |m| m.groups[0].push(1)),
        ("groups[0] has 2 values", |m| m.groups[0].truncate(2)),
        ("groups[0][3]", |m| m.groups[0][3] = -1),
        ("records", |m| m.groups[0][4] = i64::MAX),
        ("records", |m| m.records += 1),
        ("kinds", |m| m.kinds.clear()),
        ("committees[1]", |m| m.committees[1].council = 4),
        ("years", |m| m.years.reverse()),
        ("shards", |m| m.shards.push(String::new())),
        ("docs_per_file", |m| m.docs_per_file = 0),
        ("groups[0][1]", |m| m.committees.clear()),
        ("committees[0]", |m| m.councils.clear()),
    ];
    for (part, damage) in cases {
        let mut m = good.clone();
        damage(&mut m);
        let err = m.validate().expect_err(part);
        assert!(err.contains(part), "{part}: {err}");
        // The same manifest through JSON: refused with the same message.
        let json = serde_json::to_vec(&m).unwrap();
        let err = Manifest::from_json(&json).expect_err(part);
        assert!(err.contains(part), "{part}: {err}");
        // And the query code, handed it anyway, answers.
        query_all(&m, &shards);
        let _ = m.runs();
        let _ = m.doc_path(u32::MAX);
    }
}

#[test]
fn manifests_that_are_not_manifests() {
    for (bytes, says) in [
        (&b""[..], "not readable"),
        (b"<!doctype html><html>", "not readable"),
        (b"{\"format\":\"minutebook-search/1\"}", "not readable"),
        (b"[1,2,3]", "not readable"),
    ] {
        let err = Manifest::from_json(bytes).unwrap_err();
        assert!(err.contains(says), "{err}");
    }
    let mut m = built().0;
    m.format = "minutebook-search/2".into();
    let err = Manifest::from_json(&serde_json::to_vec(&m).unwrap()).unwrap_err();
    assert!(err.contains("minutebook-search/2"), "{err}");
    assert_eq!(Manifest::year_label(i32::MAX), "2147483647/48");
    assert_eq!(Manifest::year_label(i32::MIN), "-2147483648/53");
}

fn varint(mut v: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}

fn shard(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = b"MBS1".to_vec();
    parts.iter().for_each(|p| out.extend_from_slice(p));
    out
}

#[test]
fn damaged_shards_are_refused_with_the_reason() {
    let one = varint(1);
    let cases: Vec<(Vec<u8>, &str)> = vec![
        // A bitmap whose first id is near u32::MAX: its ids used to overflow (a panic).
        (
            shard(&[
                &one,
                &one,
                b"a",
                &varint(2),
                &[1],
                &varint(u64::from(u32::MAX) - 3),
                &one,
                &[0b1000_0001],
                &[0x11],
            ]),
            "passes u32::MAX",
        ),
        // An id step bigger than u32: used to be cut silently to 32 bits.
        (
            shard(&[&one, &one, b"a", &one, &[0], &varint(1 << 40), &[9]]),
            "too big for a record id",
        ),
        // Ids that pass u32::MAX when added up.
        (
            shard(&[
                &one,
                &one,
                b"a",
                &varint(2),
                &[0],
                &varint(u64::from(u32::MAX)),
                &[9],
                &varint(5),
                &[9],
            ]),
            "passes u32::MAX",
        ),
        // A repeated id.
        (
            shard(&[
                &one,
                &one,
                b"a",
                &varint(2),
                &[0],
                &varint(4),
                &[9],
                &varint(0),
                &[9],
            ]),
            "repeated",
        ),
        // Declared counts far beyond the file: refused before allocating.
        (shard(&[&varint(u64::MAX >> 1)]), "number of terms"),
        (shard(&[&one, &varint(1 << 40), b"a"]), "length"),
        (
            shard(&[&one, &one, b"a", &varint(1 << 50), &[0]]),
            "record count",
        ),
        (
            shard(&[
                &one,
                &one,
                b"a",
                &varint(1 << 50),
                &[1],
                &one,
                &one,
                &[1],
                &[1],
            ]),
            "bitmap has 1 records",
        ),
        // Impacts cut off after a bitmap.
        (
            shard(&[&one, &one, b"a", &varint(8), &[1], &one, &one, &[0xff]]),
            "cut off",
        ),
        // A number with too many bytes, or too big for 64 bits.
        (shard(&[&[0xff; 9], &[0x81, 0x01]]), "too long"),
        (
            shard(&[&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]]),
            "too big",
        ),
        // Terms out of order, not UTF-8, bytes after the end, unknown layout.
        (
            shard(&[&varint(2), &one, b"b", &[0, 0], &one, b"a", &[0, 0]]),
            "terms must be sorted",
        ),
        (shard(&[&one, &one, &[0xff], &[0, 0]]), "not UTF-8"),
        (
            shard(&[&one, &one, b"a", &[0, 0], b"junk"]),
            "4 bytes follow",
        ),
        (
            shard(&[&one, &one, b"a", &[0, 7]]),
            "unknown postings layout 7",
        ),
        (b"MBS".to_vec(), "wrong header"),
        (shard(&[]), "ends early"),
    ];
    for (bytes, says) in cases {
        let err = decode(&bytes).expect_err(says);
        assert!(err.contains(says), "expected {says:?}, got {err:?}");
    }
    // The term is named in the message.
    let err = decode(&shard(&[
        &varint(2),
        &one,
        b"a",
        &[0, 0],
        &one,
        &[0xff],
        &[0, 0],
    ]))
    .unwrap_err();
    assert!(err.starts_with("term 1:"), "{err}");
}

#[test]
fn encoding_tolerates_postings_out_of_order() {
    let terms = vec![Term {
        term: "x".into(),
        postings: vec![(9, 1), (3, 2), (9, 5), (0, 7)],
    }];
    let back = decode(&encode(&terms)).unwrap();
    let ids: Vec<u32> = back.terms[0].postings.iter().map(|p| p.0).collect();
    assert_eq!(ids, [0, 3, 9]);
}

#[test]
fn snippets_tolerate_any_ranges_and_lengths() {
    let s = snippet("alpha beta gamma", &["beta".to_string()], usize::MAX);
    assert_eq!(s.text, "alpha beta gamma");
    let text = "café au lait";
    for marks in [
        vec![(5, 2)],
        vec![(4, 5)],
        vec![(0, 99)],
        vec![(3, 6), (1, 2)],
        vec![(usize::MAX, usize::MAX)],
    ] {
        let joined: String = pieces(text, &marks).iter().map(|p| p.0).collect();
        assert_eq!(joined, text, "{marks:?}");
    }
}
