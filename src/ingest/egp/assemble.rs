//! Rows → contracting processes. The rows of one project id become one process with one award and one
//! contract per distinct contract (its number and its winner); a row that repeats a contract already read, in
//! this file or an earlier one, is counted once and said. Each process is written as an OCDS compiled release.
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use serde_json::{json, Value};

use super::row::Row;
use super::{method_from_group, OCID_PREFIX};
use crate::domain::money::Total;

/// The buyer's key in the rows: its name and province (e-GP rows name agencies, they do not code them).
pub fn agency_key(row: &Row) -> String {
    format!("{}:{}", row.province.as_deref().unwrap_or(""), row.agency)
}

/// A contract's identity within its project: its number and its winner (tax id, else name).
fn contract_key(row: &Row) -> u64 {
    let mut h = DefaultHasher::new();
    row.contract_no.as_deref().map(str::trim).hash(&mut h);
    row.tax_id.as_deref().or(row.winner.as_deref()).map(|w| w.split_whitespace().collect::<String>()).hash(&mut h);
    h.finish()
}

/// What has been written of each project, across files: its agency and its contracts' keys. Kept small, since
/// it grows with the country (1.4 million projects): numeric project ids as numbers, agencies interned.
#[derive(Default)]
pub struct Seen {
    projects: HashMap<u64, (u32, Vec<u64>)>,
    /// Project ids that are not plain numbers.
    other_ids: HashMap<Box<str>, (u32, Vec<u64>)>,
    agencies: Vec<String>,
    agency_index: HashMap<String, u32>,
}

/// One project's rows sorted into what is written and what is not.
pub struct Assembled {
    /// The agency the project was first read under.
    pub agency: String,
    /// The compiled release, or None when every row repeated what was already written.
    pub release: Option<Value>,
    /// Rows of contracts written here.
    pub used: Vec<usize>,
    /// Rows that repeat a contract, with the contract's number.
    pub repeated: Vec<(usize, String)>,
    /// Rows under another agency than the one the project was first read under, with their agency.
    pub other_agency: Vec<(usize, String)>,
    /// Σ of the contracts written, and of the repeated rows.
    pub written: Total,
    pub repeated_value: Total,
    pub contracts: usize,
}

impl Seen {
    /// Assembles one project from its rows (in file order). `file` names the release.
    pub fn assemble(&mut self, file: &str, rows: &[Row]) -> Assembled {
        let first = &rows[0];
        let first_agency = agency_key(first);
        let next = self.agencies.len() as u32;
        let agency = *self.agency_index.entry(first_agency.clone()).or_insert(next);
        if agency == next {
            self.agencies.push(first_agency);
        }
        let id = first.project_id.as_str();
        let entry = match id.parse::<u64>().ok().filter(|_| id.bytes().all(|b| b.is_ascii_digit()) && !id.starts_with('0')) {
            Some(n) => self.projects.entry(n).or_insert_with(|| (agency, Vec::new())),
            None => self.other_ids.entry(id.into()).or_insert_with(|| (agency, Vec::new())),
        };
        let first_agency = &self.agencies[entry.0 as usize];
        let mut out = Assembled {
            agency: first_agency.clone(),
            release: None,
            used: Vec::new(),
            repeated: Vec::new(),
            other_agency: Vec::new(),
            written: Total::ZERO,
            repeated_value: Total::ZERO,
            contracts: 0,
        };
        let mut fresh: Vec<&Row> = Vec::new();
        for row in rows {
            let agency = agency_key(row);
            if agency != *first_agency {
                out.other_agency.push((row.line, agency));
                continue;
            }
            let key = contract_key(row);
            if entry.1.contains(&key) {
                out.repeated.push((row.line, row.contract_no.clone().unwrap_or_default()));
                if let Some(p) = row.price {
                    out.repeated_value.add(p);
                }
                continue;
            }
            entry.1.push(key);
            out.used.push(row.line);
            if let Some(p) = row.price {
                out.written.add(p);
            }
            fresh.push(row);
        }
        if let Some(base) = fresh.first() {
            // A project already written from an earlier file gets a release of its own for what is new here; both
            // share the ocid, so they merge.
            let continued = entry.1.len() > fresh.len();
            out.contracts = fresh.len();
            out.release = Some(release(file, base, &fresh, continued));
        }
        out
    }
}

fn iso(d: Option<crate::domain::calendar::Date>) -> Option<String> {
    d.map(|d| d.iso())
}

fn amount(a: Option<crate::domain::money::Satang>) -> Option<Value> {
    a.map(|a| json!({"amount": a, "currency": "THB"}))
}

fn contract_status(raw: Option<&str>) -> Option<&'static str> {
    let s = raw?;
    if s.contains("ยกเลิก") {
        Some("cancelled")
    } else if s.contains("สิ้นสุด") || s.contains("เสร็จ") || s.contains("ส่งมอบ") {
        Some("terminated")
    } else if s.contains("ดำเนินการ") || s.contains("ลงนาม") {
        Some("active")
    } else {
        None
    }
}

/// OCDS `mainProcurementCategory` of the full shape's project type.
fn category(project_type: Option<&str>) -> Option<&'static str> {
    let t = project_type?;
    if t.contains("ก่อสร้าง") && !t.contains("ออกแบบ") && !t.contains("ควบคุม") {
        Some("works")
    } else if t.starts_with("ซื้อ") || t.starts_with("เช่า") {
        Some("goods")
    } else if t.starts_with("จ้าง") {
        Some("services")
    } else {
        None
    }
}

/// The party id of a row's winner: its tax id, else its name within the buyer (the same name at two buyers
/// may be two businesses).
pub fn supplier_id(row: &Row) -> Option<String> {
    match (&row.tax_id, &row.winner) {
        (Some(t), _) => Some(format!("TH-RD-{t}")),
        (None, Some(name)) => {
            Some(format!("TH-EGP-WINNER:{}:{}", agency_key(row), name.split_whitespace().collect::<Vec<_>>().join(" ")))
        }
        (None, None) => None,
    }
}

fn release(file: &str, base: &Row, rows: &[&Row], continued: bool) -> Value {
    let ocid = format!("{OCID_PREFIX}{}", base.project_id);
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let buyer_id = format!("TH-EGP-AGENCY:{}", agency_key(base));
    let mut parties = vec![json!({
        "id": buyer_id,
        "name": base.agency,
        "identifier": {"scheme": "TH-EGP-AGENCY", "id": agency_key(base), "legalName": base.agency},
        "roles": ["buyer", "procuringEntity"],
        "address": {"region": base.province, "locality": base.district, "streetAddress": base.subdistrict, "countryName": "ประเทศไทย"},
        "details": {"subUnit": base.sub_agency},
    })];
    let mut awards = Vec::new();
    let mut contracts = Vec::new();
    for row in rows {
        let supplier = supplier_id(row);
        if let Some(id) = &supplier {
            if !parties.iter().any(|p| p["id"] == json!(id)) {
                parties.push(json!({
                    "id": id,
                    "name": row.winner,
                    "identifier": row.tax_id.as_ref().map(|t| json!({"scheme": "TH-RD", "id": t, "legalName": row.winner})),
                    "roles": ["supplier"],
                }));
            }
        }
        let award_id = format!("{ocid}-{stem}-{}-award", row.line);
        awards.push(json!({
            "id": award_id,
            "status": "active",
            "date": iso(row.signed),
            "value": amount(row.price),
            "suppliers": supplier.map(|id| vec![json!({"id": id, "name": row.winner})]).unwrap_or_default(),
        }));
        // Contract numbers are not unique within a project (two winners may share one): the row names it.
        contracts.push(json!({
            "id": format!("{ocid}-{stem}-{}", row.line),
            "awardID": award_id,
            "title": row.contract_no,
            "status": contract_status(row.contract_status.as_deref()),
            "statusDetails": row.contract_status,
            "dateSigned": iso(row.signed),
            "period": {"startDate": iso(row.signed), "endDate": iso(row.end)},
            "value": amount(row.price),
        }));
    }
    let date = rows.iter().filter_map(|r| r.signed.or(r.transaction)).max().or(base.announced);
    let mut release = json!({
        "ocid": ocid,
        "id": format!("{ocid}-{stem}-{}", base.line),
        "date": iso(date),
        "tag": if continued { json!(["contract"]) } else { json!(["compiled"]) },
        "initiationType": "tender",
        "language": "th",
        "parties": parties,
        "buyer": {"id": buyer_id, "name": base.agency},
        "planning": {"budget": {
            "amount": amount(base.budget),
            "description": base.fiscal_year.map(|y| format!("ปีงบประมาณ {y}")),
        }},
        "tender": {
            "id": base.project_id,
            "title": base.title,
            "status": if contracts.is_empty() { "active" } else { "complete" },
            "value": amount(base.reference),
            "procurementMethod": base.method_group.as_deref().and_then(method_from_group),
            "procurementMethodDetails": base.method_group,
            "mainProcurementCategory": category(base.project_type.as_deref()),
            "items": [{
                "id": "1",
                "description": base.title,
                "deliveryLocation": base.location.map(|(lat, lon)| json!({"geometry": {"type": "Point", "coordinates": [lon, lat]}})),
            }],
        },
        "awards": awards,
        "contracts": contracts,
        "egp": {"fiscalYear": base.fiscal_year, "file": stem, "line": base.line, "projectStatus": base.project_status},
    });
    if base.announced.is_some() {
        release["tender"]["tenderPeriod"] = json!({"startDate": iso(base.announced)});
    }
    crate::ingest::ocds::merge::strip_nulls(release)
}
