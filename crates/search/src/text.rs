//! Words as the index sees them: lower case, accents and curly quotes folded, possessives
//! dropped, and a light English stemmer so "meetings", "meeting" and "meet" meet.
//!
//! The same functions run in the native builder and in the browser, so a query is
//! always cut up exactly the way the index was.

/// One word of a text: its byte range in the original and its folded (unstemmed) form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub folded: String,
}

/// Words so common in committee papers that indexing them costs much and finds nothing.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had", "has", "have",
    "in", "is", "it", "its", "not", "of", "on", "or", "that", "the", "their", "this", "to", "was",
    "were", "which", "with",
];

pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.binary_search(&folded).is_ok()
}

/// Fold one character: lower case, strip common Latin accents, straighten quotes.
/// Returns None for characters that end a word.
fn fold_char(c: char, out: &mut String) -> bool {
    let mapped: &str = match c {
        'a'..='z' | '0'..='9' => {
            out.push(c);
            return true;
        }
        'A'..='Z' => {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'č' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ŷ' => "y",
        'ŵ' | 'Ŵ' => "w",
        'ß' => "ss",
        _ if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            return true;
        }
        _ => return false,
    };
    out.push_str(mapped);
    true
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Split text into words with their byte ranges. An apostrophe inside a word joins it
/// ("children’s" is one word); hyphens, slashes and other punctuation split words.
pub fn tokenise(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut folded = String::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if fold_char(c, &mut folded) {
            start.get_or_insert(i);
            end = i + c.len_utf8();
            continue;
        }
        let joins = is_apostrophe(c)
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if joins {
            folded.push('\'');
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                start: s,
                end,
                folded: std::mem::take(&mut folded),
            });
        }
        folded.clear();
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end,
            folded,
        });
    }
    out
}

/// A light English stemmer (a few of Porter's steps): enough to match plurals, "-ing",
/// "-ed" and a final "e", without the surprises of a full stemmer on names and numbers.
pub fn stem(folded: &str) -> String {
    let mut w = folded
        .strip_suffix("'s")
        .unwrap_or(folded)
        .replace('\'', "");
    if w.len() <= 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w;
    }
    if let Some(s) = w.strip_suffix("ies") {
        if s.len() >= 2 {
            w = format!("{s}y");
        }
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.truncate(w.len() - 1);
    }
    let mut cut = false;
    if w.len() > 5 && w.ends_with("ing") {
        w.truncate(w.len() - 3);
        cut = true;
    } else if w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") {
        w.truncate(w.len() - 2);
        cut = true;
    } else if w.len() > 4 && w.ends_with("eed") {
        w.truncate(w.len() - 1);
    }
    // "planned", "planning" -> "plan" (but "travelled" keeps its "ll").
    let b = w.as_bytes();
    if cut
        && b.len() >= 3
        && b[b.len() - 1] == b[b.len() - 2]
        && !b"lsz".contains(&b[b.len() - 1])
        && !b"aeiou".contains(&b[b.len() - 1])
    {
        w.truncate(w.len() - 1);
    }
    if w.len() > 3 && w.ends_with('e') {
        w.truncate(w.len() - 1);
    }
    w
}

/// The index terms of a text, in order (stopwords dropped).
pub fn terms(text: &str) -> Vec<String> {
    tokenise(text)
        .into_iter()
        .filter(|t| !is_stopword(&t.folded))
        .map(|t| stem(&t.folded))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        let mut s = STOPWORDS.to_vec();
        s.sort();
        assert_eq!(s, STOPWORDS);
    }

    #[test]
    fn folds_case_accents_and_curly_quotes() {
        let t = tokenise("Children’s Café — RÉSUMÉ, naïve co-operation");
        let f: Vec<_> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(
            f,
            ["children's", "cafe", "resume", "naive", "co", "operation"]
        );
        assert_eq!(&"Children’s Café"[t[0].start..t[0].end], "Children’s");
        assert_eq!(stem("children's"), "children");
        assert_eq!(stem("children’s".replace('’', "'").as_str()), "children");
    }

    #[test]
    fn stems_plurals_and_endings_together() {
        for (a, b) in [
            ("meetings", "meeting"),
            ("houses", "housing"),
            ("agreed", "agree"),
            ("policies", "policy"),
            ("schools", "school"),
            ("planned", "plans"),
            ("noted", "notes"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("2022"), "2022");
        assert_eq!(stem("bus"), "bus");
    }

    #[test]
    fn terms_drop_stopwords() {
        assert_eq!(
            terms("The Committee noted the report"),
            ["committe", "not", "report"]
        );
    }
}
