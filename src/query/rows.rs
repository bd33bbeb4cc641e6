//! The explorer shard, `locallens-rows` version 3: exactly the columns of `Store` that the list, facets,
//! search, table, charts and flag lookups read, for one organisation's or one province's fiscal year. `locallens
//! publish` writes it from compiled releases; the browser decodes it straight into a store's columns without
//! building a release. docs/SHARDS.md describes the layout and why it is our own.
//!
//! Layout: the magic `LLROWS\0\x03`, the row count, a table of the shard's repeated strings, then one column
//! after another, the search keys as parts that name the row's other texts (`put_key`). Integers are LEB128
//! varints; money and dates are 0 for none, else zigzag + 1. The string table and the titles are in the search
//! keys' one-byte-a-Thai-letter encoding (`store::search_keys`), which brotli packs tighter than UTF-8.
//! Versions 1 and 2 (all texts UTF-8) are still read.
use crate::domain::calendar::Date;
use crate::domain::codes::Code;
use crate::domain::text::search_key;
use crate::query::store::{encode_search_key_into, Store, NONE};

mod shard;
pub use shard::Shard;

pub const MAGIC: &[u8; 8] = b"LLROWS\x00\x03";
const MAGIC_V2: &[u8; 8] = b"LLROWS\x00\x02";
const MAGIC_V1: &[u8; 8] = b"LLROWS\x00\x01";

/// Why a shard cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowsError {
    NotAShard,
    /// The bytes end inside the named section.
    Truncated(&'static str),
    NotUtf8(&'static str),
    /// A text in the one-byte encoding holds a byte or an escape that the encoding never writes.
    BadText(&'static str),
    /// A section refers to a string or code that does not exist.
    BadReference(&'static str),
}

impl std::fmt::Display for RowsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowsError::NotAShard => write!(f, "not a locallens-rows file"),
            RowsError::Truncated(s) => write!(f, "cut short in {s}"),
            RowsError::NotUtf8(s) => write!(f, "text that is not UTF-8 in {s}"),
            RowsError::BadText(s) => write!(f, "text that is not in the one-byte encoding in {s}"),
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

/// A text in the one-byte encoding, its length in those bytes first.
fn put_one_byte(out: &mut Vec<u8>, s: &str, scratch: &mut Vec<u8>) {
    scratch.clear();
    encode_search_key_into(s, scratch);
    put(out, scratch.len() as u64);
    out.extend_from_slice(scratch);
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
    encode_with(store, rows, Layout::V3)
}

/// The layouts a reader accepts. Only tests write versions 1 and 2, so that shards published before version 3
/// stay readable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Search keys as text; `budget_lines: false` is a shard from before that column.
    V1 { budget_lines: bool },
    /// Search keys as parts (`put_key`).
    V2,
    /// As version 2, with the string table and the titles in the one-byte encoding.
    V3,
}

/// A part of a search key that is one of the row's own texts folded, by the tag a shard writes for it; any
/// other part is written out after `Literal`. Winner k's name and id are `Winner + 2k` and `Winner + 2k + 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum KeyTag {
    Literal = 0,
    Ocid = 1,
    Title = 2,
    Buyer = 3,
    Winner = 4,
}

/// Row `r`'s search key, part by part: a part that folds from the ocid, title, buyer or a winner's name or id
/// (nearly every part of an e-GP row) is its tag; only the rest (items, descriptions, a name another process
/// gave) is written out. The key was 58 % of a version 1 shard's bytes; the reader folds these texts again.
fn put_key(out: &mut Vec<u8>, store: &Store, r: u32) {
    let row = r as usize;
    let mut sources = vec![
        Some(search_key(store.ocid(row))),
        Some(search_key(store.titles.get(row))),
        Some(search_key(store.buyer_names.get(store.buyer_name[row]))),
    ];
    for &code in store.suppliers_of(r) {
        sources.push(store.supplier_name(code).map(search_key));
        sources.push(Some(search_key(store.suppliers.get(code))));
    }
    let key = store.search_key_of(row);
    let parts: Vec<&str> = key.split_terminator(crate::query::store::KEY_SEPARATOR).collect();
    put(out, parts.len() as u64);
    for part in parts {
        match sources.iter().position(|s| s.as_deref() == Some(part)) {
            Some(i) => put(out, i as u64 + KeyTag::Ocid as u64),
            None => {
                put(out, KeyTag::Literal as u64);
                put_text(out, part);
            }
        }
    }
}

fn encode_with(store: &Store, rows: &[u32], layout: Layout) -> Vec<u8> {
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
    let one_byte = layout == Layout::V3;
    let mut scratch = Vec::new();
    for &r in rows {
        put_text(&mut columns, store.ocid(r as usize));
    }
    for &r in rows {
        let title = store.titles.get(r as usize);
        if one_byte {
            put_one_byte(&mut columns, title, &mut scratch);
        } else {
            put_text(&mut columns, title);
        }
    }
    for &r in rows {
        match layout {
            Layout::V1 { .. } => put_text(&mut columns, &store.search_key_of(r as usize)),
            Layout::V2 | Layout::V3 => put_key(&mut columns, store, r),
        }
    }
    // Last, and optional to a reader: shards written before it have none, and read as naming no budget line.
    if layout != (Layout::V1 { budget_lines: false }) {
        each(&mut columns, &mut |r| table.of(store.budget_lines.get(store.budget_line[r])));
    }
    let mut out = Vec::with_capacity(columns.len() + 64);
    out.extend_from_slice(match layout {
        Layout::V1 { .. } => MAGIC_V1,
        Layout::V2 => MAGIC_V2,
        Layout::V3 => MAGIC,
    });
    put(&mut out, rows.len() as u64);
    put(&mut out, table.strings.len() as u64);
    for s in &table.strings {
        if one_byte {
            put_one_byte(&mut out, s, &mut scratch);
        } else {
            put_text(&mut out, s);
        }
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

/// The layout the magic names, or None when the bytes are not a shard. A reader tells only whether the keys
/// come as parts, so a version 1 budget-line column is read wherever the bytes hold one.
fn layout(bytes: &[u8]) -> Option<Layout> {
    match bytes.get(..8)? {
        m if m == MAGIC => Some(Layout::V3),
        m if m == MAGIC_V2 => Some(Layout::V2),
        m if m == MAGIC_V1 => Some(Layout::V1 { budget_lines: true }),
        _ => None,
    }
}

/// The row count a shard's header gives, or None when the bytes are not a shard.
pub fn row_count(bytes: &[u8]) -> Option<u64> {
    layout(bytes).and_then(|_| Cursor { bytes, at: 8 }.varint("header").ok())
}

/// Appends a shard's rows to `store`; returns how many. Nothing is added when the shard is unreadable.
pub fn decode_into(store: &mut Store, bytes: &[u8]) -> Result<usize, RowsError> {
    let mut shard = Shard::read(bytes)?;
    shard.check(usize::MAX)?;
    Ok(shard.push_into(store, usize::MAX))
}

#[cfg(test)]
mod tests;
