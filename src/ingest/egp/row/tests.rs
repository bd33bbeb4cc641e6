//! One row at a time: which layout its values fit, and its typed fields.
use super::*;
use crate::ingest::egp::records::fields;

const REAL: &str = include_str!("../../../../tests/fixtures/egp/real-rows.jsonl");

fn outcome(line: usize) -> Outcome {
    let text = REAL.lines().nth(line - 1).unwrap();
    interpret("real.jsonl", RawRecord { line, fields: fields(text) }, &mut Vec::new(), &mut Vec::new())
}

#[test]
fn a_plain_row_is_used_as_labelled() {
    let Outcome::Used(row) = outcome(1) else { panic!() };
    assert_eq!(row.project_id, "67109043242");
    assert_eq!(row.tax_id.as_deref(), Some("0107536001737"));
    assert_eq!(row.price, Some(Satang::baht(9_570_000)));
    assert_eq!(row.signed, Date::new(2024, 11, 15));
    assert_eq!(row.announced, None, "a dash is no date");
    assert_eq!(row.fiscal_year, Some(FiscalYear(2568)));
}

#[test]
fn shifted_rows_are_put_back_only_when_one_layout_fits() {
    let Outcome::Realigned(row, issue) = outcome(13) else { panic!("{:?}", outcome(13)) };
    assert_eq!(issue.path, "line 13");
    assert!(row.tax_id.is_some() && row.winner.is_some());
    assert!(row.signed.is_some() && row.end.is_some());
    assert!(row.reference.is_some());
    assert!(matches!(outcome(3), Outcome::Realigned(..)));
    let Outcome::Rejected(issue) = outcome(14) else { panic!() };
    assert_eq!(issue.code, "misaligned");
}

#[test]
fn a_date_is_never_a_tax_id_nor_a_name_a_coordinate() {
    let mut issues = Vec::new();
    let row = r#"{"รหัสโครงการ":"1","ชื่อหน่วยงาน":"ก","เลขนิติบุคคล":"3 มี.ค. 68","ชื่อผู้ชนะ":"นาย ข"}"#;
    let out = interpret("f", RawRecord { line: 1, fields: fields(row) }, &mut Vec::new(), &mut issues);
    assert!(matches!(out, Outcome::Rejected(ref i) if i.en.contains("a date in เลขนิติบุคคล")), "{out:?}");
    let row = r#"{"รหัสโครงการ":"1","ชื่อหน่วยงาน":"ก","ละติจูดโครงการ":"บริษัท ค จำกัด","ลองจิจูดโครงการ":"1/2568"}"#;
    let out = interpret("f", RawRecord { line: 1, fields: fields(row) }, &mut Vec::new(), &mut issues);
    assert!(matches!(out, Outcome::Rejected(_)), "{out:?}");
}

#[test]
fn tax_ids_are_checked_and_a_missing_one_is_no_error() {
    let mut issues = Vec::new();
    let row = |tin: &str| format!(r#"{{"รหัสโครงการ":"1","ชื่อหน่วยงาน":"ก","เลขนิติบุคคล":"{tin}","ชื่อผู้ชนะ":"ข"}}"#);
    let read = |tin: &str, issues: &mut Vec<Issue>| match interpret(
        "f",
        RawRecord { line: 1, fields: fields(&row(tin)) },
        &mut Vec::new(),
        issues,
    ) {
        Outcome::Used(r) => r.tax_id,
        other => panic!("{other:?}"),
    };
    assert_eq!(read("0105564068059", &mut issues), Some("0105564068059".into()));
    assert!(issues.is_empty());
    assert_eq!(read("", &mut issues), None);
    assert!(issues.is_empty(), "a missing tax id is not an error");
    assert_eq!(read("0105564068058", &mut issues), None);
    assert_eq!(issues.last().map(|i| i.code), Some("bad-tax-id"));
    assert_eq!(read("310010049xxxx", &mut issues), None);
    assert_eq!(issues.last().map(|i| i.code), Some("masked-tax-id"));
}

#[test]
fn amounts_are_exact_from_text_or_numbers() {
    let row = r#"{"รหัสโครงการ":1,"ชื่อหน่วยงาน":"ก","งบประมาณ(บาท)":"1,234.50","ราคาตกลงซื้อ/จ้าง":276177.1,"ราคากลาง(บาท)":527064}"#;
    let Outcome::Used(r) = interpret("f", RawRecord { line: 1, fields: fields(row) }, &mut Vec::new(), &mut Vec::new()) else {
        panic!()
    };
    assert_eq!((r.budget, r.price, r.reference), (Some(Satang(123_450)), Some(Satang(27_617_710)), Some(Satang::baht(527_064))));
    assert_eq!(r.project_id, "1");
}
