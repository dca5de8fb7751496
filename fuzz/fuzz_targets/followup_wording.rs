//! Follow-up request wording in any text: what is asked, of whom, by when, and the due
//! date; never panics, and a timing is quoted from the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutebook_data::Date;
use minutebook_domain::decisions::resolution_kind;
use minutebook_domain::followups::{due_date, LAST_DUE_YEAR};
use minutebook_domain::requests::{asked, months_in, request, timing};

fuzz_target!(|text: &str| {
    let _ = request(text);
    let _ = asked(text);
    let _ = resolution_kind(text);
    if let Some(t) = timing(text) {
        assert!(text.contains(t.as_str()));
        if let Some(n) = months_in(&t) {
            let meeting = Date {
                year: 2022,
                month: 11,
                day: 7,
            };
            if let Some(due) = due_date(meeting, n) {
                assert!(due >= meeting && due.year <= LAST_DUE_YEAR);
            }
        }
    }
});
