//! Builds `index.json` (the catalogue) from a data folder's council and meeting files, so
//! meeting summaries can never drift from the meeting files they summarise.

use minutebook_data::{
    parse_bytes, paths, Catalogue, CouncilFile, Dashboard, ForwardPlan, Glossary, Listed, Meeting,
    MeetingSummary, PeopleRegister, WorkProgramme, FORMAT,
};
use std::fs;
use std::path::{Path, PathBuf};

/// Everything read from a data folder.
#[derive(Debug)]
pub struct DataSet {
    pub councils: Vec<CouncilFile>,
    pub meetings: Vec<Meeting>,
    pub work_programmes: Vec<WorkProgramme>,
    pub forward_plans: Vec<ForwardPlan>,
    pub dashboards: Vec<Dashboard>,
    pub people: Vec<PeopleRegister>,
    /// `glossary.json`, when the folder has one.
    pub glossary: Option<Glossary>,
}

/// Read every file of a listed kind; a missing directory simply means none are published.
fn read_listed<T: Listed>(root: &Path, errors: &mut Vec<String>) -> Vec<T> {
    let dir = root.join(T::DIR);
    if !dir.exists() {
        return Vec::new();
    }
    let mut out = Vec::new();
    match json_files(&dir) {
        Err(e) => errors.push(e),
        Ok(files) => {
            for path in files {
                let name = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                match fs::read(&path)
                    .map_err(|e| format!("{name}: {e}"))
                    .and_then(|b| parse_bytes::<T>(&name, &b).map_err(|e| e.to_string()))
                {
                    Ok(v) => {
                        let expected = v.listing().file;
                        if name != expected {
                            errors.push(format!("{name}: its id belongs in {expected}"));
                        }
                        out.push(v)
                    }
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    out
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
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
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
                            errors.push(format!(
                                "{name}: meeting id \"{}\" belongs in {expected}",
                                m.id
                            ));
                        }
                        meetings.push(m)
                    }
                    Err(e) => errors.push(e.to_string()),
                }
            }
        }
    }
    let work_programmes = read_listed(root, &mut errors);
    let forward_plans = read_listed(root, &mut errors);
    let dashboards = read_listed(root, &mut errors);
    let people = read_listed(root, &mut errors);
    let glossary_path = root.join(paths::GLOSSARY);
    let glossary = match fs::read(&glossary_path) {
        Ok(b) => parse_bytes::<Glossary>(paths::GLOSSARY, &b)
            .map_err(|e| errors.push(e.to_string()))
            .ok(),
        Err(_) => None,
    };
    if errors.is_empty() {
        Ok(DataSet {
            councils,
            meetings,
            work_programmes,
            forward_plans,
            dashboards,
            people,
            glossary,
        })
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
    let committees: Vec<_> = data
        .councils
        .iter()
        .flat_map(|c| c.committees.iter().cloned())
        .collect();
    for c in &committees {
        if !councils.iter().any(|k| k.id == c.council) {
            errors.push(format!(
                "committee {} names unknown council {}",
                c.id, c.council
            ));
        }
    }
    let mut meetings: Vec<MeetingSummary> = data.meetings.iter().map(summarise).collect();
    for m in &meetings {
        if !committees.iter().any(|c| c.id == m.committee) {
            errors.push(format!(
                "meeting {} names unknown committee {}",
                m.id, m.committee
            ));
        }
    }
    meetings.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    for w in meetings.windows(2) {
        if w[0].id == w[1].id {
            errors.push(format!("meeting id {} is used twice", w[0].id));
        }
    }
    let listings = |v: Vec<minutebook_data::Listing>| {
        let mut v = v;
        v.sort_by(|a, b| {
            (&a.council, &a.committee, a.date, &a.id).cmp(&(
                &b.council,
                &b.committee,
                b.date,
                &b.id,
            ))
        });
        v
    };
    let work_programmes = listings(data.work_programmes.iter().map(Listed::listing).collect());
    let forward_plans = listings(data.forward_plans.iter().map(Listed::listing).collect());
    let dashboards = listings(data.dashboards.iter().map(Listed::listing).collect());
    let people = listings(data.people.iter().map(Listed::listing).collect());
    for l in work_programmes
        .iter()
        .chain(&forward_plans)
        .chain(&dashboards)
        .chain(&people)
    {
        if !councils.iter().any(|k| k.id == l.council) {
            errors.push(format!("{} names unknown council {}", l.file, l.council));
        }
        if let Some(c) = &l.committee {
            if !committees.iter().any(|k| &k.id == c) {
                errors.push(format!("{} names unknown committee {c}", l.file));
            }
        }
    }
    if errors.is_empty() {
        Ok(Catalogue {
            format: FORMAT.to_string(),
            councils,
            committees,
            meetings,
            work_programmes,
            forward_plans,
            dashboards,
            people,
        })
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
