//! Filters over the store and facet counts that respect the other filters (a facet's own choice does not
//! narrow its own counts, as readers of faceted search expect). One pass marks which filters each row
//! fails; selection and every facet's counts are read from those marks.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::money::Satang;
use crate::domain::ocds::Stage;
use crate::domain::text::search_key;
use crate::query::store::{Method, Store, NONE};

/// What the reader filters on; an empty field does not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Thai or English words; matched as a substring of the normalised text (Thai has no spaces).
    pub text: String,
    /// Fiscal years (BE), inclusive.
    pub years: Option<(i32, i32)>,
    pub orgs: BTreeSet<String>,
    pub methods: BTreeSet<Method>,
    pub stages: BTreeSet<Stage>,
    /// On the contract value, or the reference price when there is no contract yet.
    pub min_amount: Option<Satang>,
    pub max_amount: Option<Satang>,
    pub supplier: Option<String>,
}

const TEXT: u8 = 1;
const YEAR: u8 = 2;
const ORG: u8 = 4;
const METHOD: u8 = 8;
const STAGE: u8 = 16;
const AMOUNT: u8 = 32;
const SUPPLIER: u8 = 64;

/// Counts per facet value, each over the rows that pass every other filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub years: BTreeMap<i32, usize>,
    pub orgs: BTreeMap<String, usize>,
    pub methods: BTreeMap<Method, usize>,
    pub stages: BTreeMap<Stage, usize>,
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

/// For each row of `rows`, the set of filters it fails, as bits.
fn marks(store: &Store, filter: &Filter, rows: &[u32]) -> Vec<u8> {
    let needle = search_key(&filter.text);
    let orgs: BTreeSet<u32> = filter.orgs.iter().filter_map(|o| store.orgs.lookup(o)).collect();
    let supplier = filter.supplier.as_deref().map(|s| store.suppliers.lookup(s));
    rows.iter()
        .map(|&r| {
            let i = r as usize;
            let mut m = 0;
            if !needle.is_empty() && !store.search[i].contains(needle.as_str()) {
                m |= TEXT;
            }
            if let Some((from, to)) = filter.years {
                if !(from..=to).contains(&store.fiscal_year[i]) {
                    m |= YEAR;
                }
            }
            if !filter.orgs.is_empty() && !orgs.contains(&store.org[i]) {
                m |= ORG;
            }
            if !filter.methods.is_empty() && !filter.methods.contains(&store.method[i]) {
                m |= METHOD;
            }
            if !filter.stages.is_empty() && !filter.stages.contains(&store.stage[i]) {
                m |= STAGE;
            }
            if filter.min_amount.is_some() || filter.max_amount.is_some() {
                let ok = amount_of(store, i)
                    .is_some_and(|a| filter.min_amount.is_none_or(|m| a >= m) && filter.max_amount.is_none_or(|m| a <= m));
                if !ok {
                    m |= AMOUNT;
                }
            }
            if let Some(s) = supplier {
                if !s.is_some_and(|code| store.suppliers_of(r).contains(&code)) {
                    m |= SUPPLIER;
                }
            }
            m
        })
        .collect()
}

/// The rows of `within` (all rows when None) that pass every filter, in order, and the facet counts.
pub fn apply(store: &Store, filter: &Filter, within: Option<&[u32]>) -> (Vec<u32>, FacetCounts) {
    let all: Vec<u32>;
    let rows = match within {
        Some(rows) => rows,
        None => {
            all = (0..store.len() as u32).collect();
            &all
        }
    };
    let marks = marks(store, filter, rows);
    let mut selected = Vec::new();
    let mut counts = FacetCounts::default();
    for (&r, &m) in rows.iter().zip(&marks) {
        let i = r as usize;
        if m == 0 {
            selected.push(r);
        }
        if m & !YEAR == 0 {
            *counts.years.entry(store.fiscal_year[i]).or_default() += 1;
        }
        if m & !ORG == 0 {
            *counts.orgs.entry(store.orgs.get(store.org[i]).to_string()).or_default() += 1;
        }
        if m & !METHOD == 0 {
            *counts.methods.entry(store.method[i]).or_default() += 1;
        }
        if m & !STAGE == 0 {
            *counts.stages.entry(store.stage[i]).or_default() += 1;
        }
    }
    (selected, counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::rng::Rng;
    use crate::domain::calendar::FiscalYear;
    use crate::domain::issue::JsonPath;
    use crate::domain::ocds::Process;
    use crate::ingest::ocds::release::read_release;
    use crate::ingest::reader::Reader;

    fn store(n: usize) -> Store {
        let orgs = crate::demo::orgs::organisations();
        let mut rng = Rng::new(11);
        let suppliers = crate::demo::procurement::suppliers(&mut rng);
        let mut store = Store::default();
        for i in 0..n {
            let org = &orgs[i % orgs.len()];
            let mut v =
                crate::demo::procurement::compiled_process(&mut rng, org, FiscalYear(crate::demo::YEARS[i % 3]), i, &suppliers);
            v["ocid"] = format!("o-{i}").into();
            let mut reader = Reader::new("t", JsonPath::root());
            let release = read_release(&mut reader, v.as_object().unwrap()).unwrap();
            store.add(Some(&org.code), None, vec![Process { compiled: release, history: Vec::new() }]);
        }
        store
    }

    /// The same question answered from the typed processes, without the store's columns or marks.
    fn brute(store: &Store, f: &Filter, skip: u8) -> Vec<u32> {
        (0..store.len() as u32)
            .filter(|&r| {
                let p = &store.processes[r as usize].compiled;
                let org = store.orgs.get(store.org[r as usize]);
                let year =
                    p.tender.as_ref().and_then(|t| t.tender_period.as_ref()?.start_date).map(|d| d.fiscal_year().0).unwrap_or(0);
                let amount = p.contract_value().or(p.reference_price());
                let text_ok = f.text.is_empty() || {
                    let hay: Vec<String> = [Some(p.ocid.as_str()), p.title(), p.buyer.as_ref().and_then(|b| b.name.as_deref())]
                        .into_iter()
                        .flatten()
                        .chain(p.tender.iter().flat_map(|t| t.items.iter().filter_map(|i| i.description.as_deref())))
                        .chain(p.awards.iter().flat_map(|a| a.suppliers.iter().filter_map(|s| s.name.as_deref())))
                        .map(search_key)
                        .collect();
                    hay.iter().any(|h| h.contains(&search_key(&f.text)))
                };
                (skip & TEXT != 0 || text_ok)
                    && (skip & YEAR != 0 || f.years.is_none_or(|(a, b)| (a..=b).contains(&year)))
                    && (skip & ORG != 0 || f.orgs.is_empty() || f.orgs.contains(org))
                    && (skip & METHOD != 0 || f.methods.is_empty() || f.methods.contains(&Method::from_ocds(p.method())))
                    && (skip & STAGE != 0 || f.stages.is_empty() || f.stages.contains(&p.stage()))
                    && (skip & AMOUNT != 0
                        || (f.min_amount.is_none() && f.max_amount.is_none())
                        || amount.is_some_and(|a| f.min_amount.is_none_or(|m| a >= m) && f.max_amount.is_none_or(|m| a <= m)))
                    && (skip & SUPPLIER != 0
                        || f.supplier.as_ref().is_none_or(|s| {
                            p.awards
                                .iter()
                                .filter(|a| a.status.as_deref() == Some("active"))
                                .any(|a| a.suppliers.iter().any(|x| x.id.as_ref() == Some(s)))
                        }))
            })
            .collect()
    }

    fn random_filter(rng: &mut Rng, store: &Store) -> Filter {
        let mut f = Filter::default();
        if rng.chance(0.4) {
            f.text = rng.pick(&["ถนน", "ก่อสร้าง ถนน", "คอมพิวเตอร์", "หมู่ที่ ๕", "สาธิต", "e-bidding", "นม"]).to_string();
        }
        if rng.chance(0.4) {
            let a = rng.range(2566, 2569) as i32;
            f.years = Some((a, a + rng.range(0, 2) as i32));
        }
        if rng.chance(0.4) {
            f.orgs.insert(store.orgs.get(rng.range(0, store.orgs.len() as i64) as u32).to_string());
        }
        if rng.chance(0.4) {
            f.methods.insert(*rng.pick(&Method::ALL));
        }
        if rng.chance(0.3) {
            f.stages.insert(*rng.pick(&[Stage::Tender, Stage::Award, Stage::Contract, Stage::Implementation]));
        }
        if rng.chance(0.3) {
            f.min_amount = Some(Satang::from_baht(rng.range(0, 500_000)));
        }
        if rng.chance(0.3) {
            f.max_amount = Some(Satang::from_baht(rng.range(200_000, 3_000_000)));
        }
        if rng.chance(0.2) && !store.suppliers.is_empty() {
            f.supplier = Some(store.suppliers.get(rng.range(0, store.suppliers.len() as i64) as u32).to_string());
        }
        f
    }

    #[test]
    fn selection_and_facet_counts_equal_a_brute_force_computation() {
        let store = store(1500);
        let mut rng = Rng::new(99);
        for _ in 0..60 {
            let f = random_filter(&mut rng, &store);
            let (rows, counts) = apply(&store, &f, None);
            assert_eq!(rows, brute(&store, &f, 0), "{f:?}");
            let mut methods: BTreeMap<Method, usize> = BTreeMap::new();
            for r in brute(&store, &f, METHOD) {
                *methods.entry(Method::from_ocds(store.processes[r as usize].compiled.method())).or_default() += 1;
            }
            assert_eq!(counts.methods, methods, "{f:?}");
            let mut orgs: BTreeMap<String, usize> = BTreeMap::new();
            for r in brute(&store, &f, ORG) {
                *orgs.entry(store.orgs.get(store.org[r as usize]).to_string()).or_default() += 1;
            }
            assert_eq!(counts.orgs, orgs, "{f:?}");
        }
    }

    #[test]
    fn two_facets_narrow_each_others_counts() {
        let store = store(900);
        let all = apply(&store, &Filter::default(), None);
        let mut f = Filter::default();
        f.methods.insert(Method::Limited);
        let by_method = apply(&store, &f, None);
        f.orgs.insert("6200001".into());
        let both = apply(&store, &f, None);
        // The method's own counts ignore the method filter but follow the organisation filter.
        assert_eq!(by_method.1.methods, all.1.methods);
        assert!(both.1.methods.values().sum::<usize>() < all.1.methods.values().sum::<usize>());
        assert_eq!(both.0.len(), both.1.methods[&Method::Limited]);
        assert_eq!(both.0.len(), by_method.1.orgs["6200001"]);
    }

    #[test]
    fn thai_search_ignores_spacing_and_digit_script() {
        let store = store(300);
        let spaced = Filter { text: "ก่อสร้าง ถนน".into(), ..Filter::default() };
        let joined = Filter { text: "ก่อสร้างถนน".into(), ..Filter::default() };
        let (a, _) = apply(&store, &spaced, None);
        assert!(!a.is_empty());
        assert_eq!(a, apply(&store, &joined, None).0);
        let thai_digit = Filter { text: "หมู่ที่ ๑".into(), ..Filter::default() };
        let arabic = Filter { text: "หมู่ที่ 1".into(), ..Filter::default() };
        assert_eq!(apply(&store, &thai_digit, None).0, apply(&store, &arabic, None).0);
    }
}
