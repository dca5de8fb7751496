//! Builds `index.json` (the catalogue) from a data folder's council and meeting files, so
//! meeting summaries can never drift from the meeting files they summarise.
//!
//! Files are read as `minutebook check` reads them ([`parse_bytes_checked`]: the app's
//! reading plus the id alphabet), and [`build`] refuses what would make a page unreachable
//! or wrong ([`rules`]): an id declared twice, a committee filed under another council, a
//! reference to a council or committee that is not in the data. Every refusal names the
//! file, the JSON path and the fix.

use minutebook_data::{
    parse_bytes_checked, paths, Catalogue, CouncilFile, Dashboard, ForwardPlan, Glossary, Listed,
    Meeting, MeetingSummary, PeopleRegister, WorkProgramme, FORMAT,
};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Everything read from a data folder.
#[derive(Debug)]
pub struct DataSet {
    pub councils: Vec<CouncilFile>,
    /// The file each council came from (`councils/<name>.json`), in the same order.
    pub council_files: Vec<String>,
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
                    .and_then(|b| parse_bytes_checked::<T>(&name, &b).map_err(|e| e.to_string()))
                {
                    Ok(v) => {
                        let expected = v.listing().file;
                        if name != expected {
                            errors.push(format!(
                                "{name} at id: the id \"{}\" does not match the file name. Fix: rename the file {expected} (or correct the id)",
                                v.listing().id
                            ));
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
    let mut council_files = Vec::new();
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
                match parse_bytes_checked::<CouncilFile>(&name, &bytes) {
                    Ok(c) => {
                        councils.push(c);
                        council_files.push(name);
                    }
                    Err(e) => errors.push(e.to_string()),
                }
            } else {
                match parse_bytes_checked::<Meeting>(&name, &bytes) {
                    Ok(m) => {
                        let expected = paths::meeting(&m.id);
                        if name != expected {
                            errors.push(format!(
                                "{name} at id: meeting id \"{}\" belongs in {expected}. Fix: rename the file {expected} (or correct the id)",
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
        Ok(b) => parse_bytes_checked::<Glossary>(paths::GLOSSARY, &b)
            .map_err(|e| errors.push(e.to_string()))
            .ok(),
        Err(_) => None,
    };
    if errors.is_empty() {
        Ok(DataSet {
            councils,
            council_files,
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
        item_count: u32::try_from(m.items.len()).unwrap_or(u32::MAX),
        minute_numbers: m.minutes().map(|x| x.number.clone()).collect(),
    }
}

/// The file a council came from.
pub fn council_file(data: &DataSet, i: usize) -> String {
    data.council_files.get(i).cloned().unwrap_or_else(|| {
        data.councils
            .get(i)
            .map_or_else(String::new, |c| format!("councils/{}.json", c.council.id))
    })
}

/// Build the catalogue, checking that every meeting belongs to a known committee and
/// every committee to a known council, and the other [`rules`].
pub fn build(data: &DataSet) -> Result<Catalogue, Vec<String>> {
    let mut errors = rules(data);
    let councils: Vec<_> = data.councils.iter().map(|c| c.council.clone()).collect();
    let committees: Vec<_> = data
        .councils
        .iter()
        .flat_map(|c| c.committees.iter().cloned())
        .collect();
    let mut meetings: Vec<MeetingSummary> = data.meetings.iter().map(summarise).collect();
    for m in &meetings {
        if !committees.iter().any(|c| c.id == m.committee) {
            errors.push(format!(
                "{} at committee: meeting {} names committee \"{}\", which no council file declares. Fix: use the id of a committee in councils/, or add the committee to its council file",
                paths::meeting(&m.id),
                m.id,
                m.committee
            ));
        }
    }
    meetings.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let mut seen = std::collections::BTreeSet::new();
    for m in &meetings {
        if !seen.insert(m.id.as_str()) {
            errors.push(format!(
                "{} at id: meeting id {} is used twice. Fix: give each meeting its own id, <committee id>-<YYYY-MM-DD>",
                paths::meeting(&m.id),
                m.id
            ));
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
            errors.push(format!(
                "{} at council: \"{}\" is not a council in the data. Fix: use the id of a council in councils/",
                l.file, l.council
            ));
        }
        if let Some(c) = &l.committee {
            if !committees.iter().any(|k| &k.id == c) {
                errors.push(format!(
                    "{} at committee: \"{c}\" is not a committee in the data. Fix: use the id of a committee in councils/, or leave the field out",
                    l.file
                ));
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

/// Record the first place an id is declared; on a second, say where the first was.
struct Once<'a> {
    what: &'static str,
    fix: &'static str,
    seen: BTreeMap<&'a str, (String, String)>,
}

impl<'a> Once<'a> {
    fn new(what: &'static str, fix: &'static str) -> Self {
        Once {
            what,
            fix,
            seen: BTreeMap::new(),
        }
    }

    fn add(&mut self, id: &'a str, file: &str, path: String, errors: &mut Vec<String>) {
        match self.seen.get(id) {
            None => {
                self.seen.insert(id, (file.to_string(), path));
            }
            Some((f, p)) => {
                let first = if f == file {
                    format!("at {p}")
                } else {
                    format!("by {f} at {p}")
                };
                errors.push(format!(
                    "{file} at {path}: {} \"{id}\" is already declared {first}. Fix: {}",
                    self.what, self.fix
                ));
            }
        }
    }
}

/// Ids unique where the format says so, committees filed under their own council, and
/// wording the tools cannot turn into a date refused before they try.
pub fn rules(data: &DataSet) -> Vec<String> {
    let mut errors = Vec::new();
    let mut council_ids = Once::new(
        "council id",
        "give each council its own id, or put all of a council's committees in one file",
    );
    let mut committee_ids = Once::new(
        "committee id",
        "give each committee its own id, starting with its council's id; otherwise one of the two can never be shown",
    );
    for (i, c) in data.councils.iter().enumerate() {
        let file = council_file(data, i);
        council_ids.add(&c.council.id, &file, "council.id".into(), &mut errors);
        for (k, committee) in c.committees.iter().enumerate() {
            committee_ids.add(
                &committee.id,
                &file,
                format!("committees[{k}].id"),
                &mut errors,
            );
            if committee.council != c.council.id {
                errors.push(format!(
                    "{file} at committees[{k}].council: committee {} names council \"{}\", but this file is council \"{}\". Fix: put each committee in its own council's file, with that council's id",
                    committee.id, committee.council, c.council.id
                ));
            }
        }
    }
    let sources =
        |file: &str, list: &[minutebook_data::SourceDocument], errors: &mut Vec<String>| {
            let mut ids = Once::new(
                "source document id",
                "give each source document in the file its own id",
            );
            for (i, s) in list.iter().enumerate() {
                ids.add(&s.id, file, format!("sources[{i}].id"), errors);
            }
        };
    for m in &data.meetings {
        let file = paths::meeting(&m.id);
        sources(&file, &m.sources, &mut errors);
        let mut numbers = Once::new(
            "minute number",
            "give each minute of the meeting its own number, as the minutes print it",
        );
        for (i, item) in m.items.iter().enumerate() {
            let Some(minute) = &item.minute else { continue };
            numbers.add(
                &minute.number,
                &file,
                format!("items[{i}].minute.number"),
                &mut errors,
            );
            let Some(r) = &minute.resolution else {
                continue;
            };
            let at = format!("items[{i}].minute.resolution");
            if let Some(p) = &r.preamble {
                timing(&file, &format!("{at}.preamble"), p, &mut errors);
            }
            parts(&file, &format!("{at}.parts"), &r.parts, &mut errors);
        }
    }
    for d in &data.dashboards {
        let file = Listed::listing(d).file;
        sources(&file, &d.sources, &mut errors);
        let mut ids = Once::new(
            "section, table or indicator id",
            "give each section, table and indicator in the file its own id (it is the page anchor)",
        );
        for (s, section) in d.sections.iter().enumerate() {
            ids.add(&section.id, &file, format!("sections[{s}].id"), &mut errors);
            for (t, table) in section.tables.iter().enumerate() {
                let at = format!("sections[{s}].tables[{t}]");
                ids.add(&table.id, &file, format!("{at}.id"), &mut errors);
                chart_columns(&file, &at, table, &mut errors);
            }
            for (n, ind) in section.indicators.iter().enumerate() {
                ids.add(
                    &ind.id,
                    &file,
                    format!("sections[{s}].indicators[{n}].id"),
                    &mut errors,
                );
            }
        }
        if let Some(plan) = &d.plan {
            for (t, table) in plan.appendices.iter().enumerate() {
                let at = format!("plan.appendices[{t}]");
                ids.add(&table.id, &file, format!("{at}.id"), &mut errors);
                chart_columns(&file, &at, table, &mut errors);
            }
        }
    }
    for fp in &data.forward_plans {
        let file = Listed::listing(fp).file;
        sources(&file, &fp.sources, &mut errors);
        let mut ids = Once::new(
            "key decision id",
            "give each key decision in the plan its own id (it is in the decision's address)",
        );
        for (i, d) in fp.decisions.iter().enumerate() {
            ids.add(&d.id, &file, format!("decisions[{i}].id"), &mut errors);
        }
    }
    for wp in &data.work_programmes {
        sources(&Listed::listing(wp).file, &wp.sources, &mut errors);
    }
    errors
}

/// A table's chart must name columns the table has.
fn chart_columns(file: &str, at: &str, t: &minutebook_data::DataTable, errors: &mut Vec<String>) {
    let Some(chart) = &t.chart else { return };
    for (field, col) in [
        ("label_column", chart.label_column),
        ("value_column", chart.value_column),
    ] {
        if col >= t.columns.len() {
            errors.push(format!(
                "{file} at {at}.chart.{field}: column {col} does not exist (the table has {} columns, counted from 0). Fix: give the 0-based index of one of the table's columns",
                t.columns.len()
            ));
        }
    }
}

fn parts(file: &str, at: &str, list: &[minutebook_data::ResolutionPart], errors: &mut Vec<String>) {
    for (j, p) in list.iter().enumerate() {
        let here = format!("{at}[{j}]");
        timing(file, &format!("{here}.text"), &p.text, errors);
        parts(file, &format!("{here}.parts"), &p.parts, errors);
    }
}

/// The longest period, in months, that a request may name ("in 6 months' time"): longer
/// than this, the follow-ups get no due date (`minutebook_domain::followups`), so a period
/// such as "in 2147483647 months' time" is a slip to correct, not a date to leave out.
pub const MAX_MONTHS: u64 = minutebook_domain::followups::MAX_DUE_MONTHS as u64;

/// "in 2147483647 months' time" is not a period a committee sets: refuse it here rather
/// than let the follow-up dates overflow.
fn timing(file: &str, at: &str, text: &str, errors: &mut Vec<String>) {
    let lower = text.to_lowercase();
    if !lower.contains("month") {
        return;
    }
    let words: Vec<&str> = lower.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    for w in words.windows(2) {
        let Some(n) = w[0].parse::<u64>().ok().or_else(|| {
            (w[0].len() > 19 && w[0].bytes().all(|b| b.is_ascii_digit())).then_some(u64::MAX)
        }) else {
            continue;
        };
        if w[1].starts_with("month") && n > MAX_MONTHS {
            errors.push(format!(
                "{file} at {at}: \"{} {}\" is longer than the {MAX_MONTHS} months (100 years) Minutebook can work out a date for. Fix: write the period as the papers print it",
                w[0], w[1]
            ));
        }
    }
}

/// The catalogue as published: pretty JSON with a trailing newline.
pub fn to_json(catalogue: &Catalogue) -> String {
    // Plain structs, strings and finite numbers: serialising cannot fail.
    let mut s = serde_json::to_string_pretty(catalogue).unwrap_or_default();
    s.push('\n');
    s
}
