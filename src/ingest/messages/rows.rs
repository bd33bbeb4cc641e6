//! Messages about files of rows (e-GP contract rows in CSV or JSON, gzip) and about published files as a whole:
//! empty or cut-short files, columns and shifted rows, repeated contracts, checksums of flags files.
use super::issue;
use crate::domain::issue::{Issue, JsonPath, Severity};

pub fn empty_file(file: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::root(),
        "empty",
        "ไฟล์ว่าง ไม่มีแถวข้อมูล".into(),
        "The file is empty: it has no rows.".into(),
    )
}

/// The file could not be read to its end (a truncated or corrupt gzip stream).
pub fn unreadable_stream(file: &str, after_line: usize, detail: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::line(after_line + 1),
        "unreadable-stream",
        format!("อ่านไฟล์ต่อไม่ได้หลังบรรทัดที่ {after_line} (ไฟล์ถูกตัดหรือเสียหาย) ใช้แถวก่อนหน้านั้นแล้ว: {detail}"),
        format!("The file cannot be read past line {after_line} (cut short or corrupt); the rows before it were read: {detail}"),
    )
}

pub fn not_egp_csv(file: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::line(1),
        "unknown-header",
        "แถวหัวตารางไม่มีชื่อคอลัมน์ของข้อมูลสัญญา e-GP (เช่น รหัสโครงการ) ไฟล์นี้จึงอ่านไม่ได้".into(),
        "The header row names none of the e-GP contract columns (such as รหัสโครงการ), so the file cannot be read.".into(),
    )
}

pub fn unknown_column(file: &str, line: usize, header: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        &JsonPath::line(line),
        "unknown-column",
        format!("ไม่รู้จักคอลัมน์ \"{header}\" ค่าในคอลัมน์นี้ไม่ได้ใช้ (แจ้งครั้งเดียวต่อไฟล์)"),
        format!("Unknown column \"{header}\"; its values are not used (said once per file)."),
    )
}

pub fn ragged_row(file: &str, line: usize, found: usize, expected: usize) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::line(line),
        "ragged-row",
        format!("แถวนี้มี {found} ช่อง แต่หัวตารางมี {expected} ช่อง จึงจับคู่ค่ากับคอลัมน์ไม่ได้ แถวนี้ถูกปฏิเสธ"),
        format!("This row has {found} fields but the header has {expected}, so its values cannot be matched to columns; the row was rejected."),
    )
}

/// A row whose values sit under the wrong headers, put back where they belong.
pub fn realigned(file: &str, line: usize, how_th: &str, how_en: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        &JsonPath::line(line),
        "realigned",
        format!("ค่าในแถวนี้อยู่ผิดคอลัมน์ ({how_th}) ระบบจัดกลับเข้าที่แล้ว"),
        format!("The values of this row sit under the wrong headers ({how_en}); they were put back where they belong."),
    )
}

/// A row whose values cannot be placed under their columns with confidence.
pub fn misaligned(file: &str, line: usize, why_th: &str, why_en: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::line(line),
        "misaligned",
        format!("ค่าในแถวนี้อยู่ผิดคอลัมน์ และจัดกลับได้ไม่แน่ชัด ({why_th}) แถวนี้ถูกปฏิเสธ"),
        format!("The values of this row sit under the wrong headers and cannot be placed with certainty ({why_en}); the row was rejected."),
    )
}

/// A row that repeats a contract already read (same project, contract number and winner).
pub fn repeated_contract(file: &str, line: usize, project: &str, contract: &str) -> Issue {
    issue(
        Severity::Info,
        file,
        &JsonPath::line(line),
        "repeated-contract",
        format!("แถวนี้ซ้ำสัญญาที่อ่านแล้ว (โครงการ {project} สัญญา {contract} ผู้ชนะเดียวกัน) นับครั้งเดียว"),
        format!("This row repeats a contract already read (project {project}, contract {contract}, the same winner); it was counted once."),
    )
}

pub fn project_under_two_agencies(file: &str, line: usize, project: &str, first: &str, second: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::line(line),
        "project-two-agencies",
        format!("โครงการ {project} อยู่ในรายการของสองหน่วยงาน: \"{first}\" และ \"{second}\" ใช้ของหน่วยงานแรก แถวนี้ถูกปฏิเสธ"),
        format!("Project {project} is listed under two agencies, \"{first}\" and \"{second}\"; the first was kept and this row rejected."),
    )
}

pub fn masked_tax_id(file: &str, at: &JsonPath, value: &str) -> Issue {
    issue(
        Severity::Info,
        file,
        at,
        "masked-tax-id",
        format!("เลขประจำตัวผู้เสียภาษีถูกปิดบางส่วน ({value}) ผู้ชนะระบุด้วยชื่อภายในหน่วยงาน"),
        format!("The tax id is masked ({value}); the winner is identified by name within its buyer."),
    )
}

/// A published flags file (`query::flags::precomputed`) that cannot be read: the page runs the flags itself.
pub fn unusable_flags(file: &str, detail: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::root(),
        "unusable-flags",
        format!("อ่านไฟล์สัญญาณความเสี่ยงที่เผยแพร่ไว้ไม่ได้ ({detail}) จึงคำนวณใหม่ในเบราว์เซอร์"),
        format!("The published flags file cannot be read ({detail}); the signals are computed in the browser instead."),
    )
}

pub fn unusable_rows(file: &str, detail: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::root(),
        "unusable-rows",
        format!("อ่านไฟล์ข้อมูลสำหรับสำรวจไม่ได้ ({detail}) จึงไม่ได้แสดงรายการในไฟล์นี้"),
        format!("The explorer shard cannot be read ({detail}); its processes are not shown."),
    )
}
