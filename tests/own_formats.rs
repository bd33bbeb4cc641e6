//! Our own formats: the demonstration data matches the published JSON Schemas and the catalog's checksums,
//! and the real ACT × WeVis อบจ. budgets import to the baht.
mod common;

use std::path::{Path, PathBuf};

use locallens::domain::calendar::FiscalYear;
use locallens::domain::money::{Satang, Total};
use locallens::ingest::{assessment, budget, catalog, wevis};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> jsonschema::Validator {
    let s: Value = serde_json::from_slice(&common::read(&root().join(format!("public/schema/{name}.schema.json")))).unwrap();
    jsonschema::draft202012::new(&s).expect("schema compiles")
}

fn check(v: &jsonschema::Validator, path: &Path) -> Vec<u8> {
    let bytes = common::read(path);
    let value: Value = serde_json::from_slice(&bytes).unwrap();
    let errors: Vec<String> = v.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    bytes
}

#[test]
fn demo_catalog_budgets_and_assessments_match_their_schemas_and_checksums() {
    let data = root().join("public/demo");
    let bytes = check(&schema("catalog"), &data.join("catalog.json"));
    let parsed = catalog::parse("catalog.json", &bytes);
    assert_eq!(parsed.errors(), 0, "{:#?}", parsed.issues);
    let cat = parsed.values.unwrap();
    assert!(cat.demonstration);
    assert!((10..=20).contains(&cat.organisations.len()));
    let (budget_schema, assessment_schema) = (schema("budget"), schema("assessment"));
    for d in &cat.datasets {
        assert!(d.demonstration);
        let path = data.join(&d.url);
        let bytes = match d.kind {
            locallens::domain::catalog::DatasetKind::Budget => {
                let bytes = check(&budget_schema, &path);
                let b = budget::parse(&d.url, &bytes);
                assert_eq!(b.errors() + b.warnings(), 0, "{:#?}", b.issues);
                bytes
            }
            locallens::domain::catalog::DatasetKind::Lpa | locallens::domain::catalog::DatasetKind::Ita => {
                let bytes = check(&assessment_schema, &path);
                let a = assessment::parse(&d.url, &bytes);
                assert_eq!(a.errors() + a.warnings(), 0, "{:#?}", a.issues);
                assert_eq!(a.values.lpa.len(), cat.organisations.len());
                bytes
            }
            locallens::domain::catalog::DatasetKind::Procurement
            | locallens::domain::catalog::DatasetKind::Flags
            | locallens::domain::catalog::DatasetKind::Rows
            | locallens::domain::catalog::DatasetKind::Overview => common::read(&path),
        };
        use sha2::Digest;
        let digest: String = sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(Some(digest), d.sha256, "{}", d.url);
    }
}

#[test]
fn the_76_pao_budgets_sum_exactly_to_the_nationwide_total() {
    let Some(dir) = common::fixture("thai-pao-budgets/2565") else {
        return;
    };
    let nation: Value = serde_json::from_slice(&common::read(&dir.join("nation-wide.json"))).unwrap();
    let nation_total = Satang::baht(nation["total"].as_i64().unwrap());
    assert_eq!(nation_total, Satang::baht(57_312_949_370));
    let mut sum = Total::ZERO;
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("pao-") {
            continue;
        }
        let parsed = wevis::parse(&name, &common::read(&path), FiscalYear(2565));
        assert_eq!(parsed.errors() + parsed.warnings(), 0, "{name}: {:#?}", parsed.issues);
        let b = parsed.values.expect("imports");
        assert_eq!(Some(b.allocated_total()), b.declared_total.map(Total::from), "{name}");
        // One อบจ. (กาฬสินธุ์) publishes no revenue at all in this source; the importer says so.
        let no_revenue = parsed.issues.iter().any(|i| i.code == "empty" && i.path == "pao.incomes");
        assert_eq!(b.revenue.is_empty(), no_revenue, "{name}");
        assert_eq!(no_revenue, name == "pao-กาฬสินธุ์.json", "{name}");
        assert!(b.expenditure.iter().all(|l| l.task.is_some()));
        sum.merge(b.allocated_total());
        count += 1;
    }
    assert_eq!(count, 76);
    assert_eq!(sum, Total::from(nation_total));
}

#[test]
fn a_converted_wevis_budget_is_valid_in_our_schema() {
    let Some(path) = common::fixture("thai-pao-budgets/2565/pao-กำแพงเพชร.json") else {
        return;
    };
    let b = wevis::parse("kpp", &common::read(&path), FiscalYear(2565)).values.unwrap();
    let value = serde_json::to_value(&b).unwrap();
    let v = schema("budget");
    let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And it reads back to the same budget.
    let again = budget::parse("again", value.to_string().as_bytes());
    assert_eq!(again.values.as_ref(), Some(&b));
    assert_eq!(b.allocated_total(), Total::from(Satang::baht(722_522_700)));
}

#[test]
fn a_wevis_population_of_zero_is_no_figure() {
    let Some(path) = common::fixture("thai-pao-budgets/2565/pao-กำแพงเพชร.json") else {
        return;
    };
    let mut value: Value = serde_json::from_slice(&common::read(&path)).unwrap();
    let real = wevis::parse("kpp", &common::read(&path), FiscalYear(2565)).values.unwrap();
    assert!(real.population.is_some_and(|p| p > 0), "the real file has a figure");
    // WeVis writes 0 where it has none: it must never become a divisor.
    value["pao"]["population"] = 0.into();
    let b = wevis::parse("kpp", value.to_string().as_bytes(), FiscalYear(2565)).values.unwrap();
    assert_eq!(b.population, None);
}

#[test]
fn a_catalog_population_of_zero_is_no_figure() {
    let mut value: Value = serde_json::from_slice(&common::read(&root().join("public/demo/catalog.json"))).unwrap();
    value["organisations"][0]["population"]["count"] = 0.into();
    let parsed = catalog::parse("catalog.json", value.to_string().as_bytes()).values.unwrap();
    assert_eq!(parsed.organisations[0].population, None);
    assert!(parsed.organisations[1].population.is_some_and(|p| p.count > 0));
}
