//! `minutebook decisions <data-dir>` (also run by `minutebook catalogue`): writes the
//! decisions index under `<data-dir>/decisions/` from the meeting files, so the Decisions
//! and Follow-ups pages never open every meeting file. `minutebook check` fails when the
//! files are out of date, as it does for index.json.
//!
//! Layout (types in `minutebook_data::decisions`):
//! - `decisions/index.json`: one listing per committee and municipal year, with counts by kind;
//! - `decisions/<committee>/<year>.json`: that year's resolution parts, one per line;
//! - `decisions/<committee>/follow-ups-<year>.json`: that year's requests and what came of them.

use crate::catalogue::{self, DataSet};
use minutebook_data::{
    decision_paths, Catalogue, Decision, DecisionsIndex, DecisionsListing, FollowUpsFile,
    FollowUpsListing, KindCounts, Meeting, StatusCounts, WorkProgramme, FORMAT,
};
use minutebook_domain::{decisions, followups};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every generated file: path relative to the data root → contents.
pub type Files = BTreeMap<String, String>;

/// Plain structs, strings and finite numbers: serialising cannot fail.
macro_rules! json {
    ($v:expr) => {
        serde_json::to_string($v).unwrap_or_default()
    };
}

/// `{"format":...,"<list>":[` one row per line `]}`: compact for large councils, and a
/// change to one resolution is a one-line diff.
fn lines(head: &[(&str, String)], list: &str, rows: Vec<String>) -> String {
    let mut s = String::from("{");
    for (k, v) in head {
        s.push_str(&format!("{}:{v},", json!(k)));
    }
    s.push_str(&format!("{}:[", json!(&list)));
    for (i, r) in rows.iter().enumerate() {
        s.push_str(if i == 0 { "\n" } else { ",\n" });
        s.push_str(r);
    }
    s.push_str(if rows.is_empty() { "]}\n" } else { "\n]}\n" });
    s
}

/// Build every decisions file from a data set.
pub fn generate(data: &DataSet) -> Result<Files, Vec<String>> {
    let cat = catalogue::build(data)?;
    files(&data.meetings, &cat, &data.work_programmes)
}

/// Build every decisions file from meetings, their catalogue and the work programmes.
/// Never panics: should the domain code, the meeting file (and item and resolution part)
/// that sets it off is named in the error.
pub fn files(
    meetings: &[Meeting],
    cat: &Catalogue,
    work_programmes: &[WorkProgramme],
) -> Result<Files, Vec<String>> {
    let run = |ms: &[Meeting]| crate::guarded(|| files_unguarded(ms, cat, work_programmes));
    match run(meetings) {
        Ok(result) => result,
        Err(panic) => Err(vec![crate::panic_error(
            "the decisions and follow-ups",
            &panic,
            meetings,
            &|ms| run(ms).is_err(),
        )]),
    }
}

fn files_unguarded(
    meetings: &[Meeting],
    cat: &Catalogue,
    work_programmes: &[WorkProgramme],
) -> Result<Files, Vec<String>> {
    let occurrences = decisions::occurrences(meetings, cat);
    let mut rows = decisions::decisions(meetings, &occurrences);
    let follow_ups =
        followups::follow_ups(meetings, cat, work_programmes, &mut rows, &occurrences)?;
    let committee_of: BTreeMap<&str, &str> = meetings
        .iter()
        .map(|m| (m.id.as_str(), m.committee.as_str()))
        .collect();
    let council_of = |committee: &str| {
        cat.committee(committee)
            .map(|c| c.council.clone())
            .unwrap_or_default()
    };

    let mut shards: BTreeMap<(String, i32), Vec<Decision>> = BTreeMap::new();
    for r in rows {
        let committee = committee_of
            .get(r.meeting.as_str())
            .copied()
            .unwrap_or_default()
            .to_string();
        shards
            .entry((committee, followups::year_of(&r)))
            .or_default()
            .push(r);
    }
    let mut files = Files::new();
    let mut listings = Vec::new();
    for ((committee, year), decisions) in &shards {
        let mut counts = KindCounts::default();
        decisions.iter().for_each(|d| counts.add(d.kind));
        let file = decision_paths::year(committee, *year);
        files.insert(
            file.clone(),
            lines(
                &[
                    ("format", json!(&FORMAT)),
                    ("committee", json!(committee)),
                    ("year", year.to_string()),
                ],
                "decisions",
                decisions.iter().map(|d| json!(d)).collect(),
            ),
        );
        listings.push(DecisionsListing {
            file,
            council: council_of(committee),
            committee: committee.clone(),
            year: *year,
            counts,
        });
    }
    listings.sort_by(|a, b| {
        b.year
            .cmp(&a.year)
            .then_with(|| (&a.council, &a.committee).cmp(&(&b.council, &b.committee)))
    });
    let mut fu_listings = Vec::new();
    for f in &follow_ups {
        let mut counts = StatusCounts::default();
        f.follow_ups.iter().for_each(|x| counts.add(x.status));
        let file = decision_paths::follow_ups(&f.committee, f.year);
        files.insert(file.clone(), follow_ups_json(f));
        fu_listings.push(FollowUpsListing {
            file,
            council: f.council.clone(),
            committee: f.committee.clone(),
            year: f.year,
            as_of: f.as_of,
            counts,
        });
    }
    fu_listings.sort_by(|a, b| {
        b.year
            .cmp(&a.year)
            .then_with(|| (&a.council, &a.committee).cmp(&(&b.council, &b.committee)))
    });
    let index = DecisionsIndex {
        format: FORMAT.to_string(),
        files: listings,
        follow_ups: fu_listings,
    };
    let mut index_json = serde_json::to_string_pretty(&index).unwrap_or_default();
    index_json.push('\n');
    files.insert(decision_paths::INDEX.to_string(), index_json);
    Ok(files)
}

fn follow_ups_json(f: &FollowUpsFile) -> String {
    lines(
        &[
            ("format", json!(&f.format)),
            ("council", json!(&f.council)),
            ("committee", json!(&f.committee)),
            ("year", f.year.to_string()),
            ("as_of", json!(&f.as_of)),
        ],
        "follow_ups",
        f.follow_ups.iter().map(|x| json!(x)).collect(),
    )
}

/// Every `.json` file now under `<root>/decisions`, relative to the root.
pub fn existing(root: &Path) -> Vec<String> {
    crate::files::list_files(&root.join("decisions"))
        .into_iter()
        .filter(|f| f.ends_with(".json"))
        .map(|f| format!("decisions/{f}"))
        .collect()
}

/// Write the decisions files for the data folder `root`, removing any left over. Nothing
/// is written when the app would refuse one of them.
pub fn write(root: &Path) -> Result<Vec<String>, Vec<String>> {
    let data = catalogue::read_dataset(root)?;
    let files = generate(&data)?;
    write_files(root, &files)
}

/// Write generated decisions files (after checking the app reads every one), removing any
/// left over.
pub fn write_files(root: &Path, files: &Files) -> Result<Vec<String>, Vec<String>> {
    let list: Vec<(String, String)> = files.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let refused = crate::refused_by_app(&list);
    if !refused.is_empty() {
        return Err(refused.into_iter().map(|(_, e)| e).collect());
    }
    let io = |path: &Path, e: std::io::Error| vec![format!("{}: {e}", path.display())];
    for old in existing(root) {
        if !files.contains_key(&old) {
            let p = root.join(&old);
            fs::remove_file(&p).map_err(|e| io(&p, e))?;
        }
    }
    for (rel, contents) in files {
        let p = root.join(rel);
        if let Some(dir) = p.parent() {
            fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        if fs::read_to_string(&p).ok().as_deref() != Some(contents.as_str()) {
            fs::write(&p, contents).map_err(|e| io(&p, e))?;
        }
    }
    Ok(vec![format!("{} decisions files", files.len())])
}

/// Fail when the decisions files under `root` are not what `write` would produce.
pub fn check(root: &Path) -> Result<(), Vec<String>> {
    let data = catalogue::read_dataset(root)?;
    let files = generate(&data)?;
    let mut stale: Vec<String> = files
        .iter()
        .filter(|(rel, contents)| {
            fs::read_to_string(root.join(rel)).ok().as_deref() != Some(contents.as_str())
        })
        .map(|(rel, _)| rel.clone())
        .collect();
    stale.extend(
        existing(root)
            .into_iter()
            .filter(|f| !files.contains_key(f)),
    );
    if stale.is_empty() {
        Ok(())
    } else {
        Err(vec![format!(
            "{}/decisions is out of date ({}): run `cargo run -p minutebook-tools --bin minutebook -- decisions {}`",
            root.display(),
            stale.join(", "),
            root.display()
        )])
    }
}
