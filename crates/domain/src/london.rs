//! Europe/London wall-clock time to UTC, by the UK (and EU) rule in force since 1996:
//! British Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to
//! 01:00 UTC on the last Sunday of October; the rest of the year is GMT (UTC+0).
//!
//! Councils print local times, so every conversion to UTC (for a calendar file) goes
//! through here. No time-zone database is needed for dates from 1996 on.

use crate::dates::{date_from_days, days_from_epoch, last_day_of_month, weekday_index};
use minutebook_data::{Date, Time};

/// The last Sunday of a month (of December for a month past 12, of January for 0).
pub fn last_sunday(year: i32, month: u8) -> Date {
    let last = last_day_of_month(year, month);
    // weekday_index: 0 = Monday ... 6 = Sunday. A month's last seven days hold a Sunday.
    let back = (weekday_index(last) + 1) % 7;
    Date {
        day: last.day - back as u8,
        ..last
    }
}

/// Minutes since 1970-01-01 00:00.
fn minutes(date: Date, time: Time) -> i64 {
    days_from_epoch(date) * 1440 + time.hour as i64 * 60 + time.minute as i64
}

/// Whether an instant given in UTC falls in British Summer Time.
pub fn is_bst_utc(date: Date, time: Time) -> bool {
    let one_am = Time { hour: 1, minute: 0 };
    let start = minutes(last_sunday(date.year, 3), one_am);
    let end = minutes(last_sunday(date.year, 10), one_am);
    let t = minutes(date, time);
    t >= start && t < end
}

/// The UTC offset, in hours, of a London wall-clock time: 1 in BST, 0 in GMT.
///
/// Local times that happen twice (01:00–01:59 on the last Sunday of October) are read as
/// the first, BST; local times that never happen (01:00–01:59 on the last Sunday of
/// March) are read as GMT, which is where a clock that was not put forward would be.
pub fn offset_hours(date: Date, time: Time) -> i64 {
    // Try BST first: the local time minus an hour, if that instant is in BST.
    let as_bst = minutes(date, time) - 60;
    let (d, t) = from_minutes(as_bst);
    if is_bst_utc(d, t) {
        1
    } else {
        0
    }
}

fn from_minutes(m: i64) -> (Date, Time) {
    let days = m.div_euclid(1440);
    let rest = m.rem_euclid(1440);
    (
        date_from_days(days),
        Time {
            hour: (rest / 60) as u8,
            minute: (rest % 60) as u8,
        },
    )
}

/// A London wall-clock date and time as the UTC date and time of the same instant.
pub fn to_utc(date: Date, time: Time) -> (Date, Time) {
    from_minutes(minutes(date, time) - 60 * offset_hours(date, time))
}

/// "GMT" or "BST" for a London wall-clock time.
pub fn zone_name(date: Date, time: Time) -> &'static str {
    if offset_hours(date, time) == 1 {
        "BST"
    } else {
        "GMT"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }
    fn t(s: &str) -> Time {
        Time::parse(s).unwrap()
    }

    #[test]
    fn last_sundays() {
        assert_eq!(last_sunday(2022, 3), d("2022-03-27"));
        assert_eq!(last_sunday(2022, 10), d("2022-10-30"));
        assert_eq!(last_sunday(2023, 3), d("2023-03-26"));
        assert_eq!(last_sunday(2023, 10), d("2023-10-29"));
        assert_eq!(last_sunday(2024, 3), d("2024-03-31"));
    }

    #[test]
    fn last_sundays_at_the_ends_of_the_years_there_are() {
        for (year, month) in [
            (i32::MAX, 12),
            (i32::MIN, 1),
            (i32::MIN, 2),
            (262_143, 12),
            (262_144, 1),
            (-262_145, 12),
        ] {
            let s = last_sunday(year, month);
            assert_eq!((s.year, s.month), (year, month));
            assert_eq!(weekday_index(s), 6);
            assert!(s.day + 7 > last_day_of_month(year, month).day);
        }
        // 29 February 2004 was a Sunday, and so was 29 February 1632.
        assert_eq!(last_sunday(2004, 2), d("2004-02-29"));
        assert_eq!(
            last_sunday(1632, 2),
            Date {
                year: 1632,
                month: 2,
                day: 29
            }
        );
    }

    #[test]
    fn meetings_in_gmt_and_bst() {
        // Monday 7 November 2022, 6.30pm: GMT.
        assert_eq!(
            to_utc(d("2022-11-07"), t("18:30")),
            (d("2022-11-07"), t("18:30"))
        );
        // Tuesday 27 September 2022, 6.30pm: BST, so 17:30 UTC.
        assert_eq!(
            to_utc(d("2022-09-27"), t("18:30")),
            (d("2022-09-27"), t("17:30"))
        );
        // Just after midnight in BST is the previous day in UTC.
        assert_eq!(
            to_utc(d("2022-07-05"), t("00:30")),
            (d("2022-07-04"), t("23:30"))
        );
        assert_eq!(zone_name(d("2022-07-05"), t("10:00")), "BST");
        assert_eq!(zone_name(d("2023-01-31"), t("10:00")), "GMT");
    }

    #[test]
    fn the_changeover_days() {
        // 27 March 2022: clocks go forward at 01:00 GMT to 02:00 BST.
        assert_eq!(
            to_utc(d("2022-03-27"), t("00:59")),
            (d("2022-03-27"), t("00:59"))
        );
        assert_eq!(
            to_utc(d("2022-03-27"), t("02:00")),
            (d("2022-03-27"), t("01:00"))
        );
        // 01:30 does not exist that morning: read as GMT.
        assert_eq!(
            to_utc(d("2022-03-27"), t("01:30")),
            (d("2022-03-27"), t("01:30"))
        );
        // 30 October 2022: clocks go back at 02:00 BST to 01:00 GMT.
        assert_eq!(
            to_utc(d("2022-10-30"), t("00:30")),
            (d("2022-10-29"), t("23:30"))
        );
        // 01:30 happens twice: the first (BST) is taken.
        assert_eq!(
            to_utc(d("2022-10-30"), t("01:30")),
            (d("2022-10-30"), t("00:30"))
        );
        assert_eq!(
            to_utc(d("2022-10-30"), t("02:00")),
            (d("2022-10-30"), t("02:00"))
        );
        // The day before the change is still BST; the day after is GMT.
        assert_eq!(zone_name(d("2022-10-29"), t("18:30")), "BST");
        assert_eq!(zone_name(d("2022-10-31"), t("18:30")), "GMT");
        assert_eq!(zone_name(d("2022-03-26"), t("18:30")), "GMT");
        assert_eq!(zone_name(d("2022-03-28"), t("18:30")), "BST");
    }
}
