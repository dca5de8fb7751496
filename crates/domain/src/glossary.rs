//! Finding the glossary's acronyms in paper text, so the app can mark each one up with its
//! meaning (`<abbr title="…">`). Matching is exact and case-sensitive ("SEND" but never
//! "send"), on whole words only: a term never matches inside another word ("CP" is not
//! found in "CPD" or "SCP"), and the longest printed form wins ("ICPCs" before "ICPC").

use minutebook_data::{Glossary, GlossaryEntry};
use std::collections::HashMap;

/// The glossary, indexed by every printed form of every term.
#[derive(Clone, Debug, Default)]
pub struct GlossaryIndex {
    entries: Vec<GlossaryEntry>,
    /// First character of a form → (form, entry index), longest form first.
    by_first: HashMap<char, Vec<(String, usize)>>,
}

/// A piece of text: plain, or one acronym with its glossary entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece<'a> {
    Text(&'a str),
    Term(&'a str, &'a GlossaryEntry),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl GlossaryIndex {
    pub fn new(glossary: &Glossary) -> GlossaryIndex {
        let mut by_first: HashMap<char, Vec<(String, usize)>> = HashMap::new();
        for (i, e) in glossary.entries.iter().enumerate() {
            for form in e.forms() {
                if let Some(c) = form.chars().next() {
                    by_first.entry(c).or_default().push((form.to_string(), i));
                }
            }
        }
        for forms in by_first.values_mut() {
            forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        GlossaryIndex {
            entries: glossary.entries.clone(),
            by_first,
        }
    }

    /// Entries sorted A–Z, ignoring case (as the glossary page lists them).
    pub fn sorted(&self) -> Vec<&GlossaryEntry> {
        let mut v: Vec<&GlossaryEntry> = self.entries.iter().collect();
        v.sort_by(|a, b| {
            a.term
                .to_lowercase()
                .cmp(&b.term.to_lowercase())
                .then_with(|| a.term.cmp(&b.term))
        });
        v
    }

    /// The entry a printed form belongs to.
    pub fn lookup(&self, form: &str) -> Option<&GlossaryEntry> {
        let c = form.chars().next()?;
        self.by_first
            .get(&c)?
            .iter()
            .find(|(f, _)| f == form)
            .map(|(_, i)| &self.entries[*i])
    }

    /// Split `text` into plain text and glossary terms.
    pub fn mark<'a>(&'a self, text: &'a str) -> Vec<Piece<'a>> {
        let mut out = Vec::new();
        let mut plain_from = 0;
        let mut prev: Option<char> = None;
        let mut skip_to = 0;
        for (pos, c) in text.char_indices() {
            let starts_word = pos >= skip_to && !prev.is_some_and(is_word_char);
            prev = Some(c);
            if !starts_word {
                continue;
            }
            let Some(forms) = self.by_first.get(&c) else {
                continue;
            };
            let rest = &text[pos..];
            let found = forms.iter().find(|(form, _)| {
                rest.starts_with(form.as_str())
                    && !rest[form.len()..].chars().next().is_some_and(is_word_char)
            });
            if let Some((form, i)) = found {
                if pos > plain_from {
                    out.push(Piece::Text(&text[plain_from..pos]));
                }
                let end = pos + form.len();
                out.push(Piece::Term(&text[pos..end], &self.entries[*i]));
                plain_from = end;
                skip_to = end;
            }
        }
        if plain_from < text.len() {
            out.push(Piece::Text(&text[plain_from..]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minutebook_data::GlossarySource;

    fn entry(term: &str, also: &[&str], meaning: &str) -> GlossaryEntry {
        GlossaryEntry {
            term: term.into(),
            also_written: also.iter().map(|s| s.to_string()).collect(),
            meaning: meaning.into(),
            source: Some(GlossarySource {
                document: "test".into(),
                meeting: None,
                quote: format!("{meaning} ({term})"),
            }),
            note: None,
            councils: vec!["sefton".into()],
        }
    }

    fn index() -> GlossaryIndex {
        GlossaryIndex::new(&Glossary {
            format: "minutebook/1".into(),
            entries: vec![
                entry("CAMHS", &[], "Child and Adolescent Mental Health Services"),
                entry("SEND", &[], "Special Educational Needs and Disabilities"),
                entry("CP", &[], "Child Protection"),
                entry("ICPC", &["ICPCs"], "Initial Child Protection Conference"),
                entry("DfE", &["DFE"], "Department for Education"),
                entry("HOS", &[], "Heads of Services"),
                entry(
                    "LCRCAO&S",
                    &[],
                    "Liverpool City Region Combined Authority Overview and Scrutiny Committee",
                ),
            ],
        })
    }

    fn terms<'a>(pieces: &[Piece<'a>]) -> Vec<(&'a str, &'a str)> {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Term(t, e) => Some((*t, e.term.as_str())),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn whole_words_only_and_case_sensitive() {
        let g = index();
        let text = "waiting times for CAMHS assessments; recommissioning of SEND or CAMHS services; send it; CPD and SCP are not CP.";
        let pieces = g.mark(text);
        assert_eq!(
            terms(&pieces),
            [
                ("CAMHS", "CAMHS"),
                ("SEND", "SEND"),
                ("CAMHS", "CAMHS"),
                ("CP", "CP")
            ]
        );
        // Nothing is lost or reordered.
        let joined: String = pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Term(t, _) => *t,
            })
            .collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn other_printed_forms_and_the_longest_form_win() {
        let g = index();
        let pieces = g.mark("The percentage of overdue Initial Child Protection Conferences (ICPCs). held to account by the DFE and the DfE");
        assert_eq!(
            terms(&pieces),
            [("ICPCs", "ICPC"), ("DFE", "DfE"), ("DfE", "DfE")]
        );
        assert_eq!(
            terms(&g.mark("(LCRCAO&S) be included")),
            [("LCRCAO&S", "LCRCAO&S")]
        );
        // "HOS" next to punctuation, but not inside "HOSPITAL" or "PHOS".
        assert_eq!(
            terms(&g.mark("HOS, HOS’ and (HOS) but not HOSPITAL or PHOS")).len(),
            3
        );
    }

    #[test]
    fn text_without_terms_is_one_piece() {
        let g = index();
        assert_eq!(
            g.mark("No declarations were made."),
            [Piece::Text("No declarations were made.")]
        );
        assert!(g.mark("").is_empty());
        assert_eq!(g.lookup("ICPCs").map(|e| e.term.as_str()), Some("ICPC"));
        assert_eq!(
            g.sorted()
                .iter()
                .map(|e| e.term.as_str())
                .collect::<Vec<_>>(),
            ["CAMHS", "CP", "DfE", "HOS", "ICPC", "LCRCAO&S", "SEND"]
        );
    }
}
