//! Synthetic budgets (our schema) and assessments (LPA, ITA) for the demonstration organisations.
use serde_json::{json, Value};

use crate::demo::rng::Rng;
use crate::domain::assessment::{default_ita_bands, grade_for, Ita, ItaGrade, Lpa, LpaArea, PassRule};
use crate::domain::budget::{Budget, ExpenditureLine, RevenueLine, BUDGET_VERSION};
use crate::domain::calendar::FiscalYear;
use crate::domain::money::{Satang, Total};
use crate::domain::org::{LocalText, OrgType, Organisation};

/// (ด้าน, แผนงาน, งาน, share of the budget in per mille)
const LINES: [(&str, &str, &str, i64); 12] = [
    ("ด้านบริหารทั่วไป", "บริหารงานทั่วไป", "บริหารทั่วไป", 220),
    ("ด้านบริหารทั่วไป", "บริหารงานทั่วไป", "บริหารงานคลัง", 60),
    ("ด้านบริหารทั่วไป", "การรักษาความสงบภายใน", "ป้องกันและบรรเทาสาธารณภัย", 30),
    ("ด้านบริการชุมชนและสังคม", "การศึกษา", "ระดับก่อนวัยเรียนและประถมศึกษา", 140),
    ("ด้านบริการชุมชนและสังคม", "สาธารณสุข", "บริการสาธารณสุขและงานสาธารณสุขอื่น", 50),
    ("ด้านบริการชุมชนและสังคม", "สังคมสงเคราะห์", "สวัสดิการสังคมและสังคมสงเคราะห์", 20),
    ("ด้านบริการชุมชนและสังคม", "เคหะและชุมชน", "ไฟฟ้าและถนน", 90),
    ("ด้านบริการชุมชนและสังคม", "เคหะและชุมชน", "กำจัดขยะมูลฝอยและสิ่งปฏิกูล", 40),
    ("ด้านบริการชุมชนและสังคม", "การศาสนา วัฒนธรรม และนันทนาการ", "ศาสนาวัฒนธรรมท้องถิ่น", 20),
    ("ด้านการเศรษฐกิจ", "อุตสาหกรรมและการโยธา", "ก่อสร้างโครงสร้างพื้นฐาน", 170),
    ("ด้านการเศรษฐกิจ", "การเกษตร", "ส่งเสริมการเกษตร", 20),
    ("ด้านการดำเนินงานอื่น", "งบกลาง", "งบกลาง", 140),
];

/// The id of line `index` of an organisation's budget of `year`, as processes name it in `planning.budget.id`.
pub fn line_id(org: &str, year: FiscalYear, index: usize) -> String {
    format!("{org}-{}-{index:02}", year.0)
}

/// The line a process of an OCDS category is paid from: works from construction (งบลงทุน), the rest from
/// general administration's operating budget.
pub fn line_for(category: &str) -> usize {
    let task = if category == "works" {
        "ก่อสร้างโครงสร้างพื้นฐาน"
    } else {
        "ป้องกันและบรรเทาสาธารณภัย"
    };
    LINES.iter().position(|l| l.2 == task).expect("a line of LINES")
}

fn category_of(plan: &str, task: &str) -> &'static str {
    match (plan, task) {
        ("งบกลาง", _) => "งบกลาง",
        (_, "ก่อสร้างโครงสร้างพื้นฐาน" | "ไฟฟ้าและถนน") => {
            "งบลงทุน"
        }
        (_, "บริหารทั่วไป" | "บริหารงานคลัง") => "งบบุคลากร",
        ("การศึกษา", _) => "งบเงินอุดหนุน",
        _ => "งบดำเนินงาน",
    }
}

fn budget_size(kind: OrgType, population: u64) -> i64 {
    let per_head = match kind {
        OrgType::Pao => 1_000,
        OrgType::CityMunicipality | OrgType::TownMunicipality => 9_000,
        _ => 6_500,
    };
    population as i64 * per_head
}

pub fn budget(rng: &mut Rng, org: &Organisation, year: FiscalYear) -> Budget {
    let population = org.population.map_or(5_000, |p| p.count);
    let total = budget_size(org.org_type, population) * (95 + rng.range(0, 10)) / 100;
    let in_progress = year.0 >= 2568;
    let expenditure: Vec<ExpenditureLine> = LINES
        .iter()
        .enumerate()
        .map(|(index, &(area, plan, task, share))| {
            let allocated = Satang::baht(total * share / 1000 / 1000 * 1000);
            let revised = Satang(allocated.0 / 100 * (96 + rng.range(0, 8)));
            let rate = if in_progress { 55 + rng.range(0, 20) } else { 82 + rng.range(0, 17) };
            ExpenditureLine {
                id: Some(line_id(&org.code, year, index)),
                area: area.into(),
                plan: plan.into(),
                task: Some(task.into()),
                category: category_of(plan, task).into(),
                subcategory: None,
                item: None,
                allocated,
                revised: Some(revised),
                disbursed: Some(Satang(revised.0 / 100 * rate)),
            }
        })
        .collect();
    let allocated_total = Total::of(expenditure.iter().map(|l| l.allocated)).satang().expect("a demo budget is one amount");
    let revenue_total = allocated_total.whole_baht();
    let revenue = [
        ("รายได้จัดเก็บเอง", "ภาษีอากร", 6),
        ("รายได้จัดเก็บเอง", "ค่าธรรมเนียม ค่าปรับ และใบอนุญาต", 2),
        ("รายได้จัดเก็บเอง", "รายได้จากทรัพย์สิน", 1),
        ("รายได้จัดเก็บเอง", "รายได้เบ็ดเตล็ด", 1),
        ("รายได้จากภาษีที่รัฐบาลจัดเก็บแล้วจัดสรรให้", "ภาษีจัดสรร", 55),
        ("รายได้ที่รัฐบาลอุดหนุนให้", "เงินอุดหนุนทั่วไป", 35),
    ]
    .iter()
    .map(|&(group, category, percent)| {
        let estimated = Satang::baht(revenue_total * percent / 100);
        RevenueLine {
            group: group.into(),
            category: category.into(),
            estimated,
            actual: (!in_progress).then(|| Satang(estimated.0 / 100 * (90 + rng.range(0, 18)))),
        }
    })
    .collect();
    Budget {
        budget_version: BUDGET_VERSION.into(),
        organisation: org.code.clone(),
        organisation_name: Some(org.name.th.clone()),
        fiscal_year: year,
        declared_total: Some(allocated_total),
        population: Some(population),
        expenditure,
        revenue,
        source: Some(LocalText::both("ข้อมูลสาธิต (สมมุติ)", "Demonstration data (synthetic)")),
        source_url: None,
        demonstration: true,
    }
}

#[derive(Default)]
pub struct Assessments {
    lpa: Vec<Lpa>,
    ita: Vec<Ita>,
}

/// LPA areas and maxima as in THAI.md's example (140/215/250/345/65 = 1,015 points).
const LPA_AREAS: [(&str, &str, f64); 5] = [
    ("การบริหารจัดการ", "Management", 140.0),
    ("การบริหารงานบุคคลและกิจการสภา", "Personnel and council affairs", 215.0),
    ("การบริหารงานการเงินและการคลัง", "Finance and fiscal management", 250.0),
    ("การบริการสาธารณะ", "Public services", 345.0),
    ("ธรรมาภิบาล", "Good governance", 65.0),
];

impl Assessments {
    pub fn add(&mut self, rng: &mut Rng, org: &Organisation, year: i32) {
        let skill = 0.62 + rng.unit() * 0.33;
        let areas = LPA_AREAS
            .iter()
            .map(|&(th, en, max)| {
                let share = (skill + (rng.unit() - 0.5) * 0.12).clamp(0.3, 1.0);
                LpaArea { name: LocalText::both(th, en), points: (max * share * 10.0).round() / 10.0, maximum: max }
            })
            .collect();
        self.lpa.push(Lpa {
            organisation: org.code.clone(),
            year,
            areas,
            pass_rule: PassRule::AverageAreaPercent { percent: 70.0 },
            demonstration: true,
        });
        let iit = 70.0 + rng.unit() * 28.0;
        let eit = 65.0 + rng.unit() * 30.0;
        let oit = 40.0 + rng.unit() * 58.0;
        let weights = [30.0, 30.0, 40.0];
        let round2 = |v: f64| (v * 100.0).round() / 100.0;
        let total = round2((iit * weights[0] + eit * weights[1] + oit * weights[2]) / 100.0);
        let grade = grade_for(total, &default_ita_bands()).unwrap_or(ItaGrade::F);
        self.ita.push(Ita {
            organisation: org.code.clone(),
            year,
            iit: Some(round2(iit)),
            eit: Some(round2(eit)),
            oit: Some(round2(oit)),
            weights,
            total,
            grade,
            demonstration: true,
        });
    }

    pub fn to_json(&self) -> Value {
        json!({"assessmentVersion": "1.0", "demonstration": true, "lpa": self.lpa, "ita": self.ita})
    }
}
