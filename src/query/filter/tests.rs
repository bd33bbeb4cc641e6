//! The filter against an independent brute-force computation over the typed processes.
use super::*;
use crate::demo::rng::Rng;
use crate::domain::org::Organisation;
use crate::query::test_data::store;

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
        assert_eq!(counts.methods, brute_counts(&store, &f, METHOD, &flagged, &orgs, |i| Some(Method::from_ocds(p(i).method()))));
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
