//! Filters over the store and facet counts that respect the other filters (a facet's own choice does not
//! narrow its own counts, as readers of faceted search expect). One pass marks which filters each row
//! fails; selection and every facet's counts are read from those marks.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::money::Satang;
use crate::domain::ocds::Stage;
use crate::domain::text::search_key;
use crate::query::store::{Method, OrgAttrs, Store, NONE};

/// What the reader filters on; an empty field does not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Thai or English words; matched as a substring of the normalised text (Thai has no spaces).
    pub text: String,
    /// Fiscal years (BE), inclusive.
    pub years: Option<(i32, i32)>,
    pub orgs: BTreeSet<String>,
    /// Organisation types (`OrgType::as_str`), provinces and districts (Thai names), from the catalog.
    pub org_types: BTreeSet<String>,
    pub provinces: BTreeSet<String>,
    pub districts: BTreeSet<String>,
    pub methods: BTreeSet<Method>,
    pub stages: BTreeSet<Stage>,
    /// On the contract value, or the reference price when there is no contract yet; both bounds inclusive.
    pub min_amount: Option<Satang>,
    pub max_amount: Option<Satang>,
    pub supplier: Option<String>,
    /// Only processes with at least one risk signal (the caller passes which rows have one).
    pub only_flagged: bool,
}

const TEXT: u16 = 1;
const YEAR: u16 = 2;
const ORG: u16 = 4;
const METHOD: u16 = 8;
const STAGE: u16 = 16;
const AMOUNT: u16 = 32;
const SUPPLIER: u16 = 64;
const ORG_TYPE: u16 = 128;
const PROVINCE: u16 = 256;
const DISTRICT: u16 = 512;
const FLAGGED: u16 = 1024;

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

/// Counts per facet value, each over the rows that pass every other filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub years: BTreeMap<i32, usize>,
    pub orgs: BTreeMap<String, usize>,
    pub org_types: BTreeMap<String, usize>,
    pub provinces: BTreeMap<String, usize>,
    pub districts: BTreeMap<String, usize>,
    pub methods: BTreeMap<Method, usize>,
    pub stages: BTreeMap<Stage, usize>,
    /// Per band of `AMOUNT_BANDS`.
    pub amount_bands: [usize; 4],
    /// Supplier code (in `store.suppliers`) → processes won, over the rows that pass every other filter.
    pub suppliers: BTreeMap<u32, usize>,
    /// Rows with a risk signal among those that pass every other filter, and how many rows that is.
    pub flagged: usize,
    pub flaggable: usize,
}

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

fn in_range(amount: Option<Satang>, min: Option<Satang>, max: Option<Satang>) -> bool {
    amount.is_some_and(|a| min.is_none_or(|m| a >= m) && max.is_none_or(|m| a <= m))
}

/// For each row of `rows`, the set of filters it fails, as bits.
fn marks(store: &Store, filter: &Filter, rows: &[u32], flagged: Option<&[bool]>) -> Vec<u16> {
    let needle = search_key(&filter.text);
    let orgs: BTreeSet<u32> = filter.orgs.iter().filter_map(|o| store.orgs.lookup(o)).collect();
    let supplier = filter.supplier.as_deref().map(|s| store.suppliers.lookup(s));
    // Organisation attributes are per organisation: decide once per organisation code, not per row.
    let none = OrgAttrs::default();
    let org_marks: Vec<u16> = (0..store.orgs.len())
        .map(|code| {
            let a = store.org_attrs.get(code).unwrap_or(&none);
            let mut m = 0;
            if !filter.org_types.is_empty() && !filter.org_types.contains(&a.org_type) {
                m |= ORG_TYPE;
            }
            if !filter.provinces.is_empty() && !filter.provinces.contains(&a.province) {
                m |= PROVINCE;
            }
            if !filter.districts.is_empty() && !filter.districts.contains(&a.district) {
                m |= DISTRICT;
            }
            if !filter.orgs.is_empty() && !orgs.contains(&(code as u32)) {
                m |= ORG;
            }
            m
        })
        .collect();
    let by_amount = filter.min_amount.is_some() || filter.max_amount.is_some();
    rows.iter()
        .map(|&r| {
            let i = r as usize;
            let mut m = org_marks[store.org[i] as usize];
            if !needle.is_empty() && !store.search[i].contains(needle.as_str()) {
                m |= TEXT;
            }
            if let Some((from, to)) = filter.years {
                if !(from..=to).contains(&store.fiscal_year[i]) {
                    m |= YEAR;
                }
            }
            if !filter.methods.is_empty() && !filter.methods.contains(&store.method[i]) {
                m |= METHOD;
            }
            if !filter.stages.is_empty() && !filter.stages.contains(&store.stage[i]) {
                m |= STAGE;
            }
            if by_amount && !in_range(amount_of(store, i), filter.min_amount, filter.max_amount) {
                m |= AMOUNT;
            }
            if let Some(s) = supplier {
                if !s.is_some_and(|code| store.suppliers_of(r).contains(&code)) {
                    m |= SUPPLIER;
                }
            }
            if filter.only_flagged && !flagged.is_some_and(|f| f.get(i).copied().unwrap_or(false)) {
                m |= FLAGGED;
            }
            m
        })
        .collect()
}

/// The rows of `within` (all rows when None) that pass every filter, in order, and the facet counts.
/// `flagged[row]` says whether a row has a risk signal; without it, "only flagged" keeps nothing.
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
    let mut selected = Vec::new();
    let mut counts = FacetCounts::default();
    // Counted into plain arrays by code, turned into named maps once at the end: a country's rows cost no
    // string work here.
    let n_orgs = store.orgs.len();
    let (mut by_org, mut by_type, mut by_province, mut by_district) =
        (vec![0usize; n_orgs], vec![0usize; n_orgs], vec![0usize; n_orgs], vec![0usize; n_orgs]);
    let mut methods = [0usize; Method::ALL.len()];
    let mut stages = [0usize; Stage::ALL.len()];
    let mut suppliers = vec![0usize; store.suppliers.len()];
    for (&r, &m) in rows.iter().zip(&marks) {
        let i = r as usize;
        let o = store.org[i] as usize;
        if m == 0 {
            selected.push(r);
        }
        if m & !YEAR == 0 {
            *counts.years.entry(store.fiscal_year[i]).or_default() += 1;
        }
        by_org[o] += usize::from(m & !ORG == 0);
        by_type[o] += usize::from(m & !ORG_TYPE == 0);
        by_province[o] += usize::from(m & !PROVINCE == 0);
        by_district[o] += usize::from(m & !DISTRICT == 0);
        methods[store.method[i] as usize] += usize::from(m & !METHOD == 0);
        stages[store.stage[i] as usize] += usize::from(m & !STAGE == 0);
        if m & !AMOUNT == 0 {
            let amount = amount_of(store, i);
            for (band, (min, max)) in AMOUNT_BANDS.iter().enumerate() {
                if in_range(amount, *min, *max) {
                    counts.amount_bands[band] += 1;
                }
            }
        }
        if m & !SUPPLIER == 0 {
            for &s in store.suppliers_of(r) {
                suppliers[s as usize] += 1;
            }
        }
        if m & !FLAGGED == 0 {
            counts.flaggable += 1;
            if flagged.is_some_and(|f| f.get(i).copied().unwrap_or(false)) {
                counts.flagged += 1;
            }
        }
    }
    let none = OrgAttrs::default();
    let attrs = |code: usize| store.org_attrs.get(code).unwrap_or(&none);
    let named = |per_org: &[usize], key: &dyn Fn(&OrgAttrs) -> &String| {
        let mut out: BTreeMap<String, usize> = BTreeMap::new();
        for (code, &n) in per_org.iter().enumerate().filter(|(_, n)| **n > 0) {
            *out.entry(key(attrs(code)).clone()).or_default() += n;
        }
        out
    };
    counts.org_types = named(&by_type, &|a| &a.org_type);
    counts.provinces = named(&by_province, &|a| &a.province);
    counts.districts = named(&by_district, &|a| &a.district);
    counts.orgs = by_org
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(code, &n)| (store.orgs.get(code as u32).to_string(), n))
        .collect();
    counts.methods = Method::ALL.iter().zip(methods).filter(|(_, n)| *n > 0).map(|(m, n)| (*m, n)).collect();
    counts.stages = Stage::ALL.iter().zip(stages).filter(|(_, n)| *n > 0).map(|(s, n)| (*s, n)).collect();
    counts.suppliers = suppliers.iter().enumerate().filter(|(_, n)| **n > 0).map(|(code, &n)| (code as u32, n)).collect();
    (selected, counts)
}

#[cfg(test)]
mod tests;
