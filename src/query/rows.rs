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

/// Appends a shard's rows to `store`; returns how many. Nothing is added when the shard is unreadable.
pub fn decode_into(store: &mut Store, bytes: &[u8]) -> Result<usize, RowsError> {
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
    let (ocids, titles, keys) = (c.texts(n, "ocid")?, c.texts(n, "title")?, c.texts(n, "search keys")?);
    if c.at != bytes.len() {
        return Err(RowsError::BadReference("end"));
    }
    // Every reference is checked before the first row goes in, so a bad shard adds nothing.
    for &i in supplier_ids.iter().chain(&bidder_ids) {
        s(i, "suppliers")?;
    }
    let mut rows = Vec::with_capacity(n);
    for r in 0..n {
        let row = Row {
            org: s(org[r], "org")?,
            fiscal_year: i32::try_from(unzigzag(year[r])).map_err(|_| RowsError::BadReference("fiscal year"))?,
            ocid: ocids[r],
            title: titles[r],
            buyer_name: s(buyer[r], "buyer")?,
            method: coded::<Method>(codes[3 * r], "codes")?,
            method_details: s(details[r], "method details")?,
            stage: coded::<Stage>(codes[3 * r + 1], "codes")?,
            category: coded::<Category>(codes[3 * r + 2], "codes")?,
            budget: money(budget[r]),
            reference_price: money(reference[r]),
            contract_value: money(contract[r]),
            date: date(start[r]),
            spend_date: date(spend[r]),
            search_key: keys[r],
        };
        rows.push(row);
    }
    let (mut next_supplier, mut next_bidder) = (0, 0);
    for (r, row) in rows.iter().enumerate() {
        let winners = &supplier_ids[next_supplier..next_supplier + supplier_count[r] as usize];
        next_supplier += winners.len();
        let bidders = &bidder_ids[next_bidder..next_bidder + bidder_count[r] as usize];
        next_bidder += bidders.len();
        let winners = winners.iter().map(|&i| {
            let (name, tax_id) = known.get(&i).copied().unwrap_or((None, None));
            Winner { id: strings[i as usize], name, tax_id }
        });
        store.push(row, winners, bidders.iter().map(|&i| strings[i as usize]));
    }
    Ok(n)
}

#[cfg(test)]
mod tests;
