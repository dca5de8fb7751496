//! Planned vs held, the version diff and calendar files, on the bundled Sefton data
//! (`public/data`): the expected outcome of every planned row of both versions of the
//! 2022/23 work programme at every meeting whose business is in the data.

use minutebook_data::{parse_bytes, Catalogue, Date, ForwardPlan, Meeting, WorkProgramme};
use minutebook_domain::ics::{calendar, meeting_event};
use minutebook_domain::planned::{business_known, compare, MatchedBy, RowOutcome};
use minutebook_domain::programme_diff::diff;
use std::path::PathBuf;

fn data(rel: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../public/data")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn catalogue() -> Catalogue {
    parse_bytes("index.json", &data("index.json")).unwrap()
}

fn programme(id: &str) -> WorkProgramme {
    let rel = format!("work-programmes/{id}.json");
    parse_bytes(&rel, &data(&rel)).unwrap()
}

fn meeting(id: &str) -> Meeting {
    let rel = format!("meetings/{id}.json");
    parse_bytes(&rel, &data(&rel)).unwrap()
}

const DRAFT: &str = "sefton-osc-children-2022-23-draft-2022-09-15";
const PACK: &str = "sefton-osc-children-2022-23-pack-2022-11-07";
const NOT_ON_AGENDA: &str = "not on the agenda";

/// (planned row, outcome) with the outcome as "<agenda number> <agenda title>" or
/// "not on the agenda"; a "*" marks a match made by an explicit link in the data.
fn outcomes(p: &WorkProgramme, m: &Meeting) -> (Vec<(String, String)>, Vec<String>, Vec<String>) {
    let rows: Vec<_> = p.rows().map(|(_, r)| r).collect();
    let c = compare(p, m);
    let item = |n: usize| {
        format!(
            "{} {}",
            m.items[n].number.clone().unwrap_or_default(),
            m.items[n].title
        )
        .trim()
        .to_string()
    };
    let planned = c
        .planned
        .iter()
        .map(|(r, o)| {
            let outcome = match o {
                RowOutcome::Considered {
                    item: n,
                    how: MatchedBy::Title,
                } => item(*n),
                RowOutcome::Considered {
                    item: n,
                    how: MatchedBy::Link,
                } => format!("*{}", item(*n)),
                RowOutcome::NotOnAgenda => NOT_ON_AGENDA.to_string(),
            };
            (rows[*r].title.clone(), outcome)
        })
        .collect();
    (
        planned,
        c.added.iter().map(|n| item(*n)).collect(),
        c.standing.iter().map(|n| item(*n)).collect(),
    )
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The standing business of the autumn meetings, as their agendas number it.
const STANDING: [&str; 3] = [
    "1 Apologies for Absence",
    "2 Declarations of Interest",
    "3 Minutes of the Previous Meeting",
];

/// The reports both versions plan for every meeting, and the items that took them.
const EVERY_MEETING: [(&str, &str); 2] = [
    ("Cabinet Member Update Reports", "9 Cabinet Member Reports"),
    (
        "Work Programme Update",
        "10 Work Programme Key Decision Forward Plan",
    ),
];

/// The rows of `parts`, in order.
fn rows(parts: &[&[(&str, &str)]]) -> Vec<(String, String)> {
    pairs(&parts.concat())
}

#[test]
fn planned_vs_held_27_september_2022() {
    let m = meeting("sefton-osc-children-2022-09-27");
    // Both versions plan these, and the meeting took them as the same items.
    let ofsted = (
        "Ofsted Inspection Reports (Termly Basis)",
        "8 Ofsted Inspection Reports",
    );
    let later = [
        ("Early Help Services", "6 Early Help Services"),
        (
            "Education Excellence Strategy for Sefton 2022-2027",
            "7 Education Excellence Strategy for Sefton 2022-2027",
        ),
        ("Domestic Abuse", "4 Domestic Abuse Update"),
    ];
    let (planned, added, standing) = outcomes(&programme(DRAFT), &m);
    assert_eq!(
        planned,
        rows(&[
            &EVERY_MEETING,
            &[
                ofsted,
                (
                    "Children's Services Improvement Programme",
                    "5 Children's Services Improvement Programme",
                ),
            ],
            &later,
        ])
    );
    assert_eq!(added, Vec::<String>::new());
    assert_eq!(standing, strings(&STANDING));

    let (planned, added, standing) = outcomes(&programme(PACK), &m);
    assert_eq!(
        planned,
        rows(&[
            &EVERY_MEETING,
            &[
                ofsted,
                (
                    "Update on Ofsted Report & Children's Services Improvement Plan/Programme",
                    "5 Children's Services Improvement Programme",
                ),
                ("Performance Dashboard", NOT_ON_AGENDA),
            ],
            &later,
        ])
    );
    assert_eq!(added, Vec::<String>::new());
    assert_eq!(standing, strings(&STANDING));
}

#[test]
fn planned_vs_held_7_november_2022() {
    let m = meeting("sefton-osc-children-2022-11-07");
    let (planned, added, standing) = outcomes(&programme(DRAFT), &m);
    assert_eq!(
        planned,
        rows(&[
            &EVERY_MEETING,
            // The titles share only "improvement": the data links them (see the row's note).
            &[
                (
                    "Update on Ofsted Report and Improvement Plan",
                    "*5 Children's Services Improvement Programme",
                ),
                ("SEND Annual Update", NOT_ON_AGENDA),
                (
                    "Integrated Care System Update and Start Well Overview",
                    "4 Integrated Care Systems and Start Well Update",
                ),
                ("Corporate Parenting Board - Annual Update", NOT_ON_AGENDA),
            ],
        ])
    );
    assert_eq!(
        added,
        strings(&[
            "6 Performance Dashboard",
            "7 Summer 2022 Data",
            "8 Children's Services Commissioner"
        ])
    );
    assert_eq!(standing, strings(&STANDING));

    let (planned, added, _) = outcomes(&programme(PACK), &m);
    assert_eq!(
        planned,
        rows(&[
            &EVERY_MEETING,
            &[
                (
                    "Update on Ofsted Report & Children's Services Improvement Plan/Programme",
                    "5 Children's Services Improvement Programme"
                ),
                ("Performance Dashboard", "6 Performance Dashboard"),
                (
                    "Integrated Care System Update and Start Well Update",
                    "4 Integrated Care Systems and Start Well Update"
                ),
                ("Summer 2022 Data", "7 Summer 2022 Data"),
                (
                    "Children's Commissioner",
                    "8 Children's Services Commissioner"
                ),
            ],
        ])
    );
    assert_eq!(added, Vec::<String>::new());
}

#[test]
fn planned_vs_held_5_july_2022_from_the_minutes() {
    // The July agenda is not in the data, but its minutes record the business taken.
    let m = meeting("sefton-osc-children-2022-07-05");
    assert!(business_known(&m));
    let expected_july =
        |improvement_row: &str| {
            pairs(&[
            ("Cabinet Member Update Reports", "CABINET MEMBER REPORTS"),
            ("Work Programme Update", "WORK PROGRAMME KEY DECISION FORWARD PLAN"),
            ("Ofsted Inspection Reports (Termly Basis)", "OFSTED INSPECTION REPORTS"),
            (
                "Final Report of the Impact of Covid 19 on the Primary Curriculum Working Group",
                "IMPACT OF COVID 19 ON THE PRIMARY CURRICULUM WORKING GROUP - FINAL REPORT",
            ),
            (improvement_row, "OFSTED REPORT AND IMPROVEMENT PLAN"),
        ])
        };
    for (id, improvement_row) in [
        (DRAFT, "Update on Ofsted Report and Improvement Plan"),
        (
            PACK,
            "Update on Ofsted Report & Children's Services Improvement Plan/Programme",
        ),
    ] {
        let (planned, added, standing) = outcomes(&programme(id), &m);
        assert_eq!(planned, expected_july(improvement_row), "{id}");
        assert_eq!(added, Vec::<String>::new(), "{id}");
        assert_eq!(
            standing.len(),
            4,
            "{id}: apologies, declarations, minutes, matters arising"
        );
    }
}

#[test]
fn later_meetings_have_no_business_in_the_data() {
    for id in ["2022-12-20", "2023-01-31", "2023-03-06"] {
        assert!(
            !business_known(&meeting(&format!("sefton-osc-children-{id}"))),
            "{id}"
        );
    }
}

#[test]
fn what_changed_between_the_two_versions() {
    let d = diff(&programme(DRAFT), &programme(PACK));
    let titles = |rows: &[minutebook_domain::programme_diff::RowRef]| {
        rows.iter().map(|r| r.title.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        titles(&d.added),
        strings(&[
            "Performance Dashboard",
            "Summer 2022 Data",
            "Children's Commissioner",
            "Attendance by Improvement Board Chair",
            "Maternity Services Briefing",
        ])
    );
    assert_eq!(
        titles(&d.removed),
        strings(&["Children’s Social Care Improvement Journey"])
    );
    assert_eq!(d.merged.len(), 1);
    assert_eq!(
        d.merged[0].0.title,
        "Children's Services Improvement Programme"
    );
    assert_eq!(
        d.merged[0].1.title,
        "Update on Ofsted Report & Children's Services Improvement Plan/Programme"
    );
    let changed: Vec<(String, Vec<String>)> = d
        .changed
        .iter()
        .map(|c| (c.new.title.clone(), c.descriptions()))
        .collect();
    assert_eq!(
        changed,
        vec![
            (
                "Update on Ofsted Report & Children's Services Improvement Plan/Programme".to_string(),
                strings(&[
                    "Renamed from “Update on Ofsted Report and Improvement Plan” to “Update on Ofsted Report & Children's Services Improvement Plan/Programme”.",
                    "Now also planned for 27 September 2022.",
                    "Lead changed from Martin Birch to Martin Birch/Jan McMahon.",
                ])
            ),
            ("SEND Annual Update".to_string(), strings(&["Moved from the meeting of 7 November 2022 to 20 December 2022."])),
            (
                "Integrated Care System Update and Start Well Update".to_string(),
                strings(&["Renamed from “Integrated Care System Update and Start Well Overview” to “Integrated Care System Update and Start Well Update”."])
            ),
            (
                "Corporate Parenting Board - Annual Update".to_string(),
                strings(&["Moved from the meeting of 7 November 2022 to 20 December 2022."])
            ),
            (
                "Sefton Community Child and Adolescent Mental Health Services (CAMHS) - Update".to_string(),
                strings(&["Lead changed from CE of CCGs/Alder Hey Rep to NHS Cheshire & Merseyside (Sefton)/Alder Hey Reps."])
            ),
        ]
    );
    assert_eq!(
        titles(&d.unchanged),
        strings(&[
            "Cabinet Member Update Reports",
            "Work Programme Update",
            "Ofsted Inspection Reports (Termly Basis)",
            "Final Report of the Impact of Covid 19 on the Primary Curriculum Working Group",
            "Early Help Services",
            "Education Excellence Strategy for Sefton 2022-2027",
            "Domestic Abuse",
            "Exam/Test Data",
            "Sefton Local Safeguarding Children Board - Annual Update",
            "Fostering Service - Annual Update",
            "Adoption Service - Annual Update",
        ])
    );
    // Comparing a version with itself finds nothing.
    let same = diff(&programme(PACK), &programme(PACK));
    assert!(
        same.added.is_empty()
            && same.removed.is_empty()
            && same.changed.is_empty()
            && same.merged.is_empty()
    );
}

#[test]
fn every_cross_reference_in_the_programmes_and_plan_resolves() {
    let cat = catalogue();
    for id in [DRAFT, PACK] {
        let p = programme(id);
        assert!(
            p.committee
                .as_deref()
                .is_some_and(|c| cat.committee(c).is_some()),
            "{id}: committee"
        );
        let dates: Vec<Date> = p.meetings.iter().map(|m| m.date).collect();
        for col in &p.meetings {
            if let Some(mid) = &col.meeting {
                let s = cat
                    .meeting(mid)
                    .unwrap_or_else(|| panic!("{id}: meeting {mid}"));
                assert_eq!(s.date, col.date, "{id}: {mid}");
            }
        }
        for (_, row) in p.rows() {
            for d in &row.planned {
                assert!(
                    dates.contains(d),
                    "{id}: {} planned for {d}, not a column",
                    row.title
                );
            }
            for l in &row.agenda_links {
                let m = meeting(&l.meeting);
                assert!(
                    m.items
                        .iter()
                        .any(|i| i.number.as_deref() == Some(l.item.as_str())),
                    "{id}: link {l:?}"
                );
            }
        }
    }
    let rel = "forward-plans/sefton-2022-10-to-2023-01.json";
    let plan: ForwardPlan = parse_bytes(rel, &data(rel)).unwrap();
    for d in &plan.decisions {
        for s in &d.considered_by {
            let m = meeting(&s.meeting);
            let item = m
                .items
                .iter()
                .find(|i| i.number == s.item)
                .unwrap_or_else(|| panic!("{}: {s:?}", d.id));
            assert_eq!(
                item.minute.as_ref().map(|x| x.number.clone()),
                s.minute,
                "{}",
                d.id
            );
        }
    }
}

/// The value of a calendar property, by name.
fn prop(props: &[ical::property::Property], name: &str) -> Option<String> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
}

#[test]
fn committee_calendar_reads_back_with_an_independent_parser() {
    let cat = catalogue();
    let committee = cat.committee("sefton-osc-children").unwrap();
    let events: Vec<_> = cat
        .meetings_of("sefton-osc-children")
        .filter_map(|m| {
            meeting_event(
                m,
                committee,
                Some(&format!("https://example.org/meetings/{}", m.id)),
            )
        })
        .collect();
    let text = calendar(&committee.title, &events);
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let cal = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none());
    let by_uid = |uid: &str| {
        cal.events
            .iter()
            .find(|e| prop(&e.properties, "UID").as_deref() == Some(uid))
            .unwrap_or_else(|| panic!("{uid}"))
    };
    // Every meeting known to the day is in it (2022-01 is known only to the month, and
    // belongs to another committee anyway).
    assert_eq!(
        cal.events.len(),
        cat.meetings_of("sefton-osc-children").count()
    );
    // 7 November 2022, 6.30pm GMT = 18:30 UTC.
    let nov = by_uid("sefton-osc-children-2022-11-07@minutebook");
    assert_eq!(
        prop(&nov.properties, "DTSTART").as_deref(),
        Some("20221107T183000Z")
    );
    assert_eq!(
        prop(&nov.properties, "LOCATION").as_deref(),
        Some("Committee Room - Bootle Town Hall\\, Trinity Road\\, Bootle\\, L20 7AE")
    );
    assert!(
        prop(&nov.properties, "DTEND").is_none(),
        "no end time is published"
    );
    // 27 September 2022: no start time published, so an all-day event.
    let sep = by_uid("sefton-osc-children-2022-09-27@minutebook");
    let start = sep.properties.iter().find(|p| p.name == "DTSTART").unwrap();
    assert_eq!(start.value.as_deref(), Some("20220927"));
    let params = start.params.clone().unwrap_or_default();
    assert!(
        params
            .iter()
            .any(|(k, v)| k == "VALUE" && v == &vec!["DATE".to_string()]),
        "{params:?}"
    );
    assert!(prop(&sep.properties, "DESCRIPTION")
        .unwrap()
        .contains("Start time not published"));
}

#[test]
fn summer_and_winter_times_convert_to_utc() {
    let cat = catalogue();
    let committee = cat.committee("sefton-osc-children").unwrap();
    let mut summer = cat
        .meeting("sefton-osc-children-2022-11-07")
        .unwrap()
        .clone();
    // The same meeting moved into British Summer Time, and onto the October changeover.
    summer.id = "test-bst".into();
    summer.date = Date::parse("2022-09-27").unwrap();
    let mut changeover = summer.clone();
    changeover.id = "test-changeover".into();
    changeover.date = Date::parse("2022-10-30").unwrap();
    changeover.start_time = minutebook_data::Time::new(1, 30);
    let mut cancelled = summer.clone();
    cancelled.id = "test-cancelled".into();
    cancelled.status = minutebook_data::MeetingStatus::Cancelled;
    let events: Vec<_> = [&summer, &changeover, &cancelled]
        .iter()
        .filter_map(|m| meeting_event(m, committee, None))
        .collect();
    let text = calendar("test", &events);
    assert!(text.contains("\r\n"), "CRLF line endings");
    let cal = ical::IcalParser::new(text.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let starts: Vec<(String, String)> = cal
        .events
        .iter()
        .map(|e| {
            let get = |n: &str| prop(&e.properties, n).unwrap_or_default();
            (get("DTSTART"), get("STATUS"))
        })
        .collect();
    assert_eq!(
        starts,
        vec![
            ("20220927T173000Z".to_string(), "CONFIRMED".to_string()),
            ("20221030T003000Z".to_string(), "CONFIRMED".to_string()),
            ("20220927T173000Z".to_string(), "CANCELLED".to_string()),
        ]
    );
    let desc = prop(&cal.events[0].properties, "DESCRIPTION").unwrap();
    assert!(desc.contains("Starts 6.30pm (BST"), "{desc}");
}
