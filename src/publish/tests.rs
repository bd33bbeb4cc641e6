//! Publishing real rows: every release lands in its buyer's shard or is counted as unplaced, checksums match
//! the bytes handed out, capped agencies make their datasets say so, and a budget finds its อบจ. by name.
use std::collections::HashSet;

use sha2::{Digest, Sha256};

use super::*;
use crate::domain::org::EgpAgency;

fn catalog() -> Catalog {
    let mut orgs = crate::demo::orgs::organisations();
    orgs[0].egp.push(EgpAgency {
        code: "E1".into(), name: "เทศบาลตำบลทดสอบ".into(), province: "กำแพงเพชร".into()
    });
    orgs[1].egp.push(EgpAgency {
        code: "E2".into(), name: "เทศบาลตำบลจำกัด".into(), province: "กำแพงเพชร".into()
    });
    Catalog {
        catalog_version: crate::domain::catalog::CATALOG_VERSION.into(),
        publisher: crate::domain::catalog::Publisher {
            name: LocalText::th("ทดสอบ"),
            website: None,
            complaints: Vec::new(),
            participation: None,
        },
        organisations: orgs,
        datasets: Vec::new(),
        demonstration: false,
        notice: None,
        parts: Vec::new(),
    }
}

fn release(agency: &str, ocid: &str, year: Option<i64>, date: &str) -> Value {
    let mut r =
        serde_json::json!({"ocid": ocid, "id": ocid, "date": date, "buyer": {"id": format!("TH-EGP-AGENCY:กำแพงเพชร:{agency}")}});
    if let Some(y) = year {
        r["egp"] = serde_json::json!({"fiscalYear": y});
    }
    r
}

#[test]
fn releases_go_to_their_buyers_shard_and_the_rest_is_counted() {
    let c = catalog();
    let (first, second) = (c.organisations[0].code.clone(), c.organisations[1].code.clone());
    let mut p = Publication::new(c, HashSet::from([("กำแพงเพชร".to_string(), "เทศบาลตำบลจำกัด".to_string())]));
    p.add_release(release("เทศบาลตำบลทดสอบ", "a", Some(2568), "2025-01-01"));
    p.add_release(release("เทศบาลตำบลทดสอบ", "b", None, "2024-10-02"));
    p.add_release(release("เทศบาลตำบลจำกัด", "c", Some(2568), "2025-01-01"));
    p.add_release(release("โรงเรียนบ้านทดสอบ", "d", Some(2568), "2025-01-01"));
    p.add_release(release("เทศบาลตำบลทดสอบ", "e", None, "no date"));
    let first_bytes = p.take_pending();
    p.add_release(release("เทศบาลตำบลทดสอบ", "f", Some(2567), "2024-01-01"));
    let second_bytes = p.take_pending();
    let (catalog, report) = p.finish();

    assert_eq!((report.releases, report.published, report.unplaced_releases, report.without_year), (6, 4, 1, 1));
    assert_eq!(report.unplaced.get("TH-EGP-AGENCY:กำแพงเพชร:โรงเรียนบ้านทดสอบ"), Some(&1));
    let path = shard_path(&first, FiscalYear(2568));
    let bytes: Vec<u8> =
        first_bytes.iter().chain(&second_bytes).filter(|(p, _)| *p == path).flat_map(|(_, b)| b.clone()).collect();
    let lines: Vec<Value> =
        bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "the e-GP year and the date's fiscal year (2 Oct 2024 is in 2568) agree");
    assert!(lines.iter().all(|r| r["buyer"]["id"] == first.as_str()), "buyer ids are the catalog code");

    let dataset = catalog.datasets.iter().find(|d| d.url == path).unwrap();
    assert_eq!(dataset.sha256.as_deref(), Some(hex(&Sha256::digest(&bytes)).as_str()));
    assert_eq!(dataset.incomplete, None);
    assert!(catalog.datasets.iter().any(|d| d.url == shard_path(&first, FiscalYear(2567))));
    let capped = catalog.datasets.iter().find(|d| d.organisation.as_deref() == Some(&second)).unwrap();
    assert_eq!(capped.incomplete, Some(capped_notice()));
    assert_eq!(report.incomplete, 1);
}

#[test]
fn a_budget_finds_its_organisation_by_its_full_name_or_is_reported() {
    let c = catalog();
    let pao = c.organisations.iter().find(|o| o.org_type == crate::domain::org::OrgType::Pao).unwrap().clone();
    let mut p = Publication::new(c, HashSet::new());
    let budget = |name: &str| Budget {
        budget_version: "1.0".into(),
        organisation: "อบจ.x".into(),
        organisation_name: Some(name.into()),
        fiscal_year: FiscalYear(2565),
        declared_total: None,
        population: None,
        expenditure: Vec::new(),
        revenue: Vec::new(),
        source: None,
        source_url: None,
        demonstration: false,
    };
    let (path, bytes) = p.add_budget(budget(&pao.name.th), None).unwrap();
    assert_eq!(path, format!("budget/{}-2565.json", pao.code));
    assert_eq!(serde_json::from_slice::<Budget>(&bytes).unwrap().organisation, pao.code);
    assert!(p.add_budget(budget("องค์การบริหารส่วนจังหวัดที่ไม่มี"), None).is_none());
    let (catalog, report) = p.finish();
    assert_eq!(report.unplaced_budgets, vec!["องค์การบริหารส่วนจังหวัดที่ไม่มี".to_string()]);
    assert_eq!(catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Budget).count(), 1);
}

#[test]
fn a_catalog_of_several_provinces_is_cut_per_province_and_reads_back_whole() {
    let mut c = catalog();
    c.organisations[1].province_code = Some("63".into());
    c.organisations[2].province_code = None;
    let codes: Vec<String> = c.organisations.iter().map(|o| o.code.clone()).collect();
    let mut p = Publication::new(c, HashSet::new());
    p.add_release(release("เทศบาลตำบลทดสอบ", "a", Some(2568), "2025-01-01"));
    let (mut whole, _) = p.finish();
    for (i, code) in codes.iter().take(3).enumerate() {
        let year = FiscalYear(2568);
        whole.datasets.push(Dataset {
            organisation: Some(code.clone()),
            ..derived(format!("flags-{i}"), (DatasetKind::Flags, DataFormat::LocallensFlags), year.0, "f", b"f")
        });
    }
    whole.datasets.push(Dataset {
        province_code: Some("63".into()),
        ..derived("rows-63".into(), (DatasetKind::Rows, DataFormat::LocallensRows), 2568, "r", b"r")
    });
    whole.datasets.push(derived("overview-2568".into(), (DatasetKind::Overview, DataFormat::LocallensOverview), 2568, "o", b"o"));

    let (mut top, parts) = split(whole.clone());
    let provinces: Vec<&str> = top.parts.iter().map(|p| p.province_code.as_str()).collect();
    assert_eq!(provinces, ["62", "63"]);
    assert_eq!(top.organisations.iter().map(|o| o.code.as_str()).collect::<Vec<_>>(), [codes[2].as_str()], "no province: kept");
    let kept: Vec<&str> = top.datasets.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(kept, ["flags-2", "overview-2568"]);
    for (listed, (path, bytes)) in top.parts.clone().iter().zip(&parts) {
        assert_eq!((&listed.url, listed.size), (path, bytes.len() as u64));
        assert_eq!(listed.sha256, sha256_hex(bytes));
        let part = crate::ingest::catalog::parse(path, bytes);
        assert!(part.issues.is_empty(), "{:?}", part.issues);
        let part = part.values.unwrap();
        assert!(part.organisations.iter().all(|o| o.province_code.as_deref() == Some(listed.province_code.as_str())));
        top.absorb(part);
    }
    let ids = |c: &Catalog| {
        let mut ids: Vec<String> = c.datasets.iter().map(|d| d.id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&top), ids(&whole));
    let mut orgs: Vec<_> = top.organisations.iter().map(|o| o.code.clone()).collect();
    orgs.sort();
    let mut all = codes.clone();
    all.sort();
    assert_eq!(orgs, all);
    assert!(top.datasets.iter().any(|d| d.id == "rows-63"));
    let schema: Value =
        serde_json::from_str(include_str!("../../public/schema/catalog.schema.json")).expect("the schema is JSON");
    let schema = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    let (top, parts) = split(whole.clone());
    for value in std::iter::once(serde_json::to_value(&top).unwrap())
        .chain(parts.iter().map(|(_, bytes)| serde_json::from_slice(bytes).unwrap()))
    {
        let errors: Vec<String> = schema.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let listed = crate::ingest::catalog::parse("catalog.json", &serde_json::to_vec(&top).unwrap());
    assert_eq!(listed.values.map(|c| c.parts.len()), Some(2), "the parts are listed, and nothing is flagged missing");

    let (one, none) = split(catalog());
    assert!(none.is_empty() && one.parts.is_empty(), "one province: one file");
    assert_eq!(one.organisations.len(), catalog().organisations.len());
}

#[test]
fn a_part_that_cannot_be_read_makes_the_catalog_unreadable() {
    let mut c = catalog();
    c.organisations[1].province_code = Some("63".into());
    let (top, _) = split(c);
    let mut value = serde_json::to_value(&top).unwrap();
    value["parts"][1]["sha256"] = Value::Null;
    let parsed = crate::ingest::catalog::parse("catalog.json", value.to_string().as_bytes());
    assert!(parsed.values.is_none());
    assert!(parsed.issues.iter().any(|i| i.path.contains("parts")), "{:?}", parsed.issues);
}
