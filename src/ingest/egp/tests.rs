//! The compiler over real rows (tests/fixtures/egp, taken from ../shared/real) and over bad input.
use super::*;

const REAL: &str = include_str!("../../../tests/fixtures/egp/real-rows.jsonl");

fn compile(files: &[(&str, &str)]) -> (Vec<Value>, Report) {
    let mut c = Compiler::new();
    let mut out = Vec::new();
    for (name, text) in files {
        c.add_file(name, || text.as_bytes(), &mut |r| out.push(r));
    }
    (out, c.finish())
}

fn release<'a>(out: &'a [Value], project: &str) -> &'a Value {
    out.iter().find(|r| r["ocid"] == format!("th-egp-{project}")).unwrap_or_else(|| panic!("no {project}"))
}

#[test]
fn every_real_row_is_counted_used_realigned_or_rejected() {
    let (out, report) = compile(&[("real.jsonl", REAL)]);
    assert_eq!(report.rows, 14);
    assert_eq!((report.used, report.realigned, report.rejected, report.repeated), (11, 2, 1, 1), "{:#?}", report.reasons);
    // One process per project: 62:1 (with its repeat), 62:12, 62:420, the eight-contract project, 65:309.
    assert_eq!(out.len(), 5);
    assert_eq!(report.processes, 5);
    assert_eq!(report.contracts, 12);
    // The rejected row names its file, line and reason.
    let misaligned: Vec<&Issue> = report.issues.iter().filter(|i| i.code == "misaligned").collect();
    assert_eq!(misaligned.len(), 1);
    assert_eq!((misaligned[0].file.as_str(), misaligned[0].path.as_str()), ("real.jsonl", "line 14"));
    assert!(
        misaligned[0].en.contains("a date in ชื่อผู้ชนะ") && misaligned[0].en.contains("a date in เลขนิติบุคคล"),
        "{}",
        misaligned[0].en
    );
    let realigned: Vec<&str> = report.issues.iter().filter(|i| i.code == "realigned").map(|i| i.path.as_str()).collect();
    assert_eq!(realigned, vec!["line 3", "line 13"]);
}

#[test]
fn the_18_column_shape_maps_onto_ocds() {
    let (out, _) = compile(&[("real.jsonl", REAL)]);
    let r = release(&out, "67109043242");
    assert_eq!(r["buyer"]["name"], "เทศบาลเมืองกำแพงเพชร");
    assert_eq!(r["planning"]["budget"]["amount"]["amount"], 9_980_000);
    assert_eq!(r["tender"]["procurementMethod"], "selective");
    assert_eq!(r["tender"]["procurementMethodDetails"], "คัดเลือก");
    // No ราคากลาง in this shape: no tender value rather than a made-up one.
    assert!(r["tender"].get("value").is_none());
    let contracts = r["contracts"].as_array().unwrap();
    assert_eq!(contracts.len(), 1, "the repeated row is not a second contract");
    assert_eq!(contracts[0]["value"]["amount"], 9_570_000);
    assert_eq!(contracts[0]["title"], "7/2568");
    assert_eq!(contracts[0]["dateSigned"], "2024-11-15");
    assert_eq!(contracts[0]["period"]["endDate"], "2025-02-13");
    assert_eq!(contracts[0]["status"], "active");
    assert_eq!(r["awards"][0]["suppliers"][0]["id"], "TH-RD-0107536001737");
    assert_eq!(r["egp"]["fiscalYear"], 2568);
}

#[test]
fn a_winner_without_a_tax_id_is_named_within_its_buyer() {
    let (out, _) = compile(&[("real.jsonl", REAL)]);
    let r = release(&out, "68069581929");
    let id = r["awards"][0]["suppliers"][0]["id"].as_str().unwrap();
    assert!(id.starts_with("TH-EGP-WINNER:กำแพงเพชร:"), "{id}");
    let party = r["parties"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap();
    assert!(party.get("identifier").is_none(), "no tax id is made up");
}

#[test]
fn a_shifted_full_row_is_put_back() {
    let (out, _) = compile(&[("real.jsonl", REAL)]);
    let r = release(&out, "68059325784");
    // The tax id and the winner's name sat in the location columns; they are back where they belong.
    let supplier = &r["awards"][0]["suppliers"][0];
    assert!(supplier["id"].as_str().unwrap().starts_with("TH-RD-"), "{supplier}");
    assert!(!supplier["name"].as_str().unwrap().chars().next().unwrap().is_ascii_digit());
    assert_eq!(r["tender"]["value"]["amount"], 31_398_442.84, "ราคากลาง is read from the full shape, to the satang");
    // Coordinates are numbers inside Thailand, never a name.
    let point = &r["tender"]["items"][0]["deliveryLocation"]["geometry"]["coordinates"];
    let (lon, lat) = (point[0].as_f64().unwrap(), point[1].as_f64().unwrap());
    assert!((97.0..106.0).contains(&lon) && (5.0..21.0).contains(&lat), "{point}");
    assert_eq!(r["contracts"][0]["status"], "active");
}

#[test]
fn a_status_in_the_date_column_is_put_back() {
    let (out, _) = compile(&[("real.jsonl", REAL)]);
    let r = release(&out, "68089420861");
    assert_eq!(r["contracts"][0]["status"], "terminated");
    assert!(r["contracts"][0].get("dateSigned").is_none());
}

#[test]
fn one_project_with_eight_contracts_is_one_process() {
    let (out, _) = compile(&[("real.jsonl", REAL)]);
    let r = release(&out, "68059120313");
    assert_eq!(r["contracts"].as_array().unwrap().len(), 8);
    assert_eq!(r["awards"].as_array().unwrap().len(), 8);
    let ids: std::collections::BTreeSet<&str> =
        r["contracts"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 8);
}

#[test]
fn the_contract_value_written_is_the_sum_of_distinct_contracts() {
    let (out, report) = compile(&[("real.jsonl", REAL)]);
    let written: i64 = out
        .iter()
        .flat_map(|r| r["contracts"].as_array().unwrap())
        .map(|c| (c["value"]["amount"].as_f64().unwrap() * 100.0).round() as i64)
        .sum();
    let expected: f64 = report.contract_value.parse().unwrap();
    assert_eq!(written, (expected * 100.0).round() as i64);
    // The repeated row's amount is reported, not written.
    assert_eq!(report.repeated_value, "9570000");
}

#[test]
fn the_same_project_in_two_files_is_written_once() {
    let line1 = REAL.lines().next().unwrap();
    let (out, report) = compile(&[("a.jsonl", line1), ("b.jsonl", line1)]);
    assert_eq!(out.len(), 1);
    assert_eq!((report.used, report.repeated), (2, 1));
}

#[test]
fn the_same_project_under_two_agencies_is_said_and_not_merged() {
    let line1 = REAL.lines().next().unwrap();
    let other = line1.replace("เทศบาลเมืองกำแพงเพชร", "องค์การบริหารส่วนตำบลไตรตรึงษ์").replace("7/2568", "9/2568");
    let (out, report) = compile(&[("a.jsonl", &format!("{line1}\n{other}\n"))]);
    assert_eq!(out.len(), 1);
    assert_eq!((report.used, report.rejected), (1, 1));
    let issue = report.issues.iter().find(|i| i.code == "project-two-agencies").unwrap();
    assert_eq!(issue.path, "line 2");
    assert!(issue.th.contains("เทศบาลเมืองกำแพงเพชร") && issue.th.contains("ไตรตรึงษ์"));
}

#[test]
fn bad_files_are_said_and_lose_no_other_row() {
    // A CSV with a ragged row and an unknown header, from the real rows' own columns.
    let csv = "รหัสโครงการ,ชื่อหน่วยงาน,จังหวัด,ราคาตกลงซื้อ/จ้าง,คอลัมน์ใหม่\n1,เทศบาลก,กำแพงเพชร,100,x\n2,เทศบาลก,กำแพงเพชร\n3,เทศบาลก,กำแพงเพชร,300,y\n";
    let (out, report) = compile(&[("rows.csv", csv)]);
    assert_eq!((report.rows, report.used, report.rejected, out.len()), (3, 2, 1, 2));
    assert_eq!(report.reasons.get("ragged-row"), Some(&1));
    assert_eq!(report.reasons.get("unknown-column"), Some(&1));
    assert_eq!(report.contract_value, "400");
    // An empty file.
    let (out, report) = compile(&[("empty.jsonl", "")]);
    assert_eq!((out.len(), report.rows, report.reasons.get("empty")), (0, 0, Some(&1)));
}
