//! The store: rows from releases, the dictionaries and indexes, and its heap per process.
use super::*;
use crate::domain::calendar::FiscalYear;
use crate::domain::issue::JsonPath;
use crate::domain::ocds::Process;
use crate::ingest::ocds::release::read_release;
use crate::ingest::reader::Reader;

/// Generated processes over several organisations and years, through the real reader.
fn generated(n: usize) -> Vec<(String, Process)> {
    let orgs = crate::demo::orgs::organisations();
    let mut rng = crate::demo::rng::Rng::new(7);
    let suppliers = crate::demo::procurement::suppliers(&mut rng);
    (0..n)
        .filter_map(|i| {
            let org = &orgs[i % 5];
            let year = FiscalYear(crate::demo::YEARS[i % 3]);
            let mut v = crate::demo::procurement::compiled_process(&mut rng, org, year, i, &suppliers);
            v["ocid"] = format!("o-{i}").into();
            let mut r = Reader::new("t", JsonPath::root());
            let release = read_release(&mut r, v.as_object()?)?;
            Some((org.code.clone(), Process { compiled: release, history: Vec::new() }))
        })
        .collect()
}

#[test]
fn indexed_selection_equals_a_brute_force_scan() {
    let data = generated(600);
    let mut store = Store::default();
    for (org, p) in data.iter().cloned() {
        store.add(Some(&org), None, vec![p]);
    }
    for org in [None, Some("6200001"), Some("6200202"), Some("nobody")] {
        for year in [None, Some(2566), Some(2568), Some(2400)] {
            let expected: Vec<u32> = (0..data.len() as u32)
                .filter(|&i| {
                    let (o, p) = &data[i as usize];
                    let y =
                        p.compiled.tender.as_ref().and_then(|t| t.tender_period.as_ref()?.start_date).map(|d| d.fiscal_year().0);
                    org.is_none_or(|x| x == o) && year.is_none_or(|x| Some(x) == y)
                })
                .collect();
            assert_eq!(store.select(org, year), expected, "{org:?} {year:?}");
        }
    }
    // Supplier index: every row it lists has that supplier, and every row with it is listed.
    for code in 0..store.suppliers.len() as u32 {
        let id = store.suppliers.get(code).to_string();
        let brute: Vec<u32> = (0..store.len() as u32).filter(|&r| store.suppliers_of(r).contains(&code)).collect();
        assert_eq!(store.rows_of_supplier(&id), brute.as_slice());
    }
    // Money sums over the selection equal sums over the typed processes, to the satang.
    let rows = store.select(Some("6200001"), None);
    let totals = crate::query::summary::totals(&store, &rows);
    let brute: i64 = rows.iter().filter_map(|&r| store.processes[r as usize].compiled.contract_value()).map(|s| s.0).sum();
    assert_eq!(totals.contract_value.satang_i128(), i128::from(brute));
    assert!(rows.len() > 50 && totals.with_contract > 0);
}

#[test]
fn the_filterable_columns_stay_within_100_bytes_a_process() {
    let store = crate::query::test_data::store(900);
    let heap = store.heap();
    let per = heap.columns_used as f64 / store.len() as f64;
    // Fixed-width columns alone: codes, three money columns, two dates and four u32 columns.
    assert!((60.0..=100.0).contains(&per), "{per:.1} B per process");
    assert!(heap.columns >= heap.columns_used);
    assert!(heap.texts > 0 && heap.search > 0 && heap.indexes > 0);
}

#[test]
fn rows_made_room_for_fill_the_columns_without_slack() {
    let raw = crate::query::test_data::store(300);
    let all: Vec<u32> = (0..raw.len() as u32).collect();
    let bytes = crate::query::rows::encode(&raw, &all);
    let mut grown = Store::default();
    crate::query::rows::decode_into(&mut grown, &bytes).unwrap();
    let mut reserved = Store::default();
    reserved.reserve(300);
    crate::query::rows::decode_into(&mut reserved, &bytes).unwrap();
    let (g, r) = (grown.heap(), reserved.heap());
    assert_eq!(g.columns_used, r.columns_used);
    // The per-row columns hold what they use; the supplier and bidder lists vary per row and still grow.
    let lists = |s: &Store| (s.supplier_codes.capacity() + s.bidder_codes.capacity()) * 4;
    assert_eq!(r.columns - lists(&reserved), r.columns_used - (reserved.supplier_codes.len() + reserved.bidder_codes.len()) * 4);
    assert!(g.columns > r.columns, "growing by doubling leaves slack: {} vs {}", g.columns, r.columns);
}
