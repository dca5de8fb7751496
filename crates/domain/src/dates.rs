//! Dates and times as councils write them: "Monday 7 November 2022, 6.30pm".

use chrono::{Datelike, Days, NaiveDate};
use minutebook_data::{Date, DatePrecision, Time};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

// chrono's `NaiveDate` holds the years -262,144 to 262,143; a `Date` holds any `i32` year.
// Past chrono's years nothing changes: the Gregorian calendar repeats every 400 years, and
// 400 years are 146,097 days, a whole number of weeks. So chrono is handed each date moved
// by whole 400-year cycles into the years 0 to 399 (from a day number, 1970 to 2369), and
// the cycles are added back to its answer. So these functions keep the promises they made
// before chrono, which the tests hold them to (tests/properties.rs takes any `i32` year):
// exact round trips, weekdays and months for every `i32` year; `None` (checked) or the
// first or last day there is (saturating) only past the years an `i32` holds; and no
// overflow or panic for any input.
const CYCLE_YEARS: i32 = 400;
const CYCLE_DAYS: i64 = 146_097;
const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();

/// `d` as chrono's date moved by whole 400-year cycles into the years 0 to 399, and the
/// number of cycles it was moved by. A date the calendar lacks (`Date`'s fields are public)
/// is read as the nearest real day: a month past 12 as December, 0 as January, 31 June as
/// 30 June, day 0 as the 1st.
pub(crate) fn in_cycle(d: Date) -> (i64, NaiveDate) {
    let (year, month) = (d.year.rem_euclid(CYCLE_YEARS), d.month.clamp(1, 12));
    let date = NaiveDate::from_ymd_opt(year, month.into(), 1).and_then(|first| {
        first.with_day(u32::from(d.day).clamp(1, first.num_days_in_month().into()))
    });
    (
        d.year.div_euclid(CYCLE_YEARS).into(),
        date.expect("the years 0 to 399 are inside chrono's range"),
    )
}

/// The inverse of [`in_cycle`]: chrono's `date` moved forward by `cycles` 400-year cycles,
/// or `None` when the year would not fit in an `i32`.
pub(crate) fn out_of_cycle(cycles: i64, date: NaiveDate) -> Option<Date> {
    let year = cycles
        .checked_mul(CYCLE_YEARS.into())?
        .checked_add(date.year().into())?;
    Some(Date {
        year: i32::try_from(year).ok()?,
        month: date.month() as u8,
        day: date.day() as u8,
    })
}

/// Days since 1970-01-01 (proleptic Gregorian).
pub fn days_from_epoch(d: Date) -> i64 {
    let (cycles, date) = in_cycle(d);
    cycles * CYCLE_DAYS + date.signed_duration_since(EPOCH).num_days()
}

/// The inverse of [`days_from_epoch`]. Day numbers beyond the years an `i32` holds give
/// the first or last day there is, rather than overflowing (see [`checked_date_from_days`]).
pub fn date_from_days(days: i64) -> Date {
    checked_date_from_days(days).unwrap_or(if days < 0 {
        Date {
            year: i32::MIN,
            month: 1,
            day: 1,
        }
    } else {
        Date {
            year: i32::MAX,
            month: 12,
            day: 31,
        }
    })
}

/// The inverse of [`days_from_epoch`], or `None` when the year would not fit in an `i32`.
pub fn checked_date_from_days(days: i64) -> Option<Date> {
    let within = Days::new(days.rem_euclid(CYCLE_DAYS).unsigned_abs());
    out_of_cycle(days.div_euclid(CYCLE_DAYS), EPOCH.checked_add_days(within)?)
}

/// 0 = Monday ... 6 = Sunday.
pub fn weekday_index(d: Date) -> usize {
    // Whole 400-year cycles are whole weeks, so the date in the cycle has the same weekday.
    in_cycle(d).1.weekday().num_days_from_monday() as usize
}

/// The last day of a month (of December for a month past 12, of January for 0).
pub fn last_day_of_month(year: i32, month: u8) -> Date {
    let month = month.clamp(1, 12);
    let (_, first) = in_cycle(Date {
        year,
        month,
        day: 1,
    });
    Date {
        year,
        month,
        day: first.num_days_in_month(),
    }
}

pub fn weekday(d: Date) -> &'static str {
    WEEKDAYS[weekday_index(d)]
}

pub fn month_name(month: u8) -> &'static str {
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

/// "Monday 7 November 2022" (or "January 2022" when only the month is known).
pub fn long_date(d: Date, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Day => format!(
            "{} {} {} {}",
            weekday(d),
            d.day,
            month_name(d.month),
            d.year
        ),
        DatePrecision::Month => format!("{} {}", month_name(d.month), d.year),
    }
}

/// "7 November 2022", the form used in minute references.
pub fn short_date(d: Date) -> String {
    format!("{} {} {}", d.day, month_name(d.month), d.year)
}

/// "6.30pm", "10am", "12 noon" — the council style.
pub fn council_time(t: Time) -> String {
    let suffix = if t.hour < 12 { "am" } else { "pm" };
    if t.hour == 12 && t.minute == 0 {
        return "12 noon".into();
    }
    let h12 = match t.hour % 12 {
        0 => 12,
        h => h,
    };
    if t.minute == 0 {
        format!("{h12}{suffix}")
    } else {
        format!("{h12}.{:02}{suffix}", t.minute)
    }
}

/// "Monday 7 November 2022, 6.30pm"; the time is left out when it is not published.
pub fn date_and_time(d: Date, precision: DatePrecision, t: Option<Time>) -> String {
    match t {
        Some(t) => format!("{}, {}", long_date(d, precision), council_time(t)),
        None => long_date(d, precision),
    }
}

/// The municipal year a date falls in, as its first calendar year: councils' years run
/// from the annual meeting in May, so meetings from 1 May belong to the new year.
pub fn municipal_year(d: Date) -> i32 {
    if d.month >= 5 {
        d.year
    } else {
        d.year.saturating_sub(1)
    }
}

/// "2022/23".
pub fn municipal_year_label(start_year: i32) -> String {
    format!(
        "{}/{:02}",
        start_year,
        (i64::from(start_year) + 1).rem_euclid(100)
    )
}

/// Parse a date as the papers print it: "27 September 2022", "7th November 2022".
pub fn parse_written_date(s: &str) -> Option<Date> {
    let mut words = s.split_whitespace();
    let day_word = words.next()?;
    let day: u8 = day_word
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()?;
    let month_word = words.next()?.trim_end_matches(',');
    let month = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(month_word))? as u8
        + 1;
    let year: i32 = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    Date::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn weekdays_of_the_seed_meetings() {
        assert_eq!(weekday(d("2022-11-07")), "Monday");
        assert_eq!(weekday(d("2022-09-27")), "Tuesday");
        assert_eq!(weekday(d("2022-07-05")), "Tuesday");
        assert_eq!(weekday(d("2021-07-06")), "Tuesday");
        assert_eq!(weekday(d("2021-12-06")), "Monday");
        assert_eq!(weekday(d("2000-02-29")), "Tuesday");
    }

    #[test]
    fn day_numbers_round_trip() {
        for days in [-1000, 0, 59, 10_000, 19_303, 20_000] {
            assert_eq!(days_from_epoch(date_from_days(days)), days);
        }
        assert_eq!(days_from_epoch(d("1970-01-01")), 0);
    }

    #[test]
    fn extreme_day_numbers_do_not_overflow() {
        for d in [
            Date {
                year: i32::MAX,
                month: 12,
                day: 31,
            },
            Date {
                year: i32::MIN,
                month: 1,
                day: 1,
            },
        ] {
            assert_eq!(checked_date_from_days(days_from_epoch(d)), Some(d));
            assert_eq!(date_from_days(days_from_epoch(d)), d);
        }
        let last = days_from_epoch(Date {
            year: i32::MAX,
            month: 12,
            day: 31,
        });
        assert_eq!(checked_date_from_days(last + 1), None);
        assert_eq!(date_from_days(i64::MAX).year, i32::MAX);
        assert_eq!(date_from_days(i64::MIN).year, i32::MIN);
        assert_eq!(
            municipal_year(Date {
                year: i32::MIN,
                month: 1,
                day: 1
            }),
            i32::MIN
        );
        assert_eq!(municipal_year_label(i32::MAX), "2147483647/48");
    }

    /// A real date in any year (`Date::parse` reads only the years 1900 to 2200).
    fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).expect("a real date")
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(weekday_index(d("2022-11-07")), 0);
        assert_eq!(
            long_date(d("2022-11-07"), DatePrecision::Day),
            "Monday 7 November 2022"
        );
        assert_eq!(weekday(d("1970-01-01")), "Thursday");
        assert_eq!(weekday(d("2000-01-01")), "Saturday");
        assert_eq!(weekday(d("2024-02-29")), "Thursday");
        assert_eq!(days_from_epoch(d("2022-11-07")), 19_303);
        assert_eq!(date_from_days(19_303), d("2022-11-07"));
    }

    #[test]
    fn leap_days() {
        assert_eq!(days_between_days("2024-02-28", "2024-03-01"), 2);
        assert_eq!(days_between_days("2023-02-28", "2023-03-01"), 1);
        assert_eq!(days_between_days("2000-02-28", "2000-03-01"), 2);
        assert_eq!(days_between_days("1900-02-28", "1900-03-01"), 1);
        assert_eq!(
            date_from_days(days_from_epoch(d("2024-02-28")) + 1),
            d("2024-02-29")
        );
        assert_eq!(last_day_of_month(2024, 2), d("2024-02-29"));
        assert_eq!(last_day_of_month(2023, 2), d("2023-02-28"));
        assert_eq!(last_day_of_month(2000, 2), d("2000-02-29"));
        assert_eq!(last_day_of_month(1900, 2), d("1900-02-28"));
        assert_eq!(last_day_of_month(2022, 11), d("2022-11-30"));
    }

    fn days_between_days(from: &str, to: &str) -> i64 {
        days_from_epoch(d(to)) - days_from_epoch(d(from))
    }

    /// chrono's own years end at -262,144 and 262,143; the day numbers carry on past them
    /// without a gap, and agree with chrono inside them.
    #[test]
    fn chronos_range_limits() {
        for limit in [NaiveDate::MIN, NaiveDate::MAX] {
            let date = ymd(limit.year(), limit.month() as u8, limit.day() as u8);
            assert_eq!(
                days_from_epoch(date),
                limit.signed_duration_since(EPOCH).num_days()
            );
        }
        let (last, after) = (ymd(262_143, 12, 31), ymd(262_144, 1, 1));
        assert_eq!(days_from_epoch(last), 95_026_601);
        assert_eq!(days_from_epoch(after), 95_026_602);
        assert_eq!(checked_date_from_days(95_026_602), Some(after));
        assert_eq!((weekday(last), weekday(after)), ("Tuesday", "Wednesday"));
        let (before, first) = (ymd(-262_145, 12, 31), ymd(-262_144, 1, 1));
        assert_eq!(days_from_epoch(first), -96_465_658);
        assert_eq!(days_from_epoch(before), -96_465_659);
        assert_eq!(checked_date_from_days(-96_465_659), Some(before));
        assert_eq!((weekday(before), weekday(first)), ("Monday", "Tuesday"));
        // -262,144 is a leap year (divisible by 4, not by 100); 262,143 is not.
        assert_eq!(last_day_of_month(-262_144, 2).day, 29);
        assert_eq!(last_day_of_month(262_143, 2).day, 28);
        assert_eq!(last_day_of_month(262_144, 2).day, 29);
    }

    /// The years an `i32` holds end where chrono's do not reach: exact day numbers and
    /// weekdays at both ends, `None` from the checked function past them, and the first or
    /// last day there is from the saturating one.
    #[test]
    fn i32_year_limits() {
        let (min, max) = (ymd(i32::MIN, 1, 1), ymd(i32::MAX, 12, 31));
        assert_eq!(days_from_epoch(max), 784_351_576_776);
        assert_eq!(days_from_epoch(min), -784_353_015_833);
        assert_eq!((weekday(min), weekday(max)), ("Tuesday", "Tuesday"));
        assert_eq!(checked_date_from_days(784_351_576_776), Some(max));
        assert_eq!(checked_date_from_days(784_351_576_777), None);
        assert_eq!(checked_date_from_days(-784_353_015_833), Some(min));
        assert_eq!(checked_date_from_days(-784_353_015_834), None);
        assert_eq!(checked_date_from_days(i64::MAX), None);
        assert_eq!(checked_date_from_days(i64::MIN), None);
        assert_eq!(date_from_days(i64::MAX), max);
        assert_eq!(date_from_days(i64::MIN), min);
        assert_eq!(date_from_days(784_351_576_777), max);
        // 2147483647 is not a leap year; -2147483648 is (divisible by 4, not by 100).
        assert_eq!(last_day_of_month(i32::MAX, 2).day, 28);
        assert_eq!(last_day_of_month(i32::MIN, 2).day, 29);
        assert_eq!(last_day_of_month(i32::MAX, 12), max);
    }

    /// `Date`'s fields are public, so a date the calendar lacks can reach these functions:
    /// it is read as the nearest real day of its month, and nothing panics.
    #[test]
    fn dates_the_calendar_lacks() {
        let odd = |year, month, day| Date { year, month, day };
        assert_eq!(
            days_from_epoch(odd(2022, 6, 31)),
            days_from_epoch(d("2022-06-30"))
        );
        assert_eq!(
            days_from_epoch(odd(2022, 13, 0)),
            days_from_epoch(d("2022-12-01"))
        );
        assert_eq!(
            weekday_index(odd(2022, 0, 255)),
            weekday_index(d("2022-01-31"))
        );
        assert_eq!(last_day_of_month(2022, 0), d("2022-01-31"));
        assert_eq!(last_day_of_month(2022, 200), d("2022-12-31"));
        for (year, month, day) in [(i32::MAX, 255, 255), (i32::MIN, 0, 0)] {
            let _ = weekday(odd(year, month, day));
            let _ = date_from_days(days_from_epoch(odd(year, month, day)));
        }
    }

    #[test]
    fn council_style() {
        assert_eq!(
            date_and_time(d("2022-11-07"), DatePrecision::Day, Time::new(18, 30)),
            "Monday 7 November 2022, 6.30pm"
        );
        assert_eq!(council_time(Time::new(10, 0).unwrap()), "10am");
        assert_eq!(council_time(Time::new(12, 0).unwrap()), "12 noon");
        assert_eq!(council_time(Time::new(0, 15).unwrap()), "12.15am");
        assert_eq!(
            long_date(d("2022-01-01"), DatePrecision::Month),
            "January 2022"
        );
    }

    #[test]
    fn municipal_years() {
        assert_eq!(
            municipal_year_label(municipal_year(d("2022-07-05"))),
            "2022/23"
        );
        assert_eq!(
            municipal_year_label(municipal_year(d("2022-03-15"))),
            "2021/22"
        );
        assert_eq!(
            municipal_year_label(municipal_year(d("2023-03-06"))),
            "2022/23"
        );
        assert_eq!(municipal_year_label(1999), "1999/00");
    }

    #[test]
    fn written_dates() {
        assert_eq!(
            parse_written_date("27 September 2022"),
            Some(d("2022-09-27"))
        );
        assert_eq!(
            parse_written_date("7th November 2022"),
            Some(d("2022-11-07"))
        );
        assert_eq!(parse_written_date("31 June 2022"), None);
        assert_eq!(parse_written_date("September 2022"), None);
    }
}
