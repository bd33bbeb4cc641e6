//! All view state lives in the query string of the one index.html, so every view is a link:
//! `?lang=en&org=6620101&year=2568&page=check`. Parsing and printing are pure and tested natively.
use crate::domain::issue::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Explorer,
    Check,
}

impl Page {
    pub fn as_str(self) -> &'static str {
        match self {
            Page::Explorer => "explorer",
            Page::Check => "check",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub lang: Lang,
    pub page: Page,
    /// The selected organisation's catalog code.
    pub org: Option<String>,
    /// The selected fiscal year (BE).
    pub year: Option<i32>,
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Unknown or malformed parameters are ignored.
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        for (key, value) in parse_pairs(query) {
            match key.as_str() {
                "lang" => state.lang = Lang::from_code(&value).unwrap_or_default(),
                "page" if value == "check" => state.page = Page::Check,
                "org" if !value.is_empty() => state.org = Some(value),
                "year" => state.year = value.parse().ok().filter(|y| (2400..3000).contains(y)),
                _ => {}
            }
        }
        state
    }

    /// The query string, starting with `?`, with defaults left out and a fixed parameter order.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.lang != Lang::Th {
            pairs.push(("lang", self.lang.code().to_string()));
        }
        if self.page != Page::Explorer {
            pairs.push(("page", self.page.as_str().to_string()));
        }
        if let Some(org) = &self.org {
            pairs.push(("org", org.clone()));
        }
        if let Some(year) = self.year {
            pairs.push(("year", year.to_string()));
        }
        if pairs.is_empty() {
            // "?" alone keeps the link on index.html when the page was opened without a query.
            return "?".to_string();
        }
        let body: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        format!("?{}", body.join("&"))
    }

    pub fn with_lang(&self, lang: Lang) -> ViewState {
        ViewState {
            lang,
            ..self.clone()
        }
    }
}

fn parse_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-encodes everything but unreserved characters (RFC 3986), as UTF-8.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field() {
        let state = ViewState {
            lang: Lang::En,
            page: Page::Check,
            org: Some("เทศบาล 1&2".into()),
            year: Some(2568),
        };
        let q = state.to_query();
        assert_eq!(ViewState::from_query(&q), state);
        assert!(q.starts_with("?lang=en&page=check&org=%E0%B9%80"));
    }

    #[test]
    fn defaults_are_left_out_and_junk_ignored() {
        assert_eq!(ViewState::default().to_query(), "?");
        let s = ViewState::from_query("?lang=xx&year=abc&zzz=1&org=&%");
        assert_eq!(s, ViewState::default());
        assert_eq!(ViewState::from_query("year=1999").year, None);
    }
}
