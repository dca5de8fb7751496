//! Browser tests for search: the built app (`trunk build`, whose post_build hook writes
//! `dist/data/search/`) in headless Chromium against the bundled data.

mod common;

use common::{run, By, TestResult};

async fn typed(app: &common::App, text: &str) -> TestResult {
    let input = app.wait_for("#search-q").await?;
    input.click().await?;
    input.send_keys(text).await?;
    Ok(())
}

async fn result_links(app: &common::App) -> TestResult<Vec<String>> {
    app.js("return Array.from(document.querySelectorAll('.search-result h3 a')).map(a => a.getAttribute('href'));", vec![]).await
}

#[tokio::test]
async fn search_as_you_type_with_highlights_and_facets() {
    run("search_as_you_type_with_highlights_and_facets", async |app| {
        app.goto("/search").await?;
        app.wait_for_text("h1", "Search").await?;
        app.wait_for_text(".search-status", "Type a word").await?;
        app.check_page_shell("search (empty)").await?;

        // Part of a word is enough: results and highlights arrive without pressing Enter.
        typed(app, "ofst").await?;
        app.wait_for_text(".search-result mark", "Ofsted").await?;
        app.wait_for_text(".search-status", "for “ofst”").await?;
        app.wait_until("the URL to carry the query", "location.search === '?q=ofst'").await?;
        let marks = app.texts(".search-result mark").await?;
        assert!(marks.iter().all(|m| m.to_lowercase().starts_with("ofst")), "highlighted: {marks:?}");
        let status = app.texts(".search-status").await?.join(" ");
        let total: usize = status.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0);
        assert!(total >= 3, "status {status:?}");
        // The live region is polite and atomic, so screen readers hear each new count.
        let live: String = app.js("const s = document.querySelector('.search-status'); return s.getAttribute('role') + ' ' + s.getAttribute('aria-live');", vec![]).await?;
        assert_eq!(live, "status polite");

        // Keep typing: the result set narrows to the whole word and more words.
        typed(app, "ed report").await?;
        app.wait_for_text(".search-status", "for “ofsted report”").await?;
        app.wait_until("the URL to follow the typing", "location.search === '?q=ofsted%20report'").await?;

        // A facet: only minutes. Its count matched what it gives.
        let label = app.wait_for("label[for='facet-kind-minute']").await?.text().await?;
        let expected: usize = label.rsplit('(').next().and_then(|s| s.trim_end_matches(')').parse().ok()).unwrap_or(0);
        assert!(expected > 0, "facet label {label:?}");
        app.click("#facet-kind-minute").await?;
        app.wait_until("the URL to carry the facet", "location.search.includes('kind=minute')").await?;
        app.wait_for_text(".search-status", &format!("{expected} result")).await?;
        app.wait_for_text(".search-status", "with 1 filter").await?;
        let tags = app.texts(".search-result__meta .tag").await?;
        assert!(!tags.is_empty() && tags.iter().all(|t| t == "Minute"), "kinds shown: {tags:?}");
        let checked: bool = app.js("return document.getElementById('facet-kind-minute').checked;", vec![]).await?;
        assert!(checked, "the facet checkbox is not ticked");
        app.axe_check("search with results and a facet").await?;

        // A result goes to the minute on its meeting page.
        let first = result_links(app).await?.into_iter().next().unwrap_or_default();
        assert!(first.starts_with("/meetings/") && first.contains("#minute-"), "first result links to {first}");
        app.click(".search-result h3 a").await?;
        app.wait_for_path(&first).await?;
        app.wait_for_text("h2", "Agenda and minutes").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_search_url_reloads_to_the_same_results() {
    run("a_search_url_reloads_to_the_same_results", async |app| {
        let url = "/search?q=improvement%20programme&committee=sefton-osc-children";
        app.goto(url).await?;
        app.wait_for(".search-result").await?;
        app.wait_for_text(".search-status", "for “improvement programme”")
            .await?;
        app.check_page_shell("search (deep link)").await?;
        let before = result_links(app).await?;
        assert!(before.len() >= 2, "{before:?}");
        assert!(
            before[0].ends_with("#item-5"),
            "the agenda item comes first: {before:?}"
        );
        let status = app.texts(".search-status").await?;

        app.driver.refresh().await?;
        app.wait_for(".search-result").await?;
        app.wait_for_text(".search-status", "for “improvement programme”")
            .await?;
        assert_eq!(
            result_links(app).await?,
            before,
            "the reloaded URL gave different results"
        );
        assert_eq!(app.texts(".search-status").await?, status);
        let value: String = app
            .js("return document.getElementById('search-q').value;", vec![])
            .await?;
        assert_eq!(value, "improvement programme");
        let checked: bool = app
            .js(
                "return document.getElementById('facet-committee-sefton-osc-children').checked;",
                vec![],
            )
            .await?;
        assert!(checked, "the committee filter from the URL is not ticked");
        assert_eq!(
            app.driver.title().await?,
            "Search: improvement programme – Minutebook"
        );

        // Unticking the filter is a new history entry; Back returns to the filtered URL.
        app.click("#facet-committee-sefton-osc-children").await?;
        app.wait_until(
            "the filter to leave the URL",
            "!location.search.includes('committee=')",
        )
        .await?;
        app.driver.back().await?;
        app.wait_until(
            "Back to restore the filter",
            "location.search.includes('committee=sefton-osc-children')",
        )
        .await?;
        app.wait_for_text(".search-status", "with 1 filter").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn search_works_from_the_keyboard_and_at_320_px() {
    run(
        "search_works_from_the_keyboard_and_at_320_px",
        async |app| {
            app.set_viewport(320, 800).await?;
            app.goto("/search").await?;
            app.wait_for("#search-q").await?;
            // Tab from the skip link reaches the header links, then the search box.
            let mut reached = false;
            for _ in 0..15 {
                app.driver
                    .active_element()
                    .await?
                    .send_keys(common::Key::Tab)
                    .await?;
                let id: String = app
                    .js(
                        "return document.activeElement ? (document.activeElement.id || '') : '';",
                        vec![],
                    )
                    .await?;
                if id == "search-q" {
                    reached = true;
                    break;
                }
            }
            assert!(reached, "Tab never reached the search box");
            let input = app.driver.active_element().await?;
            input.send_keys("early help").await?;
            input.send_keys(common::Key::Enter).await?;
            app.wait_for_text(".search-status", "for “early help”")
                .await?;
            app.wait_for(".search-result mark").await?;
            let mut more = app.count(".search-result").await?;
            assert!(more >= 2, "{more} results");
            app.check_no_horizontal_scroll("search at 320 px").await?;
            app.axe_check("search at 320 px").await?;
            // Common words alone are explained, not silently empty.
            let input = app.driver.find(By::Id("search-q")).await?;
            input.clear().await?;
            input.send_keys("the and ").await?;
            app.wait_for_text(".search-status", "very common words")
                .await?;
            more = app.count(".search-result").await?;
            assert_eq!(more, 0);
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn show_more_adds_results_and_moves_focus_to_them() {
    run(
        "show_more_adds_results_and_moves_focus_to_them",
        async |app| {
            app.goto("/search?q=committee").await?;
            app.wait_for(".search-result").await?;
            let status = app.wait_for(".search-status").await?.text().await?;
            let total: usize = status
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            assert!(
                total > 20,
                "need more than 20 results for this test: {status}"
            );
            assert_eq!(
                app.count(".search-result").await?,
                10,
                "the first page shows 10"
            );
            app.click(".search-more").await?;
            app.wait_until(
                "more results",
                "document.querySelectorAll('.search-result').length === 20",
            )
            .await?;
            app.wait_until(
                "focus on the first new result",
                "document.activeElement && document.activeElement.closest('#search-result-10')",
            )
            .await?;
            // The rest of the page did not move: the status still counts every result.
            assert_eq!(app.wait_for(".search-status").await?.text().await?, status);
            Ok(())
        },
    )
    .await;
}
