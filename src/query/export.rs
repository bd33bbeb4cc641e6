//! CSV of exactly the rows on screen, in their order: UTF-8 with a byte-order mark so that Excel opens Thai
//! correctly, money as plain decimals of baht, and a file name that names the data's source and date.
use crate::domain::codes::Code;
use crate::domain::lang::{Lang, Tr};
use crate::domain::money::Satang;
use crate::query::csv::push_record;
use crate::query::store::{Store, NONE};

/// Each column's header, in order.
pub const COLUMNS: [Tr; 14] = [
    Tr::new("ocid", "ocid"),
    Tr::new("ชื่อโครงการ", "title"),
    Tr::new("รหัสหน่วยงาน", "buyer_code"),
    Tr::new("หน่วยงาน", "buyer"),
    Tr::new("ปีงบประมาณ", "fiscal_year"),
    Tr::new("วันที่เริ่ม", "start_date"),
    Tr::new("วิธีจัดหา (OCDS)", "procurement_method"),
    Tr::new("วิธีจัดหา", "procurement_method_details"),
    Tr::new("ขั้นตอน", "stage"),
    Tr::new("งบประมาณ (บาท)", "budget_thb"),
    Tr::new("ราคากลาง (บาท)", "reference_price_thb"),
    Tr::new("มูลค่าสัญญา (บาท)", "contract_value_thb"),
    Tr::new("มูลค่าสัญญา/ราคากลาง (%)", "contract_to_reference_pct"),
    Tr::new("ผู้ขาย (เลขประจำตัวผู้เสียภาษี)", "suppliers"),
];

/// What each column of `COLUMNS` holds, shown beside the download and in docs/DATA.md.
pub const COLUMN_NOTES: [Tr; 14] = [
    Tr::new("รหัสกระบวนการจัดซื้อจัดจ้างตามมาตรฐาน OCDS", "the process's OCDS id"),
    Tr::new("ชื่อโครงการ (tender.title)", "tender title"),
    Tr::new("รหัสองค์กรในรายการข้อมูล (catalog)", "the organisation's code in the catalog"),
    Tr::new("ชื่อหน่วยงานผู้ซื้อตามที่เผยแพร่", "buyer name as published"),
    Tr::new("ปีงบประมาณ พ.ศ. (1 ต.ค. – 30 ก.ย.)", "fiscal year, BE (1 Oct – 30 Sep)"),
    Tr::new("วันเริ่มประกาศ (ค.ศ. ปปปป-ดด-วว)", "tender start date, ISO (CE)"),
    Tr::new("open, selective, limited, direct, other, missing", "open, selective, limited, direct, other, missing"),
    Tr::new("วิธีจัดหาตามที่เผยแพร่ (e-bidding, คัดเลือก, เฉพาะเจาะจง…)", "the method as published"),
    Tr::new("ขั้นตอนที่ไกลที่สุดที่มีข้อมูล", "furthest stage with data"),
    Tr::new("planning.budget, บาท ทศนิยม 2 ตำแหน่ง", "planning.budget, baht"),
    Tr::new("tender.value, บาท", "tender.value (reference price), baht"),
    Tr::new("รวมสัญญาที่ไม่ถูกยกเลิก, บาท", "sum of contracts not cancelled, baht"),
    Tr::new("มูลค่าสัญญา ÷ ราคากลาง × 100", "contract value ÷ reference price × 100"),
    Tr::new("ผู้ได้รับงาน: ชื่อ (รหัส) คั่นด้วย ;", "awarded suppliers: name (id), separated by ;"),
];

/// The header of the note column.
pub const NOTE_COLUMN: Tr = Tr::new("หมายเหตุข้อมูล", "data_note");

fn money(v: i64) -> String {
    if v == NONE {
        String::new()
    } else {
        Satang(v).to_decimal_string()
    }
}

/// The CSV text, starting with a byte-order mark. A `note` (synthetic data) is a last column on every row, so
/// that no copy of a row loses it.
pub fn processes_csv(store: &Store, rows: &[u32], lang: Lang, note: Option<&str>) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut headers: Vec<&str> = COLUMNS.iter().map(|c| c.get(lang)).collect();
    if note.is_some() {
        headers.push(NOTE_COLUMN.get(lang));
    }
    push_record(&mut out, &headers);
    for &r in rows {
        let i = r as usize;
        let suppliers: Vec<String> = store
            .suppliers_of(r)
            .iter()
            .map(|&c| format!("{} ({})", store.supplier_name(c).unwrap_or_default(), store.suppliers.get(c)))
            .collect();
        let mut cells = vec![
            store.ocid(i).to_string(),
            store.titles.get(i).to_string(),
            store.orgs.get(store.org[i]).to_string(),
            store.buyer_names.get(store.buyer_name[i]).to_string(),
            store.fiscal_year[i].to_string(),
            store.date[i].map(|d| d.iso()).unwrap_or_default(),
            store.method[i].as_str().to_string(),
            store.method_texts.get(store.method_details[i]).to_string(),
            format!("{:?}", store.stage[i]).to_lowercase(),
            money(store.budget[i]),
            money(store.reference_price[i]),
            money(store.contract_value[i]),
            crate::query::sort::price_ratio(store, i).map(|r| format!("{:.2}", r * 100.0)).unwrap_or_default(),
            suppliers.join("; "),
        ];
        cells.extend(note.map(str::to_string));
        push_record(&mut out, &cells);
    }
    out
}

/// `locallens-<source>-<what>-<published date>.csv`, safe on every file system.
pub fn file_name(source: &str, what: &str, published: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' }).collect::<String>().trim_matches('-').to_string()
    };
    format!("locallens-{}-{}-{}.csv", clean(source), clean(what), clean(published))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ocds::{Process, Release, Tender, Value};

    #[test]
    fn one_line_per_row_in_order_with_exact_money_and_quoting() {
        let mut store = Store::default();
        let p = |ocid: &str, title: &str, baht: Option<i64>| Process {
            compiled: Release {
                ocid: ocid.into(),
                tender: Some(Tender {
                    title: Some(title.into()),
                    value: baht.map(|b| Value { amount: Some(Satang(b)), currency: Some("THB".into()) }),
                    ..Tender::default()
                }),
                ..Release::default()
            },
            history: Vec::new(),
        };
        store.add(Some("A"), None, vec![p("1", "ซื้อ, \"นม\"", Some(123_450)), p("2", "=cmd()", None), p("3", "x", Some(100))]);
        let csv = processes_csv(&store, &[2, 0], Lang::En, None);
        assert!(csv.starts_with("\u{FEFF}ocid,title,"));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("3,x,A,"), "{}", lines[1]);
        assert!(lines[2].starts_with("1,\"ซื้อ, \"\"นม\"\"\",A,"), "{}", lines[2]);
        assert!(lines[2].contains(",1234.50,"), "{}", lines[2]);
        assert!(processes_csv(&store, &[1], Lang::Th, None).contains("'=cmd()"));
        let noted = processes_csv(&store, &[2, 0], Lang::En, Some("synthetic"));
        assert!(noted.lines().next().unwrap().ends_with(",data_note"));
        assert!(noted.trim_end().split("\r\n").skip(1).all(|l| l.ends_with(",synthetic")));
        assert_eq!(
            file_name("กำแพงเพชร demo", "6200101 2567", "2025-11-01"),
            "locallens-กำแพงเพชร-demo-6200101-2567-2025-11-01.csv"
        );
    }
}
