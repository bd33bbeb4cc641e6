//! e-GP contract rows (the government spending API's `cgdcontract` shape) → OCDS compiled releases.
use locallens::domain::issue::Severity;
use locallens::domain::money::Satang;
use locallens::ingest::{egp_api as egp, ocds, validate};
use serde_json::json;

fn row() -> serde_json::Value {
    json!({
        "project_id": "67019123456",
        "project_name": "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5",
        "project_type_name": "จ้างก่อสร้าง",
        "dept_name": "เทศบาลตำบลคลองลาน",
        "dept_sub_name": "กองช่าง",
        "purchase_method_name": "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        "purchase_method_group_name": "ประกาศเชิญชวนทั่วไป",
        "announce_date": "9 เม.ย. 69",
        "project_money": 2500000,
        "price_build": "2,450,000.00",
        "sum_price_agree": 2390000,
        "budget_year": "2569",
        "province": "กำแพงเพชร",
        "district": "คลองลาน",
        "subdistrict": "คลองลานพัฒนา",
        "project_status": "จัดทำสัญญา/PO แล้ว",
        "project_location": {"lat": 16.197, "lon": 99.275},
        "contract": [{"winner_tin": "0105564068059", "winner": "บริษัท ตัวอย่าง จำกัด", "contract_no": "12/2569",
                      "contract_date": "20 พ.ค. 69", "contract_finish_date": "17 ก.ย. 69", "price_agree": 2390000, "status": "อยู่ระหว่างดำเนินการ"}]
    })
}

#[test]
fn a_row_becomes_a_compiled_release_with_every_mapped_field() {
    let bytes = serde_json::to_vec(&json!([row()])).unwrap();
    assert_eq!(validate::detect(&bytes), validate::DetectedFormat::EgpApi);
    let out = egp::convert("rows.json", &bytes);
    assert_eq!(out.values.len(), 1);
    assert_eq!(out.errors(), 0, "{:#?}", out.issues);
    let r = &out.values[0];
    assert_eq!(r["ocid"], "th-egp-67019123456");
    assert_eq!(r["tender"]["procurementMethod"], "open");
    assert_eq!(r["tender"]["procurementMethodDetails"], "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)");
    assert_eq!(r["tender"]["mainProcurementCategory"], "works");
    assert_eq!(r["tender"]["tenderPeriod"]["startDate"], "2026-04-09");
    assert_eq!(r["parties"][1]["identifier"], json!({"scheme": "TH-RD", "id": "0105564068059", "legalName": "บริษัท ตัวอย่าง จำกัด"}));
    assert_eq!(r["contracts"][0]["status"], "active");
    assert_eq!(r["contracts"][0]["dateSigned"], "2026-05-20");
    // The typed reader sees exact money.
    let typed = ocds::load("compiled.jsonl", serde_json::to_string(r).unwrap().as_bytes());
    let p = &typed.values[0].compiled;
    assert_eq!(p.reference_price(), Some(Satang::baht(2_450_000)));
    assert_eq!(p.budget_amount(), Some(Satang::baht(2_500_000)));
    assert_eq!(p.contract_value(), Some(Satang::baht(2_390_000)));
    // Amount given as text is read, and said.
    assert!(out.issues.iter().any(|i| i.code == "number-as-string" && i.path == "[0].price_build"));
}

#[test]
fn the_method_groups_map_to_ocds_methods() {
    assert_eq!(egp::method_from_group("ประกาศเชิญชวนทั่วไป"), Some("open"));
    assert_eq!(egp::method_from_group("คัดเลือก"), Some("selective"));
    assert_eq!(egp::method_from_group("เฉพาะเจาะจง"), Some("limited"));
    assert_eq!(egp::method_from_group("e-market"), Some("open"));
    assert_eq!(egp::method_from_group("อื่น ๆ"), None);
}

#[test]
fn unexpected_input_is_reported_not_guessed() {
    let mut odd = row();
    odd["budget_year"] = json!(2026);
    odd["purchase_method_group_name"] = json!("วิธีพิเศษ");
    odd["purchase_method_name"] = json!("วิธีพิเศษ");
    odd["new_field"] = json!("kept");
    odd["contract"][0]["winner_tin"] = json!("0105564068058");
    odd["contract"][0]["status"] = json!("สถานะใหม่");
    odd["sum_price_agree"] = json!(1);
    let mut no_id = row();
    no_id.as_object_mut().unwrap().remove("project_id");
    let out = egp::convert("odd.json", &serde_json::to_vec(&json!({"result": [odd, no_id, "junk"]})).unwrap());
    let found: Vec<(Severity, &str, &str)> = out.issues.iter().map(|i| (i.severity, i.code, i.path.as_str())).collect();
    for expected in [
        (Severity::Warning, "buddhist-year", "result[0].budget_year"),
        (Severity::Warning, "unexpected-value", "result[0].purchase_method_group_name"),
        (Severity::Info, "unknown-field", "result[0]"),
        (Severity::Warning, "bad-tax-id", "result[0].contract[0].winner_tin"),
        (Severity::Warning, "unexpected-value", "result[0].contract[0].status"),
        (Severity::Warning, "total-mismatch", "result[0].sum_price_agree"),
        (Severity::Error, "missing-field", "result[1]"),
        (Severity::Error, "not-a-record", "result[2]"),
    ] {
        assert!(found.contains(&expected), "missing {expected:?} in {found:#?}");
    }
    assert_eq!((out.counts.read, out.counts.accepted, out.counts.rejected), (3, 1, 2));
    let r = &out.values[0];
    assert_eq!(r["egp"]["new_field"], "kept");
    assert!(r["tender"].get("procurementMethod").is_none(), "an unknown method is not guessed");
    assert_eq!(r["tender"]["procurementMethodDetails"], "วิธีพิเศษ");
    assert_eq!(r["planning"]["budget"]["description"], "ปีงบประมาณ 2569");
}
