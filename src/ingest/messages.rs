//! Every message a parser can say, in Thai and English. One place, so the two languages stay in step.
use crate::domain::issue::{Issue, JsonPath, Severity};

mod rows;
pub use rows::*;

pub(crate) fn issue(severity: Severity, file: &str, path: &JsonPath, code: &'static str, th: String, en: String) -> Issue {
    Issue { severity, file: file.to_string(), path: path.to_string(), code, th, en }
}

pub fn bom(file: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        &JsonPath::root(),
        "bom",
        "ไฟล์ขึ้นต้นด้วย BOM ของ UTF-8 ซึ่งมาตรฐาน JSON ไม่อนุญาต ระบบตัดออกแล้วอ่านต่อ".into(),
        "The file starts with a UTF-8 byte-order mark, which JSON does not allow; it was removed and the file read.".into(),
    )
}

pub fn utf16(file: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::root(),
        "utf-16",
        "ไฟล์เข้ารหัสแบบ UTF-16 กรุณาบันทึกใหม่เป็น UTF-8".into(),
        "The file is UTF-16 encoded; save it as UTF-8.".into(),
    )
}

pub fn tis620(file: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        &JsonPath::root(),
        "tis-620",
        "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 แต่อ่านได้เป็นภาษาไทยแบบ TIS-620 (Windows-874) ระบบแปลงให้แล้ว กรุณาเผยแพร่เป็น UTF-8".into(),
        "The file is not UTF-8 but reads as Thai in TIS-620 (Windows-874); it was converted. Publish it as UTF-8.".into(),
    )
}

pub fn not_utf8(file: &str, valid_up_to: usize) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::root(),
        "not-utf-8",
        format!("ไฟล์ไม่ใช่ข้อความ UTF-8 (ไบต์ที่ {valid_up_to} อ่านไม่ได้) และไม่ใช่ TIS-620"),
        format!("The file is not UTF-8 text (byte {valid_up_to} is invalid) nor TIS-620."),
    )
}

pub fn bad_json(file: &str, at: &JsonPath, line: usize, column: usize, detail: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        at,
        "bad-json",
        format!("รูปแบบ JSON ไม่ถูกต้องที่บรรทัด {line} คอลัมน์ {column}: {detail}"),
        format!("Invalid JSON at line {line}, column {column}: {detail}"),
    )
}

pub fn wrong_type(file: &str, at: &JsonPath, expected: &str, found: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "wrong-type",
        format!("ควรเป็น {expected} แต่พบ {found} ค่านี้ถูกข้าม"),
        format!("Expected {expected} but found {found}; the value was ignored."),
    )
}

/// A list item that should be a record (an object) is something else: the item is rejected.
pub fn not_a_record(file: &str, at: &JsonPath, found: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        at,
        "not-a-record",
        format!("ควรเป็นออบเจกต์ (ระเบียน) แต่พบ {found} ระเบียนนี้ถูกปฏิเสธ"),
        format!("Expected an object (a record) but found {found}; the record was rejected."),
    )
}

pub fn number_as_string(file: &str, at: &JsonPath, text: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "number-as-string",
        format!("จำนวนเงินเขียนเป็นข้อความ \"{text}\" ระบบอ่านเป็นตัวเลขแล้ว ควรเขียนเป็นตัวเลข JSON"),
        format!("The amount is written as text \"{text}\"; it was read as a number. Write it as a JSON number."),
    )
}

pub fn bad_amount(file: &str, at: &JsonPath, text: &str, why: crate::domain::money::MoneyError) -> Issue {
    let why = why.reason();
    issue(
        Severity::Error,
        file,
        at,
        "bad-amount",
        format!("อ่านจำนวนเงิน \"{text}\" ไม่ได้ ({}) ค่านี้ถูกข้าม", why.th),
        format!("Cannot read the amount \"{text}\" ({}); the value was ignored.", why.en),
    )
}

pub fn too_many(file: &str, at: &JsonPath, found: usize, kept: usize) -> Issue {
    issue(
        Severity::Error,
        file,
        at,
        "too-many",
        format!("รายการนี้มี {found} รายการ เกินกว่าที่ระบบรับได้ ({kept}) รายการที่เกินถูกปฏิเสธ"),
        format!("This list has {found} items, more than the {kept} read; the rest were rejected."),
    )
}

pub fn negative_amount(file: &str, at: &JsonPath) -> Issue {
    issue(Severity::Warning, file, at, "negative-amount", "จำนวนเงินติดลบ".into(), "The amount is negative.".into())
}

pub fn bad_date(file: &str, at: &JsonPath, text: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "bad-date",
        format!("อ่านวันที่ \"{text}\" ไม่ได้ ควรเป็นรูปแบบ ISO 8601 เช่น 2024-10-01T09:00:00+07:00 ค่านี้ถูกข้าม"),
        format!("Cannot read the date \"{text}\"; use ISO 8601 such as 2024-10-01T09:00:00+07:00. The value was ignored."),
    )
}

pub fn buddhist_year(file: &str, at: &JsonPath, text: &str, ce: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "buddhist-year",
        format!("วันที่ \"{text}\" ใช้ปี พ.ศ. ในช่องที่ต้องเป็น ค.ศ. ระบบแปลงเป็น {ce}"),
        format!("The date \"{text}\" uses a Buddhist-era year where CE is expected; it was read as {ce}."),
    )
}

pub fn thai_date(file: &str, at: &JsonPath, text: &str, ce: &str) -> Issue {
    issue(
        Severity::Info,
        file,
        at,
        "thai-date",
        format!("วันที่แบบไทย \"{text}\" อ่านเป็น {ce}"),
        format!("The Thai date \"{text}\" was read as {ce}."),
    )
}

pub fn missing(file: &str, at: &JsonPath, field: &str, consequence_th: &str, consequence_en: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        at,
        "missing-field",
        format!("ไม่มีช่อง \"{field}\" ที่จำเป็น: {consequence_th}"),
        format!("The required field \"{field}\" is missing: {consequence_en}"),
    )
}

pub fn record_rejected(file: &str, at: &JsonPath, why_th: &str, why_en: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        at,
        "record-rejected",
        format!("ระเบียนนี้ถูกปฏิเสธ: {why_th}"),
        format!("This record was rejected: {why_en}"),
    )
}

pub fn schema_error(file: &str, at: &JsonPath, detail: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        at,
        "schema",
        format!("ไม่ตรงตามโครงสร้างข้อมูล: {detail} ระเบียนนี้ถูกปฏิเสธ"),
        format!("Does not match the schema: {detail}. The record was rejected."),
    )
}

pub fn duplicate_id(file: &str, at: &JsonPath, id: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "duplicate-id",
        format!("รหัส \"{id}\" ซ้ำกันในรายการเดียวกัน ระบบรวมรายการที่ซ้ำ (ค่าหลังทับค่าก่อน)"),
        format!("The id \"{id}\" appears twice in the same list; the duplicates were merged (later values win)."),
    )
}

pub fn duplicate_release(file: &str, at: &JsonPath, id: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "duplicate-release",
        format!("release id \"{id}\" ซ้ำกัน ใช้ฉบับล่าสุด"),
        format!("The release id \"{id}\" appears more than once; the last copy was used."),
    )
}

pub fn empty(file: &str, at: &JsonPath, what_th: &str, what_en: &str) -> Issue {
    issue(Severity::Warning, file, at, "empty", format!("ไม่มี{what_th}ในไฟล์นี้"), format!("The file contains no {what_en}."))
}

pub fn unknown_format(file: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::root(),
        "unknown-format",
        "ไม่รู้จักรูปแบบไฟล์: ไม่ใช่ OCDS, แคตตาล็อก, งบประมาณ หรือผลการประเมินที่ระบบอ่านได้".into(),
        "Unknown format: not OCDS, a catalog, a budget or an assessment that this app reads.".into(),
    )
}

pub fn raw_too_large(file: &str, limit: usize) -> Issue {
    let mb = limit >> 20;
    issue(
        Severity::Error,
        file,
        &JsonPath::root(),
        "raw-too-large",
        format!(
            "ไม่ได้อ่านไฟล์นี้: ไฟล์ดิบที่ต้องอ่านในเบราว์เซอร์รวมกันเกิน {mb} MB จึงแสดงเฉพาะไฟล์ที่อ่านได้ก่อนถึงขีดนี้ \
             ผู้เผยแพร่ควรเตรียมข้อมูลด้วย locallens publish"
        ),
        format!(
            "Not read: the raw files this page would read in the browser add up to more than {mb} MB, so only those \
             read before that are shown. The publisher should prepare the data with locallens publish."
        ),
    )
}

pub fn version_note(file: &str, version: &str) -> Issue {
    issue(
        Severity::Info,
        file,
        &JsonPath::root(),
        "ocds-version",
        format!("อ่านเป็น OCDS {version} และรวม release ตามกฎของเวอร์ชันนั้น"),
        format!("Read as OCDS {version}; releases are merged by that version's rules."),
    )
}

pub fn total_mismatch(file: &str, at: &JsonPath, declared: &str, computed: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "total-mismatch",
        format!("ยอดรวมที่ระบุ ({declared} บาท) ไม่เท่ากับผลรวมของรายการ ({computed} บาท)"),
        format!("The stated total ({declared} THB) does not equal the sum of the lines ({computed} THB)."),
    )
}

pub fn bad_tax_id(file: &str, at: &JsonPath, id: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "bad-tax-id",
        format!("เลขประจำตัวผู้เสียภาษี \"{id}\" ตัวเลขตรวจสอบไม่ถูกต้อง"),
        format!("The tax id \"{id}\" has a wrong check digit."),
    )
}

pub fn unknown_field(file: &str, at: &JsonPath, field: &str) -> Issue {
    issue(
        Severity::Info,
        file,
        at,
        "unknown-field",
        format!("ไม่รู้จักช่อง \"{field}\" ระบบเก็บไว้แต่ไม่ได้ใช้"),
        format!("Unknown field \"{field}\"; it was kept but is not used."),
    )
}

pub fn unexpected_value(file: &str, at: &JsonPath, value: &str) -> Issue {
    issue(
        Severity::Warning,
        file,
        at,
        "unexpected-value",
        format!("ค่าที่ไม่รู้จัก \"{value}\" ระบบเก็บไว้ตามที่เผยแพร่"),
        format!("Unexpected value \"{value}\"; it was kept as published."),
    )
}

pub fn checksum_mismatch(file: &str, expected: &str, actual: &str) -> Issue {
    issue(
        Severity::Error,
        file,
        &JsonPath::root(),
        "sha256-mismatch",
        format!("ค่า sha256 ของไฟล์ ({actual}) ไม่ตรงกับที่แคตตาล็อกระบุ ({expected})"),
        format!("The file's sha256 ({actual}) does not match the catalog's ({expected})."),
    )
}
