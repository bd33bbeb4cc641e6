//! The explorer shard, `locallens-rows` version 1: exactly the columns of `Store` that the list, facets,
//! search, table, charts and flag lookups read, for one organisation's or one province's fiscal year. `locallens
//! publish` writes it from compiled releases; the browser decodes it straight into a store's columns without
//! building a release. docs/SHARDS.md describes the layout and why it is our own.
//!
//! Layout: the magic `LLROWS\0\x01`, the row count, a table of the shard's repeated strings, then one column
//! after another. Integers are LEB128 varints; money and dates are 0 for none, else zigzag + 1.
use crate::domain::calendar::Date;
use crate::domain::codes::{Category, Code, Method, Stage};
use crate::query::store::{Row, Store, Winner, NONE};

pub const MAGIC: &[u8; 8] = b"LLROWS\x00\x01";

/// Why a shard cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowsError {
    NotAShard,
    /// The bytes end inside the named section.
    Truncated(&'static str),
    NotUtf8(&'static str),
    /// A section refers to a string or code that does not exist.
    BadReference(&'static str),
}

impl std::fmt::Display for RowsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowsError::NotAShard => write!(f, "not a locallens-rows v1 file"),
            RowsError::Truncated(s) => write!(f, "cut short in {s}"),
            RowsError::NotUtf8(s) => write!(f, "text that is not UTF-8 in {s}"),
            RowsError::BadReference(s) => write!(f, "a reference out of range in {s}"),
        }
    }
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put_text(out: &mut Vec<u8>, s: &str) {
    put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// The shard's strings, each stored once.
#[derive(Default)]
struct Table<'s> {
    index: std::collections::HashMap<&'s str, u32>,
    strings: Vec<&'s str>,
}

impl<'s> Table<'s> {
    fn of(&mut self, s: &'s str) -> u64 {
        let next = self.strings.len() as u32;
        let i = *self.index.entry(s).or_insert(next);
        if i == next {
            self.strings.push(s);
        }
        u64::from(i)
    }
}

/// The shard of `rows` of `store`, in that order.
pub fn encode(store: &Store, rows: &[u32]) -> Vec<u8> {
    let mut table = Table::default();
    let mut columns = Vec::new();
    let each = |columns: &mut Vec<u8>, f: &mut dyn FnMut(usize) -> u64| {
        for &r in rows {
            put(columns, f(r as usize));
        }
    };
    each(&mut columns, &mut |r| table.of(store.orgs.get(store.org[r])));
    each(&mut columns, &mut |r| table.of(store.buyer_names.get(store.buyer_name[r])));
    each(&mut columns, &mut |r| table.of(store.method_texts.get(store.method_details[r])));
    each(&mut columns, &mut |r| zigzag(i64::from(store.fiscal_year[r])));
    for &r in rows {
        let r = r as usize;
        columns.extend([store.method[r].index() as u8, store.stage[r].index() as u8, store.category[r].index() as u8]);
    }
    let money = |v: i64| if v == NONE { 0 } else { zigzag(v) + 1 };
    let date = |d: Option<Date>| d.map_or(0, |d| zigzag(d.days_since_epoch()) + 1);
    each(&mut columns, &mut |r| money(store.budget[r]));
    each(&mut columns, &mut |r| money(store.reference_price[r]));
    each(&mut columns, &mut |r| money(store.contract_value[r]));
    each(&mut columns, &mut |r| date(store.date[r]));
    each(&mut columns, &mut |r| date(store.spend_date[r]));
    let mut winners = Vec::new();
    each(&mut columns, &mut |r| store.suppliers_of(r as u32).len() as u64);
    for &r in rows {
        for &code in store.suppliers_of(r) {
            put(&mut columns, table.of(store.suppliers.get(code)));
            if !winners.contains(&code) {
                winners.push(code);
            }
        }
    }
    put(&mut columns, winners.len() as u64);
    for &code in &winners {
        put(&mut columns, table.of(store.suppliers.get(code)));
        put(&mut columns, store.supplier_name(code).map_or(0, |n| table.of(n) + 1));
        put(&mut columns, store.supplier_tax_id(code).map_or(0, |t| table.of(t) + 1));
    }
    each(&mut columns, &mut |r| store.bidders_of(r as u32).len() as u64);
    for &r in rows {
        for &code in store.bidders_of(r) {
            put(&mut columns, table.of(store.bidders.get(code)));
        }
    }
    for text in [&store.ocids, &store.titles] {
        for &r in rows {
            put_text(&mut columns, text.get(r as usize));
        }
    }
    for &r in rows {
        put_text(&mut columns, store.search_key_of(r as usize));
    }
    let mut out = Vec::with_capacity(columns.len() + 64);
    out.extend_from_slice(MAGIC);
    put(&mut out, rows.len() as u64);
    put(&mut out, table.strings.len() as u64);
    for s in &table.strings {
        put_text(&mut out, s);
    }
    out.extend_from_slice(&columns);
    out
}

struct Cursor<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Cursor<'b> {
    fn varint(&mut self, section: &'static str) -> Result<u64, RowsError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at).ok_or(RowsError::Truncated(section))?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(RowsError::BadReference(section))
    }

    fn column(&mut self, n: usize, section: &'static str) -> Result<Vec<u64>, RowsError> {
        (0..n).map(|_| self.varint(section)).collect()
    }

    fn take(&mut self, len: usize, section: &'static str) -> Result<&'b [u8], RowsError> {
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len()).ok_or(RowsError::Truncated(section))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn texts(&mut self, n: usize, section: &'static str) -> Result<Vec<&'b str>, RowsError> {
        (0..n).map(|_| self.text(section)).collect()
    }

    /// Where the next `n` texts lie, without checking that they are UTF-8 (`Shard::check` does, a slice at a time).
    fn spans(&mut self, n: usize, section: &'static str) -> Result<Vec<(usize, usize)>, RowsError> {
        (0..n)
            .map(|_| {
                let len = self.varint(section)? as usize;
                let start = self.at;
                self.take(len, section)?;
                Ok((start, len))
            })
            .collect()
    }

    fn text(&mut self, section: &'static str) -> Result<&'b str, RowsError> {
        let len = self.varint(section)? as usize;
        std::str::from_utf8(self.take(len, section)?).map_err(|_| RowsError::NotUtf8(section))
    }
}

fn money(v: u64) -> i64 {
    if v == 0 {
        NONE
    } else {
        unzigzag(v - 1)
    }
}

fn date(v: u64) -> Option<Date> {
    (v != 0).then(|| Date::from_days_since_epoch(unzigzag(v - 1)))
}

fn coded<C: Code>(byte: u8, section: &'static str) -> Result<C, RowsError> {
    C::ALL.get(byte as usize).copied().ok_or(RowsError::BadReference(section))
}

/// How many ids the per-row counts list; more than there are bytes left is a corrupt count.
fn listed(counts: &[u64], limit: usize, section: &'static str) -> Result<usize, RowsError> {
    let total = counts.iter().try_fold(0u64, |a, &b| a.checked_add(b)).ok_or(RowsError::Truncated(section))?;
    usize::try_from(total).ok().filter(|&t| t <= limit).ok_or(RowsError::Truncated(section))
}

/// The row count a shard's header gives, or None when the bytes are not a shard.
pub fn row_count(bytes: &[u8]) -> Option<u64> {
    (bytes.get(..8) == Some(MAGIC)).then(|| Cursor { bytes, at: 8 }.varint("header").ok()).flatten()
}

/// A shard read and checked, its rows not yet in a store. Every reference is checked when it is read, so that
/// a bad shard adds nothing; its rows then go into a store a slice at a time (`push_into`), so that a page can
/// paint between slices of a large shard.
pub struct Shard<'b> {
    strings: Vec<&'b str>,
    org: Vec<u64>,
    buyer: Vec<u64>,
    details: Vec<u64>,
    year: Vec<i32>,
    codes: Vec<(Method, Stage, Category)>,
    budget: Vec<u64>,
    reference: Vec<u64>,
    contract: Vec<u64>,
    start: Vec<u64>,
    spend: Vec<u64>,
    supplier_count: Vec<u64>,
    supplier_ids: Vec<u64>,
    known: std::collections::HashMap<u64, (Option<&'b str>, Option<&'b str>)>,
    bidder_count: Vec<u64>,
    bidder_ids: Vec<u64>,
    bytes: &'b [u8],
    /// Where each row's ocid, title and search key lie, in that order; checked as UTF-8 into the three columns
    /// below a slice at a time, before any row is pushed.
    spans: Vec<[(usize, usize); 3]>,
    ocids: Vec<&'b str>,
    titles: Vec<&'b str>,
    keys: Vec<&'b str>,
    /// The next row to push, and where its suppliers and bidders start.
    next: usize,
    next_supplier: usize,
    next_bidder: usize,
}

impl<'b> Shard<'b> {
    pub fn read(bytes: &'b [u8]) -> Result<Shard<'b>, RowsError> {
        if bytes.get(..8) != Some(MAGIC) {
            return Err(RowsError::NotAShard);
        }
        let mut c = Cursor { bytes, at: 8 };
        let n = c.varint("header")? as usize;
        // A row takes at least a dozen bytes: a count beyond that is a corrupt header, not an allocation to try.
        if n > bytes.len() {
            return Err(RowsError::Truncated("header"));
        }
        let count = c.varint("strings")?;
        let strings = c.texts(usize::try_from(count).unwrap_or(usize::MAX).min(bytes.len()), "strings")?;
        let s = |i: u64, section| strings.get(i as usize).copied().ok_or(RowsError::BadReference(section));
        let org = c.column(n, "org")?;
        let buyer = c.column(n, "buyer")?;
        let details = c.column(n, "method details")?;
        let year = c.column(n, "fiscal year")?;
        let codes = c.take(3 * n, "codes")?;
        let [budget, reference, contract, start, spend] =
            ["budget", "reference price", "contract value", "date", "spend date"].map(|name| c.column(n, name));
        let (budget, reference, contract, start, spend) = (budget?, reference?, contract?, start?, spend?);
        let supplier_count = c.column(n, "suppliers")?;
        let supplier_ids = c.column(listed(&supplier_count, bytes.len(), "suppliers")?, "suppliers")?;
        let mut known = std::collections::HashMap::new();
        for _ in 0..c.varint("winners")? {
            let id = c.varint("winners")?;
            let name = c.varint("winners")?;
            let tax = c.varint("winners")?;
            let opt = |i: u64| if i == 0 { Ok(None) } else { s(i - 1, "winners").map(Some) };
            known.insert(id, (opt(name)?, opt(tax)?));
        }
        let bidder_count = c.column(n, "bidders")?;
        let bidder_ids = c.column(listed(&bidder_count, bytes.len(), "bidders")?, "bidders")?;
        let (ocids, titles, keys) = (c.spans(n, "ocid")?, c.spans(n, "title")?, c.spans(n, "search keys")?);
        let spans = ocids.into_iter().zip(titles).zip(keys).map(|((o, t), k)| [o, t, k]).collect();
        if c.at != bytes.len() {
            return Err(RowsError::BadReference("end"));
        }
        for (column, section) in [(&org, "org"), (&buyer, "buyer"), (&details, "method details")] {
            column.iter().try_for_each(|&i| s(i, section).map(drop))?;
        }
        for &i in supplier_ids.iter().chain(&bidder_ids) {
            s(i, "suppliers")?;
        }
        let year = year
            .iter()
            .map(|&y| i32::try_from(unzigzag(y)).map_err(|_| RowsError::BadReference("fiscal year")))
            .collect::<Result<_, _>>()?;
        let codes = codes
            .chunks_exact(3)
            .map(|c| Ok((coded::<Method>(c[0], "codes")?, coded::<Stage>(c[1], "codes")?, coded::<Category>(c[2], "codes")?)))
            .collect::<Result<_, RowsError>>()?;
        Ok(Shard {
            strings,
            org,
            buyer,
            details,
            year,
            codes,
            budget,
            reference,
            contract,
            start,
            spend,
            supplier_count,
            supplier_ids,
            known,
            bidder_count,
            bidder_ids,
            bytes,
            spans,
            ocids: Vec::with_capacity(n),
            titles: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            next: 0,
            next_supplier: 0,
            next_bidder: 0,
        })
    }

    /// Rows in the shard.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Rows whose texts are still to check.
    pub fn unchecked(&self) -> usize {
        self.len() - self.ocids.len()
    }

    /// Checks the texts of up to `max` more rows; says how many rows are left to check. A shard is pushed only
    /// once every text is checked, so that one bad text anywhere adds nothing.
    pub fn check(&mut self, max: usize) -> Result<usize, RowsError> {
        let from = self.ocids.len();
        let end = self.len().min(from.saturating_add(max));
        let bytes = self.bytes;
        let text = |(start, len): (usize, usize), section| {
            std::str::from_utf8(&bytes[start..start + len]).map_err(|_| RowsError::NotUtf8(section))
        };
        for [ocid, title, key] in &self.spans[from..end] {
            // All three or none: a row half checked would count as checked.
            let row = (text(*ocid, "ocid")?, text(*title, "title")?, text(*key, "search keys")?);
            self.ocids.push(row.0);
            self.titles.push(row.1);
            self.keys.push(row.2);
        }
        Ok(self.unchecked())
    }

    /// Rows still to push.
    pub fn remaining(&self) -> usize {
        self.len() - self.next
    }

    /// Appends up to `max` of the rows not yet pushed to `store`, in order; returns how many. Nothing is pushed
    /// until every text is checked (`check`).
    pub fn push_into(&mut self, store: &mut Store, max: usize) -> usize {
        if self.unchecked() > 0 {
            return 0;
        }
        let end = self.len().min(self.next.saturating_add(max));
        let strings = &self.strings;
        for r in self.next..end {
            let (method, stage, category) = self.codes[r];
            let row = Row {
                org: strings[self.org[r] as usize],
                fiscal_year: self.year[r],
                ocid: self.ocids[r],
                title: self.titles[r],
                buyer_name: strings[self.buyer[r] as usize],
                method,
                method_details: strings[self.details[r] as usize],
                stage,
                category,
                budget: money(self.budget[r]),
                reference_price: money(self.reference[r]),
                contract_value: money(self.contract[r]),
                date: date(self.start[r]),
                spend_date: date(self.spend[r]),
                search_key: self.keys[r],
            };
            let winners = &self.supplier_ids[self.next_supplier..self.next_supplier + self.supplier_count[r] as usize];
            self.next_supplier += winners.len();
            let bidders = &self.bidder_ids[self.next_bidder..self.next_bidder + self.bidder_count[r] as usize];
            self.next_bidder += bidders.len();
            let known = &self.known;
            let winners = winners.iter().map(|&i| {
                let (name, tax_id) = known.get(&i).copied().unwrap_or((None, None));
                Winner { id: strings[i as usize], name, tax_id }
            });
            store.push(&row, winners, bidders.iter().map(|&i| strings[i as usize]));
        }
        let pushed = end - self.next;
        self.next = end;
        pushed
    }
}

/// Appends a shard's rows to `store`; returns how many. Nothing is added when the shard is unreadable.
pub fn decode_into(store: &mut Store, bytes: &[u8]) -> Result<usize, RowsError> {
    let mut shard = Shard::read(bytes)?;
    shard.check(usize::MAX)?;
    Ok(shard.push_into(store, usize::MAX))
}

#[cfg(test)]
mod tests;
