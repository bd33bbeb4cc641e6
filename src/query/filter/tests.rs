//! The filter against an independent brute-force computation over the typed processes.
use std::collections::BTreeMap;

use super::*;
use crate::demo::rng::Rng;
use crate::domain::org::OrgType;
use crate::domain::text::search_key;

const METHOD: u16 = 1 << Dim::Method as u16;
const STAGE: u16 = 1 << Dim::Stage as u16;
const CATEGORY: u16 = 1 << Dim::Category as u16;
const ORG_TYPE: u16 = 1 << Dim::OrgType as u16;
const PROVINCE: u16 = 1 << Dim::Province as u16;
const DISTRICT: u16 = 1 << Dim::District as u16;
const ORG: u16 = 1 << Dim::Org as u16;
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
            let org_type = o.map(|o| o.org_type);
            let province = o.map(|o| o.province.th.as_str()).unwrap_or("");
            let district = o.and_then(|o| o.district.as_ref()).map(|d| d.th.as_str()).unwrap_or("");
            let year =
                p.tender.as_ref().and_then(|t| t.tender_period.as_ref()?.start_date).map(|d| d.fiscal_year().0).unwrap_or(0);
            let amount = p.contract_value().or(p.reference_price());
            // Every word of the search, in any order, somewhere in one of the fields.
            let text_ok = {
                let hay: Vec<String> = [Some(p.ocid.as_str()), p.title(), p.buyer.as_ref().and_then(|b| b.name.as_deref())]
                    .into_iter()
                    .flatten()
                    .chain(p.tender.iter().filter_map(|t| t.description.as_deref()))
                    .chain(p.tender.iter().flat_map(|t| t.items.iter().filter_map(|i| i.description.as_deref())))
                    .chain(
                        p.awards
                            .iter()
                            .flat_map(|a| a.suppliers.iter().flat_map(|s| [s.name.as_deref(), s.id.as_deref()]))
                            .flatten(),
                    )
                    .map(search_key)
                    .collect();
                f.text.split_whitespace().map(search_key).all(|w| hay.iter().any(|h| h.contains(&w)))
            };
            (skip & TEXT != 0 || text_ok)
                && (skip & YEAR != 0 || f.years().is_none_or(|(a, b)| (a..=b).contains(&year)))
                && (skip & ORG != 0 || f.orgs.is_empty() || f.orgs.contains(org))
                && (skip & ORG_TYPE != 0 || f.org_types.is_empty() || org_type.is_some_and(|t| f.org_types.contains(&t)))
                && (skip & PROVINCE != 0 || f.provinces.is_empty() || f.provinces.contains(province))
                && (skip & DISTRICT != 0 || f.districts.is_empty() || f.districts.contains(district))
                && (skip & FLAGGED != 0 || !f.only_flagged || flagged[r as usize])
                && (skip & METHOD != 0 || f.methods.is_empty() || f.methods.contains(&Method::from_ocds(p.method())))
                && (skip & STAGE != 0 || f.stages.is_empty() || f.stages.contains(&p.stage()))
                && (skip & CATEGORY != 0 || f.categories.is_empty() || f.categories.contains(&category(p)))
                && (skip & AMOUNT != 0
                    || (f.min.is_none() && f.max.is_none())
                    || amount.is_some_and(|a| f.min.is_none_or(|m| a >= m) && f.max.is_none_or(|m| a <= m)))
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

/// A process's category, read from the typed release.
fn category(p: &crate::domain::ocds::Release) -> crate::domain::codes::Category {
    crate::domain::codes::Category::from_ocds(p.tender.as_ref().and_then(|t| t.main_procurement_category.as_deref()))
}

fn random_filter(rng: &mut Rng, store: &Store) -> Filter {
    let mut f = Filter::default();
    if rng.chance(0.4) {
        f.text = rng
            .pick(&[
                "ถนน",
                "ก่อสร้าง ถนน",
                "ถนน ก่อสร้าง",
                "คอมพิวเตอร์",
                "หมู่ที่ ๕",
                "สาธิต",
                "e-bidding",
                "นม",
                "ถนน เทศบาล",
                "ซื้อ  สำนักงาน",
            ])
            .to_string();
    }
    if rng.chance(0.4) {
        let a = rng.range(2566, 2569) as i32;
        f.from = Some(a).filter(|_| rng.chance(0.9));
        f.to = Some(a + rng.range(0, 2) as i32);
    }
    if rng.chance(0.4) {
        f.orgs.insert(store.orgs.get(rng.range(0, store.orgs.len() as i64) as u32).to_string());
    }
    if rng.chance(0.4) {
        f.methods.insert(*rng.pick(Method::ALL));
    }
    if rng.chance(0.3) {
        f.stages.insert(*rng.pick(&[Stage::Tender, Stage::Award, Stage::Contract, Stage::Implementation]));
    }
    if rng.chance(0.15) {
        f.categories.insert(*rng.pick(crate::domain::codes::Category::ALL));
    }
    if rng.chance(0.3) {
        f.min = Some(Satang::baht(rng.range(0, 500_000)));
    }
    if rng.chance(0.3) {
        f.max = Some(Satang::baht(rng.range(200_000, 3_000_000)));
    }
    if rng.chance(0.2) && !store.suppliers.is_empty() {
        f.supplier = Some(store.suppliers.get(rng.range(0, store.suppliers.len() as i64) as u32).to_string());
    }
    let orgs = crate::demo::orgs::organisations();
    let o = rng.pick(&orgs);
    if rng.chance(0.3) {
        f.org_types.insert(o.org_type);
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
        // Within one organisation's rows, as its page asks: few enough that search checks row by row.
        let org_rows = &store.by_org[&store.org[0]];
        assert!(org_rows.len() * 8 < store.len());
        let expected: Vec<u32> = rows.iter().copied().filter(|r| org_rows.contains(r)).collect();
        assert_eq!(apply(&store, &f, Some(org_rows), Some(&flagged)).0, expected, "{f:?} within one organisation");
        nonempty += usize::from(!rows.is_empty());
        let p = |i: usize| &store.processes[i].compiled;
        let c = |skip, key: &dyn Fn(usize) -> Option<String>| brute_counts(&store, &f, skip, &flagged, &orgs, key);
        let methods = brute_counts(&store, &f, METHOD, &flagged, &orgs, |i| Some(Method::from_ocds(p(i).method())));
        assert_eq!(counts.coded::<Method>(Dim::Method), methods);
        assert_eq!(
            counts.coded::<Stage>(Dim::Stage),
            brute_counts(&store, &f, STAGE, &flagged, &orgs, |i| Some(p(i).stage())),
            "{f:?}"
        );
        let categories = brute_counts(&store, &f, CATEGORY, &flagged, &orgs, |i| Some(category(p(i))));
        assert_eq!(counts.coded::<crate::domain::codes::Category>(Dim::Category), categories, "{f:?}");
        assert_eq!(counts.years, brute_counts(&store, &f, YEAR, &flagged, &orgs, |i| Some(store.fiscal_year[i])));
        assert_eq!(counts.named(Dim::Org, &store), c(ORG, &|i| Some(store.orgs.get(store.org[i]).to_string())), "{f:?}");
        let types = brute_counts(&store, &f, ORG_TYPE, &flagged, &orgs, |i| org_of(i).map(|o| o.org_type));
        assert_eq!(counts.coded::<OrgType>(Dim::OrgType), types, "{f:?}");
        assert_eq!(counts.named(Dim::Province, &store), c(PROVINCE, &|i| org_of(i).map(|o| o.province.th.clone())), "{f:?}");
        assert_eq!(
            counts.named(Dim::District, &store),
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
        let mut expected: Vec<(u32, usize)> = suppliers.into_iter().collect();
        expected.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let chosen = f.supplier.as_deref().and_then(|s| store.suppliers.lookup(s));
        let chosen_below = expected.iter().skip(SUPPLIER_FACET).copied().find(|(c, _)| Some(*c) == chosen);
        expected.truncate(SUPPLIER_FACET);
        expected.extend(chosen_below);
        assert_eq!(counts.suppliers, expected, "{f:?}");
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
    let methods = |c: &FacetCounts| c.coded::<Method>(Dim::Method);
    assert_eq!(methods(&by_method.1), methods(&all.1));
    assert!(methods(&both.1).values().sum::<usize>() < methods(&all.1).values().sum::<usize>());
    assert_eq!(both.0.len(), methods(&both.1)[&Method::Limited]);
    assert_eq!(both.0.len(), by_method.1.named(Dim::Org, &store)["6200001"]);
}

#[test]
fn every_word_must_match_somewhere_in_any_order() {
    let store = store(300);
    let search = |text: &str| apply(&store, &Filter { text: text.into(), ..Filter::default() }, None, None).0;
    let road = search("ถนน");
    let buyer = search("เทศบาลเมืองกำแพงเพชร");
    let both = search("ถนน เทศบาลเมืองกำแพงเพชร");
    // Words from the title and from the buyer find the processes that have both, whichever comes first.
    assert!(!both.is_empty() && both.len() < road.len());
    assert_eq!(both, road.iter().copied().filter(|r| buyer.contains(r)).collect::<Vec<_>>());
    assert_eq!(both, search("เทศบาลเมืองกำแพงเพชร   ถนน"));
    assert!(search("ถนน ไม่มีคำนี้แน่นอน").is_empty());
}

#[test]
fn thai_search_ignores_spacing_and_digit_script() {
    let store = store(300);
    let spaced = Filter { text: "ก่อสร้าง ถนน".into(), ..Filter::default() };
    let joined = Filter { text: "ก่อสร้างถนน".into(), ..Filter::default() };
    let (a, _) = apply(&store, &joined, None, None);
    assert!(!a.is_empty());
    // The words of a phrase find everything the phrase does, and perhaps more.
    let words = apply(&store, &spaced, None, None).0;
    assert!(a.iter().all(|r| words.contains(r)));
    let thai_digit = Filter { text: "หมู่ที่ ๑".into(), ..Filter::default() };
    let arabic = Filter { text: "หมู่ที่ 1".into(), ..Filter::default() };
    assert_eq!(apply(&store, &thai_digit, None, None).0, apply(&store, &arabic, None, None).0);
}

#[test]
fn the_supplier_facet_is_the_head_then_the_chosen_supplier() {
    let won: Vec<usize> = (0..30).map(|code| code % 7).collect();
    let head = vec![(6, 6), (13, 6), (20, 6), (27, 6), (5, 5), (12, 5), (19, 5), (26, 5), (4, 4), (11, 4)];
    assert_eq!(most_won(&won, None), head);
    assert_eq!(most_won(&won, Some(13)), head);
    // A chosen supplier that won nothing is not a value; the facet offers it to clear.
    assert_eq!(most_won(&won, Some(7)), head);
    let mut with_chosen = head.clone();
    with_chosen.push((3, 3));
    assert_eq!(most_won(&won, Some(3)), with_chosen);
    assert_eq!(most_won(&won[..3], Some(1)), vec![(2, 2), (1, 1)]);
}

#[test]
fn dimensions_are_listed_in_bit_order() {
    // `apply` finds a dimension from its bit by position in `Dim::ALL`.
    for (k, d) in Dim::ALL.iter().enumerate() {
        assert_eq!(d.bit(), 1 << k);
    }
}

#[test]
fn an_amount_falls_in_the_one_band_whose_range_holds_it() {
    let edges = AMOUNT_BANDS.iter().flat_map(|(min, max)| [*min, *max]).flatten().map(|s| s.0);
    let near: Vec<i64> = edges.flat_map(|e| [e - 1, e, e + 1]).chain([i64::MIN + 1, -5, 0, 1, i64::MAX - 1]).collect();
    for a in near.into_iter().map(Satang) {
        let holding: Vec<usize> =
            (0..AMOUNT_BANDS.len()).filter(|&b| in_range(Some(a), AMOUNT_BANDS[b].0, AMOUNT_BANDS[b].1)).collect();
        assert_eq!(holding, vec![amount_band(a)], "{a:?}");
    }
}
