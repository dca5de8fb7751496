//! The real client over loopback: a real HTTP server on 127.0.0.1 serves the real ModernGov
//! responses (shared/fixtures/moderngov) and the faults real installs show, and the client
//! is driven through it exactly as the importer drives it.

mod server;

use minutebook_data::Date;
use minutebook_moderngov::client::{Client, Config, Error, Freshness, NotXml};
use minutebook_moderngov::xml;
use server::{fixture, Reply, Server};
use std::time::{Duration, Instant};

/// A client for `server` with no throttle and quick retries, so the tests are fast.
fn client(server: &Server, cache: Option<&std::path::Path>) -> Client {
    let mut c = Config::new(&server.base).unwrap();
    c.throttle = Duration::ZERO;
    c.backoff = Duration::from_millis(10);
    c.timeout = Duration::from_secs(5);
    c.cache = cache.map(|p| p.to_path_buf());
    Client::new(c)
}

#[test]
fn the_real_committees_arrive_unchanged_with_an_honest_user_agent() {
    let s = Server::start(server::gloucester);
    let c = client(&s, None);
    let f = c.committees().unwrap();
    assert_eq!(f.body.as_bytes(), fixture("gloucester/GetCommittees.xml"));
    assert_eq!(f.freshness, Freshness::New);
    assert_eq!(f.url, format!("{}/mgWebService.asmx/GetCommittees", s.base));
    let seen = s.seen();
    assert_eq!(seen.len(), 1);
    let ua = seen[0].user_agent.clone().unwrap();
    assert!(ua.starts_with("Minutebook-importer/"), "{ua}");
    assert!(!ua.to_lowercase().contains("ureq"), "{ua}");
}

#[test]
fn get_meetings_sends_every_parameter_in_council_dates() {
    let s = Server::start(server::gloucester);
    let c = client(&s, None);
    let from = Date::new(2024, 5, 1).unwrap();
    let to = Date::new(2025, 4, 30).unwrap();
    let f = c.meetings(129, from, to).unwrap();
    assert!(f.body.contains("<meetingid>7837</meetingid>"));
    let url = &s.seen()[0].url;
    assert_eq!(server::param(url, "lCommitteeId"), Some("129"));
    assert_eq!(server::param(url, "sFromDate"), Some("01%2F05%2F2024"));
    assert_eq!(server::param(url, "sToDate"), Some("30%2F04%2F2025"));
    let m = c.meeting(7837).unwrap();
    assert_eq!(m.body.as_bytes(), fixture("gloucester/GetMeeting_7837.xml"));
}

#[test]
fn a_second_fetch_is_conditional_and_a_304_serves_the_cached_body() {
    let cache = tempfile::tempdir().unwrap();
    let s = Server::start(server::gloucester);
    let c = client(&s, Some(cache.path()));
    let first = c.meeting(7837).unwrap();
    assert_eq!(first.freshness, Freshness::New);
    // A new client, as on next week's run: only the cache folder carries over.
    let c = client(&s, Some(cache.path()));
    let second = c.meeting(7837).unwrap();
    assert_eq!(second.freshness, Freshness::Unchanged);
    assert_eq!(second.body, first.body);
    let seen = s.seen();
    assert_eq!(seen.len(), 2);
    assert!(!seen[0].conditional());
    assert!(seen[1].if_none_match.is_some(), "{:?}", seen[1]);
    assert!(seen[1].if_modified_since.is_some(), "{:?}", seen[1]);
    let stats = c.stats();
    assert_eq!(
        (stats.requests, stats.conditional, stats.not_modified),
        (1, 1, 1)
    );
    assert_eq!(stats.bytes, 0, "a 304 carries no body");
}

#[test]
fn a_changed_document_replaces_the_cached_one() {
    let cache = tempfile::tempdir().unwrap();
    let s = Server::start(|_: &str, n: usize| {
        Reply::Xml(if n == 0 {
            fixture("manchester/GetMeetings_committee144.xml")
        } else {
            fixture("gloucester/GetMeetings_committee129_2024-2025.xml")
        })
    });
    let d = Date::new(2026, 1, 1).unwrap();
    assert_eq!(
        client(&s, Some(cache.path()))
            .meetings(144, d, d)
            .unwrap()
            .freshness,
        Freshness::New
    );
    let again = client(&s, Some(cache.path())).meetings(144, d, d).unwrap();
    assert_eq!(again.freshness, Freshness::Changed);
    assert!(again.body.contains("<committeeid>129</committeeid>"));
    let third = client(&s, Some(cache.path())).meetings(144, d, d).unwrap();
    assert_eq!(third.freshness, Freshness::Unchanged);
    assert_eq!(third.body, again.body);
}

fn fetch_error(reply: impl Fn() -> Reply + Send + Sync + 'static) -> (Error, Server) {
    let s = Server::start(move |_: &str, _: usize| reply());
    let e = client(&s, None).committees().unwrap_err();
    (e, s)
}

#[test]
fn an_html_error_page_is_named_with_the_url() {
    let (e, s) = fetch_error(|| {
        Reply::Body(
            fixture("errors/leeds-2016-not-xml-sharepoint-error.html"),
            "text/html; charset=utf-8",
        )
    });
    assert!(
        matches!(
            e,
            Error::NotXml {
                kind: NotXml::WebPage,
                status: 200,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        format!(
            "{}/mgWebService.asmx/GetCommittees answered a web page, not XML (HTTP 200, text/html; charset=utf-8)",
            s.base
        )
    );
    assert_eq!(s.seen().len(), 1, "a web page is not retried");
}

#[test]
fn a_javascript_redirect_stub_is_recognised() {
    let (e, s) = fetch_error(|| {
        Reply::Body(
            fixture("errors/denbighshire-2016-not-xml-redirect-stub.html"),
            "text/html",
        )
    });
    assert!(
        matches!(
            e,
            Error::NotXml {
                kind: NotXml::RedirectStub,
                ..
            }
        ),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(msg.starts_with(&s.base), "{msg}");
    assert!(
        msg.contains("a page that redirects elsewhere, not XML"),
        "{msg}"
    );
    assert!(msg.ends_with(": try the base URL with https://"), "{msg}");
}

#[test]
fn an_empty_document_is_recognised() {
    let (e, _) = fetch_error(|| Reply::Body(b"\r\n".to_vec(), "text/xml; charset=utf-8"));
    assert!(
        matches!(
            e,
            Error::NotXml {
                kind: NotXml::Empty,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e
        .to_string()
        .contains("answered an empty document, not XML"));
}

#[test]
fn valid_xml_with_no_data_is_still_xml() {
    // East Hertfordshire's empty ward list: well-formed, so it is the reader's to judge.
    let s = Server::start(|_: &str, _: usize| {
        Reply::Xml(fixture("errors/eastherts-2016-empty-wards.xml"))
    });
    let f = client(&s, None).councillors_by_ward().unwrap();
    assert!(f.body.contains("<wards>"));
}

#[test]
fn a_403_is_reported_at_once_without_retrying() {
    let (e, s) = fetch_error(|| Reply::Status(403));
    assert!(matches!(e, Error::Status { status: 403, .. }), "{e:?}");
    assert!(e.to_string().contains("answered HTTP 403"), "{e}");
    assert!(e.to_string().starts_with(&s.base));
    assert_eq!(s.seen().len(), 1);
}

#[test]
fn a_500_is_retried_with_backoff_and_then_succeeds() {
    let s = Server::start(|url: &str, n: usize| {
        if n == 0 {
            Reply::Status(500)
        } else {
            server::gloucester(url, n)
        }
    });
    let c = client(&s, None);
    let f = c.committees().unwrap();
    assert_eq!(f.body.as_bytes(), fixture("gloucester/GetCommittees.xml"));
    assert_eq!(s.seen().len(), 2);
    assert_eq!(c.stats().retries, 1);
}

#[test]
fn a_500_that_persists_fails_after_the_retries() {
    let (e, s) = fetch_error(|| Reply::Status(503));
    assert!(matches!(e, Error::Status { status: 503, .. }), "{e:?}");
    assert_eq!(s.seen().len(), 4, "one attempt and three retries");
}

#[test]
fn a_time_out_is_retried_then_reported_with_the_url() {
    let s = Server::start(|_: &str, _: usize| {
        Reply::Slow(Duration::from_secs(3), Box::new(Reply::Status(200)))
    });
    let mut config = Config::new(&s.base).unwrap();
    config.throttle = Duration::ZERO;
    config.backoff = Duration::from_millis(10);
    config.timeout = Duration::from_millis(300);
    config.retries = 1;
    let started = Instant::now();
    let e = Client::new(config).meeting(1).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the time-out held"
    );
    assert!(matches!(e, Error::TimedOut { attempts: 2, .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!(
            "{}/mgWebService.asmx/GetMeeting?lMeetingId=1 did not answer in time (2 attempts)",
            s.base
        )
    );
}

#[test]
fn a_slow_first_answer_is_retried() {
    let s = Server::start(|url: &str, n: usize| {
        if n == 0 {
            Reply::Slow(Duration::from_secs(3), Box::new(Reply::Status(500)))
        } else {
            server::gloucester(url, n)
        }
    });
    let mut config = Config::new(&s.base).unwrap();
    config.throttle = Duration::ZERO;
    config.backoff = Duration::from_millis(10);
    config.timeout = Duration::from_millis(500);
    let f = Client::new(config).meeting(7837).unwrap();
    assert!(f.body.contains("<meetingid>7837</meetingid>"));
}

#[test]
fn a_body_cut_short_of_its_length_is_truncated() {
    let body = fixture("gloucester/GetMeeting_7837.xml");
    let half = body[..body.len() / 2].to_vec();
    let len = body.len();
    let (e, s) = fetch_error(move || Reply::Cut(half.clone(), Some(len)));
    assert!(matches!(e, Error::Truncated { .. }), "{e:?}");
    assert!(
        e.to_string()
            .contains("answered a document that is cut off"),
        "{e}"
    );
    assert_eq!(s.seen().len(), 4, "a cut-off answer is retried");
}

#[test]
fn a_chunked_document_that_breaks_off_is_truncated() {
    let body = fixture("gloucester/GetCommittees.xml");
    let half = body[..body.len() / 2].to_vec();
    let (e, _) = fetch_error(move || Reply::Cut(half.clone(), None));
    assert!(matches!(&e, Error::Truncated { .. }), "{e:?}");
}

#[test]
fn a_document_whose_root_is_never_closed_is_truncated() {
    // A body that arrives whole at the HTTP level but ends mid-document (a proxy that
    // cut it and sent what it had).
    let body = fixture("gloucester/GetCommittees.xml");
    let half = body[..body.len() / 2].to_vec();
    let (e, _) = fetch_error(move || Reply::Body(half.clone(), "text/xml; charset=utf-8"));
    assert!(
        matches!(&e, Error::Truncated { detail, .. } if detail.contains("<committees>")),
        "{e:?}"
    );
}

#[test]
fn requests_are_throttled() {
    let s = Server::start(server::gloucester);
    let mut config = Config::new(&s.base).unwrap();
    config.throttle = Duration::from_millis(200);
    let c = Client::new(config);
    let started = Instant::now();
    for _ in 0..3 {
        c.committees().unwrap();
    }
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn malformed_xml_is_refused_by_the_reader_with_the_url() {
    // The real committee list with one closing tag damaged: the root still closes, so it
    // arrives whole, and the reader refuses it naming the URL and the place.
    let body = String::from_utf8(fixture("gloucester/GetCommittees.xml")).unwrap();
    let damaged = body.replacen("</committeetitle>", "</committeetitel>", 1);
    assert_ne!(body, damaged);
    let s = Server::start(move |_: &str, _: usize| Reply::Xml(damaged.clone().into_bytes()));
    let f = client(&s, None).committees().unwrap();
    let e = f.read(xml::parse_committees).unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Unreadable {
                problem: xml::XmlError::Malformed { .. },
                ..
            }
        ),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.starts_with(&format!("{}/mgWebService.asmx/GetCommittees: ", s.base)),
        "{msg}"
    );
    assert!(msg.contains("malformed"), "{msg}");
}

#[test]
fn the_wrong_document_is_refused_with_the_url() {
    let s = Server::start(|_: &str, _: usize| Reply::Xml(fixture("gloucester/GetCommittees.xml")));
    let f = client(&s, None).meeting(7837).unwrap();
    let e = f.read(xml::parse_meeting).unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Unreadable {
                problem: xml::XmlError::WrongRoot { .. },
                ..
            }
        ),
        "{e:?}"
    );
    assert!(
        e.to_string().contains("GetMeeting?lMeetingId=7837: "),
        "{e}"
    );
}

#[test]
fn the_real_documents_read_through_the_client() {
    let s = Server::start(server::gloucester);
    let c = client(&s, None);
    let committees = c.committees().unwrap().read(xml::parse_committees).unwrap();
    assert_eq!(committees.committees.len(), 131);
    let d = |y, m, dd| Date::new(y, m, dd).unwrap();
    let meetings = c
        .meetings(129, d(2025, 5, 1), d(2026, 4, 30))
        .unwrap()
        .read(xml::parse_meetings)
        .unwrap();
    assert!(meetings.meetings.iter().any(|m| m.id == 7837));
    let m = c.meeting(7837).unwrap().read(xml::parse_meeting).unwrap();
    assert_eq!(m.id, 7837);
    assert_eq!(m.items.len(), 5);
}
