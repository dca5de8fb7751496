//! Pre-rendered pages (src/prerender.rs) and the app taking them over (src/takeover.rs):
//!
//! * with JavaScript off, every address the data holds is its own file whose heading, text
//!   and links are there, and only search says it needs JavaScript;
//! * with JavaScript on, for every page type, the text before and after the app takes over
//!   is the same, nothing shifts, scroll and focus stay, no console error, and client-side
//!   navigation and a reload work afterwards; axe finds nothing serious;
//! * the app starts when the reader needs it: on a first key press or a touch of a form
//!   field, and at once on search, on an address with a query, and on a page written for
//!   another day; a reader who only reads loads no wasm;
//! * embeds load only `embed-frame.js`, no wasm (their heights: tests/embed.rs);
//! * the CSV and calendar downloads are static files that independent parsers read.

mod common;

use common::{fail, run, run_dist, run_without_javascript, By};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Every `index.html` under `dist` outside the data and downloads folders, as app paths
/// (`/meetings/x`).
fn pages(dist: &Path) -> Vec<String> {
    let mut out: Vec<String> = minutebook_tools::files::list_files(dist)
        .into_iter()
        .filter(|rel| !rel.starts_with("data/") && !rel.starts_with("downloads/"))
        .filter_map(|rel| match rel.as_str() {
            "index.html" => Some("/".to_string()),
            _ => rel.strip_suffix("/index.html").map(|d| format!("/{d}")),
        })
        .collect();
    out.sort();
    out
}

/// The addresses the data holds (a sample of each kind is enough to know the list is right).
fn expected(dist: &Path) -> Vec<String> {
    let cat: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dist.join("data/index.json")).unwrap())
            .unwrap();
    let ids = |key: &str| -> Vec<String> {
        cat[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_string())
            .collect()
    };
    let mut out: Vec<String> = [
        "/",
        "/decisions",
        "/follow-ups",
        "/search",
        "/people",
        "/glossary",
    ]
    .map(String::from)
    .to_vec();
    out.extend(ids("committees").iter().map(|k| format!("/committees/{k}")));
    out.extend(
        ids("committees")
            .iter()
            .map(|k| format!("/embed/committees/{k}/next")),
    );
    out.extend(ids("meetings").iter().map(|m| format!("/meetings/{m}")));
    out.extend(
        ids("meetings")
            .iter()
            .map(|m| format!("/embed/meetings/{m}")),
    );
    out.extend(
        ids("forward_plans")
            .iter()
            .map(|p| format!("/forward-plans/{p}")),
    );
    out.extend(
        ids("dashboards")
            .iter()
            .map(|d| format!("/embed/dashboards/{d}")),
    );
    out
}

#[test]
fn every_address_in_the_data_is_a_file() {
    let dist = common::dist_dir();
    let have = pages(&dist);
    for path in expected(&dist) {
        let want = if path == "/" {
            "/".to_string()
        } else {
            path.clone()
        };
        assert!(
            have.contains(&want),
            "{path} has no pre-rendered file (dist{path}/index.html)"
        );
    }
    assert!(
        dist.join("404.html").is_file(),
        "404.html is the pre-rendered not-found page"
    );
    let not_found = std::fs::read_to_string(dist.join("404.html")).unwrap();
    assert!(not_found.contains("Page not found"), "404.html says so");
}

#[tokio::test]
async fn every_page_reads_without_javascript() {
    run_without_javascript("every_page_reads_without_javascript", async |app| {
        for path in pages(&common::dist_dir()) {
            app.goto(&path).await?;
            let h1 = app.driver.find_all(By::Css("main h1")).await?;
            if h1.len() != 1 {
                return fail(format!(
                    "{path}: {} h1 elements without JavaScript",
                    h1.len()
                ));
            }
            let heading = h1[0].text().await?;
            let main = app.driver.find(By::Css("main")).await?.text().await?;
            if heading.trim().is_empty() || main.len() < 60 {
                return fail(format!("{path}: no content without JavaScript: {main:?}"));
            }
            if main.contains("Loading…") {
                return fail(format!("{path}: a loading state was pre-rendered: {main}"));
            }
            let title = app.driver.title().await?;
            if !title.ends_with("– Minutebook") {
                return fail(format!("{path}: title {title:?}"));
            }
            let description: Vec<_> = app
                .driver
                .find_all(By::Css("head meta[name='description']"))
                .await?;
            if description.len() != 1 {
                return fail(format!("{path}: {} meta descriptions", description.len()));
            }
            let links = app.driver.find_all(By::Css("main a[href]")).await?.len();
            if links == 0 && !path.starts_with("/search") && !path.starts_with("/embed/") {
                return fail(format!("{path}: no links in the page"));
            }
            let says_needs_js = main.contains("needs JavaScript to show")
                || main.contains("Searching needs JavaScript");
            if says_needs_js != (path == "/search") {
                return fail(format!(
                    "{path}: only search may say it needs JavaScript: {main}"
                ));
            }
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_app_takes_over_each_page_type_without_a_change() {
    run("the_app_takes_over_each_page_type_without_a_change", async |app| {
        let wasm = common::app_file(&common::dist_dir(), "_bg.wasm");
        for (path, heading) in common::PAGE_TYPES {
            let embed = path.starts_with("/embed/");
            // Hold the wasm back, so the pre-rendered page can be read before the app arrives.
            app.server.delay_next(&wasm, 1, Duration::from_millis(1500));
            let hits_before = app.server.hits(&wasm);
            app.goto_before_app(path).await?;
            app.wait_for_text("main h1", heading).await?;
            let before: serde_json::Value = app
                .js(
                    "window.__mbErrors = []; const e = console.error; console.error = function () { window.__mbErrors.push([].join.call(arguments, ' ')); e.apply(console, arguments); }; \
                     window.addEventListener('error', function (ev) { window.__mbErrors.push(String(ev.message)); }); \
                     window.__mbShift = 0; new PerformanceObserver(function (l) { l.getEntries().forEach(function (x) { if (!x.hadRecentInput) window.__mbShift += x.value; }); }).observe({ type: 'layout-shift', buffered: true }); \
                     window.scrollTo(0, 200); \
                     const link = document.querySelector('main a[href]'); if (link) link.focus(); \
                     return { text: document.getElementById('mb-root').innerText, live: document.documentElement.getAttribute('data-mb-app'), \
                              y: window.scrollY, focus: document.activeElement && document.activeElement.outerHTML };",
                    vec![],
                )
                .await?;
            if embed {
                tokio::time::sleep(Duration::from_millis(2500)).await;
                if app.server.hits(&wasm) != hits_before {
                    return fail(format!("{path}: an embed loaded the wasm"));
                }
                continue;
            }
            if before["live"] != serde_json::Value::Null {
                return fail(format!("{path}: the app was live before its wasm arrived"));
            }
            app.press_a_key().await?;
            app.wait_until(&format!("{path}: the app to take over"), "document.documentElement.getAttribute('data-mb-app') === 'live'")
                .await?;
            let after: serde_json::Value = app
                .js(
                    "return { text: document.getElementById('mb-root').innerText, y: window.scrollY, shift: window.__mbShift, \
                              errors: window.__mbErrors, focus: document.activeElement && document.activeElement.outerHTML };",
                    vec![],
                )
                .await?;
            if before["text"] != after["text"] {
                let (b, a) = (before["text"].as_str().unwrap_or(""), after["text"].as_str().unwrap_or(""));
                let at = b.chars().zip(a.chars()).take_while(|(x, y)| x == y).count();
                let from = at.saturating_sub(80);
                return fail(format!(
                    "{path}: the text changed when the app took over, at character {at}:\nbefore: {:?}\nafter:  {:?}",
                    b.chars().skip(from).take(200).collect::<String>(),
                    a.chars().skip(from).take(200).collect::<String>()
                ));
            }
            if before["y"] != after["y"] {
                return fail(format!("{path}: scroll moved from {} to {}", before["y"], after["y"]));
            }
            // Where the test put focus (a link) stays; a page with no link leaves the app free.
            let focused_link = before["focus"].as_str().is_some_and(|f| f.starts_with("<a "));
            if focused_link && before["focus"] != after["focus"] {
                return fail(format!("{path}: focus moved from {} to {}", before["focus"], after["focus"]));
            }
            if after["shift"].as_f64().unwrap_or(1.0) > 0.05 {
                return fail(format!("{path}: layout shift {}", after["shift"]));
            }
            if after["errors"].as_array().is_some_and(|e| !e.is_empty()) {
                return fail(format!("{path}: console errors {}", after["errors"]));
            }
            // Without the focus ring the test put there (axe judges a focused link's colours).
            let _: serde_json::Value = app.js("document.activeElement && document.activeElement.blur(); return null;", vec![]).await?;
            app.axe_check(path).await?;
        }

        // Navigation is client-side afterwards (no reload: a marker on window survives), and a
        // reload works.
        app.goto("/meetings/sefton-osc-children-2022-11-07").await?;
        let _: serde_json::Value = app.js("window.__mbMarker = 7; return null;", vec![]).await?;
        app.click(".site-nav a[href$='/decisions']").await?;
        app.wait_for_text("main h1", "Decisions").await?;
        let marker: serde_json::Value = app.js("return window.__mbMarker || null;", vec![]).await?;
        if marker != json!(7) {
            return fail("following a link reloaded the page instead of navigating in the app");
        }
        app.driver.refresh().await?;
        app.wait_for_text("main h1", "Decisions").await?;
        app.press_a_key().await?;
        app.wait_until("the app to take over after a reload", "document.documentElement.getAttribute('data-mb-app') === 'live'").await?;
        Ok(())
    })
    .await;
}

const LIVE: &str = "document.documentElement.getAttribute('data-mb-app') === 'live'";

/// Whether the app is live after `wait`, and the wasm's request count then.
async fn live_after(
    app: &common::App,
    wasm: &str,
    wait: Duration,
) -> common::TestResult<(bool, usize)> {
    tokio::time::sleep(wait).await;
    let live: bool = app.js(&format!("return {LIVE};"), vec![]).await?;
    Ok((live, app.server.hits(wasm) as usize))
}

#[tokio::test]
async fn the_app_starts_when_the_reader_needs_it() {
    run("the_app_starts_when_the_reader_needs_it", async |app| {
        let wasm = common::app_file(&common::dist_dir(), "_bg.wasm");
        // A reader who reads, scrolls and follows links loads no wasm.
        app.goto_before_app("/meetings/sefton-osc-children-2022-11-07")
            .await?;
        app.wait_for_text("main h1", "Monday 7 November 2022")
            .await?;
        let _: serde_json::Value = app
            .js("window.scrollTo(0, 400); return null;", vec![])
            .await?;
        if live_after(app, &wasm, Duration::from_secs(3)).await? != (false, 0) {
            return fail("the meeting page started the app with no reader asking for it");
        }
        app.click(".site-nav a[href$='/decisions']").await?;
        app.wait_for_text("main h1", "Decisions").await?;
        if live_after(app, &wasm, Duration::from_secs(2)).await? != (false, 0) {
            return fail("following a link started the app");
        }
        // Touching a filter starts it; what the reader chose survives the take-over.
        app.click("#filter-kind").await?;
        app.wait_until("the app to start on touching a filter", LIVE)
            .await?;
        if app.server.hits(&wasm) != 1 {
            return fail(format!(
                "the wasm was requested {} times",
                app.server.hits(&wasm)
            ));
        }
        // A first key press starts it too.
        app.goto_before_app("/committees/sefton-osc-children")
            .await?;
        app.wait_for_text("main h1", "Overview and Scrutiny Committee")
            .await?;
        if live_after(app, &wasm, Duration::from_secs(2)).await?.0 {
            return fail("the committee page started the app with no reader asking for it");
        }
        app.press_a_key().await?;
        app.wait_until("the app to start on a key press", LIVE)
            .await?;
        // Search needs the app, and so does an address with a query: at once.
        for path in ["/search", "/decisions?kind=requested"] {
            app.goto_before_app(path).await?;
            app.wait_until(
                &format!("{path}: the app to start with no interaction"),
                LIVE,
            )
            .await?;
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_page_written_for_another_day_starts_the_app_at_once() {
    // The home page's next meetings depend on the day: a build from an earlier day is
    // corrected by the app without waiting for the reader.
    let copy = std::env::temp_dir().join(format!("minutebook-as-of-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    common::copy_dir(&common::dist_dir(), &copy);
    let home = copy.join("index.html");
    let html = std::fs::read_to_string(&home).unwrap();
    let at = html
        .find("data-mb-as-of=\"")
        .expect("the home page carries its build date")
        + 15;
    let mut stale = format!("{}2001-01-01{}", &html[..at], &html[at + 10..]);
    // And its words, as a build on that day would have written them.
    let from = stale.find("as of ").expect("the home page says its date") + 6;
    let to = from
        + stale[from..]
            .find(".</p>")
            .expect("the date ends its sentence");
    stale.replace_range(from..to, "1 January 2001");
    std::fs::write(&home, stale).unwrap();
    run_dist(
        "a_page_written_for_another_day_starts_the_app_at_once",
        copy.clone(),
        "/",
        async |app| {
            app.goto_before_app("/").await?;
            app.wait_until("the app to start on a page written for another day", LIVE)
                .await?;
            let as_of: String = app
                .js(
                    "return document.querySelector('.mb-as-of').innerText;",
                    vec![],
                )
                .await?;
            if as_of.contains("2001") {
                return fail(format!("the app did not correct the day: {as_of}"));
            }
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&copy);
}

#[tokio::test]
async fn embeds_load_only_the_frame_script_and_no_wasm() {
    run("embeds_load_only_the_frame_script_and_no_wasm", async |app| {
        let dist = common::dist_dir();
        let wasm = common::app_file(&dist, "_bg.wasm");
        for path in pages(&dist).into_iter().filter(|p| p.starts_with("/embed/")) {
            app.goto(&path).await?;
            app.wait_for("main h1").await?;
            let scripts: Vec<String> = app
                .js("return Array.from(document.scripts).map(function (s) { return s.src || 'inline'; });", vec![])
                .await?;
            if scripts.iter().any(|s| s == "inline" || !s.ends_with("/embed-frame.js")) {
                return fail(format!("{path}: scripts other than embed-frame.js: {scripts:?}"));
            }
        }
        if app.server.hits(&wasm) != 0 {
            return fail("an embed page loaded the wasm");
        }
        Ok(())
    })
    .await;
}

/// The files under `dir` whose extension is `ext`.
fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    minutebook_tools::files::list_files(dir)
        .into_iter()
        .map(|rel| dir.join(rel))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect()
}

#[test]
fn static_downloads_are_read_back_by_independent_parsers() {
    let downloads = common::dist_dir().join("downloads");
    let calendars = files_under(&downloads, "ics");
    assert!(
        !calendars.is_empty(),
        "calendar files in {}",
        downloads.display()
    );
    for file in &calendars {
        let text = std::fs::read_to_string(file).unwrap();
        let mut events = 0;
        for cal in ical::IcalParser::new(text.as_bytes()) {
            let cal = cal.unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            events += cal.events.len();
        }
        assert!(events > 0, "{}: no events", file.display());
    }
    let tables = files_under(&downloads, "csv");
    assert!(!tables.is_empty(), "CSV files in {}", downloads.display());
    for file in &tables {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            text.starts_with('\u{feff}'),
            "{}: a byte-order mark for spreadsheets",
            file.display()
        );
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let width = reader
            .headers()
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
            .len();
        let rows: Vec<_> = reader
            .records()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(
            rows.iter().all(|r| r.len() == width),
            "{}: ragged rows",
            file.display()
        );
    }
}
