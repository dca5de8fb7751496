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

use crate::catalogue::{self, DataSet};
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
            let rest = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"))
                .ok_or_else(|| format!("--site-url {url}: must start with https:// or http://"))?;
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            if host.is_empty()
                || host.contains(|c: char| c.is_whitespace() || "<>\"'?#".contains(c))
            {
                return Err(format!("--site-url {url}: no host name"));
            }
            site.origin = Some(format!("{}{host}", &url[..url.len() - rest.len()]));
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
    for (rel, text) in files(&data, &cat, site) {
        let path = out_dir.join(&rel);
        let result = path
            .parent()
            .map(std::fs::create_dir_all)
            .unwrap_or(Ok(()))
            .and_then(|_| std::fs::write(&path, text));
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

/// (path relative to the data root, contents) of every calendar and feed.
pub fn files(data: &DataSet, cat: &Catalogue, site: &Site) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for k in &cat.committees {
        out.push((paths::calendar(&k.id), committee_calendar(cat, k, site)));
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

fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

/// Escape text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn atom(feed: &Feed, entries: &[Entry], site: &Site) -> String {
    let e = xml_escape;
    // The feed is as new as its newest entry; an empty feed is dated at the epoch so that
    // rebuilding unchanged data never changes the file.
    let updated = entries
        .iter()
        .map(|x| x.updated)
        .max()
        .map(timestamp)
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n");
    x.push_str(&format!("  <id>{}</id>\n", e(&feed.id)));
    x.push_str(&format!("  <title>{}</title>\n", e(&feed.title)));
    x.push_str(&format!("  <subtitle>{}</subtitle>\n", e(&feed.subtitle)));
    x.push_str(&format!("  <updated>{updated}</updated>\n"));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        e(&site.url(&feed.self_path))
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        e(&site.url(&feed.page_path))
    ));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        e(&feed.author)
    ));
    x.push_str("  <generator>Minutebook</generator>\n");
    for en in entries {
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <id>{}</id>\n", e(&en.id)));
        x.push_str(&format!("    <title>{}</title>\n", e(&en.title)));
        x.push_str(&format!(
            "    <updated>{}</updated>\n",
            timestamp(en.updated)
        ));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            e(&site.url(&en.page_path))
        ));
        x.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            en.category,
            if en.category == "agenda" {
                "Agenda"
            } else {
                "Minutes"
            }
        ));
        x.push_str(&format!("    <summary>{}</summary>\n", e(&en.summary)));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}
