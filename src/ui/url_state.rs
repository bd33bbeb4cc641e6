//! All view state lives in the query string of the one index.html, so every view is a link:
//! `?lang=en&org=6620101&year=2568&page=check`. Parsing and printing are pure and tested natively.
use std::collections::BTreeMap;

use crate::domain::issue::Lang;
use crate::domain::money::Satang;
use crate::domain::ocds::Stage;
use crate::query::filter::Filter;
use crate::query::sort::Sort;
use crate::query::store::Method;

/// Rows per page of the process table, and the sizes a reader may choose.
pub const PAGE_SIZES: [usize; 4] = [25, 50, 100, 200];
pub const DEFAULT_PAGE_SIZE: usize = 50;

/// The home page's tabs: the list of organisations, or the procurement of all of them together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Organisations,
    Procurement,
}

pub fn stage_code(stage: Stage) -> &'static str {
    match stage {
        Stage::Planning => "planning",
        Stage::Tender => "tender",
        Stage::Award => "award",
        Stage::Contract => "contract",
        Stage::Implementation => "implementation",
    }
}

pub fn stage_from_code(code: &str) -> Option<Stage> {
    [Stage::Planning, Stage::Tender, Stage::Award, Stage::Contract, Stage::Implementation]
        .into_iter()
        .find(|s| stage_code(*s) == code)
}

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
    /// On the home page: which tab.
    pub tab: Tab,
    /// The selected organisation's catalog code.
    pub org: Option<String>,
    /// The fiscal years (BE) shown, inclusive; `year=Y` in the URL is `from = to = Y`.
    pub from: Option<i32>,
    pub to: Option<i32>,
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
    /// Facets across organisations: catalog codes, organisation types, provinces and districts (Thai names).
    pub orgs: Vec<String>,
    pub org_types: Vec<String>,
    pub provinces: Vec<String>,
    pub districts: Vec<String>,
    /// Stages (`planning`, `tender`, `award`, `contract`, `implementation`).
    pub stages: Vec<String>,
    /// Amount range in baht, inclusive, on the contract value or else the reference price.
    pub min: Option<Satang>,
    pub max: Option<Satang>,
    /// Only processes won by this supplier (party id).
    pub winner: Option<String>,
    /// The table's order; None is newest first.
    pub sort: Option<Sort>,
    /// The table's page (1-based) and rows per page.
    pub pg: usize,
    pub per: usize,
    /// The flag whose methodology is open.
    pub flag: Option<String>,
    /// Flag settings changed from their defaults: `R024.threshold` → `0.05` (query `fs.R024.threshold=0.05`).
    pub flag_settings: BTreeMap<String, String>,
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Unknown or malformed parameters are ignored.
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        let list = |value: &str| -> Vec<String> {
            let mut v: Vec<String> = value.split(',').map(str::trim).filter(|m| !m.is_empty()).map(str::to_string).collect();
            v.sort();
            v.dedup();
            v
        };
        let year = |value: &str| value.parse().ok().filter(|y| (2400..3000).contains(y));
        let baht = |value: &str| Satang::parse_baht(value).ok().filter(|s| s.0 >= 0);
        for (key, value) in parse_pairs(query) {
            match key.as_str() {
                "lang" => state.lang = Lang::from_code(&value).unwrap_or_default(),
                "page" if value == "check" => state.page = Page::Check,
                "page" if value == "flags" => state.page = Page::Flags,
                "flagged" => state.only_flagged = value == "1",
                "q" => state.q = value,
                "method" => state.methods = list(&value),
                "tab" if value == "procurement" => state.tab = Tab::Procurement,
                "orgs" => state.orgs = list(&value),
                "type" => state.org_types = list(&value),
                "province" => state.provinces = list(&value),
                "district" => state.districts = list(&value),
                "stage" => state.stages = list(&value).into_iter().filter(|s| stage_from_code(s).is_some()).collect(),
                "min" => state.min = baht(&value),
                "max" => state.max = baht(&value),
                "winner" if !value.is_empty() => state.winner = Some(value),
                "sort" => state.sort = Sort::parse(&value).filter(|s| *s != Sort::default()),
                "pg" => state.pg = value.parse().ok().filter(|p| *p > 1).unwrap_or(0),
                "n" => state.per = value.parse().ok().filter(|n| PAGE_SIZES.contains(n) && *n != DEFAULT_PAGE_SIZE).unwrap_or(0),
                "process" if !value.is_empty() => state.process = Some(value),
                "supplier" if !value.is_empty() => state.supplier = Some(value),
                "flag" if !value.is_empty() => state.flag = Some(value),
                "org" if !value.is_empty() => state.org = Some(value),
                "year" => {
                    state.from = year(&value);
                    state.to = state.from;
                }
                "from" => state.from = year(&value),
                "to" => state.to = year(&value),
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
        if self.tab != Tab::Organisations {
            pairs.push(("tab", "procurement".to_string()));
        }
        if let Some(org) = &self.org {
            pairs.push(("org", org.clone()));
        }
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => pairs.push(("year", a.to_string())),
            (from, to) => {
                if let Some(a) = from {
                    pairs.push(("from", a.to_string()));
                }
                if let Some(b) = to {
                    pairs.push(("to", b.to_string()));
                }
            }
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
        for (key, list) in [
            ("orgs", &self.orgs),
            ("type", &self.org_types),
            ("province", &self.provinces),
            ("district", &self.districts),
            ("stage", &self.stages),
        ] {
            if !list.is_empty() {
                pairs.push((key, list.join(",")));
            }
        }
        if let Some(min) = self.min {
            pairs.push(("min", min.to_decimal_string()));
        }
        if let Some(max) = self.max {
            pairs.push(("max", max.to_decimal_string()));
        }
        if let Some(winner) = &self.winner {
            pairs.push(("winner", winner.clone()));
        }
        if let Some(sort) = self.sort {
            pairs.push(("sort", sort.code()));
        }
        if self.pg > 1 {
            pairs.push(("pg", self.pg.to_string()));
        }
        if self.per != 0 {
            pairs.push(("n", self.per.to_string()));
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

    /// Whether both states show the same page (the parts of the state that choose the page component).
    pub fn same_page(&self, other: &ViewState) -> bool {
        (self.page, self.tab, &self.org, &self.process, &self.supplier)
            == (other.page, other.tab, &other.org, &other.process, &other.supplier)
    }

    /// This state on `other`'s page: the first step of a move that changes both the page and its filters.
    pub fn on_page_of(&self, other: &ViewState) -> ViewState {
        ViewState {
            page: other.page,
            tab: other.tab,
            org: other.org.clone(),
            process: other.process.clone(),
            supplier: other.supplier.clone(),
            ..self.clone()
        }
    }

    /// The fiscal years chosen, as an inclusive range; an open end is unbounded.
    pub fn years(&self) -> Option<(i32, i32)> {
        match (self.from, self.to) {
            (None, None) => None,
            (a, b) => Some((a.unwrap_or(i32::MIN), b.unwrap_or(i32::MAX))),
        }
    }

    /// What the process table is filtered by. The page's organisation (`org`) scopes the rows separately.
    pub fn filter(&self) -> Filter {
        let set = |v: &Vec<String>| v.iter().cloned().collect();
        Filter {
            text: self.q.clone(),
            years: self.years(),
            orgs: set(&self.orgs),
            org_types: set(&self.org_types),
            provinces: set(&self.provinces),
            districts: set(&self.districts),
            methods: self.methods.iter().filter_map(|m| Method::from_code(m)).collect(),
            stages: self.stages.iter().filter_map(|s| stage_from_code(s)).collect(),
            min_amount: self.min,
            max_amount: self.max,
            supplier: self.winner.clone(),
            only_flagged: self.only_flagged,
        }
    }

    pub fn sort_order(&self) -> Sort {
        self.sort.unwrap_or_default()
    }

    pub fn page_size(&self) -> usize {
        if self.per == 0 {
            DEFAULT_PAGE_SIZE
        } else {
            self.per
        }
    }

    /// The table's page, 1-based.
    pub fn page_number(&self) -> usize {
        self.pg.max(1)
    }

    /// The same view with every procurement filter, the order and the page cleared.
    pub fn without_filters(&self) -> ViewState {
        ViewState {
            q: String::new(),
            methods: Vec::new(),
            only_flagged: false,
            orgs: Vec::new(),
            org_types: Vec::new(),
            provinces: Vec::new(),
            districts: Vec::new(),
            stages: Vec::new(),
            min: None,
            max: None,
            winner: None,
            pg: 0,
            ..self.clone()
        }
    }

    /// A filter change: the table goes back to its first page.
    pub fn refined(self) -> ViewState {
        ViewState { pg: 0, ..self }
    }

    /// Adds `value` to a facet's list, or removes it if it is there.
    pub fn toggled(&self, list: fn(&mut ViewState) -> &mut Vec<String>, value: &str) -> ViewState {
        let mut next = self.clone().refined();
        let l = list(&mut next);
        if let Some(i) = l.iter().position(|v| v == value) {
            l.remove(i);
        } else {
            l.push(value.to_string());
            l.sort();
        }
        next
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
// Amounts in satang are written baht_satang.
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field() {
        let state = ViewState {
            lang: Lang::En,
            page: Page::Check,
            tab: Tab::Procurement,
            org: Some("เทศบาล 1&2".into()),
            from: Some(2568),
            to: Some(2568),
            process: Some("ocds-x-1".into()),
            supplier: Some("TH-RD-0105564068059".into()),
            q: "ถนน หมู่ ๕".into(),
            methods: vec!["limited".into(), "open".into()],
            only_flagged: true,
            orgs: vec!["6200001".into(), "6200101".into()],
            org_types: vec!["sao".into()],
            provinces: vec!["กำแพงเพชร".into()],
            districts: vec!["เมืองกำแพงเพชร".into()],
            stages: vec!["award".into(), "tender".into()],
            min: Some(Satang(100_000_01)),
            max: Some(Satang::from_baht(500_000)),
            winner: Some("TH-RD-0105564068059".into()),
            sort: Some(Sort { key: crate::query::sort::SortKey::Ratio, descending: false }),
            pg: 3,
            per: 100,
            flag: Some("TH08".into()),
            flag_settings: [
                ("TH08.limit".to_string(), "300000".to_string()),
                ("R003.procurement_methods".to_string(), "open|selective".to_string()),
            ]
            .into(),
        };
        let q = state.to_query();
        assert_eq!(ViewState::from_query(&q), state);
        assert!(q.starts_with("?lang=en&page=check&tab=procurement&org=%E0%B9%80"));
        assert!(q.contains("&year=2568&process=ocds-x-1&supplier=TH-RD-0105564068059&q=%E0%B8%96%E0%B8%99%E0%B8%99%20%E0%B8%AB%E0%B8%A1%E0%B8%B9%E0%B9%88%20%E0%B9%95&method=limited%2Copen&flagged=1&orgs=6200001%2C6200101&type=sao&"), "{q}");
        assert!(q.ends_with("&stage=award%2Ctender&min=100000.01&max=500000&winner=TH-RD-0105564068059&sort=ratio&pg=3&n=100&flag=TH08&fs.R003.procurement_methods=open%7Cselective&fs.TH08.limit=300000"), "{q}");
        // A range of years, and an open-ended one.
        let range = ViewState { from: Some(2566), to: Some(2567), ..ViewState::default() };
        assert_eq!(range.to_query(), "?from=2566&to=2567");
        assert_eq!(ViewState::from_query("?from=2566&to=2567"), range);
        assert_eq!(ViewState::from_query("?to=2567").years(), Some((i32::MIN, 2567)));
        // The filter the table uses is the state's, field for field.
        let f = state.filter();
        assert_eq!(
            (f.years, f.min_amount, f.supplier.as_deref()),
            (Some((2568, 2568)), Some(Satang(100_000_01)), Some("TH-RD-0105564068059"))
        );
        assert_eq!(f.stages.len(), 2);
        assert!(f.only_flagged && f.orgs.contains("6200101") && f.districts.contains("เมืองกำแพงเพชร"));
    }

    #[test]
    fn defaults_are_left_out_and_junk_ignored() {
        assert_eq!(ViewState::default().to_query(), "?");
        let s = ViewState::from_query("?lang=xx&year=abc&zzz=1&org=&%");
        assert_eq!(s, ViewState::default());
        assert_eq!(ViewState::from_query("year=1999").from, None);
        // Junk in the new parameters is ignored too: unknown stage, negative money, odd sizes, page 0, default order.
        let junk = ViewState::from_query("?stage=done&min=-5&max=abc&n=7&pg=0&sort=-date&sort2=x");
        assert_eq!(junk, ViewState::default());
        assert_eq!(ViewState::from_query("?n=50&pg=1").to_query(), "?");
    }

    #[test]
    fn a_move_to_another_page_changes_the_page_first() {
        let filtered = ViewState { org: Some("6200101".into()), methods: vec!["limited".into()], ..ViewState::default() };
        let home = ViewState::default();
        assert!(!filtered.same_page(&home));
        let step = filtered.on_page_of(&home);
        assert!(step.same_page(&home));
        assert_eq!(step.methods, filtered.methods);
        assert!(ViewState { q: "x".into(), ..home.clone() }.same_page(&home));
    }

    #[test]
    fn facet_toggles_go_back_to_the_first_page() {
        let s = ViewState { pg: 4, methods: vec!["open".into()], ..ViewState::default() };
        let on = s.toggled(|v| &mut v.methods, "limited");
        assert_eq!((on.methods.clone(), on.pg), (vec!["limited".to_string(), "open".to_string()], 0));
        let off = on.toggled(|v| &mut v.methods, "open");
        assert_eq!(off.methods, vec!["limited".to_string()]);
        let cleared = ViewState { org: Some("6200001".into()), q: "x".into(), ..on }.without_filters();
        assert_eq!(cleared, ViewState { org: Some("6200001".into()), ..ViewState::default() });
    }
}
