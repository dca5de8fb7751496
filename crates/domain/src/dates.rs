//! Dates and times as councils write them: "Monday 7 November 2022, 6.30pm".

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

/// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's `days_from_civil`.
pub fn days_from_epoch(d: Date) -> i64 {
    let (m, y) = (
        d.month as i64,
        d.year as i64 - if d.month <= 2 { 1 } else { 0 },
    );
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d.day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = i32::try_from(yoe + era * 400 + if month <= 2 { 1 } else { 0 }).ok()?;
    Some(Date { year, month, day })
}

/// 0 = Monday ... 6 = Sunday.
pub fn weekday_index(d: Date) -> usize {
    // 1970-01-01 was a Thursday (index 3).
    (days_from_epoch(d) + 3).rem_euclid(7) as usize
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
