//! Finding and resolving references between minutes, written as councils write them:
//! "Further to Minute No.19 (3) of 27 September 2022", "Minutes No. 4 and 5 (2) of 5 July
//! 2022", "(Minute No 23 (2) refers)".
//!
//! Rules (documented in docs/data-format.md):
//! - A dated reference points to the meeting of the same committee held on that date.
//! - An undated reference points to a minute of the same meeting: the papers leave the
//!   meeting implicit, and only the meeting itself is a safe guess.
//! - "Minute No. 12 of the meeting of the <other body> of <date>" names another body and is
//!   never linked to this committee.
//! - A reference is a link only when the target meeting's minutes are in the data and
//!   contain that minute number; otherwise it stays plain text.

use crate::dates::parse_written_date;
use minutebook_data::{Catalogue, Date};

/// One minute (and optionally one resolution part) that a text refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinuteRef {
    pub minute: String,
    pub part: Option<String>,
    pub date: Option<Date>,
    /// The reference names a different body's meeting.
    pub other_body: bool,
}

/// A piece of text: plain, or the words of one reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Ref(&'a str, MinuteRef),
}

/// Where a resolved reference goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub meeting: String,
    pub anchor: String,
}

/// The meeting whose text is being read.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub meeting: &'a str,
    pub committee: &'a str,
}

/// The element id of a minute or one of its resolution parts: `minute-19`, `minute-19-3`.
pub fn anchor(minute: &str, part: Option<&str>) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase()
    };
    match part {
        Some(p) => format!("minute-{}-{}", clean(minute), clean(p)),
        None => format!("minute-{}", clean(minute)),
    }
}

/// Split `text` into plain text and references.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest_start = 0;
    let lower = text.to_ascii_lowercase();
    let mut search_from = 0;
    while let Some(found) = lower[search_from..].find("minute") {
        let start = search_from + found;
        search_from = start + 6;
        let Some(refs) = parse_at(text, start) else {
            continue;
        };
        if start > rest_start {
            out.push(Segment::Text(&text[rest_start..start]));
        }
        for (span_start, span_end, r) in refs {
            if span_start > rest_start.max(start)
                && out.last().is_some_and(|s| matches!(s, Segment::Ref(..)))
            {
                // The words between two numbers of one reference ("4 and ").
                let prev_end = rest_start;
                out.push(Segment::Text(&text[prev_end..span_start]));
            }
            out.push(Segment::Ref(&text[span_start..span_end], r));
            rest_start = span_end;
        }
        search_from = rest_start.max(search_from);
    }
    if rest_start < text.len() {
        out.push(Segment::Text(&text[rest_start..]));
    }
    out
}

/// Skip spaces from `i`.
fn skip_ws(text: &str, mut i: usize) -> usize {
    while text[i..].starts_with(' ') {
        i += 1;
    }
    i
}

fn take_while(text: &str, i: usize, f: impl Fn(char) -> bool) -> usize {
    i + text[i..]
        .chars()
        .take_while(|c| f(*c))
        .map(char::len_utf8)
        .sum::<usize>()
}

/// Try to read a reference starting at `start` (which points at "minute"): returns each
/// number's text span and its reference.
fn parse_at(text: &str, start: usize) -> Option<Vec<(usize, usize, MinuteRef)>> {
    let mut i = start + "minute".len();
    if text[i..].starts_with('s') {
        i += 1;
    }
    i = skip_ws(text, i);
    let head = text.get(i..i + 2)?;
    if !head.eq_ignore_ascii_case("no") {
        return None;
    }
    i += 2;
    if text[i..].starts_with('.') {
        i += 1;
    }
    // Each number with its optional "(part)".
    let mut items: Vec<(usize, usize, String, Option<String>)> = Vec::new();
    loop {
        let num_start = skip_ws(text, i);
        let num_end = take_while(text, num_start, |c| c.is_ascii_digit());
        if num_end == num_start {
            break;
        }
        let minute = text[num_start..num_end].to_string();
        let mut end = num_end;
        let mut part = None;
        let p = skip_ws(text, end);
        if text[p..].starts_with('(') {
            let inner_end = take_while(text, p + 1, |c| c.is_ascii_alphanumeric());
            if inner_end > p + 1 && text[inner_end..].starts_with(')') {
                part = Some(text[p + 1..inner_end].to_string());
                end = inner_end + 1;
            }
        }
        items.push((num_start, end, minute, part));
        i = end;
        // "and" / "," joins further numbers.
        let j = skip_ws(text, i.min(text.len()));
        let joiner = if text[j..].starts_with(',') {
            Some(j + 1)
        } else if text[j..].starts_with("and ") {
            Some(j + 3)
        } else {
            None
        };
        match joiner {
            Some(k) if text[skip_ws(text, k)..].starts_with(|c: char| c.is_ascii_digit()) => i = k,
            _ => break,
        }
    }
    if items.is_empty() {
        return None;
    }
    // What follows the numbers: " of 27 September 2022", " of the meeting of ...", or nothing.
    let after = &text[i..];
    let mut date = None;
    let mut other_body = false;
    let mut suffix_end = i;
    if let Some(rest) = after.strip_prefix(" of ") {
        if rest.starts_with("the ") {
            other_body = true;
        } else {
            let words: Vec<&str> = rest.splitn(4, ' ').take(3).collect();
            if words.len() == 3 {
                let candidate = words.join(" ");
                if let Some(d) = parse_written_date(&candidate) {
                    date = Some(d);
                    let year = words[2];
                    let year_len = year.chars().take_while(|c| c.is_ascii_digit()).count();
                    suffix_end = i + 4 + words[0].len() + 1 + words[1].len() + 1 + year_len;
                }
            }
        }
    }
    let n = items.len();
    Some(
        items
            .into_iter()
            .enumerate()
            .map(|(k, (s, e, minute, part))| {
                let span_start = if k == 0 { start } else { s };
                let span_end = if k + 1 == n { suffix_end.max(e) } else { e };
                (
                    span_start,
                    span_end,
                    MinuteRef {
                        minute,
                        part,
                        date,
                        other_body,
                    },
                )
            })
            .collect(),
    )
}

/// Resolve a reference against the catalogue, or `None` when its target is not in the data.
pub fn resolve(r: &MinuteRef, ctx: Context<'_>, catalogue: &Catalogue) -> Option<Target> {
    if r.other_body {
        return None;
    }
    let meeting = match r.date {
        Some(date) => catalogue.meetings.iter().find(|m| {
            m.committee == ctx.committee && m.date == date && m.date_precision.is_day()
        })?,
        None => catalogue.meeting(ctx.meeting)?,
    };
    meeting.minute_numbers.contains(&r.minute).then(|| Target {
        meeting: meeting.id.clone(),
        anchor: anchor(&r.minute, r.part.as_deref()),
    })
}

/// Every anchor a meeting page has for its minutes and resolution parts, so a reference
/// can be checked against what will really be on the page.
pub fn anchors(m: &minutebook_data::Meeting) -> std::collections::HashSet<String> {
    fn walk(
        minute: &str,
        path: &mut Vec<String>,
        parts: &[minutebook_data::ResolutionPart],
        out: &mut std::collections::HashSet<String>,
    ) {
        for p in parts {
            let pushed = p.number.clone().map(|n| path.push(n)).is_some();
            if !path.is_empty() {
                out.insert(anchor(minute, Some(&path.join("-"))));
            }
            walk(minute, path, &p.parts, out);
            if pushed {
                path.pop();
            }
        }
    }
    let mut out = std::collections::HashSet::new();
    for minute in m.minutes() {
        out.insert(anchor(&minute.number, None));
        if let Some(r) = &minute.resolution {
            walk(&minute.number, &mut Vec::new(), &r.parts, &mut out);
        }
    }
    out
}

/// Every piece of paper text in a meeting, for finding references (and, later, search).
pub fn meeting_texts(m: &minutebook_data::Meeting) -> Vec<&str> {
    use minutebook_data::{Block, ResolutionPart};
    fn blocks<'a>(b: &'a [Block], out: &mut Vec<&'a str>) {
        b.iter().for_each(|x| out.extend(x.texts()));
    }
    fn parts<'a>(p: &'a [ResolutionPart], out: &mut Vec<&'a str>) {
        for x in p {
            out.push(&x.text);
            out.extend(x.bullets.iter().map(String::as_str));
            parts(&x.parts, out);
        }
    }
    let mut out: Vec<&str> = Vec::new();
    for item in &m.items {
        blocks(&item.agenda_note, &mut out);
        if let Some(r) = &item.report {
            for b in [&r.summary, &r.recommendations, &r.reasons, &r.alternatives] {
                blocks(b, &mut out);
            }
            r.sections.iter().for_each(|s| blocks(&s.blocks, &mut out));
        }
        if let Some(minute) = &item.minute {
            blocks(&minute.narrative, &mut out);
            blocks(&minute.narrative_after, &mut out);
            if let Some(mr) = &minute.matters_raised {
                out.extend(mr.points.iter().map(String::as_str));
            }
            if let Some(r) = &minute.resolution {
                out.extend(r.preamble.as_deref());
                parts(&r.parts, &mut out);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(text: &str) -> Vec<(String, MinuteRef)> {
        segments(text)
            .into_iter()
            .filter_map(|s| match s {
                Segment::Ref(t, r) => Some((t.to_string(), r)),
                Segment::Text(_) => None,
            })
            .collect()
    }

    fn joined(text: &str) -> String {
        segments(text)
            .into_iter()
            .map(|s| match s {
                Segment::Text(t) | Segment::Ref(t, _) => t,
            })
            .collect()
    }

    #[test]
    fn dated_reference_without_space() {
        let text = "Further to Minute No.19 (3) of 27 September 2022, the Committee considered";
        let r = refs(text);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "Minute No.19 (3) of 27 September 2022");
        assert_eq!(r[0].1.minute, "19");
        assert_eq!(r[0].1.part.as_deref(), Some("3"));
        assert_eq!(r[0].1.date, Date::new(2022, 9, 27));
        assert_eq!(joined(text), text);
    }

    #[test]
    fn several_numbers_in_one_reference() {
        let text = "Further to Minutes No. 4 and 5 (2) of 5 July 2022, Members asked";
        let r = refs(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].0, "Minutes No. 4");
        assert_eq!(
            (r[0].1.minute.as_str(), r[0].1.part.as_deref()),
            ("4", None)
        );
        assert_eq!(r[1].0, "5 (2) of 5 July 2022");
        assert_eq!(r[0].1.date, Date::new(2022, 7, 5));
        assert_eq!(joined(text), text);
    }

    #[test]
    fn undated_and_other_body_references() {
        let r = refs("the up- to-date test and examination data (Minute No 23 (2) refers);");
        assert_eq!(r[0].0, "Minute No 23 (2)");
        assert_eq!(r[0].1.date, None);
        let r = refs("Further to Minute No. 12 of the meeting of the Overview and Scrutiny Committee (Adult Social Care and Health) of 6 September 2022");
        assert!(r[0].1.other_body);
    }

    #[test]
    fn words_that_are_not_references() {
        assert!(refs("the Minutes of the meeting held on 27 September 2022").is_empty());
        assert!(refs("minutes now available").is_empty());
        assert!(refs("Minute No. | Nature of Interest").is_empty());
    }

    #[test]
    fn anchors() {
        assert_eq!(anchor("19", Some("3")), "minute-19-3");
        assert_eq!(anchor("19", None), "minute-19");
        assert_eq!(anchor("7 ", Some("(b)")), "minute-7-b");
    }
}
