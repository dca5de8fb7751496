//! A council's theme: `data/theme.json` (optional) overridden by URL parameters
//! (`?brand=%23005ea5&link=%23...&font=Arial`), resolved by `minutebook_domain::theme` so
//! contrast stays at WCAG AA, and applied only through the CSS custom properties on
//! `<html>`. What was adjusted or refused is said in the console and in data attributes
//! (`data-mb-theme-adjusted`, `data-mb-theme-refused`) so a web team can see why.

use crate::data::{fetch_file, Load};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use minutebook_data::{paths, LoadErrorKind, Theme};
use minutebook_domain::theme::{resolve_with_overrides, LogoUrl, ResolvedTheme, ThemeRequest};
use wasm_bindgen::JsCast;

/// Every property a theme may set, so a changed theme can be undone cleanly.
const PROPERTIES: [&str; 5] = [
    "--mb-brand",
    "--mb-brand-text",
    "--mb-link",
    "--mb-link-hover",
    "--mb-font",
];

/// What the header shows from the theme.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Branding {
    pub name: Option<String>,
    /// (absolute src, alt text)
    pub logo: Option<(String, String)>,
    /// Why `theme.json` could not be used, for the footer.
    pub problem: Option<String>,
    /// The CSS custom properties for `<html style>`, written into pre-rendered pages.
    pub root_style: String,
}

/// Load and apply the theme; returns what the header should show. Call inside the Router.
pub fn use_theme() -> Memo<Branding> {
    let file = Load::new(|| async {
        match fetch_file::<Theme>(paths::THEME).await {
            Ok(t) => Ok(Some(t)),
            // No theme.json: the default look, nothing to report.
            Err(e) if matches!(e.kind, LoadErrorKind::Http { status: 404 }) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    });
    let query = use_query_map();
    let resolved = Memo::new(move |_| {
        let loaded = file.get();
        let (theme, problem) = match &loaded {
            Some(Ok(Some(t))) => (t.clone(), None),
            Some(Err(e)) => (Theme::default(), Some(e.clone())),
            _ => (Theme::default(), None),
        };
        let q = query.read();
        let file = ThemeRequest {
            name: theme.name.clone(),
            brand: theme.brand.clone(),
            link: theme.link.clone(),
            font: theme.font.clone(),
            logo_url: theme.logo.as_ref().map(|l| l.url.clone()),
            logo_alt: theme.logo.as_ref().map(|l| l.alt.clone()),
        };
        let overrides = ThemeRequest {
            brand: q.get("brand"),
            link: q.get("link"),
            font: q.get("font"),
            ..Default::default()
        };
        (
            resolve_with_overrides(&file, &overrides),
            problem,
            loaded.is_some(),
        )
    });
    Effect::new(move |_| {
        resolved.with(|(t, problem, loaded)| apply(t, problem.as_deref(), *loaded))
    });
    Memo::new(move |_| {
        resolved.with(|(t, problem, _)| Branding {
            name: t.name.clone(),
            logo: t.logo.as_ref().map(|(url, alt)| {
                let src = match url {
                    LogoUrl::Absolute(u) => u.clone(),
                    LogoUrl::DataRelative(p) => crate::routes::data_file(p),
                };
                (src, alt.clone())
            }),
            problem: problem.clone(),
            root_style: t
                .properties
                .iter()
                .map(|(name, value)| format!("{name}: {value};"))
                .collect::<Vec<_>>()
                .join(" "),
        })
    })
}

fn apply(t: &ResolvedTheme, problem: Option<&str>, loaded: bool) {
    let Some(root) = document().document_element() else {
        return;
    };
    let Some(html) = root.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    let style = html.style();
    for p in PROPERTIES {
        let _ = style.remove_property(p);
    }
    for (name, value) in &t.properties {
        let _ = style.set_property(name, value);
    }
    let list = |refused: bool| {
        let mut v: Vec<&str> = t
            .notes
            .iter()
            .filter(|n| n.is_refused() == refused)
            .map(|n| n.setting())
            .collect();
        v.dedup();
        v.join(" ")
    };
    let set = |name: &str, value: String| {
        if value.is_empty() {
            let _ = root.remove_attribute(name);
        } else {
            let _ = root.set_attribute(name, &value);
        }
    };
    set(
        "data-mb-theme",
        if t.properties.is_empty() {
            "default".into()
        } else {
            "custom".into()
        },
    );
    set("data-mb-theme-adjusted", list(false));
    set("data-mb-theme-refused", list(true));
    set(
        "data-mb-theme-error",
        problem.unwrap_or_default().to_string(),
    );
    // Tests and web teams wait for this: theme.json has been fetched (or found absent).
    set(
        "data-mb-theme-loaded",
        if loaded { "true".into() } else { String::new() },
    );
    for note in &t.notes {
        leptos::logging::warn!("Minutebook: {note}");
    }
    if let Some(p) = problem {
        leptos::logging::warn!(
            "Minutebook: the theme file could not be used, so the default look is shown: {p}"
        );
    }
}
