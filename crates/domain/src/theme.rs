//! Council theming without breaking accessibility: colours are parsed (`#rgb`/`#rrggbb`
//! only), checked with the WCAG 2.2 contrast formula and adjusted or refused, a font is a
//! family name from an allow-list of characters (never arbitrary CSS), and a logo is an
//! http(s) or data-relative URL with alt text.
//!
//! The app applies the result through the CSS custom properties in `style/main.css`.

use std::fmt;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

pub const WHITE: Rgb = Rgb {
    r: 255,
    g: 255,
    b: 255,
};
pub const BLACK: Rgb = Rgb { r: 0, g: 0, b: 0 };
/// `--mb-text`, the body text colour (GOV.UK black).
pub const TEXT: Rgb = Rgb {
    r: 0x0b,
    g: 0x0c,
    b: 0x0c,
};
/// `--mb-light`, the darkest background links sit on (minutes, footer).
pub const LIGHT_BACKGROUND: Rgb = Rgb {
    r: 0xf3,
    g: 0xf2,
    b: 0xf1,
};
/// WCAG 2.2 SC 1.4.3 (AA) for normal-size text.
pub const AA_TEXT: f64 = 4.5;

impl Rgb {
    /// `#rgb` or `#rrggbb` (case-insensitive, surrounding spaces ignored). Nothing else:
    /// no names, no `rgb()`, so a theme value can never smuggle in other CSS.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = |h: &str| u8::from_str_radix(h, 16).ok();
        match hex.len() {
            3 => {
                let d: Vec<u8> = hex
                    .chars()
                    .map(|c| c.to_digit(16).unwrap() as u8 * 17)
                    .collect();
                Some(Rgb {
                    r: d[0],
                    g: d[1],
                    b: d[2],
                })
            }
            6 => Some(Rgb {
                r: v(&hex[0..2])?,
                g: v(&hex[2..4])?,
                b: v(&hex[4..6])?,
            }),
            _ => None,
        }
    }

    /// WCAG relative luminance (0 = black, 1 = white).
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// Every channel multiplied by `factor` (0..=1): same hue, darker.
    pub fn scaled(self, factor: f64) -> Rgb {
        let f = |c: u8| (c as f64 * factor.clamp(0.0, 1.0)).round() as u8;
        Rgb {
            r: f(self.r),
            g: f(self.g),
            b: f(self.b),
        }
    }
}

impl fmt::Display for Rgb {
    /// `#rrggbb`, lower case.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// WCAG contrast ratio between two colours, from 1 to 21.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// White or black, whichever contrasts more with `background`. One of the two always
/// reaches at least 4.58:1, so text on any brand colour can meet AA.
pub fn text_on(background: Rgb) -> Rgb {
    if contrast_ratio(WHITE, background) >= contrast_ratio(BLACK, background) {
        WHITE
    } else {
        BLACK
    }
}

/// `colour` darkened (hue kept) just enough to reach `min` contrast on `background`;
/// `colour` itself when it already does. Assumes a light background.
pub fn darken_until(colour: Rgb, background: Rgb, min: f64) -> Rgb {
    let mut factor = 1.0;
    let mut c = colour;
    while contrast_ratio(c, background) < min && factor > 0.0 {
        factor -= 0.01;
        c = colour.scaled(factor);
    }
    c
}

/// A font family list such as `"Open Sans", Arial, sans-serif`: letters, digits, spaces,
/// commas, hyphens and balanced quotes only, at most 200 characters. Anything else
/// (`;`, `{`, `(`, `url`...) is refused, so the value cannot become other CSS.
pub fn font_family(s: &str) -> Option<String> {
    let s = s.trim();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | ',' | '-' | '"' | '\'');
    let balanced =
        s.matches('"').count().is_multiple_of(2) && s.matches('\'').count().is_multiple_of(2);
    let names_ok = s
        .split(',')
        .all(|n| !n.trim().trim_matches(['"', '\'']).trim().is_empty());
    (!s.is_empty() && s.chars().count() <= 200 && s.chars().all(allowed) && balanced && names_ok)
        .then(|| s.to_string())
}

/// A logo address: an absolute http(s) URL, or a path relative to the data folder
/// (`logo.svg`, `images/logo.png`) without `..`, a scheme or a leading `/`.
pub fn logo_url(s: &str) -> Option<LogoUrl> {
    let s = s.trim();
    let bad_char = |c: char| {
        c.is_control()
            || c.is_whitespace()
            || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '(' | ')')
    };
    if s.is_empty() || s.chars().any(bad_char) {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Some(LogoUrl::Absolute(s.to_string()));
    }
    let relative_ok =
        !s.starts_with('/') && !s.contains(':') && !s.split('/').any(|p| p == ".." || p.is_empty());
    relative_ok.then(|| LogoUrl::DataRelative(s.to_string()))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogoUrl {
    Absolute(String),
    /// Relative to the data root (where `theme.json` is).
    DataRelative(String),
}

/// What a council asked for: from `theme.json`, overridden by URL parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeRequest {
    pub name: Option<String>,
    pub brand: Option<String>,
    pub link: Option<String>,
    pub font: Option<String>,
    pub logo_url: Option<String>,
    pub logo_alt: Option<String>,
}

/// What is applied, and what was changed or refused on the way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResolvedTheme {
    /// CSS custom properties to set on `:root`, e.g. `("--mb-brand", "#005ea5")`.
    pub properties: Vec<(&'static str, String)>,
    pub name: Option<String>,
    /// Logo address and alt text.
    pub logo: Option<(LogoUrl, String)>,
    pub notes: Vec<ThemeNote>,
}

/// A setting that was not applied as given, with the reason in words.
#[derive(Clone, Debug, PartialEq)]
pub enum ThemeNote {
    Adjusted {
        setting: &'static str,
        from: String,
        to: String,
        reason: String,
    },
    Refused {
        setting: &'static str,
        value: String,
        reason: String,
    },
}

impl ThemeNote {
    pub fn setting(&self) -> &'static str {
        match self {
            ThemeNote::Adjusted { setting, .. } | ThemeNote::Refused { setting, .. } => setting,
        }
    }
    pub fn is_refused(&self) -> bool {
        matches!(self, ThemeNote::Refused { .. })
    }
}

impl fmt::Display for ThemeNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeNote::Adjusted {
                setting,
                from,
                to,
                reason,
            } => {
                write!(f, "theme {setting} {from} was adjusted to {to}: {reason}")
            }
            ThemeNote::Refused {
                setting,
                value,
                reason,
            } => {
                write!(f, "theme {setting} \"{value}\" was not used: {reason}")
            }
        }
    }
}

/// Resolve a request into CSS properties that keep every text colour at AA contrast.
///
/// * `brand` is the header background: its text becomes white or black, whichever
///   contrasts more (always at least 4.58:1).
/// * `link` must reach 4.5:1 on the lightest and the light-grey background links sit on;
///   a lighter colour is darkened (hue kept) until it does. The hover colour is darker still.
/// * A colour that is not `#rgb`/`#rrggbb`, a font outside the allow-list and a logo
///   without an http(s)/relative address or alt text are refused; the default stays.
pub fn resolve(req: &ThemeRequest) -> ResolvedTheme {
    let mut out = ResolvedTheme::default();
    let refuse = |out: &mut ResolvedTheme, setting, value: &str, reason: &str| {
        out.notes.push(ThemeNote::Refused {
            setting,
            value: value.to_string(),
            reason: reason.to_string(),
        })
    };
    const COLOUR_FORMAT: &str = "colours must be written #rgb or #rrggbb";

    if let Some(v) = non_empty(&req.brand) {
        match Rgb::parse(v) {
            Some(brand) => {
                let text = text_on(brand);
                out.properties.push(("--mb-brand", brand.to_string()));
                out.properties.push(("--mb-brand-text", text.to_string()));
            }
            None => refuse(&mut out, "brand", v, COLOUR_FORMAT),
        }
    }
    if let Some(v) = non_empty(&req.link) {
        match Rgb::parse(v) {
            Some(link) => {
                let fixed = darken_until(link, LIGHT_BACKGROUND, AA_TEXT);
                if fixed != link {
                    out.notes.push(ThemeNote::Adjusted {
                        setting: "link",
                        from: link.to_string(),
                        to: fixed.to_string(),
                        reason: format!(
                            "{link} has a contrast of {:.2}:1 on white, under the 4.5:1 WCAG AA minimum for text",
                            contrast_ratio(link, WHITE)
                        ),
                    });
                }
                out.properties.push(("--mb-link", fixed.to_string()));
                out.properties
                    .push(("--mb-link-hover", fixed.scaled(0.7).to_string()));
            }
            None => refuse(&mut out, "link", v, COLOUR_FORMAT),
        }
    }
    if let Some(v) = non_empty(&req.font) {
        match font_family(v) {
            // The council's family first; the default stack stays as the fallback.
            Some(f) => out.properties.push(("--mb-font", format!("{f}, system-ui, sans-serif"))),
            None => refuse(
                &mut out,
                "font",
                v,
                "a font is a list of family names: letters, digits, spaces, commas, hyphens and quotes only",
            ),
        }
    }
    if let Some(v) = non_empty(&req.logo_url) {
        match (logo_url(v), non_empty(&req.logo_alt)) {
            (Some(url), Some(alt)) => out.logo = Some((url, alt.to_string())),
            (None, _) => refuse(
                &mut out,
                "logo",
                v,
                "a logo must be an http(s) address or a path inside the data folder",
            ),
            (Some(_), None) => refuse(
                &mut out,
                "logo",
                v,
                "a logo needs alt text (the council's name as the logo shows it)",
            ),
        }
    }
    out.name = non_empty(&req.name).map(str::to_string);
    out
}

/// [`resolve`] `file` with `overrides` (URL parameters) on top, setting by setting. An
/// override that would be refused is reported and the file's value stays in force.
pub fn resolve_with_overrides(file: &ThemeRequest, overrides: &ThemeRequest) -> ResolvedTheme {
    let mut merged = file.clone();
    let mut refused = Vec::new();
    let mut take = |slot: &mut Option<String>, value: &Option<String>, setting: &'static str| {
        if let Some(v) = non_empty(value) {
            let probe = resolve(&match setting {
                "brand" => ThemeRequest {
                    brand: Some(v.into()),
                    ..Default::default()
                },
                "link" => ThemeRequest {
                    link: Some(v.into()),
                    ..Default::default()
                },
                _ => ThemeRequest {
                    font: Some(v.into()),
                    ..Default::default()
                },
            });
            match probe.notes.into_iter().find(ThemeNote::is_refused) {
                Some(note) => refused.push(note),
                None => *slot = Some(v.to_string()),
            }
        }
    };
    take(&mut merged.brand, &overrides.brand, "brand");
    take(&mut merged.link, &overrides.link, "link");
    take(&mut merged.font, &overrides.font, "font");
    let mut out = resolve(&merged);
    out.notes.splice(0..0, refused);
    out
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn parses_only_hex_colours() {
        assert_eq!(
            Rgb::parse("#0b3d63"),
            Some(Rgb {
                r: 0x0b,
                g: 0x3d,
                b: 0x63
            })
        );
        assert_eq!(Rgb::parse(" #FFF "), Some(WHITE));
        assert_eq!(Rgb::parse("#f00"), Some(Rgb { r: 255, g: 0, b: 0 }));
        for bad in [
            "red",
            "0b3d63",
            "#0b3d6",
            "#0b3d631",
            "rgb(0,0,0)",
            "#ggg",
            "#fff;background:url(x)",
            "",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb::parse("#0B3D63").unwrap().to_string(), "#0b3d63");
    }

    #[test]
    fn known_contrast_ratios() {
        assert!(close(contrast_ratio(BLACK, WHITE), 21.0));
        assert!(close(contrast_ratio(WHITE, WHITE), 1.0));
        // GOV.UK link blue on white: 5.17:1; #767676 is the classic 4.54:1 grey.
        assert!(close(
            contrast_ratio(Rgb::parse("#1d70b8").unwrap(), WHITE),
            5.17
        ));
        assert!(close(
            contrast_ratio(Rgb::parse("#767676").unwrap(), WHITE),
            4.54
        ));
        assert!(close(
            contrast_ratio(Rgb::parse("#777777").unwrap(), WHITE),
            4.48
        ));
        assert!(close(
            contrast_ratio(Rgb::parse("#ff0000").unwrap(), WHITE),
            4.0
        ));
        assert!(close(Rgb::parse("#808080").unwrap().luminance(), 0.2159));
    }

    #[test]
    fn text_on_a_brand_colour_is_white_or_black_and_always_aa() {
        assert_eq!(text_on(Rgb::parse("#0b3d63").unwrap()), WHITE);
        assert_eq!(text_on(Rgb::parse("#ffdd00").unwrap()), BLACK);
        assert_eq!(text_on(Rgb::parse("#ff0000").unwrap()), BLACK); // 5.25 vs 4.0
                                                                    // Every grey, the hardest case: the better of white and black still passes AA.
        for v in 0..=255u8 {
            let bg = Rgb { r: v, g: v, b: v };
            assert!(contrast_ratio(text_on(bg), bg) >= 4.58, "{bg}");
        }
    }

    #[test]
    fn light_links_are_darkened_until_they_pass() {
        let light = Rgb::parse("#66aaff").unwrap();
        assert!(contrast_ratio(light, WHITE) < AA_TEXT);
        let fixed = darken_until(light, LIGHT_BACKGROUND, AA_TEXT);
        assert!(contrast_ratio(fixed, LIGHT_BACKGROUND) >= AA_TEXT);
        assert!(contrast_ratio(fixed, WHITE) >= AA_TEXT);
        assert!(fixed.b > fixed.r && fixed.b > fixed.g, "hue kept: {fixed}");
        // Only as dark as needed: not far below the threshold's colour.
        assert!(contrast_ratio(fixed, LIGHT_BACKGROUND) < 4.8, "{fixed}");
        let good = Rgb::parse("#1d70b8").unwrap();
        assert_eq!(darken_until(good, LIGHT_BACKGROUND, AA_TEXT), good);
        assert!(
            contrast_ratio(
                darken_until(WHITE, LIGHT_BACKGROUND, AA_TEXT),
                LIGHT_BACKGROUND
            ) >= AA_TEXT
        );
    }

    #[test]
    fn fonts_are_family_names_only() {
        assert_eq!(
            font_family("\"Open Sans\", Arial, sans-serif").as_deref(),
            Some("\"Open Sans\", Arial, sans-serif")
        );
        assert_eq!(font_family(" Georgia ").as_deref(), Some("Georgia"));
        assert!(font_family("Noto Sans-Serif2").is_some());
        for bad in [
            "Arial; background: red",
            "x} body {display:none",
            "url(https://evil.example/font)",
            "\"Open Sans",
            "Arial,,",
            "",
            "a/*comment*/",
            "Arial\\",
        ] {
            assert_eq!(font_family(bad), None, "{bad}");
        }
        assert_eq!(font_family(&"a".repeat(201)), None);
    }

    #[test]
    fn logos_are_http_or_data_relative() {
        assert_eq!(
            logo_url("https://council.example/logo.svg"),
            Some(LogoUrl::Absolute("https://council.example/logo.svg".into()))
        );
        assert_eq!(
            logo_url("images/logo.png"),
            Some(LogoUrl::DataRelative("images/logo.png".into()))
        );
        for bad in [
            "javascript:alert(1)",
            "data:image/svg+xml,<svg>",
            "/etc/logo.png",
            "../logo.png",
            "a//b.png",
            "logo.png\" onerror=x",
            "//evil.example/x.png",
        ] {
            assert_eq!(logo_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn resolve_applies_adjusts_and_refuses() {
        let req = ThemeRequest {
            name: Some("Sefton Council".into()),
            brand: Some("#ffdd00".into()),
            link: Some("#66aaff".into()),
            font: Some("Arial; color: red".into()),
            logo_url: Some("logo.svg".into()),
            logo_alt: Some("Sefton Council".into()),
        };
        let t = resolve(&req);
        let prop = |k| {
            t.properties
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(prop("--mb-brand").as_deref(), Some("#ffdd00"));
        assert_eq!(prop("--mb-brand-text").as_deref(), Some("#000000"));
        let link = Rgb::parse(&prop("--mb-link").unwrap()).unwrap();
        assert!(contrast_ratio(link, LIGHT_BACKGROUND) >= AA_TEXT);
        assert_eq!(prop("--mb-font"), None);
        assert_eq!(t.name.as_deref(), Some("Sefton Council"));
        assert_eq!(
            t.logo,
            Some((
                LogoUrl::DataRelative("logo.svg".into()),
                "Sefton Council".into()
            ))
        );
        assert_eq!(t.notes.len(), 2);
        assert!(
            matches!(&t.notes[0], ThemeNote::Adjusted { setting: "link", from, .. } if from == "#66aaff")
        );
        assert!(t.notes[1].is_refused() && t.notes[1].setting() == "font");
        assert!(
            t.notes[0]
                .to_string()
                .contains("under the 4.5:1 WCAG AA minimum"),
            "{}",
            t.notes[0]
        );
    }

    #[test]
    fn refused_overrides_leave_the_file_setting() {
        let file = ThemeRequest {
            brand: Some("#005ea5".into()),
            font: Some("Georgia".into()),
            ..Default::default()
        };
        let over = ThemeRequest {
            brand: Some("#ffdd00".into()),
            font: Some("Arial; color: red".into()),
            link: Some("blue".into()),
            ..Default::default()
        };
        let t = resolve_with_overrides(&file, &over);
        let prop = |k| {
            t.properties
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(
            prop("--mb-brand").as_deref(),
            Some("#ffdd00"),
            "a valid override wins"
        );
        assert_eq!(
            prop("--mb-font").as_deref(),
            Some("Georgia, system-ui, sans-serif"),
            "a refused one leaves the file's"
        );
        assert_eq!(prop("--mb-link"), None);
        let refused: Vec<_> = t
            .notes
            .iter()
            .filter(|n| n.is_refused())
            .map(|n| n.setting())
            .collect();
        assert_eq!(refused, ["link", "font"]);
        assert_eq!(
            resolve_with_overrides(&file, &ThemeRequest::default()),
            resolve(&file)
        );
    }

    #[test]
    fn resolve_refuses_bad_colours_and_logos_without_alt() {
        let t = resolve(&ThemeRequest {
            brand: Some("navy".into()),
            logo_url: Some("https://x.example/l.png".into()),
            ..Default::default()
        });
        assert!(t.properties.is_empty());
        assert_eq!(t.logo, None);
        assert_eq!(t.notes.iter().filter(|n| n.is_refused()).count(), 2);
        assert_eq!(resolve(&ThemeRequest::default()), ResolvedTheme::default());
        let good = resolve(&ThemeRequest {
            link: Some("#1d70b8".into()),
            font: Some("Georgia, serif".into()),
            ..Default::default()
        });
        assert!(good.notes.is_empty());
        assert!(good
            .properties
            .contains(&("--mb-font", "Georgia, serif, system-ui, sans-serif".into())));
    }
}
