//! Property tests for the parsers of outside input in the domain crate (issue 12): minute
//! references, follow-up request wording, and dates and times (council dates, Europe/London
//! conversions). Each never panics on any text, and what it accepts reads back the same.
//! Run by plain `cargo test`; the fuzz targets in /fuzz drive the same functions for longer.

use minutebook_data::{Date, Time};
use minutebook_domain::dates::{
    checked_date_from_days, date_from_days, days_from_epoch, long_date, municipal_year,
    municipal_year_label, parse_written_date, short_date, weekday_index,
};
use minutebook_domain::decisions::resolution_kind;
use minutebook_domain::followups::{add_months, due_date, LAST_DUE_YEAR, MAX_DUE_MONTHS};
use minutebook_domain::london::{is_bst_utc, last_sunday, offset_hours, to_utc, zone_name};
use minutebook_domain::references::{anchor, segments, Segment};
use minutebook_domain::requests::{asked, months_in, request, timing};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(512)
}

/// Any real calendar date in the years councils publish (and a margin either side).
fn date() -> impl Strategy<Value = Date> {
    (1800i32..2300, 1u8..=12, 1u8..=31)
        .prop_map(|(y, m, d)| (1..=d).rev().find_map(|d| Date::new(y, m, d)).unwrap())
}

/// Any date an `i32` year can hold.
fn any_date() -> impl Strategy<Value = Date> {
    (any::<i32>(), 1u8..=12, 1u8..=31)
        .prop_map(|(y, m, d)| (1..=d).rev().find_map(|d| Date::new(y, m, d)).unwrap())
}

fn time() -> impl Strategy<Value = Time> {
    (0u8..24, 0u8..60).prop_map(|(h, m)| Time::new(h, m).unwrap())
}

/// Text made of the words references and requests are written in, so the parsers get
/// past their first checks, mixed with anything at all.
fn paper_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "Minute No.", "Minutes No. ", "minute no", "MINUTE NO ", "Minute", "No.", " of ",
            " of the ", " and ", ", ", "(", ")", "(3)", "(b)", " 19", "19", "4", " refers",
            "7 November 2022", "27 September 2022", "31 June 2022", "7th November 99999",
            " be requested to ", " be provided by ", " in ", " months’ time", " months' time",
            " month’s time", "in 6 months time", " to the next meeting", " at a future meeting",
            " of the Committee", " scheduled for January 2022", " scheduled for ", " prior to ",
            "in due course", "six-monthly", "a report", " be noted", "briefing", " be arranged",
            "letter be", "That ", "she", " he ", ";", ".", " ", "é", "’", "\n", "\t",
        ]).prop_map(str::to_string),
        1 => ".{0,6}",
        1 => any::<u64>().prop_map(|n| n.to_string()),
    ];
    prop::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config())]

    // ---- minute references ----

    #[test]
    fn references_never_panic_and_keep_every_character(text in prop_oneof![paper_text(), ".{0,120}"]) {
        let segs = segments(&text);
        let joined: String = segs
            .iter()
            .map(|s| match s {
                Segment::Text(t) | Segment::Ref(t, _) => *t,
            })
            .collect();
        prop_assert_eq!(&joined, &text);
        for s in &segs {
            if let Segment::Ref(t, r) = s {
                prop_assert!(t.to_ascii_lowercase().contains(&r.minute) || t.contains(&r.minute));
                prop_assert!(r.minute.bytes().all(|b| b.is_ascii_digit()));
                let a = anchor(&r.minute, r.part.as_deref());
                prop_assert!(a.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }

    #[test]
    fn a_written_reference_reads_back(minute in 1u32..100_000, part in prop::option::of("[0-9a-z]{1,3}"), d in prop::option::of(date()), lead in "[A-Za-z ]{0,10}") {
        let mut written = format!("{lead}Minute No. {minute}");
        if let Some(p) = &part {
            written.push_str(&format!(" ({p})"));
        }
        if let Some(d) = d {
            written.push_str(&format!(" of {}", short_date(d)));
        }
        written.push_str(" refers.");
        let refs: Vec<_> = segments(&written)
            .into_iter()
            .filter_map(|s| match s {
                Segment::Ref(_, r) => Some(r),
                Segment::Text(_) => None,
            })
            .collect();
        prop_assert_eq!(refs.len(), 1, "{}", written);
        prop_assert_eq!(&refs[0].minute, &minute.to_string());
        prop_assert_eq!(&refs[0].part, &part);
        prop_assert_eq!(refs[0].date, d);
        prop_assert!(!refs[0].other_body);
    }

    #[test]
    fn anchors_are_ids_for_any_text(minute in ".{0,12}", part in prop::option::of(".{0,6}")) {
        let a = anchor(&minute, part.as_deref());
        prop_assert!(a.starts_with("minute-"));
        prop_assert!(a.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    }

    // ---- follow-up request wording ----

    #[test]
    fn request_wording_never_panics(text in prop_oneof![paper_text(), ".{0,120}"]) {
        let r = request(&text);
        let t = timing(&text);
        if let Some(t) = &t {
            // The timing is quoted from the text itself.
            prop_assert!(text.contains(t.as_str()), "{:?} not in {:?}", t, text);
            if let Some(n) = months_in(t) {
                let _ = due_date(Date::new(2022, 11, 7).unwrap(), n);
            }
        }
        if let Some(who) = asked(&text) {
            prop_assert!(!who.is_empty());
        }
        if let Some(r) = r {
            prop_assert_eq!(r.timing, t);
        }
        let _ = resolution_kind(&text);
    }

    #[test]
    fn months_time_gives_a_due_date_only_within_the_limits(
        n in prop_oneof![0u32..40, 0u32..2000, any::<u32>()],
        meeting in date(),
        quote in prop::sample::select(vec!["months’ time", "months' time", "months time"]),
    ) {
        let text = format!("the Director be requested to submit a report in {n} {quote};");
        let r = request(&text).expect("a request");
        let when = r.timing.expect("a timing");
        prop_assert_eq!(months_in(&when), Some(n));
        let due = due_date(meeting, n);
        let months = |d: Date| i64::from(d.year) * 12 + i64::from(d.month);
        match due {
            Some(due) => {
                prop_assert!(n <= MAX_DUE_MONTHS && due.year <= LAST_DUE_YEAR);
                prop_assert_eq!(months(due) - months(meeting), i64::from(n));
                prop_assert!(due >= meeting && due.day <= meeting.day);
                prop_assert!(Date::new(due.year, due.month, due.day).is_some());
            }
            None => {
                let plain = add_months(meeting, n).expect("fits in i32 from these years");
                prop_assert!(n > MAX_DUE_MONTHS || plain.year > LAST_DUE_YEAR);
            }
        }
    }

    #[test]
    fn add_months_never_overflows(d in any_date(), n in any::<u32>()) {
        if let Some(later) = add_months(d, n) {
            prop_assert!(later >= d);
            prop_assert!(Date::new(later.year, later.month, later.day).is_some());
        }
    }

    // ---- dates and times ----

    #[test]
    fn day_numbers_round_trip(d in any_date(), step in -400i64..400) {
        let days = days_from_epoch(d);
        prop_assert_eq!(checked_date_from_days(days), Some(d));
        prop_assert_eq!(date_from_days(days), d);
        let next = date_from_days(days.saturating_add(step));
        if checked_date_from_days(days + step).is_some() {
            prop_assert_eq!(days_from_epoch(next), days + step);
            prop_assert_eq!(weekday_index(next), (weekday_index(d) as i64 + step).rem_euclid(7) as usize);
        }
    }

    #[test]
    fn day_numbers_never_overflow(days in any::<i64>()) {
        let d = date_from_days(days);
        prop_assert!(Date::new(d.year, d.month, d.day).is_some());
        let _ = municipal_year(d);
        let _ = municipal_year_label(d.year);
        let _ = long_date(d, minutebook_data::DatePrecision::Day);
    }

    #[test]
    fn written_dates_read_back(d in date(), suffix in prop::sample::select(vec!["", "th", "st", "nd", "rd"]), comma in any::<bool>()) {
        let (day, rest) = short_date(d).split_once(' ').map(|(a, b)| (a.to_string(), b.to_string())).unwrap();
        let (month, year) = rest.split_once(' ').unwrap();
        let text = format!("{day}{suffix} {month}{} {year}", if comma { "," } else { "" });
        prop_assert_eq!(parse_written_date(&text), Some(d));
        prop_assert_eq!(parse_written_date(&short_date(d).to_uppercase()), Some(d));
    }

    #[test]
    fn written_dates_never_panic(text in prop_oneof![paper_text(), ".{0,40}", "[0-9]{1,3}(st|th)? [A-Za-z]{3,9},? [+-]?[0-9]{1,12}"]) {
        if let Some(d) = parse_written_date(&text) {
            prop_assert!(Date::new(d.year, d.month, d.day).is_some());
        }
    }

    #[test]
    fn contract_dates_and_times_read_back(text in prop_oneof![".{0,12}", "[+-]?[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}", "[0-9]{1,3}:[0-9]{1,3}"], d in date(), t in time()) {
        if let Ok(parsed) = Date::parse(&text) {
            prop_assert_eq!(Date::parse(&parsed.to_string()), Ok(parsed));
        }
        if let Ok(parsed) = Time::parse(&text) {
            prop_assert_eq!(Time::parse(&parsed.to_string()), Ok(parsed));
        }
        if (1900..=2200).contains(&d.year) {
            prop_assert_eq!(Date::parse(&d.to_string()), Ok(d));
        }
        prop_assert_eq!(Time::parse(&t.to_string()), Ok(t));
    }

    #[test]
    fn london_times_convert_and_come_back(d in date(), t in time()) {
        let (ud, ut) = to_utc(d, t);
        let offset = offset_hours(d, t);
        prop_assert!(offset == 0 || offset == 1);
        prop_assert_eq!(zone_name(d, t) == "BST", offset == 1);
        let minutes = |d: Date, t: Time| days_from_epoch(d) * 1440 + i64::from(t.hour) * 60 + i64::from(t.minute);
        prop_assert_eq!(minutes(d, t) - minutes(ud, ut), 60 * offset);
        // Back to local time by the UTC rule, except in the hour skipped in March.
        let spring = last_sunday(d.year, 3);
        let skipped = d == spring && t.hour == 1;
        if !skipped {
            let back = minutes(ud, ut) + if is_bst_utc(ud, ut) { 60 } else { 0 };
            prop_assert_eq!(back, minutes(d, t));
        }
        let s = last_sunday(d.year, d.month);
        prop_assert_eq!(weekday_index(s), 6);
        prop_assert_eq!(s.month, d.month);
    }

    #[test]
    fn london_conversions_never_panic_on_any_year(d in any_date(), t in time()) {
        let _ = to_utc(d, t);
        let _ = zone_name(d, t);
        let _ = last_sunday(d.year, d.month);
    }
}
