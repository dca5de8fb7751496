//! Calendars and feeds, written at build time next to the published data:
//!
//! * `calendars/<committee id>.ics` — every meeting of the committee whose day is known
//!   (timed events in UTC for meetings with a published start time, all-day events
//!   otherwise; see `minutebook_domain::ics`), so a calendar app can subscribe to it.
//! * `feeds/<committee id>.atom` and `feeds/<council id>.atom` — an Atom entry for each
//!   published agenda and each set of published minutes.
//!
//! An entry's `updated` date is the publication date of the paper when the data records
//! one, otherwise the meeting's date (at 00:00 UTC). Agendas: the earliest publication
//! date of an agenda pack or supplementary agenda issued on or before the meeting.
//! Minutes: the earliest publication date of a minutes document, or of a later meeting's
//! agenda pack that printed them. Output is deterministic: the same data gives the same
//! feeds byte for byte (calendars apart from their DTSTAMP).
//!
//! Feeds are written by the `atom_syndication` crate (its XML writer escapes every text
//! and attribute). Before text reaches it, [`xml_text`] drops the characters XML 1.0
//! cannot carry (C0 controls other than TAB, LF and CR; U+FFFE, U+FFFF) and those it
//! discourages (DEL, C1 controls, the other Unicode noncharacters), and turns CR and
//! CRLF into LF, as every XML parser would; links also have spaces and control
//! characters percent-encoded ([`href`]). Nothing here panics on any data.

use crate::catalogue::{self, DataSet};
use atom_syndication as atom;
use minutebook_data::{paths, Catalogue, Committee, Date, Meeting, MinutesStatus, SourceKind};
use minutebook_domain::dates::date_and_time;
use minutebook_domain::ics;
use std::path::Path;

/// Where the app is deployed, for the links in calendars and feeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The app's path on its host, starting and ending with `/` (Trunk's public URL).
    pub base: String,
    /// The origin, e.g. `https://council.example`, when known. Calendar events carry a
    /// link only then (iCalendar URLs must be absolute); feeds use root-relative links
    /// without it, which feed readers resolve against the feed's own address.
    pub origin: Option<String>,
}

impl Default for Site {
    fn default() -> Site {
        Site {
            base: "/".into(),
            origin: None,
        }
    }
}

impl Site {
    /// From `--base` (e.g. `/meetings/`) and `--site-url` (e.g. `https://council.example`
    /// or `https://council.example/meetings/`, whose path then sets the base).
    pub fn new(base: Option<&str>, site_url: Option<&str>) -> Result<Site, String> {
        // Trunk's public URL may itself be absolute (`--public-url https://x.example/m/`).
        let (base, site_url) = match base.map(str::trim) {
            Some(b) if b.starts_with("https://") || b.starts_with("http://") => {
                (None, site_url.filter(|u| !u.trim().is_empty()).or(Some(b)))
            }
            _ => (base, site_url),
        };
        let mut site = Site::default();
        if let Some(b) = base.filter(|b| !b.trim().is_empty()) {
            site.base = format!("/{}/", b.trim().trim_matches('/')).replace("//", "/");
        }
        if let Some(url) = site_url.filter(|u| !u.trim().is_empty()) {
            let url = url.trim();
            let (scheme, rest) = ["https://", "http://"]
                .into_iter()
                .find_map(|scheme| url.strip_prefix(scheme).map(|rest| (scheme, rest)))
                .ok_or_else(|| format!("--site-url {url}: must start with https:// or http://"))?;
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            if host.is_empty()
                || host.contains(|c: char| {
                    c.is_whitespace() || c.is_control() || "<>\"'?#".contains(c)
                })
            {
                return Err(format!("--site-url {url}: no host name"));
            }
            site.origin = Some(format!("{scheme}{host}"));
            if !path.trim_matches('/').is_empty() {
                site.base = format!("/{}/", path.trim_matches('/'));
            }
        }
        Ok(site)
    }

    /// The address of an app path such as `meetings/<id>` (no leading slash).
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}{}{}",
            self.origin.as_deref().unwrap_or(""),
            self.base,
            path.trim_start_matches('/')
        )
    }

    fn absolute(&self, path: &str) -> Option<String> {
        self.origin.as_ref().map(|_| self.url(path))
    }
}

/// Write every calendar and feed for the data in `data_dir` into `out_dir`; returns the
/// relative paths written.
pub fn write(data_dir: &Path, out_dir: &Path, site: &Site) -> Result<Vec<String>, Vec<String>> {
    let data = catalogue::read_dataset(data_dir)?;
    let cat = catalogue::build(&data)?;
    let mut written = Vec::new();
    let mut errors = Vec::new();
    for (rel, text) in all_files(&data, &cat, site) {
        let path = out_dir.join(&rel);
        let result = text.and_then(|text| {
            path.parent()
                .map(std::fs::create_dir_all)
                .unwrap_or(Ok(()))
                .and_then(|_| std::fs::write(&path, text))
                .map_err(|e| e.to_string())
        });
        match result {
            Ok(()) => written.push(rel),
            Err(e) => errors.push(format!("{}: {e}", path.display())),
        }
    }
    if errors.is_empty() {
        Ok(written)
    } else {
        Err(errors)
    }
}

/// (path relative to the data root, contents) of every calendar and feed. A feed the XML
/// writer refuses (it writes to memory, so this should not happen) is left out here and
/// reported by [`write`].
pub fn files(data: &DataSet, cat: &Catalogue, site: &Site) -> Vec<(String, String)> {
    all_files(data, cat, site)
        .into_iter()
        .filter_map(|(path, text)| Some((path, text.ok()?)))
        .collect()
}

fn all_files(
    data: &DataSet,
    cat: &Catalogue,
    site: &Site,
) -> Vec<(String, Result<String, String>)> {
    let mut out = Vec::new();
    for k in &cat.committees {
        out.push((paths::calendar(&k.id), Ok(committee_calendar(cat, k, site))));
        let meetings: Vec<&Meeting> = data
            .meetings
            .iter()
            .filter(|m| m.committee == k.id)
            .collect();
        let council = cat
            .council(&k.council)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| k.council.clone());
        let feed = Feed {
            id: format!("{TAG}feeds/{}", k.id),
            title: format!("{}: agendas and minutes", k.title),
            subtitle: council.clone(),
            author: council,
            self_path: format!("data/{}", paths::feed(&k.id)),
            page_path: format!("committees/{}", k.id),
        };
        out.push((
            paths::feed(&k.id),
            atom(&feed, &entries(&meetings, cat), site),
        ));
    }
    for c in &cat.councils {
        let meetings: Vec<&Meeting> = data
            .meetings
            .iter()
            .filter(|m| {
                cat.committee(&m.committee)
                    .is_some_and(|k| k.council == c.id)
            })
            .collect();
        let feed = Feed {
            id: format!("{TAG}feeds/{}", c.id),
            title: format!("{}: committee agendas and minutes", c.name),
            subtitle: "Every committee of the council in this Minutebook".into(),
            author: c.name.clone(),
            self_path: format!("data/{}", paths::feed(&c.id)),
            page_path: String::new(),
        };
        out.push((
            paths::feed(&c.id),
            atom(&feed, &entries(&meetings, cat), site),
        ));
    }
    out
}

/// The committee's calendar: one event per meeting whose day is known.
pub fn committee_calendar(cat: &Catalogue, k: &Committee, site: &Site) -> String {
    let events: Vec<ics::CalendarEvent> = cat
        .meetings_of(&k.id)
        .filter_map(|m| {
            ics::meeting_event(
                m,
                k,
                site.absolute(&format!("meetings/{}", m.id)).as_deref(),
            )
        })
        .collect();
    let council = cat
        .council(&k.council)
        .map(|c| c.name.as_str())
        .unwrap_or(&k.council);
    ics::calendar(&format!("{} ({council})", k.title), &events)
}

/// Atom ids are permanent and independent of where the site is hosted (RFC 4151 tag URIs).
const TAG: &str = "tag:minutebook,2024:";

struct Feed {
    id: String,
    title: String,
    subtitle: String,
    author: String,
    self_path: String,
    page_path: String,
}

/// One Atom entry: an agenda or minutes being published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// The date the entry is dated (see the module docs).
    pub updated: Date,
    /// App path of the meeting page.
    pub page_path: String,
    pub summary: String,
    /// `agenda` or `minutes`.
    pub category: &'static str,
}

/// Entries for the published agendas and minutes of `meetings`, newest first.
pub fn entries(meetings: &[&Meeting], cat: &Catalogue) -> Vec<Entry> {
    let mut out = Vec::new();
    for m in meetings {
        let committee = cat
            .committee(&m.committee)
            .map(|k| k.title.clone())
            .unwrap_or_else(|| m.committee.clone());
        let when = date_and_time(m.date, m.date_precision, m.start_time);
        let page_path = format!("meetings/{}", m.id);
        if m.agenda_published {
            let items = match m.items.len() {
                1 => "1 item".to_string(),
                n => format!("{n} items"),
            };
            out.push(Entry {
                id: format!("{TAG}meetings/{}/agenda", m.id),
                title: format!("Agenda: {committee}, {when}"),
                updated: agenda_published(m).unwrap_or(m.date),
                page_path: page_path.clone(),
                summary: format!("The agenda for the meeting of {committee} on {when} ({items})."),
                category: "agenda",
            });
        }
        if m.minutes != MinutesStatus::NotPublished {
            out.push(Entry {
                id: format!("{TAG}meetings/{}/minutes", m.id),
                title: format!("Minutes: {committee}, {when}"),
                updated: minutes_published(m).unwrap_or(m.date),
                page_path,
                summary: format!(
                    "{} for the meeting of {committee} on {when}.",
                    m.minutes.label()
                ),
                category: "minutes",
            });
        }
    }
    out.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    out
}

/// When the agenda was published, if the data says.
pub fn agenda_published(m: &Meeting) -> Option<Date> {
    m.sources
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                SourceKind::AgendaPack | SourceKind::SupplementaryAgenda
            )
        })
        .filter_map(|s| s.published)
        .filter(|d| *d <= m.date)
        .min()
}

/// When the minutes were published, if the data says: a minutes document, or a later
/// agenda pack that printed them.
pub fn minutes_published(m: &Meeting) -> Option<Date> {
    m.sources
        .iter()
        .filter_map(|s| match (s.kind, s.published) {
            (SourceKind::Minutes, Some(d)) => Some(d),
            (SourceKind::AgendaPack, Some(d)) if d > m.date => Some(d),
            _ => None,
        })
        .min()
}

/// An Atom date for the start of a day, UTC; the epoch for a date Atom cannot write (a
/// year outside 0000–9999), which `check` refuses anyway.
fn timestamp(d: Date) -> atom::FixedDateTime {
    atom::FixedDateTime::parse_from_rfc3339(&format!("{d}T00:00:00Z")).unwrap_or_default()
}

/// Whether XML 1.0 can carry `c` and does not discourage it (XML 1.0 §2.2).
fn xml_char(c: char) -> bool {
    match u32::from(c) {
        0x09 | 0x0A | 0x0D => true,
        // C0 controls (not allowed), DEL and C1 controls (discouraged).
        0x00..=0x1F | 0x7F..=0x9F => false,
        // Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane
        // (U+FFFE and U+FFFF are not allowed at all).
        0xFDD0..=0xFDEF => false,
        n => n & 0xFFFE != 0xFFFE,
    }
}

/// Text as XML carries it: characters XML cannot carry are dropped, and CR and CRLF
/// become LF (which is what an XML parser reads them as anyway).
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else if xml_char(c) {
            out.push(c);
        }
    }
    out
}

/// A link for the feed: characters XML cannot carry dropped, and spaces, control
/// characters and the characters URIs forbid percent-encoded (an attribute value would
/// otherwise have its line breaks read as spaces).
pub fn href(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in xml_text(url).chars() {
        if c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn link(rel: &str, url: String) -> atom::Link {
    atom::Link {
        href: href(&url),
        rel: rel.into(),
        mime_type: Some(
            if rel == "self" {
                "application/atom+xml"
            } else {
                "text/html"
            }
            .into(),
        ),
        ..Default::default()
    }
}

fn atom(feed: &Feed, entries: &[Entry], site: &Site) -> Result<String, String> {
    // The feed is as new as its newest entry; an empty feed is dated at the epoch so that
    // rebuilding unchanged data never changes the file.
    let updated = entries
        .iter()
        .map(|x| x.updated)
        .max()
        .map(timestamp)
        .unwrap_or_default();
    let out = atom::Feed {
        id: xml_text(&feed.id),
        title: atom::Text::plain(xml_text(&feed.title)),
        subtitle: Some(atom::Text::plain(xml_text(&feed.subtitle))),
        updated,
        links: vec![
            link("self", site.url(&feed.self_path)),
            link("alternate", site.url(&feed.page_path)),
        ],
        authors: vec![atom::Person {
            name: xml_text(&feed.author),
            ..Default::default()
        }],
        generator: Some(atom::Generator {
            value: "Minutebook".into(),
            ..Default::default()
        }),
        lang: Some("en-GB".into()),
        entries: entries
            .iter()
            .map(|en| atom::Entry {
                id: xml_text(&en.id),
                title: atom::Text::plain(xml_text(&en.title)),
                updated: timestamp(en.updated),
                links: vec![link("alternate", site.url(&en.page_path))],
                categories: vec![atom::Category {
                    term: en.category.into(),
                    label: Some(
                        if en.category == "agenda" {
                            "Agenda"
                        } else {
                            "Minutes"
                        }
                        .into(),
                    ),
                    ..Default::default()
                }],
                summary: Some(atom::Text::plain(xml_text(&en.summary))),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let config = atom::WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    let bytes = out
        .write_with_config(Vec::new(), config)
        .map_err(|e| format!("the Atom writer failed: {e}"))?;
    let mut text = String::from_utf8(bytes).map_err(|e| format!("the Atom writer: {e}"))?;
    text.push('\n');
    Ok(text)
}
