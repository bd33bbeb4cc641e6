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
    let mut stages = [0usize; 5];
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
    let all_stages = [Stage::Planning, Stage::Tender, Stage::Award, Stage::Contract, Stage::Implementation];
    counts.stages = all_stages.iter().zip(stages).filter(|(_, n)| *n > 0).map(|(s, n)| (*s, n)).collect();
    counts.suppliers = suppliers.iter().enumerate().filter(|(_, n)| **n > 0).map(|(code, &n)| (code as u32, n)).collect();
    (selected, counts)
}

/// Generated processes through the real reader, for the query layer's tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use crate::demo::rng::Rng;
    use crate::domain::calendar::FiscalYear;
    use crate::domain::issue::JsonPath;
    use crate::domain::ocds::Process;
    use crate::ingest::ocds::release::read_release;
    use crate::ingest::reader::Reader;
    use crate::query::store::Store;

    pub fn store(n: usize) -> Store {
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
        store.describe_orgs(&orgs);
        store
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::store;
    use super::*;
    use crate::demo::rng::Rng;
    use crate::domain::org::Organisation;

    /// A risk-signal mask that does not follow any column the filter reads.
    fn flagged(store: &Store) -> Vec<bool> {
        (0..store.len()).map(|i| i % 7 == 3 || i % 11 == 0).collect()
    }

    /// The same question answered from the typed processes, without the store's columns or marks.
    fn brute(store: &Store, f: &Filter, skip: u16, flagged: &[bool], orgs: &[Organisation]) -> Vec<u32> {
        (0..store.len() as u32)
            .filter(|&r| {
                let p = &store.processes[r as usize].compiled;
                let org = store.orgs.get(store.org[r as usize]);
                let o = orgs.iter().find(|o| o.code == org);
                let org_type = o.map(|o| o.org_type.as_str()).unwrap_or("");
                let province = o.map(|o| o.province.th.as_str()).unwrap_or("");
                let district = o.and_then(|o| o.district.as_ref()).map(|d| d.th.as_str()).unwrap_or("");
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
                    && (skip & ORG_TYPE != 0 || f.org_types.is_empty() || f.org_types.contains(org_type))
                    && (skip & PROVINCE != 0 || f.provinces.is_empty() || f.provinces.contains(province))
                    && (skip & DISTRICT != 0 || f.districts.is_empty() || f.districts.contains(district))
                    && (skip & FLAGGED != 0 || !f.only_flagged || flagged[r as usize])
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
        let orgs = crate::demo::orgs::organisations();
        let o = rng.pick(&orgs);
        if rng.chance(0.3) {
            f.org_types.insert(o.org_type.as_str().to_string());
        }
        if rng.chance(0.2) {
            f.provinces.insert(if rng.chance(0.8) {
                o.province.th.clone()
            } else {
                "ไม่มีจังหวัดนี้".into()
            });
        }
        if rng.chance(0.3) {
            f.districts.insert(o.district.as_ref().map(|d| d.th.clone()).unwrap_or_default());
        }
        f.only_flagged = rng.chance(0.3);
        f
    }

    /// Counts of a facet computed the long way: the rows passing every other filter, grouped by `key`.
    fn brute_counts<K: Ord>(
        store: &Store,
        f: &Filter,
        skip: u16,
        flagged: &[bool],
        orgs: &[Organisation],
        key: impl Fn(usize) -> Option<K>,
    ) -> BTreeMap<K, usize> {
        let mut out = BTreeMap::new();
        for r in brute(store, f, skip, flagged, orgs) {
            if let Some(k) = key(r as usize) {
                *out.entry(k).or_default() += 1;
            }
        }
        out
    }

    #[test]
    fn selection_and_facet_counts_equal_a_brute_force_computation() {
        let store = store(1500);
        let orgs = crate::demo::orgs::organisations();
        let flagged = flagged(&store);
        let org_of = |i: usize| orgs.iter().find(|o| o.code == store.orgs.get(store.org[i]));
        let mut rng = Rng::new(99);
        let mut nonempty = 0;
        for _ in 0..120 {
            let f = random_filter(&mut rng, &store);
            let (rows, counts) = apply(&store, &f, None, Some(&flagged));
            assert_eq!(rows, brute(&store, &f, 0, &flagged, &orgs), "{f:?}");
            nonempty += usize::from(!rows.is_empty());
            let p = |i: usize| &store.processes[i].compiled;
            let c = |skip, key: &dyn Fn(usize) -> Option<String>| brute_counts(&store, &f, skip, &flagged, &orgs, key);
            assert_eq!(
                counts.methods,
                brute_counts(&store, &f, METHOD, &flagged, &orgs, |i| Some(Method::from_ocds(p(i).method())))
            );
            assert_eq!(counts.stages, brute_counts(&store, &f, STAGE, &flagged, &orgs, |i| Some(p(i).stage())), "{f:?}");
            assert_eq!(counts.years, brute_counts(&store, &f, YEAR, &flagged, &orgs, |i| Some(store.fiscal_year[i])));
            assert_eq!(counts.orgs, c(ORG, &|i| Some(store.orgs.get(store.org[i]).to_string())), "{f:?}");
            assert_eq!(counts.org_types, c(ORG_TYPE, &|i| org_of(i).map(|o| o.org_type.as_str().to_string())), "{f:?}");
            assert_eq!(counts.provinces, c(PROVINCE, &|i| org_of(i).map(|o| o.province.th.clone())), "{f:?}");
            assert_eq!(
                counts.districts,
                c(DISTRICT, &|i| org_of(i).map(|o| o.district.as_ref().map(|d| d.th.clone()).unwrap_or_default())),
                "{f:?}"
            );
            let band_rows = brute(&store, &f, AMOUNT, &flagged, &orgs);
            for (band, (min, max)) in AMOUNT_BANDS.iter().enumerate() {
                let n = band_rows
                    .iter()
                    .filter(|&&r| {
                        let a = p(r as usize).contract_value().or(p(r as usize).reference_price());
                        a.is_some_and(|a| min.is_none_or(|m| a >= m) && max.is_none_or(|m| a <= m))
                    })
                    .count();
                assert_eq!(counts.amount_bands[band], n, "band {band} {f:?}");
            }
            let mut suppliers: BTreeMap<u32, usize> = BTreeMap::new();
            for r in brute(&store, &f, SUPPLIER, &flagged, &orgs) {
                let won: BTreeSet<&str> = p(r as usize)
                    .awards
                    .iter()
                    .filter(|a| a.status.as_deref() == Some("active"))
                    .flat_map(|a| a.suppliers.iter().filter_map(|s| s.id.as_deref()))
                    .collect();
                for id in won {
                    *suppliers.entry(store.suppliers.lookup(id).unwrap()).or_default() += 1;
                }
            }
            assert_eq!(counts.suppliers, suppliers, "{f:?}");
            let flaggable = brute(&store, &f, FLAGGED, &flagged, &orgs);
            assert_eq!(counts.flaggable, flaggable.len());
            assert_eq!(counts.flagged, flaggable.iter().filter(|&&r| flagged[r as usize]).count());
        }
        // The random filters are not all so narrow that the comparison is between empty sets.
        assert!(nonempty > 40, "{nonempty}");
    }

    #[test]
    fn two_facets_narrow_each_others_counts() {
        let store = store(900);
        let all = apply(&store, &Filter::default(), None, None);
        let mut f = Filter::default();
        f.methods.insert(Method::Limited);
        let by_method = apply(&store, &f, None, None);
        f.orgs.insert("6200001".into());
        let both = apply(&store, &f, None, None);
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
        let (a, _) = apply(&store, &spaced, None, None);
        assert!(!a.is_empty());
        assert_eq!(a, apply(&store, &joined, None, None).0);
        let thai_digit = Filter { text: "หมู่ที่ ๑".into(), ..Filter::default() };
        let arabic = Filter { text: "หมู่ที่ 1".into(), ..Filter::default() };
        assert_eq!(apply(&store, &thai_digit, None, None).0, apply(&store, &arabic, None, None).0);
    }
}
