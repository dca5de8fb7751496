//! Golden test: the Gloucester Cabinet meeting of 21 November 2025 (GetMeeting 7837, a real
//! response in `../shared/fixtures/moderngov/gloucester/`), mapped into `minutebook/1`:
//! items and their printed numbers, the minutes, the decision, the documents and the
//! attendance with roles; every word of the source HTML kept; the result read back by the
//! contract's own loader. Also the other real responses: committees, a meetings list, a
//! cancelled meeting, the councillors list and the error pages.

use minutebook_data::{
    Block, ChairRole, CouncilFile, Date, Declarations, DocumentKind, Meeting, MeetingStatus,
    MinutesStatus, PeopleRegister, PersonKind, Time, FORMAT,
};
use minutebook_moderngov::map::{self, CouncilConfig, WarningKind};
use minutebook_moderngov::minutes::{self, MinuteText};
use minutebook_moderngov::xml::{self, XmlError};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    // CI puts `shared` beside the clone.
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/moderngov")
}

fn read(path: &str) -> Vec<u8> {
    let p = fixtures().join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn cfg() -> CouncilConfig {
    CouncilConfig::new(
        "gloucester",
        "Gloucester City Council",
        "https://democracy.gloucester.gov.uk/",
    )
}

fn today() -> Date {
    Date::new(2026, 1, 20).unwrap()
}

fn cabinet() -> minutebook_data::Committee {
    let committees = xml::parse_committees(&read("gloucester/GetCommittees.xml")).unwrap();
    map::map_committees(&cfg(), &committees)
        .committees
        .into_iter()
        .find(|c| c.source_id.as_deref() == Some("129"))
        .expect("Cabinet is committee 129")
}

fn mapped() -> (xml::MgMeeting, map::Mapped) {
    let m = xml::parse_meeting(&read("gloucester/GetMeeting_7837.xml")).unwrap();
    let out = map::map_meeting(
        &cfg(),
        &cabinet(),
        &m,
        "gloucester-cabinet-2025-11-21",
        today(),
    )
    .unwrap();
    (m, out)
}

/// Read back with the loader the app and `minutebook check` use.
fn round_trip(meeting: &Meeting) -> Meeting {
    let json = serde_json::to_string_pretty(meeting).unwrap();
    let back: Meeting =
        minutebook_data::parse_checked("meetings/gloucester-cabinet-2025-11-21.json", &json)
            .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&back, meeting);
    back
}

fn para(b: &Block) -> &str {
    match b {
        Block::Paragraph(p) => p,
        Block::List(_) => panic!("expected a paragraph, got {b:?}"),
    }
}

#[test]
fn the_meeting() {
    let (_, out) = mapped();
    let m = round_trip(&out.meeting);
    assert_eq!(m.format, FORMAT);
    assert_eq!(m.committee, "gloucester-cabinet");
    assert_eq!(m.date, Date::new(2025, 11, 21).unwrap());
    let t = |h, mi| {
        Some(Time {
            hour: h,
            minute: mi,
        })
    };
    assert_eq!(m.start_time, t(12, 30));
    assert_eq!(m.planned_finish_time, t(16, 30));
    assert_eq!(m.actual_start_time, t(12, 30));
    assert_eq!(m.actual_finish_time, t(17, 5));
    assert_eq!(m.meeting_type.as_deref(), Some("Special Meeting"));
    assert_eq!(m.status, MeetingStatus::Held);
    assert_eq!(
        m.venue.as_ref().map(|v| v.name.as_str()),
        Some("Civic Suite, North Warehouse, The Docks, Gloucester, GL1 2EP")
    );
    assert_eq!(m.room.as_deref(), Some("Civic Suite"));
    assert!(m.agenda_published);
    assert_eq!(m.minutes, MinutesStatus::Published);
    assert_eq!(m.decisions_published, Some(true));
    assert_eq!(m.source_id.as_deref(), Some("7837"));
    assert_eq!(
        m.sources[0].url.as_deref(),
        Some("https://democracy.gloucester.gov.uk/ieListDocuments.aspx?CId=129&MId=7837")
    );
    // The one thing the service does not give for this meeting: apologies (no Apologies
    // item is in the response).
    let kinds: Vec<_> = out.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [WarningKind::ApologiesNotPublished]);
}

#[test]
fn items_numbers_and_minutes() {
    let (_, out) = mapped();
    let m = out.meeting;
    let heads: Vec<(Option<&str>, &str)> = m
        .items
        .iter()
        .map(|i| (i.number.as_deref(), i.title.as_str()))
        .collect();
    // Printed numbers run on through the municipal year; the internal order (2–6) is never shown.
    assert_eq!(
        heads,
        [
            (Some("51"), "Declarations of Interest"),
            (Some("52"), "Public Question Time (15 minutes)"),
            (Some("53"), "Petitions and Deputations (15 minutes)"),
            // Double-escaped in the source: `Members&amp;#39;`.
            (
                Some("54"),
                "Leader and Cabinet Members' Question Time (15 minutes)"
            ),
            (
                Some("55"),
                "Final Proposals for Local Government Reorganisation in Gloucestershire"
            ),
        ]
    );
    let minute = |n: usize| m.items[n].minute.as_ref().unwrap();
    assert_eq!(minute(0).number, "51");
    assert_eq!(
        minute(0).narrative,
        [Block::Paragraph(
            "There were no declarations of interest.".into()
        )]
    );
    assert_eq!(
        para(&minute(3).narrative[0]),
        "There were no questions for the Leader or Cabinet Members."
    );
    // Agenda wording with its Symbol-font bullets as a list.
    assert_eq!(
        m.items[3].agenda_note[1],
        Block::List(vec![
            "Any matter relating to the Council’s administration".into(),
            "Any matter relating to any report of the Cabinet appearing on the summons".into(),
            "A matter coming within their portfolio of responsibilities".into(),
        ])
    );
    let m55 = minute(4);
    assert_eq!(m55.number, "55");
    assert_eq!(m55.narrative.len(), 10);
    assert!(para(&m55.narrative[0]).starts_with(
        "Cabinet considered the report of the Head of Paid Service concerning final proposals"
    ));
    assert!(para(&m55.narrative[8])
        .contains("a £21m starting deficit and the East with a £21m surplus"));
    assert_eq!(
        para(&m55.narrative[9]),
        "The recommendations of the report (2.1) were proposed by the Leader of the Council proposed, seconded by the Deputy Leader of the Council, put to a vote and passed."
    );
    let r = m55.resolution.as_ref().expect("RESOLVED (1), (2)");
    assert!(!m55.resolutions_not_itemised);
    assert_eq!(r.preamble, None);
    let parts: Vec<(Option<&str>, &str)> = r
        .parts
        .iter()
        .map(|p| (p.number.as_deref(), p.text.as_str()))
        .collect();
    assert_eq!(
        parts,
        [
            (Some("1"), "to submit to Government the Greater Gloucester/Gloucestershire proposal for Local Government Reorganisation in Gloucestershire, as per the advisory vote by Council;"),
            (Some("2"), "to delegate to the Managing Director, in consultation with the Leader, the authority to make any necessary non-material amendments to the Final Proposal, to draft a covering letter, and submit the Final Proposal to the Secretary of State for Housing, Communities and Local Government."),
        ]
    );
    // The executive decision, imported the same way.
    let item = &m.items[4];
    assert_eq!(item.executive_decision, Some(true));
    assert_eq!(item.call_in, Some(false));
    assert_eq!(item.exempt, Some(false));
    let d = item.decision.as_ref().unwrap();
    assert_eq!(d.resolution.as_ref(), Some(r));
    assert!(d.narrative.is_empty() && !d.resolutions_not_itemised);
    assert_eq!(
        d.url.as_deref(),
        Some("https://democracy.gloucester.gov.uk/ieDecisionDetails.aspx?AIId=44127")
    );
    assert!(m.items[..4].iter().all(|i| i.decision.is_none()));
}

#[test]
fn documents() {
    let (_, out) = mapped();
    let docs: Vec<(&str, DocumentKind, Option<&str>)> = out
        .meeting
        .items
        .iter()
        .flat_map(|i| i.documents.iter())
        .map(|d| (d.title.as_str(), d.kind, d.url.as_deref()))
        .collect();
    let u = |id: u32| format!("https://democracy.gloucester.gov.uk/mgConvert2PDF.aspx?ID={id}");
    let expected = [
        ("Cabinet - Public Questions", DocumentKind::Other, u(65461)),
        (
            "Final proposals for Local Government Reorganisation in Gloucestershire",
            DocumentKind::Other,
            u(65412),
        ),
        (
            "Appendix 1 Option 1 - Single Countywide Unitary",
            DocumentKind::Appendix,
            u(65413),
        ),
        (
            "Appendix 2 Option 2 - East/West 2 Unitary",
            DocumentKind::Appendix,
            u(65414),
        ),
        (
            "Appendix 3 Option 3 - Gloucester/Gloucestershire 2 Unitary",
            DocumentKind::Appendix,
            u(65415),
        ),
        (
            "Appendix 3B Inner Circle Report: A Case for Cities",
            DocumentKind::Appendix,
            u(65416),
        ),
        (
            "Appendix 3E Cratus Public Engagement Report",
            DocumentKind::Appendix,
            u(65417),
        ),
    ];
    assert_eq!(docs.len(), expected.len());
    for (got, want) in docs.iter().zip(&expected) {
        assert_eq!(
            (got.0, got.1, got.2),
            (want.0, want.1, Some(want.2.as_str()))
        );
    }
    let first = &out.meeting.items[1].documents[0];
    assert_eq!(first.published, Date::new(2025, 11, 13));
    assert_eq!(first.exempt, Some(false));
}

#[test]
fn attendance_with_roles() {
    let (_, out) = mapped();
    let a = out.meeting.attendance.unwrap();
    let present: Vec<(&str, Option<ChairRole>)> = a
        .present
        .as_ref()
        .unwrap()
        .iter()
        .map(|p| (p.name.as_str(), p.chair))
        .collect();
    assert_eq!(
        present,
        [
            ("Councillor Jeremy Hilton", Some(ChairRole::InTheChair)),
            ("Councillor Declan Wilson", Some(ChairRole::ViceChair)),
            ("Councillor Caroline Courtney", None),
            ("Councillor Sebastian Field", None),
            ("Councillor Sarah Sawyer", None),
            ("Councillor Luke Shervey", None),
            ("Councillor Rebecca Trimnell", None),
        ]
    );
    // Officers are kept apart from the members, with their job titles.
    let officers: Vec<(&str, Option<&str>)> = a
        .also_present
        .as_ref()
        .unwrap()
        .iter()
        .map(|p| (p.name.as_str(), p.capacity.as_deref()))
        .collect();
    assert_eq!(
        officers,
        [
            ("Jon McGinty", Some("Managing Director")),
            ("Ruth Saunders", Some("Corporate Director")),
            ("Tom Clark", Some("Deputy Monitoring Officer")),
            ("Andrew Hearne", Some("Head of Place")),
            (
                "Iain Stark",
                Some("Head of Transformation and Commissioning")
            ),
            (
                "David Rice",
                Some("Democratic and Electoral Services Officer")
            ),
        ]
    );
    assert_eq!(a.not_present, None);
    assert_eq!(a.apologies, None, "no Apologies item: not published");
    assert_eq!(
        a.declarations,
        Declarations::NoneDeclared {
            text: "There were no declarations of interest.".into()
        }
    );
    assert_eq!(a.declarations_count, Some(0));
}

/// Lose no words: every word a reader sees in the source HTML is in the output, in order.
#[test]
fn no_word_lost_and_no_html_passed_on() {
    let (mg, out) = mapped();
    for (it, item) in mg.items_in_order().into_iter().zip(&out.meeting.items) {
        if let Some(html) = &it.agenda_html {
            let text = MinuteText {
                narrative: item.agenda_note.clone(),
                ..Default::default()
            };
            assert_eq!(
                text.words(),
                minutes::visible_words(html),
                "agenda {}",
                it.id
            );
        }
        for html in [&it.minutes_html, &it.decision_html].into_iter().flatten() {
            let text = minutes::convert_minute(html);
            assert!(!minutes::visible_words(html).is_empty());
            assert_eq!(text.words(), minutes::visible_words(html), "item {}", it.id);
        }
    }
    let json = serde_json::to_string(&out.meeting).unwrap();
    for html in [
        "<", ">", "&nbsp", "&#", "&rsquo", "&amp", "Mso", "\u{a0}", "\u{b7}",
    ] {
        assert!(!json.contains(html), "{html} reached the output");
    }
}

#[test]
fn people_register() {
    let (mg, _) = mapped();
    let councillors =
        xml::parse_councillors(&read("gloucester/GetCouncillorsByWard.redacted.xml")).unwrap();
    assert!(councillors.len() > 30);
    let (register, warnings) = map::people_register(&cfg(), &mg.attendees, &councillors, None);
    assert!(warnings.is_empty(), "{warnings:?}");
    let json = serde_json::to_string(&register).unwrap();
    let back: PeopleRegister =
        minutebook_data::parse_checked("people/gloucester.json", &json).unwrap();
    assert_eq!(back, register);
    assert!(
        !json.contains("REDACTED"),
        "no address, phone or email is published"
    );
    assert_eq!(register.people.len(), 13);
    let hilton = &register.people[0];
    assert_eq!(hilton.id, "gloucester-jeremy-hilton");
    assert_eq!(hilton.name, "Councillor Jeremy Hilton");
    assert_eq!(hilton.aliases, ["Councillor Jeremy Hilton"]);
    assert_eq!(hilton.kind, PersonKind::Councillor);
    assert_eq!(hilton.source_id.as_deref(), Some("129"));
    // From GetCouncillorsByWard, in full rather than the attendee's "LIBDEM" / "K&W".
    let full = councillors.iter().find(|c| c.id == "129").unwrap();
    assert_eq!(hilton.party, full.party);
    assert_eq!(hilton.ward, full.ward);
    let officer = register
        .people
        .iter()
        .find(|p| p.name == "Jon McGinty")
        .unwrap();
    assert_eq!(officer.kind, PersonKind::Officer);
    assert_eq!(officer.id, "gloucester-jon-mcginty");
    assert_eq!(
        (officer.party.as_ref(), officer.ward.as_ref()),
        (None, None)
    );
    // Without the councillors list, the attendee's own values, unescaped.
    let (r, _) = map::people_register(&cfg(), &mg.attendees, &[], None);
    assert_eq!(r.people[0].party.as_deref(), Some("LIBDEM"));
    assert_eq!(r.people[0].ward.as_deref(), Some("K&W"));
    // A hand-written entry with the same printed name is that person: it keeps its id and
    // takes the member id.
    let mut hand = register.clone();
    hand.people.truncate(1);
    hand.people[0].id = "gloucester-cllr-hilton".into();
    hand.people[0].source_id = None;
    let (merged, w) = map::people_register(&cfg(), &mg.attendees, &councillors, Some(&hand));
    assert!(w.is_empty());
    assert_eq!(merged.people.len(), 13);
    assert_eq!(merged.people[0].id, "gloucester-cllr-hilton");
    assert_eq!(merged.people[0].source_id.as_deref(), Some("129"));
    // Running again keeps everyone's id and adds no one.
    let (again, _) = map::people_register(&cfg(), &mg.attendees, &councillors, Some(&register));
    assert_eq!(again, register);
}

#[test]
fn committees() {
    let list = xml::parse_committees(&read("gloucester/GetCommittees.xml")).unwrap();
    assert_eq!(list.committees.len(), 131);
    assert!(list.rejected.is_empty());
    let out = map::map_committees(&cfg(), &list);
    assert_eq!(out.committees.len(), 131, "none is deleted");
    assert_eq!(
        out.committees
            .iter()
            .filter(|c| c.expired == Some(true))
            .count(),
        116
    );
    let c = cabinet();
    assert_eq!(
        (c.id.as_str(), c.title.as_str()),
        ("gloucester-cabinet", "Cabinet")
    );
    assert_eq!(c.category.as_deref(), Some("Cabinet"));
    assert_eq!(c.expired, Some(false));
    let mut ids: Vec<&str> = out.committees.iter().map(|c| c.id.as_str()).collect();
    assert!(ids.iter().all(|i| minutebook_data::id_problem(i).is_none()));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 131);
    let file = CouncilFile {
        format: FORMAT.into(),
        council: map::council(&cfg()),
        committees: out.committees,
    };
    let json = serde_json::to_string(&file).unwrap();
    let back: CouncilFile =
        minutebook_data::parse_checked("councils/gloucester.json", &json).unwrap();
    assert_eq!(back, file);
    assert_eq!(
        back.council.website.as_deref(),
        Some("https://democracy.gloucester.gov.uk")
    );
}

#[test]
fn meetings_list() {
    let list =
        xml::parse_meetings(&read("gloucester/GetMeetings_committee129_2024-2025.xml")).unwrap();
    assert_eq!(list.meetings.len(), 20);
    assert!(list.rejected.is_empty());
    assert!(list.meetings.iter().all(|m| m.committee_id == Some(129)));
    assert_eq!(
        list.meetings
            .iter()
            .filter(|m| m.status.is_cancelled())
            .count(),
        1
    );
    let special: Vec<_> = list
        .meetings
        .iter()
        .filter(|m| m.status.meeting_type.is_some())
        .collect();
    assert_eq!(special.len(), 1);
    assert_eq!(special[0].status.status, "Confirmed");
    assert_eq!(
        special[0].status.meeting_type.as_deref(),
        Some("Special Meeting")
    );
    assert_eq!(list.meetings[0].date, Date::new(2024, 1, 10).unwrap());
    assert_eq!(
        list.meetings[0].time,
        Some(Time {
            hour: 18,
            minute: 0
        })
    );
    let ids = map::meeting_ids(
        "gloucester-cabinet",
        list.meetings.iter().map(|m| (m.id, m.date)),
    );
    assert_eq!(ids[&7217], "gloucester-cabinet-2024-01-10");
}

#[test]
fn cancelled_meeting_in_manchester() {
    let cfg = CouncilConfig::new(
        "manchester",
        "Manchester City Council",
        "https://democracy.manchester.gov.uk",
    );
    let list = xml::parse_committees(&read("manchester/GetCommittees.trimmed.xml")).unwrap();
    let committees = map::map_committees(&cfg, &list).committees;
    let audit = committees
        .iter()
        .find(|c| c.source_id.as_deref() == Some("144"))
        .unwrap();
    assert_eq!(audit.id, "manchester-audit-committee");
    assert_eq!(
        committees
            .iter()
            .find(|c| c.source_id.as_deref() == Some("312"))
            .unwrap()
            .expired,
        Some(true)
    );
    let m = xml::parse_meeting(&read("manchester/GetMeeting_4966_cancelled.xml")).unwrap();
    let out = map::map_meeting(
        &cfg,
        audit,
        &m,
        "manchester-audit-committee-2026-01-13",
        today(),
    )
    .unwrap();
    let m = round_trip_any(&out.meeting);
    assert_eq!(m.status, MeetingStatus::Cancelled);
    assert!(!m.agenda_published && m.items.is_empty());
    assert_eq!(m.minutes, MinutesStatus::NotPublished);
    assert_eq!(m.attendance, None, "a cancelled meeting has no attendance");
    assert_eq!(
        m.start_time,
        Some(Time {
            hour: 10,
            minute: 0
        })
    );
    assert_eq!(m.actual_start_time, None);
    assert_eq!(m.room, None);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

fn round_trip_any(meeting: &Meeting) -> Meeting {
    let json = serde_json::to_string(meeting).unwrap();
    let back: Meeting =
        minutebook_data::parse_checked(&format!("meetings/{}.json", meeting.id), &json)
            .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(&back, meeting);
    back
}

#[test]
fn what_is_not_xml() {
    assert!(matches!(
        xml::parse_councillors(&read("errors/leeds-2016-not-xml-sharepoint-error.html")),
        Err(XmlError::HtmlPage { title: Some(t) }) if t == "Error"
    ));
    assert_eq!(
        xml::parse_councillors(&read("errors/denbighshire-2016-not-xml-redirect-stub.html")),
        Err(XmlError::RedirectStub)
    );
    // Valid XML with no data is no error for its own method, and the wrong root for another.
    assert_eq!(
        xml::parse_councillors(&read("errors/eastherts-2016-empty-wards.xml")),
        Ok(vec![])
    );
    assert_eq!(
        xml::parse_meeting(&read("errors/eastherts-2016-empty-wards.xml")),
        Err(XmlError::WrongRoot {
            expected: "meeting",
            found: "councillorsbyward".into()
        })
    );
    let body = read("gloucester/GetMeeting_7837.xml");
    assert!(matches!(
        xml::parse_meeting(&body[..body.len() / 2]),
        Err(XmlError::Malformed { .. })
    ));
    assert!(xml::parse_meeting(&read("gloucester/GetAttachment_65461.xml")).is_err());
}
