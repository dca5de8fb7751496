//! Native tools shared by the `minutebook` command-line binary and the tests:
//! building the catalogue from published files, generating the JSON Schema, checking a
//! data folder, and a static server with the deep-link fallback.
//!
//! [`check`] is the gate a publisher runs before publishing: it reads every file as the app
//! does plus the publishing rules ([`catalogue::rules`]), regenerates every file the tools
//! write and refuses any that the app would refuse or that differs from what is on disk.
//! Nothing here panics on data: domain code that does is caught ([`guarded`]) and the piece
//! of data that set it off is named.

pub mod catalogue;
pub mod decisions;
pub mod feeds;
pub mod files;
pub mod import;
pub mod index;
pub mod people;
pub mod schema;
pub mod serve;
pub mod theme;

use minutebook_data::{
    decision_paths, paths, Catalogue, CouncilAttendance, DecisionsFile, DecisionsIndex,
    FollowUpsFile, Meeting,
};
use std::path::Path;
use std::sync::Mutex;

/// The command that rewrites every generated file of `dir`.
pub fn catalogue_command(dir: &Path) -> String {
    format!(
        "cargo run -p minutebook-tools --bin minutebook -- catalogue {}",
        dir.display()
    )
}

/// `minutebook check <dir>`: `Ok` with a summary (and any theme warnings), or every problem
/// found, each naming the file, the JSON path and the fix.
pub fn check(dir: &Path) -> Result<String, Vec<String>> {
    let data = catalogue::read_dataset(dir)?;
    let cat = catalogue::build(&data)?;
    let mut errors = Vec::new();
    let mut generated = vec![(paths::CATALOGUE.to_string(), catalogue::to_json(&cat))];
    match decisions::files(&data.meetings, &cat, &data.work_programmes) {
        Ok(files) => generated.extend(files),
        Err(e) => errors.extend(e),
    }
    match people::generated(&data) {
        Ok(files) => generated.extend(files),
        Err(e) => errors.extend(e),
    }
    let refused = refused_by_app(&generated);
    let refused_files: Vec<&str> = refused.iter().map(|(f, _)| f.as_str()).collect();
    for (rel, contents) in &generated {
        if refused_files.contains(&rel.as_str()) {
            continue;
        }
        let on_disk = std::fs::read(dir.join(rel)).ok();
        let text = on_disk.as_deref().map(String::from_utf8_lossy);
        let current = text
            .as_deref()
            .map(|s| s.strip_prefix('\u{feff}').unwrap_or(s));
        if current != Some(contents.as_str()) {
            let what = match &on_disk {
                None => "is missing".to_string(),
                // Say why the app could not read it, when it could not.
                Some(bytes) => match app_reads(rel, bytes) {
                    Err(e) => format!("is out of date: {e}"),
                    Ok(()) => "is out of date".to_string(),
                },
            };
            errors.push(format!(
                "{rel} {}. It is generated from the other files. Fix: run `{}`",
                what.trim_end_matches('.'),
                catalogue_command(dir)
            ));
        }
    }
    errors.extend(refused.into_iter().map(|(_, e)| e));
    for stray in decisions::existing(dir) {
        if !generated.iter().any(|(rel, _)| *rel == stray) {
            errors.push(format!(
                "{stray} is left over from an earlier run: nothing generates it now. Fix: run `{}`",
                catalogue_command(dir)
            ));
        }
    }
    errors.extend(people::stray_attendance_files(dir, &generated));
    // theme.json (optional): what the app would adjust or refuse is a warning, not a failure.
    let theme = theme::check(dir);
    let warnings = match theme {
        Ok(notes) => notes,
        Err(e) => {
            errors.extend(e);
            Vec::new()
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let warnings: String = warnings.iter().map(|n| format!("\nwarning: {n}")).collect();
    Ok(format!(
        "{}: all files parse and index.json is current{warnings}",
        dir.display()
    ))
}

/// `minutebook catalogue <dir>`: rewrite `index.json`, `decisions/` and `attendance/`.
/// Nothing is written when the data are refused or the app would refuse a generated file.
pub fn write_catalogue(dir: &Path) -> Result<String, Vec<String>> {
    let data = catalogue::read_dataset(dir)?;
    let cat = catalogue::build(&data)?;
    let json = catalogue::to_json(&cat);
    let mut errors = Vec::new();
    let decisions = decisions::generate(&data)
        .map_err(|e| errors.extend(e))
        .ok();
    let attendance = people::generated(&data).map_err(|e| errors.extend(e)).ok();
    let (Some(decisions), Some(attendance)) = (decisions, attendance) else {
        return Err(errors);
    };
    let mut all = vec![(paths::CATALOGUE.to_string(), json.clone())];
    all.extend(decisions.iter().map(|(k, v)| (k.clone(), v.clone())));
    all.extend(attendance.iter().cloned());
    let refused = refused_by_app(&all);
    if !refused.is_empty() {
        return Err(refused.into_iter().map(|(_, e)| e).collect());
    }
    let path = dir.join(paths::CATALOGUE);
    std::fs::write(&path, json).map_err(|e| vec![format!("{}: {e}", path.display())])?;
    decisions::write_files(dir, &decisions)?;
    // People's attendance is generated from the same files, so it is rebuilt with the catalogue.
    let people = people::write_files(dir, attendance)?;
    Ok(format!(
        "wrote {}{}",
        path.display(),
        people.iter().map(|p| format!(", {p}")).collect::<String>()
    ))
}

/// `minutebook schema <dir>`: write the JSON Schemas.
pub fn write_schemas(dir: &Path) -> Result<String, Vec<String>> {
    std::fs::create_dir_all(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])?;
    for (name, json) in schema::schemas() {
        let path = dir.join(name);
        std::fs::write(&path, json).map_err(|e| vec![format!("{}: {e}", path.display())])?;
    }
    Ok(format!("wrote schemas to {}", dir.display()))
}

/// Read each generated file (path relative to the data root, contents) exactly as the app
/// will, and return `(file, message)` for each the app would refuse. The message names the
/// JSON path in the generated file and, where the row says, the meeting file it came from.
pub fn refused_by_app(files: &[(String, String)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (rel, contents) in files {
        if let Err(e) = app_reads(rel, contents.as_bytes()) {
            let source = match &e.kind {
                minutebook_data::LoadErrorKind::WrongShape { path, .. } => {
                    source_of(contents, path)
                }
                _ => None,
            };
            out.push((
                rel.clone(),
                format!(
                    "{rel} (generated) would be refused by the app: {e} {}Fix: correct the data it comes from, then run `minutebook catalogue`.",
                    source.map(|s| format!("It comes from {s}. ")).unwrap_or_default()
                ),
            ));
        }
    }
    out
}

/// Read a generated file (path relative to the data root) as the app reads it.
fn app_reads(rel: &str, bytes: &[u8]) -> Result<(), minutebook_data::LoadError> {
    use minutebook_data::parse_bytes as read;
    if rel == paths::CATALOGUE {
        read::<Catalogue>(rel, bytes).map(drop)
    } else if rel == decision_paths::INDEX {
        read::<DecisionsIndex>(rel, bytes).map(drop)
    } else if rel.starts_with("decisions/") && file_name(rel).starts_with("follow-ups-") {
        read::<FollowUpsFile>(rel, bytes).map(drop)
    } else if rel.starts_with("decisions/") {
        read::<DecisionsFile>(rel, bytes).map(drop)
    } else if rel.starts_with("attendance/") {
        read::<CouncilAttendance>(rel, bytes).map(drop)
    } else {
        Ok(())
    }
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// The meeting, minute and part a generated row came from: the row is the first element
/// of the JSON path (`follow_ups[3].due` → `follow_ups[3]`).
fn source_of(contents: &str, path: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(contents).ok()?;
    // A field of the whole file (`year`): every row shares it, so the first row says.
    let (list, index) = match path.split_once('[') {
        Some((list, rest)) if !list.contains('.') => (list, rest.split(']').next()?.parse().ok()?),
        _ => (
            ["decisions", "follow_ups"]
                .into_iter()
                .find(|l| value.get(l).is_some())?,
            0,
        ),
    };
    let row = value.get(list)?.get(index)?;
    let row = row.get("decision").unwrap_or(row);
    let meeting = row.get("meeting")?.as_str()?;
    let mut s = paths::meeting(meeting);
    if let Some(m) = row.get("minute").and_then(|m| m.as_str()) {
        s.push_str(&format!(", minute {m}"));
    }
    if let Some(p) = row.get("part").and_then(|p| p.as_str()) {
        s.push_str(&format!(" part ({p})"));
    }
    Some(s)
}

/// Where the last panic happened, recorded by the hook [`quiet_panics`] installs.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Record panics instead of printing them: every panic in the tools is caught by
/// [`guarded`] and reported as an error naming the data. The binary calls this once.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{}{location}", panic_text(info.payload())));
        }
    }));
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".into())
}

/// Run `f`, turning a panic into `Err` with what it said (and where, when the hook of
/// [`quiet_panics`] is installed). Needs unwinding: the workspace's release profile aborts
/// on panic, so the tools are run in the dev profile (`cargo run`, as the scripts do).
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        LAST_PANIC
            .lock()
            .ok()
            .and_then(|mut l| l.take())
            .unwrap_or_else(|| panic_text(payload.as_ref()))
    })
}

/// When generating from `meetings` panicked: the meeting file, agenda item and resolution
/// part that make `fails` fail on their own, as (file, JSON path). `None` when no single
/// meeting does.
pub fn locate(
    meetings: &[Meeting],
    fails: &dyn Fn(&[Meeting]) -> bool,
) -> Option<(String, String)> {
    let m = meetings.iter().find(|m| fails(std::slice::from_ref(*m)))?;
    let file = paths::meeting(&m.id);
    let alone = |edit: &dyn Fn(&mut Meeting)| {
        let mut c = m.clone();
        edit(&mut c);
        fails(std::slice::from_ref(&c))
    };
    for (i, item) in m.items.iter().enumerate() {
        if !alone(&|c| c.items = vec![item.clone()]) {
            continue;
        }
        let parts = item
            .minute
            .as_ref()
            .and_then(|x| x.resolution.as_ref())
            .map_or(0, |r| r.parts.len());
        for j in 0..parts {
            let only_part = |c: &mut Meeting| {
                let mut one = item.clone();
                if let Some(r) = one.minute.as_mut().and_then(|x| x.resolution.as_mut()) {
                    r.parts = r.parts.get(j).cloned().into_iter().collect();
                }
                c.items = vec![one];
            };
            if alone(&only_part) {
                return Some((file, format!("items[{i}].minute.resolution.parts[{j}]")));
            }
        }
        return Some((file, format!("items[{i}]")));
    }
    Some((file, "the top level".into()))
}

/// The error for a panic while generating `what` from `meetings`.
pub fn panic_error(
    what: &str,
    panic: &str,
    meetings: &[Meeting],
    fails: &dyn Fn(&[Meeting]) -> bool,
) -> String {
    match locate(meetings, fails) {
        Some((file, path)) => format!(
            "{file} at {path}: Minutebook could not work out {what} from this ({panic}). Fix: check the wording and numbers there (e.g. a period such as \"in 6 months' time\" must be one the papers print); please also report this as a Minutebook bug"
        ),
        None => format!(
            "Minutebook could not work out {what} from the meeting files ({panic}). Fix: please report this as a Minutebook bug, with the data folder"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_and_the_data_that_set_it_off_is_named() {
        let meeting = |id: &str, parts: &[&str]| -> Meeting {
            let parts: Vec<_> = parts
                .iter()
                .map(|t| serde_json::json!({"number": "1", "text": t}))
                .collect();
            serde_json::from_value(serde_json::json!({
                "format": "minutebook/1", "id": id, "committee": "c", "date": "2022-11-07",
                "status": "held", "agenda_published": true, "minutes": "draft",
                "items": [
                    {"title": "Apologies"},
                    {"title": "Report", "minute": {"number": "2", "resolution": {"parts": parts}}}
                ]
            }))
            .unwrap()
        };
        let meetings = [meeting("a", &["noted"]), meeting("b", &["fine", "boom"])];
        let run = |ms: &[Meeting]| {
            guarded(|| {
                for m in ms {
                    for p in m
                        .minutes()
                        .flat_map(|x| &x.resolution)
                        .flat_map(|r| &r.parts)
                    {
                        assert!(p.text != "boom", "it went boom");
                    }
                }
            })
        };
        let panic = run(&meetings).unwrap_err();
        assert!(panic.contains("it went boom"), "{panic}");
        let e = panic_error("the test output", &panic, &meetings, &|ms| run(ms).is_err());
        assert!(
            e.starts_with("meetings/b.json at items[1].minute.resolution.parts[1]: "),
            "{e}"
        );
        assert!(e.contains("Fix:"), "{e}");
        assert!(run(&meetings[..1]).is_ok());
    }
}
