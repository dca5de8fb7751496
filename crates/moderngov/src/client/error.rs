//! What can go wrong when asking a council's web service, always with the URL, and the
//! check that an answer is an XML document at all.

use crate::xml::XmlError;
use std::fmt;
use std::path::PathBuf;

/// What went wrong, always with the URL asked for.
#[derive(Debug)]
pub enum Error {
    /// No connection could be made (DNS, refused: not retried) or it broke (reset: retried).
    Network {
        url: String,
        detail: String,
        /// The connection broke rather than never being made, so a retry may work.
        broke: bool,
    },
    /// No complete answer within the time-out, after retries.
    TimedOut { url: String, attempts: u32 },
    /// An HTTP error status (4xx at once, 5xx after retries).
    Status { url: String, status: u16 },
    /// A document that is not XML where XML was expected.
    NotXml {
        url: String,
        status: u16,
        content_type: String,
        kind: NotXml,
    },
    /// The answer ended before the document did.
    Truncated { url: String, detail: String },
    /// XML that the reader refused: malformed, the wrong document, a value it needs missing.
    Unreadable { url: String, problem: XmlError },
    /// The cache folder could not be read or written.
    Cache { path: PathBuf, detail: String },
}

/// The kinds of non-XML answer seen from real installs (fixtures/moderngov/errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotXml {
    /// An HTML page: a login, error or "service disabled" page.
    WebPage,
    /// A page whose script sends the browser elsewhere (e.g. to https).
    RedirectStub,
    /// Nothing, or only white space.
    Empty,
    /// Something else that does not start like XML.
    Other,
}

impl Error {
    /// The URL the error is about.
    pub fn url(&self) -> &str {
        match self {
            Error::Network { url, .. }
            | Error::TimedOut { url, .. }
            | Error::Status { url, .. }
            | Error::NotXml { url, .. }
            | Error::Truncated { url, .. }
            | Error::Unreadable { url, .. } => url,
            Error::Cache { .. } => "",
        }
    }

    /// Whether trying the same request again might work.
    pub(super) fn transient(&self) -> bool {
        match self {
            Error::Network { broke, .. } => *broke,
            Error::TimedOut { .. } | Error::Truncated { .. } => true,
            Error::Status { status, .. } => *status >= 500,
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Network {
                url, detail, broke, ..
            } => {
                if *broke {
                    write!(f, "{url}: the connection broke ({detail})")
                } else {
                    write!(f, "{url} could not be reached ({detail})")
                }
            }
            Error::TimedOut { url, attempts } => write!(
                f,
                "{url} did not answer in time ({attempts} attempt{})",
                if *attempts == 1 { "" } else { "s" }
            ),
            Error::Status { url, status } => {
                let hint = match status {
                    403 => ": the council's server refuses this client (many block automated access; ask its web team to allow the importer's User-Agent)",
                    404 => ": no web service there (check the base address, or the council has switched the service off)",
                    s if *s >= 500 => ": the council's server failed",
                    _ => "",
                };
                write!(f, "{url} answered HTTP {status}{hint}")
            }
            Error::NotXml {
                url,
                status,
                content_type,
                kind,
            } => {
                let what = match kind {
                    NotXml::WebPage => "a web page",
                    NotXml::RedirectStub => "a page that redirects elsewhere",
                    NotXml::Empty => "an empty document",
                    NotXml::Other => "something else",
                };
                let ct = if content_type.is_empty() {
                    "no content type"
                } else {
                    content_type
                };
                write!(f, "{url} answered {what}, not XML (HTTP {status}, {ct})")?;
                // Denbighshire's stub sends browsers from http to https (fixtures/errors).
                if *kind == NotXml::RedirectStub && url.starts_with("http://") {
                    write!(f, ": try the base URL with https://")?;
                }
                Ok(())
            }
            Error::Truncated { url, detail } => {
                write!(f, "{url} answered a document that is cut off ({detail})")
            }
            Error::Unreadable { url, problem } => write!(f, "{url}: {problem}"),
            Error::Cache { path, detail } => {
                write!(f, "the cache file {} failed: {detail}", path.display())
            }
        }
    }
}

impl std::error::Error for Error {}

/// Refuse what is not an XML document: a web page, a redirect stub, nothing, or a
/// document whose root element is never closed (cut off in transit).
pub fn check_xml(url: &str, status: u16, content_type: &str, body: &str) -> Result<(), Error> {
    let not_xml = |kind| Error::NotXml {
        url: url.into(),
        status,
        content_type: content_type.into(),
        kind,
    };
    let text = body.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(not_xml(NotXml::Empty));
    }
    let lower: String = text.chars().take(4096).collect::<String>().to_lowercase();
    let root = root_name(text);
    let html_root = root.is_some_and(|r| {
        [
            "html", "head", "body", "script", "meta", "title", "div", "p",
        ]
        .iter()
        .any(|h| r.eq_ignore_ascii_case(h))
    });
    if !text.starts_with('<') || lower.starts_with("<!doctype html") || html_root {
        let kind = if lower.contains("location.href")
            || lower.contains("location.replace")
            || lower.contains("window.location")
            || lower.contains("http-equiv=\"refresh\"")
        {
            NotXml::RedirectStub
        } else if html_root || lower.contains("<html") || lower.contains("<body") {
            NotXml::WebPage
        } else {
            NotXml::Other
        };
        return Err(not_xml(kind));
    }
    let Some(root) = root else {
        return Err(Error::Truncated {
            url: url.into(),
            detail: "no root element".into(),
        });
    };
    // `<root/>` alone, or a root closed at the very end.
    let self_closed = text.ends_with("/>") && text.rfind('<') == text.find(&format!("<{root}"));
    let closed = self_closed || text.ends_with(&format!("</{root}>"));
    if !closed {
        return Err(Error::Truncated {
            url: url.into(),
            detail: format!("the root element <{root}> is never closed"),
        });
    }
    Ok(())
}

/// The name of the first element after the XML declaration, comments and doctype.
fn root_name(text: &str) -> Option<&str> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = &r[r.find('>')? + 1..];
        } else {
            let r = rest.strip_prefix('<')?;
            let end = r.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            return (end > 0).then(|| &r[..end]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_xml_is_named() {
        let kind = |body: &str| match check_xml("u", 200, "text/html", body) {
            Err(Error::NotXml { kind, .. }) => Some(kind),
            _ => None,
        };
        assert_eq!(kind(""), Some(NotXml::Empty));
        assert_eq!(kind(" \r\n"), Some(NotXml::Empty));
        assert_eq!(
            kind("<html><script>window.location.href='https://x'</script></html>"),
            Some(NotXml::RedirectStub)
        );
        assert_eq!(
            kind("<!DOCTYPE html><html><body>Error</body></html>"),
            Some(NotXml::WebPage)
        );
        assert!(check_xml("u", 200, "", "<?xml version=\"1.0\"?>\r\n<a><b/></a>\r\n").is_ok());
        assert!(check_xml("u", 200, "", "<?xml version=\"1.0\"?><a/>").is_ok());
        assert!(matches!(
            check_xml("u", 200, "", "<?xml version=\"1.0\"?><a><b>"),
            Err(Error::Truncated { .. })
        ));
    }
}
