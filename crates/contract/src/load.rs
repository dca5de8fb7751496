//! Reading published files with errors a reader (and a council web team) can act on.
//!
//! Parsing goes in three steps so each failure names the file and what is wrong with it:
//! is it JSON at all (malformed or cut off), is it a format this viewer reads, and does
//! every field have the right shape (with the JSON path of the first one that does not).
//! The text is read twice and never held as a `serde_json::Value`: the first pass checks
//! the syntax and keeps only the format; the second reads the types, and a failure's path
//! is found from its position ([`crate::json_path`]).
//!
//! Two things are handled before the JSON is read, for the app and the tools alike:
//! - a UTF-8 byte-order mark at the start (as Windows tools write it) is skipped;
//! - a body that is an HTML page (a static host answering a missing data file with its
//!   `index.html`, the "single-page app fallback") is reported as a web page, not as
//!   broken JSON.

use crate::{json_path, Catalogue, CouncilFile, Meeting, FORMAT};
use serde::de::DeserializeOwned;
use std::fmt;

/// A published file type: knows what to call itself in messages.
pub trait Versioned: DeserializeOwned {
    const WHAT: &'static str;
    /// The largest file of this kind that is read, in bytes. Reading JSON takes about a
    /// second per 20 MB in a phone's browser, in one piece that cannot be split, so a file
    /// far beyond any real one is refused with a message instead of freezing the tab.
    const LARGEST: usize = usize::MAX;
}
impl Versioned for Catalogue {
    const WHAT: &'static str = "catalogue";
}
impl Versioned for Meeting {
    const WHAT: &'static str = "meeting file";
    /// About 6,000 agenda items as full as Sefton's; real meetings run to tens of KB. A
    /// meeting repeating its items 100,000 times (319 MB) froze a tab for 13 s just to read.
    const LARGEST: usize = 20_000_000;
}
impl Versioned for CouncilFile {
    const WHAT: &'static str = "council file";
}

/// Why a published file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file's path or URL, as the reader would see it.
    pub file: String,
    pub kind: LoadErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The server answered with a non-success status (404 and so on).
    Http {
        status: u16,
    },
    /// The request never got an answer (offline, blocked, DNS...).
    Network {
        message: String,
    },
    /// The server sent an HTML page where the data file should be: usually a host that
    /// answers every unknown address with its home page, so the file is missing.
    WebPage,
    /// Not valid JSON.
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON up to the point where the file stops: usually a partial upload.
    Truncated {
        line: usize,
        column: usize,
    },
    Format(FormatError),
    /// JSON with the wrong shape: `path` is where, e.g. `items[2].minute.number`.
    WrongShape {
        path: String,
        message: String,
    },
    /// Larger than any real file of its kind ([`Versioned::LARGEST`]): not read at all.
    TooLarge {
        bytes: usize,
        largest: usize,
        what: &'static str,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    NotAnObject,
    Missing,
    NotAString,
    /// A `format` this viewer does not read, e.g. `minutebook/2`.
    Unknown {
        found: String,
    },
}

impl LoadError {
    pub fn new(file: impl Into<String>, kind: LoadErrorKind) -> LoadError {
        LoadError {
            file: file.into(),
            kind,
        }
    }

    /// A short heading for the error message box.
    pub fn headline(&self) -> &'static str {
        match &self.kind {
            LoadErrorKind::Http { status: 404 } | LoadErrorKind::WebPage => {
                "A data file is missing"
            }
            LoadErrorKind::Http { .. } | LoadErrorKind::Network { .. } => {
                "The data could not be loaded"
            }
            LoadErrorKind::Format(FormatError::Unknown { .. }) => {
                "This data is in a format this viewer does not read"
            }
            LoadErrorKind::TooLarge { .. } => "A data file is too large to show",
            _ => "A data file is damaged",
        }
    }

    /// Whether trying again might help (a network or server problem, not a bad file).
    pub fn is_retryable(&self) -> bool {
        matches!(
            &self.kind,
            LoadErrorKind::Network { .. } | LoadErrorKind::WebPage
        ) || matches!(&self.kind, LoadErrorKind::Http { status } if *status == 404 || *status == 408 || *status == 429 || *status >= 500)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        match &self.kind {
            LoadErrorKind::Http { status: 404 } => write!(f, "{file} was not found on the server (HTTP 404)."),
            LoadErrorKind::Http { status } => write!(f, "The server answered HTTP {status} for {file}."),
            LoadErrorKind::Network { message } => {
                write!(f, "{file} could not be fetched: the connection failed ({message}).")
            }
            LoadErrorKind::WebPage => write!(
                f,
                "The server sent a web page instead of {file}: the file is probably missing from the server, which answered with an HTML page. Check that {file} was uploaded with the rest of the data."
            ),
            LoadErrorKind::Malformed { line, column, message } => {
                write!(f, "{file} is not valid JSON: {message} at line {line}, column {column}.")
            }
            LoadErrorKind::Truncated { line, column } => write!(
                f,
                "{file} is cut off: the JSON ends early at line {line}, column {column}. It may have been only partly uploaded."
            ),
            LoadErrorKind::Format(FormatError::NotAnObject) => {
                write!(f, "{file} is JSON but not a Minutebook file: expected an object with a \"format\" field.")
            }
            LoadErrorKind::Format(FormatError::Missing) => {
                write!(f, "{file} has no \"format\" field, so it is not a Minutebook file (expected \"{FORMAT}\").")
            }
            LoadErrorKind::Format(FormatError::NotAString) => {
                write!(f, "{file} has a \"format\" field that is not a string (expected \"{FORMAT}\").")
            }
            LoadErrorKind::Format(FormatError::Unknown { found }) => write!(
                f,
                "{file} is in format \"{found}\", but this viewer reads \"{FORMAT}\". The publisher may need a newer Minutebook."
            ),
            LoadErrorKind::WrongShape { path, message } => {
                write!(f, "{file} has a field with the wrong type or value at {path}: {message}.")
            }
            LoadErrorKind::TooLarge { bytes, largest, what } => write!(
                f,
                "{file} is {}, more than the {} a {what} may be, so it is not read: reading it would stop the browser answering for many seconds. Real ones are far smaller; check that the export has not repeated its contents.",
                megabytes(*bytes),
                megabytes(*largest)
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// The byte-order mark some Windows tools put at the start of a UTF-8 file.
const BOM: &str = "\u{feff}";

/// Whether a body is an HTML page rather than JSON: after any whitespace it starts with
/// `<` (`<!doctype html>`, `<html>`, or any other tag). JSON never does.
pub fn is_web_page(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// "319.4 MB": bytes in decimal megabytes, as file managers show them.
fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / 1e6;
    if mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// Refuses a file larger than any real one of its kind, before any reading.
fn not_too_large<T: Versioned>(file: &str, bytes: usize) -> Result<(), LoadError> {
    if bytes <= T::LARGEST {
        return Ok(());
    }
    Err(LoadError::new(
        file,
        LoadErrorKind::TooLarge {
            bytes,
            largest: T::LARGEST,
            what: T::WHAT,
        },
    ))
}

/// Parse a published file of type `T` from text, naming `file` in any error.
pub fn parse<T: Versioned>(file: &str, text: &str) -> Result<T, LoadError> {
    let err = |kind| LoadError::new(file, kind);
    not_too_large::<T>(file, text.len())?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if is_web_page(text.as_bytes()) {
        return Err(err(LoadErrorKind::WebPage));
    }
    // First pass: is it JSON at all, and which format does it say it is in? Nothing but
    // the format is kept, so a large file is not held twice.
    let probe: Seen = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        err(if e.is_eof() {
            LoadErrorKind::Truncated { line, column }
        } else {
            LoadErrorKind::Malformed {
                line,
                column,
                message: strip_position(&e.to_string()),
            }
        })
    })?;
    let format = match probe {
        Seen::Object { format: None } => Err(FormatError::Missing),
        Seen::Object { format: Some(f) } => match *f {
            Seen::Text(s) if s == FORMAT => Ok(()),
            Seen::Text(found) => Err(FormatError::Unknown { found }),
            _ => Err(FormatError::NotAString),
        },
        _ => Err(FormatError::NotAnObject),
    };
    format.map_err(|f| err(LoadErrorKind::Format(f)))?;
    // Second pass: the typed read, straight from the text. Where it fails, the path is
    // found from the error's position (crate::json_path).
    serde_json::from_str(text).map_err(|e| {
        let message = strip_position(&e.to_string());
        // A number no float can hold ("1e400") is broken JSON, as the first pass finds it
        // outside the fields this viewer reads. (Not every syntax-class error is: serde_json
        // calls a number where an enum belongs "expected value".)
        if message.starts_with("number out of range") {
            return err(LoadErrorKind::Malformed {
                line: e.line(),
                column: e.column(),
                message,
            });
        }
        let end = json_path::offset_of(text, e.line(), e.column());
        let path = json_path::path_at(text, end, &message);
        err(LoadErrorKind::WrongShape {
            path: if path == "." {
                "the top level".into()
            } else {
                path
            },
            message,
        })
    })
}

/// What the first pass keeps of a value: a string's text, or an object's `format` field.
/// It accepts any JSON, so only the syntax can fail it.
enum Seen {
    Text(String),
    Object { format: Option<Box<Seen>> },
    Other,
}

impl<'de> serde::Deserialize<'de> for Seen {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SeenVisitor { keep_text: false })
    }
}

/// Reads any value; keeps a string's text only where asked (the format field), so the
/// first pass allocates almost nothing. Unlike `IgnoredAny` it converts numbers, so one
/// beyond any float ("1e400") is broken JSON wherever it stands.
#[derive(Clone, Copy)]
struct SeenVisitor {
    keep_text: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for SeenVisitor {
    type Value = Seen;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Seen, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for SeenVisitor {
    type Value = Seen;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Seen, E> {
        Ok(Seen::Other)
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Seen, E> {
        Ok(Seen::Other)
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Seen, E> {
        Ok(Seen::Other)
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Seen, E> {
        Ok(Seen::Other)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Seen, E> {
        Ok(Seen::Other)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Seen, E> {
        Ok(if self.keep_text {
            Seen::Text(v.to_owned())
        } else {
            Seen::Other
        })
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Seen, A::Error> {
        let skip = SeenVisitor { keep_text: false };
        while a.next_element_seed(skip)?.is_some() {}
        Ok(Seen::Other)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Seen, A::Error> {
        let mut format = None;
        while let Some(is_format) = a.next_key_seed(IsFormat)? {
            let keep_text = is_format && format.is_none();
            let value = a.next_value_seed(SeenVisitor { keep_text })?;
            if keep_text {
                format = Some(Box::new(value));
            }
        }
        Ok(Seen::Object { format })
    }
}

/// Whether a key is `format`, without copying it.
struct IsFormat;

impl<'de> serde::de::DeserializeSeed<'de> for IsFormat {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for IsFormat {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(v == "format")
    }
}

/// Parse from bytes (e.g. a file read from disk); invalid UTF-8 is reported as malformed.
pub fn parse_bytes<T: Versioned>(file: &str, bytes: &[u8]) -> Result<T, LoadError> {
    not_too_large::<T>(file, bytes.len())?;
    if is_web_page(bytes) {
        return Err(LoadError::new(file, LoadErrorKind::WebPage));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(file, text),
        Err(e) => Err(LoadError::new(
            file,
            LoadErrorKind::Malformed {
                line: 0,
                column: 0,
                message: format!("not UTF-8 text ({e})"),
            },
        )),
    }
}

/// Parse as `minutebook check` does: as [`parse_bytes`] (what the app does), plus the
/// publishing rules the app does not enforce, so that data published before them keeps
/// working: every id in the documented alphabet ([`crate::id_problem`]).
pub fn parse_bytes_checked<T: Versioned>(file: &str, bytes: &[u8]) -> Result<T, LoadError> {
    let _checking = crate::rules::Checking::start();
    parse_bytes(file, bytes)
}

/// [`parse_bytes_checked`] from text.
pub fn parse_checked<T: Versioned>(file: &str, text: &str) -> Result<T, LoadError> {
    let _checking = crate::rules::Checking::start();
    parse(file, text)
}

/// serde_json appends " at line L column C"; we report the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Meeting;

    const GOOD: &str = r#"{"format":"minutebook/1","id":"x-2022-11-07","committee":"x","date":"2022-11-07","status":"held","agenda_published":true,"minutes":"draft"}"#;

    #[test]
    fn a_meeting_larger_than_any_real_one_is_refused_unread() {
        // Valid JSON, padded past the limit: refused by size alone, naming the file.
        let big = format!("{GOOD}{}", " ".repeat(Meeting::LARGEST));
        let e = parse_bytes::<Meeting>("data/meetings/x.json", big.as_bytes()).unwrap_err();
        assert_eq!(
            e.kind,
            LoadErrorKind::TooLarge {
                bytes: big.len(),
                largest: 20_000_000,
                what: "meeting file"
            }
        );
        let message = e.to_string();
        assert!(
            message.starts_with(
                "data/meetings/x.json is 20.0 MB, more than the 20 MB a meeting file may be"
            ),
            "{message}"
        );
        assert_eq!(e.headline(), "A data file is too large to show");
        assert!(!e.is_retryable());
        assert!(parse::<Meeting>("x", &big).is_err());
        // At the limit it is read.
        let at = format!("{GOOD}{}", " ".repeat(Meeting::LARGEST - GOOD.len()));
        assert!(parse_bytes::<Meeting>("x", at.as_bytes()).is_ok());
        assert_eq!(megabytes(319_400_000), "319.4 MB");
    }

    #[test]
    fn a_number_beyond_any_float_is_broken_json() {
        let text = GOOD.replace("\"status\"", "\"n\":1e400,\"status\"");
        let e = parse::<Meeting>("m.json", &text).unwrap_err();
        assert!(
            matches!(e.kind, LoadErrorKind::Malformed { line: 1, .. }),
            "{e:?}"
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let with_bom = format!("\u{feff}{GOOD}");
        assert!(parse::<Meeting>("m.json", &with_bom).is_ok());
        assert!(parse_bytes::<Meeting>("m.json", with_bom.as_bytes()).is_ok());
    }

    #[test]
    fn a_web_page_is_named_as_such() {
        for page in [
            "<!doctype html><html><body>Minutebook</body></html>",
            "\n  <!DOCTYPE html>\n<html>",
            "<html lang=en>",
            "\u{feff}<html>",
            "<?xml version=\"1.0\"?>",
        ] {
            let e = parse_bytes::<Meeting>("data/meetings/x.json", page.as_bytes()).unwrap_err();
            assert_eq!(e.kind, LoadErrorKind::WebPage, "{page}");
            let msg = e.to_string();
            assert!(
                msg.starts_with("The server sent a web page instead of data/meetings/x.json"),
                "{msg}"
            );
            assert!(!msg.contains("not valid JSON"), "{msg}");
            assert_eq!(e.headline(), "A data file is missing");
            assert_eq!(
                parse::<Meeting>("data/meetings/x.json", page).unwrap_err(),
                e
            );
        }
        // Not a web page: JSON, or broken JSON that does not start with "<".
        assert!(!is_web_page(GOOD.as_bytes()));
        assert!(!is_web_page(b""));
        assert!(!is_web_page(b"  x<html>"));
    }

    #[test]
    fn ids_are_checked_only_when_checking() {
        let bad = GOOD.replace("\"x-2022-11-07\"", "\"x%2F2022\"");
        assert!(parse::<Meeting>("m.json", &bad).is_ok(), "the app reads it");
        let e = parse_checked::<Meeting>("m.json", &bad).unwrap_err();
        assert!(
            matches!(&e.kind, LoadErrorKind::WrongShape { path, .. } if path == "id"),
            "{e:?}"
        );
        assert!(e.to_string().contains("a-z"), "{e}");
        // The rule is off again afterwards.
        assert!(parse::<Meeting>("m.json", &bad).is_ok());
    }
}
