//! Calendars and Atom feeds from `minutebook feeds`, read back by independent parsers
//! (`ical` for iCalendar, `atom_syndication` for Atom) and checked against the data.

use minutebook_data::{Catalogue, DatePrecision, MinutesStatus, SourceDocument, SourceKind};
use minutebook_tools::catalogue::{self, DataSet};
use minutebook_tools::feeds::{self, Site};
use std::collections::{BTreeMap, BTreeSet};
use std::io::BufReader;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dataset() -> (DataSet, Catalogue) {
    let data = catalogue::read_dataset(&root().join("public/data")).expect("dataset reads");
    let cat = catalogue::build(&data).expect("catalogue builds");
    (data, cat)
}

fn council_site() -> Site {
    Site::new(None, Some("https://council.example/meetings/")).unwrap()
}

type Props = BTreeMap<String, (String, Vec<(String, Vec<String>)>)>;

/// Each VEVENT's properties by name: (value, parameters).
fn parse_ics(text: &str) -> (Props, Vec<Props>) {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser
        .next()
        .expect("one VCALENDAR")
        .expect("the calendar parses");
    assert!(parser.next().is_none(), "exactly one VCALENDAR");
    let props = |ps: &[ical::property::Property]| -> Props {
        ps.iter()
            .map(|p| {
                (
                    p.name.clone(),
                    (
                        p.value.clone().unwrap_or_default(),
                        p.params.clone().unwrap_or_default(),
                    ),
                )
            })
            .collect()
    };
    (
        props(&cal.properties),
        cal.events.iter().map(|e| props(&e.properties)).collect(),
    )
}

#[test]
fn committee_calendars_parse_and_hold_every_meeting_with_a_known_day() {
    let (data, cat) = dataset();
    let files: BTreeMap<String, String> = feeds::files(&data, &cat, &council_site())
        .into_iter()
        .collect();
    for k in &cat.committees {
        let text = &files[&format!("calendars/{}.ics", k.id)];
        assert!(text.contains("\r\n"), "iCalendar lines end in CRLF");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        }
        let (cal, events) = parse_ics(text);
        assert_eq!(cal["VERSION"].0, "2.0");
        assert!(cal.contains_key("PRODID"));
        let expected: Vec<_> = cat
            .meetings_of(&k.id)
            .filter(|m| m.date_precision == DatePrecision::Day)
            .collect();
        assert_eq!(
            events.len(),
            expected.len(),
            "{}: one event per meeting with a known day",
            k.id
        );
        let uids: BTreeSet<_> = events.iter().map(|e| e["UID"].0.clone()).collect();
        assert_eq!(uids.len(), events.len(), "UIDs are unique");
        for m in expected {
            let ev = events
                .iter()
                .find(|e| e["UID"].0 == format!("{}@minutebook", m.id))
                .expect("event for the meeting");
            assert_eq!(ev["SUMMARY"].0, k.title.replace(',', "\\,"));
            assert_eq!(
                ev["URL"].0,
                format!("https://council.example/meetings/meetings/{}", m.id)
            );
            let (start, params) = &ev["DTSTART"];
            match m.start_time {
                // Timed events are in UTC, with no end: the papers never give one.
                Some(_) => {
                    assert!(start.ends_with('Z'), "{start}");
                    assert!(
                        !ev.contains_key("DTEND") && !ev.contains_key("DURATION"),
                        "no invented end time"
                    );
                }
                None => {
                    assert_eq!(start, &m.date.to_string().replace('-', ""));
                    assert!(
                        params
                            .iter()
                            .any(|(n, v)| n == "VALUE" && v == &["DATE".to_string()]),
                        "{params:?}"
                    );
                    let next = minutebook_domain::dates::date_from_days(
                        minutebook_domain::dates::days_from_epoch(m.date) + 1,
                    );
                    assert_eq!(
                        ev["DTEND"].0,
                        next.to_string().replace('-', ""),
                        "an all-day event ends the next day"
                    );
                }
            }
        }
    }
    let sefton = parse_ics(&files["calendars/sefton-osc-children.ics"]).1;
    let nov = sefton
        .iter()
        .find(|e| e["UID"].0 == "sefton-osc-children-2022-11-07@minutebook")
        .unwrap();
    assert_eq!(nov["DTSTART"].0, "20221107T183000Z");
    assert!(
        nov["LOCATION"].0.contains("Bootle Town Hall"),
        "{}",
        nov["LOCATION"].0
    );
    // St Helens' January 2022 meeting is known only to the month: no event for it.
    let st_helens = parse_ics(&files["calendars/st-helens-cyp-scrutiny.ics"]).1;
    assert!(!st_helens
        .iter()
        .any(|e| e["UID"].0.starts_with("st-helens-cyp-scrutiny-2022-01@")));
}

#[test]
fn atom_feeds_parse_and_list_published_agendas_and_minutes() {
    let (data, cat) = dataset();
    let files: BTreeMap<String, String> = feeds::files(&data, &cat, &council_site())
        .into_iter()
        .collect();
    let expected = |pred: &dyn Fn(&minutebook_data::Meeting) -> bool| -> usize {
        data.meetings
            .iter()
            .filter(|m| pred(m))
            .map(|m| {
                m.agenda_published as usize + (m.minutes != MinutesStatus::NotPublished) as usize
            })
            .sum()
    };
    let mut all_ids = BTreeSet::new();
    for k in &cat.committees {
        let text = &files[&format!("feeds/{}.atom", k.id)];
        let feed: atom_syndication::Feed = text
            .parse()
            .unwrap_or_else(|e| panic!("feeds/{}.atom: {e}", k.id));
        assert_eq!(
            feed.title().value,
            format!("{}: agendas and minutes", k.title)
        );
        assert_eq!(feed.id(), format!("tag:minutebook,2024:feeds/{}", k.id));
        assert!(!feed.authors().is_empty(), "a feed needs an author");
        let links: BTreeMap<_, _> = feed
            .links()
            .iter()
            .map(|l| (l.rel().to_string(), l.href().to_string()))
            .collect();
        assert_eq!(
            links["self"],
            format!("https://council.example/meetings/data/feeds/{}.atom", k.id)
        );
        assert_eq!(
            links["alternate"],
            format!("https://council.example/meetings/committees/{}", k.id)
        );
        assert_eq!(
            feed.entries().len(),
            expected(&|m| m.committee == k.id),
            "{}",
            k.id
        );
        let mut last = None;
        for e in feed.entries() {
            assert!(
                all_ids.insert(e.id().to_string()),
                "entry ids are unique: {}",
                e.id()
            );
            assert!(
                e.title().value.starts_with("Agenda: ") || e.title().value.starts_with("Minutes: ")
            );
            assert!(e.summary().is_some_and(|s| !s.value.is_empty()));
            assert_eq!(e.links().len(), 1);
            assert!(e.links()[0]
                .href()
                .starts_with("https://council.example/meetings/meetings/"));
            if let Some(prev) = last {
                assert!(e.updated() <= prev, "newest first");
            }
            last = Some(e.updated());
        }
        if let Some(first) = feed.entries().first() {
            assert_eq!(
                feed.updated(),
                first.updated(),
                "the feed is as new as its newest entry"
            );
        }
    }
    // The council feed holds every committee's entries.
    let sefton: atom_syndication::Feed = files["feeds/sefton.atom"].parse().unwrap();
    assert_eq!(
        sefton.entries().len(),
        expected(&|m| m.committee.starts_with("sefton-"))
    );
    let nov = sefton
        .entries()
        .iter()
        .find(|e| e.id() == "tag:minutebook,2024:meetings/sefton-osc-children-2022-11-07/agenda")
        .expect("the 7 November 2022 agenda");
    assert_eq!(nov.title().value, "Agenda: Overview and Scrutiny Committee (Children's Services and Safeguarding), Monday 7 November 2022, 6.30pm");
    // No publication date in the data: dated by the meeting.
    assert_eq!(nov.updated().to_rfc3339(), "2022-11-07T00:00:00+00:00");
}

#[test]
fn entries_are_dated_by_publication_when_the_data_says() {
    let (data, _) = dataset();
    let mut m = data
        .meetings
        .iter()
        .find(|m| m.id == "sefton-osc-children-2022-09-27")
        .unwrap()
        .clone();
    let source = |kind, published: &str| SourceDocument {
        id: published.into(),
        title: "x".into(),
        kind,
        published: Some(minutebook_data::Date::parse(published).unwrap()),
        url: None,
        note: None,
    };
    assert_eq!(feeds::agenda_published(&m), None);
    m.sources.push(source(SourceKind::AgendaPack, "2022-09-19"));
    m.sources
        .push(source(SourceKind::SupplementaryAgenda, "2022-09-23"));
    // A later pack (the next meeting's, carrying these minutes) is not the agenda.
    m.sources.push(source(SourceKind::AgendaPack, "2022-10-28"));
    assert_eq!(
        feeds::agenda_published(&m).unwrap().to_string(),
        "2022-09-19"
    );
    assert_eq!(
        feeds::minutes_published(&m).unwrap().to_string(),
        "2022-10-28"
    );
    m.sources.push(source(SourceKind::Minutes, "2022-10-05"));
    assert_eq!(
        feeds::minutes_published(&m).unwrap().to_string(),
        "2022-10-05"
    );
}

#[test]
fn text_is_escaped_and_links_work_without_an_origin() {
    let (mut data, mut cat) = dataset();
    cat.committees[0].title = "Audit & <Governance> \"Committee\"".into();
    for c in data.councils.iter_mut() {
        for k in c.committees.iter_mut() {
            if k.id == cat.committees[0].id {
                k.title = cat.committees[0].title.clone();
            }
        }
    }
    let id = cat.committees[0].id.clone();
    let site = Site::new(Some("/meetings/"), None).unwrap();
    let files: BTreeMap<String, String> = feeds::files(&data, &cat, &site).into_iter().collect();
    let feed: atom_syndication::Feed = files[&format!("feeds/{id}.atom")]
        .parse()
        .expect("escaped XML parses");
    assert_eq!(
        feed.title().value,
        "Audit & <Governance> \"Committee\": agendas and minutes"
    );
    // Root-relative links, resolved by readers against the feed's address.
    assert!(feed
        .links()
        .iter()
        .any(|l| l.href() == format!("/meetings/data/feeds/{id}.atom")));
    // Calendar URLs must be absolute: without an origin, events carry none.
    let (_, events) = parse_ics(&files[&format!("calendars/{id}.ics")]);
    assert!(!events.is_empty() && events.iter().all(|e| !e.contains_key("URL")));
}

#[test]
fn site_settings() {
    assert_eq!(
        Site::new(None, None).unwrap().url("meetings/x"),
        "/meetings/x"
    );
    assert_eq!(
        Site::new(Some("meetings"), None).unwrap().url("data/a"),
        "/meetings/data/a"
    );
    let s = Site::new(Some("/"), Some("https://council.example")).unwrap();
    assert_eq!(
        s.url("committees/k"),
        "https://council.example/committees/k"
    );
    let s = Site::new(Some("/ignored/"), Some("https://council.example/meetings")).unwrap();
    assert_eq!(s.url(""), "https://council.example/meetings/");
    let s = Site::new(Some("https://council.example/meetings/"), Some("")).unwrap();
    assert_eq!(s.url("data/x"), "https://council.example/meetings/data/x");
    assert!(Site::new(None, Some("council.example")).is_err());
    assert!(Site::new(None, Some("javascript:alert(1)")).is_err());
}

#[test]
fn write_puts_files_under_the_output_folder() {
    let out = std::env::temp_dir().join(format!("minutebook-feeds-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let written =
        feeds::write(&root().join("public/data"), &out, &Site::default()).expect("feeds written");
    for f in [
        "calendars/sefton-osc-children.ics",
        "feeds/sefton-osc-children.atom",
        "feeds/sefton.atom",
        "feeds/st-helens.atom",
    ] {
        assert!(written.iter().any(|w| w == f), "{f} in {written:?}");
        assert!(out.join(f).is_file(), "{f}");
    }
    let _ = std::fs::remove_dir_all(&out);
}
