//! People registers, the attendance files generated from them, and the glossary:
//! `minutebook catalogue` writes `attendance/<council>.json`; `minutebook check` fails when
//! one is out of date or when a register or the glossary is inconsistent.

use crate::catalogue::{read_dataset, DataSet};
use minutebook_data::{paths, CouncilAttendance, Meeting};
use minutebook_domain::people::council_attendance;
use std::collections::BTreeMap;
use std::path::Path;

fn url_safe(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Registers: known councils, ids unique and prefixed by the council id, no alias shared by
/// two people, and every explicit `person` id in the data found in its council's register.
/// Each problem names the file, the JSON path and the fix.
pub fn check_registers(data: &DataSet) -> Vec<String> {
    let mut errors = Vec::new();
    let mut ids: BTreeMap<&str, (String, usize)> = BTreeMap::new();
    for r in &data.people {
        let file = paths::people(&r.council);
        if !data.councils.iter().any(|c| c.council.id == r.council) {
            errors.push(format!(
                "{file} at council: \"{}\" is not a council in the data. Fix: use the id of a council in councils/",
                r.council
            ));
        }
        let mut aliases: BTreeMap<String, &str> = BTreeMap::new();
        for (i, p) in r.people.iter().enumerate() {
            if !url_safe(&p.id) || !p.id.starts_with(&format!("{}-", r.council)) {
                errors.push(format!("{file} at people[{i}].id: person id \"{}\" must be lower-case letters, digits and hyphens, starting \"{}-\". Fix: rename it, e.g. \"{}-jane-smith\"", p.id, r.council, r.council));
            }
            match ids.get(p.id.as_str()) {
                Some((f, j)) => errors.push(format!(
                    "{file} at people[{i}].id: person id \"{}\" is already declared by {f} at people[{j}].id. Fix: give each person their own id",
                    p.id
                )),
                None => {
                    ids.insert(p.id.as_str(), (file.clone(), i));
                }
            }
            for (a_i, a) in p.aliases.iter().enumerate() {
                let key = a.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(other) = aliases.insert(key, &p.id) {
                    if other != p.id {
                        errors.push(format!(
                            "{file} at people[{i}].aliases[{a_i}]: alias \"{a}\" belongs to both {other} and {}. Fix: keep the alias on one person only",
                            p.id
                        ));
                    }
                }
            }
        }
    }
    // Explicit ids in council and meeting files.
    let register = |council: &str| data.people.iter().find(|r| r.council == council);
    let mut explicit = |council: &str, id: &str, file: String, path: String| {
        match register(
        council,
    ) {
        Some(r) if r.people.iter().any(|p| p.id == id) => {}
        _ => errors.push(format!(
            "{file} at {path}: person id \"{id}\" is not in {}. Fix: add the person to the register, or correct the id",
            paths::people(council)
        )),
    }
    };
    for (ci, c) in data.councils.iter().enumerate() {
        for (k, committee) in c.committees.iter().enumerate() {
            for (n, m) in committee.membership.iter().enumerate() {
                if let Some(id) = m.person.as_deref() {
                    explicit(
                        &c.council.id,
                        id,
                        crate::catalogue::council_file(data, ci),
                        format!("committees[{k}].membership[{n}].person"),
                    );
                }
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
        for (path, id) in explicit_ids(m) {
            explicit(&council.council.id, id, paths::meeting(&m.id), path);
        }
    }
    errors
}

/// Every explicit person id in a meeting's attendance: (JSON path, id).
fn explicit_ids(m: &Meeting) -> Vec<(String, &str)> {
    let Some(a) = &m.attendance else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, list) in [
        ("present", &a.present),
        ("also_present", &a.also_present),
        ("not_present", &a.not_present),
    ] {
        for (i, x) in list.iter().flatten().enumerate() {
            if let Some(id) = x.person.as_deref() {
                out.push((format!("attendance.{name}[{i}].person"), id));
            }
        }
    }
    for (i, x) in a.apologies.iter().flatten().enumerate() {
        if let Some(id) = x.person.as_deref() {
            out.push((format!("attendance.apologies[{i}].person"), id));
        }
    }
    if let minutebook_data::Declarations::Declared { declarations } = &a.declarations {
        for (i, d) in declarations.iter().enumerate() {
            if let Some(id) = d.person.as_deref() {
                out.push((
                    format!("attendance.declarations.declarations[{i}].person"),
                    id,
                ));
            }
        }
    }
    out
}

/// The attendance file of every council that has a register.
pub fn attendance(data: &DataSet) -> Vec<CouncilAttendance> {
    attendance_of(data, &data.meetings)
}

fn attendance_of(data: &DataSet, meetings: &[Meeting]) -> Vec<CouncilAttendance> {
    let committees: Vec<_> = data
        .councils
        .iter()
        .flat_map(|c| c.committees.iter().cloned())
        .collect();
    data.people
        .iter()
        .map(|r| council_attendance(r, &committees, meetings))
        .collect()
}

fn to_json(a: &CouncilAttendance) -> String {
    // Plain structs, strings and counts: serialising cannot fail.
    let mut s = serde_json::to_string_pretty(a).unwrap_or_default();
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
    let run = |ms: &[Meeting]| crate::guarded(|| attendance_of(data, ms));
    let all = run(&data.meetings).map_err(|panic| {
        vec![crate::panic_error(
            "attendance",
            &panic,
            &data.meetings,
            &|ms| run(ms).is_err(),
        )]
    })?;
    Ok(all
        .iter()
        .map(|a| (paths::attendance(&a.council), to_json(a)))
        .collect())
}

/// Write `attendance/<council>.json` for every register; returns the paths written.
pub fn write(root: &Path) -> Result<Vec<String>, Vec<String>> {
    let data = read_dataset(root)?;
    write_files(root, generated(&data)?)
}

/// Write generated attendance files (after checking the app reads every one).
pub fn write_files(root: &Path, files: Vec<(String, String)>) -> Result<Vec<String>, Vec<String>> {
    let refused = crate::refused_by_app(&files);
    if !refused.is_empty() {
        return Err(refused.into_iter().map(|(_, e)| e).collect());
    }
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
pub fn stray_attendance_files(root: &Path, files: &[(String, String)]) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(root.join("attendance")) else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok())
        .map(|e| format!("attendance/{}", e.file_name().to_string_lossy()))
        .filter(|rel| rel.ends_with(".json") && !files.iter().any(|(f, _)| f == rel))
        .map(|rel| format!("{rel} has no people/ register. Fix: delete it"))
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
    for (i, e) in g.entries.iter().enumerate() {
        let at = format!("entries[{i}]");
        for f in e.forms() {
            if f.is_empty() || f.chars().any(char::is_whitespace) {
                errors.push(format!(
                    "{file} at {at}: \"{}\" has an empty or spaced form \"{f}\". Fix: write each printed form as one word",
                    e.term
                ));
            }
            if let Some(other) = forms.insert(f, &e.term) {
                errors.push(format!(
                    "{file} at {at}: \"{f}\" is a form of both \"{other}\" and \"{}\". Fix: keep each form in one entry",
                    e.term
                ));
            }
        }
        if e.meaning.trim().is_empty() {
            errors.push(format!(
                "{file} at {at}.meaning: \"{}\" has no meaning. Fix: write what it stands for",
                e.term
            ));
        }
        if e.councils.is_empty() {
            errors.push(format!("{file} at {at}.councils: \"{}\" names no council. Fix: list the councils whose papers use it", e.term));
        }
        for c in &e.councils {
            if !data.councils.iter().any(|k| &k.council.id == c) {
                errors.push(format!("{file} at {at}.councils: \"{}\" names unknown council {c}. Fix: use the id of a council in councils/", e.term));
            }
        }
        if let Some(s) = &e.source {
            if !e.forms().any(|f| s.quote.contains(f)) {
                errors.push(format!(
                    "{file} at {at}.source.quote: the quote for \"{}\" does not contain it: {}. Fix: quote the words that use it",
                    e.term, s.quote
                ));
            }
            if let Some(m) = &s.meeting {
                if !data.meetings.iter().any(|x| &x.id == m) {
                    errors.push(format!("{file} at {at}.source.meeting: \"{}\" names unknown meeting {m}. Fix: use the id of a meeting in meetings/", e.term));
                }
            }
        }
    }
    errors
}
