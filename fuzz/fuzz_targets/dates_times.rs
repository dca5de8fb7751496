//! Dates and times: council-written dates, the contract's `YYYY-MM-DD` and `HH:MM`, day
//! numbers and Europe/London conversions. Never panics; what is accepted reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutebook_data::{Date, Time};
use minutebook_domain::dates::{date_from_days, days_from_epoch, parse_written_date, short_date};
use minutebook_domain::london::{to_utc, zone_name};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(d) = parse_written_date(text) {
            assert_eq!(parse_written_date(&short_date(d)), Some(d));
        }
        if let Ok(d) = Date::parse(text) {
            assert_eq!(Date::parse(&d.to_string()), Ok(d));
        }
        if let Ok(t) = Time::parse(text) {
            assert_eq!(Time::parse(&t.to_string()), Ok(t));
        }
    }
    // The same bytes as numbers: a day number, and a London wall-clock date and time.
    if bytes.len() >= 14 {
        let days = i64::from_le_bytes(bytes[..8].try_into().unwrap());
        let d = date_from_days(days);
        let year = i32::from_le_bytes(bytes[8..12].try_into().unwrap());
        let (month, day) = (bytes[12] % 12 + 1, bytes[13] % 31 + 1);
        let hm = bytes
            .get(14..16)
            .map_or((18, 30), |x| (x[0] % 24, x[1] % 60));
        let t = Time::new(hm.0, hm.1).unwrap();
        let _ = to_utc(d, t);
        if let Some(d) = Date::new(year, month, day) {
            assert_eq!(date_from_days(days_from_epoch(d)), d);
            let (ud, ut) = to_utc(d, t);
            let _ = zone_name(d, t);
            let diff = (days_from_epoch(d) - days_from_epoch(ud)) * 1440
                + i64::from(t.hour) * 60
                + i64::from(t.minute)
                - i64::from(ut.hour) * 60
                - i64::from(ut.minute);
            assert!(diff == 0 || diff == 60);
        }
    }
});
