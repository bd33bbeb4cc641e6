//! What the synthetic purchases are made of: fictional companies (named as such, with tax ids whose check
//! digit is right) and the kinds of purchase an อปท. makes, with their usual price ranges.
use crate::demo::rng::Rng;
use crate::domain::taxid::with_check_digit;

pub struct Supplier {
    pub id: String,
    pub tax_id: String,
    pub name: String,
}

const PREFIXES: [&str; 4] = ["ห้างหุ้นส่วนจำกัด", "บริษัท", "ร้าน", "ห้างหุ้นส่วนจำกัด"];
const STEMS: [&str; 20] = [
    "สาธิตการโยธา",
    "ตัวอย่างวัสดุก่อสร้าง",
    "สมมุติพาณิชย์",
    "ทดลองเทรดดิ้ง",
    "จำลองคอมพิวเตอร์",
    "สาธิตครุภัณฑ์",
    "ตัวอย่างการไฟฟ้า",
    "สมมุติบริการ",
    "ทดลองอาหาร",
    "จำลองยานยนต์",
    "สาธิตเกษตรภัณฑ์",
    "ตัวอย่างเครื่องเขียน",
    "สมมุติก่อสร้าง",
    "ทดลองการช่าง",
    "จำลองวิศวกรรม",
    "สาธิตการแพทย์",
    "ตัวอย่างสื่อสาร",
    "สมมุติการพิมพ์",
    "ทดลองน้ำประปา",
    "จำลองขนส่ง",
];

/// 60 fictional companies with valid-format 13-digit tax ids (check digit correct).
pub fn suppliers(rng: &mut Rng) -> Vec<Supplier> {
    (0..60)
        .map(|i| {
            let body = format!("0623{:08}", 10_000_000 + rng.range(0, 89_999_999));
            let tax_id = with_check_digit(&body);
            let prefix = PREFIXES[i % PREFIXES.len()];
            let stem = STEMS[i % STEMS.len()];
            let suffix = if prefix == "บริษัท" { " จำกัด" } else { "" };
            let name = format!("{prefix} {stem} {} (สาธิต){suffix}", i / STEMS.len() + 1);
            Supplier { id: format!("TH-RD-{tax_id}"), tax_id, name }
        })
        .collect()
}

pub(crate) struct Template {
    pub(crate) title: &'static str,
    pub(crate) category: &'static str,
    pub(crate) unclassified: &'static str,
    pub(crate) lo: i64,
    pub(crate) hi: i64,
}

pub(crate) const TEMPLATES: [Template; 14] = [
    Template {
        title: "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {n}",
        category: "works",
        unclassified: "ค่าก่อสร้างสิ่งสาธารณูปโภค",
        lo: 300_000,
        hi: 6_000_000,
    },
    Template {
        title: "ปรับปรุงถนนลูกรังเป็นถนนลาดยาง หมู่ที่ {n}",
        category: "works",
        unclassified: "ค่าก่อสร้างสิ่งสาธารณูปโภค",
        lo: 800_000,
        hi: 9_000_000,
    },
    Template {
        title: "ก่อสร้างรางระบายน้ำ คสล. หมู่ที่ {n}",
        category: "works",
        unclassified: "ค่าก่อสร้างสิ่งสาธารณูปโภค",
        lo: 200_000,
        hi: 2_500_000,
    },
    Template {
        title: "ขุดลอกคลองส่งน้ำ หมู่ที่ {n}",
        category: "works",
        unclassified: "ค่าก่อสร้างสิ่งสาธารณูปโภค",
        lo: 150_000,
        hi: 1_800_000,
    },
    Template {
        title: "ซื้ออาหารเสริม (นม) โรงเรียนและศูนย์พัฒนาเด็กเล็ก",
        category: "goods",
        unclassified: "ค่าวัสดุอาหารเสริม (นม)",
        lo: 100_000,
        hi: 2_400_000,
    },
    Template {
        title: "จัดซื้อวัสดุสำนักงาน", category: "goods", unclassified: "วัสดุสำนักงาน", lo: 5_000, hi: 120_000
    },
    Template {
        title: "จัดซื้อครุภัณฑ์คอมพิวเตอร์", category: "goods", unclassified: "ครุภัณฑ์คอมพิวเตอร์", lo: 20_000, hi: 480_000
    },
    Template {
        title: "จัดซื้อวัสดุเชื้อเพลิงและหล่อลื่น", category: "goods", unclassified: "วัสดุเชื้อเพลิงและหล่อลื่น", lo: 30_000, hi: 450_000
    },
    Template {
        title: "จัดซื้อรถบรรทุกขยะ", category: "goods", unclassified: "ครุภัณฑ์ยานพาหนะและขนส่ง", lo: 1_500_000, hi: 3_800_000
    },
    Template {
        title: "จ้างเหมาบริการเก็บขยะมูลฝอย", category: "services", unclassified: "ค่าจ้างเหมาบริการ", lo: 90_000, hi: 480_000
    },
    Template {
        title: "จ้างซ่อมแซมไฟฟ้าส่องสว่างสาธารณะ หมู่ที่ {n}",
        category: "services",
        unclassified: "ค่าบำรุงรักษาและซ่อมแซม",
        lo: 10_000,
        hi: 300_000,
    },
    Template {
        title: "จ้างเหมาจัดงานประเพณีลอยกระทง",
        category: "services",
        unclassified: "ค่าใช้จ่ายในการจัดงาน",
        lo: 50_000,
        hi: 700_000,
    },
    Template {
        title: "จัดซื้อวัสดุการเกษตร (พันธุ์ไม้ ปุ๋ย)", category: "goods", unclassified: "วัสดุการเกษตร", lo: 10_000, hi: 250_000
    },
    Template {
        title: "จ้างปรับปรุงอาคารศูนย์พัฒนาเด็กเล็ก",
        category: "works",
        unclassified: "ค่าปรับปรุงสิ่งก่อสร้าง",
        lo: 150_000,
        hi: 2_900_000,
    },
];
