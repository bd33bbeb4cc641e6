//! An อปท.'s annual budget ordinance (ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่าย) in our documented schema.
//!
//! Expenditure is classified ด้าน (area) → แผนงาน (plan) → งาน (task), and by งบ → หมวด → รายการ.
use serde::{Deserialize, Serialize};

use super::calendar::FiscalYear;
use super::money::{Satang, Total};
use super::org::LocalText;

pub const BUDGET_VERSION: &str = "1.0";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpenditureLine {
    /// The line's id in the ordinance, where the publisher gives one: what a process's `planning.budget.id`
    /// names to say it is paid from this line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// ด้าน
    pub area: String,
    /// แผนงาน
    pub plan: String,
    /// งาน
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// งบ (งบบุคลากร, งบดำเนินงาน, งบลงทุน, งบเงินอุดหนุน, งบรายจ่ายอื่น, งบกลาง)
    pub category: String,
    /// หมวด
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    /// ประเภท/รายการ
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// As enacted.
    pub allocated: Satang,
    /// After transfers and amendments during the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised: Option<Satang>,
    /// Actually disbursed (เบิกจ่าย).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disbursed: Option<Satang>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevenueLine {
    /// e.g. รายได้จัดเก็บเอง, รายได้จากภาษีที่รัฐบาลจัดเก็บแล้วจัดสรรให้, รายได้ที่รัฐบาลอุดหนุนให้
    pub group: String,
    /// หมวด: ภาษีอากร, ค่าธรรมเนียม ค่าปรับ และใบอนุญาต, …
    pub category: String,
    pub estimated: Satang,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Satang>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Budget {
    pub budget_version: String,
    /// DLA code of the organisation, or its name where the source has no code.
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_name: Option<String>,
    pub fiscal_year: FiscalYear,
    /// The total printed in the ordinance; checked against the sum of the lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_total: Option<Satang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    pub expenditure: Vec<ExpenditureLine>,
    #[serde(default)]
    pub revenue: Vec<RevenueLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<LocalText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    #[serde(default)]
    pub demonstration: bool,
}

impl Budget {
    pub fn allocated_total(&self) -> Total {
        Total::of(self.expenditure.iter().map(|l| l.allocated))
    }

    /// None when no line says what was disbursed.
    pub fn disbursed_total(&self) -> Option<Total> {
        let lines: Vec<Satang> = self.expenditure.iter().filter_map(|l| l.disbursed).collect();
        (!lines.is_empty()).then(|| Total::of(lines))
    }

    pub fn revenue_estimated_total(&self) -> Total {
        Total::of(self.revenue.iter().map(|l| l.estimated))
    }
}
