//! The bundled dashboards: every cross-reference resolves, the transcribed tables add up the
//! way the papers' own totals do, and the improvement plan's RAG counts — per priority and
//! overall — equal the transcription, checked against the seed paper's text by count.

use minutebook_data::{
    parse_bytes, Cell, ChartKind, ColumnKind, Dashboard, DashboardKind, Meeting, RagStatus,
};
use minutebook_domain::csv_export::{actions_csv, rag_counts_csv, table_csv};
use minutebook_domain::indicators::{table_points, table_stacked};
use minutebook_domain::rag::{
    action_rows, counts_by_priority, rag_stacked, ActionFilter, MilestoneChoice, RagCounts,
};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dashboards() -> Vec<Dashboard> {
    let dir = root().join("public/data/dashboards");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            parse_bytes::<Dashboard>(&p.display().to_string(), &std::fs::read(p).unwrap())
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

fn dashboard(id: &str) -> Dashboard {
    dashboards()
        .into_iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no dashboard {id}"))
}

fn meeting(id: &str) -> Meeting {
    let path = root().join(format!("public/data/meetings/{id}.json"));
    parse_bytes::<Meeting>(
        id,
        &std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap()
}

const PLAN: &str = "sefton-osc-children-improvement-plan-2022-11-07";

#[test]
fn every_reference_resolves() {
    for d in dashboards() {
        for c in &d.considered {
            let m = meeting(&c.meeting);
            let minute = c
                .minute
                .as_deref()
                .map(|n| m.minutes().any(|x| x.number == n));
            assert_ne!(
                minute,
                Some(false),
                "{}: minute {:?} is not in {}",
                d.id,
                c.minute,
                c.meeting
            );
            if let Some(item) = &c.item {
                assert!(
                    m.items.iter().any(|i| i.number.as_deref() == Some(item)),
                    "{}: no item {item} in {}",
                    d.id,
                    c.meeting
                );
            }
        }
        let mut refs: Vec<_> = d
            .sections
            .iter()
            .filter_map(|s| s.source.as_ref())
            .collect();
        for s in &d.sections {
            refs.extend(s.indicators.iter().filter_map(|i| i.source.as_ref()));
            refs.extend(s.tables.iter().filter_map(|t| t.source.as_ref()));
            refs.extend(
                s.charts_without_data
                    .iter()
                    .filter_map(|c| c.source.as_ref()),
            );
        }
        for r in refs {
            assert!(
                d.source(r).is_some(),
                "{}: source {} is not in its sources",
                d.id,
                r.document
            );
        }
        let mut ids: Vec<&str> = d.sections.iter().map(|s| s.id.as_str()).collect();
        ids.extend(
            d.sections
                .iter()
                .flat_map(|s| s.tables.iter().map(|t| t.id.as_str())),
        );
        ids.extend(
            d.sections
                .iter()
                .flat_map(|s| s.indicators.iter().map(|i| i.id.as_str())),
        );
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "{}: ids are not unique", d.id);
        assert_eq!(
            d.plan.is_some(),
            d.kind == DashboardKind::ImprovementPlan,
            "{}: plan and kind disagree",
            d.id
        );
    }
}

#[test]
fn tables_are_rectangular_and_charts_point_at_numbers() {
    let all = dashboards();
    let tables = all.iter().flat_map(|d| {
        d.sections
            .iter()
            .flat_map(|s| s.tables.iter())
            .chain(d.plan.iter().flat_map(|p| p.appendices.iter()))
    });
    let mut charts = 0;
    for t in tables {
        for r in &t.rows {
            assert_eq!(
                r.cells.len(),
                t.columns.len(),
                "table {}: a row has {} cells for {} columns",
                t.id,
                r.cells.len(),
                t.columns.len()
            );
            for (cell, col) in r.cells.iter().zip(&t.columns) {
                if let Some(Cell::Number(_)) = cell {
                    assert_ne!(
                        col.kind,
                        ColumnKind::Text,
                        "table {}: a number in text column {}",
                        t.id,
                        col.label
                    );
                }
            }
        }
        if let Some(spec) = &t.chart {
            charts += 1;
            assert_ne!(
                t.columns[spec.value_column].kind,
                ColumnKind::Text,
                "table {}: chart of a text column",
                t.id
            );
            let (points, _) = table_points(t).unwrap();
            assert!(
                points.points.len() >= 2,
                "table {}: a chart with fewer than two values",
                t.id
            );
            if spec.kind == ChartKind::StackedShare {
                assert!(table_stacked(t).is_some());
            }
        }
    }
    assert!(
        charts >= 6,
        "expected the bundled tables to give at least 6 charts, found {charts}"
    );
}

/// The papers print totals; the transcribed parts add up to them.
#[test]
fn transcribed_parts_add_up_to_the_printed_totals() {
    let nov = dashboard("sefton-osc-children-performance-dashboard-2022-11-07");
    for t in nov.sections.iter().flat_map(|s| &s.tables) {
        let count = |r: &minutebook_data::TableRow| match r.cells[1] {
            Some(Cell::Number(n)) => n,
            _ => panic!("{}: no count", t.id),
        };
        let parts: f64 = t.rows.iter().filter(|r| !r.total).map(count).sum();
        let total = t.rows.iter().find(|r| r.total).map(count).unwrap();
        assert_eq!(parts, total, "{}", t.id);
        assert_eq!(total, 186.0);
    }
    let cfc = nov
        .sections
        .iter()
        .flat_map(|s| &s.indicators)
        .find(|i| i.id == "cfc-current-open-episodes")
        .unwrap();
    assert_eq!(cfc.value, Some(607.0));
    let rate = nov
        .sections
        .iter()
        .flat_map(|s| &s.indicators)
        .find(|i| i.id == "cfc-rate-per-10000")
        .unwrap();
    assert_eq!(
        minutebook_domain::indicators::indicator_value(rate).as_deref(),
        Some("112.20 per 10,000")
    );

    let edu = dashboard("sefton-osc-children-education-figures-2022-09-27");
    let table = |id: &str| {
        edu.sections
            .iter()
            .flat_map(|s| &s.tables)
            .find(|t| t.id == id)
            .unwrap()
            .clone()
    };
    let sum = |id: &str, col: usize| -> f64 {
        table(id)
            .rows
            .iter()
            .filter(|r| !r.total)
            .map(|r| match r.cells[col] {
                Some(Cell::Number(n)) => n,
                _ => 0.0,
            })
            .sum()
    };
    assert_eq!(
        sum("special-educational-needs", 2),
        40047.0,
        "EHC plans + SEN support + no extra support = total school population"
    );
    assert_eq!(sum("early-years-funded", 1), 4477.0);
    assert_eq!(sum("early-years-providers-by-type", 1), 222.0);
    let nov_plan = dashboard(PLAN);
    assert!(nov_plan.plan.as_ref().unwrap().appendices.len() == 3);
}

/// (priority, complete, on track, some issues, not on track, not started, business as usual, unrated)
const EXPECTED: [(&str, [usize; 6], usize); 4] = [
    ("1", [30, 9, 7, 0, 3, 8], 1),
    ("2", [5, 4, 2, 0, 5, 5], 0),
    ("3", [6, 2, 0, 0, 1, 1], 0),
    ("4", [8, 13, 2, 2, 1, 10], 0),
];

#[test]
fn rag_counts_per_priority_equal_the_transcription() {
    let d = dashboard(PLAN);
    let plan = d.plan.as_ref().unwrap();
    let rows = action_rows(plan);
    assert_eq!(rows.len(), 125, "the plan has 125 action rows");
    let per = counts_by_priority(&rows);
    assert_eq!(per.len(), 4);
    for ((number, _, counts), (want_number, want, unrated)) in per.iter().zip(EXPECTED) {
        assert_eq!(number, want_number);
        assert_eq!(counts.by_status, want, "priority {number}");
        assert_eq!(counts.unrated, unrated, "priority {number}");
    }
    let overall = RagCounts::of(&rows);
    assert_eq!(overall.by_status, [49, 28, 11, 2, 10, 24]);
    assert_eq!(overall.unrated, 1);
    assert_eq!(overall.total(), 125);

    // The chart shows the same numbers as the counts.
    let (stacked, cats) = rag_stacked(&rows);
    assert_eq!(stacked.bars.len(), 5);
    assert_eq!(stacked.bars[0].total(), 125.0);
    assert_eq!(cats.len(), 7, "six statuses and “no rating published”");
    assert_eq!(
        stacked.bars[4].values[cats
            .iter()
            .position(|c| *c == Some(RagStatus::NotOnTrack))
            .unwrap()],
        2.0
    );

    // The two red ratings are 4.2.1's, the ones the minutes of 7 November 2022 mention.
    let red: Vec<_> = rows
        .iter()
        .filter(|r| r.status == Some(RagStatus::NotOnTrack))
        .collect();
    assert!(red.iter().all(|r| r.reference.as_deref() == Some("4.2.1")));
}

/// Independent of the JSON: count the rating words in the seed paper's plan text.
#[test]
fn rated_rows_match_the_seed_paper_by_count() {
    let seed = root().join("../shared/seeds/002_6f5ed2c261c448bb.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        eprintln!(
            "seed paper {} not found: skipping the count against the source",
            seed.display()
        );
        return;
    };
    // The last "Priority 1 – Improving Quality" is the plan's heading (the first is its contents).
    let start = text.rfind("Priority 1 – Improving Quality").unwrap();
    let end = text[start..].find("Appendix A:\n").unwrap() + start;
    let plan_text = &text[start..end];
    let count = |words: &[&str]| {
        words
            .iter()
            .map(|w| plan_text.matches(w).count())
            .sum::<usize>()
    };
    let seed_counts = [
        count(&["Action complete", "Action Complete"]),
        count(&[
            "Action not yet completed, but on track",
            "Actions not yet completed, but on track",
        ]),
        count(&["Activity progressing, some issues"]),
        count(&["Action not on track"]),
        count(&["Longer-term action not yet started"]),
        count(&["Business As Usual Activity", "Business as Usual Activity"]),
    ];
    let rows = action_rows(dashboard(PLAN).plan.as_ref().unwrap());
    assert_eq!(RagCounts::of(&rows).by_status, seed_counts);
}

#[test]
fn filters_pick_the_rows_and_csv_has_them_all() {
    let rows = action_rows(dashboard(PLAN).plan.as_ref().unwrap());
    let p4_red = ActionFilter {
        priority: Some("4".into()),
        status: Some(Some(RagStatus::NotOnTrack)),
        ..Default::default()
    };
    assert_eq!(p4_red.apply(&rows).len(), 2);
    let unrated = ActionFilter {
        status: Some(None),
        ..Default::default()
    };
    assert_eq!(unrated.apply(&rows).len(), 1);
    let sep = ActionFilter {
        milestone: Some(MilestoneChoice::Month(2022, 9)),
        ..Default::default()
    };
    // "September 2022 onwards" counts as September 2022.
    assert!(sep
        .apply(&rows)
        .iter()
        .any(|r| r.milestone.as_deref() == Some("September 2022 onwards")));
    let lead = ActionFilter {
        lead: Some(Some("Director of Public Health".into())),
        ..Default::default()
    };
    assert_eq!(lead.apply(&rows).len(), 1);

    let all: Vec<_> = rows.iter().collect();
    let csv = actions_csv(&all);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let records: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 125);
    assert_eq!(reader.headers().unwrap().get(8), Some("RAG status"));
    assert_eq!(&records[0][3], "1.1.1");
    assert_eq!(&records[0][8], "Complete");

    let per = counts_by_priority(&rows);
    let counts = rag_counts_csv(&per, &RagCounts::of(&rows));
    let last = counts.lines().last().unwrap();
    assert_eq!(last, "All priorities,49,28,11,2,10,24,1,125");
}

#[test]
fn care_experienced_table_as_csv() {
    let nov = dashboard("sefton-osc-children-performance-dashboard-2022-11-07");
    let t = nov
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .find(|t| t.id == "care-experienced-in-touch-status")
        .unwrap();
    assert_eq!(
        table_csv(t),
        "Category,Count,Percent\r\nWithin Last 91 Days,130,69.9\r\nOver 91 Days Ago,53,28.5\r\nNo In Touch Date,3,1.6\r\nTotal,186,100.0\r\n"
    );
}
