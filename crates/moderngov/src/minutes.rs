//! The Word HTML of `agendatext`, `minutesnonemptyhtmlbody` and `decisionnonemptyhtmlbody`
//! turned into the contract's structure: paragraphs, bulleted lists and "RESOLVED" with its
//! numbered parts (1), (2)….
//!
//! The HTML is tokenised by hand: ModernGov sends Word's output (`<p class="MsoNormal">`,
//! `<span style=…>`, `&nbsp;`, Symbol-font `&middot;` bullets), which needs only tags, text,
//! comments and character references. A full HTML5 parser would be heavy to compile for
//! that. Tags are dropped, references decoded, `&nbsp;` becomes a space and a paragraph
//! starting with a bullet character becomes a list item. `<style>`, `<script>` and `<head>`
//! content is not text a reader sees, and is dropped. No HTML reaches the output.
//!
//! **No word is lost.** Where the resolution's structure is not recognised, the minute is
//! given as paragraphs and marked `resolutions_not_itemised`. [`visible_words`] and
//! [`MinuteText::words`] let a test compare the two.

use minutebook_data::{Block, Resolution, ResolutionPart};

#[cfg(test)]
mod tests;

/// One paragraph of the source, as plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    /// It started with a bullet (or was an `<li>`): the bullet is not in `text`.
    pub bullet: bool,
}

/// Bullet characters Word writes before list paragraphs ("·" in the Symbol font, "•", "▪",
/// "o" is left alone: it is also a word in some languages and Word uses it for sub-lists only
/// in Courier New, which we cannot tell apart safely).
const BULLETS: [char; 5] = ['\u{b7}', '\u{2022}', '\u{25aa}', '\u{f0b7}', '\u{2023}'];

fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "blockquote"
            | "hr"
            | "section"
            | "dd"
            | "dt"
            | "dl"
    )
}

/// Decode the character references of a piece of HTML text (only complete ones, ending
/// in `;`), then make every kind of space (incl. `&nbsp;`) a plain space.
fn decode_text(raw: &str) -> String {
    crate::xml::unescape_once(raw)
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == '\u{a0}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The tags and text of some HTML: `(Some(tag name, is end tag), "")` or `(None, text)`.
fn tokens(html: &str) -> Vec<(Option<(String, bool)>, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    while !rest.is_empty() {
        if let Some(stripped) = rest.strip_prefix("<!--") {
            // A comment (and Word's conditional comments) shows nothing.
            rest = stripped.find("-->").map_or("", |i| &stripped[i + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            let tag_like = rest[1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
            if tag_like {
                let end = tag_end(rest);
                let inner = &rest[1..end.saturating_sub(1).max(1)];
                rest = &rest[end..];
                let is_end = inner.starts_with('/');
                let name: String = inner
                    .trim_start_matches(['/', '!', '?'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '-')
                    .collect::<String>()
                    .to_ascii_lowercase();
                if let Some(until) = &skip_until {
                    if is_end && &name == until {
                        skip_until = None;
                    }
                    continue;
                }
                if !is_end && matches!(name.as_str(), "style" | "script" | "head" | "title") {
                    skip_until = Some(name);
                    continue;
                }
                out.push((Some((name, is_end)), String::new()));
                continue;
            }
        }
        let next = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
        if skip_until.is_none() {
            out.push((None, rest[..next].to_string()));
        }
        rest = &rest[next..];
    }
    out
}

/// Where the tag starting `s` ends (just after its `>`), quotes respected.
fn tag_end(s: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// The paragraphs of some Word HTML, empty ones (`&nbsp;` only) left out.
pub fn paragraphs(html: &str) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut current = String::new();
    let mut in_li = false;
    let flush = |current: &mut String, in_li: bool, paras: &mut Vec<Para>| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        current.clear();
        let mut bullet = in_li;
        let mut t = text.as_str();
        if let Some(c) = t.chars().next() {
            if BULLETS.contains(&c) {
                bullet = true;
                t = t[c.len_utf8()..].trim_start();
            }
        }
        if !t.is_empty() {
            paras.push(Para {
                text: t.to_string(),
                bullet,
            });
        }
    };
    for (tag, text) in tokens(html) {
        match tag {
            Some((name, is_end)) if is_block_tag(&name) => {
                flush(&mut current, in_li, &mut paras);
                if name == "li" {
                    in_li = !is_end;
                }
            }
            Some(_) => {}
            None => current.push_str(&decode_text(&text)),
        }
    }
    flush(&mut current, in_li, &mut paras);
    paras
}

/// Paragraphs as contract blocks: runs of bulleted paragraphs become one list.
pub fn blocks(paras: &[Para]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for p in paras {
        if p.bullet {
            if let Some(Block::List(items)) = out.last_mut() {
                items.push(p.text.clone());
                continue;
            }
            out.push(Block::List(vec![p.text.clone()]));
        } else {
            out.push(Block::Paragraph(p.text.clone()));
        }
    }
    out
}

/// Agenda wording (`agendatext`) as blocks.
pub fn agenda_blocks(html: &str) -> Vec<Block> {
    blocks(&paragraphs(html))
}

/// A minute (or decision) in the contract's structure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MinuteText {
    /// The text before "RESOLVED", or all of it when not itemised.
    pub narrative: Vec<Block>,
    pub resolution: Option<Resolution>,
    /// The text says "RESOLVED" but its parts could not be recognised, so it is all in
    /// `narrative`.
    pub resolutions_not_itemised: bool,
}

impl MinuteText {
    /// Every word the output shows, in order, as the app shows it ("RESOLVED", the
    /// preamble, "(1)" and each part's text): for checking that no word was lost.
    pub fn words(&self) -> Vec<String> {
        let mut text = Vec::new();
        for b in &self.narrative {
            text.extend(b.texts().into_iter().map(str::to_string));
        }
        if let Some(r) = &self.resolution {
            text.push("RESOLVED".into());
            text.extend(r.preamble.clone());
            fn part(p: &ResolutionPart, text: &mut Vec<String>) {
                if let Some(n) = &p.number {
                    text.push(format!("({n})"));
                }
                text.push(p.text.clone());
                text.extend(p.bullets.iter().cloned());
                for s in &p.parts {
                    part(s, text);
                }
            }
            for p in &r.parts {
                part(p, &mut text);
            }
        }
        normalised_words(&text.join(" "))
    }
}

/// Words for comparison: lower case, letters and digits only, bullets and bare
/// punctuation dropped.
pub fn normalised_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words a reader sees in some HTML, worked out independently of [`paragraphs`]: tags
/// are replaced by a space (inline formatting tags by nothing), references decoded.
pub fn visible_words(html: &str) -> Vec<String> {
    const INLINE: [&str; 12] = [
        "span", "b", "i", "u", "sup", "sub", "a", "font", "em", "strong", "o:p", "s",
    ];
    let mut text = String::new();
    for (tag, t) in tokens(html) {
        match tag {
            Some((name, _)) if INLINE.contains(&name.as_str()) => {}
            Some(_) => text.push(' '),
            None => text.push_str(&crate::xml::unescape_once(&t)),
        }
    }
    normalised_words(&text.replace('\u{a0}', " "))
}

/// "RESOLVED", "RESOLVED:", "Resolved –", "RESOLVED that …": the rest after the marker.
fn after_resolved(text: &str) -> Option<&str> {
    let word = text.get(..8)?;
    if !word.eq_ignore_ascii_case("resolved") {
        return None;
    }
    let rest = &text[8..];
    let next = rest.chars().next();
    if !(next.is_none()
        || next
            .is_some_and(|c| c == ' ' || c == ':' || c == '-' || c == '–' || c == '—' || c == ','))
    {
        return None;
    }
    Some(
        rest.trim_start_matches([' ', ':', '-', '–', '—', ','])
            .trim_start(),
    )
}

/// "(1) text", "1. text", "1) text" → ("1", "text"); "(a) text" with `letters`.
fn numbered(text: &str, letters: bool) -> Option<(String, &str)> {
    let (label, rest) = if let Some(r) = text.strip_prefix('(') {
        let close = r.find(')')?;
        (&r[..close], &r[close + 1..])
    } else {
        let end = text.find(['.', ')'])?;
        (&text[..end], &text[end + 1..])
    };
    let ok = if letters {
        label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase())
    } else {
        !label.is_empty() && label.len() <= 2 && label.bytes().all(|b| b.is_ascii_digit())
    };
    // A number must be followed by a space (so "2.1" is not part 2).
    (ok && rest.starts_with(' ')).then(|| (label.to_string(), rest.trim_start()))
}

/// Split "(1) a; and (2) b" at (1), (2)… in sequence, when they are there from 1.
/// A preamble and numbered parts (number, text).
type Parts = (Option<String>, Vec<(String, String)>);

fn inline_parts(text: &str) -> Option<Parts> {
    let mut cuts = Vec::new();
    let mut from = 0;
    for n in 1.. {
        let marker = format!("({n}) ");
        let Some(i) = text[from..].find(&marker).map(|i| i + from) else {
            break;
        };
        if i > 0 && !text[..i].ends_with(' ') {
            return None;
        }
        cuts.push((n, i, marker.len()));
        from = i + marker.len();
    }
    if cuts.len() < 2 {
        return None;
    }
    let preamble = text[..cuts[0].1].trim();
    let mut parts = Vec::new();
    for (k, &(n, i, len)) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).map_or(text.len(), |c| c.1);
        parts.push((n.to_string(), text[i + len..end].trim().to_string()));
    }
    Some(((!preamble.is_empty()).then(|| preamble.to_string()), parts))
}

/// Turn a minute's or decision's Word HTML into narrative and resolution.
pub fn convert_minute(html: &str) -> MinuteText {
    let paras = paragraphs(html);
    let markers: Vec<usize> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.bullet && after_resolved(&p.text).is_some())
        .map(|(i, _)| i)
        .collect();
    let not_itemised = |paras: &[Para]| MinuteText {
        narrative: blocks(paras),
        resolution: None,
        resolutions_not_itemised: true,
    };
    match markers.as_slice() {
        [] => MinuteText {
            narrative: blocks(&paras),
            resolution: None,
            resolutions_not_itemised: false,
        },
        [at] => match resolution(
            &paras[at + 1..],
            after_resolved(&paras[*at].text).unwrap_or(""),
        ) {
            Some(r) => MinuteText {
                narrative: blocks(&paras[..*at]),
                resolution: Some(r),
                resolutions_not_itemised: false,
            },
            None => not_itemised(&paras),
        },
        _ => not_itemised(&paras),
    }
}

/// The resolution from the paragraphs after the "RESOLVED" marker, or `None` when their
/// structure is not one the contract can hold without losing or reordering words.
fn resolution(after: &[Para], lead: &str) -> Option<Resolution> {
    // "RESOLVED that (1) … (2) …" in one paragraph, or nothing after the marker.
    if after.is_empty() {
        if lead.is_empty() {
            return None;
        }
        if let Some((preamble, parts)) = inline_parts(lead) {
            return Some(Resolution {
                preamble,
                parts: parts.into_iter().map(|(n, t)| part(Some(n), t)).collect(),
            });
        }
        return Some(Resolution {
            preamble: None,
            parts: vec![part(None, lead.to_string())],
        });
    }
    let mut preamble = (!lead.is_empty()).then(|| lead.to_string());
    // "RESOLVED that Cabinet:" and then only bullets: one unnumbered part with its bullets.
    if !lead.is_empty() && after.iter().all(|p| p.bullet) {
        let mut only = part(None, lead.to_string());
        only.bullets = after.iter().map(|p| p.text.clone()).collect();
        return Some(Resolution {
            preamble: None,
            parts: vec![only],
        });
    }
    let mut parts: Vec<ResolutionPart> = Vec::new();
    for p in after {
        if p.bullet {
            // Bullets belong to the part before them; before any part they cannot be held.
            parts.last_mut()?.bullets.push(p.text.clone());
            continue;
        }
        if let Some((n, text)) = numbered(&p.text, false) {
            let expected = parts.len() + 1;
            if n.parse::<usize>().ok()? != expected {
                return None;
            }
            parts.push(part(Some(n), text.to_string()));
            continue;
        }
        if let Some((l, text)) = numbered(&p.text, true) {
            let last = parts.last_mut()?;
            if !last.bullets.is_empty() {
                return None;
            }
            last.parts.push(part(Some(l), text.to_string()));
            continue;
        }
        // A plain paragraph: the preamble if nothing came before it, otherwise the
        // structure is not one we can hold in order.
        if parts.is_empty() && preamble.is_none() && after.len() == 1 {
            // "RESOLVED:" then one sentence: a single unnumbered resolution, or parts inline.
            if let Some((pre, inline)) = inline_parts(&p.text) {
                return Some(Resolution {
                    preamble: pre,
                    parts: inline.into_iter().map(|(n, t)| part(Some(n), t)).collect(),
                });
            }
            return Some(Resolution {
                preamble: None,
                parts: vec![part(None, p.text.clone())],
            });
        }
        if parts.is_empty() && preamble.is_none() {
            preamble = Some(p.text.clone());
            continue;
        }
        return None;
    }
    if parts.is_empty() {
        return None;
    }
    Some(Resolution { preamble, parts })
}

fn part(number: Option<String>, text: String) -> ResolutionPart {
    ResolutionPart {
        number,
        text,
        bullets: Vec::new(),
        parts: Vec::new(),
        follow_up: Vec::new(),
    }
}
