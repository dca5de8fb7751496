//! The JSON path of the place where a typed read failed, found from the error's position.
//!
//! serde_json reports a wrong type or value with a line and column, which a council web
//! team cannot act on in a 2 MB file. Tracking the path during the typed read
//! (`serde_path_to_error`) monomorphised every field's deserialiser a second time and
//! needed the whole file as a `serde_json::Value` first: about an eighth of the app's
//! wasm, and a second copy of every file in memory. Instead, only when a read fails, the
//! text before the error is scanned once (valid JSON by then: syntax is checked first) to
//! see which key or index it was inside. The path is written as `serde_path_to_error`
//! wrote it: `items[1].title`, or `.` for the top level.

/// One open container while scanning.
enum Frame {
    /// The key whose value is being read, once its name has been seen.
    Object { key: Option<String>, in_value: bool },
    /// The index of the element being read.
    Array { index: usize },
}

/// The path of the value at fault in an error raised at byte `end` of `text`, with
/// serde_json's `message`.
///
/// Where serde_json places an error: just after a wrong scalar, just before a wrong object
/// or array, just after the closing brace of an object with a missing field. A value serde
/// reads from a buffered copy (an untagged or internally tagged enum) or checks after
/// reading (ids, dates) fails where serde_json next sees the error: after the rest of the
/// holding object if it was the last field, or after the comma that follows it in an
/// array. Those two are mapped back to the field or element.
pub(crate) fn path_at(text: &str, end: usize, message: &str) -> String {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    // The object just closed (its last key), while nothing else has been read since.
    let mut closed: Option<String> = None;
    let mut last = 0u8;
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if !b.is_ascii_whitespace() {
            if b != b'}' {
                closed = None;
            }
            last = b;
        }
        match b {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                closed = match stack.pop() {
                    Some(Frame::Object { key, .. }) => key,
                    _ => None,
                };
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b'"' => {
                let (s, next) = string_at(text, i);
                if let Some(Frame::Object {
                    key: key @ None,
                    in_value: false,
                }) = stack.last_mut()
                {
                    *key = Some(s);
                }
                last = b'"';
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // A wrong object or array is reported before it, which may be just after a comma.
    let peeked =
        message.starts_with("invalid type: map") || message.starts_with("invalid type: sequence");
    let mut path = path_of(&stack);
    match (last, stack.last()) {
        (b',', Some(Frame::Array { index })) if !peeked && *index > 0 => {
            let cut = path.rfind('[').unwrap_or(path.len());
            path.truncate(cut);
            path.push_str(&format!("[{}]", index - 1));
        }
        (b'}', _) if !message.starts_with("missing field") => {
            if let Some(key) = closed {
                let inner = path_of(&[Frame::Object {
                    key: Some(key),
                    in_value: true,
                }]);
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&inner);
            }
        }
        _ => {}
    }
    if path.is_empty() {
        ".".into()
    } else {
        path
    }
}

/// `items[1].title`: the key or index of each open container.
fn path_of(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The string starting at the quote at `start`, decoded, and the index after its closing
/// quote. Escapes other than `\uXXXX` stand for the character after the backslash; a key
/// is only shown to a reader, so a rare surrogate pair is shown as the replacement
/// character.
fn string_at(text: &str, start: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = start + 1;
    let mut run = i;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                out.push_str(&text[run..i]);
                return (out, i + 1);
            }
            b'\\' => {
                out.push_str(&text[run..i]);
                match bytes.get(i + 1) {
                    Some(b'u') => {
                        let code = text
                            .get(i + 2..i + 6)
                            .and_then(|h| u32::from_str_radix(h, 16).ok());
                        out.push(code.and_then(char::from_u32).unwrap_or('\u{fffd}'));
                        i += 6;
                    }
                    Some(&c) => {
                        out.push(match c {
                            b'n' => '\n',
                            b't' => '\t',
                            b'r' => '\r',
                            b'b' => '\u{8}',
                            b'f' => '\u{c}',
                            other => other as char,
                        });
                        i += 2;
                    }
                    None => i += 1,
                }
                run = i.min(bytes.len());
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[run.min(bytes.len())..]);
    (out, bytes.len())
}

/// The byte offset of serde_json's (1-based line, column) position: `column` bytes into
/// the line.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (start + column).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_keys_and_indices() {
        let text = r#"{"a": {"b": [1, {"c": "x"}]}}"#;
        let at = |needle: &str| text.find(needle).unwrap() + needle.len();
        assert_eq!(path_at(text, at(r#""x""#), ""), "a.b[1].c");
        assert_eq!(path_at(text, at("1"), ""), "a.b[0]");
        assert_eq!(path_at(text, 0, ""), ".");
        assert_eq!(path_at(text, at(r#""x"}"#), "missing field `d`"), "a.b[1]");
    }

    #[test]
    fn escaped_keys_and_quotes_in_values_do_not_confuse_it() {
        let text = r#"{"q\"k": "v,]}\"", "n\u00e9": [true]}"#;
        let end = text.find("true").unwrap() + 4;
        assert_eq!(path_at(text, end, "missing field `x`"), "né[0]");
    }

    #[test]
    fn a_missing_field_belongs_to_its_object() {
        let text = "{\"items\": [{\"title\": \"A\"}]}";
        let end = text.find('}').unwrap() + 1;
        assert_eq!(path_at(text, end, "missing field `x`"), "items[0]");
    }

    #[test]
    fn offsets_count_lines_and_columns() {
        let text = "ab\ncd\nef";
        assert_eq!(offset_of(text, 1, 2), 2);
        assert_eq!(offset_of(text, 2, 1), 4);
        assert_eq!(offset_of(text, 3, 2), 8);
        assert_eq!(offset_of(text, 9, 9), 8);
    }
}
