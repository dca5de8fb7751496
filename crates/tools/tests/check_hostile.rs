//! The hostile corpus for `minutebook check` (tests/hostile/check/cases.json, issue 12):
//! each case mutates a copy of the bundled data and must be accepted, or refused with a
//! message naming the file and the JSON path, never with a panic. Some cases also run the
//! real binary, which must exit 0 (accepted) or 1 (refused) and print no panic.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Copy a data folder, leaving out the build output that may sit in a working copy's.
fn copy_dir(from: &Path, to: &Path) {
    minutebook_tools::files::copy_tree_where(from, to, |rel| {
        !rel.split('/')
            .any(|s| ["search", "calendars", "feeds"].contains(&s))
    })
    .unwrap();
}

/// Create or replace the value at a JSON pointer (the parent must exist).
fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/").replace("~0", "~");
    match doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"))
    {
        Value::Object(map) => {
            map.insert(key, value);
        }
        Value::Array(list) => {
            let i: usize = key.parse().unwrap();
            list[i] = value;
        }
        other => panic!("{parent} is {other}"),
    }
}

fn apply(dir: &Path, default_file: &str, m: &Value) {
    let op = m["op"].as_str().unwrap();
    let file = m["file"].as_str().unwrap_or(default_file);
    let path = dir.join(file);
    let bytes = || std::fs::read(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let json = || serde_json::from_slice::<Value>(&bytes()).unwrap();
    let write_json = |doc: &Value| std::fs::write(&path, serde_json::to_vec_pretty(doc).unwrap());
    match op {
        "set" | "append" | "remove" => {
            let mut doc = json();
            let pointer = m["pointer"].as_str().unwrap();
            let value = match m.get("value_from") {
                Some(from) => doc.pointer(from.as_str().unwrap()).unwrap().clone(),
                None => m.get("value").cloned().unwrap_or(Value::Null),
            };
            match op {
                "set" => set(&mut doc, pointer, value),
                "append" => doc
                    .pointer_mut(pointer)
                    .and_then(Value::as_array_mut)
                    .unwrap_or_else(|| panic!("{file}: no array at {pointer}"))
                    .push(value),
                _ => {
                    let (parent, key) = pointer.rsplit_once('/').unwrap();
                    doc.pointer_mut(parent)
                        .and_then(Value::as_object_mut)
                        .unwrap()
                        .remove(key);
                }
            }
            write_json(&doc).unwrap();
        }
        "copy-file" => {
            std::fs::copy(&path, dir.join(m["to"].as_str().unwrap())).unwrap();
        }
        "delete-file" => std::fs::remove_file(&path).unwrap(),
        "write-file" => std::fs::write(
            dir.join(m["to"].as_str().unwrap()),
            m["text"].as_str().unwrap(),
        )
        .unwrap(),
        "prepend-bom" => {
            let mut b = "\u{feff}".as_bytes().to_vec();
            b.extend(bytes());
            std::fs::write(&path, b).unwrap();
        }
        "html-page" => std::fs::write(
            &path,
            "<!doctype html>\n<html lang=\"en\"><head><title>Minutebook</title></head>\
             <body><noscript>This site needs JavaScript.</noscript></body></html>\n",
        )
        .unwrap(),
        "utf16le" => {
            let text = String::from_utf8(bytes()).unwrap();
            let mut b = vec![0xff, 0xfe];
            b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            std::fs::write(&path, b).unwrap();
        }
        "append-bytes" => {
            let mut b = bytes();
            let hex = m["hex"].as_str().unwrap();
            b.extend(
                (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()),
            );
            std::fs::write(&path, b).unwrap();
        }
        "append-spaces" => {
            // Whitespace after the JSON: still valid, only larger.
            let mut b = bytes();
            b.resize(b.len() + m["count"].as_u64().unwrap() as usize, b' ');
            std::fs::write(&path, b).unwrap();
        }
        "replace-text" => {
            let text = String::from_utf8(bytes()).unwrap();
            let from = m["from"].as_str().unwrap();
            assert!(text.contains(from), "{file} has no {from:?}");
            std::fs::write(&path, text.replacen(from, m["to"].as_str().unwrap(), 1)).unwrap();
        }
        other => panic!("unknown op {other}"),
    }
}

struct Case {
    name: String,
    category: String,
    file: String,
    expect_refused: bool,
    path: Option<String>,
    words: Vec<String>,
    cli: bool,
}

fn case(v: &Value) -> Case {
    let s = |k: &str| v[k].as_str().map(str::to_string);
    Case {
        name: s("name").unwrap(),
        category: s("category").unwrap(),
        file: s("file").unwrap(),
        expect_refused: match v["expect"].as_str() {
            Some("refused") => true,
            Some("accepted") => false,
            other => panic!("expect: {other:?}"),
        },
        path: s("path"),
        words: v["words"]
            .as_array()
            .map(|w| w.iter().map(|x| x.as_str().unwrap().to_string()).collect())
            .unwrap_or_default(),
        cli: v["cli"].as_bool().unwrap_or(false),
    }
}

/// The one error line that names the file and path and has every word, if any.
fn matching<'a>(c: &Case, errors: &'a [String]) -> Option<&'a String> {
    errors.iter().find(|e| {
        e.contains(&c.file)
            && c.path.as_ref().is_none_or(|p| e.contains(p.as_str()))
            && c.words.iter().all(|w| e.contains(w.as_str()))
    })
}

#[test]
fn the_hostile_corpus() {
    let corpus: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/hostile/check/cases.json")).unwrap(),
    )
    .unwrap();
    let base =
        std::env::temp_dir().join(format!("minutebook-check-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let mut failures = Vec::new();
    let mut by_category: BTreeMap<String, usize> = BTreeMap::new();
    let (mut accepted, mut refused, mut cli_runs) = (0, 0, 0);
    let cases = corpus["cases"].as_array().unwrap();
    for (i, v) in cases.iter().enumerate() {
        let c = case(v);
        *by_category.entry(c.category.clone()).or_default() += 1;
        if c.expect_refused {
            refused += 1;
        } else {
            accepted += 1;
        }
        let dir = base.join(format!("{i:02}"));
        copy_dir(&root().join("public/data"), &dir);
        for m in v["mutations"].as_array().unwrap() {
            apply(&dir, &c.file, m);
        }
        if v["catalogue_first"].as_bool().unwrap_or(false) {
            // As a publisher would; it may refuse, but it must not panic.
            let _ = minutebook_tools::write_catalogue(&dir);
        }
        let result = minutebook_tools::check(&dir);
        match (&result, c.expect_refused) {
            (Ok(_), false) => {}
            (Err(errors), true) if matching(&c, errors).is_some() => {}
            _ => failures.push(format!(
                "{} ({}): expected {}, got {result:#?}",
                c.name,
                c.category,
                if c.expect_refused {
                    format!(
                        "refused naming {} at {:?} with {:?}",
                        c.file, c.path, c.words
                    )
                } else {
                    "accepted".into()
                }
            )),
        }
        if c.cli {
            cli_runs += 1;
            let out = Command::new(env!("CARGO_BIN_EXE_minutebook"))
                .arg("check")
                .arg(&dir)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let errors: Vec<String> = stderr
                .lines()
                .filter_map(|l| l.strip_prefix("error: "))
                .map(str::to_string)
                .collect();
            let ok = match c.expect_refused {
                false => out.status.code() == Some(0),
                true => out.status.code() == Some(1) && matching(&c, &errors).is_some(),
            };
            if !ok || stderr.contains("panicked") {
                failures.push(format!(
                    "{} (binary): exit {:?}, stderr:\n{stderr}",
                    c.name,
                    out.status.code()
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&base);
    eprintln!(
        "{} cases: by category {}; outcomes: {accepted} accepted, {refused} refused; {cli_runs} also run through the minutebook binary",
        cases.len(),
        by_category
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(cases.len() >= 25, "the corpus has {} cases", cases.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn minutebook(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_minutebook"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_says_how_to_use_it() {
    let help = minutebook(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    for sub in [
        "check",
        "catalogue",
        "schema",
        "decisions",
        "index",
        "feeds",
    ] {
        assert!(text.contains(sub), "--help lists {sub}:\n{text}");
    }
    assert!(
        text.contains("Examples:") && text.contains("Exit status"),
        "{text}"
    );
    let index = minutebook(&["index", "--help"]);
    let text = String::from_utf8_lossy(&index.stdout);
    assert!(
        text.contains("--docs-per-file") && text.contains("--max-shard-kb"),
        "{text}"
    );
    let feeds = minutebook(&["feeds", "--help"]);
    let text = String::from_utf8_lossy(&feeds.stdout);
    assert!(
        text.contains("--base") && text.contains("--site-url"),
        "{text}"
    );
    // Usage errors exit 2; refused data exit 1 (the corpus); a good folder exits 0.
    for bad in [
        &["frobnicate"][..],
        &["check"],
        &["index", "a", "b", "--docs-per-file", "0"],
        &["feeds", "a", "b", "--colour", "red"],
    ] {
        assert_eq!(minutebook(bad).status.code(), Some(2), "{bad:?}");
    }
    let data = root().join("public/data");
    let good = minutebook(&["check", data.to_str().unwrap()]);
    assert_eq!(
        good.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let missing = minutebook(&["check", "/nonexistent/minutebook-data"]);
    assert_eq!(missing.status.code(), Some(1));
}
