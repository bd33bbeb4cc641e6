//! How complete one organisation's published data is for one fiscal year: which of the expected datasets
//! exist, and within procurement, how many processes fill each field a citizen needs to follow a purchase
//! from plan to contract. The method is explained on the methodology page (`ui/pages/completeness.rs`);
//! the score is a plain average, so that a reader can recompute it from the parts shown beside it.
use crate::domain::codes::Method;
use crate::domain::lang::Tr;
use crate::query::store::{Store, NONE};

/// The datasets expected of every organisation each year.
pub const DATASETS: [Tr; 4] = [
    Tr::new("การจัดซื้อจัดจ้าง", "Procurement"),
    Tr::new("ข้อบัญญัติงบประมาณ", "Budget ordinance"),
    Tr::new("ผลการประเมิน LPA", "LPA assessment"),
    Tr::new("ผลการประเมิน ITA", "ITA assessment"),
];

/// The procurement fields counted, one per stage of a purchase from plan to contract.
pub const FIELDS: [Tr; 10] = [
    Tr::new("ชื่อโครงการ", "Title"),
    Tr::new("วิธีจัดหา", "Method"),
    Tr::new("งบประมาณ (planning)", "Budget (planning)"),
    Tr::new("ราคากลาง (tender)", "Reference price (tender)"),
    Tr::new("วันที่เริ่ม", "Start date"),
    Tr::new("ผู้ชนะ (award)", "Winning supplier (award)"),
    Tr::new("เลขประจำตัวผู้เสียภาษีของผู้ชนะ", "Winner's tax id"),
    Tr::new("มูลค่าสัญญา (contract)", "Contract value (contract)"),
    Tr::new("วันที่ลงนามสัญญา", "Contract signature date"),
    Tr::new("ผู้ยื่นข้อเสนอ (bids)", "Bidders (bids)"),
];

/// The methodology page's paragraphs: what the score measures, how, and what it does not say.
pub const METHOD: [Tr; 4] = [
    Tr::new(
        "คะแนนความครบถ้วนบอกว่าข้อมูลที่ประชาชนควรเห็นของ อปท. แห่งหนึ่งในปีงบประมาณหนึ่งถูกเผยแพร่ครบเพียงใด: มีชุดข้อมูลที่ควรมีหรือไม่ และในข้อมูลจัดซื้อจัดจ้าง แต่ละโครงการกรอกช่องที่ใช้ติดตามการจัดซื้อตั้งแต่แผนถึงสัญญาหรือไม่",
        "The completeness score says how much of what citizens should see of one อปท. for one fiscal year is published: whether the expected datasets exist and, within procurement, whether each process fills the fields that follow a purchase from plan to contract.",
    ),
    Tr::new(
        "คะแนน (0–100) = 50 × (จำนวนชุดข้อมูลที่มี ÷ 4) + 50 × (ค่าเฉลี่ยของสัดส่วนโครงการที่กรอกแต่ละช่อง ในทั้ง 10 ช่อง) ปีที่ไม่มีโครงการจัดซื้อเลยใช้เฉพาะส่วนชุดข้อมูล × 100 เพราะไม่มีช่องให้กรอก",
        "Score (0–100) = 50 × (datasets present ÷ 4) + 50 × (the mean, over the 10 fields, of the share of processes that fill the field). A year with no process uses the datasets part alone, × 100: there is no field to fill.",
    ),
    Tr::new(
        "ข้อจำกัด: ข้อมูลสัญญาจาก e-GP (data.go.th) ไม่มีรายชื่อผู้ยื่นข้อเสนอ ช่องนี้จึงว่างในข้อมูลจริงทุกแห่ง ผล LPA และ ITA เผยแพร่โดยกรมส่งเสริมการปกครองท้องถิ่นและ ป.ป.ช. ไม่ใช่โดย อปท. เอง ชุดข้อมูลที่ไม่อยู่ในแค็ตตาล็อกนับว่าไม่มี",
        "Limits: e-GP contract rows (data.go.th) carry no bids, so that field is empty in every real record. LPA and ITA results are published by the DLA and the NACC, not by the อปท. itself. A dataset the catalog does not list counts as missing.",
    ),
    Tr::new(
        "คะแนนนี้วัดว่าข้อมูลมีหรือไม่ ไม่ได้วัดว่าข้อมูลถูกต้องหรือการใช้เงินดีหรือไม่",
        "The score measures whether data is there, not whether it is right or whether the money was well spent.",
    ),
];

/// Which of `DATASETS` exist, and how many processes fill each of `FIELDS`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Completeness {
    pub datasets: [bool; 4],
    pub processes: u64,
    pub filled: [u64; 10],
}

impl Completeness {
    /// Counts one process (a row of the store) into `filled`.
    pub fn count_row(&mut self, store: &Store, row: u32) {
        let r = row as usize;
        let suppliers = store.suppliers_of(row);
        let present = [
            !store.titles.get(r).is_empty(),
            store.method[r] != Method::Missing,
            store.budget[r] != NONE,
            store.reference_price[r] != NONE,
            store.date[r].is_some(),
            !suppliers.is_empty(),
            suppliers.iter().any(|&s| store.supplier_tax_id(s).is_some()),
            store.contract_value[r] != NONE,
            store.spend_date[r].is_some(),
            !store.bidders_of(row).is_empty(),
        ];
        self.processes += 1;
        for (count, yes) in self.filled.iter_mut().zip(present) {
            *count += u64::from(yes);
        }
    }

    /// The share of processes that fill field `i`, when there are processes.
    pub fn field_share(&self, i: usize) -> Option<f64> {
        (self.processes > 0).then(|| self.filled[i] as f64 / self.processes as f64)
    }

    /// Percent, 0–100: half for the datasets that exist, half for the mean share of filled fields. With no
    /// process to count, the datasets alone make the score: a year without purchases is not missing fields.
    pub fn score(&self) -> f64 {
        let datasets = self.datasets.iter().filter(|d| **d).count() as f64 / DATASETS.len() as f64;
        match self.processes {
            0 => datasets * 100.0,
            _ => {
                let fields = (0..FIELDS.len()).filter_map(|i| self.field_share(i)).sum::<f64>() / FIELDS.len() as f64;
                (datasets + fields) * 50.0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::test_data::store;

    #[test]
    fn the_score_is_half_datasets_and_half_mean_field_share() {
        let mut c = Completeness { datasets: [true, true, false, false], ..Completeness::default() };
        assert_eq!(c.score(), 50.0, "no process: the datasets alone");
        c.processes = 4;
        c.filled = [4, 4, 2, 0, 4, 4, 0, 4, 4, 0];
        // Fields: (1 + 1 + 0.5 + 0 + 1 + 1 + 0 + 1 + 1 + 0) / 10 = 0.65; datasets 0.5.
        assert!((c.score() - 57.5).abs() < 1e-9, "{}", c.score());
        assert_eq!(c.field_share(2), Some(0.5));
        assert_eq!(Completeness::default().field_share(0), None);
    }

    #[test]
    fn rows_count_what_their_columns_hold() {
        let store = store(60);
        let mut c = Completeness::default();
        for r in 0..store.len() as u32 {
            c.count_row(&store, r);
        }
        assert_eq!(c.processes, store.len() as u64);
        // Each count, recomputed from the columns in another way.
        let n = |f: &dyn Fn(usize) -> bool| (0..store.len()).filter(|&r| f(r)).count() as u64;
        assert_eq!(c.filled[1], n(&|r| store.method[r] != Method::Missing));
        assert_eq!(c.filled[7], n(&|r| store.contract_value[r] != NONE));
        assert_eq!(c.filled[5], n(&|r| store.supplier_start[r + 1] > store.supplier_start[r]));
        assert_eq!(c.filled[9], n(&|r| store.bidder_start[r + 1] > store.bidder_start[r]));
        assert!(c.filled.iter().all(|&f| f <= c.processes));
    }
}
