//! Snippets: the stretch of a record's text with the most query words in it, and where
//! to highlight. Ranges only: the app builds `<mark>` elements from them, never HTML.

use crate::text::{stem, tokenise};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight, in order, not overlapping.
    pub marks: Vec<(usize, usize)>,
    /// Text was cut before / after the snippet (show an ellipsis).
    pub cut_start: bool,
    pub cut_end: bool,
}

fn matches(folded: &str, terms: &[String]) -> bool {
    let s = stem(folded);
    terms.binary_search(&s).is_ok()
}

/// Highlight ranges for a whole short text (e.g. a title). `terms` must be sorted.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    tokenise(text)
        .into_iter()
        .filter(|t| matches(&t.folded, terms))
        .map(|t| (t.start, t.end))
        .collect()
}

/// About `words` words of `text` around the densest cluster of matches. `terms` sorted.
pub fn snippet(text: &str, terms: &[String], words: usize) -> Snippet {
    let tokens = tokenise(text);
    if tokens.is_empty() {
        return Snippet {
            text: text.chars().take(200).collect(),
            ..Snippet::default()
        };
    }
    let words = words.max(1);
    let hit: Vec<Option<String>> = tokens
        .iter()
        .map(|t| matches(&t.folded, terms).then(|| stem(&t.folded)))
        .collect();
    // Best window: most distinct terms, then most matches, then earliest.
    let mut best = (0usize, 0usize, 0usize);
    for start in 0..tokens.len() {
        if start > 0 && hit[start].is_none() {
            continue;
        }
        let end = start.saturating_add(words).min(tokens.len());
        let mut seen: Vec<&str> = hit[start..end]
            .iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let count = seen.len();
        seen.sort_unstable();
        seen.dedup();
        if (seen.len(), count) > (best.1, best.2) {
            best = (start, seen.len(), count);
        }
    }
    // Start a few words before the first match, for context.
    let start = if best.2 > 0 {
        best.0.saturating_sub(3)
    } else {
        0
    };
    let end = start.saturating_add(words).min(tokens.len());
    let from = if start == 0 { 0 } else { tokens[start].start };
    let to = if end == tokens.len() {
        text.len()
    } else {
        tokens[end - 1].end
    };
    let marks = (start..end)
        .filter(|&i| hit[i].is_some())
        .map(|i| (tokens[i].start - from, tokens[i].end - from))
        .collect();
    Snippet {
        text: text[from..to].to_string(),
        marks,
        cut_start: from > 0,
        cut_end: to < text.len(),
    }
}

/// Split text into (piece, highlighted) runs from sorted, non-overlapping ranges. Ranges
/// that are reversed, overlap an earlier one, pass the end or split a character are skipped.
pub fn pieces<'a>(text: &'a str, marks: &[(usize, usize)]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in marks {
        if s < at
            || e < s
            || e > text.len()
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        if s > at {
            out.push((&text[at..s], false));
        }
        out.push((&text[s..e], true));
        at = e;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_centres_on_matches_and_marks_them() {
        let text = "One two three four five six seven eight nine ten. The Committee considered the Children’s \
                    Services Improvement Programme and noted progress. Eleven twelve thirteen.";
        let terms = vec![stem("children"), stem("programme")];
        let mut terms = terms;
        terms.sort();
        let s = snippet(text, &terms, 12);
        assert!(s.cut_start && s.cut_end, "{s:?}");
        let marked: Vec<&str> = s.marks.iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(marked, ["Children’s", "Programme"]);
        let joined: String = pieces(&s.text, &s.marks).iter().map(|p| p.0).collect();
        assert_eq!(joined, s.text);
    }

    #[test]
    fn no_match_gives_the_opening_words() {
        let s = snippet("Alpha beta gamma delta", &[], 2);
        assert_eq!(s.text, "Alpha beta");
        assert!(s.marks.is_empty() && !s.cut_start && s.cut_end);
    }
}
