//! CSV of exactly the rows on screen, in their order: UTF-8 with a byte-order mark so that Excel opens Thai
//! correctly, money as plain decimals of baht, and a file name that names the data's source and date.
use crate::charts::spec::csv_field;
use crate::domain::issue::Lang;
use crate::domain::money::Satang;
use crate::query::store::{Store, NONE};

/// (Thai header, English header) of each column, in order.
pub const COLUMNS: [(&str, &str); 14] = [
    ("ocid", "ocid"),
    ("ชื่อโครงการ", "title"),
    ("รหัสหน่วยงาน", "buyer_code"),
    ("หน่วยงาน", "buyer"),
    ("ปีงบประมาณ", "fiscal_year"),
    ("วันที่เริ่ม", "start_date"),
    ("วิธีจัดหา (OCDS)", "procurement_method"),
    ("วิธีจัดหา", "procurement_method_details"),
    ("ขั้นตอน", "stage"),
    ("งบประมาณ (บาท)", "budget_thb"),
    ("ราคากลาง (บาท)", "reference_price_thb"),
    ("มูลค่าสัญญา (บาท)", "contract_value_thb"),
    ("มูลค่าสัญญา/ราคากลาง (%)", "contract_to_reference_pct"),
    ("ผู้ขาย (เลขประจำตัวผู้เสียภาษี)", "suppliers"),
];

/// What each column of `COLUMNS` holds, (Thai, English), shown beside the download and in docs/DATA.md.
pub const COLUMN_NOTES: [(&str, &str); 14] = [
    ("รหัสกระบวนการจัดซื้อจัดจ้างตามมาตรฐาน OCDS", "the process's OCDS id"),
    ("ชื่อโครงการ (tender.title)", "tender title"),
    ("รหัสองค์กรในรายการข้อมูล (catalog)", "the organisation's code in the catalog"),
    ("ชื่อหน่วยงานผู้ซื้อตามที่เผยแพร่", "buyer name as published"),
    ("ปีงบประมาณ พ.ศ. (1 ต.ค. – 30 ก.ย.)", "fiscal year, BE (1 Oct – 30 Sep)"),
    ("วันเริ่มประกาศ (ค.ศ. ปปปป-ดด-วว)", "tender start date, ISO (CE)"),
    ("open, selective, limited, direct, other, missing", "open, selective, limited, direct, other, missing"),
    ("วิธีจัดหาตามที่เผยแพร่ (e-bidding, คัดเลือก, เฉพาะเจาะจง…)", "the method as published"),
    ("ขั้นตอนที่ไกลที่สุดที่มีข้อมูล", "furthest stage with data"),
    ("planning.budget, บาท ทศนิยม 2 ตำแหน่ง", "planning.budget, baht"),
    ("tender.value, บาท", "tender.value (reference price), baht"),
    ("รวมสัญญาที่ไม่ถูกยกเลิก, บาท", "sum of contracts not cancelled, baht"),
    ("มูลค่าสัญญา ÷ ราคากลาง × 100", "contract value ÷ reference price × 100"),
    ("ผู้ได้รับงาน: ชื่อ (รหัส) คั่นด้วย ;", "awarded suppliers: name (id), separated by ;"),
];

fn money(v: i64) -> String {
    if v == NONE {
        String::new()
    } else {
        Satang(v).to_decimal_string()
    }
}

/// The CSV text, starting with a byte-order mark.
pub fn processes_csv(store: &Store, rows: &[u32], lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    let headers: Vec<&str> = COLUMNS.iter().map(|(th, en)| if lang == Lang::Th { *th } else { *en }).collect();
    out.push_str(&headers.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for &r in rows {
        let i = r as usize;
        let p = &store.processes[i].compiled;
        let suppliers: Vec<String> = store
            .suppliers_of(r)
            .iter()
            .map(|&c| {
                let id = store.suppliers.get(c);
                let name = p.party(id).and_then(|party| party.name.clone()).unwrap_or_default();
                format!("{name} ({id})")
            })
            .collect();
        let cells = [
            p.ocid.clone(),
            p.title().unwrap_or_default().to_string(),
            store.orgs.get(store.org[i]).to_string(),
            p.buyer.as_ref().and_then(|b| b.name.clone()).unwrap_or_default(),
            store.fiscal_year[i].to_string(),
            store.date[i].map(|d| d.iso()).unwrap_or_default(),
            store.method[i].as_str().to_string(),
            p.method_details().unwrap_or_default().to_string(),
            format!("{:?}", store.stage[i]).to_lowercase(),
            money(store.budget[i]),
            money(store.reference_price[i]),
            money(store.contract_value[i]),
            crate::query::sort::price_ratio(store, i).map(|r| format!("{:.2}", r * 100.0)).unwrap_or_default(),
            suppliers.join("; "),
        ];
        out.push_str(&cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
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
        let csv = processes_csv(&store, &[2, 0], Lang::En);
        assert!(csv.starts_with("\u{FEFF}ocid,title,"));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("3,x,A,"), "{}", lines[1]);
        assert!(lines[2].starts_with("1,\"ซื้อ, \"\"นม\"\"\",A,"), "{}", lines[2]);
        assert!(lines[2].contains(",1234.50,"), "{}", lines[2]);
        assert!(processes_csv(&store, &[1], Lang::Th).contains("'=cmd()"));
        assert_eq!(
            file_name("กำแพงเพชร demo", "6200101 2567", "2025-11-01"),
            "locallens-กำแพงเพชร-demo-6200101-2567-2025-11-01.csv"
        );
    }
}
