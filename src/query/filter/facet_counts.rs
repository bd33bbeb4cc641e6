//! What each facet value would select, as the facets show it.
use std::collections::BTreeMap;

use super::Dim;
use crate::domain::codes::Code;
use crate::query::store::Store;

/// Counts per facet value, each over the rows that pass every other filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub years: BTreeMap<i32, usize>,
    /// Per `Dim` (in `Dim::ALL` order), per code.
    pub(super) dims: Vec<Vec<usize>>,
    /// Per band of `AMOUNT_BANDS`.
    pub amount_bands: [usize; 4],
    /// The supplier facet's values, over the rows that pass every other filter: (code in `store.suppliers`,
    /// processes won) of the `SUPPLIER_FACET` suppliers with the most, most first (then by code), followed by
    /// the filter's own supplier when it won any and is not among them. Not every supplier: a country has some
    /// 200,000, and this is made, kept and compared on every filter change.
    pub suppliers: Vec<(u32, usize)>,
    /// Rows with a risk signal among those that pass every other filter, and how many rows that is.
    pub flagged: usize,
    pub flaggable: usize,
}

impl FacetCounts {
    fn counts(&self, dim: Dim) -> &[usize] {
        self.dims.get(dim as usize).map_or(&[], Vec::as_slice)
    }

    /// The counts of a coded dimension, by value, leaving out values with none.
    pub fn coded<T: Code>(&self, dim: Dim) -> BTreeMap<T, usize> {
        T::ALL.iter().zip(self.counts(dim)).filter(|(_, n)| **n > 0).map(|(v, n)| (*v, *n)).collect()
    }

    /// The counts of a named dimension (province, district, organisation), by name, leaving out names with none.
    pub fn named(&self, dim: Dim, store: &Store) -> BTreeMap<String, usize> {
        let dict = match dim {
            Dim::Province => &store.provinces,
            Dim::District => &store.districts,
            _ => &store.orgs,
        };
        self.counts(dim).iter().enumerate().filter(|(_, n)| **n > 0).map(|(c, n)| (dict.get(c as u32).to_string(), *n)).collect()
    }
}
