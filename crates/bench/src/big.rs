//! The big-data benchmark (issue 12, "Big data stays usable"; run by bench/big-data.sh).
//!
//! `generate` copies a built site (dist/) and adds a synthetic council, "Synthetic Council
//! (benchmark data, not real)", whose files have the shapes of the bundled data: meetings are
//! copies of Sefton's meetings of 7 November 2022 and 5 July 2022 with their parts multiplied,
//! and say so in their notes. Then the catalogue, decisions and attendance are regenerated
//! there (the library calls behind `minutebook catalogue`); the script pre-renders the copy.
//!
//! `measure` serves the copy and measures each case's page in headless Chromium, a fresh
//! browser (cold cache) for every measurement: the pre-rendered load (first contentful
//! paint, the app taking over, the longest main-thread task until then) and a client-side
//! navigation to the page (first row and every row in the DOM, longest task). Every wait is
//! capped, so a frozen tab is reported as "> cap", never waited on.

use crate::measure::start_browser_with;
use minutebook_data::{paths, FORMAT};
use minutebook_tools::serve::Server;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use thirtyfour::extensions::cdp::ChromeDevTools;
use thirtyfour::prelude::*;

/// The real meetings the synthetic ones copy (in the built site's data).
const TEMPLATE: &str = "sefton-osc-children-2022-11-07";
const ATTENDANCE_TEMPLATE: &str = "sefton-osc-children-2022-07-05";

const COUNCIL: &str = "synthetic";
const LONG: &str = "synthetic-long-agendas";
const MANY: &str = "synthetic-many-meetings";
const ATTEND: &str = "synthetic-attendance";

/// Synthetic names for everyone in the copied attendance lists (the person of case (d) first).
const NAMES: &[&str] = &[
    "Alex Example",
    "Bea Sample",
    "Cal Specimen",
    "Dee Instance",
    "Eli Pattern",
    "Fay Model",
    "Gil Template",
    "Hal Mockup",
    "Ida Dummy",
    "Jon Proxy",
    "Kit Stub",
    "Lou Token",
    "Max Fixture",
    "Ned Replica",
    "Oli Facsimile",
    "Pam Prototype",
    "Quin Exemplar",
    "Rae Simulant",
    "Sid Placeholder",
    "Tam Surrogate",
    "Uma Standin",
    "Val Decoy",
    "Wes Effigy",
    "Xan Paradigm",
    "Yara Archetype",
    "Zed Mannequin",
];
/// Names from here on are used by the many-meetings committee, so that the person of case
/// (d) has records on one committee only.
const MANY_NAMES_FROM: usize = 20;

pub struct Sizes {
    pub items: usize,
    pub huge_items: usize,
    pub parts: usize,
    pub meetings: usize,
    pub attendances: usize,
    /// Write the 100,000-row cases (their own copy, pre-rendered separately: pre-rendering
    /// them takes far longer than everything else).
    pub huge: bool,
}

/// One page to measure.
#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    /// Folder under the work directory holding the site with this case.
    pub site: String,
    pub path: String,
    pub rows: usize,
    /// The data file the app fetches for it, relative to the site.
    pub data_file: String,
    /// Where the client-side navigation starts, and the `href` it clicks.
    pub start: String,
    pub link: String,
    /// CSS selector of the first row (absent from the start page).
    pub first: String,
    /// The list is complete when this id exists (the last row in DOM order)...
    pub last_id: Option<String>,
    /// ... or when this many elements match `first`.
    pub count: Option<usize>,
}

impl Case {
    fn to_json(&self) -> Value {
        json!({ "name": self.name, "site": self.site, "path": self.path, "rows": self.rows,
                "data_file": self.data_file, "start": self.start, "link": self.link,
                "first": self.first, "last_id": self.last_id, "count": self.count })
    }
    fn from_json(v: &Value) -> Case {
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        Case {
            name: s("name"),
            site: s("site"),
            path: s("path"),
            rows: v["rows"].as_u64().unwrap_or(0) as usize,
            data_file: s("data_file"),
            start: s("start"),
            link: s("link"),
            first: s("first"),
            last_id: v["last_id"].as_str().map(str::to_string),
            count: v["count"].as_u64().map(|n| n as usize),
        }
    }
}

fn io(p: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", p.display())
}

fn read_json(p: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(p).map_err(io(p))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))
}

fn write_json(p: &Path, v: &Value) -> Result<u64, String> {
    let text = serde_json::to_string(v).map_err(|e| e.to_string())?;
    std::fs::write(p, &text).map_err(io(p))?;
    Ok(text.len() as u64)
}

/// Weekly dates from `first` (days since 1970), `n` of them.
fn weekly(first: i64, n: usize) -> impl Iterator<Item = String> {
    (0..n as i64).map(move |k| minutebook_domain::dates::date_from_days(first + 7 * k).to_string())
}

fn person_id(name: &str) -> String {
    format!("{COUNCIL}-{}", name.to_ascii_lowercase().replace(' ', "-"))
}

/// The template's items, repeated to `n`, numbered 1..=n with minute numbers 1..=n.
fn many_items(template: &[Value], n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let mut item = template[i % template.len()].clone();
            item["number"] = json!((i + 1).to_string());
            if let Some(m) = item.get_mut("minute").filter(|m| m.is_object()) {
                m["number"] = json!((i + 1).to_string());
            }
            item
        })
        .collect()
}

/// The template item with the most resolution parts, as minute 1 with `n` numbered parts.
fn item_with_parts(template: &[Value], n: usize) -> Result<Value, String> {
    let parts_of = |it: &Value| {
        it["minute"]["resolution"]["parts"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let mut item = template
        .iter()
        .max_by_key(|it| parts_of(it))
        .filter(|it| parts_of(it) > 0)
        .ok_or("the template meeting has no resolution parts")?
        .clone();
    let source = item["minute"]["resolution"]["parts"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let parts: Vec<Value> = (0..n)
        .map(|k| {
            let mut p = source[k % source.len()].clone();
            p["number"] = json!((k + 1).to_string());
            p
        })
        .collect();
    item["number"] = json!("1");
    item["minute"]["number"] = json!("1");
    item["minute"]["resolution"]["parts"] = json!(parts);
    Ok(item)
}

/// The template's attendance with every printed name replaced by a synthetic councillor
/// (`names`, in order of appearance).
fn synthetic_attendance(a: &Value, names: &[&str]) -> Value {
    let mut a = a.clone();
    let mut k = 0;
    let mut apologies = Vec::new();
    for list in ["present", "also_present", "apologies", "not_present"] {
        if let Some(entries) = a.get_mut(list).and_then(Value::as_array_mut) {
            for e in entries {
                let name = format!("Councillor {}", names[k % names.len()]);
                k += 1;
                if list == "apologies" {
                    apologies.push(name.clone());
                }
                e["name"] = json!(name);
                if let Some(o) = e.as_object_mut() {
                    o.remove("person");
                    o.remove("substitute");
                    o.remove("substitute_attended");
                }
            }
        }
    }
    if let Some(o) = a.as_object_mut() {
        if apologies.is_empty() {
            o.remove("apologies_text");
        } else {
            o.insert(
                "apologies_text".into(),
                json!(format!(
                    "Apologies for absence were received from {}.",
                    apologies.join(", ")
                )),
            );
        }
    }
    a
}

/// A copy of `template` as meeting `<committee>-<date>` with `items`.
fn meeting(template: &Value, committee: &str, date: &str, items: Vec<Value>, what: &str) -> Value {
    let mut m = template.clone();
    m["id"] = json!(format!("{committee}-{date}"));
    m["committee"] = json!(committee);
    m["date"] = json!(date);
    m["venue"] = json!({ "name": "Committee Room 1, Synthetic Town Hall" });
    m["contact"] = json!({ "name": "Democratic Services (synthetic)", "email": "democratic.services@example.org" });
    m["items"] = json!(items);
    m["notes"] = json!([format!(
        "Synthetic benchmark data, not a real meeting (crates/bench, bench/big-data.sh): {what}"
    )]);
    m
}

fn council_file() -> Value {
    let member =
        |i: usize, role: &str| json!({ "name": format!("Councillor {}", NAMES[i]), "role": role });
    let roles = |range: std::ops::Range<usize>| {
        range
            .enumerate()
            .map(|(k, i)| {
                member(
                    i,
                    match k {
                        0 => "chair",
                        1 => "vice_chair",
                        _ => "member",
                    },
                )
            })
            .collect::<Vec<_>>()
    };
    let committee = |id: &str, title: &str, membership: Vec<Value>| {
        json!({ "id": id, "council": COUNCIL, "title": title, "remit": [], "membership": membership,
                "notes": ["Synthetic benchmark data, not a real committee (crates/bench, bench/big-data.sh)."] })
    };
    json!({
        "format": FORMAT,
        "council": { "id": COUNCIL, "name": "Synthetic Council (benchmark data, not real)" },
        "committees": [
            committee(LONG, "Long Agendas Committee (synthetic)", Vec::new()),
            committee(MANY, "Many Meetings Committee (synthetic)", roles(MANY_NAMES_FROM..NAMES.len())),
            committee(ATTEND, "Attendance Committee (synthetic)", roles(0..10)),
        ],
    })
}

fn register() -> Value {
    json!({
        "format": FORMAT,
        "council": COUNCIL,
        "people": NAMES.iter().map(|n| json!({
            "id": person_id(n),
            "name": format!("Councillor {n}"),
            "kind": "councillor",
            "aliases": [format!("Councillor {n}")],
            "notes": ["Synthetic benchmark data, not a real person."],
        })).collect::<Vec<_>>(),
    })
}

/// A case whose meeting file the app refuses as too large: "first row" and "all rows"
/// are the time to its message (`first` is `.mb-error`; there is one).
fn refused(mut case: Case) -> Case {
    case.last_id = None;
    case.count = Some(1);
    case
}

/// index.json, decisions and attendance, as `minutebook catalogue <data-dir>` writes them.
fn catalogue(data: &Path) -> Result<(), String> {
    let set = minutebook_tools::catalogue::read_dataset(data).map_err(|e| e.join("; "))?;
    let cat = minutebook_tools::catalogue::build(&set).map_err(|e| e.join("; "))?;
    let file = data.join(paths::CATALOGUE);
    std::fs::write(&file, minutebook_tools::catalogue::to_json(&cat)).map_err(io(&file))?;
    minutebook_tools::decisions::write(data).map_err(|e| e.join("; "))?;
    minutebook_tools::people::write(data).map_err(|e| e.join("; "))?;
    Ok(())
}

/// A fresh copy of `dist` at `site` with the synthetic council's files.
fn new_site(dist: &Path, site: &Path) -> Result<PathBuf, String> {
    let _ = std::fs::remove_dir_all(site);
    minutebook_tools::files::copy_tree(dist, site)
        .map_err(|e| format!("copying {}: {e}", dist.display()))?;
    let data = site.join("data");
    for dir in ["councils", "people", "meetings"] {
        std::fs::create_dir_all(data.join(dir)).map_err(io(&data))?;
    }
    write_json(
        &data.join(format!("councils/{COUNCIL}.json")),
        &council_file(),
    )?;
    write_json(&data.join(paths::people(COUNCIL)), &register())?;
    Ok(data)
}

/// Write the sites and `<work>/cases.json`; returns the cases.
pub fn generate(dist: &Path, work: &Path, s: &Sizes) -> Result<Vec<Case>, String> {
    std::fs::create_dir_all(work).map_err(io(work))?;
    let template = read_json(&dist.join("data").join(paths::meeting(TEMPLATE)))?;
    let at_template = read_json(&dist.join("data").join(paths::meeting(ATTENDANCE_TEMPLATE)))?;
    let items = template["items"].as_array().cloned().unwrap_or_default();
    let at_items = at_template["items"].as_array().cloned().unwrap_or_default();
    if items.is_empty() || at_template["attendance"]["present"].as_array().is_none() {
        return Err(format!(
            "{TEMPLATE} needs agenda items and {ATTENDANCE_TEMPLATE} a present list"
        ));
    }
    let mut cases = Vec::new();
    let meeting_case =
        |site: &str, id: &str, name: String, rows: usize, first: &str, last: String| Case {
            name,
            site: site.into(),
            path: format!("/meetings/{id}"),
            rows,
            data_file: format!("data/{}", paths::meeting(id)),
            start: format!("/committees/{LONG}"),
            link: format!("/meetings/{id}"),
            first: first.into(),
            last_id: Some(last),
            count: None,
        };

    let t = Instant::now();
    let data = new_site(dist, &work.join("site"))?;
    let m = |date: &str, items: Vec<Value>, what: &str| meeting(&template, LONG, date, items, what);
    let what = format!(
        "a copy of Sefton's meeting of 7 November 2022 with its ten agenda items repeated to {}.",
        s.items
    );
    let id = format!("{LONG}-2022-11-07");
    write_json(
        &data.join(paths::meeting(&id)),
        &m("2022-11-07", many_items(&items, s.items), &what),
    )?;
    cases.push(meeting_case(
        "site",
        &id,
        format!("(a) meeting, {} agenda items", thousands(s.items)),
        s.items,
        "#item-1",
        format!("item-{}", s.items),
    ));
    // (c) one committee, a meeting every week: copies of 7 November 2022.
    let many_attendance = synthetic_attendance(&template["attendance"], &NAMES[MANY_NAMES_FROM..]);
    let what = "a copy of Sefton's meeting of 7 November 2022 (attendance renamed), one of a weekly series.";
    for date in weekly(civil_days(1984, 1, 2), s.meetings) {
        let mut mt = meeting(&template, MANY, &date, items.clone(), what);
        mt["attendance"] = many_attendance.clone();
        write_json(&data.join(paths::meeting(&format!("{MANY}-{date}"))), &mt)?;
    }
    cases.push(Case {
        name: format!("(c) committee, {} meetings", thousands(s.meetings)),
        site: "site".into(),
        path: format!("/committees/{MANY}"),
        rows: s.meetings,
        data_file: format!("data/{}", paths::CATALOGUE),
        start: "/".into(),
        link: format!("/committees/{MANY}"),
        first: "section[aria-labelledby=\"meetings\"] tbody tr".into(),
        last_id: None,
        count: Some(s.meetings),
    });

    // (d) one person present at every meeting of a weekly committee: copies of 5 July 2022.
    let attendance = synthetic_attendance(&at_template["attendance"], NAMES);
    let what =
        "a copy of Sefton's meeting of 5 July 2022 (attendance renamed), one of a weekly series.";
    for date in weekly(civil_days(2003, 1, 6), s.attendances) {
        let mut mt = meeting(&at_template, ATTEND, &date, at_items.clone(), what);
        mt["attendance"] = attendance.clone();
        write_json(&data.join(paths::meeting(&format!("{ATTEND}-{date}"))), &mt)?;
    }
    let person = person_id(NAMES[0]);
    cases.push(Case {
        name: format!("(d) person, {} attendances", thousands(s.attendances)),
        site: "site".into(),
        path: format!("/people/{person}"),
        rows: s.attendances,
        data_file: format!("data/{}", paths::attendance(COUNCIL)),
        start: "/people".into(),
        link: format!("/people/{person}"),
        first: "table.person-meetings tbody tr".into(),
        last_id: None,
        count: Some(s.attendances),
    });
    catalogue(&data)?;
    eprintln!(
        "big-data: wrote {} in {:.1} s",
        work.join("site").display(),
        t.elapsed().as_secs_f64()
    );

    if s.huge {
        let t = Instant::now();
        let data = new_site(dist, &work.join("site-huge"))?;
        let what = format!(
            "a copy of Sefton's meeting of 7 November 2022 with its ten agenda items repeated to {}.",
            s.huge_items
        );
        // Both files are far over the 20 MB a meeting file may be, so `minutebook
        // catalogue` (and `check`) refuse them. They stand for such files on a host anyway:
        // the catalogue is made from ten-item stand-ins, then the real files replace them,
        // and what is measured is the time to the app's message saying so.
        let mut oversized = Vec::new();
        let id = format!("{LONG}-2022-11-09");
        let file = data.join(paths::meeting(&id));
        let stand_in = meeting(&template, LONG, "2022-11-09", many_items(&items, 10), &what);
        write_json(&file, &stand_in)?;
        let items_file = meeting(
            &template,
            LONG,
            "2022-11-09",
            many_items(&items, s.huge_items),
            &what,
        );
        oversized.push((file, items_file));
        cases.push(refused(meeting_case(
            "site-huge",
            &id,
            format!("(b) meeting, {} agenda items", thousands(s.huge_items)),
            s.huge_items,
            ".mb-error",
            String::new(),
        )));
        let what = format!(
            "a copy of Sefton's meeting of 7 November 2022 with one agenda item (minute 29, Work Programme) whose resolution's seven parts are repeated to {}.",
            s.parts
        );
        let id = format!("{LONG}-2022-11-08");
        let file = data.join(paths::meeting(&id));
        write_json(
            &file,
            &m("2022-11-08", vec![item_with_parts(&items, 7)?], &what),
        )?;
        let parts_file = m("2022-11-08", vec![item_with_parts(&items, s.parts)?], &what);
        oversized.push((file, parts_file));
        cases.push(refused(meeting_case(
            "site-huge",
            &id,
            format!(
                "(b) meeting, 1 item with {} resolution parts",
                thousands(s.parts)
            ),
            s.parts,
            ".mb-error",
            String::new(),
        )));
        catalogue(&data)?;
        for (file, contents) in &oversized {
            write_json(file, contents)?;
        }
        eprintln!(
            "big-data: wrote {} in {:.1} s",
            work.join("site-huge").display(),
            t.elapsed().as_secs_f64()
        );
    }
    let list: Vec<Value> = cases.iter().map(Case::to_json).collect();
    write_json(&work.join("cases.json"), &json!(list))?;
    Ok(cases)
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
fn civil_days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn read_cases(work: &Path) -> Result<Vec<Case>, String> {
    let v = read_json(&work.join("cases.json"))?;
    Ok(v.as_array()
        .map(|a| a.iter().map(Case::from_json).collect())
        .unwrap_or_default())
}

/// Installed before any page script: long tasks, first paint, the take-over, and (on
/// request) a client-side navigation's first and last rows.
const PROBE: &str = r#"
(function () {
  if (window.__bench) return;
  var b = window.__bench = { tasks: [], live: null, ltError: null };
  try {
    new PerformanceObserver(function (l) {
      l.getEntries().forEach(function (e) { b.tasks.push([e.startTime, e.duration]); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { b.ltError = String(e); }
  new MutationObserver(function () {
    if (b.live === null && document.documentElement.dataset.mbApp === 'live') b.live = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-mb-app'] });
  b.report = function (from, to) {
    var fcp = performance.getEntriesByName('first-contentful-paint')[0];
    var nav = performance.getEntriesByType('navigation')[0];
    var longest = 0, blocking = 0, n = 0;
    b.tasks.forEach(function (t) {
      if (t[0] + t[1] < from || t[0] > to) return;
      longest = Math.max(longest, t[1]); blocking += Math.max(0, t[1] - 50); n += 1;
    });
    return { fcp: fcp ? fcp.startTime : null, dcl: nav ? nav.domContentLoadedEventStart || null : null,
             live: b.live, longest: longest, blocking: blocking, tasks: n, ltError: b.ltError,
             navT0: b.navT0 === undefined ? null : b.navT0,
             navFirst: b.navFirst === undefined ? null : b.navFirst,
             navDone: b.navDone === undefined ? null : b.navDone,
             path: location.pathname };
  };
  b.watch = function (link, first, lastId, count) {
    var a = document.querySelector('a[href$="' + link + '"]');
    if (!a) return 'no link to ' + link + ' on ' + location.pathname;
    if (document.querySelector(first)) return 'the start page already matches ' + first;
    b.navFirst = null; b.navDone = null;
    var check = function () {
      if (b.navFirst === null && document.querySelector(first)) b.navFirst = performance.now();
      if (b.navFirst !== null && b.navDone === null &&
          (lastId ? !!document.getElementById(lastId) : document.querySelectorAll(first).length >= count)) {
        b.navDone = performance.now(); mo.disconnect();
      }
    };
    var mo = new MutationObserver(check);
    mo.observe(document.body, { subtree: true, childList: true });
    setTimeout(function () { b.navT0 = performance.now(); a.click(); check(); }, 0);
    return 'ok';
  };
})();
"#;

/// One measurement's outcome; times in ms from navigation start (load) or the click (nav).
#[derive(Default, Clone)]
pub struct Outcome {
    first: Option<f64>,
    second: Option<f64>,
    fcp: Option<f64>,
    dcl: Option<f64>,
    longest: Option<f64>,
    blocking: Option<f64>,
    /// Why a figure is missing: "> 180 s", "failed: …".
    note: Option<String>,
}

type Browser = crate::measure::Driver;

async fn browser_for(url: &str) -> Result<(Browser, WebDriver), String> {
    let b = start_browser_with(Some(thirtyfour::PageLoadStrategy::None)).await?;
    let d = b.driver.clone().ok_or("no driver")?;
    d.set_script_timeout(Duration::from_secs(3600))
        .await
        .map_err(|e| e.to_string())?;
    let dev = ChromeDevTools::new(d.handle.clone());
    dev.execute_cdp_with_params(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": PROBE }),
    )
    .await
    .map_err(|e| e.to_string())?;
    tokio::time::timeout(Duration::from_secs(30), d.goto(url))
        .await
        .map_err(|_| format!("navigating to {url} timed out"))?
        .map_err(|e| e.to_string())?;
    Ok((b, d))
}

/// Run `script` in the page, giving up after `limit` (a busy page answers only between
/// tasks). `Err(None)`: no answer yet (our limit, WebDriver's script timeout or its HTTP
/// client's); `Err(Some(message))`: it failed.
async fn run(d: &WebDriver, script: &str, limit: Duration) -> Result<Value, Option<String>> {
    let asked = Instant::now();
    match tokio::time::timeout(limit, d.execute(script, vec![])).await {
        Ok(Ok(v)) => Ok(v.json().clone()),
        // A request that failed after a long wait was waiting on a busy page (the HTTP
        // client's own time-out says only "error sending request").
        Ok(Err(e))
            if asked.elapsed() > Duration::from_secs(60)
                || ["timeout", "timed out"]
                    .iter()
                    .any(|t| e.to_string().to_lowercase().contains(t)) =>
        {
            Err(None)
        }
        Ok(Err(e)) => Err(Some(format!("failed: {}", first_line(&e.to_string())))),
        Err(_) => Err(None),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").chars().take(120).collect()
}

/// Poll `expr` every 200 ms until it is truthy; Ok(false) when `cap` from `since` passed.
async fn wait_for(
    d: &WebDriver,
    expr: &str,
    since: Instant,
    cap: Duration,
) -> Result<bool, String> {
    let script = format!("try {{ return !!({expr}); }} catch (e) {{ return false; }}");
    loop {
        let left = cap.saturating_sub(since.elapsed());
        if left.is_zero() {
            return Ok(false);
        }
        match run(d, &script, left).await {
            Ok(Value::Bool(true)) => return Ok(true),
            Ok(_) | Err(None) => {}
            Err(Some(e)) => return Err(e),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn capped(cap: Duration) -> String {
    format!("> {} s", cap.as_secs())
}

/// A fresh browser at `path`, and whether the app went live there within `cap` of starting
/// it; `Err` is the note for a browser that did not start.
async fn open_until_live(
    server: &Server,
    path: &str,
    cap: Duration,
) -> Result<(Browser, WebDriver, Result<bool, String>), String> {
    let started = Instant::now();
    let (browser, d) = browser_for(&server.url_for(path))
        .await
        .map_err(|e| format!("failed: {}", first_line(&e)))?;
    let live = wait_for(
        &d,
        "window.__bench && window.__bench.live !== null",
        started,
        cap,
    )
    .await;
    Ok((browser, d, live))
}

/// After a wait: a second more for the work a page leaves for later when it ended, or the
/// note saying why it did not.
async fn settle(waited: &Result<bool, String>, cap: Duration, out: &mut Outcome) {
    match waited {
        Ok(true) => tokio::time::sleep(Duration::from_millis(1000)).await,
        Ok(false) => out.note = Some(capped(cap)),
        Err(e) => out.note = Some(e.clone()),
    }
}

/// The longest task and total blocking time of a report, unless the page could not
/// observe long tasks (then they are unknown rather than zero).
fn long_tasks(r: &Value, out: &mut Outcome) {
    let observed = r["ltError"].is_null();
    out.longest = r["longest"].as_f64().filter(|_| observed);
    out.blocking = r["blocking"].as_f64().filter(|_| observed);
}

/// The pre-rendered page, cold: first paint, take-over, longest task until then.
async fn load(server: &Server, case: &Case, cap: Duration) -> Outcome {
    let mut out = Outcome::default();
    let (browser, d, live) = match open_until_live(server, &case.path, cap).await {
        Ok(x) => x,
        Err(note) => {
            out.note = Some(note);
            return out;
        }
    };
    settle(&live, cap, &mut out).await;
    // Long tasks up to the take-over (or everything so far, when it never came).
    let report = run(
        &d,
        "var b = window.__bench; return b ? b.report(0, b.live === null ? Infinity : b.live) : null;",
        // The page may be busy again after going live (work the take-over left for later).
        if live == Ok(true) { cap } else { Duration::from_secs(10) },
    )
    .await;
    if let Ok(r) = report {
        let f = |k: &str| r[k].as_f64();
        out.fcp = f("fcp");
        out.dcl = f("dcl");
        out.first = f("live");
        long_tasks(&r, &mut out);
    }
    finish(browser, &d, live.as_ref().is_ok_and(|l| *l)).await;
    out
}

/// Client-side navigation from the start page, live, to the case's page: from the click to
/// the first row and to every row in the DOM, and the longest task in between.
async fn navigate(server: &Server, case: &Case, cap: Duration) -> Outcome {
    let mut out = Outcome::default();
    let (browser, d, ready) = match open_until_live(server, &case.start, cap).await {
        Ok(x) => x,
        Err(note) => {
            out.note = Some(note);
            return out;
        }
    };
    if ready != Ok(true) {
        out.note = Some(format!("start page {} never went live", case.start));
        finish(browser, &d, false).await;
        return out;
    }
    let watch = format!(
        "return window.__bench.watch({}, {}, {}, {});",
        json!(case.link),
        json!(case.first),
        json!(case.last_id),
        json!(case.count.unwrap_or(0))
    );
    match run(&d, &watch, Duration::from_secs(10)).await {
        Ok(Value::String(s)) if s == "ok" => {}
        Ok(v) => {
            out.note = Some(format!("failed: {v}"));
            finish(browser, &d, true).await;
            return out;
        }
        Err(e) => {
            out.note = Some(e.unwrap_or_else(|| "start page busy".into()));
            finish(browser, &d, false).await;
            return out;
        }
    }
    let clicked = Instant::now();
    let done = wait_for(
        &d,
        "window.__bench && window.__bench.navDone !== null && window.__bench.navDone !== undefined",
        clicked,
        cap,
    )
    .await;
    settle(&done, cap, &mut out).await;
    let report = run(
        &d,
        "var b = window.__bench; return b && b.navT0 !== undefined ? b.report(b.navT0, b.navDone === null ? Infinity : b.navDone) : null;",
        // The page may be busy again after the last row (e.g. follow-up lines filled in).
        if done == Ok(true) { cap } else { Duration::from_secs(10) },
    )
    .await;
    match report {
        Ok(r) if !r.is_null() => {
            let f = |k: &str| r[k].as_f64();
            let t0 = f("navT0").unwrap_or(0.0);
            out.first = f("navFirst").map(|t| t - t0);
            out.second = f("navDone").map(|t| t - t0);
            long_tasks(&r, &mut out);
            if r["path"].as_str() != Some(case.path.as_str()) && out.note.is_none() {
                out.note = Some(format!("ended on {}", r["path"]));
            }
        }
        Ok(_) => {
            if out.note.is_none() {
                out.note = Some("failed: the page reloaded (not a client-side navigation)".into());
            }
        }
        Err(_) => {}
    }
    finish(browser, &d, done.as_ref().is_ok_and(|l| *l)).await;
    out
}

/// Quit politely when the page answers; a frozen one is killed (the browser's Drop).
async fn finish(browser: Browser, d: &WebDriver, responsive: bool) {
    if responsive {
        let _ = tokio::time::timeout(Duration::from_secs(10), d.clone().quit()).await;
    }
    drop(browser);
}

fn ms(v: Option<f64>) -> String {
    match v {
        None => "–".into(),
        Some(v) if v < 10_000.0 => format!("{v:.0} ms"),
        Some(v) => format!("{:.1} s", v / 1000.0),
    }
}

fn bytes(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{:.1} MB", n as f64 / 1e6)
    } else {
        format!("{:.0} KB", n as f64 / 1e3)
    }
}

/// A figure, or why it is missing (only in the column the cap or failure applies to).
fn figure(v: Option<f64>, note: &Option<String>) -> String {
    match (v, note) {
        (Some(_), _) => ms(v),
        (None, Some(n)) => n.clone(),
        (None, None) => "–".into(),
    }
}

/// `<work>/<site>.prerender.log`, written by bench/big-data.sh: the pre-renderer's summary
/// line and /usr/bin/time's.
fn prerender_line(work: &Path, site: &str) -> Option<String> {
    let text = std::fs::read_to_string(work.join(format!("{site}.prerender.log"))).ok()?;
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("prerender") || l.starts_with("bench:"))
        .collect();
    Some(lines.join("; "))
}

pub async fn measure(work: &Path, cap: Duration, only: Option<&str>) -> Result<(), String> {
    let cases: Vec<Case> = read_cases(work)?
        .into_iter()
        .filter(|c| only.is_none_or(|o| c.name.contains(o)))
        .collect();
    if cases.is_empty() {
        return Err(format!(
            "no cases in {}/cases.json (run generate first)",
            work.display()
        ));
    }
    let mut rows = Vec::new();
    for case in &cases {
        let site = work.join(&case.site);
        let server = Server::try_start_at(site.clone(), 0, "/").map_err(|e| e.to_string())?;
        let html_file = site
            .join(case.path.trim_start_matches('/'))
            .join("index.html");
        let html = std::fs::metadata(&html_file).map(|m| m.len()).ok();
        let data = std::fs::metadata(site.join(&case.data_file))
            .map(|m| m.len())
            .unwrap_or(0);
        eprintln!("big-data: {} — pre-rendered load", case.name);
        let l = load(&server, case, cap).await;
        eprintln!(
            "big-data: {} — client-side navigation from {}",
            case.name, case.start
        );
        let n = navigate(&server, case, cap).await;
        rows.push((case.clone(), html, data, l, n));
    }
    println!();
    println!("Minutebook big-data benchmark (synthetic council; headless Chromium, cold cache, cap {} s per wait)", cap.as_secs());
    println!();
    println!("| case | page | rows | HTML | JSON | FCP | HTML parsed | live (taken over) | longest task, load | nav: first row | nav: all rows | longest task, nav |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (c, html, data, l, n) in &rows {
        println!(
            "| {} | `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            c.name,
            c.path,
            thousands(c.rows),
            html.map(bytes).unwrap_or_else(|| "not pre-rendered".into()),
            bytes(*data),
            // Without its own HTML the server answers with the home page's: not this page's paint.
            if html.is_some() {
                ms(l.fcp)
            } else {
                "–".into()
            },
            ms(l.dcl),
            figure(l.first, &l.note),
            ms(l.longest),
            figure(n.first, &n.note),
            figure(n.second, &n.note),
            ms(n.longest),
        );
    }
    println!();
    println!("Total blocking time (sum over long tasks of the part above 50 ms): ");
    for (c, _, _, l, n) in &rows {
        println!(
            "- {}: load {}, navigation {}",
            c.name,
            ms(l.blocking),
            ms(n.blocking)
        );
    }
    println!();
    println!("Pre-rendering (the `prerender` binary on the copy, every page of the site):");
    let mut sites: Vec<&str> = rows.iter().map(|r| r.0.site.as_str()).collect();
    sites.dedup();
    for s in sites {
        println!(
            "- {s}: {}",
            prerender_line(work, s).unwrap_or_else(|| "not recorded".into())
        );
    }
    println!();
    println!(
        "FCP, HTML parsed (DOMContentLoaded) and live are from navigation start; live is when"
    );
    println!("<html data-mb-app=\"live\"> is set (the app has taken the page over). Longest task, load: up to");
    println!("then. Navigation: the app live on the start page, a link clicked; times from the click to the");
    println!("first row, and to every row, in the DOM; longest task in between. A fresh browser per figure.");
    Ok(())
}
