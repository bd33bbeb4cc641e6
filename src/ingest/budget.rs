//! Our budget schema (public/schema/budget.schema.json) → `Budget`. Lines are read one by one.
use serde::Deserialize;
use serde_json::Value;

use crate::domain::budget::{Budget, ExpenditureLine, RevenueLine};
use crate::domain::calendar::FiscalYear;
use crate::domain::issue::{Issue, JsonPath, Parsed, RecordCounts};
use crate::domain::money::Satang;
use crate::domain::org::LocalText;
use crate::ingest::messages as msg;
use crate::ingest::reader::{deserialize_record, deserialize_records};
use crate::ingest::text;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    budget_version: String,
    organisation: String,
    #[serde(default)]
    organisation_name: Option<String>,
    fiscal_year: FiscalYear,
    #[serde(default)]
    declared_total: Option<Satang>,
    #[serde(default)]
    population: Option<u64>,
    #[serde(default)]
    source: Option<LocalText>,
    #[serde(default)]
    source_url: Option<String>,
    #[serde(default)]
    demonstration: bool,
}

pub fn parse(file: &str, bytes: &[u8]) -> Parsed<Option<Budget>> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let budget = text::json_document(file, bytes, &mut issues).and_then(|v| from_value(file, &v, &mut issues, &mut counts));
    Parsed { values: budget, issues, counts }
}

pub fn from_value(file: &str, value: &Value, issues: &mut Vec<Issue>, counts: &mut RecordCounts) -> Option<Budget> {
    let root = JsonPath::root();
    let header: Header = deserialize_record(file, value, &root, issues)?;
    let expenditure: Vec<ExpenditureLine> =
        deserialize_records(file, value.get("expenditure"), &root.key("expenditure"), issues, counts);
    let revenue: Vec<RevenueLine> = deserialize_records(file, value.get("revenue"), &root.key("revenue"), issues, counts);
    if expenditure.is_empty() {
        issues.push(msg::empty(file, &root.key("expenditure"), "รายการรายจ่าย", "expenditure lines"));
    }
    let budget = Budget {
        budget_version: header.budget_version,
        organisation: header.organisation,
        organisation_name: header.organisation_name,
        fiscal_year: header.fiscal_year,
        declared_total: header.declared_total,
        population: header.population,
        expenditure,
        revenue,
        source: header.source,
        source_url: header.source_url,
        demonstration: header.demonstration,
    };
    check_total(file, &budget, issues);
    Some(budget)
}

/// The declared total must equal the sum of the lines, to the satang.
pub fn check_total(file: &str, budget: &Budget, issues: &mut Vec<Issue>) {
    if let Some(declared) = budget.declared_total {
        let computed = budget.allocated_total();
        if crate::domain::money::Total::from(declared) != computed {
            issues.push(msg::total_mismatch(
                file,
                &JsonPath::root().key("declaredTotal"),
                &declared.format_baht(),
                &computed.format_baht(),
            ));
        }
    }
}
