//! A columnar store of compiled contracting processes, built once per load, designed for a country's data:
//! dictionary-encoded strings, integer codes for facets, exact money columns (satang, `NONE` when absent)
//! and a selection of row numbers instead of cloned rows.
use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;

use crate::domain::calendar::Date;
use crate::domain::codes::{Category, Method, Stage};
use crate::domain::ocds::Process;
use crate::domain::org::OrgType;
use crate::domain::org::Organisation;
use crate::query::dict::Dict;

mod from_releases;
mod heap;
mod reserve;
mod search_keys;
mod texts;
pub use heap::Heap;
pub use search_keys::{
    decode_into as decode_one_byte_into, encode as encode_search_word, encode_into as encode_search_key_into,
    fold_into as fold_search_key_into, SearchKeys, SEPARATOR_BYTE,
};
pub use texts::Texts;

/// The marker for a missing amount in a money column.
pub const NONE: i64 = i64::MIN;

/// What the facets know of a buyer, from the catalog. A buyer the catalog does not list has no type, and the
/// empty name as its province and district.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrgAttrs {
    pub org_type: Option<OrgType>,
    /// Codes in `Store::provinces` and `Store::districts` (Thai names, the key publishers agree on).
    pub province: u32,
    pub district: u32,
}

#[derive(Debug, Default)]
pub struct Store {
    /// The typed releases, kept only when the store was read from raw files (a dropped file, a publisher
    /// without a publish step): a store read from explorer shards (`query::rows`) keeps columns only, and a
    /// process page fetches its detail file.
    pub processes: Vec<Process>,
    pub org: Vec<u32>,
    pub orgs: Dict,
    pub fiscal_year: Vec<i32>,
    pub method: Vec<Method>,
    pub stage: Vec<Stage>,
    pub category: Vec<Category>,
    pub budget: Vec<i64>,
    pub reference_price: Vec<i64>,
    pub contract_value: Vec<i64>,
    /// When the process started (tender period start, else the release date), for sorting and timelines.
    pub date: Vec<Option<Date>>,
    /// When the money was committed (the first contract's signature, else the award date), for monthly spend.
    pub spend_date: Vec<Option<Date>>,
    /// Per organisation code (index into `orgs`), its type, province and district.
    pub org_attrs: Vec<OrgAttrs>,
    pub provinces: Dict,
    pub districts: Dict,
    pub by_ocid: FxHashMap<Box<str>, u32>,
    pub ocids: Texts,
    /// The title (tender's, else the first contract's or award's), empty when none.
    pub titles: Texts,
    /// The buyer's name as the source gave it, and the method as the source worded it (codes, "" for none).
    pub buyer_names: Dict,
    pub buyer_name: Vec<u32>,
    pub method_texts: Dict,
    pub method_details: Vec<u32>,
    /// The budget line a process names (`planning.budget.id`, "" for none), as codes in `budget_lines`: what
    /// links it to a line of its buyer's budget ordinance (`query::budget_link`).
    pub budget_lines: Dict,
    pub budget_line: Vec<u32>,
    /// Suppliers of active awards, as codes in `suppliers`: row i's are `supplier_codes[supplier_start[i]..supplier_start[i + 1]]`.
    pub suppliers: Dict,
    pub supplier_start: Vec<u32>,
    pub supplier_codes: Vec<u32>,
    /// Per supplier code, the first name and Revenue Department tax id any process published for it.
    pub supplier_names: Vec<Option<Box<str>>>,
    pub supplier_tax_ids: Vec<Option<Box<str>>>,
    /// Tenderers of submitted bids (not invited, not withdrawn), the same way: row i's are
    /// `bidder_codes[bidder_start[i]..bidder_start[i + 1]]`, codes in `bidders`.
    pub bidders: Dict,
    pub bidder_start: Vec<u32>,
    pub bidder_codes: Vec<u32>,
    /// Row numbers by organisation, fiscal year and supplier, in row order.
    pub by_org: FxHashMap<u32, Vec<u32>>,
    pub by_year: BTreeMap<i32, Vec<u32>>,
    pub by_supplier: FxHashMap<u32, Vec<u32>>,
    /// The search keys (`text::search_key`) of every row's title, items, buyer, suppliers and ocid, separated by
    /// U+001F, each row's after the previous one in a few large buffers. A search scans each buffer once instead
    /// of calling a substring search per row (`query::words`), and a country's rows cost no allocation each.
    pub search_keys: SearchKeys,
}

/// What ends each part of a row's search key; a search word never holds it, so no match spans two parts.
pub const KEY_SEPARATOR: char = '\u{1F}';

/// A winner of one row: its id, and its name and tax id where the row's release gives them.
#[derive(Debug, Clone, Copy)]
pub struct Winner<'a> {
    pub id: &'a str,
    pub name: Option<&'a str>,
    pub tax_id: Option<&'a str>,
}

/// One process as the store's columns hold it, whichever way it was read (a release, or a rows file).
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub org: &'a str,
    pub fiscal_year: i32,
    pub ocid: &'a str,
    pub title: &'a str,
    pub buyer_name: &'a str,
    pub method: Method,
    pub method_details: &'a str,
    pub budget_line: &'a str,
    pub stage: Stage,
    pub category: Category,
    pub budget: i64,
    pub reference_price: i64,
    pub contract_value: i64,
    pub date: Option<Date>,
    pub spend_date: Option<Date>,
    pub search_key: Key<'a>,
}

/// A row's search key as its reader has it: text from a release, or already encoded by a shard's reader.
#[derive(Debug, Clone, Copy)]
pub enum Key<'a> {
    Text(&'a str),
    Encoded(&'a [u8]),
}

impl Store {
    /// Appends one row to every column and index. Suppliers and bidders repeated within the row count once.
    #[cfg_attr(locallens_speed, optimize(speed))]
    pub fn push<'a>(&mut self, row: &Row, winners: impl Iterator<Item = Winner<'a>>, bidders: impl Iterator<Item = &'a str>) {
        let org_code = self.orgs.code(row.org);
        if org_code as usize == self.org_attrs.len() {
            let unlisted = OrgAttrs { org_type: None, province: self.provinces.code(""), district: self.districts.code("") };
            self.org_attrs.push(unlisted);
        }
        let index = self.org.len() as u32;
        if self.supplier_start.is_empty() {
            self.supplier_start.push(0);
        }
        let first = self.supplier_codes.len();
        for w in winners {
            let code = self.suppliers.code(w.id);
            if code as usize == self.supplier_names.len() {
                self.supplier_names.push(None);
                self.supplier_tax_ids.push(None);
            }
            let (name, tax) = (&mut self.supplier_names[code as usize], &mut self.supplier_tax_ids[code as usize]);
            if name.is_none() {
                *name = w.name.map(Into::into);
            }
            if tax.is_none() {
                *tax = w.tax_id.map(Into::into);
            }
            if !self.supplier_codes[first..].contains(&code) {
                self.supplier_codes.push(code);
                self.by_supplier.entry(code).or_default().push(index);
            }
        }
        self.supplier_start.push(self.supplier_codes.len() as u32);
        if self.bidder_start.is_empty() {
            self.bidder_start.push(0);
        }
        let first = self.bidder_codes.len();
        for id in bidders {
            let code = self.bidders.code(id);
            if !self.bidder_codes[first..].contains(&code) {
                self.bidder_codes.push(code);
            }
        }
        self.bidder_start.push(self.bidder_codes.len() as u32);
        self.by_org.entry(org_code).or_default().push(index);
        self.by_year.entry(row.fiscal_year).or_default().push(index);
        match row.search_key {
            Key::Text(key) => self.search_keys.push(key),
            Key::Encoded(key) => self.search_keys.push_encoded(key),
        }
        self.org.push(org_code);
        self.fiscal_year.push(row.fiscal_year);
        self.method.push(row.method);
        self.stage.push(row.stage);
        self.category.push(row.category);
        self.budget.push(row.budget);
        self.reference_price.push(row.reference_price);
        self.contract_value.push(row.contract_value);
        self.date.push(row.date);
        self.spend_date.push(row.spend_date);
        self.by_ocid.entry(row.ocid.into()).or_insert(index);
        self.ocids.push(row.ocid);
        self.titles.push(row.title);
        let buyer = self.buyer_names.code(row.buyer_name);
        self.buyer_name.push(buyer);
        let details = self.method_texts.code(row.method_details);
        self.method_details.push(details);
        let line = self.budget_lines.code(row.budget_line);
        self.budget_line.push(line);
    }

    pub fn len(&self) -> usize {
        self.org.len()
    }

    /// Row `row`'s typed release, when the store was read from raw files.
    pub fn release(&self, row: usize) -> Option<&crate::domain::ocds::Release> {
        self.processes.get(row).map(|p| &p.compiled)
    }

    pub fn ocid(&self, row: usize) -> &str {
        self.ocids.get(row)
    }

    /// The title, or the ocid when the process has none.
    pub fn title_or_ocid(&self, row: usize) -> &str {
        Some(self.titles.get(row)).filter(|t| !t.is_empty()).unwrap_or_else(|| self.ocids.get(row))
    }

    /// Fills `org_attrs` from the catalog's organisations, for every organisation code the store has seen.
    pub fn describe_orgs(&mut self, organisations: &[Organisation]) {
        let by_code: HashMap<&str, &Organisation> = organisations.iter().map(|o| (o.code.as_str(), o)).collect();
        for code in 0..self.orgs.len() as u32 {
            if let Some(o) = by_code.get(self.orgs.get(code)) {
                let district = o.district.as_ref().map_or("", |d| d.th.as_str());
                self.org_attrs[code as usize] = OrgAttrs {
                    org_type: Some(o.org_type),
                    province: self.provinces.code(&o.province.th),
                    district: self.districts.code(district),
                };
            }
        }
    }

    pub fn org_attrs_of(&self, row: usize) -> Option<&OrgAttrs> {
        self.org_attrs.get(self.org[row] as usize)
    }

    /// The row of a process, by ocid (the first one loaded, if a publisher repeated it).
    pub fn row_of(&self, ocid: &str) -> Option<u32> {
        self.by_ocid.get(ocid).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.org.is_empty()
    }

    /// Row numbers of the processes of one organisation and, if given, one fiscal year, in row order.
    /// Starts from the smaller index and checks the other column: no scan of the whole store.
    pub fn select(&self, org: Option<&str>, year: Option<i32>) -> Vec<u32> {
        let empty: &[u32] = &[];
        let by_org = org.map(|o| self.orgs.lookup(o).and_then(|c| self.by_org.get(&c)).map_or(empty, Vec::as_slice));
        let by_year = year.map(|y| self.by_year.get(&y).map_or(empty, Vec::as_slice));
        match (by_org, by_year) {
            (None, None) => (0..self.len() as u32).collect(),
            (Some(rows), None) | (None, Some(rows)) => rows.to_vec(),
            (Some(o), Some(y)) => {
                let org_code = org.and_then(|o| self.orgs.lookup(o));
                if o.len() <= y.len() {
                    o.iter().copied().filter(|&r| Some(self.fiscal_year[r as usize]) == year).collect()
                } else {
                    y.iter().copied().filter(|&r| Some(self.org[r as usize]) == org_code).collect()
                }
            }
        }
    }

    /// Row `row`'s search key: its words, folded, separated by U+001F.
    pub fn search_key_of(&self, row: usize) -> String {
        self.search_keys.get(row)
    }

    /// The suppliers of a row's active awards.
    // Inlined by hand: compiled for size, it stayed a call per row in every pass over a country's rows (9 ms of a
    // facet change in a profile).
    #[inline(always)]
    pub fn suppliers_of(&self, row: u32) -> &[u32] {
        let (a, b) = (self.supplier_start[row as usize] as usize, self.supplier_start[row as usize + 1] as usize);
        &self.supplier_codes[a..b]
    }

    /// A supplier's name as the first process naming it published it, or None when no process names it.
    pub fn supplier_name(&self, code: u32) -> Option<&str> {
        self.supplier_names.get(code as usize)?.as_deref()
    }

    /// A supplier's Revenue Department tax id, as the first process giving one published it.
    pub fn supplier_tax_id(&self, code: u32) -> Option<&str> {
        self.supplier_tax_ids.get(code as usize)?.as_deref()
    }

    /// The tenderers of a row's submitted bids.
    #[inline(always)]
    pub fn bidders_of(&self, row: u32) -> &[u32] {
        let (a, b) = (self.bidder_start[row as usize] as usize, self.bidder_start[row as usize + 1] as usize);
        &self.bidder_codes[a..b]
    }

    /// Rows a supplier won.
    pub fn rows_of_supplier(&self, id: &str) -> &[u32] {
        self.suppliers.lookup(id).and_then(|c| self.by_supplier.get(&c)).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests;
