//! Which links from published data may be followed: only http(s), mailto and tel.
//! Anything else (javascript:, data:, relative paths) is shown as text, never as a link.

/// The URL if it is safe to put in an `href`, else `None`.
pub fn safe_href(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let ok = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p))
        && !url
            .chars()
            .any(|c| c.is_control() || c == ' ' || c == '"' || c == '<' || c == '>');
    ok.then(|| url.to_string())
}

/// An address inside the app as published data writes it (`/meetings/x#item-3`, the search
/// index's record links): a single leading `/`, no scheme, nothing that could leave the
/// site (`//host`, `/\\host`) or break out of an attribute. Else `None`, and it stays text.
pub fn app_path(path: &str) -> Option<&str> {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '"' || c == '<' || c == '>');
    ok.then_some(path)
}

/// A link from published data: an address inside the app (resolved by `in_app`, which adds
/// the app's base path) or a safe external URL ([`safe_href`]). `None`: show it as text.
pub fn safe_link(url: &str, in_app: impl FnOnce(&str) -> String) -> Option<String> {
    match app_path(url) {
        Some(path) => Some(in_app(path)),
        None => safe_href(url),
    }
}

/// `tel:` link for a phone number as printed ("0151 934 2254").
pub fn tel_href(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (digits.len() >= 6).then(|| format!("tel:{digits}"))
}

/// `mailto:` link for an address that looks like one.
pub fn mailto_href(email: &str) -> Option<String> {
    let email = email.trim();
    let valid = email.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty()
            && host.contains('.')
            && !email
                .chars()
                .any(|c| c.is_whitespace() || "<>\"(),;:".contains(c))
    });
    valid.then(|| format!("mailto:{email}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes_are_followed() {
        assert_eq!(
            safe_href("https://www.sefton.gov.uk").as_deref(),
            Some("https://www.sefton.gov.uk")
        );
        assert!(safe_href("HTTP://example.org/a").is_some());
        assert!(safe_href("mailto:a@b.org").is_some());
        assert!(safe_href("javascript:alert(1)").is_none());
        assert!(safe_href(" JavaScript:alert(1)").is_none());
        assert!(safe_href("data:text/html,<b>x</b>").is_none());
        assert!(safe_href("/relative/path").is_none());
        assert!(safe_href("https://x.org/\"onmouseover=").is_none());
    }

    #[test]
    fn app_paths_stay_in_the_app() {
        let in_app = |p: &str| format!("/base{p}");
        assert_eq!(
            safe_link("/meetings/x#item-3", in_app).as_deref(),
            Some("/base/meetings/x#item-3")
        );
        assert_eq!(
            safe_link("https://www.sefton.gov.uk/a", in_app).as_deref(),
            Some("https://www.sefton.gov.uk/a")
        );
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "//evil.example/x",
            "/\\evil.example/x",
            "/x\"onmouseover=alert(1)",
            "/x\nnext",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "meetings/x",
            "",
        ] {
            assert_eq!(safe_link(bad, in_app), None, "{bad:?}");
        }
    }

    #[test]
    fn phone_and_email() {
        assert_eq!(
            tel_href("0151 934 2254").as_deref(),
            Some("tel:01519342254")
        );
        assert_eq!(tel_href("n/a"), None);
        assert_eq!(
            mailto_href("debbie.campbell@sefton.gov.uk").as_deref(),
            Some("mailto:debbie.campbell@sefton.gov.uk")
        );
        assert_eq!(mailto_href("not an email"), None);
    }
}
