//! catalog.json → `Catalog`. A bad organisation or dataset entry is rejected on its own; the rest loads.
use serde_json::Value;

use crate::domain::catalog::{Catalog, CatalogPart, Dataset, Publisher, CATALOG_VERSION};
use crate::domain::issue::{Issue, JsonPath, Parsed, RecordCounts};
use crate::domain::org::{LocalText, Organisation};
use crate::ingest::messages as msg;
use crate::ingest::reader::{deserialize_record, deserialize_records, type_name};
use crate::ingest::text;

/// `None` when the file cannot be a catalog at all (not JSON, not an object, no publisher).
pub fn parse(file: &str, bytes: &[u8]) -> Parsed<Option<Catalog>> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let catalog = text::json_document(file, bytes, &mut issues).and_then(|v| from_value(file, &v, &mut issues, &mut counts));
    Parsed { values: catalog, issues, counts }
}

pub fn from_value(file: &str, value: &Value, issues: &mut Vec<Issue>, counts: &mut RecordCounts) -> Option<Catalog> {
    let root = JsonPath::root();
    let Value::Object(obj) = value else {
        issues.push(msg::wrong_type(file, &root, "object", type_name(value)));
        return None;
    };
    let version = match obj.get("catalogVersion").and_then(Value::as_str) {
        Some(v) => v.to_string(),
        None => {
            issues.push(msg::missing(file, &root, "catalogVersion", "ถือว่าเป็นเวอร์ชัน 1.0", "read as version 1.0"));
            CATALOG_VERSION.to_string()
        }
    };
    let Some(publisher) =
        obj.get("publisher").and_then(|p| deserialize_record::<Publisher>(file, p, &root.key("publisher"), issues))
    else {
        if !obj.contains_key("publisher") {
            issues.push(msg::missing(file, &root, "publisher", "ไม่ทราบผู้เผยแพร่ข้อมูล", "the publisher is unknown"));
        }
        return None;
    };
    let mut organisations: Vec<Organisation> =
        deserialize_records(file, obj.get("organisations"), &root.key("organisations"), issues, counts);
    // A population of 0 is a source's "no figure" (WeVis writes it so): never a divisor.
    for o in &mut organisations {
        o.population = o.population.filter(|p| p.count > 0);
    }
    let datasets: Vec<Dataset> = deserialize_records(file, obj.get("datasets"), &root.key("datasets"), issues, counts);
    let parts: Vec<CatalogPart> = deserialize_records(file, obj.get("parts"), &root.key("parts"), issues, counts);
    // Unlike an organisation or a dataset, a part cannot be left out on its own: a province would be missing from
    // every view without a word (its entry's issue says why).
    if obj.get("parts").and_then(Value::as_array).is_some_and(|listed| listed.len() != parts.len()) {
        return None;
    }
    if organisations.is_empty() && parts.is_empty() {
        issues.push(msg::empty(file, &root.key("organisations"), "รายชื่อองค์กร", "organisations"));
    }
    Some(Catalog {
        catalog_version: version,
        publisher,
        organisations,
        datasets,
        demonstration: obj.get("demonstration").and_then(Value::as_bool).unwrap_or(false),
        notice: obj.get("notice").and_then(|n| serde_json::from_value::<LocalText>(n.clone()).ok()),
        parts,
    })
}
