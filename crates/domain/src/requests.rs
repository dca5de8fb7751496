//! Request wording: whether a resolution part asks someone to do something, what it asks,
//! of whom and when, as the papers word it. The rules are set out in docs/follow-ups.md.
//! A leaf below both `decisions` (which marks requesting parts) and `followups` (which
//! tracks what answers them), so neither has to import the other for it.

use minutebook_data::{RequestKind, ResolutionPart};

/// Lower case, straight apostrophes, single spaces: the form every rule matches against.
pub fn norm(text: &str) -> String {
    let lower = text.to_lowercase().replace(['’', '‘'], "'");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a request asks, of whom and when, as the papers word it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub asks: RequestKind,
    pub asked: Option<String>,
    pub timing: Option<String>,
}

/// Words that make a part a request.
const ASKING: &[&str] = &[
    "be requested to",
    "have been requested",
    "be invited to attend",
    "be invited to participate",
    "be arranged",
    "letter be",
    "write to",
    "writing to",
    "in writing",
    "be provided",
    "be submitted to",
    "be brought to",
    "be received in due course",
    "further report",
    "further update",
    "be circulated",
    "be considered further",
    "further consideration be given",
    "be discussed at the next",
    "be discussed at a future",
];

/// Whether a resolution part (with its preamble) asks someone to do something, and what.
///
/// Not requests, although they use request words: confirming earlier minutes ("be
/// confirmed as a correct record", whose amended text may quote a request), noting an
/// earlier request again ("had previously taken the decision to request"), and noting
/// arrangements or an officer's intention ("the arrangements made ... be noted") — those
/// are evidence about requests, not new ones.
pub fn request(text: &str) -> Option<Request> {
    let t = norm(text);
    let noted = t.contains("be noted");
    let excluded = t.contains("correct record")
        || t.contains("approved and signed")
        || (t.contains("previously") && t.contains("request"))
        || (noted && (t.contains("arrangements") || t.contains("intention to")));
    if excluded || !ASKING.iter().any(|w| t.contains(w)) {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    let asks = if has(&["letter", "in writing", "writing to", "write to"]) {
        RequestKind::Letter
    } else if t.contains("briefing") {
        RequestKind::Briefing
    } else if t.contains("visit") && t.contains("arrange") {
        RequestKind::Visit
    } else if has(&[
        "submit a",
        "a report",
        "further report",
        "monitoring report",
        "be submitted to",
    ]) {
        RequestKind::Report
    } else if has(&[
        "be considered further",
        "further consideration",
        "be discussed at",
    ]) {
        RequestKind::Consideration
    } else if t.contains("update") {
        RequestKind::Update
    } else if has(&["invited to attend", "attendance of"]) {
        RequestKind::Attendance
    } else if has(&[
        "information",
        "explanation",
        "statistic",
        "be provided",
        "minutes of",
        "be circulated",
    ]) {
        RequestKind::Information
    } else {
        RequestKind::Action
    };
    Some(Request {
        asks,
        asked: asked(text),
        timing: timing(text),
    })
}

/// [`request`] for a resolution part: the preamble counts when deciding whether the part
/// is a request ("... be confirmed as a correct record: That it be noted that ... have been
/// requested" is not), but who is asked and when are read from the part's own words.
pub fn part_request(preamble: Option<&str>, part: &ResolutionPart) -> Option<Request> {
    let whole = crate::decisions::classified_text(preamble, part);
    let r = request(&whole)?;
    let own = request(&part.text);
    Some(Request {
        asks: own.as_ref().map(|o| o.asks).unwrap_or(r.asks),
        asked: asked(&part.text),
        timing: timing(&part.text),
    })
}

const PRONOUNS: &[&str] = &["she", "he", "they"];

/// Who is asked, as written: the words before "be requested to", or after "be provided
/// by". "... be provided to the Head of Education and she be requested
/// to ..." names the Head of Education.
pub fn asked(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if let Some(i) = lower.find(" be provided by ") {
        let rest = &text[i + " be provided by ".len()..];
        let end = [" to ", ",", ";"]
            .iter()
            .filter_map(|w| rest.find(w))
            .min()
            .unwrap_or(rest.len());
        return tidy(&rest[..end]);
    }
    // Someone "invited to attend" is the subject of the request, not who is asked.
    let i = [" be requested to ", " be requested, "]
        .iter()
        .filter_map(|w| lower.find(w))
        .min()?;
    let before = &text[..i];
    let clause = before.rsplit_once(", ").map(|(_, c)| c).unwrap_or(before);
    if let Some((head, last)) = clause.rsplit_once(" and ") {
        if PRONOUNS.contains(&last.trim().to_ascii_lowercase().as_str()) {
            return head.rsplit_once(" to ").and_then(|(_, who)| tidy(who));
        }
    }
    tidy(clause)
}

fn tidy(s: &str) -> Option<String> {
    let mut s = s.trim();
    for lead in ["that ", "That ", "of ", "and "] {
        s = s.strip_prefix(lead).unwrap_or(s);
    }
    let s = s.trim().trim_end_matches([',', ';']);
    (!s.is_empty()).then(|| s.to_string())
}

/// When the part asks for it, as written: "in 6 months’ time", "to the next meeting of the
/// Committee", "at the next meeting of the Committee scheduled for January 2022", "to a
/// future meeting of this Committee", "in due course", "once data is available", "prior to
/// its submission to Ofsted", "six-monthly". The earliest such phrase in the text.
pub fn timing(text: &str) -> Option<String> {
    // ASCII lower case keeps byte offsets, so spans index the original text.
    let l = text.to_ascii_lowercase();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for w in [
        "months’ time",
        "months' time",
        "months time",
        "month’s time",
    ] {
        if let Some(i) = l.find(w) {
            if let Some(s) = l[..i].rfind("in ") {
                spans.push((s, i + w.len()));
            }
        }
    }
    for (w, leads) in [
        ("next meeting", ["to the ", "at the "]),
        ("future meeting", ["to a ", "at a "]),
    ] {
        if let Some(i) = l.find(w) {
            let start = leads
                .iter()
                .find(|p| l[..i].ends_with(*p))
                .map(|p| i - p.len())
                .unwrap_or(i);
            let mut end = i + w.len();
            for tail in [" of the committee", " of this committee"] {
                if l[end..].starts_with(tail) {
                    end += tail.len();
                }
            }
            if l[end..].starts_with(" scheduled for ") {
                let after = end + " scheduled for ".len();
                let words: Vec<&str> = l[after..].split_whitespace().take(2).collect();
                if words.len() == 2
                    && words[1]
                        .trim_end_matches(|c: char| !c.is_ascii_digit())
                        .parse::<i32>()
                        .is_ok()
                {
                    let year = words[1].trim_end_matches(|c: char| !c.is_ascii_digit());
                    end = l[after..]
                        .find(year)
                        .map(|k| after + k + year.len())
                        .unwrap_or(end);
                }
            }
            spans.push((start, end));
        }
    }
    for w in ["in due course", "once data is available", "six-monthly"] {
        if let Some(i) = l.find(w) {
            spans.push((i, i + w.len()));
        }
    }
    if let Some(i) = l.find("prior to ") {
        let end = [";", ","]
            .iter()
            .filter_map(|p| l[i..].find(p))
            .min()
            .map(|k| i + k)
            .unwrap_or(l.len());
        spans.push((i, end));
    }
    let (s, e) = spans.into_iter().min()?;
    Some(
        text[s..e]
            .trim()
            .trim_end_matches([';', ',', '.'])
            .to_string(),
    )
}

/// "in 6 months’ time" → 6.
pub fn months_in(timing: &str) -> Option<u32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let t = norm(timing);
    if !t.contains("month") || !t.contains("time") || t.contains("monthly") {
        return None;
    }
    t.split_whitespace().find_map(|w| {
        w.parse::<u32>()
            .ok()
            .or_else(|| WORDS.iter().position(|x| *x == w).map(|p| p as u32 + 1))
    })
}
