//! Our assessment schema: `{assessmentVersion, lpa: [Lpa…], ita: [Ita…]}`, several organisations per file.
use serde_json::Value;

use crate::domain::assessment::{default_ita_bands, grade_for, Ita, Lpa};
use crate::domain::issue::{Issue, JsonPath, Parsed, RecordCounts, Severity};
use crate::ingest::messages as msg;
use crate::ingest::reader::{deserialize_records, type_name};
use crate::ingest::text;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assessments {
    pub lpa: Vec<Lpa>,
    pub ita: Vec<Ita>,
}

pub fn detect(value: &Value) -> bool {
    value.get("assessmentVersion").is_some()
        || value.get("lpa").is_some_and(Value::is_array)
        || value.get("ita").is_some_and(Value::is_array)
}

pub fn parse(file: &str, bytes: &[u8]) -> Parsed<Assessments> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let values =
        text::json_document(file, bytes, &mut issues).map(|v| from_value(file, &v, &mut issues, &mut counts)).unwrap_or_default();
    Parsed { values, issues, counts }
}

pub fn from_value(file: &str, value: &Value, issues: &mut Vec<Issue>, counts: &mut RecordCounts) -> Assessments {
    let root = JsonPath::root();
    if !value.is_object() {
        issues.push(msg::wrong_type(file, &root, "object", type_name(value)));
        return Assessments::default();
    }
    let lpa: Vec<Lpa> = deserialize_records(file, value.get("lpa"), &root.key("lpa"), issues, counts);
    let ita: Vec<Ita> = deserialize_records(file, value.get("ita"), &root.key("ita"), issues, counts);
    let bands = default_ita_bands();
    for (i, record) in ita.iter().enumerate() {
        // The published grade is shown as published; a grade that disagrees with the total is worth a warning.
        if grade_for(record.total, &bands) != Some(record.grade) {
            let mut issue = msg::unexpected_value(file, &root.key("ita").index(i).key("grade"), &format!("{:?}", record.grade));
            issue.severity = Severity::Warning;
            issue.th = format!("เกรด {:?} ไม่ตรงกับคะแนนรวม {:.2} ตามเกณฑ์ของ ป.ป.ช.", record.grade, record.total);
            issue.en = format!("Grade {:?} does not match the total {:.2} under NACC's bands.", record.grade, record.total);
            issues.push(issue);
        }
    }
    Assessments { lpa, ita }
}
