//! `theme.json` (optional): how a council's Minutebook looks — its name, colours, font and
//! logo. Every setting is optional; one that would break WCAG AA contrast is adjusted or
//! refused by the app (see `minutebook_domain::theme`), never applied as given.

use crate::council::schema_derive;
use serde::{Deserialize, Serialize};

schema_derive! {
/// `theme.json` at the data root. URL parameters (`?brand=`, `?link=`, `?font=`) override it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Always `"minutebook/1"`.
    pub format: String,
    /// The council's name as shown in the site header, e.g. "Sefton Council".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Header background, `#rgb` or `#rrggbb`. The header text becomes white or black,
    /// whichever has the higher contrast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Link colour, `#rgb` or `#rrggbb`. Darkened until it reaches 4.5:1 if it is too light.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A CSS font family list, e.g. `"Open Sans", Arial, sans-serif` (family names only:
    /// the font must be installed on the reader's device; no web-font URLs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
}

/// The council's logo, shown in the site header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logo {
    /// An http(s) address, or a path relative to the data folder (e.g. `logo.svg`).
    pub url: String,
    /// What the logo says, e.g. "Sefton Council". Required: a logo without it is not shown.
    pub alt: String,
}
}

impl crate::Versioned for Theme {
    const WHAT: &'static str = "theme file";
}
