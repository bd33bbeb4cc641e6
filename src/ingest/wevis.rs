//! The ACT × WeVis local-budget format (one JSON per อบจ.) → our `Budget`.
//!
//! `{total, groupedByArea, groupedByType, tasks[{task, area, plan, type, total}], pao{name, incomes, population}}`.
//! The expenditure lines are the tasks; the grouped totals are cross-checked against them.
use serde::Deserialize;
use serde_json::Value;

use crate::domain::budget::{Budget, ExpenditureLine, RevenueLine, BUDGET_VERSION};
use crate::domain::calendar::FiscalYear;
use crate::domain::issue::{Issue, JsonPath, Parsed, RecordCounts};
use crate::domain::money::{Satang, Total};
use crate::domain::org::LocalText;
use crate::ingest::budget::check_total;
use crate::ingest::messages as msg;
use crate::ingest::reader::{deserialize_record, deserialize_records};
use crate::ingest::text;

#[derive(Deserialize)]
struct Task {
    task: Option<String>,
    area: String,
    plan: String,
    #[serde(rename = "type")]
    category: String,
    total: Satang,
}

#[derive(Deserialize)]
struct Grouped {
    total: Satang,
}

#[derive(Deserialize)]
struct IncomeCategory {
    category: String,
    total: Satang,
}

#[derive(Deserialize)]
struct Income {
    #[serde(rename = "type")]
    group: String,
    #[serde(default)]
    total: Option<Satang>,
    #[serde(default)]
    categories: Vec<IncomeCategory>,
}

#[derive(Deserialize)]
struct Pao {
    name: String,
    #[serde(default)]
    population: Option<u64>,
    #[serde(default, rename = "budgetingDocUrl")]
    budgeting_doc_url: Option<String>,
}

/// True when a JSON value has the WeVis shape.
pub fn detect(value: &Value) -> bool {
    value.get("tasks").is_some_and(Value::is_array) && value.get("groupedByArea").is_some()
}

/// The fiscal year is not in the file; it is passed in, or read from a `/2565/` folder in the path.
pub fn year_from_path(path: &str) -> Option<FiscalYear> {
    path.split(['/', '\\']).filter_map(|part| part.parse::<i32>().ok()).find(|y| (2400..2700).contains(y)).map(FiscalYear)
}

pub fn parse(file: &str, bytes: &[u8], year: FiscalYear) -> Parsed<Option<Budget>> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let budget = text::json_document(file, bytes, &mut issues).and_then(|v| from_value(file, &v, year, &mut issues, &mut counts));
    Parsed { values: budget, issues, counts }
}

pub fn from_value(
    file: &str,
    value: &Value,
    year: FiscalYear,
    issues: &mut Vec<Issue>,
    counts: &mut RecordCounts,
) -> Option<Budget> {
    let root = JsonPath::root();
    let total: Option<Satang> = value.get("total").and_then(|t| deserialize_record(file, t, &root.key("total"), issues));
    let pao: Option<Pao> = match value.get("pao") {
        Some(p) => deserialize_record(file, p, &root.key("pao"), issues),
        None => {
            issues.push(msg::missing(file, &root, "pao", "ไม่ทราบชื่อ อบจ.", "the อบจ. is not named"));
            None
        }
    };
    let tasks: Vec<Task> = deserialize_records(file, value.get("tasks"), &root.key("tasks"), issues, counts);
    let expenditure: Vec<ExpenditureLine> = tasks
        .into_iter()
        .map(|t| ExpenditureLine {
            id: None,
            area: t.area,
            plan: t.plan,
            task: t.task,
            category: t.category,
            subcategory: None,
            item: None,
            allocated: t.total,
            revised: None,
            disbursed: None,
        })
        .collect();
    let mut ignored = RecordCounts::default();
    let incomes_at = root.key("pao").key("incomes");
    let incomes: Vec<Income> = value
        .get("pao")
        .and_then(|p| p.get("incomes"))
        .map(|incomes| deserialize_records::<Income>(file, Some(incomes), &incomes_at, issues, &mut ignored))
        .unwrap_or_default();
    let mut revenue = Vec::new();
    for (i, income) in incomes.into_iter().enumerate() {
        let categories_sum = Total::of(income.categories.iter().map(|c| c.total));
        match income.total {
            // A group published with a total but no categories keeps its total as one line.
            Some(total) if income.categories.is_empty() => {
                revenue.push(RevenueLine {
                    group: income.group.clone(),
                    category: income.group.clone(),
                    estimated: total,
                    actual: None,
                });
                continue;
            }
            Some(total) if Total::from(total) != categories_sum => {
                issues.push(msg::total_mismatch(
                    file,
                    &incomes_at.index(i).key("total"),
                    &total.format_baht(),
                    &categories_sum.format_baht(),
                ));
            }
            _ => {}
        }
        for c in income.categories {
            revenue.push(RevenueLine {
                group: income.group.clone(),
                // WeVis keeps the line breaks of the printed ordinance in category names.
                category: c.category.split_whitespace().collect::<Vec<_>>().join(" "),
                estimated: c.total,
                actual: None,
            });
        }
    }
    if revenue.is_empty() {
        let mut note = msg::empty(file, &incomes_at, "ข้อมูลรายรับ (ประมาณการรายรับ)", "revenue (estimated income) data");
        note.severity = crate::domain::issue::Severity::Info;
        issues.push(note);
    }
    for key in ["groupedByArea", "groupedByType"] {
        let grouped: Vec<Grouped> = deserialize_records(file, value.get(key), &root.key(key), issues, &mut ignored);
        let sum = Total::of(grouped.iter().map(|g| g.total));
        let lines = Total::of(expenditure.iter().map(|l| l.allocated));
        if sum != lines {
            issues.push(msg::total_mismatch(file, &root.key(key), &sum.format_baht(), &lines.format_baht()));
        }
    }
    let name = pao.as_ref().map(|p| p.name.clone()).unwrap_or_default();
    let budget = Budget {
        budget_version: BUDGET_VERSION.to_string(),
        organisation: format!("อบจ.{name}"),
        organisation_name: Some(format!("องค์การบริหารส่วนจังหวัด{name}")),
        fiscal_year: year,
        declared_total: total,
        // WeVis writes 0 where it has no figure.
        population: pao.as_ref().and_then(|p| p.population).filter(|&n| n > 0),
        expenditure,
        revenue,
        source: Some(LocalText::both(
            "ACT × WeVis ข้อมูลงบประมาณท้องถิ่น (จากข้อบัญญัติงบประมาณ อบจ.)",
            "ACT × WeVis local budget data (from the อบจ. budget ordinance)",
        )),
        source_url: pao.and_then(|p| p.budgeting_doc_url),
        demonstration: false,
    };
    check_total(file, &budget, issues);
    Some(budget)
}
