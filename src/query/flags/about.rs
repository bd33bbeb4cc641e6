//! What each flag measures, in Thai and English: shown on the methodology page and beside every flag.
//! Every flag is a risk signal, not proof of wrongdoing.

pub struct About {
    pub code: &'static str,
    pub title: [&'static str; 2],
    pub measures: [&'static str; 2],
    pub formula: &'static str,
    /// The settings and their defaults, as `key = default`.
    pub settings: &'static str,
    pub innocent: [&'static str; 2],
    pub source: &'static str,
}

pub const NOT_PROOF: [&str; 2] = ["สัญญาณความเสี่ยง ไม่ใช่หลักฐานการกระทำผิด", "A risk signal, not proof of wrongdoing"];

const CARDINAL: &str = "Open Contracting Partnership, Cardinal (cardinal.readthedocs.io)";
const THAI: &str = "พ.ร.บ.การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560; ACT Ai red-flag practice; LocalLens";

pub const ALL: [About; 23] = [
    About {
        code: "R003",
        title: ["ระยะเวลายื่นข้อเสนอสั้น", "Short submission period"],
        measures: ["ระยะเวลาประกาศรับข้อเสนอสั้นกว่าเกณฑ์", "The tender period is shorter than a threshold"],
        formula: "whole days(tenderPeriod.endDate − startDate) < threshold",
        settings: "threshold = 15; procurement_methods = (all); [R003.procurement_method_details] DETAILS = days",
        innocent: ["เรื่องเร่งด่วนหรือวงเงินเล็กที่กฎหมายอนุญาตให้ใช้เวลาสั้น", "Urgent or small purchases the rules allow to be quick"],
        source: CARDINAL,
    },
    About {
        code: "R018",
        title: ["มีผู้เสนอราคารายเดียว", "Single bid received"],
        measures: ["วิธีที่ควรมีการแข่งขันแต่มีผู้เสนอราคาเพียงรายเดียว", "A competitive method received only one bid"],
        formula: "tender.numberOfTenderers = 1",
        settings: "procurement_methods = open|selective",
        innocent: ["ตลาดมีผู้ขายน้อยหรืองานเฉพาะทาง", "A thin market or a specialised job"],
        source: CARDINAL,
    },
    About {
        code: "R024",
        title: ["ราคาใกล้ผู้ชนะผิดปกติ", "Price close to winning bid"],
        measures: [
            "ส่วนต่างระหว่างราคาผู้ชนะกับราคาต่ำสุดรองลงมาต่ำผิดปกติ",
            "The gap between the winning and the second-lowest valid bid is a low outlier",
        ],
        formula: "(second − winner) ÷ winner ≤ Q1 − 1.5 IQR",
        settings: "threshold = (Q1 − 1.5 IQR)",
        innocent: ["ตลาดที่แข่งขันสูงมีราคาใกล้กันได้", "Competitive markets produce close prices"],
        source: CARDINAL,
    },
    About {
        code: "R025",
        title: ["แพ้ประมูลบ่อยผิดปกติ", "Excessive unsuccessful bids"],
        measures: ["ผู้เสนอราคาที่ยื่นมากแต่ชนะน้อยผิดปกติ", "A frequent bidder wins an unusually small share of its bids"],
        formula: "won ÷ valid bids ≤ Q1 − 1.5 IQR, valid bids ≥ P75",
        settings: "percentile = 75; threshold = (Q1 − 1.5 IQR)",
        innocent: ["ผู้ขายรายใหม่หรือที่ตั้งราคาสูงกว่าคู่แข่ง", "A new or simply more expensive supplier"],
        source: CARDINAL,
    },
    About {
        code: "R028",
        title: ["ราคาเสนอเท่ากัน", "Identical bid prices"],
        measures: ["ผู้เสนอราคาต่างรายเสนอราคาเท่ากันทุกสตางค์", "Different tenderers bid exactly the same price"],
        formula: "same amount and currency, different tenderers",
        settings: "(none)",
        innocent: ["ราคาตามบัญชีราคามาตรฐานหรือราคาที่ตลาดกำหนด", "List prices or regulated prices"],
        source: CARDINAL,
    },
    About {
        code: "R030",
        title: ["ผู้ชนะยื่นข้อเสนอหลังกำหนด", "Late bid won"],
        measures: ["ข้อเสนอที่ชนะถูกยื่นหลังวันปิดรับ", "The winning bid was received after the deadline"],
        formula: "bid.date > tenderPeriod.endDate and tenderer is an active award's supplier",
        settings: "(none)",
        innocent: ["การขยายเวลาที่ไม่ได้เผยแพร่ หรือวันที่บันทึกผิด", "An unpublished extension or a mis-recorded date"],
        source: CARDINAL,
    },
    About {
        code: "R035",
        title: ["ตัดสิทธิ์ทุกรายยกเว้นผู้ชนะ", "All except winning bid disqualified"],
        measures: ["ผู้เสนอราคารายอื่นถูกตัดสิทธิ์ เหลือเพียงผู้ชนะ", "Every other tenderer was disqualified"],
        formula: "one valid tenderer = all active awards' suppliers; disqualified others ≥ threshold",
        settings: "threshold = 1",
        innocent: ["ผู้เสนอราคารายอื่นยื่นเอกสารไม่ครบจริง", "The others really did not qualify"],
        source: CARDINAL,
    },
    About {
        code: "R036",
        title: ["ราคาต่ำสุดถูกตัดสิทธิ์", "Lowest bid disqualified"],
        measures: ["ข้อเสนอราคาต่ำสุดถูกตัดสิทธิ์ในการตัดสินด้วยราคา", "The lowest bid was disqualified where price decides"],
        formula: "min(submitted bids).status = disqualified, with an active award",
        settings: "(none)",
        innocent: ["ราคาต่ำจนทำงานไม่ได้จริง หรือขาดคุณสมบัติ", "An unworkably low or unqualified bid"],
        source: CARDINAL,
    },
    About {
        code: "R038",
        title: ["ตัดสิทธิ์มากผิดปกติ", "Excessive disqualified bids"],
        measures: [
            "สัดส่วนข้อเสนอที่ถูกตัดสิทธิ์สูงผิดปกติ ต่อหน่วยงานหรือผู้เสนอราคา",
            "An unusually high share of disqualified bids per buyer, procuring entity or tenderer",
        ],
        formula: "disqualified ÷ submitted ≥ Q3 + 1.5 IQR",
        settings: "threshold = (Q3 + 1.5 IQR); minimum_submitted_bids = 2; minimum_contracting_processes = 2",
        innocent: ["ข้อกำหนดเข้มงวดที่ใช้กับทุกราย", "Strict requirements applied to all"],
        source: CARDINAL,
    },
    About {
        code: "R048",
        title: ["ผู้ขายหลากหลายประเภทผิดปกติ", "Heterogeneous supplier"],
        measures: ["ผู้ขายที่ได้งานหลายหมวดสินค้าผิดปกติ", "A supplier wins awards in unusually many product categories"],
        formula: "distinct classification prefixes ≥ ceil(Q3 + 1.5 IQR)",
        settings: "digits = 2; threshold = (ceil(Q3 + 1.5 IQR)); minimum_contracting_processes = 20",
        innocent: ["ผู้รับเหมารวมหรือร้านค้าทั่วไปในท้องถิ่น", "A general contractor or general store"],
        source: CARDINAL,
    },
    About {
        code: "R058",
        title: ["ราคาผู้ชนะต่ำกว่ารายอื่นมาก", "Heavily discounted bid"],
        measures: ["ราคาผู้ชนะต่ำกว่าราคารองลงมามากผิดปกติ", "The winner's price is far below the next bid"],
        formula: "(second − winner) ÷ winner ≥ Q3 + 1.5 IQR",
        settings: "threshold = (Q3 + 1.5 IQR)",
        innocent: ["ผู้ขายที่มีต้นทุนต่ำกว่าจริง", "A genuinely cheaper supplier"],
        source: CARDINAL,
    },
    About {
        code: "TH01",
        title: ["ราคาที่ได้ใกล้ราคากลาง", "Winning price at the reference price"],
        measures: ["ราคาที่ตกลงต่ำกว่าราคากลางไม่เกินร้อยละที่กำหนด", "The awarded price is within a margin below ราคากลาง"],
        formula: "1 − margin ≤ award ÷ reference ≤ 1",
        settings: "margin = 0.01",
        innocent: ["ราคากลางที่กำหนดไว้แม่นยำ หรือมีผู้ขายน้อย", "A well-set reference price, or few suppliers"],
        source: THAI,
    },
    About {
        code: "TH02",
        title: ["สัญญาสูงกว่าราคากลาง", "Contract above the reference price"],
        measures: ["มูลค่าสัญญาสูงกว่าราคากลาง", "The contract value exceeds ราคากลาง"],
        formula: "contract > reference",
        settings: "(none)",
        innocent: ["การแก้ไขสัญญาเพิ่มงานที่มีเหตุผล", "A justified amendment adding work"],
        source: THAI,
    },
    About {
        code: "TH03",
        title: ["ราคากลางสูงกว่างบประมาณ", "Reference price above the budget"],
        measures: ["ราคากลางสูงกว่าวงเงินงบประมาณของโครงการ", "ราคากลาง exceeds the project's budget"],
        formula: "reference > budget",
        settings: "(none)",
        innocent: ["การโอนงบประมาณที่ยังไม่เผยแพร่", "An unpublished budget transfer"],
        source: THAI,
    },
    About {
        code: "TH04",
        title: ["ราคากลางต่ำกว่างบประมาณมาก", "Reference price far below the budget"],
        measures: ["ราคากลางต่ำกว่างบประมาณมากผิดปกติ", "ราคากลาง is far below the budget"],
        formula: "reference ÷ budget < ratio",
        settings: "ratio = 0.5",
        innocent: ["ขอบเขตงานลดลงหลังตั้งงบประมาณ", "The scope shrank after budgeting"],
        source: THAI,
    },
    About {
        code: "TH05",
        title: ["สัญญาสูงกว่าราคาที่ชนะ", "Contract above the winning bid"],
        measures: ["มูลค่าสัญญาสูงกว่าราคาที่ผู้ชนะเสนอ", "The contract is worth more than the winning bid"],
        formula: "contract > winner's lowest valid bid",
        settings: "(none)",
        innocent: ["ภาษีหรือค่าใช้จ่ายที่ไม่ได้รวมในราคาเสนอ", "Taxes or costs left out of the bid"],
        source: THAI,
    },
    About {
        code: "TH06",
        title: ["ผู้เสนอราคาน้อย", "Few bidders in a competitive method"],
        measures: ["วิธีคัดเลือกหรือ e-bidding ที่มีผู้เสนอราคาน้อยกว่าเกณฑ์", "คัดเลือก or e-bidding with fewer bidders than the minimum"],
        formula: "distinct bidders < minimum",
        settings: "minimum = 3; open_details = e-bidding|ประกวดราคาอิเล็กทรอนิกส์",
        innocent: ["งานในพื้นที่ห่างไกลหรือเฉพาะทาง", "Remote or specialised work"],
        source: THAI,
    },
    About {
        code: "TH07",
        title: ["จัดซื้อเฉพาะเจาะจงช่วงปลายปีงบประมาณ", "Specific purchase at year end"],
        measures: [
            "การจัดซื้อวิธีเฉพาะเจาะจงในช่วงท้ายปีงบประมาณ (ก่อน 30 ก.ย.)",
            "A เฉพาะเจาะจง purchase in the last days of the fiscal year (ends 30 Sep)",
        ],
        formula: "30 Sep − date < days",
        settings: "days = 30; procurement_methods = limited|direct",
        innocent: ["งานที่วางแผนไว้และงบประมาณเพิ่งได้รับอนุมัติ", "Planned work whose money arrived late"],
        source: THAI,
    },
    About {
        code: "TH08",
        title: ["อาจแบ่งซื้อแบ่งจ้าง", "Possible contract splitting"],
        measures: [
            "หน่วยงานเดียวจ้างผู้ขายรายเดียวหลายสัญญาเฉพาะเจาะจงในช่วงสั้น ๆ รวมกันเกินวงเงิน",
            "One buyer gives one supplier several small เฉพาะเจาะจง contracts within days, adding up to more than the limit",
        ],
        formula: "≥ minimum_contracts contracts ≤ limit within window_days, sum > limit",
        settings: "limit = 500000; window_days = 30; minimum_contracts = 2; procurement_methods = limited|direct",
        innocent: ["วัสดุสิ้นเปลืองที่ต้องซื้อซ้ำตามความจำเป็น", "Consumables bought as needed"],
        source: THAI,
    },
    About {
        code: "TH09",
        title: ["ผู้ขายรายเดียวได้งานส่วนใหญ่", "Dominant supplier"],
        measures: [
            "ผู้ขายรายเดียวได้มูลค่าสัญญาเกินครึ่งของหน่วยงานในปีงบประมาณ",
            "One supplier takes most of a buyer's contract value in a fiscal year",
        ],
        formula: "supplier value ÷ buyer-year value ≥ share",
        settings: "share = 0.5; minimum_contracts = 3",
        innocent: ["ตลาดในพื้นที่เล็ก หรือมีโครงการใหญ่โครงการเดียว", "A small local market or one large project"],
        source: THAI,
    },
    About {
        code: "TH10",
        title: ["ราคาต่ำผิดปกติเมื่อเทียบราคากลาง", "Abnormally low price"],
        measures: ["ราคาที่ได้ ÷ ราคากลาง ต่ำผิดปกติ", "Award ÷ ราคากลาง is a low outlier"],
        formula: "award ÷ reference ≤ Q1 − 1.5 IQR",
        settings: "threshold = (Q1 − 1.5 IQR)",
        innocent: ["ราคากลางที่ตั้งไว้สูงเกินไป", "A reference price set too high"],
        source: THAI,
    },
    About {
        code: "TH11",
        title: ["สัดส่วนเฉพาะเจาะจงสูงกว่าหน่วยงานกลุ่มเดียวกัน", "Specific-method share unusual among peers"],
        measures: [
            "สัดส่วนการจัดซื้อวิธีเฉพาะเจาะจงสูงผิดปกติเมื่อเทียบกับ อปท. ประเภทเดียวกันในจังหวัดเดียวกัน",
            "The share of เฉพาะเจาะจง purchases is an outlier among the same type of อปท. in the province",
        ],
        formula: "specific ÷ all ≥ Q3 + 1.5 IQR of peers",
        settings: "minimum_peers = 4; procurement_methods = limited|direct",
        innocent: ["หน่วยงานเล็กที่ซื้อแต่ของวงเงินน้อย", "A small buyer whose purchases are all small"],
        source: THAI,
    },
    About {
        code: "TH12",
        title: ["ความครบถ้วนของข้อมูล", "Data completeness"],
        measures: [
            "สัดส่วนโครงการที่เผยแพร่ราคากลาง เลขผู้เสียภาษีผู้ขาย วันที่สัญญา และสถานที่",
            "Share of processes publishing ราคากลาง, supplier tax id, contract date and location",
        ],
        formula: "mean of the four shares that apply (0–1)",
        settings: "(none)",
        innocent: ["ระบบที่ยังไม่เชื่อมข้อมูลครบ", "Systems not yet publishing every field"],
        source: THAI,
    },
];

pub fn about(code: &str) -> Option<&'static About> {
    ALL.iter().find(|a| a.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::flags::{cardinal, thai};

    #[test]
    fn every_indicator_is_explained() {
        for code in cardinal::CODES.iter().chain(thai::CODES.iter()) {
            let a = about(code).unwrap_or_else(|| panic!("{code} has no explanation"));
            assert!(a.title.iter().chain(a.measures.iter()).chain(a.innocent.iter()).all(|t| !t.is_empty()), "{code}");
        }
        assert_eq!(ALL.len(), cardinal::CODES.len() + thai::CODES.len());
    }
}
