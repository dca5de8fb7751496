//! Measurements in headless Chromium (Debian's chromium + chromedriver): Minutebook's
//! search page and Pagefind's JS API over the same records, served by the same server.

use minutebook_tools::serve::Server;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use thirtyfour::extensions::cdp::ChromeDevTools;
use thirtyfour::prelude::*;

/// The fixed query set: whole words, phrases and a word still being typed.
pub const QUERIES: &[&str] = &[
    "housing allocations",
    "school attendance",
    "budget",
    "highways",
    "climate emergency",
    "libr",
    "adult social care",
    "council tax",
    "flood risk",
    "parking enforcement",
    "leisure centre",
    "safeguarding",
    "procurement",
    "air quality",
    "youth justice",
    "apprenticeships",
    "dementia",
    "recruitment and retention",
    "bus service",
    "regeneration",
];

/// Results whose records are fetched and shown, in both engines.
const SHOWN: usize = 10;

pub struct Facts {
    pub meetings: usize,
    pub items: usize,
    pub parts: usize,
    pub records: usize,
    pub ours_build: f64,
    pub pf_build: f64,
    pub pf_version: String,
    pub ours_index: (u64, usize, u64, PathBuf),
    pub pf_index: (u64, usize, u64, PathBuf),
    pub data: (u64, usize, u64, PathBuf),
    pub committee: String,
}

pub struct Driver {
    child: Child,
    pub driver: Option<WebDriver>,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

async fn start_browser() -> Result<Driver, String> {
    start_browser_with(None).await
}

/// Chromium under chromedriver; `strategy` overrides the page-load strategy (the big-data
/// benchmark uses `None`, so that navigating never waits on a frozen page).
pub async fn start_browser_with(
    strategy: Option<thirtyfour::PageLoadStrategy>,
) -> Result<Driver, String> {
    use std::os::unix::process::CommandExt;
    let port = std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let bin = std::env::var("MINUTEBOOK_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let child = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start {bin}: {e}"))?;
    let profile =
        std::env::temp_dir().join(format!("minutebook-bench-chrome-{}", std::process::id()));
    let mut d = Driver {
        child,
        driver: None,
        profile,
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err("chromedriver did not start".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut caps = DesiredCapabilities::chrome();
    let chrome = std::env::var("MINUTEBOOK_CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
    caps.set_binary(&chrome).map_err(|e| e.to_string())?;
    if let Some(s) = strategy {
        caps.set_page_load_strategy(s).map_err(|e| e.to_string())?;
    }
    let profile_arg = format!("--user-data-dir={}", d.profile.display());
    for a in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        "--window-size=1280,900",
        profile_arg.as_str(),
    ] {
        caps.add_arg(a).map_err(|e| e.to_string())?;
    }
    d.driver = Some(
        WebDriver::new(format!("http://127.0.0.1:{port}"), caps)
            .await
            .map_err(|e| e.to_string())?,
    );
    Ok(d)
}

#[derive(Clone, Debug, Default)]
struct Sample {
    /// Until the results are shown (Minutebook) or fetched (Pagefind).
    ms: f64,
    /// Ranking and facet counts only (index pieces already fetched for Pagefind's warm runs).
    rank_ms: f64,
    /// Ranked and the shown records fetched, before rendering (Minutebook only).
    fetch_ms: f64,
    bytes: f64,
    reqs: f64,
    total: f64,
}

/// A query's timings from the page and its downloads from the server's log.
async fn query(
    driver: &WebDriver,
    server: &Server,
    script: &str,
    q: &str,
    prefix: &str,
) -> Result<Sample, String> {
    server.clear_sent();
    let v = js(driver, script, q).await?;
    if let Some(e) = v.get("error") {
        return Err(format!("in the page: {e}"));
    }
    // Requests still in flight when the page reported (none expected) would land here.
    tokio::time::sleep(Duration::from_millis(30)).await;
    let (bytes, reqs) = server.sent(prefix);
    let f = |k: &str| v.get(k).and_then(Value::as_f64).unwrap_or(f64::NAN);
    Ok(Sample {
        ms: f("ms"),
        rank_ms: f("rank_ms"),
        fetch_ms: f("fetch_ms"),
        bytes: bytes as f64,
        reqs: reqs as f64,
        total: f("total"),
    })
}

fn pct(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize - 1;
    v[rank.min(v.len() - 1)]
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

const OURS_QUERY: &str = r#"
const q = arguments[0], done = arguments[arguments.length - 1];
performance.clearResourceTimings(); performance.clearMeasures();
const input = document.getElementById('search-q');
input.value = q; input.dispatchEvent(new Event('input', { bubbles: true }));
const t0 = performance.now();
(function poll() {
  const m = performance.getEntriesByName('minutebook-search');
  const s = document.querySelector('.search-status');
  if (m.length && s && s.textContent.includes('\u201c' + q + '\u201d')) {
    const q1 = performance.getEntriesByName('minutebook-search-query');
    const q2 = performance.getEntriesByName('minutebook-search-fetch');
    done({ ms: m[m.length - 1].duration, rank_ms: q1.length ? q1[q1.length - 1].duration : null,
           fetch_ms: q2.length ? q2[q2.length - 1].duration : null, total: parseInt(s.textContent, 10) || 0 });
  } else if (performance.now() - t0 > 30000) done({ error: 'timeout: ' + (s ? s.textContent : 'no status') });
  else setTimeout(poll, 2);
})();
"#;

const PF_QUERY: &str = r#"
const q = arguments[0], done = arguments[arguments.length - 1];
performance.clearResourceTimings();
const t0 = performance.now();
(async () => {
  if (!window.pf) { window.pf = await import('/pagefind/pagefind.js'); await window.pf.options({ excerptLength: 30 }); }
  const t1 = performance.now();
  const r = await window.pf.search(q);
  const t15 = performance.now();
  await Promise.all(r.results.slice(0, SHOWN).map(x => x.data()));
  const t2 = performance.now();
  done({ ms: t2 - t0, warm_ms: t2 - t1, rank_ms: t15 - t1, total: r.results.length });
})().catch(e => done({ error: String(e) }));
"#;

/// Resolves when the page's main content is on screen: the time since navigation start.
const READY_PROBE: &str = r#"
window.__mbReady = null;
new MutationObserver(function () {
  if (window.__mbReady) return;
  var main = document.querySelector('main');
  if (!main || main.querySelector('.mb-loading') || !main.querySelector('h1')) return;
  if (main.querySelectorAll('li, tr').length < 1) return;
  window.__mbReady = performance.now();
}).observe(document, { subtree: true, childList: true });
"#;

async fn clear_cache(dev: &ChromeDevTools) -> Result<(), String> {
    dev.execute_cdp("Network.clearBrowserCache")
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

async fn js(driver: &WebDriver, script: &str, q: &str) -> Result<Value, String> {
    let r = driver
        .execute_async(script, vec![json!(q)])
        .await
        .map_err(|e| e.to_string())?;
    Ok(r.json().clone())
}

async fn wait_js(driver: &WebDriver, expr: &str) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let ok = driver
            .execute(
                format!("try {{ return !!({expr}); }} catch (e) {{ return false; }}"),
                vec![],
            )
            .await
            .map(|v| v.json() == &Value::Bool(true))
            .unwrap_or(false);
        if ok {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("timed out waiting for {expr}"));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub async fn run(dist: &Path, facts: &Facts, runs: usize) -> Result<(), String> {
    std::fs::write(
        dist.join("pagefind-bench.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pagefind bench</title></head><body><p>Pagefind</p></body></html>",
    )
    .map_err(|e| e.to_string())?;
    let server = Server::try_start_at(dist.to_path_buf(), 0, "/").map_err(|e| e.to_string())?;
    let browser = start_browser().await?;
    let driver = browser.driver.as_ref().expect("driver");
    let result = measure_all(driver, &server, facts, runs).await;
    if let Some(d) = &browser.driver {
        let _ = d.clone().quit().await;
    }
    drop(browser);
    drop(server);
    result
}

async fn measure_all(
    driver: &WebDriver,
    server: &Server,
    facts: &Facts,
    runs: usize,
) -> Result<(), String> {
    let dev = ChromeDevTools::new(driver.handle.clone());
    let pf_query = PF_QUERY.replace("SHOWN", &SHOWN.to_string());
    let goto = |path: &str| server.url_for(path);

    // Cold: a fresh page with an empty HTTP cache, then one query.
    let (mut ours_cold, mut pf_cold) = (Vec::new(), Vec::new());
    for q in QUERIES {
        clear_cache(&dev).await?;
        driver
            .goto(goto("/search"))
            .await
            .map_err(|e| e.to_string())?;
        wait_js(driver, "document.getElementById('search-q') && document.querySelector('.search-status').textContent.startsWith('Type')").await?;
        ours_cold.push(query(driver, server, OURS_QUERY, q, "/data/search/").await?);
        clear_cache(&dev).await?;
        driver
            .goto(goto("/pagefind-bench.html"))
            .await
            .map_err(|e| e.to_string())?;
        pf_cold.push(query(driver, server, &pf_query, q, "/pagefind/").await?);
    }
    // Warm: one visit, a query after other queries (the first pass gives bytes; every pass latency).
    let (mut ours_warm, mut pf_warm) = (Vec::new(), Vec::new());
    driver
        .goto(goto("/search"))
        .await
        .map_err(|e| e.to_string())?;
    wait_js(driver, "document.getElementById('search-q') && document.querySelector('.search-status').textContent.startsWith('Type')").await?;
    js(driver, OURS_QUERY, "council").await?;
    for _ in 0..runs {
        for q in QUERIES {
            ours_warm.push(query(driver, server, OURS_QUERY, q, "/data/search/").await?);
        }
    }
    driver
        .goto(goto("/pagefind-bench.html"))
        .await
        .map_err(|e| e.to_string())?;
    js(driver, &pf_query, "council").await?;
    for _ in 0..runs {
        for q in QUERIES {
            pf_warm.push(query(driver, server, &pf_query, q, "/pagefind/").await?);
        }
    }
    // Result counts agree roughly (different tokenisers and stemmers).
    let counts: Vec<String> = QUERIES
        .iter()
        .zip(&ours_cold)
        .zip(&pf_cold)
        .map(|((q, a), b)| format!("{q}: {}/{}", a.total, b.total))
        .collect();

    // Pages: time to content and rows in the DOM.
    dev.execute_cdp_with_params(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": READY_PROBE }),
    )
    .await
    .map_err(|e| e.to_string())?;
    let mut pages = Vec::new();
    let committee = format!("/committees/{}", facts.committee);
    for (label, path) in [
        ("Home (committee list)", "/"),
        ("Committee page (150 meetings)", committee.as_str()),
        ("Decisions", "/decisions"),
        ("Search, 20 results", "/search?q=budget"),
    ] {
        let mut times = Vec::new();
        let mut rows = 0.0;
        for _ in 0..3 {
            clear_cache(&dev).await?;
            driver.goto(goto(path)).await.map_err(|e| e.to_string())?;
            if wait_js(driver, "window.__mbReady").await.is_err() {
                times.push(f64::NAN);
                continue;
            }
            tokio::time::sleep(Duration::from_millis(1500)).await;
            let v = driver
                .execute(
                    "return [window.__mbReady, document.querySelectorAll('li, tr').length];",
                    vec![],
                )
                .await
                .map_err(|e| e.to_string())?;
            let v = v.json().clone();
            times.push(v[0].as_f64().unwrap_or(f64::NAN));
            rows = v[1].as_f64().unwrap_or(0.0);
        }
        pages.push((label, pct(&times, 50.0), rows));
    }
    report(
        facts, runs, &ours_cold, &pf_cold, &ours_warm, &pf_warm, &pages, &counts,
    );
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn report(
    facts: &Facts,
    runs: usize,
    oc: &[Sample],
    pc: &[Sample],
    ow: &[Sample],
    pw: &[Sample],
    pages: &[(&str, f64, f64)],
    counts: &[String],
) {
    let kb = |b: f64| b / 1024.0;
    let col = |s: &[Sample], f: fn(&Sample) -> f64| s.iter().map(f).collect::<Vec<f64>>();
    let first_pass = |s: &[Sample]| s[..QUERIES.len().min(s.len())].to_vec();
    println!();
    println!("Minutebook search scale benchmark");
    println!("=================================");
    println!(
        "Synthetic council: {} meetings, {} agenda items, {} resolution parts -> {} search records",
        facts.meetings, facts.items, facts.parts, facts.records
    );
    println!(
        "Published data: {:.1} MB in {} files; largest file {:.2} MB ({})",
        facts.data.0 as f64 / 1e6,
        facts.data.1,
        facts.data.2 as f64 / 1e6,
        facts
            .data
            .3
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default()
    );
    println!("Pagefind: {}; {} queries; {} shown results fetched per query; warm figures over {runs} passes", facts.pf_version, QUERIES.len(), SHOWN);
    println!();
    println!("| measure | Minutebook | Pagefind | ratio (Minutebook / Pagefind) |");
    println!("|---|---:|---:|---:|");
    let row = |name: &str, a: f64, b: f64, unit: &str| {
        println!("| {name} | {a:.1} {unit} | {b:.1} {unit} | {:.2} |", a / b);
    };
    // The p50 and p95 rows of one timing, in milliseconds.
    let percentiles = |name: &str, o: &[Sample], p: &[Sample], f: fn(&Sample) -> f64| {
        for q in [50.0, 95.0] {
            row(
                &format!("{name} p{q}"),
                pct(&col(o, f), q),
                pct(&col(p, f), q),
                "ms",
            );
        }
    };
    row("index build time", facts.ours_build, facts.pf_build, "s");
    row(
        "index size on disk",
        facts.ours_index.0 as f64 / 1e6,
        facts.pf_index.0 as f64 / 1e6,
        "MB",
    );
    row(
        "index files",
        facts.ours_index.1 as f64,
        facts.pf_index.1 as f64,
        "",
    );
    row(
        "largest index file",
        kb(facts.ours_index.2 as f64),
        kb(facts.pf_index.2 as f64),
        "KB",
    );
    row(
        "cold query bytes (mean)",
        kb(mean(&col(oc, |s| s.bytes))),
        kb(mean(&col(pc, |s| s.bytes))),
        "KB",
    );
    row(
        "cold query bytes (p95)",
        kb(pct(&col(oc, |s| s.bytes), 95.0)),
        kb(pct(&col(pc, |s| s.bytes), 95.0)),
        "KB",
    );
    row(
        "cold query requests (mean)",
        mean(&col(oc, |s| s.reqs)),
        mean(&col(pc, |s| s.reqs)),
        "",
    );
    row(
        "new query in a visit: bytes (mean)",
        kb(mean(&col(&first_pass(ow), |s| s.bytes))),
        kb(mean(&col(&first_pass(pw), |s| s.bytes))),
        "KB",
    );
    row(
        "new query in a visit: requests (mean)",
        mean(&col(&first_pass(ow), |s| s.reqs)),
        mean(&col(&first_pass(pw), |s| s.reqs)),
        "",
    );
    percentiles("cold query latency", oc, pc, |s| s.ms);
    let (on, pn) = (first_pass(ow), first_pass(pw));
    let (or, pr) = (ow[on.len()..].to_vec(), pw[pn.len()..].to_vec());
    percentiles("new query latency", &on, &pn, |s| s.ms);
    percentiles("new query, search() only", &on, &pn, |s| s.rank_ms);
    if !or.is_empty() {
        percentiles("repeated query latency", &or, &pr, |s| s.ms);
    }
    println!();
    println!(
        "Minutebook, new query: ranked + {SHOWN} records fetched p50 {:.1} ms, p95 {:.1} ms; rendered p50 {:.1} ms, p95 {:.1} ms.",
        pct(&col(&on, |s| s.fetch_ms), 50.0),
        pct(&col(&on, |s| s.fetch_ms), 95.0),
        pct(&col(&on, |s| s.ms), 50.0),
        pct(&col(&on, |s| s.ms), 95.0)
    );
    println!();
    println!("Minutebook latency is from the search starting (after the 150 ms typing pause) to the frame with the");
    println!("results, facets and snippets in the page; Pagefind's is search() plus data() for {SHOWN} results (no rendering).");
    println!("Cold = fresh page, empty HTTP cache (Pagefind's includes loading pagefind.js and its wasm; Minutebook's");
    println!("engine is part of the app bundle). New query = the first time a query is run in a visit, after others");
    println!("(engine and manifest loaded, its index pieces and records not); repeated = the same query set again.");
    println!("Bytes are response bodies of index files, counted by the server");
    println!("(Pagefind fetches from a Web Worker, which the page's Resource Timing cannot see). search() only is");
    println!("ranking and facet counts, including fetching the term shards / index chunks not yet loaded.");
    println!();
    println!("| page | time to content (median of 3, cold) | rows (li + tr) in the DOM |");
    println!("|---|---:|---:|");
    for (label, ms, rows) in pages {
        if ms.is_nan() {
            println!("| {label} | did not render content | {rows} |");
        } else {
            println!("| {label} | {ms:.0} ms | {rows} |");
        }
    }
    println!();
    let p95 = pct(&col(&first_pass(ow), |s| s.ms), 95.0);
    let ratio = mean(&col(oc, |s| s.bytes)) / mean(&col(pc, |s| s.bytes));
    let max_rows = pages.iter().map(|p| p.2).fold(0.0, f64::max);
    println!("Targets:");
    println!(
        "- search p95 <= 50 ms (new query, to results on screen): {:.1} ms -> {}",
        p95,
        if p95 <= 50.0 { "met" } else { "NOT met" }
    );
    println!(
        "- cold-query bytes <= half of Pagefind's: ratio {ratio:.2} -> {}",
        if ratio <= 0.5 { "met" } else { "NOT met" }
    );
    println!(
        "- no page with more than 500 rows in the DOM: max {max_rows} -> {}",
        if max_rows <= 500.0 { "met" } else { "NOT met" }
    );
    let max_file = facts.data.2.max(facts.ours_index.2) as f64 / 1e6;
    println!(
        "- each data file <= 5 MB: largest {max_file:.2} MB -> {}",
        if max_file <= 5.0 { "met" } else { "NOT met" }
    );
    println!();
    println!(
        "Result counts per query (Minutebook / Pagefind): {}",
        counts.join("; ")
    );
}
