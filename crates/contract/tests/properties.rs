//! Property tests for the contract loader, the parser of every published file (issue 12):
//! arbitrary bytes, JSON-ish text and damaged copies of the seed files never panic it, and
//! whatever it accepts serialises and reads back as the same value. Only the public API
//! is used (`parse`, `parse_bytes`). Run by plain `cargo test`; the fuzz targets in /fuzz
//! drive the same functions for longer (docs/fuzzing.md).

mod common;

use minutebook_data::{
    parse, parse_bytes, Catalogue, CouncilAttendance, CouncilFile, Dashboard, DecisionsFile,
    DecisionsIndex, FollowUpsFile, ForwardPlan, Glossary, Meeting, PeopleRegister, Theme,
    Versioned, WorkProgramme,
};
use proptest::prelude::*;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::Path;
use std::sync::OnceLock;

/// Parse `text` as a `T`; if accepted, its JSON must read back as the same value.
fn round_trip<T: Versioned + Serialize + PartialEq + Debug>(text: &str) -> Result<bool, String> {
    let bytes_result = parse_bytes::<T>("f.json", text.as_bytes());
    let Ok(value) = parse::<T>("f.json", text) else {
        if let Ok(v) = bytes_result {
            return Err(format!(
                "{}: parse_bytes accepted what parse refused: {v:?}",
                T::WHAT
            ));
        }
        return Ok(false);
    };
    if bytes_result.as_ref() != Ok(&value) {
        return Err(format!("{}: parse and parse_bytes disagree", T::WHAT));
    }
    let json = serde_json::to_string(&value)
        .map_err(|e| format!("{}: does not serialise: {e}", T::WHAT))?;
    match parse::<T>("f.json", &json) {
        Ok(back) if back == value => Ok(true),
        Ok(back) => Err(format!(
            "{}: reads back different:\n{value:?}\n{back:?}",
            T::WHAT
        )),
        Err(e) => Err(format!("{}: its own JSON is refused: {e}\n{json}", T::WHAT)),
    }
}

/// Every published file type: how many accepted `text`.
fn every_type(text: &str) -> Result<usize, String> {
    let results = [
        round_trip::<Catalogue>(text)?,
        round_trip::<Meeting>(text)?,
        round_trip::<CouncilFile>(text)?,
        round_trip::<WorkProgramme>(text)?,
        round_trip::<ForwardPlan>(text)?,
        round_trip::<Dashboard>(text)?,
        round_trip::<PeopleRegister>(text)?,
        round_trip::<CouncilAttendance>(text)?,
        round_trip::<Glossary>(text)?,
        round_trip::<Theme>(text)?,
        round_trip::<DecisionsIndex>(text)?,
        round_trip::<DecisionsFile>(text)?,
        round_trip::<FollowUpsFile>(text)?,
    ];
    Ok(results.iter().filter(|&&b| b).count())
}

/// The seed data files (public/data), smallest first, and every object key in them.
fn seeds() -> &'static (Vec<String>, Vec<String>) {
    static SEEDS: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut files = Vec::new();
        common::json_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data"),
            &mut files,
        );
        let mut texts: Vec<String> = files
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        texts.sort_by_key(String::len);
        let mut keys = BTreeSet::new();
        fn collect(v: &serde_json::Value, keys: &mut BTreeSet<String>) {
            match v {
                serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| {
                    keys.insert(k.clone());
                    collect(v, keys);
                }),
                serde_json::Value::Array(a) => a.iter().for_each(|v| collect(v, keys)),
                _ => {}
            }
        }
        for t in &texts {
            collect(&serde_json::from_str(t).unwrap(), &mut keys);
        }
        (texts, keys.into_iter().collect())
    })
}

#[test]
fn every_seed_file_is_accepted_and_round_trips() {
    let (texts, keys) = seeds();
    assert!(texts.len() >= 30 && keys.len() > 50);
    for t in texts {
        assert!(every_type(t).unwrap() >= 1, "no type accepts a seed file");
    }
}

/// JSON values built from the seed files' own keys and typical values, so the loader is
/// driven past "not an object" into every field's checks.
fn json_ish() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let keys = seeds().1.clone();
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![any::<f64>(), -1e3f64..1e3].prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "minutebook/1",
            "2022-11-07",
            "+022-11-07",
            "2022-02-30",
            "18:30",
            "24:00",
            "day",
            "month",
            "sefton",
            "sefton-osc-children",
            "a b",
            "%2F",
            "\u{feff}x",
            "",
            "https://example.org/a.pdf",
            "javascript:alert(1)",
            "minute",
            "red",
            "amber",
            "green",
            "delivered",
            "planned",
        ])
        .prop_map(|s| Value::String(s.into())),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(keys.clone()), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A text edit: replace a run of characters with a JSON-ish token.
fn edits() -> impl Strategy<Value = Vec<(usize, usize, &'static str)>> {
    prop::collection::vec(
        (
            any::<usize>(),
            0usize..6,
            prop::sample::select(vec![
                "",
                "{",
                "}",
                "[",
                "]",
                "\"",
                ",",
                ":",
                "0",
                "-1",
                "1e308",
                "1e999",
                "-0",
                "null",
                "true",
                "\"\"",
                "\\u0000",
                "\\ud800",
                "é",
                "\u{feff}",
                "\"+022-11-07\"",
                "\"2022-13-01\"",
                "\"99:99\"",
                "4294967296",
                "18446744073709551616",
                "0.1",
                "{\"format\":\"minutebook/2\"}",
                " ",
                "\n",
            ]),
        ),
        1..4,
    )
}

fn apply(text: &str, edits: &[(usize, usize, &str)]) -> String {
    let mut s = text.to_string();
    for &(at, len, token) in edits {
        let mut start = at % (s.len() + 1);
        while !s.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(s.len());
        while !s.is_char_boundary(end) {
            end += 1;
        }
        s.replace_range(start..end, token);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse_bytes::<Meeting>("f.json", &bytes);
        let _ = parse_bytes::<Catalogue>("f.json", &bytes);
        let _ = parse_bytes::<Dashboard>("f.json", &bytes);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            every_type(text).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn json_ish_text_is_refused_or_round_trips(v in json_ish(), with_format in any::<bool>()) {
        let v = match v {
            serde_json::Value::Object(mut m) if with_format => {
                m.insert("format".into(), "minutebook/1".into());
                serde_json::Value::Object(m)
            }
            v => v,
        };
        every_type(&v.to_string()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn damaged_seed_files_are_refused_or_round_trip(which in any::<prop::sample::Index>(), edits in edits()) {
        let texts = &seeds().0;
        // Mostly the smaller files: the loader's checks are the same and the test stays fast.
        let small = &texts[..texts.len() * 3 / 4];
        let text = apply(which.get(small).as_str(), &edits);
        every_type(&text).map_err(TestCaseError::fail)?;
    }
}
