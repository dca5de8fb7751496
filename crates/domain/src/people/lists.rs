//! Printed lists of names, as in present lists and apologies minutes:
//! "Councillors Danny Burns, Carlin, Evans, Hardman, Killen, Murphy, Prendergast and Wilson".

use super::title_of;

/// One name in a printed list, with what the list says beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListedName {
    /// With its title, made singular: "Councillors Prendergast and Wilson" gives
    /// "Councillor Prendergast" and "Councillor Wilson".
    pub name: String,
    pub capacity: Option<String>,
    /// "(Chair)", "(in the Chair)", "(Vice-Chair)", without brackets.
    pub chair: Option<String>,
    /// For "Councillor Carlin and her Substitute Councillor J. Kelly": "Councillor Carlin".
    pub substitute_for: Option<String>,
}

fn starts_with_title(fragment: &str) -> bool {
    fragment
        .split_whitespace()
        .next()
        .is_some_and(|w| title_of(&w.trim_end_matches('.').to_lowercase()).is_some())
}

/// Split a printed list of names, as in present lists and apologies minutes:
/// "Councillors Barton-Ainsworth, Greaves, A Johnson, Preston, Mr Williams, Mr Thorpe and
/// Miss Kirman". A plural "Councillors" carries on to the following untitled names until
/// another title; after a titled name, untitled words are its capacity ("Councillor Doyle,
/// Cabinet Member – Children’s Social Care"). Line breaks separate entries; semicolons
/// separate groups. A capacity that itself contains " and " is split wrongly — the papers
/// in the data have none inside lists.
pub fn split_names(list: &str) -> Vec<ListedName> {
    let mut out: Vec<ListedName> = Vec::new();
    let text = list.trim().trim_end_matches('.');
    for group in text.split(';') {
        let mut plural = false;
        let mut last_was_name = false;
        let group = group.replace('\n', ", ").replace(" and ", ", ");
        for raw in group.split(',') {
            let mut f = raw.trim().to_string();
            if let Some(rest) = f.strip_prefix("and ") {
                f = rest.trim().to_string();
            }
            if f.is_empty() {
                continue;
            }
            // Bracketed words after a name: a chair role or a capacity.
            let mut bracket = None;
            if let (Some(open), true) = (f.find('('), f.ends_with(')')) {
                bracket = Some(f[open + 1..f.len() - 1].trim().to_string());
                f = f[..open].trim().to_string();
            }
            let lower = f.to_lowercase();
            let sub = [
                "her substitute ",
                "his substitute ",
                "their substitute ",
                "substitute ",
            ]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| p.len());
            let mut entry = ListedName::default();
            if let Some(n) = sub {
                entry.substitute_for = out.last().map(|l| l.name.clone());
                f = f[n..].trim().to_string();
                plural = false;
            }
            if let Some(rest) = f.strip_prefix("Councillors ") {
                plural = true;
                entry.name = format!("Councillor {}", rest.trim());
            } else if starts_with_title(&f) {
                plural = false;
                entry.name = f.clone();
            } else if plural {
                entry.name = format!("Councillor {f}");
            } else if last_was_name && sub.is_none() {
                // Words after a name: its capacity.
                if let Some(prev) = out.last_mut() {
                    prev.capacity = Some(f.clone());
                }
                last_was_name = false;
                continue;
            } else {
                entry.name = f.clone();
            }
            // "Councillor Doyle – Cabinet Member – Children’s Social Care"
            if let Some(i) = entry.name.find(" – ") {
                entry.capacity = Some(entry.name[i + " – ".len()..].trim().to_string());
                entry.name = entry.name[..i].trim().to_string();
            }
            if let Some(b) = bracket {
                if b.to_lowercase().contains("chair") {
                    entry.chair = Some(b);
                } else {
                    entry.capacity = Some(b);
                }
            }
            out.push(entry);
            last_was_name = true;
        }
    }
    out
}

/// The names in an apologies minute: "Apologies for absence were received from …".
pub fn apologies_names(text: &str) -> Vec<ListedName> {
    let list = match text.find(" received from ") {
        Some(i) => &text[i + " received from ".len()..],
        None => text,
    };
    split_names(list)
}
