//! Browser tests for embedding (docs/embedding.md): a council's host page on another port
//! embeds each view with `embed.js`; frames follow their content; messages from another
//! window or origin are ignored; links leave the frame; themes apply, adjust and refuse;
//! the sub-path build serves embeds, deep links, data and feeds; axe-core on every view.
//!
//! The host page is examples/host-page.html itself, with its addresses pointed at the
//! test servers. Themes and an extra future meeting are written into a copy of the dist.

mod common;

use common::{fail, run_dist, App, TestResult};
use minutebook_domain::theme::{contrast_ratio, Rgb, LIGHT_BACKGROUND};
use minutebook_tools::serve::Server;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const COMMITTEE: &str = "sefton-osc-children";
const COMMITTEE_TITLE: &str =
    "Overview and Scrutiny Committee (Children's Services and Safeguarding)";
const MEETING: &str = "sefton-osc-children-2022-11-07";
const FRAMES: [&str; 4] = ["next", "work-programme", "dashboard", "meeting"];

// ---------------------------------------------------------------------------------------
// Fixtures: a copy of the dist with extra data, and a host site on its own port.

/// A folder removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("minutebook-embed-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The built app, copied, with `theme.json` (if any) and, if asked, a scheduled meeting a
/// month from now added to the catalogue (so "next meeting" has something to show).
fn dist_with(name: &str, base_dist: &Path, theme: Option<&str>, future_meeting: bool) -> TempDir {
    let dir = TempDir::new(name);
    common::copy_dir(base_dist, &dir.0);
    if let Some(t) = theme {
        std::fs::write(dir.0.join("data/theme.json"), t).unwrap();
        std::fs::write(
            dir.0.join("data/logo.svg"),
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#2b2b6b"/></svg>"##,
        )
        .unwrap();
    }
    if future_meeting {
        let path = dir.0.join("data/index.json");
        let mut cat: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64
            / 86_400
            + 30;
        let date = minutebook_domain::dates::date_from_days(days);
        cat["meetings"].as_array_mut().unwrap().push(serde_json::json!({
            "id": format!("{COMMITTEE}-{date}"), "committee": COMMITTEE, "date": date.to_string(),
            "start_time": "18:30", "venue": { "name": "Bootle Town Hall" }, "status": "scheduled",
            "agenda_published": false, "minutes": "not_published", "item_count": 0
        }));
        std::fs::write(&path, serde_json::to_string_pretty(&cat).unwrap()).unwrap();
    }
    // The pages are written from the data at build time: write them again.
    common::prerender(&dir.0, "/");
    dir
}

/// A council's own site on another port: examples/host-page.html pointed at `app_url`
/// (the app's URL, ending in `/`), plus `evil.html` for the spoofing test.
struct Host {
    server: Server,
    _dir: TempDir,
}

fn host(name: &str, app_url: &str, edit: impl Fn(String) -> String) -> Host {
    let dir = TempDir::new(&format!("host-{name}"));
    let server = Server::start(dir.0.clone(), 0);
    let example =
        std::fs::read_to_string(common::repo_root().join("examples/host-page.html")).unwrap();
    let page = example
        .replace("http://127.0.0.1:8080/", app_url)
        .replace("http://127.0.0.1:8081", &server.origin());
    std::fs::write(dir.0.join("host-page.html"), edit(page)).unwrap();
    Host { server, _dir: dir }
}

/// A page on a third origin that keeps telling its parent to make the frame 4321 px tall.
fn evil_site() -> (Server, TempDir) {
    let dir = TempDir::new("evil");
    std::fs::write(
        dir.0.join("evil.html"),
        r#"<!DOCTYPE html><html lang="en"><title>evil</title><p>evil</p><script>
        setInterval(function () { parent.postMessage({ type: 'minutebook:height', height: 4321 }, '*'); }, 100);
        </script></html>"#,
    )
    .unwrap();
    (Server::start(dir.0.clone(), 0), dir)
}

fn subpath_dist() -> Option<PathBuf> {
    let dist = std::env::var_os("MINUTEBOOK_SUBPATH_DIST")
        .or_else(|| std::env::var_os("MINUTEBOOK_DIST_SUBPATH"))
        .map(PathBuf::from)
        .unwrap_or_else(|| common::repo_root().join("target/dist-subpath"));
    dist.join("index.html").is_file().then_some(dist)
}

// ---------------------------------------------------------------------------------------
// Helpers.

async fn sleep(ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

/// The height `embed.js` gave a frame (from its data attribute), if any yet.
async fn frame_height(app: &App, id: &str) -> TestResult<Option<u64>> {
    let h: Option<String> = app
        .js("const f = document.getElementById(arguments[0]); return f && f.getAttribute('data-minutebook-height');", vec![id.into()])
        .await?;
    Ok(h.and_then(|h| h.parse().ok()))
}

/// Inside frame `id`: run `script` (a function body) and come back to the host page.
async fn in_frame<T: serde::de::DeserializeOwned>(
    app: &App,
    id: &str,
    script: &str,
) -> TestResult<T> {
    app.driver
        .find(common::By::Id(id))
        .await?
        .enter_frame()
        .await?;
    let out = app.js::<T>(script, vec![]).await;
    app.driver.enter_default_frame().await?;
    out
}

const CONTENT_HEIGHT: &str = "const m = document.getElementById('main'); \
    return m ? Math.ceil(m.getBoundingClientRect().bottom + window.scrollY) : 0;";

/// Wait until frame `id` is as tall as its content (within a pixel), and return that height.
async fn wait_frame_fits(app: &App, id: &str, what: &str) -> TestResult<u64> {
    // As a reader would: Chrome neither loads (loading="lazy") nor renders off-screen frames.
    app.js::<Value>(
        "document.getElementById(arguments[0]).scrollIntoView(); return null;",
        vec![id.into()],
    )
    .await?;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let h = frame_height(app, id).await?;
        let content: u64 = in_frame(app, id, CONTENT_HEIGHT).await.unwrap_or(0);
        let css: f64 = app
            .js(
                "return document.getElementById(arguments[0]).getBoundingClientRect().height;",
                vec![id.into()],
            )
            .await?;
        if let Some(h) = h {
            if content > 50 && h.abs_diff(content) <= 1 && (css - h as f64).abs() <= 1.0 {
                return Ok(h);
            }
        }
        if Instant::now() > deadline {
            return fail(format!(
                "{what}: frame #{id} never fitted its content (frame {h:?} px, content {content} px)"
            ));
        }
        sleep(150).await;
    }
}

/// Embeds have no site chrome: no skip link, header, nav or footer; one main; one h1.
async fn check_bare(app: &App, what: &str) -> TestResult {
    let r: Value = app
        .js(
            "return { chrome: document.querySelectorAll('.skip-link, header, footer, nav.site-nav').length, \
              main: document.querySelectorAll('main#main').length, h1: document.querySelectorAll('h1').length };",
            vec![],
        )
        .await?;
    if r["chrome"] != 0 || r["main"] != 1 || r["h1"] != 1 {
        return fail(format!(
            "{what}: expected a bare page with one main and one h1, got {r}"
        ));
    }
    Ok(())
}

fn base_dist() -> PathBuf {
    common::dist_dir()
}

// ---------------------------------------------------------------------------------------
// Tests.

#[tokio::test]
async fn host_page_embeds_every_view_and_frames_follow_their_content() {
    let dist = dist_with("host", &base_dist(), None, true);
    run_dist("host_page_embeds_every_view_and_frames_follow_their_content", dist.0.clone(), "/", async |app| {
        let host = host("views", &app.server.url(), |p| p);
        app.driver.goto(host.server.url_for("/host-page.html")).await?;
        let mut heights = Vec::new();
        for id in FRAMES {
            heights.push(wait_frame_fits(app, id, "initial load").await?);
        }
        // The frames were given 260–600 px; each now has its content's own height.
        assert!(heights.iter().all(|h| *h > 100), "{heights:?}");
        // What each frame shows.
        let next: String = in_frame(app, "next", "return document.body.innerText;").await?;
        for want in [COMMITTEE_TITLE, "Next meeting", "Last meeting held", "Monday 7 November 2022, 6.30pm", "Bootle Town Hall"] {
            if !next.contains(want) {
                return fail(format!("next-meeting frame lacks {want:?}: {next}"));
            }
        }
        if next.contains("No future meeting") {
            return fail("the scheduled meeting a month from now is not shown as the next meeting");
        }
        let meeting: String = in_frame(app, "meeting", "return document.querySelector('h1').innerText;").await?;
        assert!(meeting.contains("Monday 7 November 2022"), "{meeting}");
        let wp: String = in_frame(app, "work-programme", "return document.body.innerText;").await?;
        assert!(wp.contains("Work programme"), "{wp}");
        let dash: String = in_frame(app, "dashboard", "return document.querySelector('h1') ? document.querySelector('h1').innerText : '';").await?;
        assert!(!dash.is_empty() && !dash.contains("Page not found"), "dashboard frame: {dash:?}");
        for id in FRAMES {
            app.driver.find(common::By::Id(id)).await?.enter_frame().await?;
            let bare = check_bare(app, &format!("frame #{id}")).await;
            app.driver.enter_default_frame().await?;
            bare?;
        }

        // Narrower window: the meeting reflows taller and its frame follows.
        let before = frame_height(app, "meeting").await?.unwrap_or(0);
        app.set_viewport(420, 900).await?;
        app.js::<Value>("document.getElementById('meeting').scrollIntoView(); return null;", vec![]).await?;
        let deadline = Instant::now() + Duration::from_secs(15);
        while frame_height(app, "meeting").await?.unwrap_or(0) <= before {
            if Instant::now() > deadline {
                return fail(format!("the meeting frame stayed {before} px after the window narrowed"));
            }
            sleep(150).await;
        }
        let after = wait_frame_fits(app, "meeting", "after narrowing").await?;
        assert!(after > before, "{after} > {before}");
        app.check_no_horizontal_scroll("host page at 420 px").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn messages_from_another_window_or_origin_are_ignored() {
    run_dist("messages_from_another_window_or_origin_are_ignored", base_dist(), "/", async |app| {
        let (evil, _evil_dir) = evil_site();
        // Record every height message the host sees, to prove the bad ones did arrive.
        let host = host("spoof", &app.server.url(), |p| {
            p.replace(
                "<body>",
                "<body><script>window.seen = []; addEventListener('message', function (e) { \
                 if (e.data && e.data.type === 'minutebook:height') seen.push([e.origin, e.data.height]); });</script>",
            )
        });
        app.driver.goto(host.server.url_for("/host-page.html")).await?;
        let fitted = wait_frame_fits(app, "next", "before spoofing").await?;

        // 1. The host window itself (right origin for nothing, wrong source) sends a height.
        app.js::<Value>("window.postMessage({ type: 'minutebook:height', height: 5 }, '*'); return null;", vec![]).await?;
        // 2. The frame is navigated to another origin that sends heights: its window is the
        //    frame's, but its origin is not the one in the frame's src.
        app.js::<Value>("document.getElementById('next').contentWindow.location = arguments[0]; return null;", vec![evil.url_for("/evil.html").into()])
            .await?;
        app.wait_until("the other origin's messages to arrive", &format!("seen.some(function (s) {{ return s[0] === '{}'; }})", evil.origin()))
            .await?;
        app.wait_until("the host's own message to arrive", "seen.some(function (s) { return s[1] === 5; })").await?;
        sleep(600).await;
        let now = frame_height(app, "next").await?;
        let css: f64 = app.js("return document.getElementById('next').getBoundingClientRect().height;", vec![]).await?;
        if now != Some(fitted) || (css - fitted as f64).abs() > 1.0 {
            return fail(format!("frame height changed from {fitted} to {now:?} ({css} px) on a message it should ignore"));
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn links_in_embeds_open_the_full_view_outside_the_frame() {
    run_dist("links_in_embeds_open_the_full_view_outside_the_frame", base_dist(), "/", async |app| {
        // ?links=new: every link leaving the page opens a new tab, announced to screen readers.
        app.goto(&format!("/embed/meetings/{MEETING}?links=new")).await?;
        app.wait_for_text("h2", "Agenda and minutes").await?;
        sleep(300).await;
        let r: Value = app
            .js(
                "const out = { leaving: 0, bad: [], inPage: 0, inPageTargeted: 0 }; \
                 document.querySelectorAll('main a[href]').forEach(function (a) { \
                   if (a.getAttribute('href').startsWith('#')) { out.inPage++; if (a.target) out.inPageTargeted++; return; } \
                   out.leaving++; \
                   if (a.target !== '_blank' || a.rel !== 'noopener' || a.getAttribute('aria-describedby') !== 'mb-new-tab-note') out.bad.push(a.outerHTML.slice(0, 120)); }); \
                 out.note = (document.getElementById('mb-new-tab-note') || {}).textContent; return out;",
                vec![],
            )
            .await?;
        assert!(r["leaving"].as_u64() > Some(0) && r["inPage"].as_u64() > Some(0), "{r}");
        assert_eq!(r["bad"], serde_json::json!([]), "{r}");
        assert_eq!(r["inPageTargeted"], 0, "in-page links stay in the frame: {r}");
        assert_eq!(r["note"], "Opens in a new tab");

        // Default (top): clicking a link in the frame replaces the host page with the full view.
        let host = host("links", &app.server.url(), |p| p);
        app.driver.goto(host.server.url_for("/host-page.html")).await?;
        wait_frame_fits(app, "next", "before clicking").await?;
        app.driver.find(common::By::Id("next")).await?.enter_frame().await?;
        let link = app.wait_for(&format!("a[href$=\"/meetings/{MEETING}\"]")).await?;
        assert_eq!(link.attr("target").await?.as_deref(), Some("_top"));
        link.click().await?;
        app.driver.enter_default_frame().await?;
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = app.driver.current_url().await?.to_string();
            if url == app.url_for(&format!("/meetings/{MEETING}")) {
                break;
            }
            if Instant::now() > deadline {
                return fail(format!("the top window is at {url}, not the full meeting page"));
            }
            sleep(100).await;
        }
        app.wait_for_text("h1", "Monday 7 November 2022").await?;
        app.check_page_shell("full meeting page after leaving the embed").await?;
        Ok(())
    })
    .await;
}

const THEME: &str = r##"{
  "format": "minutebook/1",
  "name": "Example Borough Council",
  "brand": "#ffdd00",
  "link": "#66aaff",
  "font": "Georgia, serif",
  "logo": { "url": "logo.svg", "alt": "Example Borough Council" }
}"##;

async fn theme_state(app: &App) -> TestResult<Value> {
    app.wait_until(
        "the theme to load",
        "document.documentElement.getAttribute('data-mb-theme-loaded') === 'true'",
    )
    .await?;
    sleep(200).await;
    app.js(
            "const h = document.documentElement, s = getComputedStyle(h), v = function (n) { return s.getPropertyValue(n).trim(); }; \
             const header = document.querySelector('.site-header'), name = document.querySelector('.site-header__name'), \
                   logo = document.querySelector('.site-header__logo'); \
             return { brand: v('--mb-brand'), brandText: v('--mb-brand-text'), link: v('--mb-link'), font: getComputedStyle(document.body).fontFamily, \
               theme: h.getAttribute('data-mb-theme'), adjusted: h.getAttribute('data-mb-theme-adjusted'), refused: h.getAttribute('data-mb-theme-refused'), \
               error: h.getAttribute('data-mb-theme-error'), \
               headerBg: header && getComputedStyle(header).backgroundColor, nameColour: name && getComputedStyle(name).color, \
               nameText: name && name.innerText.trim(), logoSrc: logo && logo.src, logoAlt: logo && logo.getAttribute('alt'), \
               footer: (document.querySelector('footer') || {}).innerText || '' };",
            vec![],
        )
        .await
}

fn passes_aa(hex: &str) -> bool {
    Rgb::parse(hex).is_some_and(|c| contrast_ratio(c, LIGHT_BACKGROUND) >= 4.5)
}

#[tokio::test]
async fn themes_apply_and_keep_contrast() {
    let dist = dist_with("theme", &base_dist(), Some(THEME), false);
    run_dist("themes_apply_and_keep_contrast", dist.0.clone(), "/", async |app| {
        // From theme.json: yellow brand gets black text; the too-light link is darkened.
        app.goto(&format!("/committees/{COMMITTEE}")).await?;
        app.wait_for_text("h1", COMMITTEE_TITLE).await?;
        let t = theme_state(app).await?;
        assert_eq!(t["brand"], "#ffdd00", "{t}");
        assert_eq!(t["headerBg"], "rgb(255, 221, 0)", "{t}");
        assert_eq!(t["brandText"], "#000000", "{t}");
        assert_eq!(t["nameColour"], "rgb(0, 0, 0)", "{t}");
        assert_eq!(t["adjusted"], "link", "{t}");
        let link = t["link"].as_str().unwrap_or_default();
        assert!(link != "#66aaff" && passes_aa(link), "link colour {link} must reach 4.5:1: {t}");
        assert!(t["font"].as_str().unwrap_or_default().starts_with("Georgia"), "{t}");
        assert_eq!(t["nameText"], "Example Borough Council", "{t}");
        assert!(t["logoSrc"].as_str().is_some_and(|s| s.ends_with("/data/logo.svg")), "{t}");
        assert_eq!(t["logoAlt"], "", "the logo is decorative beside the name: {t}");
        app.check_page_shell("themed committee page").await?;
        app.axe_check("themed committee page").await?;

        // URL parameters override the file, and are checked the same way.
        app.goto(&format!("/embed/committees/{COMMITTEE}/next?brand=%230b0c0c&link=%23d4351c&font=Arial%3B%20color%3A%20red")).await?;
        app.wait_for_text("h1", COMMITTEE_TITLE).await?;
        let t = theme_state(app).await?;
        assert_eq!(t["brand"], "#0b0c0c", "{t}");
        assert_eq!(t["brandText"], "#ffffff", "{t}");
        assert!(passes_aa(t["link"].as_str().unwrap_or_default()), "{t}");
        assert_eq!(t["refused"], "font", "{t}");
        assert!(t["font"].as_str().unwrap_or_default().starts_with("Georgia"), "the refused font leaves the file's: {t}");
        let colour: String = app.js("return getComputedStyle(document.querySelector('main a')).color;", vec![]).await?;
        assert!(colour != "rgb(255, 0, 0)", "no injected CSS: {colour}");
        check_bare(app, "themed embed").await?;
        app.axe_check("themed embed").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_broken_theme_file_is_reported_and_the_site_still_works() {
    let dist = dist_with(
        "bad-theme",
        &base_dist(),
        Some("{ \"format\": \"minutebook/1\", \"brand\": 7 }"),
        false,
    );
    run_dist(
        "a_broken_theme_file_is_reported_and_the_site_still_works",
        dist.0.clone(),
        "/",
        async |app| {
            app.goto("/").await?;
            app.wait_for_text("h1", "Committee meetings").await?;
            let t = theme_state(app).await?;
            assert_eq!(t["theme"], "default", "{t}");
            assert!(
                t["error"]
                    .as_str()
                    .is_some_and(|e| e.contains("data/theme.json")),
                "{t}"
            );
            assert!(
                t["footer"].as_str().is_some_and(
                    |f| f.contains("theme could not be used") && f.contains("theme.json")
                ),
                "{t}"
            );
            app.check_page_shell("home with a broken theme").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn every_embed_view_is_accessible() {
    run_dist(
        "every_embed_view_is_accessible",
        base_dist(),
        "/",
        async |app| {
            let views = [
                (
                    format!("/embed/committees/{COMMITTEE}/next"),
                    COMMITTEE_TITLE.to_string(),
                ),
                (
                    format!("/embed/meetings/{MEETING}"),
                    "Monday 7 November 2022".to_string(),
                ),
                (
                    format!("/embed/committees/{COMMITTEE}/work-programme"),
                    "Work programme".to_string(),
                ),
                (
                    "/embed/dashboards/sefton-osc-children-performance-dashboard-2022-11-07"
                        .to_string(),
                    "Dashboard".to_string(),
                ),
                (
                    "/embed/no/such/view".to_string(),
                    "Page not found".to_string(),
                ),
                (
                    "/embed/committees/no-such-committee/next".to_string(),
                    "Page not found".to_string(),
                ),
            ];
            let mut problems = Vec::new();
            for (path, h1) in &views {
                app.goto(path).await?;
                let checks = async {
                    app.wait_for_text("h1", if h1 == "Dashboard" { "" } else { h1 })
                        .await?;
                    sleep(300).await;
                    check_bare(app, path).await?;
                    app.wait_until(
                        &format!("{path}: a page title"),
                        "document.title.endsWith(' \u{2013} Minutebook')",
                    )
                    .await?;
                    app.axe_check(path).await
                };
                if let Err(e) = checks.await {
                    problems.push(format!("{path}: {e}"));
                }
            }
            // The example host page itself.
            let host = host("axe", &app.server.url(), |p| p);
            app.driver
                .goto(host.server.url_for("/host-page.html"))
                .await?;
            wait_frame_fits(app, "next", "host page").await?;
            if let Err(e) = app.axe_check("example host page").await {
                problems.push(e.to_string());
            }
            common::fail_if_any(&problems, "\n")
        },
    )
    .await;
}

#[tokio::test]
async fn committee_page_offers_its_calendar_and_feeds() {
    run_dist("committee_page_offers_its_calendar_and_feeds", base_dist(), "/", async |app| {
        app.goto(&format!("/committees/{COMMITTEE}")).await?;
        app.wait_for_text("h2", "Subscribe").await?;
        let r: Value = app
            .js(
                "const links = Array.from(document.querySelectorAll('.subscribe a')).map(function (a) { return a.href; }); \
                 const alt = document.querySelector('link[rel=alternate][type=\"application/atom+xml\"]'); \
                 return { links: links, alternate: alt && alt.href };",
                vec![],
            )
            .await?;
        let links: Vec<String> = serde_json::from_value(r["links"].clone())?;
        let want = [
            app.url_for(&format!("/data/calendars/{COMMITTEE}.ics")),
            app.url_for(&format!("/data/feeds/{COMMITTEE}.atom")),
            app.url_for("/data/feeds/sefton.atom"),
        ];
        assert_eq!(links, want, "{r}");
        assert_eq!(r["alternate"], want[1].as_str(), "{r}");
        // The files exist in the build (written by the Trunk post-build hook).
        for (url, kind) in [(&want[0], "BEGIN:VCALENDAR"), (&want[1], "<feed"), (&want[2], "<feed")] {
            let text: String = app
                .js("return fetch(arguments[0]).then(function (r) { return r.ok ? r.text() : 'HTTP ' + r.status; });", vec![url.as_str().into()])
                .await?;
            if !text.contains(kind) {
                return fail(format!("{url}: expected {kind}, got {:?}", text.chars().take(100).collect::<String>()));
            }
        }
        app.check_page_shell("committee page with Subscribe").await?;
        app.axe_check("committee page with Subscribe").await?;
        Ok(())
    })
    .await;
}

/// The sub-path build (`trunk build --public-url /meetings/`, which scripts/test.sh writes
/// to target/dist-subpath): embeds, deep links, data, feeds and the host page all work.
#[tokio::test]
async fn embeds_and_feeds_work_under_a_sub_path() {
    let Some(dist) = subpath_dist() else {
        eprintln!("embeds_and_feeds_work_under_a_sub_path: skipped, no sub-path build (bash scripts/test.sh makes target/dist-subpath)");
        return;
    };
    run_dist("embeds_and_feeds_work_under_a_sub_path", dist, "/meetings/", async |app| {
        assert!(app.server.url().ends_with("/meetings/"));
        // A deep link straight to an embed, and a reload of it.
        app.goto(&format!("/embed/meetings/{MEETING}")).await?;
        app.wait_for_text("h2", "Agenda and minutes").await?;
        app.driver.refresh().await?;
        app.wait_for_text("h2", "Agenda and minutes").await?;
        check_bare(app, "sub-path embed").await?;
        let hrefs: Vec<String> = app
            .js("return Array.from(document.querySelectorAll('main a[href^=\"/\"]')).map(function (a) { return a.getAttribute('href'); });", vec![])
            .await?;
        assert!(!hrefs.is_empty() && hrefs.iter().all(|h| h.starts_with("/meetings/")), "{hrefs:?}");
        // Calendar and feed under the sub-path, with links that include it.
        let atom: String = app
            .js("return fetch(arguments[0]).then(function (r) { return r.text(); });", vec![app.url_for(&format!("/data/feeds/{COMMITTEE}.atom")).into()])
            .await?;
        assert!(atom.contains(&format!("href=\"/meetings/meetings/{MEETING}\"")), "{}", atom.chars().take(600).collect::<String>());
        // The host page embeds from the sub-path and the frames fit.
        let host = host("subpath", &app.server.url(), |p| p);
        app.driver.goto(host.server.url_for("/host-page.html")).await?;
        for id in FRAMES {
            wait_frame_fits(app, id, "under /meetings/").await?;
        }
        Ok(())
    })
    .await;
}
