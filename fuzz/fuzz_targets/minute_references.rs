//! Minute references ("Minute No. 19 (3) of 27 September 2022") in any text: never
//! panics, and the segments put back together are the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutebook_domain::references::{anchor, segments, Segment};

fuzz_target!(|text: &str| {
    let segs = segments(text);
    let joined: String = segs
        .iter()
        .map(|s| match s {
            Segment::Text(t) | Segment::Ref(t, _) => *t,
        })
        .collect();
    assert_eq!(joined, text);
    for s in &segs {
        if let Segment::Ref(_, r) = s {
            let _ = anchor(&r.minute, r.part.as_deref());
        }
    }
});
