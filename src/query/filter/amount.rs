//! The amount a process is filtered by, and the bands the amount facet offers.
use crate::domain::money::Satang;
use crate::query::store::{Store, NONE};

/// Amount bands offered as facet values, by the thresholds of Thai procurement law: เฉพาะเจาะจง is allowed up
/// to 500,000 baht; bounds are inclusive, in satang.
// Written as baht_satang, the way the amounts are read.
#[allow(clippy::inconsistent_digit_grouping)]
pub const AMOUNT_BANDS: [(Option<Satang>, Option<Satang>); 4] = [
    (None, Some(Satang(100_000_00))),
    (Some(Satang(100_000_01)), Some(Satang(500_000_00))),
    (Some(Satang(500_000_01)), Some(Satang(5_000_000_00))),
    (Some(Satang(5_000_000_01)), None),
];

/// The amount a process is filtered and sorted by: its contract value, else its reference price.
pub fn amount_of(store: &Store, row: usize) -> Option<Satang> {
    let c = store.contract_value[row];
    let r = store.reference_price[row];
    if c != NONE {
        Some(Satang(c))
    } else if r != NONE {
        Some(Satang(r))
    } else {
        None
    }
}

pub(super) fn in_range(amount: Option<Satang>, min: Option<Satang>, max: Option<Satang>) -> bool {
    amount.is_some_and(|a| min.is_none_or(|m| a >= m) && max.is_none_or(|m| a <= m))
}

/// The band of `AMOUNT_BANDS` that holds `amount`: the bands meet end to end (each starts one satang after the
/// last ends), so it is how many bands end below it. Three comparisons a row, not four ranges.
#[inline]
pub(super) fn amount_band(amount: Satang) -> usize {
    AMOUNT_BANDS[..AMOUNT_BANDS.len() - 1].iter().map(|(_, max)| usize::from(max.is_some_and(|m| amount > m))).sum()
}
