//! The search manifest on any bytes: `Manifest::from_json` never panics and what it
//! accepts reads back the same; any manifest that is merely JSON of the right shape
//! (as an older app decodes it) is still answered by the query code without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutebook_search::query::{parse, search, shards_needed, Filters};
use minutebook_search::shard::{Shard, Term};
use minutebook_search::Manifest;
use std::collections::HashMap;
use std::sync::Arc;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(m) = Manifest::from_json(bytes) {
        let json = serde_json::to_vec(&m).unwrap();
        assert_eq!(Manifest::from_json(&json).as_ref(), Ok(&m));
    }
    let Ok(m) = serde_json::from_slice::<Manifest>(bytes) else {
        return;
    };
    let terms: Vec<Term> = ["alpha", "housing", "zeta"]
        .iter()
        .map(|t| Term {
            term: t.to_string(),
            postings: (0..40).map(|i| (i * 3, 200)).collect(),
        })
        .collect();
    let shards: HashMap<usize, Arc<Shard>> = (0..m.shards.len().min(64))
        .map(|i| {
            (
                i,
                Arc::new(Shard {
                    terms: terms.clone(),
                }),
            )
        })
        .collect();
    let filters = Filters {
        councils: vec![0, 1],
        committees: vec![0, 3],
        years: vec![0],
        kinds: vec![1, 9],
    };
    for q in ["housing", "hou", "alpha zeta"] {
        let query = parse(q);
        let _ = shards_needed(&m, &query);
        let _ = search(&m, &shards, &query, &Filters::default());
        let _ = search(&m, &shards, &query, &filters);
    }
    let _ = m.runs();
});
