//! The rules on the seed papers' own wording.

use super::*;
use crate::requests::{asked, request, timing};
use minutebook_data::RequestKind::{self, *};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn asks(text: &str) -> Option<RequestKind> {
    request(text).map(|r| r.asks)
}

#[test]
fn every_kind_of_request_in_the_seeds() {
    let cases: &[(&str, Option<RequestKind>)] = &[
        ("the Head of Children’s Social Care be requested to submit a report on recruitment and support for newly qualified social workers to the Committee in 6 months’ time; and", Some(Report)),
        ("information regarding attendance and sanctions be provided by the Head of Education to the Senior Democratic Services Officer for circulation to Members of the Committee.", Some(Information)),
        ("the Improvement Plan be submitted to a Special meeting of the Committee prior to its submission to Ofsted; and", Some(Report)),
        ("the Improvement Advisor who chairs the Improvement Board be invited to attend a meeting of the Committee.", Some(Attendance)),
        ("a letter be forwarded to the representatives of the Diocese and Archdiocese on the Committee, requesting them to attend meetings.", Some(Letter)),
        ("that the Council be requested to agree in writing to all Headteachers of schools throughout the Borough, to thank teaching staff", Some(Letter)),
        ("that the Mayor of Sefton be requested to consider hosting an event for representatives of all schools throughout the Borough", Some(Action)),
        ("the re-establishment of the Secondary School Performance and Attainment Working Group be considered further at the next meeting of the Committee;", Some(Consideration)),
        ("all Members of the Committee be invited to participate in informal briefing sessions, the timings to be considered and the following topics be considered for inclusion:", Some(Briefing)),
        ("an informal briefing on the Leeds Family Values model for all Committee Members be arranged in due course;", Some(Briefing)),
        ("visits by Committee Members to the Children's Services Teams based in Magdalen House, Bootle, be arranged in due course;", Some(Visit)),
        ("the Executive Director of Children's Social Care and Education be requested to provide an explanation regarding the possible closure of buildings associated with Children's Services;", Some(Information)),
        ("the Executive Director of Children's Social Care and Education be requested to note the comments of the Committee in relation to the Performance Dashboard and Children In Need (CIN) Plans that currently included children with disabilities, in that this should be differentiated in future Performance Dashboards submitted to the Committee.", Some(Action)),
        ("ongoing support for the delivery of the Start Well Plan be agreed and further updates and reports be received in due course and that such reports include updates on the issues above raised by Members.", Some(Update)),
        ("a table be provided in reports to indicate the meanings of the acronyms used within the reports; and", Some(Information)),
        ("an update on the Ofsted Monitoring visit be brought to the next meeting of the Committee scheduled for January 2022.", Some(Update)),
        ("That it be noted that the Minutes of the Improvement Board, in relation to the Children’s Services Improvement Journey, have been requested by the Committee.", Some(Information)),
        ("the Executive Director of Adult Social Care and Health be requested to submit a report providing details/reviewing health services for children in Sefton; and thereafter the Committee give further consideration to holding an informal meeting to consider the matter in more detail;", Some(Report)),
        ("further consideration be given to the re-establishment of the Secondary School Performance and Attainment Working Group once the Committee has considered the report of the Executive Director of Children’s Social Care and Education providing information on the up- to-date test and examination data (Minute No 23 (2) refers);", Some(Consideration)),
        // Not requests.
        ("the report be noted;", None),
        ("it be noted that the Committee had previously taken the decision to request to have sight of the Children's Services Improvement Plan; and", None),
        ("the arrangements being made to hold a site visit for Committee Members to meet with Children’s Services Teams at Magdalen House, Bootle, at 2.00 p.m. on 23 November 2022, be noted;", None),
        ("the intention to share education data at the next meeting be noted;", None),
        ("That, subject to the amendment of Minute No. 4 to read as follows, the Minutes of the meeting held on 5 July 2022, be confirmed as a correct record: That it be noted that the Minutes of, and reports submitted to, the Improvement Board, in relation to the Children's Services Improvement Journey, have been requested by the Committee.", None),
    ];
    for (text, expected) in cases {
        assert_eq!(asks(text), *expected, "{text}");
    }
}

#[test]
fn who_is_asked() {
    let who = |t: &str| asked(t);
    assert_eq!(
        who("the Head of Children’s Social Care be requested to submit a report").as_deref(),
        Some("the Head of Children’s Social Care")
    );
    assert_eq!(who("that, once data is available, the Head of Education Excellence be requested to submit a monitoring report").as_deref(), Some("the Head of Education Excellence"));
    assert_eq!(who("of the Executive Director of Social Care and Education be requested to provide statistical information").as_deref(), Some("the Executive Director of Social Care and Education"));
    assert_eq!(who("previous reports on school performance be provided to the Head of Education and she be requested to submit a report").as_deref(), Some("the Head of Education"));
    assert_eq!(who("information regarding attendance and sanctions be provided by the Head of Education to the Senior Democratic Services Officer").as_deref(), Some("the Head of Education"));
    assert_eq!(who("the Improvement Advisor who chairs the Improvement Board be invited to attend a meeting"), None);
    assert_eq!(who("a table be provided in reports"), None);
}

#[test]
fn when_it_is_asked_for() {
    let when = |t: &str| timing(t);
    assert_eq!(
        when("submit a report ... to the Committee in 6 months’ time; and").as_deref(),
        Some("in 6 months’ time")
    );
    assert_eq!(when("be requested to submit a further report to the next meeting of the Committee providing information").as_deref(), Some("to the next meeting of the Committee"));
    assert_eq!(when("the Work Programme be discussed at the next meeting of the Committee scheduled for January 2022; and").as_deref(), Some("at the next meeting of the Committee scheduled for January 2022"));
    assert_eq!(
        when("an update ... be brought to a future meeting of this Committee.").as_deref(),
        Some("to a future meeting of this Committee")
    );
    assert_eq!(
        when("be arranged in due course;").as_deref(),
        Some("in due course")
    );
    assert_eq!(
        when("that, once data is available, the Head of Education").as_deref(),
        Some("once data is available")
    );
    assert_eq!(when("the Improvement Plan be submitted to a Special meeting of the Committee prior to its submission to Ofsted; and").as_deref(), Some("prior to its submission to Ofsted"));
    assert_eq!(
        when("receives a six-monthly monitoring report").as_deref(),
        Some("six-monthly")
    );
    assert_eq!(when("the report be noted"), None);
    assert_eq!(months_in("in 6 months’ time"), Some(6));
    assert_eq!(months_in("in six months' time"), Some(6));
    assert_eq!(months_in("six-monthly"), None);
}

#[test]
fn calendar_arithmetic() {
    assert_eq!(add_months(d("2022-07-05"), 6), Some(d("2023-01-05")));
    assert_eq!(add_months(d("2022-08-31"), 6), Some(d("2023-02-28")));
    assert_eq!(days_between(d("2022-07-05"), d("2022-11-07")), 125);
    assert_eq!(months_between(d("2022-07-05"), d("2022-11-07")), 4);
    assert_eq!(months_between(d("2022-07-05"), d("2022-08-04")), 0);
    assert_eq!(
        describe_wait(d("2022-07-05"), d("2022-11-07")),
        "4 months (125 days)"
    );
    assert_eq!(
        describe_wait(d("2022-09-27"), d("2022-11-07")),
        "1 month (41 days)"
    );
    assert_eq!(describe_wait(d("2022-11-07"), d("2022-11-07")), "0 days");
}

fn ev(kind: EvidenceKind, date: Option<&str>) -> Evidence {
    Evidence {
        kind,
        text: "words".into(),
        at: None,
        work_programme: None,
        planned_meeting: None,
        date: date.map(d),
        source: Some("a paper".into()),
        note: None,
        automatic: false,
    }
}

#[test]
fn status_is_the_strongest_evidence() {
    use EvidenceKind as K;
    let as_of = d("2022-11-07");
    assert_eq!(status(&[], as_of), FollowUpStatus::Outstanding);
    assert_eq!(
        status(&[ev(K::Mentioned, Some("2022-09-27"))], as_of),
        FollowUpStatus::Outstanding
    );
    assert_eq!(
        status(&[ev(K::Planned, Some("2022-12-20"))], as_of),
        FollowUpStatus::Planned
    );
    assert_eq!(
        status(&[ev(K::Planned, None)], as_of),
        FollowUpStatus::Planned
    );
    // Planned for a meeting already past (as of the data) and not delivered: outstanding.
    assert_eq!(
        status(&[ev(K::Planned, Some("2022-09-27"))], as_of),
        FollowUpStatus::Outstanding
    );
    assert_eq!(
        status(
            &[
                ev(K::Planned, Some("2022-12-20")),
                ev(K::Arranged, Some("2022-11-21"))
            ],
            as_of
        ),
        FollowUpStatus::Arranged
    );
    assert_eq!(
        status(
            &[
                ev(K::Arranged, Some("2022-11-21")),
                ev(K::Delivered, Some("2022-11-07"))
            ],
            as_of
        ),
        FollowUpStatus::Delivered
    );
}

/// Issue 12: "in 2147483647 months' time" panicked with an add overflow, and "in 100000
/// months' time" gave a due date in the year 10356 that no published file can hold.
#[test]
fn absurd_spans_give_no_due_date() {
    let meeting = d("2022-11-07");
    for (wording, months) in [
        ("in 2147483647 months' time", 2_147_483_647),
        ("in 4294967295 months' time", u32::MAX),
        ("in 100000 months' time", 100_000),
        ("in 1201 months' time", 1201),
    ] {
        let timing = timing(&format!("a report be submitted {wording};")).unwrap();
        assert_eq!(months_in(&timing), Some(months), "{wording}");
        assert_eq!(due_date(meeting, months), None, "{wording}");
    }
    // Too big for a u32: not read as a number of months at all.
    assert_eq!(months_in("in 99999999999 months' time"), None);
    // Up to 100 years is a due date.
    assert_eq!(
        due_date(meeting, 1200),
        Some(Date {
            year: 2122,
            month: 11,
            day: 7
        })
    );
    assert_eq!(due_date(meeting, 0), Some(meeting));
    assert_eq!(due_date(d("2024-02-29"), 12), Some(d("2025-02-28")));
    // Never past 2200, the last year a published date may have.
    let late = Date {
        year: 2200,
        month: 7,
        day: 31,
    };
    assert_eq!(due_date(late, 6), None);
    assert_eq!(
        due_date(late, 5),
        Some(Date {
            year: 2200,
            month: 12,
            day: 31
        })
    );
    assert_eq!(due_date(d("2122-11-07"), 938), None);
    // add_months itself never overflows.
    let far = Date {
        year: i32::MAX,
        month: 12,
        day: 31,
    };
    assert_eq!(add_months(far, 1), None);
    assert_eq!(add_months(far, 0), Some(far));
    let low = Date {
        year: i32::MIN,
        month: 1,
        day: 1,
    };
    assert_eq!(
        add_months(low, u32::MAX).map(|d| d.year),
        Some(i32::MIN + 357_913_941)
    );
    assert_eq!(plus_days(meeting, i64::MAX).year, i32::MAX);
    assert_eq!(plus_days(meeting, i64::MIN).year, i32::MIN);
}

/// Months from the days chrono must clamp, across its range limits, and up to the years
/// an `i32` holds.
#[test]
fn add_months_at_the_edges() {
    let ymd = |year, month, day| Date::new(year, month, day).expect("a real date");
    // Leap days and the ends of months.
    assert_eq!(add_months(d("2024-02-29"), 12), Some(d("2025-02-28")));
    assert_eq!(add_months(d("2024-02-29"), 48), Some(d("2028-02-29")));
    assert_eq!(add_months(d("2024-01-31"), 1), Some(d("2024-02-29")));
    assert_eq!(add_months(d("2023-01-31"), 1), Some(d("2023-02-28")));
    assert_eq!(add_months(d("2022-01-31"), 3), Some(d("2022-04-30")));
    assert_eq!(add_months(d("2022-11-07"), 0), Some(d("2022-11-07")));
    // Whole 400-year cycles (4,800 months) land on the same day; 1900 was no leap year.
    assert_eq!(add_months(d("2000-02-29"), 4_800), Some(ymd(2400, 2, 29)));
    assert_eq!(add_months(d("2000-02-29"), 1_200), Some(ymd(2100, 2, 28)));
    assert_eq!(add_months(d("1900-01-31"), 1), Some(d("1900-02-28")));
    // Across chrono's last year (262,143) and into -262,144, its first.
    assert_eq!(
        add_months(ymd(262_143, 12, 31), 1),
        Some(ymd(262_144, 1, 31))
    );
    assert_eq!(
        add_months(ymd(262_143, 11, 30), 3),
        Some(ymd(262_144, 2, 29))
    );
    assert_eq!(
        add_months(ymd(-262_145, 12, 31), 2),
        Some(ymd(-262_144, 2, 29))
    );
    // The years an `i32` holds: the last months there are, then `None`.
    assert_eq!(
        add_months(ymd(i32::MAX, 1, 31), 1),
        Some(ymd(i32::MAX, 2, 28))
    );
    assert_eq!(
        add_months(ymd(i32::MAX - 1, 12, 31), 12),
        Some(ymd(i32::MAX, 12, 31))
    );
    assert_eq!(add_months(ymd(i32::MAX - 1, 12, 31), 13), None);
    assert_eq!(add_months(ymd(i32::MAX, 6, 30), u32::MAX), None);
    assert_eq!(
        add_months(ymd(i32::MIN, 1, 31), 1),
        Some(ymd(i32::MIN, 2, 29))
    );
    assert_eq!(
        add_months(ymd(i32::MIN, 1, 1), u32::MAX),
        Some(ymd(i32::MIN + 357_913_941, 4, 1))
    );
    // Days the calendar lacks (`Date`'s fields are public) read as the nearest real day.
    let odd = Date {
        year: 2022,
        month: 13,
        day: 0,
    };
    assert_eq!(add_months(odd, 1), Some(d("2023-01-01")));
}

/// The tracker with an absurd span: the follow-up is listed with its timing as printed
/// and no due date.
#[test]
fn a_request_with_an_absurd_span_is_tracked_without_a_due_date() {
    let text = "the Head of Education be requested to submit a report in 2147483647 months' time;";
    let r = request(text).unwrap();
    assert_eq!(r.timing.as_deref(), Some("in 2147483647 months' time"));
    let due = r
        .timing
        .as_deref()
        .and_then(months_in)
        .and_then(|n| due_date(d("2022-11-07"), n));
    assert_eq!(due, None);
}
