//! A flags file's `OCID` results by the rows of the shard fetched with it, instead of by ocid.
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::Unusable;
use crate::query::store::Store;

type ByIndicator = BTreeMap<String, f64>;

/// The `OCID` group's results by the organisation's rows instead of by ocid. The ids were the larger part of
/// a big file (Bangkok's 2568: 10.2 of its 27.1 KB brotli), and the rows shard fetched with it gives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ByRow {
    /// The organisation's rows of the year, in the order of its rows shard (a province's shard holds them in
    /// the same order), and `digest` of their ocids in that order: a file read against other rows is refused,
    /// never misapplied.
    pub rows: usize,
    pub digest: String,
    /// Indicator → the rows it gave a value and the values.
    pub indicators: BTreeMap<String, RowValues>,
}

/// One indicator's values by row: each row as its distance from the previous one (the first from row -1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RowValues {
    pub gaps: Vec<u32>,
    pub values: Vec<f64>,
}

/// FNV-1a (64 bits) of the ocids, each ended by a newline, as hex: whether two lists are the same in the same
/// order. Not a checksum of the file, which the catalog's SHA-256 is.
pub fn digest<'a>(ocids: impl IntoIterator<Item = &'a str>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in ocids.into_iter().flat_map(|o| o.bytes().chain([b'\n'])) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Each organisation's rows of each fiscal year in a store, in row order, brought up to date as rows arrive
/// (`update`): what a file's `by_row` is read against.
#[derive(Default)]
pub struct RowsOf {
    upto: usize,
    rows: HashMap<(u32, i32), Vec<u32>>,
}

impl RowsOf {
    pub fn update(&mut self, store: &Store) {
        for r in self.upto..store.len() {
            self.rows.entry((store.org[r], store.fiscal_year[r])).or_default().push(r as u32);
        }
        self.upto = store.len();
    }

    /// The ocids of `org`'s rows of `year`, in row order.
    pub fn ocids<'s>(&self, store: &'s Store, org: &str, year: i32) -> Vec<&'s str> {
        let rows = store.orgs.lookup(org).and_then(|code| self.rows.get(&(code, year)));
        rows.into_iter().flatten().map(|&r| store.ocid(r as usize)).collect()
    }
}

impl ByRow {
    /// `by_id` (ocid → indicator → value) by the rows whose ocids are `ocids`, in that order; and the ids that are
    /// not among them.
    pub fn of(by_id: BTreeMap<String, ByIndicator>, ocids: &[&str]) -> (ByRow, BTreeMap<String, ByIndicator>) {
        let mut at: HashMap<&str, u32> = HashMap::with_capacity(ocids.len());
        for (i, &o) in ocids.iter().enumerate() {
            at.entry(o).or_insert(i as u32);
        }
        let mut placed: BTreeMap<String, Vec<(u32, f64)>> = BTreeMap::new();
        let mut left = BTreeMap::new();
        for (id, codes) in by_id {
            match at.get(id.as_str()) {
                Some(&row) => codes.into_iter().for_each(|(c, v)| placed.entry(c).or_default().push((row, v))),
                None => drop(left.insert(id, codes)),
            }
        }
        let indicators = placed
            .into_iter()
            .map(|(c, mut at)| {
                at.sort_unstable_by_key(|&(row, _)| row);
                let mut column = RowValues::default();
                let mut last = -1i64;
                for (row, v) in at {
                    column.gaps.push((i64::from(row) - last - 1) as u32);
                    column.values.push(v);
                    last = i64::from(row);
                }
                (c, column)
            })
            .collect();
        (ByRow { rows: ocids.len(), digest: digest(ocids.iter().copied()), indicators }, left)
    }

    /// Back by ocid into `into`, read against `ocids`, the organisation's rows of the year in the store: refused
    /// if they are not the rows the file was written for.
    pub fn into_results(self, ocids: &[&str], into: &mut BTreeMap<String, ByIndicator>) -> Result<(), Unusable> {
        if self.rows != ocids.len() || self.digest != digest(ocids.iter().copied()) {
            return Err(Unusable::OtherRows { rows: self.rows, found: ocids.len() });
        }
        for (c, column) in self.indicators {
            if column.gaps.len() != column.values.len() {
                return Err(Unusable::BadRow(c));
            }
            let mut row = -1i64;
            for (&gap, &v) in column.gaps.iter().zip(&column.values) {
                row += i64::from(gap) + 1;
                let ocid = usize::try_from(row).ok().and_then(|r| ocids.get(r)).ok_or(Unusable::BadRow(c.clone()))?;
                into.entry(ocid.to_string()).or_default().insert(c.clone(), v);
            }
        }
        Ok(())
    }
}
