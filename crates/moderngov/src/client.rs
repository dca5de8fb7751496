//! A blocking client for a council's ModernGov web service, `<base>/mgWebService.asmx`,
//! through its HTTP GET binding (SPEC.md §1–2).
//!
//! It is polite and careful because it talks to councils' own servers: an honest
//! User-Agent with no library token (bot walls refuse those), one request a second by
//! default, time-outs, retries with backoff on 5xx and time-outs only, and conditional
//! requests (ETag / Last-Modified) backed by a cache folder, so a second run costs the
//! council a 304 per unchanged document. Every declared parameter is sent, because ASMX GET
//! refuses a call that leaves one out.
//!
//! It returns the body as text and checks only that it is an XML document: a web page, a
//! JavaScript redirect stub, an empty or cut-off document are each an [`Error`] that names
//! the URL. Reading the XML is [`crate::xml`]'s job.

mod cache;
mod error;

pub use cache::write_atomically;
pub use error::{check_xml, Error, NotXml};

use crate::xml::XmlError;
use cache::{Cache, Cached};
use minutebook_data::Date;
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How the client behaves on the wire. [`Config::new`] gives the polite defaults.
#[derive(Clone, Debug)]
pub struct Config {
    /// The folder that holds the council's `mg*.aspx` pages, without a trailing slash.
    pub base: String,
    /// Sent on every request; see [`user_agent`].
    pub user_agent: String,
    /// The least time between two requests; zero turns throttling off.
    pub throttle: Duration,
    /// The whole of one request, connecting to the last byte (self-hosted installs can
    /// take most of a minute: SPEC §1).
    pub timeout: Duration,
    /// Further attempts after a 5xx answer, a time-out or a dropped connection.
    pub retries: u32,
    /// The wait before the first retry; it doubles before each further one.
    pub backoff: Duration,
    /// Where raw bodies and their validators are kept; `None` fetches unconditionally.
    pub cache: Option<PathBuf>,
}

/// `Minutebook-importer/<version> (…)`: who is asking and how to reach them.
pub fn user_agent(contact: Option<&str>) -> String {
    let version = env!("CARGO_PKG_VERSION");
    match contact.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => format!("Minutebook-importer/{version} (committee papers importer; +{c})"),
        None => format!("Minutebook-importer/{version} (committee papers importer)"),
    }
}

impl Config {
    /// Polite defaults for `base`: one request a second, 60 s time-out, 3 retries from 2 s.
    /// A pasted page or service address is cut back to its folder
    /// (`…/mgWebService.asmx`, `…/mgCommitteeDetails.aspx?ID=1` → `…`).
    pub fn new(base: &str) -> Result<Config, String> {
        Ok(Config {
            base: normalise_base(base)?,
            user_agent: user_agent(None),
            throttle: Duration::from_secs(1),
            timeout: Duration::from_secs(60),
            retries: 3,
            backoff: Duration::from_secs(2),
            cache: None,
        })
    }
}

/// The council's base address, checked and cut back to the folder of the `mg*` pages.
pub fn normalise_base(base: &str) -> Result<String, String> {
    let b = base.trim();
    let lower = b.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || b.contains(' ') {
        return Err(format!(
            "\"{b}\" is not a web address: give the council's ModernGov address, e.g. https://democracy.gloucester.gov.uk"
        ));
    }
    let b = b
        .split(['?', '#'])
        .next()
        .unwrap_or(b)
        .trim_end_matches('/');
    let (head, last) = b.rsplit_once('/').unwrap_or((b, ""));
    let last = last.to_ascii_lowercase();
    let b = if head.contains("://") && (last.ends_with(".aspx") || last.ends_with(".asmx")) {
        head
    } else {
        b
    };
    if b.split("://").nth(1).is_none_or(str::is_empty) {
        return Err(format!("\"{base}\" has no host name"));
    }
    Ok(b.to_string())
}

/// Whether the document differs from the last one fetched from the same URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// Nothing was cached for this URL.
    New,
    /// The body differs from the cached one.
    Changed,
    /// 304 Not Modified, or the same bytes again.
    Unchanged,
}

/// One document from the service.
#[derive(Clone, Debug)]
pub struct Fetched {
    pub url: String,
    pub body: String,
    pub freshness: Freshness,
}

impl Fetched {
    /// Read the body with one of [`crate::xml`]'s readers; a refusal names the URL.
    pub fn read<T>(&self, reader: fn(&[u8]) -> Result<T, XmlError>) -> Result<T, Error> {
        reader(self.body.as_bytes()).map_err(|problem| Error::Unreadable {
            url: self.url.clone(),
            problem,
        })
    }
}

/// What the client has done so far (for the summary and the tests).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// HTTP requests sent, retries included.
    pub requests: u32,
    /// Of those, requests carrying If-None-Match or If-Modified-Since.
    pub conditional: u32,
    /// Answers 304 Not Modified.
    pub not_modified: u32,
    /// Retries after a transient failure.
    pub retries: u32,
    /// Body bytes received.
    pub bytes: u64,
}

/// A blocking, throttled, caching client for one council's web service.
pub struct Client {
    agent: ureq::Agent,
    config: Config,
    cache: Option<Cache>,
    last_request: Cell<Option<Instant>>,
    stats: RefCell<Stats>,
}

impl Client {
    pub fn new(config: Config) -> Client {
        let agent = ureq::Agent::config_builder()
            .user_agent(config.user_agent.as_str())
            .timeout_global(Some(config.timeout))
            // Statuses are ours to judge (304, retry on 5xx), not errors to the agent.
            .http_status_as_error(false)
            .max_redirects(5)
            .build()
            .into();
        Client {
            agent,
            cache: config.cache.clone().map(|dir| Cache { dir }),
            config,
            last_request: Cell::new(None),
            stats: RefCell::new(Stats::default()),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn stats(&self) -> Stats {
        *self.stats.borrow()
    }

    /// `<base>/mgWebService.asmx/<method>?<params>`, values percent-encoded.
    pub fn url(&self, method: &str, params: &[(&str, String)]) -> String {
        let query: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        let mut url = format!("{}/mgWebService.asmx/{method}", self.config.base);
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.join("&"));
        }
        url
    }

    /// GetCommittees (no parameters in the WSDL).
    pub fn committees(&self) -> Result<Fetched, Error> {
        self.fetch(&self.url("GetCommittees", &[]))
    }

    /// GetMeetings of one committee from `from` to `to` inclusive (dd/mm/yyyy, both sent).
    /// The service may ignore the window (SPEC §4.2): filter the dates again after reading.
    pub fn meetings(&self, committee: i64, from: Date, to: Date) -> Result<Fetched, Error> {
        self.fetch(&self.url(
            "GetMeetings",
            &[
                ("lCommitteeId", committee.to_string()),
                ("sFromDate", service_date(from)),
                ("sToDate", service_date(to)),
            ],
        ))
    }

    /// GetMeeting: everything about one meeting.
    pub fn meeting(&self, meeting: i64) -> Result<Fetched, Error> {
        self.fetch(&self.url("GetMeeting", &[("lMeetingId", meeting.to_string())]))
    }

    /// GetCouncillorsByWard. The answer holds home addresses and phone numbers: whoever
    /// reads it takes names, party and ward only, and the cache keeps it on this machine.
    pub fn councillors_by_ward(&self) -> Result<Fetched, Error> {
        self.fetch(&self.url("GetCouncillorsByWard", &[]))
    }

    /// GET `url` with throttling, retries and the cache; the body must be an XML document.
    pub fn fetch(&self, url: &str) -> Result<Fetched, Error> {
        let cached = self.cache.as_ref().and_then(|c| c.get(url));
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.once(url, cached.as_ref()) {
                Ok(f) => return Ok(f),
                Err(e) if e.transient() && attempt <= self.config.retries => {
                    self.stats.borrow_mut().retries += 1;
                    let wait = self
                        .config
                        .backoff
                        .saturating_mul(1 << (attempt - 1).min(8));
                    std::thread::sleep(wait);
                }
                Err(Error::TimedOut { url, .. }) => {
                    return Err(Error::TimedOut {
                        url,
                        attempts: attempt,
                    })
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn throttle(&self) {
        if let Some(last) = self.last_request.get() {
            let since = last.elapsed();
            if since < self.config.throttle {
                std::thread::sleep(self.config.throttle - since);
            }
        }
        self.last_request.set(Some(Instant::now()));
    }

    fn once(&self, url: &str, cached: Option<&Cached>) -> Result<Fetched, Error> {
        self.throttle();
        let mut req = self.agent.get(url);
        let mut conditional = false;
        if let Some(c) = cached {
            if let Some(etag) = &c.etag {
                req = req.header("If-None-Match", etag);
                conditional = true;
            }
            if let Some(lm) = &c.last_modified {
                req = req.header("If-Modified-Since", lm);
                conditional = true;
            }
        }
        {
            let mut s = self.stats.borrow_mut();
            s.requests += 1;
            s.conditional += u32::from(conditional);
        }
        let net = |e: ureq::Error| classify(url, e);
        let mut resp = req.call().map_err(net)?;
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type").unwrap_or_default();
        let etag = header("etag");
        let last_modified = header("last-modified");
        if status == 304 {
            self.stats.borrow_mut().not_modified += 1;
            return match cached {
                Some(c) => Ok(Fetched {
                    url: url.to_string(),
                    body: c.body.clone(),
                    freshness: Freshness::Unchanged,
                }),
                // A 304 to an unconditional request: the server is confused, say so.
                None => Err(Error::Status {
                    url: url.into(),
                    status,
                }),
            };
        }
        if !(200..300).contains(&status) {
            return Err(Error::Status {
                url: url.into(),
                status,
            });
        }
        let bytes = resp
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()
            .map_err(|e| match classify(url, e) {
                // The connection ended before the promised length: a cut-off document.
                Error::Network { url, detail, .. } => Error::Truncated { url, detail },
                other => other,
            })?;
        self.stats.borrow_mut().bytes += bytes.len() as u64;
        let body = String::from_utf8(bytes).map_err(|_| Error::NotXml {
            url: url.into(),
            status,
            content_type: content_type.clone(),
            kind: NotXml::Other,
        })?;
        check_xml(url, status, &content_type, &body)?;
        let freshness = match cached {
            None => Freshness::New,
            Some(c) if c.body == body => Freshness::Unchanged,
            Some(_) => Freshness::Changed,
        };
        if let Some(cache) = &self.cache {
            cache.put(url, &body, etag, last_modified)?;
        }
        Ok(Fetched {
            url: url.to_string(),
            body,
            freshness,
        })
    }
}

/// dd/mm/yyyy, the only form the service honours (ISO dates make it ignore the window).
pub fn service_date(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day, d.month, d.year)
}

/// Percent-encode a query value (the dates' slashes included, as browsers do).
fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn classify(url: &str, e: ureq::Error) -> Error {
    let url = url.to_string();
    match e {
        ureq::Error::Timeout(_) => Error::TimedOut { url, attempts: 1 },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            Error::TimedOut { url, attempts: 1 }
        }
        other => {
            use std::io::ErrorKind as K;
            // Refused or unknown hosts stay so; a connection that broke mid-way may not.
            let broke = match &other {
                ureq::Error::Io(io) => matches!(
                    io.kind(),
                    K::ConnectionReset
                        | K::ConnectionAborted
                        | K::BrokenPipe
                        | K::UnexpectedEof
                        | K::Interrupted
                ),
                ureq::Error::Protocol(_) => true,
                _ => false,
            };
            Error::Network {
                url,
                detail: other.to_string(),
                broke,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_addresses_are_cut_back_to_the_folder() {
        for (given, want) in [
            (
                "https://democracy.gloucester.gov.uk/",
                "https://democracy.gloucester.gov.uk",
            ),
            (
                "https://democracy.gloucester.gov.uk/mgWebService.asmx",
                "https://democracy.gloucester.gov.uk",
            ),
            (
                "https://applications.huntingdonshire.gov.uk/moderngov/mgCommitteeDetails.aspx?ID=1",
                "https://applications.huntingdonshire.gov.uk/moderngov",
            ),
            ("http://137.191.243.6:9071", "http://137.191.243.6:9071"),
        ] {
            assert_eq!(normalise_base(given).unwrap(), want);
        }
        for bad in ["democracy.gloucester.gov.uk", "ftp://x", "https://", ""] {
            assert!(normalise_base(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_parameter_is_sent_with_council_dates() {
        let c = Client::new(Config::new("https://x.example").unwrap());
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(
            c.url(
                "GetMeetings",
                &[
                    ("lCommitteeId", "129".into()),
                    ("sFromDate", service_date(d(2024, 5, 1))),
                    ("sToDate", service_date(d(2025, 4, 30))),
                ]
            ),
            "https://x.example/mgWebService.asmx/GetMeetings?lCommitteeId=129&sFromDate=01%2F05%2F2024&sToDate=30%2F04%2F2025"
        );
    }

    #[test]
    fn the_user_agent_names_the_importer_and_no_library() {
        let ua = user_agent(Some("data@council.example"));
        assert!(ua.starts_with("Minutebook-importer/"), "{ua}");
        assert!(ua.contains("data@council.example"));
        for token in ["ureq", "python", "requests", "curl"] {
            assert!(!ua.to_lowercase().contains(token), "{ua}");
        }
    }
}
