//! One e-GP row, read into typed fields. The values are checked against their columns first: a row whose
//! values sit under the wrong headers is recognised from the values themselves (a date where the tax id
//! should be, a name where a coordinate should be), put back when one layout fits every value, and rejected
//! with the reason otherwise. A date is never read as a tax id, nor a name as a coordinate.
use std::collections::BTreeMap;

use serde_json::Value;

use super::columns::Column;
use super::msg;
use super::records::RawRecord;
use crate::domain::calendar::{Date, FiscalYear};
use crate::domain::codes::Code;
use crate::domain::issue::{Issue, JsonPath};
use crate::domain::money::Satang;
use crate::domain::taxid::{self, TaxIdCheck};

/// A row's fields, typed. Absent or `-` is None.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub line: usize,
    pub project_id: String,
    pub title: Option<String>,
    pub project_type: Option<String>,
    pub agency: String,
    pub sub_agency: Option<String>,
    pub method_group: Option<String>,
    pub announced: Option<Date>,
    pub budget: Option<Satang>,
    pub reference: Option<Satang>,
    pub price: Option<Satang>,
    pub fiscal_year: Option<FiscalYear>,
    pub transaction: Option<Date>,
    pub province: Option<String>,
    pub district: Option<String>,
    pub subdistrict: Option<String>,
    pub project_status: Option<String>,
    /// Latitude and longitude, inside Thailand.
    pub location: Option<(f64, f64)>,
    /// The winner's 13-digit tax id, when it is one with a valid check digit.
    pub tax_id: Option<String>,
    pub winner: Option<String>,
    pub contract_no: Option<String>,
    pub signed: Option<Date>,
    pub end: Option<Date>,
    pub contract_budget: Option<Satang>,
    pub contract_status: Option<String>,
}

/// What became of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Used(Row),
    /// Its values were put back under their columns; the issue says how.
    Realigned(Row, Issue),
    Rejected(Issue),
}

/// What a value looks like, whatever column it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    Date,
    TaxId,
    Number,
    Point,
    Status,
    Text,
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn kind(v: &Value) -> Kind {
    let t = match v {
        Value::String(s) => s.trim(),
        Value::Number(_) => return Kind::Number,
        _ => return Kind::Empty,
    };
    if t.is_empty() || t == "-" {
        return Kind::Empty;
    }
    if Date::parse_thai(t).is_some() {
        return Kind::Date;
    }
    if is_tax_id_like(t) {
        return Kind::TaxId;
    }
    if t.starts_with("POINT(") {
        return Kind::Point;
    }
    if t.parse::<f64>().is_ok() || Satang::parse_baht(t).is_ok() {
        return Kind::Number;
    }
    if is_status(t) {
        return Kind::Status;
    }
    Kind::Text
}

/// 13 digits (a tax id), or 9 digits and `xxxx` (a person's id, masked by the publisher).
fn is_tax_id_like(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (t.len() == 13 && digits == 13) || (t.len() == 13 && digits == 9 && t[9..].eq_ignore_ascii_case("xxxx"))
}

/// A contract's or project's status as e-GP words it.
fn is_status(t: &str) -> bool {
    ["ดำเนินการ", "สิ้นสุด", "ยกเลิก", "เสร็จ", "ส่งมอบ", "ลงนาม"].iter().any(|w| t.contains(w))
}

/// The kinds a column's value may have.
fn allowed(column: Column) -> &'static [Kind] {
    use Kind::*;
    match column {
        Column::TaxId => &[Empty, TaxId],
        Column::Winner => &[Empty, Text, Status, Number],
        Column::Signed | Column::End | Column::Announced | Column::Transaction => &[Empty, Date],
        Column::ContractStatus | Column::ProjectStatus => &[Empty, Status],
        Column::Latitude | Column::Longitude => &[Empty, Number],
        Column::Location => &[Empty, Point],
        Column::Budget | Column::ReferencePrice | Column::Price | Column::ContractBudget => &[Empty, Number],
        Column::ContractNo => &[Empty, Text, Number, TaxId],
        Column::FiscalYear | Column::Id | Column::Seq => &[Empty, Number],
        _ => &[Empty, Text, Number, Date, TaxId, Point, Status],
    }
}

fn kind_name(k: Kind) -> (&'static str, &'static str) {
    match k {
        Kind::Empty => ("ค่าว่าง", "nothing"),
        Kind::Date => ("วันที่", "a date"),
        Kind::TaxId => ("เลขประจำตัว 13 หลัก", "a 13-digit id"),
        Kind::Number => ("ตัวเลข", "a number"),
        Kind::Point => ("พิกัด", "coordinates"),
        Kind::Status => ("สถานะ", "a status"),
        Kind::Text => ("ข้อความ", "text"),
    }
}

type Layout = BTreeMap<Column, Value>;

/// The columns whose values are of a kind they cannot hold.
fn conflicts(layout: &Layout) -> Vec<(Column, Kind)> {
    // A column that takes any kind (a title, a name) cannot conflict: its value is not examined.
    layout
        .iter()
        .filter(|(c, _)| allowed(**c).len() < ANY_KIND)
        .map(|(c, v)| (*c, kind(v)))
        .filter(|(c, k)| !allowed(*c).contains(k))
        .collect()
}

/// How many kinds there are: a column that allows them all.
const ANY_KIND: usize = 7;

/// The full shape with its three English-name columns missing: every value after the province one to three
/// places early. Values put back in header order, skipping those columns; None if that would drop a value.
fn without_english(cells: &[(Option<Column>, Value)]) -> Option<Layout> {
    let province = cells.iter().position(|(c, _)| *c == Some(Column::Province))?;
    if !cells.iter().any(|(c, _)| c.is_some_and(Column::is_english)) {
        return None;
    }
    let targets: Vec<Column> = cells[province + 1..].iter().filter_map(|(c, _)| *c).filter(|c| !c.is_english()).collect();
    let values: Vec<&Value> = cells[province + 1..].iter().map(|(_, v)| v).collect();
    // The values that fall off the end must be empty: otherwise something would be lost.
    if values[targets.len()..].iter().any(|v| kind(v) != Kind::Empty) {
        return None;
    }
    let mut layout: Layout = cells[..=province].iter().filter_map(|(c, v)| Some((c.as_ref().copied()?, v.clone()))).collect();
    layout.extend(targets.into_iter().zip(values.into_iter().cloned()));
    Some(layout)
}

/// A contract status written where the signing date belongs, with the status column empty.
fn status_in_date(labelled: &Layout) -> Option<Layout> {
    let signed = labelled.get(&Column::Signed)?;
    let status_empty = labelled.get(&Column::ContractStatus).is_none_or(|v| kind(v) == Kind::Empty);
    (kind(signed) == Kind::Status && status_empty).then(|| {
        let mut layout = labelled.clone();
        layout.insert(Column::ContractStatus, signed.clone());
        layout.insert(Column::Signed, Value::Null);
        layout
    })
}

fn describe(conflicts: &[(Column, Kind)]) -> (String, String) {
    let th = conflicts.iter().map(|(c, k)| format!("{} ใน {}", kind_name(*k).0, c.as_str())).collect::<Vec<_>>().join("; ");
    let en = conflicts.iter().map(|(c, k)| format!("{} in {}", kind_name(*k).1, c.as_str())).collect::<Vec<_>>().join("; ");
    (th, en)
}

/// Reads one record. Headers this reader does not know are added to `unknown` (the caller says them once).
pub fn interpret(file: &str, record: RawRecord, unknown: &mut Vec<String>, issues: &mut Vec<Issue>) -> Outcome {
    let line = record.line;
    let mut cells = Vec::with_capacity(record.fields.len());
    for (header, value) in record.fields {
        let column = Column::of_header(&header);
        if column.is_none() && !unknown.contains(&header) {
            unknown.push(header.clone());
        }
        cells.push((column, value));
    }
    let labelled: Layout = cells.iter().filter_map(|(c, v)| Some((c.as_ref().copied()?, v.clone()))).collect();
    let found = conflicts(&labelled);
    let (layout, realigned) = if found.is_empty() {
        (labelled, None)
    } else {
        let candidates = [
            without_english(&cells).map(|l| {
                (
                    l,
                    (
                        "ไม่มีค่าของคอลัมน์ภาษาอังกฤษ ค่าหลังจังหวัดเลื่อนมาก่อน",
                        "the English-name columns have no values, so every value after the province sits early",
                    ),
                )
            }),
            status_in_date(&labelled)
                .map(|l| (l, ("สถานะสัญญาอยู่ในช่องวันที่ลงนาม", "the contract status is in the signing-date column"))),
        ];
        let fitting: Vec<_> = candidates.into_iter().flatten().filter(|(l, _)| conflicts(l).is_empty()).collect();
        match <[_; 1]>::try_from(fitting) {
            Ok([(layout, (th, en))]) => (layout, Some(msg::realigned(file, line, th, en))),
            _ => {
                let (th, en) = describe(&found);
                return Outcome::Rejected(msg::misaligned(file, line, &th, &en));
            }
        }
    };
    match read(file, line, &layout, issues) {
        Ok(row) => match realigned {
            Some(issue) => Outcome::Realigned(row, issue),
            None => Outcome::Used(row),
        },
        Err(issue) => Outcome::Rejected(issue),
    }
}

/// The typed fields of a layout whose values fit their columns.
fn read(file: &str, line: usize, layout: &Layout, issues: &mut Vec<Issue>) -> Result<Row, Issue> {
    let at = |c: Column| JsonPath::line(line).key(c.as_str());
    let text = |c: Column| layout.get(&c).and_then(text_of).filter(|t| !t.is_empty() && t != "-");
    let mut money = |c: Column| -> Option<Satang> {
        let v = layout.get(&c)?;
        let result = match v {
            Value::Number(n) => match n.as_i64() {
                Some(i) => Satang::from_baht(i),
                None => Satang::from_f64_baht(n.as_f64()?),
            },
            Value::String(s) if s.trim().is_empty() || s.trim() == "-" => return None,
            Value::String(s) => Satang::parse_baht(s),
            _ => return None,
        };
        result.map_err(|e| issues.push(crate::ingest::messages::bad_amount(file, &at(c), &v.to_string(), e))).ok()
    };
    let budget = money(Column::Budget);
    let reference = money(Column::ReferencePrice);
    let price = money(Column::Price);
    let contract_budget = money(Column::ContractBudget);
    let date = |c: Column| text(c).and_then(|t| Date::parse_thai(&t));
    let Some(project_id) = text(Column::ProjectId) else {
        return Err(crate::ingest::messages::missing(
            file,
            &JsonPath::line(line),
            "รหัสโครงการ",
            "ไม่สามารถระบุโครงการได้",
            "the project cannot be identified",
        ));
    };
    let Some(agency) = text(Column::Agency) else {
        return Err(crate::ingest::messages::missing(
            file,
            &JsonPath::line(line),
            "ชื่อหน่วยงาน",
            "ไม่ทราบหน่วยงานผู้ซื้อ",
            "the buying agency is unknown",
        ));
    };
    let tax_id = text(Column::TaxId).and_then(|t| match taxid::check(&t) {
        TaxIdCheck::Valid => Some(t),
        TaxIdCheck::BadCheckDigit => {
            issues.push(crate::ingest::messages::bad_tax_id(file, &at(Column::TaxId), &t));
            None
        }
        TaxIdCheck::NotATaxId => {
            issues.push(msg::masked_tax_id(file, &at(Column::TaxId), &t));
            None
        }
    });
    let location = location(layout);
    Ok(Row {
        line,
        project_id,
        title: text(Column::ProjectName),
        project_type: text(Column::ProjectType),
        agency,
        sub_agency: text(Column::SubAgency),
        method_group: text(Column::MethodGroup),
        announced: date(Column::Announced),
        budget,
        reference,
        price,
        fiscal_year: text(Column::FiscalYear).and_then(|t| t.parse().ok()).map(FiscalYear),
        transaction: date(Column::Transaction),
        province: text(Column::Province),
        district: text(Column::District),
        subdistrict: text(Column::Subdistrict),
        project_status: text(Column::ProjectStatus),
        location,
        tax_id,
        winner: text(Column::Winner),
        contract_no: text(Column::ContractNo),
        signed: date(Column::Signed),
        end: date(Column::End),
        contract_budget,
        contract_status: text(Column::ContractStatus),
    })
}

/// Where the project is: `POINT(lon lat)`, else latitude and longitude, kept only inside Thailand.
fn location(layout: &Layout) -> Option<(f64, f64)> {
    let number = |c: Column| layout.get(&c).and_then(text_of).and_then(|t| t.parse::<f64>().ok());
    let from_point = layout.get(&Column::Location).and_then(text_of).and_then(|t| {
        let inner = t.strip_prefix("POINT(")?.strip_suffix(')')?;
        let mut parts = inner.split_whitespace().map(str::parse::<f64>);
        let (lon, lat) = (parts.next()?.ok()?, parts.next()?.ok()?);
        Some((lat, lon))
    });
    let (lat, lon) = from_point.or_else(|| Some((number(Column::Latitude)?, number(Column::Longitude)?)))?;
    ((5.0..=21.0).contains(&lat) && (97.0..=106.0).contains(&lon)).then_some((lat, lon))
}

#[cfg(test)]
mod tests;
