//! The same search records as HTML pages for Pagefind: one page per record, with its
//! title, text and the same four facets as Pagefind filters. The context line is shown
//! but not indexed, as in Minutebook's index.

use minutebook_search::Record;
use std::fs;
use std::path::Path;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Write `site/r/<n>.html` for every record; returns the number of pages.
pub fn write_site(
    records: &[Record],
    kinds: &[(String, String)],
    site: &Path,
) -> Result<usize, String> {
    let dir = site.join("r");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (i, r) in records.iter().enumerate() {
        let kind = kinds
            .iter()
            .find(|k| k.0 == r.kind)
            .map_or(r.kind.as_str(), |k| k.1.as_str());
        let year = r.year.map(|y| y.to_string()).unwrap_or_default();
        let html = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head><body>\
             <main data-pagefind-body><h1>{t}</h1><p data-pagefind-ignore>{c}</p><p>{x}</p>\
             <span data-pagefind-filter=\"council\" hidden>{council}</span>\
             <span data-pagefind-filter=\"committee\" hidden>{committee}</span>\
             <span data-pagefind-filter=\"year\" hidden>{year}</span>\
             <span data-pagefind-filter=\"kind\" hidden>{kind}</span>\
             <span data-pagefind-meta=\"url\" hidden>{u}</span></main></body></html>",
            t = esc(&r.title),
            c = esc(&r.context),
            x = esc(&r.text),
            council = esc(&r.council),
            committee = esc(r.committee.as_deref().unwrap_or("")),
            kind = esc(kind),
            u = esc(&r.url),
        );
        let path = dir.join(format!("{i}.html"));
        fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(records.len())
}
