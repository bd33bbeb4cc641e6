//! What a store holds on the heap, by kind, for the per-process figures of `make bench` (the scale issue's
//! budget is 100 B per process for the columns that filters and facets read).
use std::mem::size_of;

use super::Store;

/// Bytes held, from each vector's capacity (what the allocator gave, not only what is used).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Heap {
    /// The per-row columns filters, facets, sorting and totals read: codes, money, dates, suppliers and bidders.
    pub columns: usize,
    /// The same columns' bytes in use: a vector that grew by doubling holds up to twice what it uses.
    pub columns_used: usize,
    /// Ocid and title text, one string per row, held.
    pub texts: usize,
    /// The search keys.
    pub search: usize,
    /// Row lists by organisation, year and supplier, and rows by ocid.
    pub indexes: usize,
}

fn vec<T>(v: &Vec<T>) -> usize {
    v.capacity() * size_of::<T>()
}

fn used<T>(v: &[T]) -> usize {
    std::mem::size_of_val(v)
}

/// The sum of `$f` over every filterable column.
macro_rules! over_columns {
    ($s:expr, $f:ident) => {
        $f(&$s.org)
            + $f(&$s.fiscal_year)
            + $f(&$s.method)
            + $f(&$s.stage)
            + $f(&$s.category)
            + $f(&$s.budget)
            + $f(&$s.reference_price)
            + $f(&$s.contract_value)
            + $f(&$s.date)
            + $f(&$s.spend_date)
            + $f(&$s.buyer_name)
            + $f(&$s.method_details)
            + $f(&$s.budget_line)
            + $f(&$s.supplier_start)
            + $f(&$s.supplier_codes)
            + $f(&$s.bidder_start)
            + $f(&$s.bidder_codes)
    };
}

impl Store {
    pub fn heap(&self) -> Heap {
        let lists = |lists: &mut dyn Iterator<Item = &Vec<u32>>| lists.map(|v| vec(v) + size_of::<Vec<u32>>() + 8).sum::<usize>();
        // A map entry: its key and value, and about one control byte per slot of the table.
        let ocids = self.by_ocid.keys().map(|k| k.len() + size_of::<Box<str>>() + size_of::<u32>() + 1).sum::<usize>();
        let indexes =
            lists(&mut self.by_org.values()) + lists(&mut self.by_year.values()) + lists(&mut self.by_supplier.values()) + ocids;
        Heap {
            columns: over_columns!(self, vec),
            columns_used: over_columns!(self, used),
            texts: self.ocids.capacity() + self.titles.capacity(),
            search: self.search_keys.capacity(),
            indexes,
        }
    }
}
