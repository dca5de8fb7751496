//! The ModernGov import benchmark (bench/import.sh): a synthetic ModernGov server on
//! 127.0.0.1 built from the real response shapes, and two imports from it. Prints figures;
//! it is not a test.
//!
//! The server answers GetCommittees with N committees, GetMeetings with M meetings a
//! municipal year inside the requested window (honouring the window, as a well-behaved
//! install does), and every GetMeeting with the real Gloucester Cabinet meeting of
//! 21 November 2025 (fixtures/moderngov/gloucester/GetMeeting_7837.xml) with its ids and
//! dates changed. Every answer carries an ETag, and a matching If-None-Match gets 304, as
//! an install with validators does. The synthetic data are written to a scratch folder and
//! never published.

use minutebook_data::Date;
use minutebook_domain::dates;
use minutebook_tools::import::{self, CouncilSpec, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

pub struct Size {
    pub committees: u64,
    pub years: i32,
    pub meetings_per_year: u64,
}

/// The day the benchmark counts as today: after the last synthetic meeting, so a second
/// run has nothing recent to fetch again.
fn today() -> Date {
    Date::new(2026, 1, 20).unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 20,
    })
}

/// Meeting dates of municipal year `y`: the 10th of each month from June on.
fn meeting_dates(y: i32, n: u64) -> Vec<Date> {
    (0..n)
        .filter_map(|k| {
            let month0 = 5 + k as i32; // June = 5 (0-based)
            let (year, month) = (y + month0 / 12, (month0 % 12) as u8 + 1);
            Date::new(year, month, 10)
        })
        .collect()
}

fn dmy(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day, d.month, d.year)
}

fn parse_dmy(s: &str) -> Option<Date> {
    let s = s.replace("%2F", "/");
    let mut p = s.split('/');
    let (d, m, y) = (p.next()?, p.next()?, p.next()?);
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn param<'a>(url: &'a str, key: &str) -> Option<&'a str> {
    url.split_once('?')?
        .1
        .split('&')
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
}

struct Synthetic {
    size: Size,
    first_year: i32,
    template: String,
}

impl Synthetic {
    fn committees(&self) -> String {
        let mut s = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<committees>\r\n  <committeescount> {}</committeescount>\r\n",
            self.size.committees
        );
        for c in 1..=self.size.committees {
            s.push_str(&format!(
                "  <committee>\r\n    <committeeid>{c}</committeeid>\r\n    <committeetitle>Synthetic Committee {c}</committeetitle>\r\n    <committeedeleted>False</committeedeleted>\r\n    <committeeexpired>False</committeeexpired>\r\n    <committeecategory>Synthetic</committeecategory>\r\n  </committee>\r\n"
            ));
        }
        s.push_str("</committees>\r\n");
        s
    }

    /// Meeting ids encode (committee, year, k) so GetMeeting can find the date again.
    fn meeting_id(&self, c: u64, y: i32, k: u64) -> u64 {
        100_000 + c * 10_000 + (y - self.first_year) as u64 * 100 + k
    }

    fn meetings(&self, c: u64, from: Date, to: Date) -> String {
        let mut list = String::new();
        let mut n = 0;
        for y in self.first_year..self.first_year + self.size.years {
            for (k, d) in meeting_dates(y, self.size.meetings_per_year)
                .into_iter()
                .enumerate()
            {
                if d < from || d > to {
                    continue;
                }
                n += 1;
                list.push_str(&format!(
                    "      <meeting>\r\n        <meetingid>{}</meetingid>\r\n        <meetingdate>{}</meetingdate>\r\n        <meetingstatus>Confirmed</meetingstatus>\r\n        <meetingtime>6.00 pm</meetingtime>\r\n        <iswebcast>False</iswebcast>\r\n      </meeting>\r\n",
                    self.meeting_id(c, y, k as u64),
                    dmy(d)
                ));
            }
        }
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<getmeetings>\r\n  <meetingscount> {n}</meetingscount>\r\n  <committeescount> 1</committeescount>\r\n  <committee>\r\n    <committeeid>{c}</committeeid>\r\n    <committeetitle>Synthetic Committee {c}</committeetitle>\r\n    <committeemeetingcount> {n}</committeemeetingcount>\r\n    <committeemeetings>\r\n{list}    </committeemeetings>\r\n  </committee>\r\n</getmeetings>\r\n"
        )
    }

    fn meeting(&self, id: u64) -> Option<String> {
        let c = (id.checked_sub(100_000)?) / 10_000;
        let rest = (id - 100_000) % 10_000;
        let (y, k) = (self.first_year + (rest / 100) as i32, rest % 100);
        let d = *meeting_dates(y, self.size.meetings_per_year).get(k as usize)?;
        if c == 0 || c > self.size.committees {
            return None;
        }
        Some(
            self.template
                .replace(
                    "<meetingid>7837</meetingid>",
                    &format!("<meetingid>{id}</meetingid>"),
                )
                .replace(
                    "<agendaid>7837</agendaid>",
                    &format!("<agendaid>{id}</agendaid>"),
                )
                .replace("21/11/2025", &dmy(d))
                .replace(
                    "<refertocommittee>Cabinet</refertocommittee>",
                    &format!("<refertocommittee>Synthetic Committee {c}</refertocommittee>"),
                ),
        )
    }

    fn answer(&self, url: &str) -> Option<String> {
        let method = url.split('?').next()?.rsplit('/').next()?;
        match method {
            "GetCommittees" => Some(self.committees()),
            "GetMeetings" => Some(self.meetings(
                param(url, "lCommitteeId")?.parse().ok()?,
                parse_dmy(param(url, "sFromDate")?)?,
                parse_dmy(param(url, "sToDate")?)?,
            )),
            "GetMeeting" => self.meeting(param(url, "lMeetingId")?.parse().ok()?),
            _ => None,
        }
    }
}

fn etag(body: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in body {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("\"{h:016x}\"")
}

#[derive(Default)]
struct Counts {
    requests: AtomicU64,
    conditional: AtomicU64,
    not_modified: AtomicU64,
    bytes: AtomicU64,
}

/// Start the synthetic server; returns its base URL and its counters.
///
/// A small HTTP/1.1 server on std's TcpListener rather than tiny_http: tiny_http writes a
/// response's head and body separately, and with Nagle's algorithm against the client's
/// delayed ACK every answer then waits 40 ms, which would measure the test server, not the
/// importer. This one writes each answer in one piece, with TCP_NODELAY, and keeps
/// connections alive as ModernGov's IIS does.
fn serve(synthetic: Synthetic) -> Result<(String, Arc<Counts>), String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let counts = Arc::new(Counts::default());
    let synthetic = Arc::new(synthetic);
    let c = counts.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (c, synthetic) = (c.clone(), synthetic.clone());
            std::thread::spawn(move || {
                let _ = connection(stream, &synthetic, &c);
            });
        }
    });
    Ok((format!("http://127.0.0.1:{port}"), counts))
}

/// Answer the requests of one connection until the client closes it.
fn connection(
    stream: std::net::TcpStream,
    synthetic: &Synthetic,
    c: &Counts,
) -> std::io::Result<()> {
    use std::io::{BufRead, BufReader, Write};
    stream.set_nodelay(true)?;
    let mut out = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut inm = None;
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                if k.trim().eq_ignore_ascii_case("if-none-match") {
                    inm = Some(v.trim().to_string());
                }
            }
        }
        c.requests.fetch_add(1, Ordering::Relaxed);
        if inm.is_some() {
            c.conditional.fetch_add(1, Ordering::Relaxed);
        }
        let response = match synthetic.answer(&target) {
            None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
            Some(body) => {
                let tag = etag(body.as_bytes());
                if inm.as_deref() == Some(tag.as_str()) {
                    c.not_modified.fetch_add(1, Ordering::Relaxed);
                    format!("HTTP/1.1 304 Not Modified\r\nETag: {tag}\r\nContent-Length: 0\r\n\r\n")
                        .into_bytes()
                } else {
                    c.bytes.fetch_add(body.len() as u64, Ordering::Relaxed);
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nETag: {tag}\r\nContent-Length: {}\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend_from_slice(body.as_bytes());
                    r
                }
            }
        };
        out.write_all(&response)?;
    }
}

fn mtimes(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    crate::files_under(dir)
        .filter_map(|(p, m)| m.modified().ok().map(|t| (p, t)))
        .collect()
}

pub fn run(work: &Path, size: Size, fixtures: &Path) -> Result<(), String> {
    let template_path = fixtures.join("gloucester/GetMeeting_7837.xml");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
    let last_year = dates::municipal_year(today()) - 1;
    let first_year = last_year - size.years + 1;
    let (committees, years, per_year) = (size.committees, size.years, size.meetings_per_year);
    let (base, counts) = serve(Synthetic {
        size,
        first_year,
        template,
    })?;
    let data = work.join("data");
    let cache = work.join("cache");
    for d in [&data, &cache] {
        if d.exists() {
            std::fs::remove_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
    }
    let spec = CouncilSpec {
        base,
        id: "synthetic".into(),
        name: "Synthetic Council".into(),
        committees: Vec::new(),
        include_expired: false,
        from: Date::new(first_year, 5, 1),
        to: Date::new(last_year + 1, 4, 30),
        councillors: false,
    };
    let mut opts = Options::new(data.clone());
    opts.throttle = Duration::ZERO;
    opts.cache = Some(cache.clone());
    opts.today = today();
    opts.progress = false;

    println!(
        "ModernGov import benchmark: {committees} committees × {years} municipal years ({first_year}/{} to {last_year}/{}) × {per_year} meetings, throttling off, loopback",
        (first_year + 1) % 100,
        (last_year + 1) % 100
    );
    let mut runs = Vec::new();
    for run in 1..=2 {
        let before = (
            counts.requests.load(Ordering::Relaxed),
            counts.conditional.load(Ordering::Relaxed),
            counts.not_modified.load(Ordering::Relaxed),
            counts.bytes.load(Ordering::Relaxed),
        );
        let times_before = mtimes(&data);
        let started = Instant::now();
        let report = import::run(std::slice::from_ref(&spec), &opts);
        let took = started.elapsed();
        if report.exit_code() != import::exit::OK {
            return Err(format!("run {run} failed:\n{}", report.summary()));
        }
        let times_after = mtimes(&data);
        let rewritten = times_before
            .iter()
            .filter(|(p, t)| times_after.get(*p).is_some_and(|a| a != *t))
            .count();
        let c = &report.councils[0];
        let requests = counts.requests.load(Ordering::Relaxed) - before.0;
        let conditional = counts.conditional.load(Ordering::Relaxed) - before.1;
        let not_modified = counts.not_modified.load(Ordering::Relaxed) - before.2;
        let bytes = counts.bytes.load(Ordering::Relaxed) - before.3;
        println!(
            "run {run}: {:.1} s; {requests} requests ({conditional} conditional, {not_modified} answered 304), {:.1} MB received; meetings {} new, {} changed, {} unchanged, {} agenda items; {} files written, {} existing files rewritten",
            took.as_secs_f64(),
            bytes as f64 / 1e6,
            c.meetings_new,
            c.meetings_changed,
            c.meetings_unchanged,
            c.items,
            report.written.len(),
            rewritten,
        );
        runs.push((requests, conditional, report.written.len(), rewritten));
    }
    let (requests, conditional, written, rewritten) = runs[1];
    println!(
        "second run: {} (every request conditional: {}; files written: {written}; files rewritten: {rewritten})",
        if requests == conditional && written == 0 && rewritten == 0 {
            "nothing changed, nothing rewritten"
        } else {
            "NOT as expected"
        },
        requests == conditional
    );
    let (size, files, _, _) = crate::dir_size(&data);
    println!(
        "data folder: {files} files, {:.1} MB ({})",
        size as f64 / 1e6,
        data.display()
    );
    Ok(())
}
