//! The decisions index at the scale of a large council: 100,000 resolution parts in 1,000
//! meeting files. Generation must finish, every file stays small, and a page of the
//! Decisions or Follow-ups page needs only the files of the municipal years it shows.
//! Prints the figures (run with `-- --nocapture`).

use minutebook_data::{
    parse, Catalogue, DecisionsFile, DecisionsIndex, FollowUpsFile, Meeting, FORMAT,
};
use minutebook_domain::dates::short_date;
use minutebook_domain::decision_pages::{
    follow_up_rows, page_rows, plan, plan_follow_ups, DecisionFilter, FollowUpFilter, PER_PAGE,
};
use minutebook_tools::{catalogue, decisions};
use serde_json::{json, Value};
use std::time::Instant;

const COMMITTEES: usize = 25;
const YEARS: i32 = 8; // municipal years 2015/16 .. 2022/23
const MEETINGS_PER_YEAR: usize = 5;
const ITEMS: usize = 20;
const PARTS: usize = 5;

fn part(i: usize, n: usize) -> Value {
    let text = match n % 5 {
        0 => "the report be noted;".to_string(),
        1 => format!("the Head of Service be requested to submit a report on topic {i} to the next meeting of the Committee;"),
        2 => format!("an informal briefing on topic {i} be arranged in due course;"),
        3 => "the recommendations be agreed;".to_string(),
        _ => format!("information on topic {i} be provided to Members of the Committee."),
    };
    json!({ "number": (n + 1).to_string(), "text": text })
}

/// A meeting whose first item answers part (2) of item 2 of the previous meeting.
fn meeting(committee: usize, date: (i32, u8, u8), previous: Option<(String, usize)>) -> Value {
    let id = format!("big-c{committee}-{:04}-{:02}-{:02}", date.0, date.1, date.2);
    let base = (date.0 as usize * 100 + date.1 as usize) * ITEMS;
    let items: Vec<Value> = (0..ITEMS)
        .map(|i| {
            let number = base + i;
            let mut minute = json!({
                "number": number.to_string(),
                "narrative": ["The Committee considered the report of the Head of Service."],
                "resolution": { "preamble": "That", "parts": (0..PARTS).map(|n| part(i, n)).collect::<Vec<_>>() },
            });
            if let (0, Some((written, prev))) = (i, &previous) {
                minute["narrative"] = json!([format!("Further to Minute No. {} (2) of {written}, the Committee considered the report.", prev + 1)]);
            }
            json!({ "number": (i + 1).to_string(), "title": format!("Item {i}"), "minute": minute })
        })
        .collect();
    json!({
        "format": FORMAT, "id": id, "committee": format!("big-c{committee}"),
        "date": format!("{:04}-{:02}-{:02}", date.0, date.1, date.2),
        "status": "held", "agenda_published": true, "minutes": "confirmed", "items": items,
    })
}

fn dataset() -> (Vec<Meeting>, Catalogue) {
    let months = [6u8, 9, 11, 1, 3];
    let mut meetings = Vec::new();
    for c in 0..COMMITTEES {
        let mut previous: Option<(String, usize)> = None;
        for y in 0..YEARS {
            for (k, month) in months.iter().enumerate().take(MEETINGS_PER_YEAR) {
                let year = 2015 + y + i32::from(*month < 5);
                let day = 3 + (c % 20) as u8;
                let v = meeting(c, (year, *month, day), previous.clone());
                let m: Meeting = serde_json::from_value(v).expect("synthetic meeting parses");
                let base = (year as usize * 100 + *month as usize) * ITEMS;
                previous = Some((short_date(m.date), base + 1));
                let _ = k;
                meetings.push(m);
            }
        }
    }
    let committees: Vec<Value> =
        (0..COMMITTEES).map(|c| json!({ "id": format!("big-c{c}"), "council": "big", "title": format!("Committee {c}") })).collect();
    let summaries: Vec<Value> = meetings
        .iter()
        .map(|m| serde_json::to_value(catalogue::summarise(m)).unwrap())
        .collect();
    let cat: Catalogue = serde_json::from_value(json!({
        "format": FORMAT,
        "councils": [{ "id": "big", "name": "Big Council" }],
        "committees": committees,
        "meetings": summaries,
    }))
    .expect("synthetic catalogue parses");
    (meetings, cat)
}

#[test]
fn a_hundred_thousand_resolutions() {
    let (meetings, cat) = dataset();
    let parts: usize = meetings
        .iter()
        .flat_map(|m| m.minutes())
        .map(|x| x.resolution.as_ref().unwrap().parts.len())
        .sum();
    assert_eq!((meetings.len(), parts), (1000, 100_000));

    let started = Instant::now();
    let files =
        decisions::files(&meetings, &cat, &[]).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let took = started.elapsed();
    let total_bytes: usize = files.values().map(String::len).sum();
    let largest = files
        .iter()
        .filter(|(k, _)| *k != "decisions/index.json")
        .map(|(k, v)| (v.len(), k))
        .max()
        .unwrap();
    println!(
        "generated {} files ({:.1} MB) from {parts} resolution parts in {:.2?}; index.json {} KB; largest file {} ({} KB)",
        files.len(),
        total_bytes as f64 / 1e6,
        took,
        files["decisions/index.json"].len() / 1000,
        largest.1,
        largest.0 / 1000
    );
    // One decisions file and one follow-ups file per committee and municipal year.
    assert_eq!(files.len(), 1 + 2 * COMMITTEES * YEARS as usize);
    let index: DecisionsIndex =
        parse("decisions/index.json", &files["decisions/index.json"]).unwrap();
    assert!(index
        .files
        .iter()
        .all(|l| l.counts.total() as usize == MEETINGS_PER_YEAR * ITEMS * PARTS));
    assert!(
        largest.0 < 1_500_000,
        "a single file is too big to fetch for one page: {} bytes",
        largest.0
    );

    // Page 1 of everything: only the newest municipal year's files.
    let p = plan(&index, &DecisionFilter::default(), 1, PER_PAGE);
    assert_eq!(p.total, 100_000);
    assert_eq!(p.pages, 1000);
    assert_eq!(p.files.len(), COMMITTEES);
    assert!(p.files.iter().all(|f| f.ends_with("/2022.json")));
    let fetched: usize = p.files.iter().map(|f| files[f].len()).sum();
    println!(
        "page 1 of all decisions fetches {} files, {:.1} MB of {:.1} MB",
        p.files.len(),
        fetched as f64 / 1e6,
        total_bytes as f64 / 1e6
    );
    let loaded: Vec<DecisionsFile> = p
        .files
        .iter()
        .map(|f| parse(f, &files[f]).unwrap())
        .collect();
    let rows = page_rows(&loaded, &DecisionFilter::default(), &p);
    assert_eq!(rows.len(), PER_PAGE);
    assert!(
        rows.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );

    // One committee, one year: one file.
    let f = DecisionFilter {
        committee: Some("big-c7".into()),
        year: Some(2019),
        ..Default::default()
    };
    let p = plan(&index, &f, 3, PER_PAGE);
    assert_eq!(
        (p.files.as_slice(), p.skip, p.take),
        (&["decisions/big-c7/2019.json".to_string()][..], 200, 100)
    );

    // The last page of everything needs only the oldest year.
    let p = plan(&index, &DecisionFilter::default(), 1000, PER_PAGE);
    assert!(p.files.iter().all(|f| f.ends_with("/2015.json")));

    // Follow-ups: the "Further to Minute No. ... (2)" in each meeting's first item delivers
    // part (2) of the previous meeting's second item.
    let p = plan_follow_ups(
        &index,
        &FollowUpFilter {
            status: Some(minutebook_data::FollowUpStatus::Delivered),
            ..Default::default()
        },
        1,
        PER_PAGE,
    );
    assert_eq!(
        p.total,
        COMMITTEES * (YEARS as usize * MEETINGS_PER_YEAR - 1)
    );
    let loaded: Vec<FollowUpsFile> = p
        .files
        .iter()
        .map(|f| parse(f, &files[f]).unwrap())
        .collect();
    let rows = follow_up_rows(
        &loaded,
        &FollowUpFilter {
            status: Some(minutebook_data::FollowUpStatus::Delivered),
            ..Default::default()
        },
        &p,
    );
    assert_eq!(rows.len(), PER_PAGE);
    assert!(rows.iter().all(|r| r
        .evidence
        .iter()
        .any(|e| e.automatic && e.text.starts_with("Further to Minute No."))));
}
