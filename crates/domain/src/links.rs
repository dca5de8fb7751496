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
