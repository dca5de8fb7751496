//! Hostile data and broken hosts, in the browser (issue 12). `check` refuses the same kinds
//! of file before they are published (crates/tools/tests/check_hostile.rs); these cases are
//! what a reader sees when such a file is on the host anyway, or the host misbehaves.
//!
//! For every case the outcome a reader must get is asserted, both in the page written at
//! build time (read as HTML, as a reader without JavaScript gets it) and after the app has
//! taken the page over: it works; or it shows a clear message naming the file; and never
//! a blank page, a panic (the "could not start" notice), a script that runs, or a link
//! that is not http(s)/mailto/tel or inside the app.
//!
//! Also here: every page type under the Content-Security-Policy with no violation, the
//! notice when the app's own files fail, a data request that never answers, and the
//! people page's retry.

mod common;

use common::{fail, run, run_dist, App, TestResult};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a reader must see.
#[derive(Clone, Copy, Debug)]
enum Outcome {
    /// The page works and shows this text in its `h1`.
    Works(&'static str),
    /// The page says what is wrong, naming the file (and these words).
    Message(&'static str),
    /// Hostile text shows as text: no element, no link, no script from it.
    Inert(&'static str),
}

struct Case {
    category: &'static str,
    name: &'static str,
    /// The data file changed (under `data/`), and how.
    file: &'static str,
    change: fn(&[u8]) -> Vec<u8>,
    /// The page that reads it.
    page: &'static str,
    outcome: Outcome,
}

fn json_edit(bytes: &[u8], edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(bytes).expect("bundled data is JSON");
    edit(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

const SCRIPT: &str =
    "</title><img src=x onerror=\"window.__mbPwned=1\"><script>window.__mbPwned=1</script>";
const JS_LINK: &str = "javascript:window.__mbPwned=1";

fn cases() -> Vec<Case> {
    vec![
        Case {
            category: "encoding",
            name: "a UTF-8 byte-order mark, as Windows tools write it",
            file: "meetings/sefton-osc-children-2022-11-07.json",
            change: |b| [&[0xEF, 0xBB, 0xBF][..], b].concat(),
            page: "/meetings/sefton-osc-children-2022-11-07",
            outcome: Outcome::Works("Monday 7 November 2022"),
        },
        Case {
            category: "encoding",
            name: "bytes that are not UTF-8",
            file: "meetings/sefton-osc-children-2022-12-20.json",
            change: |b| {
                let s = String::from_utf8_lossy(b).replacen("\"id\"", "\"i\u{0}d\"", 1);
                let mut v = s.into_bytes();
                let at = v.iter().position(|&c| c == 0).unwrap();
                v[at] = 0xFF;
                v
            },
            page: "/meetings/sefton-osc-children-2022-12-20",
            outcome: Outcome::Message("data/meetings/sefton-osc-children-2022-12-20.json"),
        },
        Case {
            category: "broken host",
            name: "the host's web page instead of the file (a single-page-app fallback)",
            file: "meetings/sefton-osc-children-2022-09-27.json",
            change: |_| {
                b"<!DOCTYPE html>\n<html lang=\"en\"><head><title>Council</title></head><body>Home</body></html>".to_vec()
            },
            page: "/meetings/sefton-osc-children-2022-09-27",
            outcome: Outcome::Message(
                "web page instead of data/meetings/sefton-osc-children-2022-09-27.json",
            ),
        },
        Case {
            category: "broken host",
            name: "a file cut off half way (a partial upload)",
            file: "meetings/sefton-osc-children-2022-03-15.json",
            change: |b| b[..b.len() / 2].to_vec(),
            page: "/meetings/sefton-osc-children-2022-03-15",
            outcome: Outcome::Message(
                "data/meetings/sefton-osc-children-2022-03-15.json is cut off",
            ),
        },
        Case {
            category: "broken host",
            name: "an empty file",
            file: "meetings/st-helens-cyp-scrutiny-2021-12-06.json",
            change: |_| Vec::new(),
            page: "/meetings/st-helens-cyp-scrutiny-2021-12-06",
            outcome: Outcome::Message("data/meetings/st-helens-cyp-scrutiny-2021-12-06.json"),
        },
        Case {
            category: "scale",
            name: "a meeting file far larger than any real one (valid JSON padded past 20 MB)",
            file: "meetings/sefton-osc-children-2023-01-31.json",
            change: |b| [b, &vec![b' '; 20_000_000][..]].concat(),
            page: "/meetings/sefton-osc-children-2023-01-31",
            outcome: Outcome::Message("more than the 20 MB a meeting file may be"),
        },
        Case {
            category: "contract",
            name: "a format version this app does not read",
            file: "meetings/st-helens-cyp-scrutiny-2021-09-20.json",
            change: |b| json_edit(b, |v| v["format"] = "minutebook/2".into()),
            page: "/meetings/st-helens-cyp-scrutiny-2021-09-20",
            outcome: Outcome::Message("minutebook/2"),
        },
        Case {
            category: "contract",
            name: "a date written +022-11-07",
            file: "meetings/sefton-osc-children-2021-07-06.json",
            change: |b| json_edit(b, |v| v["date"] = "+022-11-07".into()),
            page: "/meetings/sefton-osc-children-2021-07-06",
            outcome: Outcome::Message("data/meetings/sefton-osc-children-2021-07-06.json"),
        },
        Case {
            category: "numbers",
            name: "an indicator value of 1e308",
            file: "dashboards/sefton-osc-children-performance-dashboard-2022-11-07.json",
            change: |b| {
                String::from_utf8_lossy(b)
                    .replacen("\"value\": 607", "\"value\": 1e308", 1)
                    .into_bytes()
            },
            page: "/dashboards/sefton-osc-children-performance-dashboard-2022-11-07",
            outcome: Outcome::Message(
                "data/dashboards/sefton-osc-children-performance-dashboard-2022-11-07.json",
            ),
        },
        Case {
            category: "injection",
            name: "markup and a script in an agenda item title; a javascript: source link",
            file: "meetings/sefton-osc-children-2022-07-05.json",
            change: |b| {
                json_edit(b, |v| {
                    v["items"][0]["title"] = format!("Hostile title {SCRIPT}").into();
                    v["sources"][0]["url"] = JS_LINK.into();
                })
            },
            page: "/meetings/sefton-osc-children-2022-07-05",
            outcome: Outcome::Inert("Hostile title </title><img"),
        },
        Case {
            category: "injection",
            name: "markup in a committee title in the catalogue",
            file: "index.json",
            change: |b| {
                json_edit(b, |v| {
                    let t = v["committees"][1]["title"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string();
                    v["committees"][1]["title"] = format!("{t} {SCRIPT}").into();
                })
            },
            page: "/committees/st-helens-cyp-scrutiny",
            outcome: Outcome::Inert("<script>window.__mbPwned=1</script>"),
        },
    ]
}

/// A copy of the build with every case's change, pre-rendered again as `trunk build` would.
fn hostile_build() -> PathBuf {
    let dist = common::dist_dir();
    let copy = std::env::temp_dir().join(format!("minutebook-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    common::copy_dir(&dist, &copy);
    for case in cases() {
        let file = copy.join("data").join(case.file);
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        std::fs::write(&file, (case.change)(&bytes)).unwrap();
    }
    common::prerender(&copy, "/");
    copy
}

fn html_file(dist: &Path, page: &str) -> PathBuf {
    dist.join(page.trim_start_matches('/')).join("index.html")
}

/// The page as written at build time (what a reader without JavaScript gets).
fn check_static(dist: &Path, case: &Case) -> Result<(), String> {
    let file = html_file(dist, case.page);
    let html = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let text = html
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'");
    if !html.contains("<h1") {
        return Err("no h1: a blank page".into());
    }
    if html.contains("href=\"javascript")
        || html.contains("<img src=x")
        || html.contains("<script>window.__mbPwned")
        || html.contains("</title><script")
    {
        return Err("hostile markup or a javascript: link reached the HTML".into());
    }
    match case.outcome {
        Outcome::Works(h1) if !html.contains(h1) => Err(format!("no {h1:?}")),
        Outcome::Works(_) if html.contains("mb-error") => {
            Err("an error message on a page that should work".into())
        }
        Outcome::Message(words) if !(html.contains("mb-error") && text.contains(words)) => {
            Err(format!("no message containing {words:?}"))
        }
        Outcome::Inert(shown)
            if !html.contains(&shown.replace('<', "&lt;").replace('>', "&gt;")) =>
        {
            Err(format!("the text {shown:?} is not shown as text"))
        }
        _ => Ok(()),
    }
}

/// The page after the app has taken it over.
async fn check_live(app: &App, case: &Case) -> TestResult {
    app.goto(case.page).await?;
    app.wait_for("main h1").await?;
    match case.outcome {
        Outcome::Works(h1) => {
            app.wait_for_text("main h1", h1).await?;
            if app.count(".mb-error").await? > 0 {
                return fail(format!(
                    "{}: an error message on a page that should work",
                    case.page
                ));
            }
        }
        Outcome::Message(words) => {
            app.wait_for_text(".mb-error", words).await?;
        }
        Outcome::Inert(shown) => {
            app.wait_for_text("main", shown).await?;
        }
    }
    let state: serde_json::Value = app
        .js(
            "return { pwned: window.__mbPwned || null, notice: !document.getElementById('mb-app-failed').hidden, \
                      links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => !/^(https?:|mailto:|tel:|\\/|#|$)/i.test(h)), \
                      injected: document.querySelectorAll('main img[src=x], main script').length };",
            vec![],
        )
        .await?;
    if state["pwned"] != serde_json::Value::Null {
        return fail(format!("{}: a script from the data ran", case.page));
    }
    if state["notice"] == true {
        return fail(format!("{}: the app stopped (panic?)", case.page));
    }
    if state["links"].as_array().is_some_and(|l| !l.is_empty()) || state["injected"] != 0 {
        return fail(format!(
            "{}: unsafe links or elements from the data: {state}",
            case.page
        ));
    }
    Ok(())
}

#[tokio::test]
async fn hostile_data_never_breaks_a_page() {
    let dist = hostile_build();
    let cases = cases();
    let mut by_category = std::collections::BTreeMap::<&str, usize>::new();
    let mut by_outcome = std::collections::BTreeMap::<&str, usize>::new();
    let mut problems = Vec::new();
    for case in &cases {
        *by_category.entry(case.category).or_default() += 1;
        *by_outcome
            .entry(match case.outcome {
                Outcome::Works(_) => "works",
                Outcome::Message(_) => "message naming the file",
                Outcome::Inert(_) => "shown as text",
            })
            .or_default() += 1;
        if let Err(e) = check_static(&dist, case) {
            problems.push(format!("{} ({}), pre-rendered: {e}", case.name, case.page));
        }
    }
    eprintln!("hostile corpus (browser): {} cases; by category {by_category:?}; by outcome {by_outcome:?}", cases.len());
    if !problems.is_empty() {
        let _ = std::fs::remove_dir_all(&dist);
        panic!("{}", problems.join("\n"));
    }
    run_dist(
        "hostile_data_never_breaks_a_page",
        dist.clone(),
        "/",
        async |app| {
            for case in &cases {
                if let Err(e) = check_live(app, case).await {
                    return fail(format!("{}: {e}", case.name));
                }
            }
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&dist);
}

/// Search records come from a data file too: a `javascript:` link stays text, and a
/// corrupt manifest is a message, not a panic or "Searching…" for ever.
#[tokio::test]
async fn hostile_search_index_is_text_or_a_message() {
    let dist = common::dist_dir();
    let copy =
        std::env::temp_dir().join(format!("minutebook-hostile-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    common::copy_dir(&dist, &copy);
    let docs = copy.join("data/search/d/0.json");
    let mut records: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&docs).unwrap()).unwrap();
    records[0]["u"] = JS_LINK.into();
    std::fs::write(&docs, serde_json::to_vec(&records).unwrap()).unwrap();
    let manifest = copy.join("data/search/manifest.json");
    let good = std::fs::read(&manifest).unwrap();
    run_dist(
        "hostile_search_index_is_text_or_a_message",
        copy.clone(),
        "/",
        async |app| {
            app.goto("/search?q=cabinet+member+reports").await?;
            app.wait_for_text(".search-result", "Cabinet Member Reports")
                .await?;
            let bad: usize = app
                .js(
                    "return document.querySelectorAll('a[href^=\"javascript\" i]').length;",
                    vec![],
                )
                .await?;
            if bad > 0 {
                return fail("a javascript: search record became a link");
            }
            // Facet groups that point past the councils.
            let mut m: serde_json::Value = serde_json::from_slice(&good)?;
            m["groups"][0][0] = 99.into();
            std::fs::write(&manifest, serde_json::to_vec(&m)?)?;
            app.goto("/search?q=cabinet").await?;
            app.wait_for_text(".mb-error", "data/search/manifest.json")
                .await?;
            let notice: bool = app
                .js(
                    "return !document.getElementById('mb-app-failed').hidden;",
                    vec![],
                )
                .await?;
            if notice {
                return fail("a corrupt search manifest stopped the app");
            }
            // The rest of the site still works.
            app.click(".site-nav a[href$='/decisions']").await?;
            app.wait_for_text("main h1", "Decisions").await?;
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&copy);
}

#[tokio::test]
async fn every_page_type_runs_under_the_content_security_policy() {
    run("every_page_type_runs_under_the_content_security_policy", async |app| {
        app.watch_csp_violations().await?;
        for (path, heading) in common::PAGE_TYPES {
            app.goto(path).await?;
            app.wait_for_text("main h1", heading).await?;
            let policy: Option<String> = app
                .js("const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m && m.content;", vec![])
                .await?;
            let Some(policy) = policy else {
                return fail(format!("{path}: no Content-Security-Policy"));
            };
            let script_src = policy.split(';').map(str::trim).find(|d| d.starts_with("script-src")).unwrap_or("");
            if script_src.split_whitespace().any(|t| t == "'unsafe-inline'" || t == "'unsafe-eval'" || t == "*") {
                return fail(format!("{path}: the policy allows inline or eval'd script: {policy}"));
            }
            let violations = app.csp_violations().await?;
            if !violations.is_empty() {
                return fail(format!("{path}: CSP violations {violations:?}"));
            }
        }
        // What runs later under the policy: search as you type, a filter, the glossary.
        app.goto("/search").await?;
        let input = app.wait_for("#search-q").await?;
        input.send_keys("scrutiny").await?;
        app.wait_for(".search-result").await?;
        app.goto("/decisions?q=report").await?;
        app.wait_for_text("main h1", "Decisions").await?;
        let violations = app.csp_violations().await?;
        if !violations.is_empty() {
            return fail(format!("CSP violations {violations:?}"));
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_page_whose_app_cannot_start_says_so() {
    run("a_page_whose_app_cannot_start_says_so", async |app| {
        let dist = common::dist_dir();
        let (glue, wasm) = (
            common::app_file(&dist, ".js"),
            common::app_file(&dist, "_bg.wasm"),
        );
        let notice = "!document.getElementById('mb-app-failed').hidden";
        // Stale HTML after a deploy: its JS glue is gone.
        app.server.fail_next(&glue, 1, 404);
        app.goto_before_app("/committees/sefton-osc-children")
            .await?;
        app.press_a_key().await?;
        app.wait_until("the notice after the app's script answered 404", notice)
            .await?;
        app.wait_for_text("#mb-app-failed", "Reload the page")
            .await?;
        app.wait_for_text("main h1", "Overview and Scrutiny Committee")
            .await?;
        // The wasm answers 500.
        app.server.fail_next(&wasm, 1, 500);
        app.goto_before_app("/meetings/sefton-osc-children-2022-11-07")
            .await?;
        app.press_a_key().await?;
        app.wait_until("the notice after the wasm answered 500", notice)
            .await?;
        app.wait_for_text("main h1", "Monday 7 November 2022")
            .await?;
        // The reload link reloads, and then the app starts.
        app.click("#mb-app-failed a").await?;
        app.wait_for_text("main h1", "Monday 7 November 2022")
            .await?;
        app.press_a_key().await?;
        app.wait_until(
            "the app to start after reloading",
            "document.documentElement.getAttribute('data-mb-app') === 'live'",
        )
        .await?;
        let shown: bool = app.js(&format!("return {notice};"), vec![]).await?;
        if shown {
            return fail("the notice is still shown after a successful start");
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_data_request_that_never_answers_times_out_with_a_retry() {
    run("a_data_request_that_never_answers_times_out_with_a_retry", async |app| {
        let file = "/data/meetings/sefton-osc-children-2022-09-27.json";
        app.goto("/committees/sefton-osc-children").await?;
        app.server.delay_next(file, 1, Duration::from_secs(40));
        app.click("main a[href$='/meetings/sefton-osc-children-2022-09-27']").await?;
        app.wait_until_within(
            "the time-out message",
            "(document.querySelector('.mb-error') || {}).innerText?.includes('no answer within 20 seconds')",
            Duration::from_secs(35),
        )
        .await?;
        app.click(".mb-retry").await?;
        app.wait_for_text("main h1", "Tuesday 27 September 2022").await?;
        if app.server.hits(file) < 2 {
            return fail("the retry did not fetch the meeting again");
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_people_page_retry_fetches_the_file_that_failed() {
    run(
        "the_people_page_retry_fetches_the_file_that_failed",
        async |app| {
            let file = "/data/attendance/sefton.json";
            app.server.fail_next(file, 1, 500);
            app.goto("/people").await?;
            app.wait_for_text(".mb-error", "data/attendance/sefton.json")
                .await?;
            let hits = app.server.hits(file);
            app.click(".mb-retry").await?;
            app.wait_gone(".mb-error").await?;
            app.wait_for_text("main", "June Burns").await?;
            if app.server.hits(file) <= hits {
                return fail("the retry did not fetch data/attendance/sefton.json again");
            }
            Ok(())
        },
    )
    .await;
}

/// A meeting with 150 agenda items (its ten, repeated): the first 50 are open and the rest
/// folded into closed `<details>`, both in the page written at build time and after the
/// app has taken it over; an address naming a folded item opens it, and it stays open
/// through the take-over; a reader can open any other. And a committee with over 200
/// meetings shows its latest three municipal years and folds the earlier ones.
/// (bench/big-data.sh measures what this saves on 5,000 items and 2,000 meetings.)
#[tokio::test]
async fn long_agendas_and_long_meeting_lists_fold() {
    const PAGE: &str = "/meetings/sefton-osc-children-2022-11-07";
    const COMMITTEE: &str = "/committees/sefton-osc-children";
    let copy = std::env::temp_dir().join(format!("minutebook-long-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    common::copy_dir(&common::dist_dir(), &copy);
    let file = copy.join("data/meetings/sefton-osc-children-2022-11-07.json");
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(
        &file,
        json_edit(&bytes, |v| {
            let items = v["items"].as_array().expect("items").clone();
            v["items"] = items.iter().cycle().take(150).cloned().collect();
        }),
    )
    .unwrap();
    // 240 more meetings of the committee in the catalogue, 2015 to 2019 (their files are
    // not there: only the committee's list is under test).
    let index = copy.join("data/index.json");
    let bytes = std::fs::read(&index).unwrap();
    std::fs::write(
        &index,
        json_edit(&bytes, |v| {
            let meetings = v["meetings"].as_array_mut().expect("meetings");
            let template = meetings
                .iter()
                .find(|m| m["committee"] == "sefton-osc-children")
                .expect("a Sefton meeting")
                .clone();
            for y in 2015..2020 {
                for m in 1..=12 {
                    for d in [1, 8, 15, 22] {
                        let date = format!("{y}-{m:02}-{d:02}");
                        let mut meeting = template.clone();
                        meeting["id"] = format!("sefton-osc-children-{date}").into();
                        meeting["date"] = date.into();
                        meetings.push(meeting);
                    }
                }
            }
        }),
    )
    .unwrap();
    common::prerender(&copy, "/");

    let committee = std::fs::read_to_string(html_file(&copy, COMMITTEE)).unwrap();
    let folded_years = committee.matches("class=\"meetings-year\"").count();
    let open_years = committee.matches("<h3 id=\"year-").count();
    if open_years != 3
        || folded_years < 5
        || !committee.contains("the latest 3 municipal years are shown")
    {
        let _ = std::fs::remove_dir_all(&copy);
        panic!("committee, pre-rendered: {open_years} open years and {folded_years} folded, or no note saying so");
    }

    let html = std::fs::read_to_string(html_file(&copy, PAGE)).unwrap();
    let open = html.matches("class=\"agenda-item\"").count();
    let folded = html
        .matches("class=\"agenda-item agenda-item--folded\"")
        .count();
    if (open, folded) != (50, 100)
        || !html.contains("This meeting has 150 agenda items. To keep the page quick, items 51 onwards are folded")
    {
        let _ = std::fs::remove_dir_all(&copy);
        panic!("pre-rendered: {open} open items and {folded} folded, or no note saying so");
    }

    run_dist(
        "long_agendas_and_long_meeting_lists_fold",
        copy.clone(),
        "/",
        async |app| {
            app.goto(COMMITTEE).await?;
            let closed = app.count("details.meetings-year:not([open])").await?;
            if closed != folded_years || app.count("main h3[id^=year-]").await? != 3 {
                return fail(format!("committee after the take-over: {closed} closed years, wanted {folded_years}, and 3 open"));
            }
            app.click("details.meetings-year > summary").await?;
            app.wait_until("a folded year to open", "document.querySelector('details.meetings-year').open === true")
                .await?;

            app.goto(&format!("{PAGE}#item-120")).await?;
            let counts: (usize, usize) = (
                app.count("section.agenda-item").await?,
                app.count("details.agenda-item--folded:not([open])").await?,
            );
            if counts != (50, 99) {
                return fail(format!(
                    "after the take-over: {counts:?} open sections and closed folds, wanted (50, 99)"
                ));
            }
            let open: Vec<bool> = app
                .js("return ['item-120', 'item-121'].map(id => document.getElementById(id).open)", vec![])
                .await?;
            if open != [true, false] {
                return fail(format!("item 120 should be open (the address names it) and 121 closed: {open:?}"));
            }
            app.click("#item-130 > summary").await?;
            app.wait_until("item 130 to open", "document.getElementById('item-130').open === true")
                .await?;
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&copy);
}
