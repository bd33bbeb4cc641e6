//! data.go.th's e-GP contract data (`egp-contact-2568` and its kin) → OCDS compiled releases.
//!
//! The Comptroller General's Department publishes one row per contract: the project (รหัสโครงการ, name,
//! budget, method, agency, province, fiscal year) and its winner (name, tax id, agreed price, contract number,
//! dates, status); the portal's full column set adds ราคากลาง, location and a project type. `records` reads
//! every way the rows are published or mirrored, `row` reads one row (putting shifted values back where that
//! is certain), and `assemble` makes one process of each project's rows. `Compiler` runs them over files one
//! after another with bounded memory, counting every row: used, re-aligned or rejected, and repeated rows.
//! The mapping onto OCDS is in docs/DATA.md.
mod assemble;
pub mod columns;
pub mod records;
pub mod row;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use crate::domain::issue::Issue;
use crate::domain::money::Total;
use crate::ingest::messages as msg;
pub use assemble::{agency_key, supplier_id};
use row::{Outcome, Row};

pub const OCID_PREFIX: &str = "th-egp-";

/// The OCDS method of a กลุ่มวิธีจัดซื้อฯ (e-bidding and e-market are open; คัดเลือก selective; เฉพาะเจาะจง limited).
pub fn method_from_group(group: &str) -> Option<&'static str> {
    crate::ingest::egp_api::method_from_group(group)
}

/// True when a JSON value looks like these rows: a row, an array of rows or the portal's answer.
pub fn detect(value: &Value) -> bool {
    let row = match value {
        Value::Array(rows) => rows.first(),
        Value::Object(o) => o.get("result").and_then(|r| r.get("records")).and_then(|r| r.get(0)).or(Some(value)),
        _ => None,
    };
    row.and_then(Value::as_object)
        .is_some_and(|o| o.keys().any(|k| columns::Column::of_header(k) == Some(columns::Column::ProjectId)))
}

/// True when the start of a file (text) is a CSV header or JSON Lines of these rows.
pub fn detect_text(start: &str) -> bool {
    start.lines().next().is_some_and(|first| first.contains("รหัสโครงการ"))
}

/// What one file gave.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileCounts {
    pub file: String,
    pub rows: usize,
    pub used: usize,
    pub realigned: usize,
    pub rejected: usize,
    /// Of used and re-aligned rows, those that repeated a contract already read: counted once.
    pub repeated: usize,
    pub processes: usize,
}

/// Everything `compile` did, for `--report`. Money as decimal strings of baht, exact.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub files: Vec<FileCounts>,
    pub rows: usize,
    pub used: usize,
    pub realigned: usize,
    pub rejected: usize,
    pub repeated: usize,
    pub processes: usize,
    pub contracts: usize,
    /// Σ ราคาตกลงซื้อ/จ้าง of the contracts written (distinct contracts of used and re-aligned rows).
    pub contract_value: String,
    /// Σ ราคาตกลงซื้อ/จ้าง of repeated rows (not written again), and of rejected rows (where it could be read).
    pub repeated_value: String,
    pub rejected_value: String,
    /// Issues by code, and each issue with its file, line and reason.
    pub reasons: BTreeMap<String, usize>,
    pub issues: Vec<Issue>,
}

/// Compiles files of rows into releases, one file after another: within a file a project is held until its
/// last row, and across files only the keys of the contracts written are kept.
#[derive(Default)]
pub struct Compiler {
    seen: assemble::Seen,
    /// Where issues go instead of `Report::issues`, when a caller streams them (a country has 400,000).
    sink: Option<Box<dyn FnMut(Issue)>>,
    report: Report,
    written: Total,
    repeated_value: Total,
    rejected_value: Total,
}

impl Compiler {
    pub fn new() -> Compiler {
        Compiler::default()
    }

    /// Hands every issue to `sink` as each file ends, instead of keeping it in the report (which still counts
    /// them by code).
    pub fn with_issue_sink(sink: Box<dyn FnMut(Issue)>) -> Compiler {
        Compiler { sink: Some(sink), ..Compiler::default() }
    }

    /// Reads one file and hands each process's compiled release to `out` as soon as its last row is read.
    /// `open` is called twice: a first pass counts each project's rows, so that the second holds only the
    /// projects still open (a project's rows can be 100,000 lines apart), not the whole file.
    pub fn add_file<R: Read>(&mut self, file: &str, mut open: impl FnMut() -> R, out: &mut dyn FnMut(Value)) {
        let mut remaining: HashMap<String, u32> = HashMap::new();
        records::project_ids(file, open(), &mut |record| {
            if let Some(id) = record.ok().as_ref().and_then(raw_project_id) {
                *remaining.entry(id).or_default() += 1;
            }
        });
        let mut f = FileState { counts: FileCounts { file: file.to_string(), ..FileCounts::default() }, ..FileState::default() };
        let mut issues = Vec::new();
        records::records(file, open(), &mut issues, &mut |record| {
            f.counts.rows += 1;
            let record = match record {
                Ok(r) => r,
                Err(issue) => {
                    f.counts.rejected += 1;
                    f.issues.push(issue);
                    return;
                }
            };
            let raw_id = raw_project_id(&record);
            let price = record
                .fields
                .iter()
                .find(|(k, _)| columns::Column::of_header(k) == Some(columns::Column::Price))
                .map(|(_, v)| v.clone());
            match row::interpret(file, record, &mut f.unknown, &mut f.issues) {
                Outcome::Used(row) => {
                    f.counts.used += 1;
                    f.projects.entry(row.project_id.clone()).or_default().push(row);
                }
                Outcome::Realigned(row, issue) => {
                    f.counts.realigned += 1;
                    f.realigned_lines.insert(row.line);
                    f.issues.push(issue);
                    f.projects.entry(row.project_id.clone()).or_default().push(row);
                }
                Outcome::Rejected(issue) => {
                    f.counts.rejected += 1;
                    f.issues.push(issue);
                    // Its amount, where it can be read at all, is reported as the value left out.
                    if let Some(p) = price.as_ref().and_then(value_baht) {
                        f.rejected_value.add(p);
                    }
                }
            }
            if let Some(id) = raw_id {
                let left = remaining.get_mut(&id).map(|n| {
                    *n = n.saturating_sub(1);
                    *n
                });
                if left == Some(0) {
                    remaining.remove(&id);
                    if let Some(rows) = f.projects.swap_remove(&id) {
                        self.finish_project(file, &rows, &mut f, out);
                    }
                }
            }
        });
        // Whatever the first pass did not see end (a stream that broke between the passes).
        for (_, rows) in std::mem::take(&mut f.projects) {
            self.finish_project(file, &rows, &mut f, out);
        }
        issues.append(&mut f.issues);
        for header in &f.unknown {
            issues.push(msg::unknown_column(file, 1, header));
        }
        self.rejected_value.merge(f.rejected_value);
        let counts = f.counts;
        let r = &mut self.report;
        r.rows += counts.rows;
        r.used += counts.used;
        r.realigned += counts.realigned;
        r.rejected += counts.rejected;
        r.repeated += counts.repeated;
        r.processes += counts.processes;
        for issue in &issues {
            *r.reasons.entry(issue.code.to_string()).or_default() += 1;
        }
        match self.sink.as_mut() {
            Some(sink) => issues.into_iter().for_each(sink),
            None => r.issues.extend(issues),
        }
        r.files.push(counts);
    }

    /// One project's rows of a file → its release (if any row is new), its repeated rows and rows under
    /// another agency, counted.
    fn finish_project(&mut self, file: &str, rows: &[Row], f: &mut FileState, out: &mut dyn FnMut(Value)) {
        let done = self.seen.assemble(file, rows);
        for (line, contract) in &done.repeated {
            f.counts.repeated += 1;
            f.issues.push(msg::repeated_contract(file, *line, &rows[0].project_id, contract));
        }
        for (line, other) in &done.other_agency {
            // Rejected after all: a process has one buyer.
            if f.realigned_lines.remove(line) {
                f.counts.realigned -= 1;
            } else {
                f.counts.used -= 1;
            }
            f.counts.rejected += 1;
            f.issues.push(msg::project_under_two_agencies(file, *line, &rows[0].project_id, &done.agency, other));
        }
        for row in rows {
            f.realigned_lines.remove(&row.line);
        }
        self.written.merge(done.written);
        self.repeated_value.merge(done.repeated_value);
        self.report.contracts += done.contracts;
        if let Some(release) = done.release {
            f.counts.processes += 1;
            out(release);
        }
    }

    /// The report, with its money totals.
    pub fn finish(mut self) -> Report {
        self.report.contract_value = self.written.to_decimal_string();
        self.report.repeated_value = self.repeated_value.to_decimal_string();
        self.report.rejected_value = self.rejected_value.to_decimal_string();
        self.report
    }
}

/// What one file's second pass holds.
#[derive(Default)]
struct FileState {
    counts: FileCounts,
    issues: Vec<Issue>,
    unknown: Vec<String>,
    projects: IndexMap<String, Vec<Row>>,
    rejected_value: Total,
    /// Lines re-aligned among the projects still open.
    realigned_lines: HashSet<usize>,
}

/// The project id as the record gives it, the same in both passes whatever becomes of the row.
fn raw_project_id(record: &records::RawRecord) -> Option<String> {
    let (_, v) = record.fields.iter().find(|(k, _)| columns::Column::of_header(k) == Some(columns::Column::ProjectId))?;
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn value_baht(v: &Value) -> Option<crate::domain::money::Satang> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .and_then(|i| crate::domain::money::Satang::from_baht(i).ok())
            .or_else(|| crate::domain::money::Satang::from_f64_baht(n.as_f64()?).ok()),
        Value::String(s) => crate::domain::money::Satang::parse_baht(s).ok(),
        _ => None,
    }
}

/// The releases and issues of one file's bytes, as the app and the check page read them.
pub fn convert(file: &str, bytes: &[u8]) -> crate::domain::issue::Parsed<Vec<Value>> {
    let mut compiler = Compiler::new();
    let mut values = Vec::new();
    compiler.add_file(file, || bytes, &mut |r| values.push(r));
    let report = compiler.finish();
    let counts = crate::domain::issue::RecordCounts {
        read: report.rows,
        accepted: report.used + report.realigned,
        rejected: report.rejected,
    };
    crate::domain::issue::Parsed { values, issues: report.issues, counts }
}

#[cfg(test)]
mod tests;
