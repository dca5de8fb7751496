//! `minutebook feeds` fed hostile text (issue 12): committee titles, council names, venues
//! and meeting ids holding characters XML cannot carry, markup, entity look-alikes and
//! line breaks that try to forge calendar events. Every Atom feed must be well-formed XML
//! 1.0 (read by `roxmltree`, which refuses anything else) and readable by
//! `atom_syndication`, with the text read back equal to the input minus the characters
//! XML cannot carry; every calendar must read back (`ical`) with one event per meeting
//! and nothing injected.

use minutebook_data::{Catalogue, DatePrecision, Venue};
use minutebook_tools::catalogue::{self, DataSet};
use minutebook_tools::feeds::{self, Site};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn dataset() -> (DataSet, Catalogue) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let data = catalogue::read_dataset(&root).expect("dataset reads");
    let cat = catalogue::build(&data).expect("catalogue builds");
    (data, cat)
}

fn site() -> Site {
    Site::new(None, Some("https://council.example/meetings/")).unwrap()
}

const HOSTILE: &[&str] = &[
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{1}",
    "]]>",
    "<script>alert(1)</script>",
    "&amp;",
    "&#0; &#xFFFF; &bogus;",
    "<![CDATA[x]]>",
    "\u{FDD0}\u{1FFFE}\u{10FFFF}\u{7F}\u{85}",
    "\u{0}\u{8}\u{B}\u{C}\u{1B}[31m",
    "line\r\nbreak\rand\nmore\ttab",
    "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nATTACH:http://evil.example/x.exe",
    "Pwyllgor — ŵŷ 🏛️ \"quoted\" 'apos' ; , \\",
];

/// What XML can carry of `s`, by the rule in XML 1.0 §2.2 (allowed, and not
/// discouraged), with line breaks as an XML parser reads them.
fn expected(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| {
            let n = c as u32;
            let allowed =
                matches!(n, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF);
            let discouraged = matches!(n, 0x7F..=0x9F | 0xFDD0..=0xFDEF) || n & 0xFFFE == 0xFFFE;
            allowed && !discouraged
        })
        .collect()
}

/// One hostile data set: the first committee, its council and every meeting venue carry
/// `h`; the committee's meetings have ids with spaces and markup.
fn hostile(h: &str) -> (DataSet, Catalogue, String, String) {
    let (mut data, mut cat) = dataset();
    let title = format!("Audit {h} Committee");
    let council_name = format!("Council {h}");
    let k = cat.committees[0].clone();
    cat.committees[0].title = title.clone();
    for c in cat.councils.iter_mut().filter(|c| c.id == k.council) {
        c.name = council_name.clone();
    }
    let odd_id = |id: &str| format!("{id} \"<{h}>\"");
    for m in cat.meetings.iter_mut() {
        m.venue = Some(Venue {
            name: format!("Room {h}"),
            address: Some(format!("{h}, Town Hall")),
        });
        if m.committee == k.id {
            m.id = odd_id(&m.id);
        }
    }
    for m in data.meetings.iter_mut().filter(|m| m.committee == k.id) {
        m.id = odd_id(&m.id);
    }
    (data, cat, title, council_name)
}

#[test]
fn the_xml_parser_is_strict() {
    // So that a feed it accepts is well-formed: the old writer's failure is refused.
    assert!(roxmltree::Document::parse("<a>\u{FFFF}</a>").is_err());
    assert!(roxmltree::Document::parse("<a>\u{1}</a>").is_err());
    assert!(roxmltree::Document::parse("<a>&bogus;</a>").is_err());
    assert!(roxmltree::Document::parse("<a>\u{85}</a>").is_ok());
}

#[test]
fn feeds_with_hostile_text_are_well_formed_and_read_back() {
    for h in HOSTILE {
        let (data, cat, title, council_name) = hostile(h);
        let k = &cat.committees[0];
        let files: BTreeMap<String, String> =
            feeds::files(&data, &cat, &site()).into_iter().collect();
        for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".atom")) {
            let doc = roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{h:?}: {path} is not well-formed XML: {e}"));
            assert!(
                doc.descendants().all(|n| !n.has_tag_name("script")),
                "{h:?}: markup was written as markup in {path}"
            );
            let feed: atom_syndication::Feed = text
                .parse()
                .unwrap_or_else(|e| panic!("{h:?}: {path}: {e}"));
            assert_eq!(feed.lang(), Some("en-GB"));
            for e in feed.entries() {
                for l in e.links() {
                    assert!(
                        !l.href().contains([' ', '"', '<', '>', '\n', '\r']),
                        "{h:?}: {}",
                        l.href()
                    );
                }
            }
            // Every title as roxmltree reads it equals what atom_syndication reads.
            let titles: Vec<String> = doc
                .descendants()
                .filter(|n| n.has_tag_name("title"))
                .map(|n| n.text().unwrap_or("").to_string())
                .collect();
            let mut parsed = vec![feed.title().value.clone()];
            parsed.extend(feed.entries().iter().map(|e| e.title().value.clone()));
            assert_eq!(titles, parsed, "{h:?}: {path}");
        }
        let feed: atom_syndication::Feed = files[&format!("feeds/{}.atom", k.id)].parse().unwrap();
        assert_eq!(
            feed.title().value,
            format!("{}: agendas and minutes", expected(&title)),
            "{h:?}"
        );
        assert_eq!(feed.subtitle().unwrap().value, expected(&council_name));
        assert_eq!(feed.authors()[0].name(), expected(&council_name));
        assert!(!feed.entries().is_empty());
        for e in feed.entries() {
            assert!(
                e.title().value.contains(&expected(&title)),
                "{h:?}: {}",
                e.title().value
            );
            assert!(e.summary().unwrap().value.contains(&expected(&title)));
        }
        let council: atom_syndication::Feed =
            files[&format!("feeds/{}.atom", k.council)].parse().unwrap();
        assert_eq!(
            council.title().value,
            format!("{}: committee agendas and minutes", expected(&council_name))
        );
    }
}

#[test]
fn feeds_are_deterministic() {
    let (data, cat, _, _) = hostile("\u{FFFF}<b>&amp;</b>\r\n");
    let atoms = || -> Vec<(String, String)> {
        feeds::files(&data, &cat, &site())
            .into_iter()
            .filter(|(p, _)| p.ends_with(".atom"))
            .collect()
    };
    let first = atoms();
    assert!(!first.is_empty());
    assert_eq!(first, atoms(), "same data, same bytes");
}

/// Reverses RFC 5545 TEXT escaping.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(x) => out.push(x),
                None => panic!("a trailing backslash in {s:?}"),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[test]
fn calendars_with_hostile_text_hold_one_event_per_meeting_and_nothing_else() {
    for h in HOSTILE {
        let (data, cat, title, council_name) = hostile(h);
        let k = &cat.committees[0];
        let files: BTreeMap<String, String> =
            feeds::files(&data, &cat, &site()).into_iter().collect();
        let text = &files[&format!("calendars/{}.ics", k.id)];
        assert!(text.ends_with("\r\n"));
        for line in text[..text.len() - 2].split("\r\n") {
            assert!(line.len() <= 75, "{h:?}: {} octets: {line:?}", line.len());
            assert!(
                !line.contains(['\r', '\n']),
                "{h:?}: bare CR or LF: {line:?}"
            );
        }
        let mut parser = ical::IcalParser::new(text.as_bytes());
        let cal = parser.next().expect("a calendar").expect("it parses");
        assert!(parser.next().is_none(), "one VCALENDAR");
        let meetings: Vec<_> = cat
            .meetings_of(&k.id)
            .filter(|m| m.date_precision == DatePrecision::Day)
            .collect();
        assert_eq!(
            cal.events.len(),
            meetings.len(),
            "{h:?}: one VEVENT per meeting"
        );
        let ical_text = |s: &str| -> String {
            // RFC 5545 TEXT: line breaks become \n, other controls but TAB are dropped.
            s.replace("\r\n", "\n")
                .replace('\r', "\n")
                .chars()
                .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
                .collect()
        };
        for p in &cal.properties {
            assert!(
                ["VERSION", "PRODID", "CALSCALE", "NAME", "X-WR-CALNAME"]
                    .contains(&p.name.as_str()),
                "{h:?}: injected {}",
                p.name
            );
            if p.name == "NAME" {
                assert_eq!(
                    unescape(p.value.as_deref().unwrap()),
                    ical_text(&format!("{title} ({council_name})"))
                );
            }
        }
        for (e, m) in cal.events.iter().zip(&meetings) {
            let get = |n: &str| -> Vec<String> {
                e.properties
                    .iter()
                    .filter(|p| p.name == n)
                    .map(|p| unescape(p.value.as_deref().unwrap_or("")))
                    .collect()
            };
            assert!(get("ATTACH").is_empty(), "{h:?}: ATTACH injected");
            assert_eq!(get("UID"), [format!("{}@minutebook", ical_text(&m.id))]);
            assert_eq!(get("SUMMARY"), [ical_text(&title)], "{h:?}");
            assert_eq!(
                get("LOCATION"),
                [ical_text(&format!("Room {h}, {h}, Town Hall"))],
                "{h:?}"
            );
            let url = get("URL");
            assert_eq!(url.len(), 1);
            assert!(!url[0].contains([' ', '"', '<', '>']), "{}", url[0]);
        }
    }
}

#[test]
fn odd_data_never_panics_and_still_gives_valid_feeds() {
    let (mut data, mut cat) = dataset();
    // A date beyond what Atom and iCalendar can write (check refuses it; feeds must not
    // panic on it), empty titles and names.
    let k = cat.committees[0].id.clone();
    for m in data.meetings.iter_mut().filter(|m| m.committee == k) {
        m.date.year = 10356;
    }
    for m in cat.meetings.iter_mut().filter(|m| m.committee == k) {
        m.date.year = -44;
    }
    cat.committees[0].title.clear();
    for c in cat.councils.iter_mut() {
        c.name.clear();
    }
    for site in [
        site(),
        Site::default(),
        Site::new(Some("/a b/<c>/"), None).unwrap(),
    ] {
        for (path, text) in feeds::files(&data, &cat, &site) {
            if path.ends_with(".atom") {
                roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
                let feed: atom_syndication::Feed = text.parse().unwrap();
                for l in feed.links() {
                    assert!(!l.href().contains([' ', '<', '>']), "{}", l.href());
                }
            } else {
                let cal = ical::IcalParser::new(text.as_bytes())
                    .next()
                    .unwrap()
                    .unwrap();
                if path.contains(&k) {
                    assert!(cal.events.is_empty(), "no event without a writable date");
                }
            }
        }
    }
    assert!(Site::new(None, Some("https://council.example\r\n/x")).is_err());
    assert!(Site::new(None, Some("https://")).is_err());
    assert!(Site::new(None, Some("ftp://x")).is_err());
}
