//! Rows of the e-GP contract API (ภาษีไปไหน `cgdcontract`) → OCDS compiled releases.
//!
//! Mapping (docs/EGP-OCDS.md): project_id → ocid `th-egp-{project_id}`; project_name → tender.title;
//! purchase_method_group_name → procurementMethod (ประกาศเชิญชวนทั่วไป → open, คัดเลือก → selective,
//! เฉพาะเจาะจง → limited) with the Thai name kept in procurementMethodDetails; price_build (ราคากลาง) →
//! tender.value; project_money → planning.budget.amount; dept_name → buyer; each contract → an award and a
//! contract whose supplier is identified by its 13-digit tax id (scheme TH-RD). Unknown fields are kept under
//! `egp` in the release and reported once each.
use serde_json::{json, Map, Value};

use crate::domain::calendar::{Date, FiscalYear, BE_OFFSET};
use crate::domain::issue::{Issue, JsonPath, Parsed, RecordCounts};
use crate::domain::money::Total;
use crate::ingest::messages as msg;
use crate::ingest::ocds::merge::strip_nulls;
use crate::ingest::reader::{type_name, Reader};
use crate::ingest::text;

pub const OCID_PREFIX: &str = "th-egp-";

const KNOWN_ROW_FIELDS: [&str; 19] = [
    "project_id",
    "project_name",
    "project_type_name",
    "dept_name",
    "dept_sub_name",
    "purchase_method_name",
    "purchase_method_group_name",
    "announce_date",
    "project_money",
    "price_build",
    "sum_price_agree",
    "budget_year",
    "province",
    "district",
    "subdistrict",
    "project_status",
    "project_location",
    "contract",
    "dept_code",
];
const KNOWN_CONTRACT_FIELDS: [&str; 7] =
    ["winner_tin", "winner", "contract_no", "contract_date", "contract_finish_date", "price_agree", "status"];

/// True when the value looks like e-GP rows: an array (or `{result: […]}`) of objects with `project_id`.
pub fn detect(value: &Value) -> bool {
    rows_of(value).is_some_and(|rows| rows.first().is_some_and(|r| r.get("project_id").is_some()))
}

fn rows_of(value: &Value) -> Option<&Vec<Value>> {
    match value {
        Value::Array(rows) => Some(rows),
        Value::Object(o) => ["result", "data", "items"].iter().find_map(|k| o.get(*k).and_then(Value::as_array)),
        _ => None,
    }
}

pub fn method_from_group(group: &str) -> Option<&'static str> {
    let g = group.trim();
    if g.contains("เฉพาะเจาะจง") {
        Some("limited")
    } else if g.contains("คัดเลือก") {
        Some("selective")
    } else if g.contains("ประกาศเชิญชวน") || g.contains("e-bidding") || g.contains("e-market") || g.contains("สอบราคา")
    {
        Some("open")
    } else {
        None
    }
}

fn category_from_type(project_type: &str) -> Option<&'static str> {
    if project_type.contains("ก่อสร้าง") {
        Some("works")
    } else if project_type.contains("ซื้อ") || project_type.contains("เช่า") {
        Some("goods")
    } else if project_type.contains("จ้าง") {
        Some("services")
    } else {
        None
    }
}

/// Converts rows to compiled releases (as JSON, so `locallens compile` can print them).
pub fn convert(file: &str, bytes: &[u8]) -> Parsed<Vec<Value>> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let Some(value) = text::json_document(file, bytes, &mut issues) else {
        return Parsed { values: Vec::new(), issues, counts };
    };
    let Some(rows) = rows_of(&value) else {
        issues.push(msg::wrong_type(file, &JsonPath::root(), "array of e-GP rows", type_name(&value)));
        return Parsed { values: Vec::new(), issues, counts };
    };
    let base = if value.is_array() { JsonPath::root() } else { JsonPath::root().key("result") };
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        counts.read += 1;
        let at = base.index(i);
        let converted = match row {
            Value::Object(obj) => convert_row(file, obj, &at, &mut issues),
            other => {
                issues.push(msg::not_a_record(file, &at, type_name(other)));
                None
            }
        };
        match converted {
            Some(release) => {
                counts.accepted += 1;
                out.push(release);
            }
            None => counts.rejected += 1,
        }
    }
    Parsed { values: out, issues, counts }
}

fn thai_or_iso_date(r: &mut Reader, obj: &Map<String, Value>, key: &str) -> Option<Date> {
    r.date(obj, key)
}

fn convert_row(file: &str, obj: &Map<String, Value>, at: &JsonPath, issues: &mut Vec<Issue>) -> Option<Value> {
    let mut r = Reader::new(file, at.clone());
    let Some(project_id) = r.string(obj, "project_id").filter(|s| !s.trim().is_empty()) else {
        issues.append(&mut r.issues);
        issues.push(msg::missing(file, at, "project_id", "ไม่สามารถระบุโครงการได้", "the project cannot be identified"));
        return None;
    };
    let ocid = format!("{OCID_PREFIX}{}", project_id.trim());
    let title = r.string(obj, "project_name");
    let method_group = r.string(obj, "purchase_method_group_name");
    let method_name = r.string(obj, "purchase_method_name");
    let method =
        method_group.as_deref().and_then(method_from_group).or_else(|| method_name.as_deref().and_then(method_from_group));
    if method.is_none() {
        if let Some(g) = method_group.as_deref().or(method_name.as_deref()) {
            issues.push(msg::unexpected_value(file, &at.key("purchase_method_group_name"), g));
        }
    }
    let project_type = r.string(obj, "project_type_name");
    let announce = thai_or_iso_date(&mut r, obj, "announce_date");
    let budget = r.money(obj, "project_money");
    let reference_price = r.money(obj, "price_build");
    let sum_agree = r.money(obj, "sum_price_agree");
    let budget_year = r.integer(obj, "budget_year").map(|y| {
        if y < 2400 {
            let mut issue = msg::buddhist_year(file, &at.key("budget_year"), &y.to_string(), &(y + BE_OFFSET as i64).to_string());
            issue.th = format!("budget_year {y} ดูเหมือนเป็นปี ค.ศ. ระบบอ่านเป็น พ.ศ. {}", y + BE_OFFSET as i64);
            issue.en = format!("budget_year {y} looks like a CE year; it was read as BE {}.", y + BE_OFFSET as i64);
            issues.push(issue);
            FiscalYear((y + BE_OFFSET as i64) as i32)
        } else {
            FiscalYear(y as i32)
        }
    });
    let dept = r.string(obj, "dept_name");
    let dept_sub = r.string(obj, "dept_sub_name");
    let dept_code = r.string(obj, "dept_code");
    let province = r.string(obj, "province");
    let district = r.string(obj, "district");
    let subdistrict = r.string(obj, "subdistrict");
    let status = r.string(obj, "project_status");
    let location = r.object(obj, "project_location", |r, o| (r.float(o, "lat"), r.float(o, "lon")));

    let buyer_id = format!("TH-EGP-{}", dept_code.clone().unwrap_or_else(|| dept.clone().unwrap_or_default()));
    let mut parties = vec![json!({
        "id": buyer_id,
        "name": dept,
        "roles": ["buyer", "procuringEntity"],
        "address": {"region": province, "locality": district, "streetAddress": subdistrict, "countryName": "ประเทศไทย"},
        "details": {"subUnit": dept_sub},
    })];
    let mut awards = Vec::new();
    let mut contracts = Vec::new();
    let contract_rows = r.objects(obj, "contract", |r, c| {
        Some((
            r.string(c, "winner_tin"),
            r.string(c, "winner"),
            r.string(c, "contract_no"),
            r.date(c, "contract_date"),
            r.date(c, "contract_finish_date"),
            r.money(c, "price_agree"),
            r.string(c, "status"),
            c.keys().filter(|k| !KNOWN_CONTRACT_FIELDS.contains(&k.as_str())).cloned().collect::<Vec<_>>(),
        ))
    });
    let mut contract_sum = Total::ZERO;
    for (n, (tin, winner, no, signed, finish, price, cstatus, unknown)) in contract_rows.into_iter().enumerate() {
        let contract_at = at.key("contract").index(n);
        for field in unknown {
            issues.push(msg::unknown_field(file, &contract_at, &field));
        }
        let supplier_id = match &tin {
            Some(t) => {
                if crate::domain::taxid::check(t) != crate::domain::taxid::TaxIdCheck::Valid {
                    issues.push(msg::bad_tax_id(file, &contract_at.key("winner_tin"), t));
                }
                format!("TH-RD-{}", crate::domain::taxid::normalise(t).unwrap_or_else(|| t.clone()))
            }
            None => format!("TH-EGP-WINNER-{}", winner.clone().unwrap_or_default()),
        };
        if !parties.iter().any(|p| p["id"] == supplier_id) {
            parties.push(json!({
                "id": supplier_id,
                "name": winner,
                "identifier": {"scheme": "TH-RD", "id": tin, "legalName": winner},
                "roles": ["supplier"],
            }));
        }
        if let Some(p) = price {
            contract_sum.add(p);
        }
        let award_id = format!("{ocid}-award-{}", n + 1);
        let contract_status = match cstatus.as_deref().map(str::trim) {
            Some(s) if s.contains("ยกเลิก") => Some("cancelled"),
            Some(s) if s.contains("สิ้นสุด") || s.contains("ส่งมอบ") || s.contains("เสร็จ") => {
                Some("terminated")
            }
            Some(s) if s.contains("ระหว่าง") || s.contains("ลงนาม") || s.contains("จัดทำสัญญา") => {
                Some("active")
            }
            Some(s) => {
                issues.push(msg::unexpected_value(file, &contract_at.key("status"), s));
                None
            }
            None => None,
        };
        awards.push(json!({
            "id": award_id,
            "status": "active",
            "date": signed.map(|d| d.iso()),
            "value": price.map(|p| json!({"amount": p, "currency": "THB"})),
            "suppliers": [{"id": supplier_id, "name": winner}],
        }));
        contracts.push(json!({
            "id": no.clone().unwrap_or_else(|| format!("{ocid}-contract-{}", n + 1)),
            "awardID": award_id,
            "status": contract_status,
            "statusDetails": cstatus,
            "dateSigned": signed.map(|d| d.iso()),
            "period": {"startDate": signed.map(|d| d.iso()), "endDate": finish.map(|d| d.iso())},
            "value": price.map(|p| json!({"amount": p, "currency": "THB"})),
        }));
    }
    if let (Some(stated), false) = (sum_agree, contracts.is_empty()) {
        if Total::from(stated) != contract_sum {
            issues.push(msg::total_mismatch(
                file,
                &at.key("sum_price_agree"),
                &stated.format_baht(),
                &contract_sum.format_baht(),
            ));
        }
    }
    let mut extra = Map::new();
    for (key, value) in obj {
        if !KNOWN_ROW_FIELDS.contains(&key.as_str()) {
            issues.push(msg::unknown_field(file, at, key));
            extra.insert(key.clone(), value.clone());
        }
    }
    issues.append(&mut r.issues);
    let tender_status = match status.as_deref() {
        Some(s) if s.contains("ยกเลิก") => Some("cancelled"),
        Some(_) if !contracts.is_empty() => Some("complete"),
        Some(_) => Some("active"),
        None => None,
    };
    let date = announce.map(|d| d.iso());
    let mut release = json!({
        "ocid": ocid,
        "id": format!("{ocid}-egp"),
        "date": date,
        "tag": ["compiled"],
        "initiationType": "tender",
        "language": "th",
        "parties": parties,
        "buyer": {"id": buyer_id, "name": dept},
        "planning": {"budget": {"amount": budget.map(|b| json!({"amount": b, "currency": "THB"})), "description": budget_year.map(|y| format!("ปีงบประมาณ {y}"))}},
        "tender": {
            "id": project_id,
            "title": title,
            "status": tender_status,
            "statusDetails": status,
            "value": reference_price.map(|p| json!({"amount": p, "currency": "THB"})),
            "procurementMethod": method,
            "procurementMethodDetails": method_name.or(method_group),
            "mainProcurementCategory": project_type.as_deref().and_then(category_from_type),
            "tenderPeriod": {"startDate": date},
            "items": [{
                "id": "1",
                "description": title,
                "deliveryLocation": location.and_then(|(lat, lon)| Some(json!({"geometry": {"type": "Point", "coordinates": [lon?, lat?]}}))),
            }],
        },
        "awards": awards,
        "contracts": contracts,
    });
    if !extra.is_empty() {
        release["egp"] = Value::Object(extra);
    }
    Some(strip_nulls(release))
}
