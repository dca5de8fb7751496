//! Browser tests for people and the glossary: the people list, person pages, names linked
//! from meeting and committee pages, acronyms marked up with <abbr>, the glossary page, and
//! axe-core and 320 px checks on every new page.
//!
//! `trunk build index.html --release --dist /tmp/people-dist`, then
//! `MINUTEBOOK_DIST=/tmp/people-dist cargo test --test people`.

mod common;

use common::{run, App, TestResult};

const NOV_2022: &str = "/meetings/sefton-osc-children-2022-11-07";
const SEP_2022: &str = "/meetings/sefton-osc-children-2022-09-27";

fn link(path: &str) -> String {
    format!("a[href=\"{path}\"]")
}

/// axe-core clean, and no sideways scrolling at 320 px.
async fn accessible(app: &App, page: &str) -> TestResult {
    app.check_page_shell(page).await?;
    app.axe_check(page).await?;
    app.set_viewport(320, 800).await?;
    app.check_no_horizontal_scroll(page).await?;
    app.set_viewport(1280, 900).await?;
    Ok(())
}

#[tokio::test]
async fn people_list_by_council_committee_and_role() {
    run("people_list_by_council_committee_and_role", async |app| {
        app.goto("/people").await?;
        app.wait_for_text("h1", "People").await?;
        app.wait_for_text("h2", "Sefton Council").await?;
        app.wait_for_text("h2", "St Helens").await?;
        app.wait_for_text(
            "h3",
            "Overview and Scrutiny Committee (Children's Services and Safeguarding)",
        )
        .await?;
        app.wait_for_text(
            "h3",
            "Children and Young People Services Scrutiny Committee",
        )
        .await?;
        // Chair first, with her role and attendance as computed from the minutes.
        let row = app
            .wait_for_text("table.people-table tbody tr", "Councillor June Burns")
            .await?;
        let text = row.text().await?;
        assert!(text.contains("Chair"), "June Burns row: {text}");
        assert!(
            text.contains("Attended 1 of 2 meetings (50%)"),
            "June Burns row: {text}"
        );
        assert!(
            text.contains("not recorded at 2 meetings"),
            "June Burns row: {text}"
        );
        let first: String = app
            .js(
                "return document.querySelector('table.people-table tbody tr th').textContent;",
                vec![],
            )
            .await?;
        assert_eq!(
            first.trim(),
            "Councillor June Burns",
            "the Chair is listed first"
        );
        // People not on the membership list are still listed, with the capacity the minutes print.
        let doyle = app
            .wait_for_text("table.people-table tbody tr", "Councillor Mhairi Doyle")
            .await?
            .text()
            .await?;
        assert!(
            doyle.contains("Not on the membership list") && doyle.contains("Cabinet Member"),
            "Doyle row: {doyle}"
        );
        let lawson = app
            .wait_for_text("table.people-table tbody tr", "Mrs P Lawson")
            .await?
            .text()
            .await?;
        assert!(
            lawson.contains("Attended 0 of 1 meeting (0%)"),
            "Lawson row: {lawson}"
        );
        let harrison = app
            .wait_for_text("table.people-table tbody tr", "Stuart Harrison")
            .await?
            .text()
            .await?;
        assert!(
            harrison.contains("No attendance recorded"),
            "Harrison row: {harrison}"
        );
        assert_eq!(
            app.count("table.people-table tbody tr").await?,
            43,
            "29 Sefton and 14 St Helens people"
        );
        accessible(app, "people list").await?;

        // Following a name stays in the app.
        app.click(&link("/people/sefton-june-burns")).await?;
        app.wait_for_path("/people/sefton-june-burns").await?;
        app.wait_for_text("h1", "Councillor June Burns").await?;
        assert_eq!(
            app.server.hits("/people/sefton-june-burns"),
            0,
            "the person link reloaded the page"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn person_page_attendance_apologies_substitutes_and_declarations() {
    run(
        "person_page_attendance_apologies_substitutes_and_declarations",
        async |app| {
            app.goto("/people/sefton-mike-prendergast").await?;
            app.wait_for_text("h1", "Councillor Mike Prendergast")
                .await?;
            app.wait_for_text(".person-rate", "Attended 2 of 3 meetings (67%)")
                .await?;
            app.wait_for_text(".person-rate", "Attendance not recorded for 1 meeting.")
                .await?;
            let rows = app.texts("table.person-meetings tbody tr").await?;
            assert_eq!(rows.len(), 4, "4 meetings held in the data: {rows:?}");
            assert!(
                rows[0].contains("15 March 2022") && rows[0].contains("Attendance not recorded"),
                "{rows:?}"
            );
            assert!(
                rows[1].contains("5 July 2022") && rows[1].contains("Present"),
                "{rows:?}"
            );
            assert!(
                rows[3].contains("7 November 2022") && rows[3].contains("Apologies"),
                "{rows:?}"
            );
            app.wait_for_text(
                "table tbody tr",
                "His wife is a teacher at Rowan High School.",
            )
            .await?;
            app.wait_for(&link(
                "/meetings/sefton-osc-children-2022-09-27#declarations",
            ))
            .await?;
            accessible(app, "person page").await?;

            // Apologies with a substitute who did not attend, linked to the substitute's page.
            app.goto("/people/sefton-natasha-carlin").await?;
            app.wait_for_text("h1", "Councillor Natasha Carlin").await?;
            let row = app
                .wait_for_text("table.person-meetings tbody tr", "27 September 2022")
                .await?
                .text()
                .await?;
            assert!(
                row.contains("Apologies — substitute: Councillor J. Kelly (did not attend)"),
                "{row}"
            );
            app.click(&link("/people/sefton-john-kelly")).await?;
            app.wait_for_text("h1", "Councillor John Kelly").await?;
            app.wait_for_text(
                "table.person-meetings tbody tr",
                "Named as substitute for Councillor Carlin; did not attend",
            )
            .await?;
            app.wait_for_text(".person-rate", "No attendance recorded")
                .await?;

            // A person not named in one meeting's present list: shown, not counted.
            app.goto("/people/sefton-andrew-wilson").await?;
            app.wait_for_text(".person-rate", "Attended 1 of 2 meetings (50%)")
                .await?;
            app.wait_for_text(
                ".person-rate",
                "Not named at all in the attendance record of 1 meeting",
            )
            .await?;

            app.goto("/people/sefton-nobody").await?;
            app.wait_for_text("h1", "Page not found").await?;
            app.goto("/people/nowhere-someone").await?;
            app.wait_for_text("h1", "Page not found").await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn names_on_meeting_and_committee_pages_link_to_people() {
    run(
        "names_on_meeting_and_committee_pages_link_to_people",
        async |app| {
            app.goto(SEP_2022).await?;
            app.wait_for_text("h2", "Attendance").await?;
            // "Councillor Spencer (in the Chair)" and "Mr. M. Byrne" as printed, linked by matching.
            let spencer = app
                .wait_for(&format!(
                    "#attendance ~ .attendance-grid {}",
                    link("/people/sefton-paula-spencer")
                ))
                .await?;
            assert_eq!(spencer.text().await?, "Councillor Spencer");
            assert_eq!(
                app.wait_for(&link("/people/sefton-maurice-byrne"))
                    .await?
                    .text()
                    .await?,
                "Mr. M. Byrne"
            );
            // Substitutes in the apologies, and the member who declared an interest.
            assert_eq!(
                app.wait_for(&link("/people/sefton-iain-brodie-browne"))
                    .await?
                    .text()
                    .await?,
                "Councillor Brodie Browne"
            );
            app.wait_for(&format!(
                "table {}",
                link("/people/sefton-mike-prendergast")
            ))
            .await?;
            app.click(&link("/people/sefton-maurice-byrne")).await?;
            app.wait_for_text("h1", "Maurice Byrne").await?;
            assert_eq!(
                app.server.hits("/people/sefton-maurice-byrne"),
                0,
                "the name link reloaded the page"
            );

            app.goto("/committees/sefton-osc-children").await?;
            app.wait_for_text("h2", "Membership").await?;
            app.wait_for(&format!(
                "#membership ~ * {}",
                link("/people/sefton-june-burns")
            ))
            .await?;
            app.wait_for(&link("/people/sefton-des-seddon")).await?;
            app.goto("/committees/st-helens-cyp-scrutiny").await?;
            app.wait_for(&link("/people/st-helens-t-long")).await?;
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn acronyms_in_paper_text_are_marked_up() {
    run("acronyms_in_paper_text_are_marked_up", async |app| {
        app.goto(NOV_2022).await?;
        app.wait_for_text("h2", "Agenda and minutes").await?;
        // "waiting times for CAMHS assessments" (minute 24).
        let camhs = app.wait_for("abbr.glossary-term[title=\"Child and Adolescent Mental Health Services\"]").await?;
        assert_eq!(camhs.text().await?, "CAMHS");
        // Never part of another word, and the text around it is unchanged.
        let item = app.wait_for_text("li", "waiting times for CAMHS assessments").await?;
        assert_eq!(item.text().await?.trim(), "waiting times for CAMHS assessments");
        // A term no paper expands says so.
        let rag = app.wait_for("abbr.glossary-term[title^=\"Red, Amber, Green\"]").await?;
        let title = rag.attr("title").await?.unwrap_or_default();
        assert!(title.contains("not expanded in the papers"), "RAG title: {title}");
        // Minute references still link, next to marked-up text.
        app.wait_for("a.minute-ref").await?;
        let bad: u32 = app
            .js(
                "return Array.from(document.querySelectorAll('abbr.glossary-term')).filter(a => { \
                   const t = a.textContent, p = a.previousSibling, n = a.nextSibling; \
                   const before = p && p.nodeType === 3 ? p.textContent.slice(-1) : ''; \
                   const after = n && n.nodeType === 3 ? n.textContent.slice(0, 1) : ''; \
                   return !a.title || /[A-Za-z0-9]/.test(before) || /[A-Za-z0-9]/.test(after); }).length;",
                vec![],
            )
            .await?;
        assert_eq!(bad, 0, "an <abbr> without a title or inside a word");

        // St Helens: the expansions its own minutes give (minute 23).
        app.goto("/meetings/st-helens-cyp-scrutiny-2021-12-06").await?;
        app.wait_for("abbr.glossary-term[title=\"Heads of Services\"]").await?;
        app.wait_for("abbr.glossary-term[title=\"Departmental Leadership Team\"]").await?;
        app.axe_check("meeting page with <abbr>").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn glossary_page_a_to_z_with_sources() {
    run("glossary_page_a_to_z_with_sources", async |app| {
        app.goto("/glossary").await?;
        app.wait_for_text("h1", "Glossary").await?;
        let hos = app.wait_for("dt#term-HOS").await?;
        assert!(hos.text().await?.contains("HOS"));
        let entry = app.wait_for_text(".glossary__entry", "Heads of Services").await?.text().await?;
        assert!(entry.contains("“This was updated fortnightly by Heads of Services (HOS) from across the department”"), "{entry}");
        let rag = app.wait_for_text(".glossary__entry", "Red, Amber, Green").await?.text().await?;
        assert!(rag.contains("Not expanded in the papers."), "{rag}");
        let icpc = app.wait_for_text(".glossary__entry", "Initial Child Protection Conference").await?.text().await?;
        assert!(icpc.contains("also written ICPCs"), "{icpc}");
        // A–Z: headings in alphabetical order, one letter navigation link each.
        let letters = app.texts("section h2").await?;
        let mut sorted = letters.clone();
        sorted.sort();
        assert_eq!(letters, sorted, "letters A–Z");
        assert_eq!(app.count(".glossary-letters a").await?, letters.len());
        accessible(app, "glossary").await?;

        // St Helens' request for a table of acronyms, linked to the resolution part.
        app.click(&link("/meetings/st-helens-cyp-scrutiny-2021-12-06#minute-23-2")).await?;
        app.wait_for_path("/meetings/st-helens-cyp-scrutiny-2021-12-06#minute-23-2").await?;
        app.wait_until("minute 23 (2) is on the page", "document.getElementById('minute-23-2') !== null").await?;
        Ok(())
    })
    .await;
}
