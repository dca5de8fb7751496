//! Value rules that hold in every published file, applied while a file is read so that a
//! refusal names the file and the JSON path of the value (see docs/data-format.md, section 2):
//!
//! - **Figures** (indicator values, targets, comparators, series points, table cells) are
//!   finite and at most [`MAX_FIGURE`] in size. `1e308` would make every total "inf".
//! - **Years** (`municipal_year`, the year of a generated decisions file) lie in
//!   [`Date::MIN_YEAR`]..=[`Date::MAX_YEAR`], as dates do.
//! - **Ids** use only `a`–`z`, `0`–`9` and `-` ([`id_problem`]). The app reads any id, so
//!   that a data set published before this rule keeps working; `minutebook check` and the
//!   tools that write files refuse them ([`crate::parse_bytes_checked`]), because an id
//!   such as `a%2Fb` or `Some Committee` makes a page address that does not work.

use crate::Date;
use serde::{de, Deserialize, Deserializer};
use std::cell::Cell;

/// The largest figure, in either sign, that a file may carry: a million million.
pub const MAX_FIGURE: f64 = 1e12;

/// The longest id: ids become file names and page addresses.
pub const MAX_ID_LEN: usize = 100;

/// What is wrong with an id, with the fix, or `None` when it is fine.
pub fn id_problem(id: &str) -> Option<String> {
    let alphabet =
        "use only lowercase letters a-z, digits 0-9 and hyphens, e.g. \"sefton-osc-children\"";
    if id.is_empty() {
        return Some(format!("an id may not be empty: {alphabet}"));
    }
    if id.len() > MAX_ID_LEN {
        return Some(format!(
            "the id \"{}…\" is {} characters long: ids are at most {MAX_ID_LEN}",
            id.chars().take(40).collect::<String>(),
            id.len()
        ));
    }
    let bad: Vec<String> = id
        .chars()
        .filter(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        .map(|c| match c {
            ' ' => "a space".to_string(),
            c if c.is_control() => format!("U+{:04X}", c as u32),
            c => format!("\"{c}\""),
        })
        .collect();
    if bad.is_empty() {
        return None;
    }
    let mut seen = Vec::new();
    for b in bad {
        if !seen.contains(&b) {
            seen.push(b);
        }
    }
    Some(format!(
        "\"{}\" is not a valid id (it contains {}): {alphabet}",
        id.escape_debug(),
        seen.join(", ")
    ))
}

/// What is wrong with a figure, with the fix, or `None` when it is fine.
pub fn figure_problem(v: f64) -> Option<String> {
    if !v.is_finite() {
        return Some(format!(
            "{v} is not a number a paper prints: write the figure as printed"
        ));
    }
    (v.abs() > MAX_FIGURE).then(|| {
        format!(
            "{v:e} is out of range: figures must lie between -{MAX_FIGURE:e} and {MAX_FIGURE:e}; write the figure as printed"
        )
    })
}

/// What is wrong with a year, with the fix, or `None` when it is fine.
pub fn year_problem(y: i64) -> Option<String> {
    (!(i64::from(Date::MIN_YEAR)..=i64::from(Date::MAX_YEAR)).contains(&y)).then(|| {
        format!(
            "{y} is outside the years {} to {} that Minutebook reads: check the year",
            Date::MIN_YEAR,
            Date::MAX_YEAR
        )
    })
}

thread_local! {
    /// Set while `minutebook check` (or a tool that writes files) reads a file.
    static CHECKING: Cell<bool> = const { Cell::new(false) };
}

/// Apply the publishing rules the app does not (ids) for as long as the guard lives.
pub(crate) struct Checking(bool);

impl Checking {
    pub(crate) fn start() -> Checking {
        Checking(CHECKING.with(|c| c.replace(true)))
    }
}

impl Drop for Checking {
    fn drop(&mut self) {
        CHECKING.with(|c| c.set(self.0));
    }
}

/// An id field (`#[serde(deserialize_with = "crate::rules::id")]`).
pub(crate) fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if CHECKING.with(Cell::get) {
        if let Some(problem) = id_problem(&s) {
            return Err(de::Error::custom(problem));
        }
    }
    Ok(s)
}

/// For `skip_serializing_if` on `bool` fields that default to `false`.
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

/// A figure field.
pub(crate) fn figure<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let v = f64::deserialize(d)?;
    match figure_problem(v) {
        Some(p) => Err(de::Error::custom(p)),
        None => Ok(v),
    }
}

/// An optional figure field (use with `default`).
pub(crate) fn opt_figure<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    match Option::<f64>::deserialize(d)? {
        Some(v) => match figure_problem(v) {
            Some(p) => Err(de::Error::custom(p)),
            None => Ok(Some(v)),
        },
        None => Ok(None),
    }
}

/// A year field.
pub(crate) fn year<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    let y = i64::deserialize(d)?;
    match year_problem(y) {
        Some(p) => Err(de::Error::custom(p)),
        // In range, so it fits.
        None => Ok(y as i32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in ["sefton", "st-helens-cyp-scrutiny-2021-12-06", "a1"] {
            assert_eq!(id_problem(ok), None, "{ok}");
        }
        for (bad, says) in [
            ("", "empty"),
            ("a%2Fb", "\"%\""),
            ("St Helens", "a space"),
            ("Sefton", "\"S\""),
            ("a/b", "\"/\""),
            ("a\u{0}", "U+0000"),
            ("café", "\"é\""),
        ] {
            let p = id_problem(bad).unwrap_or_default();
            assert!(p.contains(says) && p.contains("a-z"), "{bad}: {p}");
        }
        assert!(id_problem(&"a".repeat(101))
            .unwrap()
            .contains("at most 100"));
    }

    #[test]
    fn figures_and_years() {
        assert_eq!(figure_problem(1e12), None);
        assert_eq!(figure_problem(-1e12), None);
        assert!(figure_problem(1e308)
            .unwrap()
            .contains("1e308 is out of range"));
        assert!(figure_problem(f64::NAN).is_some() && figure_problem(f64::INFINITY).is_some());
        assert_eq!(year_problem(2022), None);
        assert!(year_problem(2_147_483_647)
            .unwrap()
            .contains("1900 to 2200"));
    }
}
