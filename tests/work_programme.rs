//! Browser tests for the work programme (schedule, narrow-screen list, planned vs held,
//! what changed), the Forward Plan and key decision pages, and the calendar downloads.
//! Run against a built dist: `MINUTEBOOK_DIST=/tmp/wp-dist cargo test --test work_programme`.

mod common;

use common::{fail, run, App, TestResult};
use serde_json::{json, Value};

const WP: &str = "/committees/sefton-osc-children/work-programme";
const DRAFT: &str = "sefton-osc-children-2022-23-draft-2022-09-15";
const PLAN: &str = "/forward-plans/sefton-2022-10-to-2023-01";
const EES: &str =
    "/forward-plans/sefton-2022-10-to-2023-01/decisions/education-excellence-strategy";
const SEP_2022: &str = "/meetings/sefton-osc-children-2022-09-27";
const NOV_2022: &str = "/meetings/sefton-osc-children-2022-11-07";

fn link(path: &str) -> String {
    format!("a[href=\"{path}\"]")
}

async fn programme_loaded(app: &App) -> TestResult {
    app.wait_for_text("h1", "Work programme 2022/23").await?;
    app.wait_for("table.schedule").await?;
    app.wait_for_text("h2", "What changed").await?;
    Ok(())
}

/// Row text of the schedule: (row title, one "✓"/"" per meeting column).
async fn schedule_row(app: &App, title: &str) -> TestResult<Vec<bool>> {
    let cells: Value = app
        .js(
            "const rows = Array.from(document.querySelectorAll('table.schedule tbody tr')); \
             const r = rows.find(r => r.querySelector('th .schedule__title') && r.querySelector('th .schedule__title').textContent === arguments[0]); \
             return r ? Array.from(r.querySelectorAll('td')).map(td => td.classList.contains('is-planned')) : null;",
            vec![json!(title)],
        )
        .await?;
    match cells {
        Value::Array(v) => Ok(v.iter().map(|b| b.as_bool().unwrap_or(false)).collect()),
        _ => fail(format!("no schedule row titled {title:?}")),
    }
}

/// Each planned-vs-held row of the meeting as "programme item | outcome | agenda item".
async fn planned_held(app: &App, meeting: &str) -> TestResult<Vec<String>> {
    app.js(
        "const s = document.querySelector(`section.planned-held[data-meeting='${arguments[0]}']`); \
         if (!s) return []; \
         return Array.from(s.querySelectorAll('tbody tr')).map(tr => Array.from(tr.children).map(c => { \
             const a = c.querySelector('a'); return a ? a.textContent.trim() : c.textContent.trim(); }).join(' | '));",
        vec![json!(meeting)],
    )
    .await
}

#[tokio::test]
async fn schedule_shows_each_version_as_an_accessible_grid() {
    run(
        "schedule_shows_each_version_as_an_accessible_grid",
        async |app| {
            app.goto(WP).await?;
            programme_loaded(app).await?;
            app.check_page_shell("work programme").await?;
            // The latest version is shown first: the one printed for 7 November 2022.
            app.wait_for_text(
                "table.schedule caption",
                "in the agenda pack for 7 November 2022",
            )
            .await?;
            let heads = app.texts("table.schedule thead th").await?;
            assert_eq!(heads.len(), 7, "Item + 6 meetings: {heads:?}");
            assert!(heads[2].contains("Tues 27/09/22 Southport"), "{heads:?}");
            assert_eq!(app.count("table.schedule tbody th[scope=row]").await?, 21);
            assert_eq!(
                app.count("table.schedule th[scope=colgroup]").await?,
                3,
                "three section headings"
            );
            assert_eq!(
                schedule_row(app, "Performance Dashboard").await?,
                vec![false, true, true, true, true, true]
            );
            assert_eq!(
                schedule_row(app, "SEND Annual Update").await?,
                vec![false, false, false, true, false, false]
            );
            // Today is after every meeting: all are past, and say so in words.
            assert_eq!(app.count("table.schedule thead th.is-past").await?, 6);
            assert_eq!(
                app.count("table.schedule thead th .schedule__when").await?,
                6
            );
            app.wait_for_text("table.schedule thead th", "Held").await?;
            app.axe_check("work programme (latest version)").await?;

            // Choose the draft of 15/09/22.
            let draft = format!("{WP}?version={DRAFT}");
            app.click(&link(&draft)).await?;
            app.wait_for_path(&draft).await?;
            app.wait_for_text("table.schedule caption", "dated 15 September 2022")
                .await?;
            assert_eq!(
                schedule_row(app, "SEND Annual Update").await?,
                vec![false, false, true, false, false, false]
            );
            assert_eq!(
                schedule_row(app, "Children’s Social Care Improvement Journey").await?,
                vec![false; 6]
            );
            app.wait_for_text(
                "table.schedule .schedule__note",
                "Note: The above item to be incorporated",
            )
            .await?;
            app.wait_for_text("table.schedule .schedule__note", "Note: Invite Cr. Doyle")
                .await?;
            app.wait_for_text(
                "table.schedule .schedule__leads",
                "Lead: Amy Riley/Debbie Campbell",
            )
            .await?;
            app.check_page_shell("work programme (draft)").await?;
            app.axe_check("work programme (draft)").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn future_meetings_look_different_from_past_ones() {
    run("future_meetings_look_different_from_past_ones", async |app| {
        // Make the browser's today 15 October 2022, before the page's scripts run.
        let dev = thirtyfour::extensions::cdp::ChromeDevTools::new(app.driver.handle.clone());
        let fake = "(() => { const fixed = new Date('2022-10-15T12:00:00Z').getTime(); const Real = Date; \
                    class FakeDate extends Real { constructor(...a) { if (a.length === 0) super(fixed); else super(...a); } \
                    static now() { return fixed; } } window.Date = FakeDate; })();";
        dev.execute_cdp_with_params("Page.addScriptToEvaluateOnNewDocument", json!({ "source": fake })).await?;
        app.goto(WP).await?;
        programme_loaded(app).await?;
        app.wait_for_text("p.hint", "before today (15 October 2022)").await?;
        assert_eq!(app.count("table.schedule thead th.is-past").await?, 2, "5 July and 27 September");
        assert_eq!(app.count("table.schedule thead th.is-future").await?, 4);
        let future = app.texts("table.schedule thead th.is-future .schedule__when").await?;
        assert_eq!(future, vec!["Upcoming"; 4]);
        let past = app.texts("table.schedule thead th.is-past .schedule__when").await?;
        assert_eq!(past, vec!["Held"; 2]);
        // Shaded differently, not only labelled.
        let (a, b): (String, String) = (
            app.js("return getComputedStyle(document.querySelector('table.schedule thead th.is-past')).backgroundColor;", vec![]).await?,
            app.js("return getComputedStyle(document.querySelector('table.schedule thead th.is-future')).backgroundColor;", vec![]).await?,
        );
        assert_ne!(a, b, "past and future columns have the same background");
        app.axe_check("work programme with upcoming meetings").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn narrow_screen_lists_each_meeting() {
    run("narrow_screen_lists_each_meeting", async |app| {
        app.set_viewport(320, 800).await?;
        app.goto(WP).await?;
        programme_loaded(app).await?;
        app.wait_until(
            "the grid hidden and the list shown at 320px",
            "getComputedStyle(document.querySelector('.schedule-grid')).display === 'none' && \
             getComputedStyle(document.querySelector('.schedule-list')).display !== 'none'",
        )
        .await?;
        let headings = app.texts(".schedule-list h3").await?;
        assert_eq!(headings.len(), 6, "{headings:?}");
        assert!(
            headings[2].starts_with("Monday 7 November 2022, Bootle"),
            "{headings:?}"
        );
        let nov: String = app
            .js(
                "return document.querySelectorAll('.schedule-list__meeting')[2].innerText;",
                vec![],
            )
            .await?;
        for item in [
            "Summer 2022 Data",
            "Children's Commissioner",
            "Performance Dashboard",
        ] {
            assert!(nov.contains(item), "7 November list lacks {item}: {nov}");
        }
        assert!(
            !nov.contains("SEND Annual Update"),
            "SEND moved to December in this version: {nov}"
        );
        app.check_no_horizontal_scroll("work programme at 320px")
            .await?;
        app.axe_check("work programme at 320px").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn planned_vs_held_marks_every_row() {
    run("planned_vs_held_marks_every_row", async |app| {
        app.goto(&format!("{WP}?version={DRAFT}")).await?;
        programme_loaded(app).await?;
        app.wait_for("section.planned-held[data-meeting='sefton-osc-children-2022-11-07']").await?;
        let nov = planned_held(app, "sefton-osc-children-2022-11-07").await?;
        eprintln!("draft 15/09/22, 7 Nov 2022:\n  {}", nov.join("\n  "));
        assert_eq!(
            nov,
            vec![
                "Cabinet Member Update Reports | Considered | 9. Cabinet Member Reports",
                "Work Programme Update | Considered | 10. Work Programme Key Decision Forward Plan",
                "Update on Ofsted Report and Improvement Plan | Considered | 5. Children's Services Improvement Programme",
                "SEND Annual Update | Not on the agenda | —",
                "Integrated Care System Update and Start Well Overview | Considered | 4. Integrated Care Systems and Start Well Update",
                "Corporate Parenting Board - Annual Update | Not on the agenda | —",
                "Not in the programme | Added | 6. Performance Dashboard",
                "Not in the programme | Added | 7. Summer 2022 Data",
                "Not in the programme | Added | 8. Children's Services Commissioner",
            ]
        );
        // Considered rows link to the agenda item on the meeting page.
        let considered = "section.planned-held[data-meeting='sefton-osc-children-2022-11-07'] a[href='/meetings/sefton-osc-children-2022-11-07#item-4']";
        app.wait_for(considered).await?;
        let sep = planned_held(app, "sefton-osc-children-2022-09-27").await?;
        eprintln!("draft 15/09/22, 27 Sep 2022:\n  {}", sep.join("\n  "));
        assert_eq!(sep.len(), 7);
        assert!(sep.iter().all(|r| r.contains("| Considered |")), "{sep:?}");
        app.wait_for_text("p.hint", "No agenda or minutes in the data for the meetings of 20 December 2022, 31 January 2023, 6 March 2023").await?;

        app.goto(WP).await?;
        programme_loaded(app).await?;
        app.wait_for("section.planned-held[data-meeting='sefton-osc-children-2022-09-27']").await?;
        let sep = planned_held(app, "sefton-osc-children-2022-09-27").await?;
        eprintln!("7 Nov pack version, 27 Sep 2022:\n  {}", sep.join("\n  "));
        assert!(sep.contains(&"Performance Dashboard | Not on the agenda | —".to_string()), "{sep:?}");
        let nov = planned_held(app, "sefton-osc-children-2022-11-07").await?;
        eprintln!("7 Nov pack version, 7 Nov 2022:\n  {}", nov.join("\n  "));
        assert_eq!(nov.len(), 7);
        assert!(nov.iter().all(|r| r.contains("| Considered |")), "{nov:?}");

        app.click(considered).await?;
        app.wait_for_path("/meetings/sefton-osc-children-2022-11-07#item-4").await?;
        app.wait_for_text("h1", "Monday 7 November 2022").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn what_changed_between_versions() {
    run("what_changed_between_versions", async |app| {
        app.goto(WP).await?;
        programme_loaded(app).await?;
        let headings = app.texts("h3.diff__heading").await?;
        assert_eq!(headings, vec!["Added (5)", "Removed (1)", "Merged (1)", "Changed (5)"]);
        let text: String = app.js("return document.querySelector('#changes').parentElement.innerText;", vec![]).await?;
        eprintln!("what changed:\n{text}");
        for expected in [
            "Maternity Services Briefing (lead: Associate Director Quality and Performance, Cheshire & Merseyside ICB Sefton Place Team) — planned for 20 December 2022",
            "Children’s Social Care Improvement Journey (lead: Laura Knights) — not planned for any meeting",
            "Children's Services Improvement Programme (lead: Jan McMahon) — planned for 27 September 2022 — folded into “Update on Ofsted Report & Children's Services Improvement Plan/Programme”",
            "Moved from the meeting of 7 November 2022 to 20 December 2022.",
            "Renamed from “Integrated Care System Update and Start Well Overview” to “Integrated Care System Update and Start Well Update”.",
            "Lead changed from CE of CCGs/Alder Hey Rep to NHS Cheshire & Merseyside (Sefton)/Alder Hey Reps.",
        ] {
            assert!(text.contains(expected), "missing {expected:?}");
        }
        app.axe_check("work programme diff").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn forward_plan_and_key_decision_pages_link_both_ways() {
    run(
        "forward_plan_and_key_decision_pages_link_both_ways",
        async |app| {
            app.goto(PLAN).await?;
            app.wait_for_text(
                "h1",
                "Key Decision Forward Plan for the period 1 October 2022 – 31 January 2023",
            )
            .await?;
            app.check_page_shell("forward plan").await?;
            assert_eq!(app.count("main table tbody tr").await?, 2);
            app.wait_for_text("dd", "31 August 2022").await?;
            app.wait_for_text(
                "main",
                "A Key Decision is defined in the Council's Constitution as:",
            )
            .await?;
            assert_eq!(app.count("ol.exempt-paragraphs > li").await?, 10);
            app.axe_check("forward plan").await?;

            app.click(&link(EES)).await?;
            app.wait_for_path(EES).await?;
            app.wait_for_text("h1", "Education Excellence Strategy for Sefton 2021-2025")
                .await?;
            app.check_page_shell("key decision").await?;
            let timeline = app.texts("ol.timeline > li").await?;
            assert_eq!(timeline.len(), 3, "{timeline:?}");
            assert!(timeline[0].starts_with("28 July 2022"), "{timeline:?}");
            assert!(
                timeline[1].starts_with("6 October 2022")
                    && timeline[1].contains(
                        "Reason: in order to extend consultation and obtain further information"
                    ),
                "{timeline:?}"
            );
            for field in [
                "Cabinet",
                "6 Oct 2022",
                "Financial: No. Community impact: Yes.",
                "Open",
                "All Wards",
                "Parents and carers",
                "online survey",
                "nicola.robson@sefton.gov.uk",
            ] {
                app.wait_for_text("dl.summary-list", field).await?;
            }
            app.axe_check("key decision").await?;

            // To the meeting that considered it, and back.
            let to_meeting = format!("{SEP_2022}#minute-16");
            app.click(&link(&to_meeting)).await?;
            app.wait_for_path(&to_meeting).await?;
            app.wait_for_text("h1", "27 September 2022").await?;
            app.wait_for_text(
                "p.key-decision-links",
                "Education Excellence Strategy for Sefton 2021-2025",
            )
            .await?;
            app.click(&format!("p.key-decision-links {}", link(EES)))
                .await?;
            app.wait_for_path(EES).await?;
            app.wait_for_text("h1", "Education Excellence Strategy")
                .await?;

            // The other decision has no date changes and no scrutiny record, and says so.
            app.goto(&format!("{PLAN}/decisions/childhood-poverty-strategy"))
                .await?;
            app.wait_for_text("h1", "Sefton's Childhood Poverty Strategy")
                .await?;
            app.wait_for_text("main", "The plan records no change to the expected date.")
                .await?;
            app.wait_for_text(
                "main",
                "The data records no scrutiny meeting that considered this matter.",
            )
            .await?;
            app.wait_for_text(
                "dl.summary-list",
                "Whether the item is new to this plan: not published",
            )
            .await?;

            app.goto(&format!("{PLAN}/decisions/no-such-decision"))
                .await?;
            app.wait_for_text("h1", "Page not found").await?;
            app.goto("/forward-plans/no-such-plan").await?;
            app.wait_for_text("h1", "Page not found").await?;
            app.goto("/committees/no-such-committee/work-programme")
                .await?;
            app.wait_for_text("h1", "Page not found").await?;
            Ok(())
        },
    )
    .await;
}

/// The text behind a download link, read through the page (the link's blob: URL).
async fn download(app: &App, css: &str) -> TestResult<(String, String)> {
    app.wait_for(css).await?;
    let meta: Value = app
        .js("const a = document.querySelector(arguments[0]); return [a.href, a.getAttribute('download')];", vec![json!(css)])
        .await?;
    let href = meta[0].as_str().unwrap_or_default().to_string();
    // A static file written at build time beside the page (it works without JavaScript).
    if !href.contains("/downloads/") || !href.ends_with(".ics") {
        return fail(format!(
            "{css} links to {href}, not the calendar file written beside the page"
        ));
    }
    let ret = app
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('ERROR ' + e));",
            vec![json!(href)],
        )
        .await?;
    // Unfold long lines (RFC 5545 folds at 75 octets with CRLF + space).
    let text = ret.json().as_str().unwrap_or_default().replace("\r\n ", "");
    Ok((meta[1].as_str().unwrap_or_default().to_string(), text))
}

#[tokio::test]
async fn calendar_downloads_for_a_committee_and_a_meeting() {
    run("calendar_downloads_for_a_committee_and_a_meeting", async |app| {
        app.goto("/committees/sefton-osc-children").await?;
        app.wait_for_text("h2", "Work programme and key decisions").await?;
        let (name, text) = download(app, "a.ics-download").await?;
        assert_eq!(name, "sefton-osc-children-meetings.ics");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 8, "{text}");
        assert!(text.contains("DTSTART:20221107T183000Z"), "7 Nov 2022 6.30pm GMT: {text}");
        assert!(text.contains("DTSTART;VALUE=DATE:20220927"), "27 Sep 2022, time not published: {text}");
        app.axe_check("committee page with links").await?;
        app.click(&link(WP)).await?;
        app.wait_for_path(WP).await?;
        programme_loaded(app).await?;

        app.goto(NOV_2022).await?;
        app.wait_for_text("h1", "Monday 7 November 2022").await?;
        let (name, text) = download(app, "a.ics-download").await?;
        assert_eq!(name, "sefton-osc-children-2022-11-07.ics");
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
        assert!(text.contains("DTSTART:20221107T183000Z"));
        assert!(text.contains("UID:sefton-osc-children-2022-11-07@minutebook"));
        assert!(text.contains("LOCATION:Committee Room - Bootle Town Hall\\, Trinity Road\\, Bootle\\, L20 7AE"), "{text}");
        assert!(text.contains("/meetings/sefton-osc-children-2022-11-07"), "a link back to the meeting: {text}");
        app.axe_check("meeting page with calendar link").await?;
        Ok(())
    })
    .await;
}
