//! All view state lives in the query string of the one index.html, so every view is a link:
//! `?lang=en&org=6620101&year=2568&page=check`. Parsing and printing are pure and tested natively.
use std::collections::BTreeMap;

use crate::domain::issue::Lang;
use crate::domain::money::Satang;
use crate::domain::ocds::Stage;
use crate::query::filter::Filter;
use crate::query::sort::Sort;
use crate::query::store::Method;
use crate::ui::query_string::{encode, parse_pairs};

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
    Stage::ALL.into_iter().find(|s| stage_code(*s) == code)
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

    /// `<organisation or all>-<fiscal years>` for download names: `6200101-2567`, `all-2566-2567`, `all-all`.
    pub fn scope_slug(&self) -> String {
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        let years = match (self.from, self.to) {
            (None, None) => "all".to_string(),
            (a, b) if a == b => year(a),
            (a, b) => format!("{}-{}", year(a), year(b)),
        };
        format!("{}-{years}", self.org.as_deref().unwrap_or("all"))
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

#[cfg(test)]
mod tests;
