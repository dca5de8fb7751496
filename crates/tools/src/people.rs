//! People registers, the attendance files generated from them, and the glossary:
//! `minutebook catalogue` writes `attendance/<council>.json`; `minutebook check` fails when
//! one is out of date or when a register or the glossary is inconsistent.

use crate::catalogue::{read_dataset, DataSet};
use minutebook_data::{paths, CouncilAttendance, Meeting};
use minutebook_domain::people::council_attendance;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn url_safe(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Registers: known councils, ids unique and prefixed by the council id, no alias shared by
/// two people, and every explicit `person` id in the data found in its council's register.
pub fn check_registers(data: &DataSet) -> Vec<String> {
    let mut errors = Vec::new();
    let mut ids = BTreeSet::new();
    for r in &data.people {
        let file = paths::people(&r.council);
        if !data.councils.iter().any(|c| c.council.id == r.council) {
            errors.push(format!("{file} names unknown council {}", r.council));
        }
        let mut aliases: BTreeMap<String, &str> = BTreeMap::new();
        for p in &r.people {
            if !url_safe(&p.id) || !p.id.starts_with(&format!("{}-", r.council)) {
                errors.push(format!("{file}: person id \"{}\" must be lower-case letters, digits and hyphens, starting \"{}-\"", p.id, r.council));
            }
            if !ids.insert(p.id.as_str()) {
                errors.push(format!("{file}: person id \"{}\" is used twice", p.id));
            }
            for a in &p.aliases {
                let key = a.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(other) = aliases.insert(key, &p.id) {
                    if other != p.id {
                        errors.push(format!(
                            "{file}: alias \"{a}\" belongs to both {other} and {}",
                            p.id
                        ));
                    }
                }
            }
        }
    }
    // Explicit ids in council and meeting files.
    let register = |council: &str| data.people.iter().find(|r| r.council == council);
    let mut explicit = |council: &str, id: &str, file: String| match register(council) {
        Some(r) if r.people.iter().any(|p| p.id == id) => {}
        _ => errors.push(format!(
            "{file}: person id \"{id}\" is not in {}",
            paths::people(council)
        )),
    };
    for c in &data.councils {
        for k in &c.committees {
            for m in k.membership.iter().filter_map(|m| m.person.as_deref()) {
                explicit(&c.council.id, m, format!("councils/{}.json", c.council.id));
            }
        }
    }
    for m in &data.meetings {
        let Some(council) = data
            .councils
            .iter()
            .find(|c| c.committees.iter().any(|k| k.id == m.committee))
        else {
            continue;
        };
        for id in explicit_ids(m) {
            explicit(&council.council.id, id, paths::meeting(&m.id));
        }
    }
    errors
}

fn explicit_ids(m: &Meeting) -> Vec<&str> {
    let Some(a) = &m.attendance else {
        return Vec::new();
    };
    let mut out: Vec<&str> = Vec::new();
    for list in [&a.present, &a.also_present, &a.not_present] {
        out.extend(list.iter().flatten().filter_map(|x| x.person.as_deref()));
    }
    out.extend(
        a.apologies
            .iter()
            .flatten()
            .filter_map(|x| x.person.as_deref()),
    );
    if let minutebook_data::Declarations::Declared { declarations } = &a.declarations {
        out.extend(declarations.iter().filter_map(|d| d.person.as_deref()));
    }
    out
}

/// The attendance file of every council that has a register.
pub fn attendance(data: &DataSet) -> Vec<CouncilAttendance> {
    let committees: Vec<_> = data
        .councils
        .iter()
        .flat_map(|c| c.committees.iter().cloned())
        .collect();
    data.people
        .iter()
        .map(|r| council_attendance(r, &committees, &data.meetings))
        .collect()
}

fn to_json(a: &CouncilAttendance) -> String {
    let mut s = serde_json::to_string_pretty(a).expect("attendance serialises");
    s.push('\n');
    s
}

/// The generated files: (path relative to the data root, contents).
pub fn generated(data: &DataSet) -> Result<Vec<(String, String)>, Vec<String>> {
    let mut errors = check_registers(data);
    errors.extend(check_glossary(data));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(attendance(data)
        .iter()
        .map(|a| (paths::attendance(&a.council), to_json(a)))
        .collect())
}

/// Write `attendance/<council>.json` for every register; returns the paths written.
pub fn write(root: &Path) -> Result<Vec<String>, Vec<String>> {
    let data = read_dataset(root)?;
    let files = generated(&data)?;
    let mut written = Vec::new();
    for (rel, json) in files {
        let path = root.join(&rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
        }
        std::fs::write(&path, json).map_err(|e| vec![format!("{}: {e}", path.display())])?;
        written.push(rel);
    }
    Ok(written)
}

/// Fail when a register or the glossary is inconsistent, or an attendance file is out of date.
pub fn check(root: &Path) -> Result<(), Vec<String>> {
    let data = read_dataset(root)?;
    let files = generated(&data)?;
    let mut errors = Vec::new();
    for (rel, json) in &files {
        let current = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
        if &current != json {
            errors.push(format!(
                "{}/{rel} is out of date: run `cargo run -p minutebook-tools --bin minutebook -- catalogue {}`",
                root.display(),
                root.display()
            ));
        }
    }
    errors.extend(stray_attendance_files(root, &files));
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Attendance files left behind by a register that has gone.
fn stray_attendance_files(root: &Path, files: &[(String, String)]) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(root.join("attendance")) else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok())
        .map(|e| format!("attendance/{}", e.file_name().to_string_lossy()))
        .filter(|rel| rel.ends_with(".json") && !files.iter().any(|(f, _)| f == rel))
        .map(|rel| format!("{rel} has no people/ register: delete it"))
        .collect()
}

/// The glossary: each term and printed form once, known councils, known meetings, and every
/// quote containing the term it expands.
pub fn check_glossary(data: &DataSet) -> Vec<String> {
    let Some(g) = &data.glossary else {
        return Vec::new();
    };
    let file = paths::GLOSSARY;
    let mut errors = Vec::new();
    let mut forms: BTreeMap<&str, &str> = BTreeMap::new();
    for e in &g.entries {
        for f in e.forms() {
            if f.is_empty() || f.chars().any(char::is_whitespace) {
                errors.push(format!(
                    "{file}: \"{}\" has an empty or spaced form \"{f}\"",
                    e.term
                ));
            }
            if let Some(other) = forms.insert(f, &e.term) {
                errors.push(format!(
                    "{file}: \"{f}\" is a form of both \"{other}\" and \"{}\"",
                    e.term
                ));
            }
        }
        if e.meaning.trim().is_empty() {
            errors.push(format!("{file}: \"{}\" has no meaning", e.term));
        }
        if e.councils.is_empty() {
            errors.push(format!("{file}: \"{}\" names no council", e.term));
        }
        for c in &e.councils {
            if !data.councils.iter().any(|k| &k.council.id == c) {
                errors.push(format!("{file}: \"{}\" names unknown council {c}", e.term));
            }
        }
        if let Some(s) = &e.source {
            if !e.forms().any(|f| s.quote.contains(f)) {
                errors.push(format!(
                    "{file}: the quote for \"{}\" does not contain it: {}",
                    e.term, s.quote
                ));
            }
            if let Some(m) = &s.meeting {
                if !data.meetings.iter().any(|x| &x.id == m) {
                    errors.push(format!("{file}: \"{}\" names unknown meeting {m}", e.term));
                }
            }
        }
    }
    errors
}
