//! A province's flags file is a JSON array of its organisations' runs. Split here into the runs' bytes without
//! parsing them, so that a page parses a few runs per task instead of a province's megabytes in one.

/// The items of a JSON array, as byte slices; None when `bytes` is not one array (then it is read whole).
pub fn items(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes[start] != b'[' {
        return None;
    }
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut item = start + 1;
    for (i, &b) in bytes.iter().enumerate().skip(start + 1) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b',' if depth == 0 => {
                out.push(bytes[item..i].trim_ascii());
                item = i + 1;
            }
            b']' => {
                let last = bytes[item..i].trim_ascii();
                // `[]` has no item; `[a,]` is not JSON.
                match (last.is_empty(), out.is_empty()) {
                    (true, true) => {}
                    (true, false) => return None,
                    (false, _) => out.push(last),
                }
                return bytes[i + 1..].trim_ascii().is_empty().then_some(out);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::items;

    #[test]
    fn an_array_splits_into_its_items_whatever_their_strings_hold() {
        let text = br#" [ {"a": "x,]}\"[", "b": [1, {"c": 2}]}, {"d": "\\"} ,{} ]
"#;
        let got = items(text).unwrap();
        assert_eq!(got, vec![&br#"{"a": "x,]}\"[", "b": [1, {"c": 2}]}"#[..], br#"{"d": "\\"}"#, b"{}"]);
        for item in got {
            serde_json::from_slice::<serde_json::Value>(item).unwrap();
        }
        assert_eq!(items(b"[]"), Some(vec![]));
        assert_eq!(items(b" [ ] "), Some(vec![]));
    }

    #[test]
    fn what_is_not_one_array_is_left_whole() {
        for text in [&b"{\"a\": 1}"[..], b"[1, 2", b"[1, 2] x", b"[1,]", b"", b"[\"open]"] {
            assert_eq!(items(text), None, "{}", String::from_utf8_lossy(text));
        }
    }
}
