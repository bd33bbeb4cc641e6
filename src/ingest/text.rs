//! Bytes → text → JSON, with the encodings that Thai publishers actually produce.
use serde_json::Value;

use super::messages as msg;
use crate::domain::issue::{Issue, JsonPath};

/// Decodes a file to text. UTF-8 is expected; a byte-order mark is removed with a warning; a file that
/// is not UTF-8 but decodes as TIS-620 / Windows-874 to Thai text is accepted with a warning;
/// anything else is rejected.
pub fn decode(file: &str, bytes: &[u8], issues: &mut Vec<Issue>) -> Option<String> {
    let (bytes, had_bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if had_bom {
        issues.push(msg::bom(file));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        issues.push(msg::utf16(file));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_string()),
        Err(e) => {
            let (text, _, had_errors) = encoding_rs::WINDOWS_874.decode(bytes);
            let thai = text.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c));
            if !had_errors && thai {
                issues.push(msg::tis620(file));
                Some(text.into_owned())
            } else {
                issues.push(msg::not_utf8(file, e.valid_up_to()));
                None
            }
        }
    }
}

/// The bytes of a file, gunzipped when they are gzip (by their magic number); the error says why not.
pub fn inflate(bytes: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, String> {
    use std::io::Read;
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut out).map_err(|e| e.to_string())?;
    Ok(std::borrow::Cow::Owned(out))
}

/// The first `limit` bytes of a file's content (gunzipped as far as it goes), as text, for recognising it.
pub fn head(bytes: &[u8], limit: usize) -> String {
    use std::io::Read;
    let mut out = Vec::with_capacity(limit);
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let _ = flate2::read::MultiGzDecoder::new(bytes).take(limit as u64).read_to_end(&mut out);
    } else {
        out.extend_from_slice(&bytes[..bytes.len().min(limit)]);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A whole file as one JSON document: decoded (`decode`), then parsed (`parse_json`), issues reported.
pub fn json_document(file: &str, bytes: &[u8], issues: &mut Vec<Issue>) -> Option<Value> {
    decode(file, bytes, issues).and_then(|t| parse_json(file, &t, &JsonPath::root(), issues))
}

/// Parses one JSON document, reporting a syntax error with its line and column.
pub fn parse_json(file: &str, text: &str, at: &JsonPath, issues: &mut Vec<Issue>) -> Option<Value> {
    match serde_json::from_str::<Value>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            issues.push(msg::bad_json(file, at, e.line(), e.column(), &e.to_string()));
            None
        }
    }
}

/// True when the text looks like JSON Lines: several top-level values, one per line.
pub fn looks_like_json_lines(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next();
    let second = lines.next();
    matches!((first, second), (Some(a), Some(b)) if a.starts_with('{') && a.ends_with('}') && b.starts_with('{'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_bom_and_tis620_with_warnings() {
        let mut issues = Vec::new();
        assert_eq!(decode("f", b"\xEF\xBB\xBF{}", &mut issues).as_deref(), Some("{}"));
        assert_eq!(issues[0].code, "bom");
        let (tis, _, _) = encoding_rs::WINDOWS_874.encode("{\"name\":\"เทศบาล\"}");
        let mut issues = Vec::new();
        assert_eq!(decode("f", &tis, &mut issues).as_deref(), Some("{\"name\":\"เทศบาล\"}"));
        assert_eq!(issues[0].code, "tis-620");
    }

    #[test]
    fn rejects_binary_and_utf16() {
        let mut issues = Vec::new();
        assert_eq!(decode("f", b"\xFF\xFE{\x00}\x00", &mut issues), None);
        assert_eq!(issues[0].code, "utf-16");
        let mut issues = Vec::new();
        assert_eq!(decode("f", b"{\x80\x81\x82}", &mut issues), None);
        assert_eq!(issues[0].code, "not-utf-8");
    }
}
