//! The one query-string writer: every filter the app keeps in the address (search,
//! decisions, follow-ups, the improvement plan's actions) is written by [`query_string`].

/// `?a=b&c=d` from key/value pairs in order (a key may repeat), or `""` when there are
/// none. Values are percent-encoded; keys are the app's own and URL-safe.
pub fn query_string<K: AsRef<str>, V: AsRef<str>>(
    pairs: impl IntoIterator<Item = (K, V)>,
) -> String {
    let parts: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{}={}", k.as_ref(), encode(v.as_ref())))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-encode everything but the unreserved characters of RFC 3986, byte by byte, so
/// any UTF-8 text survives the round trip through the address.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_pairs_in_order_and_encodes_values() {
        assert_eq!(query_string(Vec::<(&str, &str)>::new()), "");
        assert_eq!(
            query_string([
                ("q", "children’s services & SEND"),
                ("kind", "asked"),
                ("kind", "agreed")
            ]),
            "?q=children%E2%80%99s%20services%20%26%20SEND&kind=asked&kind=agreed"
        );
        assert_eq!(encode("a-b_c.d~e/f?g=h#i"), "a-b_c.d~e%2Ff%3Fg%3Dh%23i");
    }
}
