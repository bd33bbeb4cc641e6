//! Loading: which files a scope wants, raw files compiled across files, shards and their flags.
use super::*;
use crate::domain::calendar::FiscalYear;
use crate::domain::catalog::Publisher;
use crate::domain::org::LocalText;

fn dataset(url: &str, org: &str) -> Dataset {
    Dataset {
        id: url.into(),
        kind: DatasetKind::Procurement,
        format: DataFormat::Ocds,
        organisation: Some(org.into()),
        fiscal_year: Some(FiscalYear(2568)),
        province_code: None,
        size: None,
        rows: None,
        url: url.into(),
        sha256: None,
        published: None,
        source: None,
        demonstration: false,
        incomplete: None,
    }
}

fn catalog(datasets: Vec<Dataset>) -> Catalog {
    Catalog {
        catalog_version: "1.0".into(),
        publisher: Publisher { name: LocalText::th("ก"), website: None, complaints: Vec::new(), participation: None },
        organisations: Vec::new(),
        datasets,
        demonstration: false,
        notice: None,
        parts: Vec::new(),
    }
}

const TENDER: &str = r#"{"version":"1.1","releases":[{"ocid":"ocds-x-1","id":"1","date":"2024-11-01T00:00:00Z","tag":["tender"],"tender":{"title":"ถนน","value":{"amount":1000,"currency":"THB"}}}]}"#;
const AWARD: &str = r#"{"version":"1.1","releases":[{"ocid":"ocds-x-1","id":"2","date":"2024-12-01T00:00:00Z","tag":["contract"],"contracts":[{"id":"c1","value":{"amount":900,"currency":"THB"}}]}]}"#;

#[test]
fn one_process_in_two_files_is_one_row_with_both_releases() {
    let (a, b) = (dataset("a.json", "6200101"), dataset("b.json", "6200101"));
    let c = catalog(vec![a.clone(), b.clone()]);
    let loaded = build::<()>(&c, vec![(&a, Ok(TENDER.into())), (&b, Ok(AWARD.into()))]);
    assert_eq!(loaded.store.len(), 1);
    let p = &loaded.store.processes[0];
    assert_eq!(p.compiled.reference_price().map(|s| s.whole_baht()), Some(1000));
    assert_eq!(p.compiled.contract_value().map(|s| s.whole_baht()), Some(900));
    assert_eq!(p.history.len(), 2);
}

#[test]
fn the_same_release_in_two_files_is_counted_once() {
    let (a, b) = (dataset("a.json", "6200101"), dataset("copy.json", "6200101"));
    let c = catalog(vec![a.clone(), b.clone()]);
    let loaded = build::<()>(&c, vec![(&a, Ok(TENDER.into())), (&b, Ok(TENDER.into()))]);
    assert_eq!(loaded.store.len(), 1);
    let totals = crate::query::summary::totals(&loaded.store, &[0]);
    assert_eq!(totals.reference_price.to_baht_f64(), 1000.0);
}

#[test]
fn raw_files_past_the_limit_are_left_out_and_said_and_the_rest_loads() {
    let (a, b, c) = (dataset("a.json", "6200101"), dataset("b.json", "6200101"), dataset("c.json", "6200101"));
    let cat = catalog(vec![a.clone(), b.clone(), c.clone()]);
    let mut builder = Builder::<()>::new(&cat);
    builder.raw_limit = TENDER.len() + AWARD.len();
    builder.add(&a, Ok(TENDER.into()));
    builder.add(&b, Ok(AWARD.into()));
    builder.add(&c, Ok(TENDER.replace("ocds-x-1", "ocds-x-2").into()));
    let loaded = builder.finish();
    assert_eq!(loaded.store.len(), 1, "a and b are one process; c is left out");
    let left: Vec<&str> = loaded.issues.iter().filter(|i| i.code == "raw-too-large").map(|i| i.file.as_str()).collect();
    assert_eq!(left, ["c.json"]);
}

#[test]
fn a_dataset_that_failed_is_named_and_the_rest_loads() {
    let (a, b) = (dataset("a.json", "6200101"), dataset("gone.json", "6200101"));
    let c = catalog(vec![a.clone(), b.clone()]);
    let loaded = build(&c, vec![(&a, Ok(TENDER.into())), (&b, Err("404"))]);
    assert_eq!((loaded.store.len(), loaded.failed.len()), (1, 1));
    assert_eq!(loaded.failed[0], ("gone.json".to_string(), "404"));
}

#[test]
fn incomplete_datasets_are_named_by_reason() {
    let why = LocalText::both("อาจไม่ครบ", "may be incomplete");
    let mut a = dataset("a.json", "6200101");
    a.incomplete = Some(why.clone());
    let b = dataset("b.json", "6200102");
    let mut c = catalog(vec![a, b]);
    c.organisations = crate::demo::orgs::organisations()
        .into_iter()
        .take(1)
        .map(|mut o| {
            o.code = "6200101".into();
            o
        })
        .collect();
    let all = incomplete(&c, None);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].0, all[0].1.len()), (&why, 1), "one reason, naming the organisation");
    let own = incomplete(&c, Some("6200101"));
    assert_eq!((own.len(), own[0].1.len()), (1, 0), "its own page need not name it");
    assert!(incomplete(&c, Some("6200102")).is_empty());
}

fn listed(kind: DatasetKind, org: Option<&str>, province: Option<&str>, url: &str) -> Dataset {
    Dataset { kind, organisation: org.map(str::to_string), province_code: province.map(str::to_string), ..dataset(url, "") }
}

#[test]
fn a_view_wants_its_shards_each_followed_by_its_flags_and_the_raw_files_without_shards() {
    use DatasetKind::{Flags, Procurement, Rows};
    let orgs = crate::demo::orgs::organisations();
    let (a, b) = (orgs[0].code.as_str(), orgs[1].code.as_str());
    let mut raw = catalog(vec![
        listed(Procurement, Some(a), None, "procurement/a.jsonl"),
        listed(Procurement, Some(b), None, "procurement/b.jsonl"),
        listed(Flags, Some(a), None, "flags/a.json"),
        listed(Flags, Some(b), None, "flags/b.json"),
    ]);
    raw.organisations = orgs.clone();
    let urls = |c: &Catalog, w: Want| wanted(c, w).iter().map(|d| d.url.clone()).collect::<Vec<_>>();
    assert_eq!(urls(&raw, Want::Org(a)), ["procurement/a.jsonl", "flags/a.json"]);
    assert_eq!(urls(&raw, Want::Province("62")).len(), 4);
    assert!(urls(&raw, Want::Province("10")).is_empty());
    let mut published = raw.clone();
    published.datasets.extend([
        listed(Rows, Some(a), None, "rows/a.llrows"),
        listed(Rows, Some(b), None, "rows/b.llrows"),
        listed(Rows, None, Some("62"), "rows/province-62.llrows"),
        listed(Flags, None, Some("62"), "flags/province-62.json"),
    ]);
    assert_eq!(urls(&published, Want::Org(a)), ["rows/a.llrows", "flags/a.json"]);
    let both = [a.to_string(), b.to_string()];
    let compared = urls(&published, Want::Orgs(&both));
    assert_eq!(compared, ["rows/a.llrows", "flags/a.json", "rows/b.llrows", "flags/b.json"], "each one's own, no province");
    assert_eq!(urls(&published, Want::Province("62")), ["rows/province-62.llrows", "flags/province-62.json"]);
    assert_eq!(urls(&published, Want::All), ["rows/province-62.llrows", "flags/province-62.json"]);
    // The records behind a view are the raw files, with or without shards.
    let records = |w| records(&published, w).iter().map(|d| d.url.clone()).collect::<Vec<_>>();
    assert_eq!(records(Want::Org(b)), ["procurement/b.jsonl"]);
}

#[test]
fn shards_and_their_flags_load_into_columns_and_a_bad_shard_is_said() {
    let raw = crate::query::test_data::store(300);
    let rows: Vec<u32> = (0..raw.len() as u32).collect();
    let bytes = crate::query::rows::encode(&raw, &rows);
    let shard = listed(DatasetKind::Rows, None, Some("62"), "rows/p.llrows");
    let broken = listed(DatasetKind::Rows, None, Some("63"), "rows/q.llrows");
    let c = catalog(vec![shard.clone(), broken.clone()]);
    let loaded = build::<()>(&c, vec![(&shard, Ok(bytes.clone())), (&broken, Ok(bytes[..bytes.len() / 2].to_vec()))]);
    assert_eq!(loaded.store.len(), raw.len());
    assert!(loaded.store.processes.is_empty());
    assert_eq!(loaded.issues.len(), 1);
    assert!(loaded.issues[0].file == "rows/q.llrows" && loaded.issues[0].code == "unusable-rows");
    // No flags file for a shard read: no published run stands.
    assert!(loaded.precomputed.is_none());
}
