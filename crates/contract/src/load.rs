//! Reading published files with errors a reader (and a council web team) can act on.
//!
//! Parsing goes in three steps so each failure names the file and what is wrong with it:
//! is it JSON at all (malformed or cut off), is it a format this viewer reads, and does
//! every field have the right shape (with the JSON path of the first one that does not).

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
            LoadErrorKind::Http { status: 404 } => "A data file is missing",
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
        matches!(&self.kind, LoadErrorKind::Network { .. })
            || matches!(&self.kind, LoadErrorKind::Http { status } if *status == 404 || *status == 408 || *status == 429 || *status >= 500)
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

/// Parse a published file of type `T` from text, naming `file` in any error.
pub fn parse<T: Versioned>(file: &str, text: &str) -> Result<T, LoadError> {
    let err = |kind| LoadError::new(file, kind);
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

/// serde_json appends " at line L column C"; we report the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}
