//! Calendar dates and wall-clock times as they appear in the papers.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date, serialised as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A wall-clock time in Europe/London, serialised as 24-hour `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year (month 1-12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked constructor: `None` for dates that do not exist (31 June, 29 Feb 2022).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// The earliest year a date may have: older papers are not council business on the web.
    pub const MIN_YEAR: i32 = 1900;
    /// The latest year a date may have. A later year is a typing slip (`20222`) or a date
    /// worked out from words that do not mean one ("in 100000 months' time").
    pub const MAX_YEAR: i32 = 2200;

    /// Only the canonical form is read: `YYYY-MM-DD`, ASCII digits, a four-digit year
    /// from [`Date::MIN_YEAR`] to [`Date::MAX_YEAR`] and a real calendar day. Signs
    /// (`+022-11-07`), spaces and short or long fields are refused.
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || {
            format!(
                "\"{s}\" is not a date in the form YYYY-MM-DD: write a four-digit year, \
                 two-digit month and two-digit day, e.g. \"2022-11-07\""
            )
        };
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10
            || b[4] != b'-'
            || b[7] != b'-'
            || !digits(0..4)
            || !digits(5..7)
            || !digits(8..10)
        {
            return Err(bad());
        }
        let num =
            |r: std::ops::Range<usize>| b[r].iter().fold(0i32, |n, d| n * 10 + i32::from(d - b'0'));
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        if !(Date::MIN_YEAR..=Date::MAX_YEAR).contains(&year) {
            return Err(format!(
                "\"{s}\" is outside the years {} to {} that Minutebook reads: check the year",
                Date::MIN_YEAR,
                Date::MAX_YEAR
            ));
        }
        // Both fit a u8: two digits each.
        Date::new(year, month as u8, day as u8)
            .ok_or_else(|| format!("\"{s}\" is not a real calendar date"))
    }
}

impl Time {
    pub fn new(hour: u8, minute: u8) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }

    /// Only `HH:MM`: two ASCII digits each, `00:00` to `23:59`.
    pub fn parse(s: &str) -> Result<Time, String> {
        let bad = || format!("\"{s}\" is not a time in the form HH:MM (24-hour), e.g. \"18:30\"");
        let b = s.as_bytes();
        if b.len() != 5 || b[2] != b':' || ![0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit()) {
            return Err(bad());
        }
        let hour = (b[0] - b'0') * 10 + (b[1] - b'0');
        let minute = (b[3] - b'0') * 10 + (b[4] - b'0');
        Time::new(hour, minute).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

macro_rules! string_serde {
    ($ty:ty, $format:literal, $pattern:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                <$ty>::parse(&s).map_err(de::Error::custom)
            }
        }
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "format": $format, "pattern": $pattern })
            }
        }
    };
}

string_serde!(Date, "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
string_serde!(
    Time,
    "time-of-day (HH:MM, Europe/London)",
    "^[0-2][0-9]:[0-5][0-9]$"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_dates() {
        assert_eq!(
            Date::parse("2022-11-07"),
            Ok(Date {
                year: 2022,
                month: 11,
                day: 7
            })
        );
        assert!(Date::parse("2022-02-29")
            .unwrap_err()
            .contains("not a real calendar date"));
        assert!(Date::parse("7 Nov 2022").is_err());
        assert!(Date::parse("2022-1-07").is_err());
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        // Only the canonical form: no signs, spaces or other digit counts.
        for s in [
            "+022-11-07",
            "-022-11-07",
            "2022-+1-07",
            "2022-11-+7",
            " 2022-11-7",
            "2022-11-07 ",
            "02022-11-07",
            "10356-07-05",
            "２０２２-11-07",
            "2022/11/07",
            "",
            "2022-11",
        ] {
            assert!(Date::parse(s).unwrap_err().contains("YYYY-MM-DD"), "{s}");
        }
        for s in ["1899-12-31", "2201-01-01", "0000-01-01", "9999-12-31"] {
            assert!(Date::parse(s).unwrap_err().contains("1900 to 2200"), "{s}");
        }
        assert!(Date::parse("1900-01-01").is_ok() && Date::parse("2200-12-31").is_ok());
    }

    #[test]
    fn parses_and_rejects_times() {
        assert_eq!(
            Time::parse("18:30"),
            Ok(Time {
                hour: 18,
                minute: 30
            })
        );
        assert!(Time::parse("6.30pm").is_err());
        assert!(Time::parse("24:00").is_err());
        for s in [
            "+1:30",
            "18:+3",
            "1:30",
            "18:60",
            "18.30",
            " 8:30",
            "18:30:00",
            "٢٣:٣٠",
        ] {
            assert!(Time::parse(s).is_err(), "{s}");
        }
    }
}
