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

    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || format!("\"{s}\" is not a date in the form YYYY-MM-DD");
        let mut it = s.split('-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        if it.next().is_some() || s.len() != 10 {
            return Err(bad());
        }
        let year = y.and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let month = m.and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let day = d.and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        Date::new(year, month, day).ok_or_else(|| format!("\"{s}\" is not a real calendar date"))
    }
}

impl Time {
    pub fn new(hour: u8, minute: u8) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }

    pub fn parse(s: &str) -> Result<Time, String> {
        let bad = || format!("\"{s}\" is not a time in the form HH:MM (24-hour)");
        let (h, m) = s.split_once(':').ok_or_else(bad)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(bad());
        }
        let hour = h.parse().map_err(|_| bad())?;
        let minute = m.parse().map_err(|_| bad())?;
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
    }
}
