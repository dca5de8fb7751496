//! Browser tests: the built app (`dist/`, from `trunk build index.html --release`) in
//! headless Chromium, against the bundled data. Run them all with `bash scripts/test.sh`.
//!
//! Each test gets its own server (so injected failures cannot leak between tests), its
//! own chromedriver and a fresh browser profile; see `tests/common/mod.rs`.

mod common;

use common::{fail, run, App, TestResult};
use std::time::Duration;

const SEFTON_COMMITTEE: &str = "/committees/sefton-osc-children";
const SEFTON_COMMITTEE_TITLE: &str =
    "Overview and Scrutiny Committee (Children's Services and Safeguarding)";
const ST_HELENS_COMMITTEE: &str = "/committees/st-helens-cyp-scrutiny";
const NOV_2022: &str = "/meetings/sefton-osc-children-2022-11-07";
const NOV_2022_DATE: &str = "Monday 7 November 2022";
const NOV_2022_JSON: &str = "/data/meetings/sefton-osc-children-2022-11-07.json";
const SEP_2022: &str = "/meetings/sefton-osc-children-2022-09-27";
const SEP_2022_DATE: &str = "27 September 2022";
const ST_HELENS_DEC_2021: &str = "/meetings/st-helens-cyp-scrutiny-2021-12-06";
const ST_HELENS_DEC_2021_DATE: &str = "Monday 6 December 2021";

/// `a[href="<path>"]`
fn link(path: &str) -> String {
    format!("a[href=\"{path}\"]")
}

async fn home_loaded(app: &App) -> TestResult {
    app.wait_for_text("h2", "Sefton Council").await?;
    app.wait_for_text("h2", "St Helens").await?;
    app.wait_for_text("h1", "Committee meetings").await?;
    Ok(())
}

async fn committee_loaded(app: &App) -> TestResult {
    app.wait_for_text("h1", SEFTON_COMMITTEE_TITLE).await?;
    // Municipal-year headings ("2022/23"): h2 in the contract, h3 when nested under a
    // "Meetings" h2; either keeps the outline valid.
    app.wait_for_text("h2, h3", "2022/23").await?;
    Ok(())
}

async fn meeting_loaded(app: &App, date: &str) -> TestResult {
    app.wait_for_text("h1", date).await?;
    app.wait_for_text("h2", "Agenda and minutes").await?;
    Ok(())
}

async fn not_found_loaded(app: &App) -> TestResult {
    app.wait_for_text("h1", "Page not found").await?;
    Ok(())
}

#[tokio::test]
async fn home_to_committee_to_meeting_by_links() {
    run("home_to_committee_to_meeting_by_links", async |app| {
        app.goto("/").await?;
        home_loaded(app).await?;
        app.wait_for(&link(ST_HELENS_COMMITTEE)).await?;
        app.check_page_shell("home").await?;

        app.click(&link(SEFTON_COMMITTEE)).await?;
        app.wait_for_path(SEFTON_COMMITTEE).await?;
        committee_loaded(app).await?;
        app.check_page_shell("committee").await?;
        let h1 = app.texts("h1").await?;
        assert_eq!(
            h1,
            vec![SEFTON_COMMITTEE_TITLE.to_string()],
            "committee page h1"
        );
        for id in ["2022-09-27", "2022-07-05"] {
            app.wait_for(&link(&format!("/meetings/sefton-osc-children-{id}")))
                .await?;
        }

        app.click(&link(NOV_2022)).await?;
        app.wait_for_path(NOV_2022).await?;
        meeting_loaded(app, NOV_2022_DATE).await?;
        app.wait_for_text("h2", "Attendance").await?;
        app.check_page_shell("meeting").await?;

        // Links are followed inside the app: the server only ever saw the first document.
        assert_eq!(
            app.server.hits(SEFTON_COMMITTEE),
            0,
            "the committee link reloaded the page"
        );
        assert_eq!(
            app.server.hits(NOV_2022),
            0,
            "the meeting link reloaded the page"
        );

        // The browser's Back button returns to the committee page.
        app.driver.back().await?;
        app.wait_for_path(SEFTON_COMMITTEE).await?;
        committee_loaded(app).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn deep_links_load_and_reload() {
    run("deep_links_load_and_reload", async |app| {
        app.goto(NOV_2022).await?;
        meeting_loaded(app, NOV_2022_DATE).await?;
        app.check_page_shell("meeting (deep link)").await?;
        app.driver.refresh().await?;
        meeting_loaded(app, NOV_2022_DATE).await?;
        assert_eq!(app.current_path().await?, NOV_2022);
        assert_eq!(
            app.server.hits(NOV_2022),
            2,
            "the deep link was not requested from the server twice"
        );

        app.goto(ST_HELENS_COMMITTEE).await?;
        app.wait_for("a[href^=\"/meetings/st-helens-cyp-scrutiny-\"]")
            .await?;
        app.check_page_shell("St Helens committee (deep link)")
            .await?;
        app.driver.refresh().await?;
        app.wait_for("a[href^=\"/meetings/st-helens-cyp-scrutiny-\"]")
            .await?;

        app.goto(ST_HELENS_DEC_2021).await?;
        meeting_loaded(app, ST_HELENS_DEC_2021_DATE).await?;
        Ok(())
    })
    .await;
}

/// JavaScript: `#id` is in the viewport and is focused or marked `.is-target`.
fn target_shown(id: &str) -> String {
    format!(
        "(() => {{ const el = document.getElementById('{id}'); if (!el) return false; \
         const r = el.getBoundingClientRect(); \
         return r.top >= 0 && r.top < window.innerHeight && \
                (document.activeElement === el || el.contains(document.activeElement) && document.activeElement !== document.body \
                 || el.classList.contains('is-target')); }})()"
    )
}

#[tokio::test]
async fn minute_reference_links_to_the_resolution_part() {
    run("minute_reference_links_to_the_resolution_part", async |app| {
        let target = format!("{SEP_2022}#minute-19-3");
        let reference = format!("a.minute-ref[href=\"{target}\"]");

        app.goto(NOV_2022).await?;
        meeting_loaded(app, NOV_2022_DATE).await?;
        let el = app.wait_for(&reference).await?;
        let text = el.text().await?;
        assert!(text.contains("19"), "the reference link reads {text:?}");
        // It sits in the "Summer 2022 Data" item.
        let context: String = app
            .js(
                "const a = document.querySelector(arguments[0]); let n = a; \
                 while (n && n !== document.body && !(n.textContent || '').includes('Summer 2022 Data')) n = n.parentElement; \
                 return n && n !== document.body ? 'ok' : 'missing';",
                vec![serde_json::json!(reference)],
            )
            .await?;
        assert_eq!(context, "ok", "the reference is not inside the \"Summer 2022 Data\" item");

        app.click(&reference).await?;
        app.wait_for_path(&target).await?;
        meeting_loaded(app, SEP_2022_DATE).await?;
        app.wait_for("#minute-19").await?;
        app.wait_for("#minute-19-3").await?;
        app.wait_until("#minute-19-3 scrolled into view and focused or .is-target", &target_shown("minute-19-3"))
            .await?;
        assert_eq!(app.server.hits(SEP_2022), 0, "following the reference reloaded the page");

        // The same URL opened directly (a shared link) lands on the part too.
        app.goto("/").await?;
        home_loaded(app).await?;
        app.goto(&target).await?;
        meeting_loaded(app, SEP_2022_DATE).await?;
        app.wait_until("#minute-19-3 in view after a direct load", &target_shown("minute-19-3")).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn reference_to_minutes_not_in_the_data_is_plain_text() {
    run(
        "reference_to_minutes_not_in_the_data_is_plain_text",
        async |app| {
            // 27 Sep 2022, Minute No. 16: "Further to Minute No. 43 (4) of 15 March 2022, ..."
            app.goto(SEP_2022).await?;
            meeting_loaded(app, SEP_2022_DATE).await?;
            app.wait_for_text("span.minute-ref-unresolved", "15 March 2022")
                .await?;
            for text in app.texts("a.minute-ref").await? {
                assert!(
                    !text.contains("15 March 2022"),
                    "a reference to 15 March 2022 is a link: {text:?}"
                );
            }
            assert_eq!(
                app.count("a[href*=\"2022-03-15#\"]").await?,
                0,
                "a link into the 15 March 2022 minutes"
            );
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn unknown_pages_show_not_found() {
    run("unknown_pages_show_not_found", async |app| {
        app.goto("/no/such/page").await?;
        not_found_loaded(app).await?;
        app.check_page_shell("not found").await?;
        app.click(&format!("main {}", link("/"))).await?;
        app.wait_for_path("/").await?;
        home_loaded(app).await?;

        app.goto("/meetings/no-such-meeting").await?;
        not_found_loaded(app).await?;
        app.check_page_shell("unknown meeting").await?;
        app.wait_for(&format!("main {}", link("/"))).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn failed_meeting_fetch_can_be_retried() {
    run("failed_meeting_fetch_can_be_retried", async |app| {
        app.server.fail_next(NOV_2022_JSON, 1, 500);
        app.goto(NOV_2022).await?;
        let error = app.wait_for(".mb-error").await?;
        app.wait_for_text(".mb-error", "sefton-osc-children-2022-11-07.json")
            .await?;
        assert_eq!(
            error.attr("role").await?.as_deref(),
            Some("alert"),
            ".mb-error role"
        );
        let retry = app.wait_for("button.mb-retry").await?;
        assert_eq!(retry.text().await?.trim(), "Try again");
        app.check_page_shell("meeting fetch error").await?;
        app.axe_check("meeting fetch error").await?;
        assert_eq!(app.server.hits(NOV_2022_JSON), 1);

        retry.click().await?;
        meeting_loaded(app, NOV_2022_DATE).await?;
        app.wait_gone(".mb-error").await?;
        assert_eq!(
            app.server.hits(NOV_2022_JSON),
            2,
            "Try again did not refetch the meeting"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn failed_catalogue_fetch_can_be_retried() {
    run("failed_catalogue_fetch_can_be_retried", async |app| {
        app.server.fail_next("/data/index.json", 1, 500);
        app.goto("/").await?;
        app.wait_for_text(".mb-error", "index.json").await?;
        assert_eq!(
            app.wait_for(".mb-error")
                .await?
                .attr("role")
                .await?
                .as_deref(),
            Some("alert")
        );
        app.check_page_shell("catalogue fetch error").await?;
        app.axe_check("catalogue fetch error").await?;
        app.click("button.mb-retry").await?;
        home_loaded(app).await?;
        app.wait_gone(".mb-error").await?;
        assert!(
            app.server.hits("/data/index.json") >= 2,
            "Try again did not refetch the catalogue"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn loading_state_is_shown_while_data_loads() {
    run("loading_state_is_shown_while_data_loads", async |app| {
        // A first visit is pre-rendered (no loading state at all); moving on inside the app
        // fetches the next page's data and says so meanwhile.
        app.goto(SEFTON_COMMITTEE).await?;
        committee_loaded(app).await?;
        app.server
            .delay_next(NOV_2022_JSON, 1, Duration::from_millis(2500));
        app.click(&link(NOV_2022)).await?;
        app.wait_for_text(".mb-loading", "Loading\u{2026}").await?;
        meeting_loaded(app, NOV_2022_DATE).await?;
        app.wait_gone(".mb-loading").await?;
        Ok(())
    })
    .await;
}

/// Every kind of page, and how to tell it has finished loading.
async fn visit(app: &App, page: &str) -> TestResult {
    match page {
        "home" => {
            app.goto("/").await?;
            home_loaded(app).await
        }
        "committee" => {
            app.goto(SEFTON_COMMITTEE).await?;
            committee_loaded(app).await
        }
        "meeting 7 Nov 2022" => {
            app.goto(NOV_2022).await?;
            meeting_loaded(app, NOV_2022_DATE).await
        }
        "meeting 27 Sep 2022" => {
            app.goto(SEP_2022).await?;
            meeting_loaded(app, SEP_2022_DATE).await
        }
        "meeting St Helens 6 Dec 2021" => {
            app.goto(ST_HELENS_DEC_2021).await?;
            meeting_loaded(app, ST_HELENS_DEC_2021_DATE).await
        }
        "not found" => {
            app.goto("/no/such/page").await?;
            not_found_loaded(app).await
        }
        "error" => {
            app.server.fail_next(NOV_2022_JSON, 1, 500);
            app.goto(NOV_2022).await?;
            app.wait_for("button.mb-retry").await.map(|_| ())
        }
        other => fail(format!("unknown page {other}")),
    }
}

const PAGES: [&str; 7] = [
    "home",
    "committee",
    "meeting 7 Nov 2022",
    "meeting 27 Sep 2022",
    "meeting St Helens 6 Dec 2021",
    "not found",
    "error",
];

#[tokio::test]
async fn no_serious_accessibility_violations() {
    run("no_serious_accessibility_violations", async |app| {
        // Check every page and report all problems together.
        let mut problems = Vec::new();
        for page in PAGES {
            if let Err(e) = visit(app, page).await {
                problems.push(format!("{page}: {e}"));
                continue;
            }
            if let Err(e) = app.axe_check(page).await {
                problems.push(e.to_string());
            }
        }
        common::fail_if_any(&problems, "\n\n")
    })
    .await;
}

#[tokio::test]
async fn narrow_screens_do_not_scroll_sideways() {
    run("narrow_screens_do_not_scroll_sideways", async |app| {
        app.set_viewport(320, 800).await?;
        let mut problems = Vec::new();
        for page in PAGES {
            if let Err(e) = visit(app, page).await {
                problems.push(format!("{page}: {e}"));
                continue;
            }
            if let Err(e) = app
                .check_no_horizontal_scroll(&format!("{page} at 320 px"))
                .await
            {
                problems.push(e.to_string());
            }
        }
        common::fail_if_any(&problems, "\n")
    })
    .await;
}

/// The app built for a sub-path (`trunk build --public-url /meetings/`, which
/// scripts/test.sh writes to target/dist-subpath) works there, deep links included.
#[tokio::test]
async fn works_under_a_sub_path() {
    let dist = std::env::var_os("MINUTEBOOK_DIST_SUBPATH")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| common::repo_root().join("target/dist-subpath"));
    if !dist.join("index.html").is_file() {
        eprintln!(
            "works_under_a_sub_path: skipped, {} is missing (bash scripts/test.sh builds it)",
            dist.display()
        );
        return;
    }
    common::run_dist("works_under_a_sub_path", dist, "/meetings/", async |app| {
        app.goto("/").await?;
        home_loaded(app).await?;
        app.click(&link("/meetings/committees/sefton-osc-children"))
            .await?;
        app.wait_for_path("/meetings/committees/sefton-osc-children")
            .await?;
        committee_loaded(app).await?;
        app.click(&link("/meetings/meetings/sefton-osc-children-2022-11-07"))
            .await?;
        app.wait_for_path("/meetings/meetings/sefton-osc-children-2022-11-07")
            .await?;
        meeting_loaded(app, NOV_2022_DATE).await?;
        app.driver.refresh().await?;
        meeting_loaded(app, NOV_2022_DATE).await?;
        app.goto("/no/such/page").await?;
        not_found_loaded(app).await?;
        Ok(())
    })
    .await;
}
