//! Search term shards on any bytes: decoding never panics; what decodes re-encodes to a
//! shard with the same terms and record ids, and queries over it never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutebook_search::query::{parse, search, Filters};
use minutebook_search::shard::{decode, encode};
use minutebook_search::Manifest;
use std::collections::HashMap;
use std::sync::Arc;

fuzz_target!(|bytes: &[u8]| {
    let Ok(shard) = decode(bytes) else { return };
    let again = decode(&encode(&shard.terms)).expect("a re-encoded shard decodes");
    assert_eq!(again.terms.len(), shard.terms.len());
    for (a, b) in shard.terms.iter().zip(&again.terms) {
        assert_eq!(a.term, b.term);
        assert!(a
            .postings
            .iter()
            .map(|p| p.0)
            .eq(b.postings.iter().map(|p| p.0)));
    }
    let manifest = Manifest {
        records: 1000,
        docs_per_file: 1,
        shards: vec![String::new()],
        ..Manifest::default()
    };
    let first = shard
        .terms
        .first()
        .map(|t| t.term.clone())
        .unwrap_or_default();
    let shards = HashMap::from([(0, Arc::new(shard))]);
    for q in [first.as_str(), "a", "hou"] {
        let _ = search(&manifest, &shards, &parse(q), &Filters::default());
    }
});
