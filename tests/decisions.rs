//! Browser tests for the Decisions and Follow-ups pages and the follow-up lines on meeting
//! pages: filters in the URL, permalinks, statuses as the native rules give them, axe-core.
//!
//! `trunk build index.html --release --dist /tmp/dec-dist` then
//! `MINUTEBOOK_DIST=/tmp/dec-dist cargo test --test decisions`.

mod common;

use common::{fail, run, App, TestResult};

const SEP_2022: &str = "/meetings/sefton-osc-children-2022-09-27";

/// Choose `value` in the select `#id` as a user would (the page listens for `change`).
async fn choose(app: &App, id: &str, value: &str) -> TestResult {
    app.wait_for(&format!("#{id}")).await?;
    let ok: bool = app
        .js(
            "const s = document.getElementById(arguments[0]); \
             if (!Array.from(s.options).some(o => o.value === arguments[1])) return false; \
             s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true })); return true;",
            vec![serde_json::json!(id), serde_json::json!(value)],
        )
        .await?;
    if ok {
        Ok(())
    } else {
        fail(format!("#{id} has no option {value:?}"))
    }
}

async fn decisions_loaded(app: &App, count: &str) -> TestResult {
    app.wait_for_text("h1", "Decisions").await?;
    app.wait_for_text(".dec-results__count", count).await?;
    Ok(())
}

async fn follow_ups_loaded(app: &App, count: &str) -> TestResult {
    app.wait_for_text("h1", "Follow-ups").await?;
    app.wait_for_text(".dec-results__count", count).await?;
    Ok(())
}

/// JavaScript: `#id` is in the viewport and focused or marked `.is-target`.
fn target_shown(id: &str) -> String {
    format!(
        "(() => {{ const el = document.getElementById('{id}'); if (!el) return false; \
         const r = el.getBoundingClientRect(); \
         return r.top >= 0 && r.top < window.innerHeight && \
                (document.activeElement === el || el.classList.contains('is-target')); }})()"
    )
}

#[tokio::test]
async fn decisions_filters_live_in_the_url() {
    run("decisions_filters_live_in_the_url", async |app| {
        app.goto("/decisions").await?;
        // 60 resolution parts for Sefton, 11 for St Helens: one page of 100.
        decisions_loaded(app, "Showing 1 to 71 of 71 decisions").await?;
        app.check_page_shell("decisions").await?;
        assert_eq!(app.count("li.decision").await?, 71);
        assert_eq!(
            app.count("nav.pagination").await?,
            0,
            "one page needs no page links"
        );
        // Newest first: 7 November 2022 before 27 September 2022 before 6 December 2021.
        let headings = app.texts(".decision-meeting__title").await?;
        assert!(
            headings[0].contains("7 November 2022")
                && headings.last().unwrap().contains("6 December 2021"),
            "{headings:?}"
        );

        choose(app, "filter-committee", "st-helens-cyp-scrutiny").await?;
        choose(app, "filter-kind", "requested").await?;
        app.click("form.filters button[type=submit]").await?;
        app.wait_for_path("/decisions?committee=st-helens-cyp-scrutiny&kind=requested")
            .await?;
        decisions_loaded(app, "Showing 1 to 3 of 3 decisions").await?;
        let texts = app.texts("li.decision .decision__text").await?;
        assert!(
            texts.iter().any(|t| t.contains(
                "a table be provided in reports to indicate the meanings of the acronyms"
            )),
            "{texts:?}"
        );
        assert!(
            app.texts("li.decision .tag")
                .await?
                .iter()
                .all(|t| !t.contains("Noted")),
            "only requests are shown"
        );
        // The filtered view is shareable: reloading the address shows the same rows.
        app.driver.refresh().await?;
        decisions_loaded(app, "Showing 1 to 3 of 3 decisions").await?;
        let kind: String = app
            .js(
                "return document.getElementById('filter-kind').value;",
                vec![],
            )
            .await?;
        assert_eq!(kind, "requested", "the form shows the filter from the URL");

        // A municipal year with nothing in it, then Back to the previous view.
        app.goto("/decisions?council=sefton&year=2021").await?;
        decisions_loaded(app, "No decisions match").await?;
        app.driver.back().await?;
        decisions_loaded(app, "Showing 1 to 3 of 3 decisions").await?;

        // A page beyond the end shows the last page rather than nothing.
        app.goto("/decisions?kind=arranged&page=9").await?;
        decisions_loaded(app, "Showing 1 to 5 of 5 decisions").await?;
        app.axe_check("decisions (filtered)").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_decision_permalink_lands_on_its_resolution_part() {
    run(
        "a_decision_permalink_lands_on_its_resolution_part",
        async |app| {
            app.goto("/decisions?committee=sefton-osc-children&kind=requested")
                .await?;
            decisions_loaded(app, "decisions").await?;
            let row = "li#sefton-osc-children-2022-09-27-minute-19-3";
            app.wait_for(row).await?;
            // What later refers back to it: the Summer 2022 Data minute of 7 November 2022.
            let back =
                format!("{row} a[href=\"/meetings/sefton-osc-children-2022-11-07#minute-23\"]");
            let text = app.wait_for(&back).await?.text().await?;
            assert!(
                text.contains("Minute 23") && text.contains("Summer 2022 Data"),
                "{text}"
            );
            app.wait_for_text(&format!("{row} .fu-status"), "Delivered")
                .await?;

            app.click(&format!("{row} a.permalink")).await?;
            let target = format!("{SEP_2022}#minute-19-3");
            app.wait_for_path(&target).await?;
            app.wait_for_text("h1", "27 September 2022").await?;
            app.wait_until("#minute-19-3 in view", &target_shown("minute-19-3"))
                .await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn follow_ups_show_status_and_evidence() {
    run("follow_ups_show_status_and_evidence", async |app| {
        app.goto("/follow-ups").await?;
        follow_ups_loaded(app, "Showing 1 to 29 of 29 follow-ups").await?;
        app.check_page_shell("follow-ups").await?;
        let summary = app.texts("table.fu-summary tbody tr").await?;
        let expect = [
            ("Delivered", "3"),
            ("Arranged", "3"),
            ("Planned", "4"),
            ("Outstanding", "19"),
        ];
        for (row, (status, n)) in summary.iter().zip(expect) {
            assert!(
                row.contains(status) && row.trim_end().ends_with(n),
                "summary row {row:?}, expected {status} {n}"
            );
        }
        app.wait_for_text("main", "7 November 2022, the date of its latest meeting")
            .await?;

        // The newly qualified social workers report: outstanding, with how long.
        let nqsw = "#fu-sefton-osc-children-2022-07-05-minute-8-2";
        app.wait_for_text(
            nqsw,
            "Outstanding for 4 months (125 days) as of 7 November 2022",
        )
        .await?;
        app.wait_for_text(nqsw, "in 6 months’ time").await?;
        // The Leeds Family Values briefing and the Magdalen House visit: arranged, with dates.
        app.wait_for_text(
            "#fu-sefton-osc-children-2022-09-27-minute-19-4",
            "Arranged – 21 November 2022",
        )
        .await?;
        app.wait_for_text(
            "#fu-sefton-osc-children-2022-09-27-minute-19-5 .fu-status",
            "Arranged",
        )
        .await?;
        app.axe_check("follow-ups").await?;

        choose(app, "filter-status", "delivered").await?;
        app.click("form.filters button[type=submit]").await?;
        app.wait_for_path("/follow-ups?status=delivered").await?;
        follow_ups_loaded(app, "Showing 1 to 3 of 3 follow-ups").await?;
        app.wait_for_text(
            "#fu-sefton-osc-children-2022-09-27-minute-19-3",
            "Further to Minute No.19 (3) of 27 September 2022",
        )
        .await?;

        app.goto("/follow-ups?committee=st-helens-cyp-scrutiny")
            .await?;
        follow_ups_loaded(app, "Showing 1 to 4 of 4 follow-ups").await?;
        app.wait_for_text(
            "#fu-st-helens-cyp-scrutiny-2021-12-06-minute-23-2",
            "acronyms",
        )
        .await?;
        app.wait_for_text(
            "#fu-st-helens-cyp-scrutiny-2021-12-06-minute-23-2 .fu-status",
            "Outstanding",
        )
        .await?;
        app.axe_check("follow-ups (St Helens)").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn meeting_pages_show_follow_up_lines() {
    run("meeting_pages_show_follow_up_lines", async |app| {
        app.goto(SEP_2022).await?;
        app.wait_for_text("h1", "27 September 2022").await?;
        app.wait_for_text("#minute-19-3 .follow-up-line", "Delivered").await?;
        app.wait_for_text("#minute-19-4 .follow-up-line", "21 November 2022").await?;
        app.wait_for_text("#minute-18-4 .follow-up-line", "Planned").await?;
        app.wait_for_text("#minute-18-2 .follow-up-line", "Outstanding").await?;
        // Parts that ask for nothing have no line.
        assert_eq!(app.count("#minute-18-3 .follow-up-line").await?, 0, "noting an earlier request is not a follow-up");
        assert_eq!(app.count("#minute-19-1 .follow-up-line").await?, 0);
        // Every line on the page came from one fetch of the committee's follow-up file.
        assert_eq!(app.server.hits("/data/decisions/sefton-osc-children/follow-ups-2022.json"), 1);
        app.axe_check("meeting with follow-up lines").await?;

        app.click("#minute-19-3 .follow-up-line a").await?;
        app.wait_for_path("/follow-ups?committee=sefton-osc-children#fu-sefton-osc-children-2022-09-27-minute-19-3").await?;
        app.wait_until("the follow-up in view", &target_shown("fu-sefton-osc-children-2022-09-27-minute-19-3")).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_failed_index_can_be_retried_and_narrow_screens_fit() {
    run(
        "a_failed_index_can_be_retried_and_narrow_screens_fit",
        async |app| {
            app.server.fail_next("/data/decisions/index.json", 1, 500);
            app.goto("/decisions").await?;
            app.wait_for_text(".mb-error", "decisions/index.json")
                .await?;
            app.click("button.mb-retry").await?;
            decisions_loaded(app, "Showing 1 to 71 of 71 decisions").await?;

            app.set_viewport(320, 800).await?;
            app.goto("/decisions").await?;
            decisions_loaded(app, "71 decisions").await?;
            app.check_no_horizontal_scroll("decisions at 320 px")
                .await?;
            app.goto("/follow-ups").await?;
            follow_ups_loaded(app, "29 follow-ups").await?;
            app.check_no_horizontal_scroll("follow-ups at 320 px")
                .await?;
            Ok(())
        },
    )
    .await;
}
