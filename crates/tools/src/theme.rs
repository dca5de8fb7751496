//! `minutebook check` for an optional `theme.json`: it must parse, and any setting the app
//! would adjust or refuse (for contrast or safety) is reported, so a web team finds out
//! before publishing rather than from the browser console.

use minutebook_data::{parse_bytes, paths, Theme};
use minutebook_domain::theme::{resolve, ThemeRequest};
use std::path::Path;

/// `Ok(notes)` (empty when there is no theme or nothing to say), or the parse error.
pub fn check(data_dir: &Path) -> Result<Vec<String>, Vec<String>> {
    let path = data_dir.join(paths::THEME);
    let Ok(bytes) = std::fs::read(&path) else {
        return Ok(Vec::new());
    };
    let theme = parse_bytes::<Theme>(paths::THEME, &bytes).map_err(|e| vec![e.to_string()])?;
    let request = ThemeRequest {
        name: theme.name,
        brand: theme.brand,
        link: theme.link,
        font: theme.font,
        logo_url: theme.logo.as_ref().map(|l| l.url.clone()),
        logo_alt: theme.logo.map(|l| l.alt),
    };
    Ok(resolve(&request)
        .notes
        .iter()
        .map(|n| format!("{}: {n}", paths::THEME))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(name: &str, theme: Option<&str>) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "minutebook-theme-check-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        if let Some(t) = theme {
            std::fs::write(dir.join("theme.json"), t).unwrap();
        }
        dir
    }

    #[test]
    fn reports_adjustments_refusals_and_bad_files() {
        assert_eq!(check(&dir_with("none", None)), Ok(vec![]));
        let ok = dir_with(
            "ok",
            Some(r##"{"format":"minutebook/1","brand":"#005ea5","link":"#1d70b8"}"##),
        );
        assert_eq!(check(&ok), Ok(vec![]));
        let notes = check(&dir_with(
            "notes",
            Some(r##"{"format":"minutebook/1","link":"#66aaff","font":"x;y"}"##),
        ))
        .unwrap();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            notes[0].starts_with("theme.json: theme link #66aaff was adjusted to #4370a8"),
            "{notes:?}"
        );
        assert!(notes[1].contains("font"), "{notes:?}");
        let bad = check(&dir_with(
            "bad",
            Some(r#"{"format":"minutebook/1","brand":7}"#),
        ))
        .unwrap_err();
        assert!(
            bad[0].contains("theme.json") && bad[0].contains("brand"),
            "{bad:?}"
        );
        for d in ["none", "ok", "notes", "bad"] {
            let _ = std::fs::remove_dir_all(dir_with(d, None));
        }
    }
}
