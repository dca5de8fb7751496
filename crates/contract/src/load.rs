//! Reading published files with errors a reader (and a council web team) can act on.
//!
//! Parsing goes in three steps so each failure names the file and what is wrong with it:
//! is it JSON at all (malformed or cut off), is it a format this viewer reads, and does
//! every field have the right shape (with the JSON path of the first one that does not).
//!
//! Two things are handled before the JSON is read, for the app and the tools alike:
//! - a UTF-8 byte-order mark at the start (as Windows tools write it) is skipped;
//! - a body that is an HTML page (a static host answering a missing data file with its
//!   `index.html`, the "single-page app fallback") is reported as a web page, not as
//!   broken JSON.

use crate::{Catalogue, CouncilFile, Meeting, FORMAT};
use serde::de::DeserializeOwned;
use std::fmt;

/// A published file type: knows what to call itself in messages.
pub trait Versioned: DeserializeOwned {
    const WHAT: &'static str;
}
impl Versioned for Catalogue {
    const WHAT: &'static str = "catalogue";
}
impl Versioned for Meeting {
    const WHAT: &'static str = "meeting file";
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

/// Parse a published file of type `T` from text, naming `file` in any error.
pub fn parse<T: Versioned>(file: &str, text: &str) -> Result<T, LoadError> {
    let err = |kind| LoadError::new(file, kind);
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if is_web_page(text.as_bytes()) {
        return Err(err(LoadErrorKind::WebPage));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
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
    let format = match &value {
        serde_json::Value::Object(map) => match map.get("format") {
            None => Err(FormatError::Missing),
            Some(serde_json::Value::String(s)) if s == FORMAT => Ok(()),
            Some(serde_json::Value::String(s)) => Err(FormatError::Unknown { found: s.clone() }),
            Some(_) => Err(FormatError::NotAString),
        },
        _ => Err(FormatError::NotAnObject),
    };
    format.map_err(|f| err(LoadErrorKind::Format(f)))?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = strip_position(&e.into_inner().to_string());
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

/// Parse from bytes (e.g. a file read from disk); invalid UTF-8 is reported as malformed.
pub fn parse_bytes<T: Versioned>(file: &str, bytes: &[u8]) -> Result<T, LoadError> {
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
