//! Ordering a selection for the table. Missing values go last in either direction, so that a column sorted
//! largest-first starts with real figures; ties keep the published order.

use std::collections::BinaryHeap;

use crate::query::head::head_by;
use crate::query::store::{Store, NONE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// When the process started.
    #[default]
    Date,
    /// Contract value.
    Value,
    /// Reference price (ราคากลาง).
    Reference,
    /// Contract value as a share of the reference price.
    Ratio,
    Budget,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Newest first, which is what a reader opening a buyer's page expects.
impl Default for Sort {
    fn default() -> Sort {
        Sort { key: SortKey::Date, descending: true }
    }
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [SortKey::Date, SortKey::Value, SortKey::Reference, SortKey::Ratio, SortKey::Budget];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Value => "value",
            SortKey::Reference => "ref",
            SortKey::Ratio => "ratio",
            SortKey::Budget => "budget",
        }
    }
}

impl Sort {
    /// `value` is ascending, `-value` descending.
    pub fn parse(text: &str) -> Option<Sort> {
        let (descending, name) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        SortKey::ALL.into_iter().find(|k| k.as_str() == name).map(|key| Sort { key, descending })
    }

    pub fn code(self) -> String {
        format!("{}{}", if self.descending { "-" } else { "" }, self.key.as_str())
    }
}

/// Contract value ÷ reference price, when both are known and the reference is positive.
pub fn price_ratio(store: &Store, row: usize) -> Option<f64> {
    let (c, r) = (store.contract_value[row], store.reference_price[row]);
    (c != NONE && r != NONE && r > 0).then(|| c as f64 / r as f64)
}

/// A number that orders as the date does. Not the days since 1970, whose calendar arithmetic is most of a
/// country's sort by date; only the order matters here.
fn date_order(d: crate::domain::calendar::Date) -> f64 {
    (i64::from(d.year) * 512 + i64::from(d.month) * 32 + i64::from(d.day)) as f64
}

/// A sortable number per row; `None` sorts last.
fn key_of(store: &Store, key: SortKey, row: usize) -> Option<f64> {
    let money = |v: i64| (v != NONE).then_some(v as f64);
    match key {
        SortKey::Date => store.date[row].map(date_order),
        SortKey::Value => money(store.contract_value[row]),
        SortKey::Reference => money(store.reference_price[row]),
        SortKey::Ratio => price_ratio(store, row),
        SortKey::Budget => money(store.budget[row]),
    }
}

/// An integer that orders as the float does (for the finite values the keys hold).
fn ordered(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// Each row's sort key: integers with missing values last and ties in row order, so that an unstable sort of
/// plain tuples gives the stable order (for a country's rows, a few times faster than comparing floats).
#[cfg_attr(locallens_speed, optimize(speed))]
fn keyed(store: &Store, rows: &[u32], sort: Sort) -> Vec<(bool, u64, u32)> {
    rows.iter().map(|&r| key(store, sort, r)).collect()
}

#[cfg_attr(locallens_speed, optimize(speed))]
fn key(store: &Store, sort: Sort, r: u32) -> (bool, u64, u32) {
    match key_of(store, sort.key, r as usize) {
        Some(v) if sort.descending => (false, !ordered(v), r),
        Some(v) => (false, ordered(v), r),
        None => (true, 0, r),
    }
}

/// Sorts `rows` in place.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn sort_rows(store: &Store, rows: &mut [u32], sort: Sort) {
    let mut keyed = keyed(store, rows, sort);
    keyed.sort_unstable();
    for (slot, (_, _, r)) in rows.iter_mut().zip(keyed) {
        *slot = r;
    }
}

/// The first `n` of `rows` in `sort` order: what one page of the table shows, without sorting the rest.
/// Keys are unique (ties go by row), so this is exactly the start of `sort_rows`' order.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn first_sorted(store: &Store, rows: &[u32], sort: Sort, n: usize) -> Vec<u32> {
    if n <= HEAP_UP_TO && n < rows.len() {
        return first_by_heap(store, rows, sort, n);
    }
    head_by(keyed(store, rows, sort), n, Ord::cmp).into_iter().map(|(_, _, r)| r).collect()
}

/// Up to this many rows, `first_sorted` keeps the best so far in a heap: a page of a country's rows then costs
/// one comparison per row and no array of a million keys.
const HEAP_UP_TO: usize = 4096;

#[cfg_attr(locallens_speed, optimize(speed))]
fn first_by_heap(store: &Store, rows: &[u32], sort: Sort, n: usize) -> Vec<u32> {
    let mut best: BinaryHeap<(bool, u64, u32)> = BinaryHeap::with_capacity(n + 1);
    for &r in rows {
        let k = key(store, sort, r);
        if best.len() < n {
            best.push(k);
        } else if let Some(mut worst) = best.peek_mut().filter(|w| k < **w) {
            *worst = k;
        }
    }
    best.into_sorted_vec().into_iter().map(|(_, _, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::test_data::store;

    #[test]
    fn dates_order_as_their_days_do() {
        use crate::domain::calendar::Date;
        let days: Vec<i64> = (-800..80_000).step_by(7).collect();
        let keys: Vec<f64> = days.iter().map(|&d| date_order(Date::from_days_since_epoch(d))).collect();
        assert!(keys.windows(2).all(|k| k[0] < k[1]));
    }

    #[test]
    fn the_first_rows_of_an_order_are_the_start_of_the_whole_order() {
        let store = store(700);
        // Every other row, so that row numbers are not positions.
        let rows: Vec<u32> = (0..store.len() as u32).filter(|r| r % 2 == 1).collect();
        for key in SortKey::ALL {
            for descending in [false, true] {
                let sort = Sort { key, descending };
                let mut all = rows.clone();
                sort_rows(&store, &mut all, sort);
                for n in [0, 1, 25, 50, 349, 350, 351, 1000] {
                    assert_eq!(first_sorted(&store, &rows, sort, n), all[..n.min(all.len())], "{key:?} {descending} {n}");
                }
            }
        }
    }

    #[test]
    fn parses_and_prints_every_order() {
        for key in SortKey::ALL {
            for descending in [false, true] {
                let s = Sort { key, descending };
                assert_eq!(Sort::parse(&s.code()), Some(s));
            }
        }
        assert_eq!(Sort::parse("-title"), None);
    }

    #[test]
    fn every_order_agrees_with_comparing_the_typed_processes() {
        let store = store(700);
        let all: Vec<u32> = (0..store.len() as u32).collect();
        for key in SortKey::ALL {
            for descending in [false, true] {
                let mut rows = all.clone();
                sort_rows(&store, &mut rows, Sort { key, descending });
                // Independently: the value read from the typed process, then checked pairwise.
                let value = |r: u32| -> Option<f64> {
                    let p = &store.processes[r as usize].compiled;
                    let baht = |s: Option<crate::domain::money::Satang>| s.map(|s| s.0 as f64);
                    match key {
                        SortKey::Date => p
                            .tender
                            .as_ref()
                            .and_then(|t| t.tender_period.as_ref()?.start_date)
                            .or(p.date)
                            .map(|d| d.days_since_epoch() as f64),
                        SortKey::Value => baht(p.contract_value()),
                        SortKey::Reference => baht(p.reference_price()),
                        SortKey::Ratio => match (p.contract_value(), p.reference_price()) {
                            (Some(c), Some(r)) if r.0 > 0 => Some(c.0 as f64 / r.0 as f64),
                            _ => None,
                        },
                        SortKey::Budget => baht(p.budget_amount()),
                    }
                };
                let mut sorted = rows.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, all, "a permutation");
                for pair in rows.windows(2) {
                    let (a, b) = (value(pair[0]), value(pair[1]));
                    match (a, b) {
                        (Some(a), Some(b)) if a == b => assert!(pair[0] < pair[1], "ties keep row order"),
                        (Some(a), Some(b)) => assert_eq!(a < b, !descending, "{key:?} {descending} {a} {b}"),
                        (None, Some(_)) => panic!("missing before present: {key:?}"),
                        (None, None) => assert!(pair[0] < pair[1]),
                        (Some(_), None) => {}
                    }
                }
                let missing = rows.iter().filter(|&&r| value(r).is_none()).count();
                // Not every process has a contract yet, so these orders meet missing values.
                if matches!(key, SortKey::Value | SortKey::Ratio) {
                    assert!(missing > 0 && missing < rows.len(), "{key:?}: the data has both present and missing values");
                }
            }
        }
    }
}
