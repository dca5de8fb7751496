//! Follow-up tracking and decisions on the bundled data: every request in the seed papers,
//! with the status the app gives it and the evidence for it, stated one by one.

use minutebook_data::{
    parse, DecisionsFile, DecisionsIndex, EvidenceKind, FollowUp, FollowUpStatus, FollowUpsFile,
    RequestKind, ResolutionKind,
};
use minutebook_domain::followups::describe_wait;
use minutebook_tools::{catalogue, decisions};
use std::path::PathBuf;

use EvidenceKind as E;
use FollowUpStatus::*;
use RequestKind as R;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn generated() -> decisions::Files {
    let data = catalogue::read_dataset(&root().join("public/data"))
        .unwrap_or_else(|e| panic!("dataset errors:\n{}", e.join("\n")));
    decisions::generate(&data).unwrap_or_else(|e| panic!("decisions errors:\n{}", e.join("\n")))
}

/// A committee's follow-ups from every municipal year's file.
fn follow_ups(files: &decisions::Files, committee: &str) -> FollowUpsFile {
    let prefix = format!("decisions/{committee}/follow-ups-");
    let mut parts = files
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .map(|(k, v)| parse::<FollowUpsFile>(k, v).unwrap());
    let mut all = parts
        .next()
        .unwrap_or_else(|| panic!("no {prefix}*.json generated"));
    for more in parts {
        assert_eq!(more.as_of, all.as_of, "one as-of date per committee");
        all.follow_ups.extend(more.follow_ups);
    }
    all
}

const JUL: &str = "sefton-osc-children-2022-07-05";
const SEP: &str = "sefton-osc-children-2022-09-27";
const NOV: &str = "sefton-osc-children-2022-11-07";
const STH: &str = "st-helens-cyp-scrutiny-2021-12-06";

/// Every request in the seeds: (meeting, minute, part, what it asks, status, the kinds of
/// evidence in date order). This is the table in the closing note of issue 5.
type Expected = (
    &'static str,
    &'static str,
    Option<&'static str>,
    R,
    FollowUpStatus,
    &'static [E],
);
const EXPECTED: &[Expected] = &[
    // Sefton, 5 July 2022 (minutes in seed 003).
    (
        JUL,
        "4",
        None,
        R::Information,
        Outstanding,
        &[E::Mentioned, E::Mentioned],
    ),
    (
        JUL,
        "5",
        Some("1"),
        R::Report,
        Delivered,
        &[E::Delivered, E::Mentioned, E::Mentioned, E::Delivered],
    ),
    (
        JUL,
        "5",
        Some("2"),
        R::Attendance,
        Planned,
        &[E::Mentioned, E::Mentioned, E::Planned],
    ),
    (JUL, "6", Some("2"), R::Report, Outstanding, &[]),
    (JUL, "6", Some("3"), R::Letter, Outstanding, &[]),
    (JUL, "7", Some("1"), R::Report, Outstanding, &[E::Mentioned]),
    (JUL, "7", Some("2"), R::Letter, Outstanding, &[E::Mentioned]),
    (JUL, "7", Some("3"), R::Action, Outstanding, &[E::Mentioned]),
    (JUL, "7", Some("4"), R::Letter, Outstanding, &[E::Mentioned]),
    (JUL, "7", Some("5"), R::Report, Planned, &[E::Planned]),
    (JUL, "8", Some("2"), R::Report, Outstanding, &[]),
    (JUL, "8", Some("3"), R::Information, Outstanding, &[]),
    (
        JUL,
        "9",
        Some("3"),
        R::Consideration,
        Delivered,
        &[E::Delivered],
    ),
    (
        JUL,
        "9",
        Some("4"),
        R::Briefing,
        Arranged,
        &[E::Mentioned, E::Arranged],
    ),
    // Sefton, 27 September 2022 (minutes in seed 002).
    (SEP, "14", Some("3"), R::Action, Outstanding, &[]),
    (SEP, "18", Some("2"), R::Information, Outstanding, &[]),
    (SEP, "18", Some("4"), R::Attendance, Planned, &[E::Planned]),
    (SEP, "19", Some("3"), R::Report, Delivered, &[E::Delivered]),
    (SEP, "19", Some("4"), R::Briefing, Arranged, &[E::Arranged]),
    (SEP, "19", Some("5"), R::Visit, Arranged, &[E::Arranged]),
    // Sefton, 7 November 2022 (web minutes, seed 000).
    (NOV, "23", Some("2"), R::Report, Planned, &[E::Planned]),
    (NOV, "24", Some("2"), R::Update, Outstanding, &[]),
    (NOV, "25", Some("2"), R::Information, Outstanding, &[]),
    (NOV, "29", Some("3"), R::Consideration, Outstanding, &[]),
    (NOV, "29", Some("4"), R::Report, Outstanding, &[]),
    // St Helens, 6 December 2021 (seed 004).
    (STH, "23", Some("2"), R::Information, Outstanding, &[]),
    (STH, "23", Some("3"), R::Update, Outstanding, &[]),
    (STH, "27", Some("1"), R::Consideration, Outstanding, &[]),
    (STH, "27", Some("2"), R::Update, Outstanding, &[]),
];

fn find<'a>(all: &'a [FollowUp], meeting: &str, minute: &str, part: Option<&str>) -> &'a FollowUp {
    all.iter()
        .find(|f| {
            f.decision.meeting == meeting
                && f.decision.minute == minute
                && f.decision.part.as_deref() == part
        })
        .unwrap_or_else(|| panic!("no follow-up for {meeting} minute {minute} {part:?}"))
}

#[test]
fn every_request_in_the_seeds_has_its_expected_status() {
    let files = generated();
    let sefton = follow_ups(&files, "sefton-osc-children");
    let st_helens = follow_ups(&files, "st-helens-cyp-scrutiny");
    assert_eq!(
        sefton.as_of.to_string(),
        "2022-11-07",
        "Sefton statuses are as of its latest meeting with papers"
    );
    assert_eq!(
        st_helens.as_of.to_string(),
        "2021-12-06",
        "St Helens statuses are as of 6 December 2021"
    );
    let all: Vec<FollowUp> = sefton
        .follow_ups
        .iter()
        .chain(&st_helens.follow_ups)
        .cloned()
        .collect();
    println!(
        "{:<45} {:<8} {:<14} {:<12} evidence",
        "request", "status", "asks", "waited"
    );
    for f in &all {
        let as_of = if f.decision.meeting.starts_with("st-helens") {
            st_helens.as_of
        } else {
            sefton.as_of
        };
        println!(
            "{:<45} {:<8} {:<14} {:<12} {:?}",
            format!(
                "{} {}{}",
                f.decision.meeting,
                f.decision.minute,
                f.decision
                    .part
                    .as_ref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default()
            ),
            f.status.label(),
            format!("{:?}", f.asks),
            describe_wait(f.decision.date, as_of),
            f.evidence
                .iter()
                .map(|e| (e.kind.label(), e.date.map(|d| d.to_string())))
                .collect::<Vec<_>>()
        );
    }
    let mut problems = Vec::new();
    for (meeting, minute, part, asks, status, kinds) in EXPECTED {
        let f = find(&all, meeting, minute, *part);
        let got: Vec<E> = f.evidence.iter().map(|e| e.kind).collect();
        if (f.asks, f.status, got.as_slice()) != (*asks, *status, *kinds) {
            problems.push(format!("{meeting} {minute} {part:?}: got {:?} {:?} {got:?}, expected {asks:?} {status:?} {kinds:?}", f.asks, f.status));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        all.len(),
        EXPECTED.len(),
        "a request was found that the table does not state"
    );
    let count = |s| all.iter().filter(|f| f.status == s).count();
    assert_eq!(
        (
            count(Delivered),
            count(Arranged),
            count(Planned),
            count(Outstanding)
        ),
        (3, 3, 4, 19)
    );
}

#[test]
fn the_issue_examples() {
    let files = generated();
    let sefton = follow_ups(&files, "sefton-osc-children");
    let all = &sefton.follow_ups;

    // Delivered: "Further to Minute No.19 (3) of 27 September 2022" on the 7 Nov 2022
    // "Summer 2022 Data" item, found by the rules (not linked by hand).
    let f = find(all, SEP, "19", Some("3"));
    let e = &f.evidence[0];
    assert!(e.automatic, "found from the reference itself");
    assert!(e.text.starts_with(
        "Further to Minute No.19 (3) of 27 September 2022, the Committee considered the report"
    ));
    let at = e.at.as_ref().unwrap();
    assert_eq!(
        (at.meeting.as_str(), at.anchor.as_str(), at.item.as_deref()),
        (NOV, "minute-23", Some("Summer 2022 Data"))
    );

    // Arranged: the Leeds Family Values briefing on 21 Nov 2022, the Magdalen House visit on 23 Nov 2022.
    let f = find(all, SEP, "19", Some("4"));
    assert_eq!(
        f.evidence[0].date.map(|d| d.to_string()).as_deref(),
        Some("2022-11-21")
    );
    assert!(f.evidence[0]
        .text
        .contains("Leeds Family Values, to be held at 4.00 p.m. on 21 November 2022"));
    assert_eq!(f.evidence[0].at.as_ref().unwrap().anchor, "minute-29-5");
    let f = find(all, SEP, "19", Some("5"));
    assert_eq!(
        f.evidence[0].date.map(|d| d.to_string()).as_deref(),
        Some("2022-11-23")
    );
    assert!(f.evidence[0]
        .text
        .contains("Magdalen House, Bootle, at 2.00 p.m. on 23 November 2022"));

    // Planned: the work programme's "Attendance by Improvement Board Chair" for 20 Dec 2022.
    let f = find(all, SEP, "18", Some("4"));
    let e = &f.evidence[0];
    assert_eq!(
        e.work_programme.as_deref(),
        Some("sefton-osc-children-2022-23-pack-2022-11-07")
    );
    assert_eq!(
        e.planned_meeting.as_ref().unwrap().meeting,
        "sefton-osc-children-2022-12-20"
    );
    assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2022-12-20"));

    // Outstanding: the newly qualified social workers report asked for "in 6 months' time"
    // on 5 Jul 2022 — 4 months (125 days) as of 7 Nov 2022, due about 5 January 2023.
    let f = find(all, JUL, "8", Some("2"));
    assert_eq!(f.status, Outstanding);
    assert_eq!(f.timing.as_deref(), Some("in 6 months’ time"));
    assert_eq!(f.due.map(|d| d.to_string()).as_deref(), Some("2023-01-05"));
    assert_eq!(
        f.asked.as_deref(),
        Some("the Head of Children’s Social Care")
    );
    assert_eq!(
        describe_wait(f.decision.date, sefton.as_of),
        "4 months (125 days)"
    );

    // St Helens 6 Dec 2021 minute 23 (2): a table of acronyms in reports.
    let sth = follow_ups(&files, "st-helens-cyp-scrutiny");
    let f = find(&sth.follow_ups, STH, "23", Some("2"));
    assert_eq!((f.asks, f.status), (R::Information, Outstanding));
    assert!(f.decision.text.contains("acronyms"));
    // "the next meeting of the Committee scheduled for January 2022" is the January 2022 meeting in the data.
    let f = find(&sth.follow_ups, STH, "27", Some("2"));
    assert_eq!(
        f.due_meeting.as_ref().unwrap().meeting,
        "st-helens-cyp-scrutiny-2022-01"
    );
}

#[test]
fn words_that_are_not_requests_are_not_tracked() {
    let files = generated();
    let sefton = follow_ups(&files, "sefton-osc-children");
    let tracked = |meeting: &str, minute: &str, part: Option<&str>| {
        sefton.follow_ups.iter().any(|f| {
            f.decision.meeting == meeting
                && f.decision.minute == minute
                && f.decision.part.as_deref() == part
        })
    };
    // Confirming the 5 July minutes (whose amended text quotes a request).
    assert!(!tracked(SEP, "12", None));
    // Noting an earlier request again; noting arrangements; noting an intention.
    assert!(!tracked(SEP, "18", Some("3")));
    assert!(!tracked(NOV, "29", Some("5")));
    assert!(!tracked(NOV, "29", Some("6")));
    assert!(!tracked(NOV, "26", Some("2")));
}

#[test]
fn decisions_index_lists_every_resolution_part_with_links_both_ways() {
    let files = generated();
    let index: DecisionsIndex =
        parse("decisions/index.json", &files["decisions/index.json"]).unwrap();
    let listed: Vec<&str> = index.files.iter().map(|l| l.file.as_str()).collect();
    assert_eq!(
        listed,
        vec![
            "decisions/sefton-osc-children/2022.json",
            "decisions/st-helens-cyp-scrutiny/2021.json"
        ]
    );
    let sefton: DecisionsFile = parse(listed[0], &files[listed[0]]).unwrap();
    let sth: DecisionsFile = parse(listed[1], &files[listed[1]]).unwrap();
    assert_eq!(
        index.files[0].counts.total() as usize,
        sefton.decisions.len()
    );
    // 5 Jul: 1+1+2+3+5+3+6 = 21; 27 Sep: 1+1+3+1+1+1+4+8 = 20; 7 Nov: 1+2+2+3+1+1+7 = 19.
    assert_eq!(sefton.decisions.len(), 60);
    assert_eq!(sth.decisions.len(), 11);
    // Newest first, agenda order within a meeting.
    assert_eq!(sefton.decisions[0].meeting, NOV);
    assert_eq!(sefton.decisions[0].anchor, "minute-22");
    assert_eq!(sefton.decisions.last().unwrap().anchor, "minute-9-6");
    let get = |m: &str, a: &str| {
        sefton
            .decisions
            .iter()
            .find(|d| d.meeting == m && d.anchor == a)
            .unwrap()
    };
    // Kinds.
    assert_eq!(get(JUL, "minute-7-3").kind, ResolutionKind::Recommended);
    assert_eq!(get(SEP, "minute-19-5").kind, ResolutionKind::Arranged);
    assert_eq!(get(JUL, "minute-8-2").kind, ResolutionKind::Requested);
    assert_eq!(get(NOV, "minute-22").kind, ResolutionKind::Agreed);
    // What refers back: 19 (3) is answered by minute 23 of 7 Nov 2022.
    let d = get(SEP, "minute-19-3");
    assert!(
        d.referred_by
            .iter()
            .any(|l| l.meeting == NOV && l.anchor == "minute-23"),
        "{:?}",
        d.referred_by
    );
    assert_eq!(d.follow_up, Some(Delivered));
    // Within a meeting: 29 (3) refers to 23 (2), "(Minute No 23 (2) refers)".
    assert!(get(NOV, "minute-29-3")
        .refers_to
        .iter()
        .any(|l| l.anchor == "minute-23-2"));
    assert!(get(NOV, "minute-23-2")
        .referred_by
        .iter()
        .any(|l| l.anchor == "minute-29-3"));
    // Explicit evidence links both ways: 29 (5) records the briefing 19 (4) asked for.
    assert!(get(NOV, "minute-29-5")
        .refers_to
        .iter()
        .any(|l| l.meeting == SEP && l.anchor == "minute-19-4"));
    // The explicit reference from the 27 Sep confirmation to 5 Jul minute 4.
    assert!(get(JUL, "minute-4")
        .referred_by
        .iter()
        .any(|l| l.meeting == SEP && l.anchor == "minute-12"));
    // Every link's anchor is on its meeting's page.
    let data = catalogue::read_dataset(&root().join("public/data")).unwrap();
    for d in sefton.decisions.iter().chain(&sth.decisions) {
        for l in d.refers_to.iter().chain(&d.referred_by) {
            let m = data.meetings.iter().find(|m| m.id == l.meeting).unwrap();
            let ok = l.anchor.is_empty()
                || l.anchor.starts_with("item-")
                || minutebook_domain::references::anchors(m).contains(&l.anchor);
            assert!(
                ok,
                "{} {}: link to {}#{} is not on that page",
                d.meeting, d.anchor, l.meeting, l.anchor
            );
        }
    }
}

#[test]
fn committed_decisions_files_are_current() {
    let files = generated();
    for (rel, contents) in &files {
        let on_disk =
            std::fs::read_to_string(root().join("public/data").join(rel)).unwrap_or_default();
        assert!(
            &on_disk == contents,
            "public/data/{rel} is out of date: run `cargo run -p minutebook-tools --bin minutebook -- decisions public/data`"
        );
    }
}

#[test]
fn a_broken_explicit_link_names_the_file() {
    let mut data = catalogue::read_dataset(&root().join("public/data")).unwrap();
    let mut edit = |f: &dyn Fn(&mut minutebook_data::FollowUpEvidence)| {
        let m = data.meetings.iter_mut().find(|m| m.id == SEP).unwrap();
        let minute = m
            .items
            .iter_mut()
            .filter_map(|i| i.minute.as_mut())
            .find(|x| x.number == "19")
            .unwrap();
        f(&mut minute.resolution.as_mut().unwrap().parts[4].follow_up[0]);
    };
    edit(&|e| e.minute = Some("99".into()));
    let errors = decisions::generate(&data).unwrap_err();
    assert!(
        errors.iter().any(
            |e| e.contains("meetings/sefton-osc-children-2022-09-27.json")
                && e.contains("no minute 99")
        ),
        "{errors:?}"
    );
    let mut data = catalogue::read_dataset(&root().join("public/data")).unwrap();
    let m = data.meetings.iter_mut().find(|m| m.id == JUL).unwrap();
    let minute = m
        .items
        .iter_mut()
        .filter_map(|i| i.minute.as_mut())
        .find(|x| x.number == "5")
        .unwrap();
    minute.resolution.as_mut().unwrap().parts[1].follow_up[1].work_programme =
        Some("no-such-programme".into());
    let errors = decisions::generate(&data).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("work programme no-such-programme is not in the data")),
        "{errors:?}"
    );
}
