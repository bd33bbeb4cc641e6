//! All view state lives in the query string of the one index.html, so every view is a link:
//! `?lang=en&org=6620101&year=2568&page=check`. Parsing and printing are pure and tested natively.
use std::collections::BTreeMap;

use crate::domain::issue::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Explorer,
    Check,
    /// The red flags' methodology and settings.
    Flags,
}

impl Page {
    pub fn as_str(self) -> &'static str {
        match self {
            Page::Explorer => "explorer",
            Page::Check => "check",
            Page::Flags => "flags",
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
    /// The contracting process shown (its ocid).
    pub process: Option<String>,
    /// The supplier shown (its party id, e.g. `TH-RD-0105564068059`).
    pub supplier: Option<String>,
    /// Search words (`q`).
    pub q: String,
    /// Procurement methods chosen in the facet (`method=open,limited`), as OCDS codes.
    pub methods: Vec<String>,
    /// Show only processes with at least one risk signal.
    pub only_flagged: bool,
    /// The flag whose methodology is open.
    pub flag: Option<String>,
    /// Flag settings changed from their defaults: `R024.threshold` → `0.05` (query `fs.R024.threshold=0.05`).
    pub flag_settings: BTreeMap<String, String>,
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Unknown or malformed parameters are ignored.
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        for (key, value) in parse_pairs(query) {
            match key.as_str() {
                "lang" => state.lang = Lang::from_code(&value).unwrap_or_default(),
                "page" if value == "check" => state.page = Page::Check,
                "page" if value == "flags" => state.page = Page::Flags,
                "flagged" => state.only_flagged = value == "1",
                "q" => state.q = value,
                "method" => state.methods = value.split(',').filter(|m| !m.is_empty()).map(str::to_string).collect(),
                "process" if !value.is_empty() => state.process = Some(value),
                "supplier" if !value.is_empty() => state.supplier = Some(value),
                "flag" if !value.is_empty() => state.flag = Some(value),
                "org" if !value.is_empty() => state.org = Some(value),
                "year" => state.year = value.parse().ok().filter(|y| (2400..3000).contains(y)),
                key if key.starts_with("fs.") && !value.is_empty() => {
                    state.flag_settings.insert(key[3..].to_string(), value);
                }
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
        if let Some(process) = &self.process {
            pairs.push(("process", process.clone()));
        }
        if let Some(supplier) = &self.supplier {
            pairs.push(("supplier", supplier.clone()));
        }
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        if !self.methods.is_empty() {
            pairs.push(("method", self.methods.join(",")));
        }
        if self.only_flagged {
            pairs.push(("flagged", "1".to_string()));
        }
        if let Some(flag) = &self.flag {
            pairs.push(("flag", flag.clone()));
        }
        let settings: Vec<(String, String)> = self.flag_settings.iter().map(|(k, v)| (format!("fs.{k}"), v.clone())).collect();
        if pairs.is_empty() && settings.is_empty() {
            // "?" alone keeps the link on index.html when the page was opened without a query.
            return "?".to_string();
        }
        let mut body: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={}", encode(&v))).collect();
        body.extend(settings.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))));
        format!("?{}", body.join("&"))
    }

    pub fn with_lang(&self, lang: Lang) -> ViewState {
        ViewState { lang, ..self.clone() }
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
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
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
            process: Some("ocds-x-1".into()),
            supplier: Some("TH-RD-0105564068059".into()),
            q: "ถนน หมู่ ๕".into(),
            methods: vec!["limited".into(), "open".into()],
            only_flagged: true,
            flag: Some("TH08".into()),
            flag_settings: [
                ("TH08.limit".to_string(), "300000".to_string()),
                ("R003.procurement_methods".to_string(), "open|selective".to_string()),
            ]
            .into(),
        };
        let q = state.to_query();
        assert_eq!(ViewState::from_query(&q), state);
        assert!(q.starts_with("?lang=en&page=check&org=%E0%B9%80"));
        assert!(q.ends_with("&process=ocds-x-1&supplier=TH-RD-0105564068059&q=%E0%B8%96%E0%B8%99%E0%B8%99%20%E0%B8%AB%E0%B8%A1%E0%B8%B9%E0%B9%88%20%E0%B9%95&method=limited%2Copen&flagged=1&flag=TH08&fs.R003.procurement_methods=open%7Cselective&fs.TH08.limit=300000"), "{q}");
    }

    #[test]
    fn defaults_are_left_out_and_junk_ignored() {
        assert_eq!(ViewState::default().to_query(), "?");
        let s = ViewState::from_query("?lang=xx&year=abc&zzz=1&org=&%");
        assert_eq!(s, ViewState::default());
        assert_eq!(ViewState::from_query("year=1999").year, None);
    }
}
