//! The derived cases in `tests/derived/` (see its README.md: real responses with a few values
//! changed): apologies and substitutes as attendee values, apologies parsed from the minute,
//! declarations counted and minuted, counted only, an exempt item with an exempt document,
//! an item not displayed, titles escaped twice, a meeting type, "Expected" after the meeting,
//! a resolution that cannot be itemised, and malformed dates and times.

use minutebook_data::{Date, Declarations, InterestKind, Meeting, MeetingStatus};
use minutebook_moderngov::map::{self, CouncilConfig, Mapped, WarningKind};
use minutebook_moderngov::minutes;
use minutebook_moderngov::xml::{self, XmlError};
use std::path::PathBuf;

fn derived(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/derived")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn cfg() -> CouncilConfig {
    CouncilConfig::new(
        "gloucester",
        "Gloucester City Council",
        "https://democracy.gloucester.gov.uk",
    )
}

fn cabinet() -> minutebook_data::Committee {
    let list = xml::Committees {
        committees: vec![xml::Committee {
            id: 129,
            title: "Cabinet".into(),
            deleted: false,
            expired: false,
            category: Some("Cabinet".into()),
        }],
        rejected: vec![],
    };
    map::map_committees(&cfg(), &list).committees.remove(0)
}

/// Map a derived GetMeeting and read it back with the contract's own loader.
fn map(name: &str) -> (xml::MgMeeting, Mapped) {
    let mg = xml::parse_meeting(&derived(name)).unwrap();
    let out = map::map_meeting(
        &cfg(),
        &cabinet(),
        &mg,
        "gloucester-cabinet-2025-11-21",
        Date::new(2026, 1, 20).unwrap(),
    )
    .unwrap();
    let json = serde_json::to_string(&out.meeting).unwrap();
    let back: Meeting =
        minutebook_data::parse_checked("meetings/gloucester-cabinet-2025-11-21.json", &json)
            .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(back, out.meeting);
    (mg, out)
}

fn kinds(out: &Mapped) -> Vec<WarningKind> {
    out.warnings.iter().map(|w| w.kind).collect()
}

fn names(list: &Option<Vec<minutebook_data::Attendee>>) -> Vec<(&str, Option<&str>)> {
    list.iter()
        .flatten()
        .map(|a| (a.name.as_str(), a.capacity.as_deref()))
        .collect()
}

/// The names of those who sent apologies.
fn apology_names(list: &Option<Vec<minutebook_data::Apology>>) -> Vec<&str> {
    list.iter().flatten().map(|x| x.name.as_str()).collect()
}

#[test]
fn apologies_absence_and_substitutes_from_attendee_values() {
    let (_, out) = map("apologies-values_7837.xml");
    let a = out.meeting.attendance.clone().unwrap();
    let apologies = apology_names(&a.apologies);
    // "Apologies, sent substitute" says a substitute was sent, not who: none is named.
    assert_eq!(
        apologies,
        [
            "Councillor Caroline Courtney",
            "Councillor Rebecca Trimnell"
        ]
    );
    assert!(a.apologies.iter().flatten().all(|x| x.substitute.is_none()));
    assert_eq!(
        names(&a.not_present),
        [("Councillor Sebastian Field", None)]
    );
    let present = names(&a.present);
    assert!(present.contains(&("Councillor Luke Shervey", Some("Present as substitute"))));
    assert!(!present
        .iter()
        .any(|(n, _)| n.contains("Courtney") || n.contains("Field")));
    assert_eq!(present.len(), 4);
    assert!(!kinds(&out).contains(&WarningKind::ApologiesNotPublished));
    assert_eq!(
        out.meeting.notes,
        ["The council's system records \"Apologies, sent substitute\" for Councillor Rebecca Trimnell, without naming the substitute."]
    );
}

#[test]
fn apologies_from_the_minute_in_the_usual_wording() {
    let (_, out) = map("apologies-minute_7837.xml");
    let m = &out.meeting;
    assert_eq!(m.items[0].number.as_deref(), Some("50"));
    assert_eq!(m.items[0].title, "Apologies");
    let a = m.attendance.as_ref().unwrap();
    let apologies = apology_names(&a.apologies);
    assert_eq!(apologies, ["Councillor Courtney", "Councillor Field"]);
    assert_eq!(
        a.apologies_text.as_deref(),
        Some("Apologies for absence were received from Councillors Courtney and Field.")
    );
    assert_eq!(a.present.as_ref().unwrap().len(), 5);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

#[test]
fn declarations_counted_and_minuted() {
    let (_, out) = map("declarations_7837.xml");
    let a = out.meeting.attendance.clone().unwrap();
    assert_eq!(a.declarations_count, Some(1));
    assert_eq!(out.meeting.items[4].declarations_count, Some(1));
    let Declarations::Declared { declarations } = a.declarations else {
        panic!("declared: {:?}", a.declarations)
    };
    assert_eq!(declarations.len(), 1);
    let d = &declarations[0];
    assert_eq!(d.member, "Councillor Sarah Sawyer");
    assert_eq!(d.kind, InterestKind::Personal);
    assert_eq!(d.minute.as_deref(), Some("55"));
    assert_eq!(
        d.nature,
        "a personal interest in item 55 as a member of Gloucestershire County Council."
    );
    assert_eq!(d.left_room, None, "not recorded");
}

#[test]
fn declarations_counted_only() {
    let (_, out) = map("declarations-count-only_7837.xml");
    let a = out.meeting.attendance.clone().unwrap();
    // Who and what is not guessed from "Two Members declared interests": only the count.
    assert_eq!(a.declarations, Declarations::NotPublished);
    assert_eq!(a.declarations_count, Some(2));
    assert!(kinds(&out).contains(&WarningKind::DeclarationsNotItemised));
}

#[test]
fn exempt_item_exempt_document_and_an_item_not_displayed() {
    let (_, out) = map("exempt_7837.xml");
    let m = &out.meeting;
    let numbers: Vec<&str> = m.items.iter().filter_map(|i| i.number.as_deref()).collect();
    assert_eq!(
        numbers,
        ["51", "52", "53", "55"],
        "item 54 is not published at all"
    );
    assert!(!serde_json::to_string(m)
        .unwrap()
        .contains("Leader and Cabinet Members"));
    let item = &m.items[3];
    assert_eq!(item.exempt, Some(true));
    let doc = item.documents.last().unwrap();
    assert_eq!(doc.title, "Appendix 3E Cratus Public Engagement Report");
    assert_eq!((doc.url.as_deref(), doc.exempt), (None, Some(true)));
    assert!(!serde_json::to_string(m).unwrap().contains("ID=65417"));
    // The other documents keep their links.
    assert!(item.documents[..5].iter().all(|d| d.url.is_some()));
    let k = kinds(&out);
    assert!(k.contains(&WarningKind::ExemptDocument) && k.contains(&WarningKind::ItemNotDisplayed));
}

#[test]
fn titles_escaped_twice_and_a_meeting_type() {
    let (_, out) = map("double-escaped_7837.xml");
    let m = &out.meeting;
    assert_eq!(m.items[2].title, "Petitions & Deputations (15 minutes)");
    assert_eq!(
        m.items[3].title,
        "Leader and Cabinet Members' Question Time (15 minutes)"
    );
    assert_eq!(
        m.items[4].documents[4].title,
        "Appendix 3B Inner Circle Report: \"A Case for Cities\""
    );
    assert_eq!(m.meeting_type.as_deref(), Some("Budget Council"));
    assert_eq!(m.status, MeetingStatus::Held);
}

#[test]
fn expected_after_the_meeting_is_not_recorded() {
    let (_, out) = map("expected-after-the-meeting_7837.xml");
    let m = &out.meeting;
    // Held (the minutes are published), but nobody is recorded as present.
    assert_eq!(m.status, MeetingStatus::Held);
    let a = m.attendance.as_ref().unwrap();
    assert_eq!((a.present.as_ref(), a.also_present.as_ref()), (None, None));
    assert!(kinds(&out).contains(&WarningKind::AttendanceNotRecorded));
    assert!(m.notes[0].contains("13 people as expected"));
}

#[test]
fn a_resolution_that_cannot_be_itemised_keeps_every_word() {
    let (mg, out) = map("not-itemised_7837.xml");
    let minute = out.meeting.items[4].minute.as_ref().unwrap();
    assert!(minute.resolutions_not_itemised && minute.resolution.is_none());
    let html = mg.items_in_order()[4].minutes_html.clone().unwrap();
    let words = minutes::convert_minute(&html).words();
    assert_eq!(words, minutes::visible_words(&html));
    assert_eq!(words.last().map(String::as_str), Some("report"));
    // The malformed planned finish time is left out, and said so.
    assert_eq!(out.meeting.planned_finish_time, None);
    let k = kinds(&out);
    assert!(k.contains(&WarningKind::ResolutionsNotItemised) && k.contains(&WarningKind::BadValue));
    let bad = out
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::BadValue)
        .unwrap();
    assert!(bad.message.contains("meetingplannedfinishtime") && bad.message.contains("16.30"));
}

#[test]
fn malformed_dates() {
    // In a list: that meeting is reported, the others read.
    let list =
        xml::parse_meetings(&derived("GetMeetings-malformed-dates_committee129.xml")).unwrap();
    assert_eq!(list.meetings.len(), 18);
    let rejected: Vec<(Option<u64>, &str)> = list
        .rejected
        .iter()
        .map(|r| (r.id, r.problem.value.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [(Some(7218), "31/02/2024"), (Some(7219), "2024-03-06")]
    );
    assert!(list.rejected[0]
        .problem
        .to_string()
        .contains("<meetingdate> \"31/02/2024\" is not a real calendar date"));
    // The meeting itself: a typed error naming the field, for the client to report with the URL.
    let err = xml::parse_meeting(&derived("malformed-date_7837.xml")).unwrap_err();
    assert!(
        matches!(&err, XmlError::Field(p) if p.field == "meetingdate" && p.value == "21/13/2025")
    );
    assert!(err.to_string().contains("21/13/2025"));
}
