//! Builds `index.json` (the catalogue) from a data folder's council and meeting files, so
//! meeting summaries can never drift from the meeting files they summarise.

use minutebook_data::{
    parse_bytes, paths, Catalogue, CouncilFile, Meeting, MeetingSummary, FORMAT,
};
use std::fs;
use std::path::{Path, PathBuf};

/// Everything read from a data folder.
#[derive(Debug)]
pub struct DataSet {
    pub councils: Vec<CouncilFile>,
    pub meetings: Vec<Meeting>,
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// Read and parse every council and meeting file under `root`; any error names the file.
pub fn read_dataset(root: &Path) -> Result<DataSet, Vec<String>> {
    let mut errors = Vec::new();
    let mut councils = Vec::new();
    let mut meetings = Vec::new();
    for (sub, is_council) in [("councils", true), ("meetings", false)] {
        let files = match json_files(&root.join(sub)) {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        for path in files {
            let name = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            let bytes = match fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    errors.push(format!("{name}: {e}"));
                    continue;
                }
            };
            if is_council {
                match parse_bytes::<CouncilFile>(&name, &bytes) {
                    Ok(c) => councils.push(c),
                    Err(e) => errors.push(e.to_string()),
                }
            } else {
                match parse_bytes::<Meeting>(&name, &bytes) {
                    Ok(m) => {
                        let expected = paths::meeting(&m.id);
                        if name != expected {
                            errors.push(format!("{name}: meeting id \"{}\" belongs in {expected}", m.id));
                        }
                        meetings.push(m)
                    }
                    Err(e) => errors.push(e.to_string()),
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(DataSet { councils, meetings })
    } else {
        Err(errors)
    }
}

/// Summarise one meeting for the catalogue.
pub fn summarise(m: &Meeting) -> MeetingSummary {
    MeetingSummary {
        id: m.id.clone(),
        committee: m.committee.clone(),
        date: m.date,
        date_precision: m.date_precision,
        start_time: m.start_time,
        venue: m.venue.clone(),
        status: m.status,
        agenda_published: m.agenda_published,
        minutes: m.minutes,
        item_count: m.items.len() as u32,
        minute_numbers: m.minutes().map(|x| x.number.clone()).collect(),
    }
}

/// Build the catalogue, checking that every meeting belongs to a known committee and
/// every committee to a known council.
pub fn build(data: &DataSet) -> Result<Catalogue, Vec<String>> {
    let mut errors = Vec::new();
    let councils: Vec<_> = data.councils.iter().map(|c| c.council.clone()).collect();
    let committees: Vec<_> = data.councils.iter().flat_map(|c| c.committees.iter().cloned()).collect();
    for c in &committees {
        if !councils.iter().any(|k| k.id == c.council) {
            errors.push(format!("committee {} names unknown council {}", c.id, c.council));
        }
    }
    let mut meetings: Vec<MeetingSummary> = data.meetings.iter().map(summarise).collect();
    for m in &meetings {
        if !committees.iter().any(|c| c.id == m.committee) {
            errors.push(format!("meeting {} names unknown committee {}", m.id, m.committee));
        }
    }
    meetings.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    for w in meetings.windows(2) {
        if w[0].id == w[1].id {
            errors.push(format!("meeting id {} is used twice", w[0].id));
        }
    }
    if errors.is_empty() {
        Ok(Catalogue { format: FORMAT.to_string(), councils, committees, meetings })
    } else {
        Err(errors)
    }
}

/// The catalogue as published: pretty JSON with a trailing newline.
pub fn to_json(catalogue: &Catalogue) -> String {
    let mut s = serde_json::to_string_pretty(catalogue).expect("catalogue serialises");
    s.push('\n');
    s
}
