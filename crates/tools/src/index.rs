//! `minutebook index <data-dir> <out-dir>`: the search index, built from the published
//! files through the contract crate (so it reads exactly what the app reads).
//!
//! One search record per agenda item, report, minute (narrative and matters raised),
//! resolution, work programme row (latest version of each programme) and Key Decision
//! (latest forward plan that lists it). The format is described in `minutebook-search`
//! and, for councils, in docs/search.md.

use crate::catalogue::{read_dataset, DataSet};
use minutebook_data::{Block, Meeting, Resolution, ResolutionKind, ResolutionPart};
use minutebook_domain::dates::{long_date, municipal_year, short_date};
use minutebook_domain::decisions::{classified_text, meaningful_preamble, resolution_kind};
use minutebook_domain::references::anchor;
use minutebook_search::build::{build, Options, Output};
use minutebook_search::{Named, Record};
use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// The record kinds, in the order the facet lists them: resolutions are split by what
/// they decided (`minutebook_domain::decisions::resolution_kind`, as on the Decisions page).
pub fn kinds() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("item", "Agenda item"),
        ("report", "Report"),
        ("minute", "Minute"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    for k in ResolutionKind::ALL {
        out.push((resolution_kind_id(k), format!("Resolution: {}", k.label())));
    }
    out.push(("work_programme".into(), "Work programme".into()));
    out.push(("forward_plan".into(), "Forward plan decision".into()));
    out
}

/// How much a kind of record counts: an agenda item before its minute, report and
/// resolutions (which repeat its title), and a meeting before a work programme row.
fn boost(kind: &str) -> f32 {
    match kind {
        "item" | "forward_plan" => 1.0,
        "minute" | "report" => 0.85,
        _ => 0.8,
    }
}

fn resolution_kind_id(k: ResolutionKind) -> String {
    format!("resolution-{}", k.key())
}

fn blocks(out: &mut Vec<String>, blocks: &[Block]) {
    for b in blocks {
        out.extend(b.texts().into_iter().map(str::to_string));
    }
}

fn resolution_parts(out: &mut Vec<String>, parts: &[ResolutionPart]) {
    for p in parts {
        let n = p
            .number
            .as_ref()
            .map(|n| format!("({n}) "))
            .unwrap_or_default();
        out.push(format!("{n}{}", p.text));
        out.extend(p.bullets.iter().cloned());
        resolution_parts(out, &p.parts);
    }
}

/// One record per top-level resolution part (the whole resolution when it has one part),
/// linked to the part's anchor: (anchor part, kind id, text).
fn resolution_records(r: &Resolution) -> Vec<(Option<String>, String, String)> {
    r.parts
        .iter()
        .map(|p| {
            let kind = resolution_kind(&classified_text(r.preamble.as_deref(), p));
            let mut text: Vec<String> = meaningful_preamble(r.preamble.as_deref())
                .into_iter()
                .collect();
            resolution_parts(&mut text, std::slice::from_ref(p));
            (p.number.clone(), resolution_kind_id(kind), text.join(" "))
        })
        .collect()
}

fn meeting_records(m: &Meeting, council: &str, committee: &str, out: &mut Vec<Record>) {
    let context = format!("{committee}, {}", long_date(m.date, m.date_precision));
    let year = Some(municipal_year(m.date));
    for (i, item) in m.items.iter().enumerate() {
        let order = format!("{}{}{:04}", m.date, m.id, i);
        let heading = match &item.number {
            Some(n) => format!("{n}. {}", item.title),
            None => item.title.clone(),
        };
        let record = |kind: &str, url: String, title: String, text: Vec<String>| Record {
            url,
            title,
            context: context.clone(),
            council: council.to_string(),
            committee: Some(m.committee.clone()),
            year,
            kind: kind.into(),
            text: text
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            order: order.clone(),
            boost: boost(kind),
        };
        let item_url = format!("/meetings/{}#item-{}", m.id, i + 1);
        let mut text: Vec<String> = item.report_of.iter().cloned().collect();
        blocks(&mut text, &item.agenda_note);
        text.extend(item.documents.iter().map(|d| d.title.clone()));
        out.push(record("item", item_url.clone(), heading.clone(), text));
        if let Some(r) = &item.report {
            let mut text: Vec<String> = r.subject.iter().cloned().collect();
            for b in [&r.summary, &r.recommendations, &r.reasons, &r.alternatives] {
                blocks(&mut text, b);
            }
            for s in &r.sections {
                text.push(s.heading.clone());
                blocks(&mut text, &s.blocks);
            }
            text.extend(r.appendices.iter().cloned());
            if text.iter().any(|t| !t.trim().is_empty()) {
                out.push(record(
                    "report",
                    item_url.clone(),
                    format!("Report: {}", item.title),
                    text,
                ));
            }
        }
        if let Some(min) = &item.minute {
            let url = format!("/meetings/{}#{}", m.id, anchor(&min.number, None));
            let title = min.title.clone().unwrap_or_else(|| item.title.clone());
            let mut text = Vec::new();
            blocks(&mut text, &min.narrative);
            if let Some(mr) = &min.matters_raised {
                text.push(mr.intro.clone());
                text.extend(mr.points.iter().cloned());
            }
            blocks(&mut text, &min.narrative_after);
            if !text.is_empty() {
                out.push(record(
                    "minute",
                    url.clone(),
                    format!("Minute {}: {title}", min.number),
                    text,
                ));
            }
            for (part, kind, text) in min.resolution.iter().flat_map(resolution_records) {
                let (url, label) = match &part {
                    Some(p) => (
                        format!("/meetings/{}#{}", m.id, anchor(&min.number, Some(p))),
                        format!("{} ({p})", min.number),
                    ),
                    None => (url.clone(), min.number.clone()),
                };
                out.push(record(
                    &kind,
                    url,
                    format!("Resolved, minute {label}: {title}"),
                    vec![text],
                ));
            }
        }
    }
}

/// Every search record in a data set.
pub fn records(data: &DataSet) -> Vec<Record> {
    records_of(data, &data.meetings)
}

fn records_of(data: &DataSet, meetings: &[Meeting]) -> Vec<Record> {
    let committees: HashMap<&str, (&str, &str)> = data
        .councils
        .iter()
        .flat_map(|c| {
            c.committees
                .iter()
                .map(|k| (k.id.as_str(), (k.council.as_str(), k.title.as_str())))
        })
        .collect();
    let mut out = Vec::new();
    for m in meetings {
        if let Some((council, title)) = committees.get(m.committee.as_str()) {
            meeting_records(m, council, title, &mut out);
        }
    }
    // Work programmes: the latest version of each (committee, municipal year).
    let mut latest: HashMap<(&str, Option<&str>, i32), &minutebook_data::WorkProgramme> =
        HashMap::new();
    for wp in &data.work_programmes {
        let key = (
            wp.council.as_str(),
            wp.committee.as_deref(),
            wp.municipal_year,
        );
        if latest
            .get(&key)
            .is_none_or(|old| (old.date, &old.id) < (wp.date, &wp.id))
        {
            latest.insert(key, wp);
        }
    }
    for wp in latest.values() {
        let Some(committee) = &wp.committee else {
            continue;
        };
        let name = committees
            .get(committee.as_str())
            .map_or(committee.as_str(), |c| c.1);
        let version = wp
            .date
            .map(|d| format!(", version of {}", short_date(d)))
            .unwrap_or_default();
        let context = format!(
            "{name}, work programme {}{version}",
            minutebook_domain::dates::municipal_year_label(wp.municipal_year)
        );
        for (s, section) in wp.sections.iter().enumerate() {
            for (r, row) in section.rows.iter().enumerate() {
                let mut text: Vec<String> = section.heading.iter().cloned().collect();
                text.extend(row.leads.iter().cloned());
                text.extend(row.notes.iter().cloned());
                text.extend(row.planned.iter().map(|d| short_date(*d)));
                out.push(Record {
                    url: format!("/committees/{committee}/work-programme"),
                    title: row.title.clone(),
                    context: context.clone(),
                    council: wp.council.clone(),
                    committee: Some(committee.clone()),
                    year: Some(wp.municipal_year),
                    kind: "work_programme".into(),
                    text: text.join(" "),
                    order: format!("{}{s:04}{r:04}", wp.id),
                    boost: boost("work_programme"),
                });
            }
        }
    }
    // Key decisions: each from the latest forward plan that lists it.
    let mut decisions: HashMap<
        (&str, &str),
        (&minutebook_data::ForwardPlan, &minutebook_data::KeyDecision),
    > = HashMap::new();
    for fp in &data.forward_plans {
        for d in &fp.decisions {
            let key = (fp.council.as_str(), d.id.as_str());
            if decisions
                .get(&key)
                .is_none_or(|(old, _)| (old.period_start, &old.id) < (fp.period_start, &fp.id))
            {
                decisions.insert(key, (fp, d));
            }
        }
    }
    for (fp, d) in decisions.values() {
        let committee = fp
            .committee
            .clone()
            .filter(|c| committees.contains_key(c.as_str()));
        let mut text = Vec::new();
        blocks(&mut text, &d.details);
        text.extend(d.decision_maker.iter().cloned());
        text.extend(d.decision_expected.iter().cloned());
        text.extend(d.scrutiny_area.iter().cloned());
        text.extend(d.consultees.iter().cloned());
        text.extend(d.wards.iter().flatten().cloned());
        let date = d
            .decision_expected_date
            .or(fp.date)
            .unwrap_or(fp.period_start);
        out.push(Record {
            url: format!("/forward-plans/{}/decisions/{}", fp.id, d.id),
            title: d.title.clone(),
            context: format!(
                "{}, key decision expected {}",
                fp.title,
                d.decision_expected
                    .clone()
                    .unwrap_or_else(|| short_date(date))
            ),
            council: fp.council.clone(),
            committee,
            year: Some(municipal_year(date)),
            kind: "forward_plan".into(),
            text: text.join(" "),
            order: format!("{}{}", date, d.id),
            boost: boost("forward_plan"),
        });
    }
    out
}

/// Build the index of a data set in memory. Never panics: should the domain or search code,
/// the meeting file (and item) that sets it off is named in the error.
pub fn build_index(data: &DataSet, options: &Options) -> Result<Output, Vec<String>> {
    let run = |ms: &[Meeting]| crate::guarded(|| records_of(data, ms));
    let records = run(&data.meetings).map_err(|panic| {
        vec![crate::panic_error(
            "the search records",
            &panic,
            &data.meetings,
            &|ms| run(ms).is_err(),
        )]
    })?;
    crate::guarded(|| build_from(data, records, options)).unwrap_or_else(|panic| {
        Err(vec![format!(
            "Minutebook could not build the search index ({panic}). Fix: please report this as a Minutebook bug, with the data folder"
        )])
    })
}

fn build_from(
    data: &DataSet,
    records: Vec<Record>,
    options: &Options,
) -> Result<Output, Vec<String>> {
    let councils = data
        .councils
        .iter()
        .map(|c| Named {
            id: c.council.id.clone(),
            name: c.council.name.clone(),
        })
        .collect();
    let committees = data
        .councils
        .iter()
        .flat_map(|c| {
            c.committees
                .iter()
                .map(|k| (k.id.clone(), k.council.clone(), k.title.clone()))
        })
        .collect();
    let kinds = kinds()
        .into_iter()
        .map(|(id, name)| Named { id, name })
        .collect();
    build(records, councils, committees, kinds, options)
}

/// Write an index into `out`, replacing any index already there (and nothing else).
pub fn write(out: &Path, output: &Output) -> Result<(), String> {
    for sub in ["t", "d"] {
        let dir = out.join(sub);
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for (path, bytes) in &output.files {
        let file = out.join(path);
        fs::write(&file, bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

/// The `index` command: read `data`, write the index to `out`, say what was written.
pub fn run(data: &Path, out: &Path, options: &Options) -> Result<String, Vec<String>> {
    let set = read_dataset(data)?;
    let output = build_index(&set, options)?;
    write(out, &output).map_err(|e| vec![e])?;
    let bytes: usize = output.files.iter().map(|f| f.1.len()).sum();
    let largest = output.files.iter().map(|f| f.1.len()).max().unwrap_or(0);
    Ok(format!(
        "wrote the search index to {}: {} records, {} files, {} KB (largest file {} KB)",
        out.display(),
        output.manifest.records,
        output.files.len(),
        bytes / 1024,
        largest / 1024
    ))
}

/// `minutebook index <data-dir> <out-dir> [--docs-per-file N] [--max-shard-kb N]` from
/// string arguments (the binary parses with clap; this stays for callers with strings).
pub fn cli(data: &str, out: &str, options: &[&str]) -> Result<String, Vec<String>> {
    let usage =
        "(usage: minutebook index <data-dir> <out-dir> [--docs-per-file N] [--max-shard-kb N])";
    let mut o = Options::default();
    let mut it = options.iter();
    while let Some(opt) = it.next() {
        let value = it
            .next()
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|&v| v > 0);
        match (*opt, value) {
            ("--docs-per-file", Some(v)) => o.docs_per_file = v,
            ("--max-shard-kb", Some(v)) if v <= 1_048_576 => o.max_shard_bytes = v as usize * 1024,
            _ => {
                return Err(vec![format!(
                    "index: unknown option or bad value: {opt} {usage}"
                )])
            }
        }
    }
    run(Path::new(data), Path::new(out), &o)
}
