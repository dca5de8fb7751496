//! The JSON path in a "wrong type or value" message is found from serde_json's error
//! position (`json_path`), not tracked during the read. These tests hold it to what
//! `serde_path_to_error` tracks, over every seed file with one value broken at a time:
//! each value given another type, and each field removed.

mod common;

use minutebook_data::{
    parse, Catalogue, CouncilAttendance, CouncilFile, Dashboard, DecisionsFile, DecisionsIndex,
    FollowUpsFile, ForwardPlan, Glossary, LoadErrorKind, Meeting, PeopleRegister, Versioned,
    WorkProgramme,
};
use serde_json::Value;
use std::path::Path;

/// The path `serde_path_to_error` gives for `text` read as `T`, as `parse` words it, or
/// `None` when `T` reads it.
fn tracked<T: Versioned>(text: &str) -> Option<String> {
    let value: Value = serde_json::from_str(text).unwrap();
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(_) => None,
        Err(e) => Some(match e.path().to_string() {
            p if p == "." => "the top level".into(),
            p => p,
        }),
    }
}

fn found<T: Versioned>(text: &str) -> Option<String> {
    match parse::<T>("f.json", text) {
        Ok(_) => None,
        Err(e) => match e.kind {
            LoadErrorKind::WrongShape { path, .. } => Some(path),
            other => panic!("not a shape error: {other:?}\n{text}"),
        },
    }
}

/// Every value in `v` with its JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| {
            pointers(
                c,
                format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                out,
            )
        }),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| pointers(c, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

/// A value of another type than `v`.
fn other_type(v: &Value) -> Value {
    match v {
        Value::String(_) => Value::from(5),
        Value::Number(_) => Value::from("x"),
        Value::Bool(_) => Value::from("yes"),
        Value::Null => Value::Array(vec![]),
        Value::Array(_) => Value::Object(Default::default()),
        Value::Object(_) => Value::from("x"),
    }
}

/// Each broken copy of `text`, written as a publisher would (indented, on many lines).
fn mutants(text: &str) -> Vec<String> {
    let root: Value = serde_json::from_str(text).unwrap();
    let mut all = Vec::new();
    pointers(&root, String::new(), &mut all);
    // Every value in a small file; a spread of them in a large one (the test stays quick).
    let step = (all.len() / 150).max(1);
    let mut out = Vec::new();
    for p in all
        .iter()
        .step_by(step)
        .filter(|p| !p.is_empty() && *p != "/format")
    {
        let mut changed = root.clone();
        let target = changed.pointer_mut(p).unwrap();
        *target = other_type(target);
        out.push(serde_json::to_string_pretty(&changed).unwrap());
        // Remove it, where it is a field.
        let (parent, key) = p.rsplit_once('/').unwrap();
        let mut removed = root.clone();
        if let Some(Value::Object(m)) = removed.pointer_mut(parent) {
            m.remove(&key.replace("~1", "/").replace("~0", "~"));
            out.push(serde_json::to_string_pretty(&removed).unwrap());
        }
    }
    out
}

/// Whether `outer` is `inner` or one of the values that hold it.
fn holds(outer: &str, inner: &str) -> bool {
    outer == inner
        || outer == "the top level"
        || inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// (broken copies, paths found exactly) in `file` read as `T`.
fn check<T: Versioned>(file: &Path) -> (usize, usize) {
    let text = std::fs::read_to_string(file).unwrap();
    let (mut broken, mut exact) = (0, 0);
    for m in mutants(&text) {
        let want = tracked::<T>(&m);
        let got = found::<T>(&m);
        broken += usize::from(want.is_some());
        exact += usize::from(want.is_some() && got == want);
        // serde reads untagged and internally tagged enums from a buffered copy. Tracking
        // then stops at the enum, while the position may name the field inside it; or
        // the position lands after the object that holds it, and the path names that
        // object. Either way it never names a value outside the one at fault.
        let near = matches!((&got, &want), (Some(g), Some(w)) if holds(g, w) || holds(w, g));
        if got != want && !near {
            let e = parse::<T>("f.json", &m).err().unwrap();
            panic!(
                "{}: found {got:?}, tracked {want:?}: {e}\n{m}",
                file.display()
            );
        }
    }
    (broken, exact)
}

#[test]
fn paths_from_positions_match_tracked_paths_on_every_seed_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let mut all = Vec::new();
    common::json_files(&root, &mut all);
    let (mut broken, mut exact) = (0, 0);
    for f in &all {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let dir = rel.split('/').next().unwrap();
        let (b, e) = match (dir, rel.as_str()) {
            (_, "index.json") => check::<Catalogue>(f),
            (_, "glossary.json") => check::<Glossary>(f),
            (_, "decisions/index.json") => check::<DecisionsIndex>(f),
            ("decisions", r) if r.contains("/follow-ups-") => check::<FollowUpsFile>(f),
            ("decisions", _) => check::<DecisionsFile>(f),
            ("councils", _) => check::<CouncilFile>(f),
            ("meetings", _) => check::<Meeting>(f),
            ("dashboards", _) => check::<Dashboard>(f),
            ("work-programmes", _) => check::<WorkProgramme>(f),
            ("forward-plans", _) => check::<ForwardPlan>(f),
            ("people", _) => check::<PeopleRegister>(f),
            ("attendance", _) => check::<CouncilAttendance>(f),
            _ => (0, 0),
        };
        broken += b;
        exact += e;
    }
    // Enough broken copies that the comparison means something, and nearly all exact.
    eprintln!("{broken} broken copies refused, {exact} with exactly the tracked path");
    assert!(broken > 1000, "only {broken} broken copies were refused");
    assert!(
        exact * 100 >= broken * 95,
        "only {exact} of {broken} paths exact"
    );
}
