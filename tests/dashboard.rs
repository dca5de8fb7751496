//! Browser tests for dashboards and the improvement plan tracker: charts have text
//! alternatives and data tables, filters change the rows, CSV downloads hold what is on
//! screen, axe-core finds nothing serious, and every page works at 320 px.

mod common;

use common::{fail, run, run_dist, App, TestResult};
use minutebook_data::{parse, Dashboard, RagStatus};
use minutebook_domain::csv_export::actions_csv;
use minutebook_domain::rag::{action_rows, ActionFilter, ActionRow};
use serde_json::{json, Value};

const PERFORMANCE: &str = "/dashboards/sefton-osc-children-performance-dashboard-2022-11-07";
const PLAN: &str = "/improvement-plans/sefton-osc-children-improvement-plan-2022-11-07";
const EDUCATION: &str = "/dashboards/sefton-osc-children-education-figures-2022-09-27";
const OFSTED: &str = "/dashboards/sefton-osc-children-ofsted-outcomes-2022";
const SEP_DASHBOARD: &str = "/dashboards/sefton-osc-children-performance-dashboard-2022-09-27";
const ST_HELENS: &str = "/dashboards/st-helens-cyp-scrutiny-q2-performance-2021-22";
const NOV_2022: &str = "/meetings/sefton-osc-children-2022-11-07";

fn plan_rows() -> Vec<ActionRow> {
    let path = common::repo_root()
        .join("public/data/dashboards/sefton-osc-children-improvement-plan-2022-11-07.json");
    let d: Dashboard = parse("plan", &std::fs::read_to_string(path).unwrap()).unwrap();
    action_rows(d.plan.as_ref().unwrap())
}

/// Every chart on the page: a figure with a caption, an `svg[role=img]` named and
/// described by texts that exist, and a data table with rows. Returns how many.
async fn check_charts(app: &App, page: &str) -> TestResult<u64> {
    let report: Value = app
        .js(
            r#"
            const problems = [];
            const figures = Array.from(document.querySelectorAll('figure.chart'));
            for (const f of figures) {
                const cap = f.querySelector('figcaption');
                const svg = f.querySelector('svg');
                const name = f.id || '(no id)';
                if (!cap || !cap.textContent.trim()) problems.push(name + ': no title');
                if (!svg) { problems.push(name + ': no svg'); continue; }
                if (svg.getAttribute('role') !== 'img') problems.push(name + ': svg without role=img');
                const by = document.getElementById(svg.getAttribute('aria-labelledby') || '');
                const desc = document.getElementById(svg.getAttribute('aria-describedby') || '');
                if (!by || !by.textContent.trim()) problems.push(name + ': svg not named by a visible title');
                if (!desc || desc.textContent.trim().length < 20) problems.push(name + ': svg without a text description');
                const table = f.querySelector('table');
                if (!table) problems.push(name + ': no data table');
                else if (table.querySelectorAll('tbody tr').length < 1) problems.push(name + ': empty data table');
                else if (!table.querySelector('caption')) problems.push(name + ': data table without caption');
                if (svg.querySelectorAll('text').length < 1) problems.push(name + ': chart has no words in it');
            }
            return { count: figures.length, problems: problems };
            "#,
            vec![],
        )
        .await?;
    let problems = report["problems"].as_array().cloned().unwrap_or_default();
    if !problems.is_empty() {
        return fail(format!("{page}: {problems:?}"));
    }
    Ok(report["count"].as_u64().unwrap_or(0))
}

/// Fetch a blob: URL from a download link, as the browser would save it.
async fn download(app: &App, link_css: &str) -> TestResult<String> {
    let link = app.wait_for(link_css).await?;
    let href = link.attr("href").await?.unwrap_or_default();
    if !href.starts_with("blob:") {
        return fail(format!("{link_css}: href is {href:?}, not a blob: URL"));
    }
    if link
        .attr("download")
        .await?
        .is_none_or(|d| !d.ends_with(".csv"))
    {
        return fail(format!("{link_css}: no download=\"….csv\""));
    }
    let ret = app
        .driver
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(r => r.text()).then(t => done(t)).catch(e => done('FETCH-ERROR ' + e));
            "#,
            vec![json!(href)],
        )
        .await?;
    let text = ret.json().as_str().unwrap_or_default().to_string();
    if text.starts_with("FETCH-ERROR") {
        return fail(text);
    }
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

async fn select(app: &App, id: &str, value: &str) -> TestResult {
    app.wait_for(&format!("#{id}")).await?;
    app.js::<Value>(
        "const s = document.getElementById(arguments[0]); s.value = arguments[1]; \
         s.dispatchEvent(new Event('change', { bubbles: true })); return null;",
        vec![json!(id), json!(value)],
    )
    .await?;
    Ok(())
}

async fn narrow_and_axe(app: &App, page: &str) -> TestResult {
    app.axe_check(page).await?;
    app.set_viewport(320, 800).await?;
    app.check_no_horizontal_scroll(&format!("{page} at 320 px"))
        .await?;
    app.axe_check(&format!("{page} at 320 px")).await?;
    app.set_viewport(1280, 900).await?;
    Ok(())
}

#[tokio::test]
async fn performance_dashboard_figures_charts_and_links() {
    run("performance_dashboard_figures_charts_and_links", async |app| {
        app.bypass_csp().await?;
        app.goto(PERFORMANCE).await?;
        app.wait_for_text("h1", "Performance Dashboard").await?;
        app.wait_for_text(".figure-card", "607").await?;
        app.check_page_shell("performance dashboard").await?;
        app.wait_for_text(".figure-card", "112.20 per 10,000").await?;
        // The Care Experienced tables, each drawn as a stacked-share chart with the table as its data.
        app.wait_for_text("figure.chart figcaption", "Current Activity Status").await?;
        app.wait_for_text("figure.chart figcaption", "Current In Touch Status").await?;
        let charts = check_charts(app, "performance dashboard").await?;
        assert!(charts >= 2, "expected at least 2 charts, found {charts}");
        let shares: Vec<String> = app.texts("#care-experienced-activity-status table td").await?;
        assert!(shares.iter().any(|t| t == "46.8%"), "the printed percentages are in the data table: {shares:?}");
        // Charts printed as pictures are listed with the notice.
        app.wait_for_text(".not-charted li", "Contact Starts Monthly").await?;
        app.wait_for_text(".not-charted li", "Open CP Episodes by Month Over Last 4 Years").await?;
        let notices = app.texts(".not-charted li").await?;
        assert!(notices.iter().all(|t| t.contains("data not published")), "every picture-only chart says its data were not published");

        // Links to the item, the minute and each resolution part.
        let item = format!("a[href=\"{NOV_2022}#item-6\"]");
        app.wait_for(&item).await?;
        app.wait_for(&format!("a[href=\"{NOV_2022}#minute-26\"]")).await?;
        for part in 1..=3 {
            app.wait_for(&format!("a[href=\"{NOV_2022}#minute-26-{part}\"]")).await?;
        }
        app.wait_for_text(".resolution__part", "the performance dashboard be noted").await?;

        // The CSV of a table holds its rows.
        let csv = download(app, "#care-experienced-in-touch-status a[download]").await?;
        assert_eq!(
            csv,
            "Category,Count,Percent\r\nWithin Last 91 Days,130,69.9\r\nOver 91 Days Ago,53,28.5\r\nNo In Touch Date,3,1.6\r\nTotal,186,100.0\r\n"
        );

        app.click(&item).await?;
        app.wait_for_path(&format!("{NOV_2022}#item-6")).await?;
        app.wait_for_text("h1", "Monday 7 November 2022").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn improvement_plan_counts_filters_and_csv() {
    run("improvement_plan_counts_filters_and_csv", async |app| {
        app.bypass_csp().await?;
        app.goto(PLAN).await?;
        app.wait_for_text("h1", "Children's Improvement Plan Phase 1").await?;
        app.wait_for_text(".filters__count", "Showing 125 of 125 actions").await?;
        app.check_page_shell("improvement plan").await?;
        assert_eq!(app.count(".plan-table tbody tr").await?, 125);

        // The counts table: per priority and overall, as transcribed.
        let rows = app.texts(".rag-counts tbody tr").await?;
        let squash = |s: &String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let got: Vec<String> = rows.iter().map(squash).collect();
        // Columns: complete, on track, some issues, not on track, not started, business as usual, no rating, total.
        assert_eq!(
            got,
            vec![
                "Priority 1 – Improving Quality 30 9 7 0 3 8 1 58",
                "Priority 2 – Implementation of Learning 5 4 2 0 5 5 0 21",
                "Priority 3 – Improving tools 6 2 0 0 1 1 0 10",
                "Priority 4 – Improving Strategic Partnerships 8 13 2 2 1 10 0 36",
                "All priorities 49 28 11 2 10 24 1 125",
            ]
        );
        // Status words are shown with every colour.
        let badges = app.texts(".plan-table .rag").await?;
        assert_eq!(badges.len(), 125);
        assert!(badges.iter().all(|b| !b.trim().is_empty()));
        check_charts(app, "improvement plan").await?;

        // Filters change the rows.
        select(app, "filter-priority", "4").await?;
        app.wait_for_text(".filters__count", "Showing 36 of 125 actions").await?;
        select(app, "filter-status", "not_on_track").await?;
        app.wait_for_text(".filters__count", "Showing 2 of 125 actions").await?;
        assert_eq!(app.count(".plan-table tbody tr").await?, 2);
        // The filters are in the address, so the view can be shared.
        app.wait_for_path(&format!("{PLAN}?priority=4&status=not_on_track")).await?;
        for t in app.texts(".plan-table tbody tr").await? {
            assert!(t.contains("4.2.1") && t.contains("Not on track"), "row {t:?}");
        }
        // The CSV follows the filters and equals the domain's CSV of those rows.
        let all = plan_rows();
        let filter = ActionFilter { priority: Some("4".into()), status: Some(Some(RagStatus::NotOnTrack)), ..Default::default() };
        let expected = actions_csv(&filter.apply(&all));
        // The link is renewed just after the rows change: poll until the download holds them.
        let mut csv = String::new();
        for _ in 0..30 {
            csv = download(app, ".plan a[download$=\"-actions.csv\"]").await.unwrap_or_default();
            if csv == expected {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        assert_eq!(csv, expected, "the CSV of the filtered actions");

        select(app, "filter-priority", "").await?;
        select(app, "filter-status", "").await?;
        select(app, "filter-lead", "Director of Public Health").await?;
        app.wait_for_text(".filters__count", "Showing 1 of 125 actions").await?;
        select(app, "filter-lead", "").await?;
        select(app, "filter-milestone", "2025-03").await?;
        app.wait_for_text(".filters__count", "Showing 1 of 125 actions").await?;
        select(app, "filter-milestone", "").await?;
        select(app, "filter-status", "unrated").await?;
        app.wait_for_text(".filters__count", "Showing 1 of 125 actions").await?;
        app.wait_for_text(".plan-table tbody tr", "No rating published").await?;
        select(app, "filter-status", "").await?;
        app.wait_for_text(".filters__count", "Showing 125 of 125 actions").await?;

        assert_eq!(app.current_path().await?, PLAN, "no filters, no query");

        // A shared filtered address opens with those filters chosen.
        app.goto(&format!("{PLAN}?priority=4&status=not_on_track")).await?;
        app.wait_for_text(".filters__count", "Showing 2 of 125 actions").await?;
        let chosen: Vec<String> = app
            .js("return ['filter-priority', 'filter-status'].map(id => document.getElementById(id).value);", vec![])
            .await?;
        assert_eq!(chosen, vec!["4", "not_on_track"]);
        app.goto(&format!("{PLAN}?lead=none")).await?;
        app.wait_for_text(".filters__count", "of 125 actions").await?;
        let blank_leads = plan_rows().iter().filter(|r| r.lead.is_none()).count();
        app.wait_for_text(".filters__count", &format!("Showing {blank_leads} of 125 actions")).await?;

        // The RAG counts download.
        let counts = download(app, "a[download$=\"-rag-counts.csv\"]").await?;
        assert!(counts.ends_with("All priorities,49,28,11,2,10,24,1,125\r\n"), "{counts}");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn pages_pass_axe_and_fit_320_px() {
    run("pages_pass_axe_and_fit_320_px", async |app| {
        for (path, h1) in [
            (PERFORMANCE, "Performance Dashboard"),
            (PLAN, "Children's Improvement Plan Phase 1"),
            (EDUCATION, "Education in Sefton"),
            (OFSTED, "Summary of Ofsted Outcomes"),
            (SEP_DASHBOARD, "Performance Dashboard"),
            (ST_HELENS, "Quarter 2 Performance Report 2021/22"),
        ] {
            app.goto(path).await?;
            app.wait_for_text("h1", h1).await?;
            app.wait_for(".resolution, .consideration").await?;
            app.check_page_shell(path).await?;
            check_charts(app, path).await?;
            narrow_and_axe(app, path).await?;
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn education_figures_and_described_report() {
    run("education_figures_and_described_report", async |app| {
        app.goto(EDUCATION).await?;
        app.wait_for_text("h1", "Education in Sefton").await?;
        app.wait_for_text(".figure-card", "40,047").await?;
        let charts = check_charts(app, "education").await?;
        assert!(charts >= 6, "bars for schools and providers, shares for SEN support, comparator bars: found {charts}");
        app.wait_for_text("figure.chart figcaption", "Number of schools by type").await?;
        app.wait_for_text("#schools-by-type table", "Primary Schools").await?;
        app.wait_for_text(".figure-card", "Target: 74% by 2025").await?;

        app.goto(OFSTED).await?;
        app.wait_for_text("#ofsted-summer-2022-table", "Jackie Stillings").await?;
        app.wait_for_text("#ofsted-spring-2022-table", "Range High School").await?;
        app.wait_for_text("#ofsted-spring-2022-table", "Not published").await?;

        app.goto(ST_HELENS).await?;
        app.wait_for_text("h1", "Quarter 2 Performance Report 2021/22").await?;
        app.wait_for_text(".figure-card", "The tier 2 indicator").await?;
        for v in app.texts(".figure-card__value").await? {
            assert!(v.contains("not published"), "a described report shows no figures: {v:?}");
        }
        app.wait_for("a[href=\"/meetings/st-helens-cyp-scrutiny-2021-12-06#minute-24-1\"]").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn committee_page_lists_dashboards_and_unknown_ids_are_not_found() {
    run(
        "committee_page_lists_dashboards_and_unknown_ids_are_not_found",
        async |app| {
            app.goto("/committees/sefton-osc-children").await?;
            app.wait_for_text("h2", "Performance").await?;
            app.wait_for(&format!("a[href=\"{PLAN}\"]")).await?;
            app.click(&format!("a[href=\"{PERFORMANCE}\"]")).await?;
            app.wait_for_path(PERFORMANCE).await?;
            app.wait_for_text("h1", "Performance Dashboard").await?;
            assert_eq!(
                app.server.hits(PERFORMANCE),
                0,
                "the link reloaded the page"
            );

            // A plan opened at the dashboard address points to the tracker.
            app.goto("/dashboards/sefton-osc-children-improvement-plan-2022-11-07")
                .await?;
            app.wait_for(&format!("main a[href=\"{PLAN}\"]")).await?;

            app.goto("/dashboards/no-such-dashboard").await?;
            app.wait_for_text("h1", "Page not found").await?;
            app.goto("/improvement-plans/no-such-plan").await?;
            app.wait_for_text("h1", "Page not found").await?;
            Ok(())
        },
    )
    .await;
}

/// No bundled paper publishes a time series as text, so the line chart is checked on a
/// test fixture added to a copy of the build (never to the published data).
#[tokio::test]
async fn a_published_series_gets_a_line_chart() {
    let dist = common::dist_dir();
    let copy = std::env::temp_dir().join(format!(
        "minutebook-dashboard-fixture-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&copy);
    common::copy_dir(&dist, &copy);
    let fixture = json!({
        "format": "minutebook/1",
        "id": "test-fixture-series",
        "title": "Test fixture: a series",
        "council": "sefton",
        "committee": "sefton-osc-children",
        "notes": ["Test fixture made by tests/dashboard.rs; not council data."],
        "sections": [{
            "id": "fixture", "title": "Fixture",
            "indicators": [{
                "id": "fixture-rate", "name": "Fixture rate", "value": 14, "unit": "percent",
                "series": [{"label": "Q1", "value": 10}, {"label": "Q2", "value": 12.5}, {"label": "Q3", "value": 11}, {"label": "Q4", "value": 14}],
                "comparators": [{"kind": "national", "value": 12}]
            }]
        }]
    });
    std::fs::write(
        copy.join("data/dashboards/test-fixture-series.json"),
        serde_json::to_string(&fixture).unwrap(),
    )
    .unwrap();
    let index_path = copy.join("data/index.json");
    let mut index: Value =
        serde_json::from_str(&std::fs::read_to_string(&index_path).unwrap()).unwrap();
    index["dashboards"].as_array_mut().unwrap().push(json!({
        "id": "test-fixture-series", "title": "Test fixture: a series", "council": "sefton",
        "committee": "sefton-osc-children", "file": "dashboards/test-fixture-series.json", "note": "Performance dashboard"
    }));
    std::fs::write(&index_path, serde_json::to_string(&index).unwrap()).unwrap();
    common::prerender(&copy, "/");

    run_dist(
        "a_published_series_gets_a_line_chart",
        copy.clone(),
        "/",
        async |app| {
            app.bypass_csp().await?;
            app.goto("/dashboards/test-fixture-series").await?;
            app.wait_for("#fixture-rate-series").await?;
            check_charts(app, "fixture").await?;
            assert_eq!(
                app.count("#fixture-rate-series svg circle").await?,
                4,
                "a marker per point"
            );
            assert_eq!(
                app.count("#fixture-rate-series table tbody tr").await?,
                4,
                "a table row per point"
            );
            let desc = app
                .texts("#fixture-rate-series .chart__description")
                .await?
                .join("");
            assert!(desc.contains("From Q1 (10%) to Q4 (14%)"), "{desc}");
            assert_eq!(
                app.count("#fixture-rate-comparators svg rect.chart-fill")
                    .await?,
                2,
                "Sefton and national bars"
            );
            let csv = download(app, "#fixture-rate-series a[download]").await?;
            assert_eq!(
                csv,
                "Period,Fixture rate\r\nQ1,10\r\nQ2,12.5\r\nQ3,11\r\nQ4,14\r\n"
            );
            narrow_and_axe(app, "fixture").await?;
            Ok(())
        },
    )
    .await;
    let _ = std::fs::remove_dir_all(&copy);
}
