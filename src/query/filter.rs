//! Filters over the store and facet counts that respect the other filters (a facet's own choice does not
//! narrow its own counts, as readers of faceted search expect). One pass per dimension marks which filters
//! each row fails; the selection and every facet's counts are read from those marks.
//!
//! Most facets are a `Dim`: each row (or its organisation) has one small code in it, and the filter allows a
//! set of codes. A new such facet is a `Dim` variant with its three `match` arms below, a field of `Filter`,
//! and its line in `filter/tests.rs`. Search, fiscal years, amounts, the supplier and "has a risk signal" are
//! written out, since they are not one code per row.
use std::collections::BTreeSet;

use crate::domain::codes::{Category, Code, Method, Stage};
use crate::domain::money::Satang;
use crate::domain::org::OrgType;
use crate::query::head::Head;
use crate::query::per_year::PerYear;
use crate::query::store::Store;
use crate::query::words;

mod amount;
mod facet_counts;
use amount::{amount_band, in_range};
pub use amount::{amount_of, AMOUNT_BANDS};
pub use facet_counts::FacetCounts;

/// What the reader filters on; an empty field does not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words, each of which must appear somewhere in the process (in any order).
    pub text: String,
    /// Fiscal years (BE), inclusive; an open end is unbounded.
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub org_types: BTreeSet<OrgType>,
    /// Provinces and districts by their Thai names (the key publishers agree on), organisations by catalog code.
    pub provinces: BTreeSet<String>,
    pub districts: BTreeSet<String>,
    pub orgs: BTreeSet<String>,
    pub methods: BTreeSet<Method>,
    pub stages: BTreeSet<Stage>,
    pub categories: BTreeSet<Category>,
    /// On the contract value, or the reference price when there is no contract yet; both bounds inclusive.
    pub min: Option<Satang>,
    pub max: Option<Satang>,
    /// Only processes this supplier (a party id) won.
    pub supplier: Option<String>,
    /// Only processes with at least one risk signal (the caller passes which rows have one).
    pub only_flagged: bool,
}

impl Filter {
    /// The fiscal years chosen, as an inclusive range.
    pub fn years(&self) -> Option<(i32, i32)> {
        match (self.from, self.to) {
            (None, None) => None,
            (a, b) => Some((a.unwrap_or(i32::MIN), b.unwrap_or(i32::MAX))),
        }
    }
}

/// A dimension every row has exactly one code in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dim {
    Method,
    Stage,
    Category,
    OrgType,
    Province,
    District,
    Org,
}

const TEXT: u16 = 1 << 8;
const YEAR: u16 = 1 << 9;
const AMOUNT: u16 = 1 << 10;
const SUPPLIER: u16 = 1 << 11;
const FLAGGED: u16 = 1 << 12;

/// Where a dimension's code comes from: a column of the store (one code per row), or the organisation's
/// attributes (one code per organisation, index in `Store::orgs`). Columns are matched once per pass, not
/// per row, so the loops over a country's rows are plain array reads.
enum Source<'s> {
    Method(&'s [Method]),
    Stage(&'s [Stage]),
    Category(&'s [Category]),
    Org(Box<dyn Fn(usize) -> usize + 's>),
}

/// Runs `each(row position, code)` over `rows` for a row dimension, monomorphised per column type.
#[cfg_attr(locallens_speed, optimize(speed))]
fn for_row_codes(source: &Source, rows: &[u32], mut each: impl FnMut(usize, usize)) {
    #[cfg_attr(locallens_speed, optimize(speed))]
    fn go<T: Code>(col: &[T], rows: &[u32], each: &mut impl FnMut(usize, usize)) {
        for (i, &r) in rows.iter().enumerate() {
            each(i, col[r as usize].index());
        }
    }
    match source {
        Source::Method(c) => go(c, rows, &mut each),
        Source::Stage(c) => go(c, rows, &mut each),
        Source::Category(c) => go(c, rows, &mut each),
        Source::Org(_) => {}
    }
}

impl Source<'_> {
    /// The code of row `i`; an organisation's dimension through the row's organisation.
    fn code(&self, store: &Store, i: usize) -> usize {
        match self {
            Source::Method(c) => c[i].index(),
            Source::Stage(c) => c[i].index(),
            Source::Category(c) => c[i].index(),
            Source::Org(code) => code(store.org[i] as usize),
        }
    }
}

impl Dim {
    pub const ALL: [Dim; 7] = [Dim::Method, Dim::Stage, Dim::Category, Dim::OrgType, Dim::Province, Dim::District, Dim::Org];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// How many codes the dimension has in `store`.
    fn cardinality(self, store: &Store) -> usize {
        match self {
            Dim::Method => Method::ALL.len(),
            Dim::Stage => Stage::ALL.len(),
            Dim::Category => Category::ALL.len(),
            // The last code is "not in the catalog".
            Dim::OrgType => OrgType::ALL.len() + 1,
            Dim::Province => store.provinces.len(),
            Dim::District => store.districts.len(),
            Dim::Org => store.orgs.len(),
        }
    }

    fn source<'s>(self, store: &'s Store) -> Source<'s> {
        match self {
            Dim::Method => Source::Method(&store.method),
            Dim::Stage => Source::Stage(&store.stage),
            Dim::Category => Source::Category(&store.category),
            Dim::OrgType => Source::Org(Box::new(|o| store.org_attrs[o].org_type.map_or(OrgType::ALL.len(), Code::index))),
            Dim::Province => Source::Org(Box::new(|o| store.org_attrs[o].province as usize)),
            Dim::District => Source::Org(Box::new(|o| store.org_attrs[o].district as usize)),
            Dim::Org => Source::Org(Box::new(|o| o)),
        }
    }

    /// The codes `filter` allows, or None when it does not filter on this dimension.
    fn allowed(self, filter: &Filter, store: &Store) -> Option<Vec<bool>> {
        match self {
            Dim::Method => coded_mask(&filter.methods),
            Dim::Stage => coded_mask(&filter.stages),
            Dim::Category => coded_mask(&filter.categories),
            Dim::OrgType => coded_mask(&filter.org_types).map(|mut m| {
                m.push(false);
                m
            }),
            Dim::Province => named_mask(&filter.provinces, &store.provinces),
            Dim::District => named_mask(&filter.districts, &store.districts),
            Dim::Org => named_mask(&filter.orgs, &store.orgs),
        }
    }
}

fn coded_mask<T: Code>(chosen: &BTreeSet<T>) -> Option<Vec<bool>> {
    (!chosen.is_empty()).then(|| T::ALL.iter().map(|v| chosen.contains(v)).collect())
}

fn named_mask(chosen: &BTreeSet<String>, dict: &crate::query::dict::Dict) -> Option<Vec<bool>> {
    (!chosen.is_empty()).then(|| {
        let mut mask = vec![false; dict.len()];
        for code in chosen.iter().filter_map(|v| dict.lookup(v)) {
            mask[code as usize] = true;
        }
        mask
    })
}

/// Whether row `i` has a risk signal; with no mask, none has.
fn is_flagged(flagged: Option<&[bool]>, i: usize) -> bool {
    flagged.is_some_and(|f| f.get(i).copied().unwrap_or(false))
}

/// For each row of `rows`, the set of filters it fails, as bits.
#[cfg_attr(locallens_speed, optimize(speed))]
fn marks(store: &Store, filter: &Filter, rows: &[u32], flagged: Option<&[bool]>) -> Vec<u16> {
    let mut marks = vec![0u16; rows.len()];
    let org_count = store.orgs.len();
    // Organisation dimensions are decided once per organisation, not per row.
    let mut org_marks = vec![0u16; org_count];
    for dim in Dim::ALL {
        let Some(allowed) = dim.allowed(filter, store) else { continue };
        match dim.source(store) {
            Source::Org(code) => {
                for (o, m) in org_marks.iter_mut().enumerate() {
                    if !allowed.get(code(o)).copied().unwrap_or(false) {
                        *m |= dim.bit();
                    }
                }
            }
            row => for_row_codes(&row, rows, |i, code| {
                if !allowed[code] {
                    marks[i] |= dim.bit();
                }
            }),
        }
    }
    let text = words::matches(store, &words::search_words(&filter.text), rows);
    let years = filter.years();
    let by_amount = filter.min.is_some() || filter.max.is_some();
    let supplier = filter.supplier.as_deref().map(|s| store.suppliers.lookup(s));
    let by_org = org_marks.iter().any(|&m| m != 0);
    let per_row = by_org || text.is_some() || years.is_some() || by_amount || supplier.is_some() || filter.only_flagged;
    // With only the row dimensions filtered (a method, a stage), there is nothing more to mark: a country's rows
    // are not walked again for it.
    if !per_row {
        return marks;
    }
    for (k, (m, &r)) in marks.iter_mut().zip(rows).enumerate() {
        let i = r as usize;
        *m |= org_marks[store.org[i] as usize];
        if text.as_ref().is_some_and(|t| !t[k]) {
            *m |= TEXT;
        }
        if years.is_some_and(|(from, to)| !(from..=to).contains(&store.fiscal_year[i])) {
            *m |= YEAR;
        }
        if by_amount && !in_range(amount_of(store, i), filter.min, filter.max) {
            *m |= AMOUNT;
        }
        if supplier.is_some_and(|s| !s.is_some_and(|code| store.suppliers_of(r).contains(&code))) {
            *m |= SUPPLIER;
        }
        if filter.only_flagged && !is_flagged(flagged, i) {
            *m |= FLAGGED;
        }
    }
    marks
}

/// The rows of `within` (all rows when None) that pass every filter, in order, and the facet counts.
/// `flagged[row]` says whether a row has a risk signal; without it, "only flagged" keeps nothing.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn apply(store: &Store, filter: &Filter, within: Option<&[u32]>, flagged: Option<&[bool]>) -> (Vec<u32>, FacetCounts) {
    let all: Vec<u32>;
    let rows = match within {
        Some(rows) => rows,
        None => {
            all = (0..store.len() as u32).collect();
            &all
        }
    };
    let marks = marks(store, filter, rows, flagged);
    let sources: Vec<Source> = Dim::ALL.iter().map(|d| d.source(store)).collect();
    // Counted into plain arrays by code: a country's rows cost no string work here.
    let mut dims: Vec<Vec<usize>> = Dim::ALL.iter().map(|d| vec![0usize; d.cardinality(store)]).collect();
    // Rows that pass every filter count for every organisation dimension: per organisation here, mapped to
    // each dimension's codes once at the end.
    let mut passing_per_org = vec![0usize; store.orgs.len()];
    // Room for every row: grown by doubling, a country's selection was copied some twenty times.
    let mut selected = Vec::with_capacity(rows.len());
    let mut years = PerYear::default();
    let mut suppliers = vec![0usize; store.suppliers.len()];
    let mut counts = FacetCounts::default();
    // A row counts for a facet when it fails no filter but, at most, that facet's own: its marks are none or
    // that one bit. So one pass over the rows serves every facet (there was a pass per facet, eight over a
    // country's rows on every change).
    for (&r, &m) in rows.iter().zip(&marks) {
        if m & m.wrapping_sub(1) != 0 {
            continue;
        }
        let i = r as usize;
        if m == 0 {
            selected.push(r);
            passing_per_org[store.org[i] as usize] += 1;
            // Written out: wasm at opt-level z neither unrolls a loop over the three nor inlines `code`.
            dims[Dim::Method as usize][store.method[i].index()] += 1;
            dims[Dim::Stage as usize][store.stage[i].index()] += 1;
            dims[Dim::Category as usize][store.category[i].index()] += 1;
        } else if let Some(source) = sources.get(m.trailing_zeros() as usize) {
            // One bit of a dimension: `Dim::ALL` is in bit order (`Dim::bit`).
            dims[m.trailing_zeros() as usize][source.code(store, i)] += 1;
            continue;
        }
        if m & !YEAR == 0 {
            *years.entry(store.fiscal_year[i], || 0) += 1;
        }
        if m & !AMOUNT == 0 {
            if let Some(amount) = amount_of(store, i) {
                counts.amount_bands[amount_band(amount)] += 1;
            }
        }
        if m & !SUPPLIER == 0 {
            for &s in store.suppliers_of(r) {
                suppliers[s as usize] += 1;
            }
        }
        if m & !FLAGGED == 0 {
            counts.flaggable += 1;
            counts.flagged += usize::from(is_flagged(flagged, i));
        }
    }
    for (o, &n) in passing_per_org.iter().enumerate().filter(|(_, n)| **n > 0) {
        for (per_code, source) in dims.iter_mut().zip(&sources) {
            if let Source::Org(code) = source {
                per_code[code(o)] += n;
            }
        }
    }
    counts.dims = dims;
    counts.years = years.into_map();
    let chosen = filter.supplier.as_deref().and_then(|s| store.suppliers.lookup(s));
    counts.suppliers = most_won(&suppliers, chosen);
    selected.shrink_to_fit();
    (selected, counts)
}

/// How many suppliers the supplier facet offers.
pub const SUPPLIER_FACET: usize = 10;

/// The head of `won` (processes per supplier code) as `FacetCounts::suppliers` holds it.
#[cfg_attr(locallens_speed, optimize(speed))]
fn most_won(won: &[usize], chosen: Option<u32>) -> Vec<(u32, usize)> {
    let mut most = Head::new(SUPPLIER_FACET, |a: &(u32, usize), b: &(u32, usize)| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    won.iter().enumerate().filter(|(_, n)| **n > 0).for_each(|(code, &n)| most.offer((code as u32, n)));
    let mut head = most.into_vec();
    let chosen = chosen.and_then(|c| Some((c, *won.get(c as usize)?))).filter(|&(c, n)| n > 0 && !head.iter().any(|h| h.0 == c));
    head.extend(chosen);
    head
}

#[cfg(test)]
mod tests;
