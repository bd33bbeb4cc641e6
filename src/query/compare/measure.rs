//! The rows of a comparison: each a measure with its name in both languages, how to read it off a member,
//! and how to print it.
use super::Member;

crate::coded_enum! {
    /// A row of the comparison, in the order shown.
    pub enum Measure {
        Population = "population" => ("ประชากร", "Population"),
        Budget = "budget" => ("งบประมาณรายจ่าย (บาท)", "Budget (baht)"),
        BudgetPerCapita = "budget-per-capita" => ("งบประมาณต่อคนต่อปี (บาท)", "Budget per person per year (baht)"),
        Value = "value" => ("มูลค่าสัญญาจัดซื้อจัดจ้าง (บาท)", "Procurement contract value (baht)"),
        ValuePerCapita = "value-per-capita" => ("มูลค่าสัญญาต่อคนต่อปี (บาท)", "Contract value per person per year (baht)"),
        Processes = "processes" => ("จำนวนโครงการ", "Processes"),
        Limited = "limited" => ("สัดส่วนวิธีเฉพาะเจาะจง (%)", "Share by specific method (%)"),
        Bidders = "bidders" => ("ผู้เสนอราคาต่อโครงการ", "Bidders per process"),
        TopSupplier = "top-supplier" => ("สัดส่วนของผู้ขายรายใหญ่ที่สุด (%)", "Top supplier's share (%)"),
        Signals = "signals" => ("สัญญาณความเสี่ยงต่อ 100 โครงการ", "Risk signals per 100 processes"),
        Completeness = "completeness" => ("ความครบถ้วนของข้อมูล (%)", "Data completeness (%)"),
        Lpa = "lpa" => ("LPA (%)", "LPA (%)"),
        Ita = "ita" => ("ITA", "ITA"),
    }
}

/// Every measure, in the order of the table.
pub const MEASURES: [Measure; 13] = [
    Measure::Population,
    Measure::Budget,
    Measure::BudgetPerCapita,
    Measure::Value,
    Measure::ValuePerCapita,
    Measure::Processes,
    Measure::Limited,
    Measure::Bidders,
    Measure::TopSupplier,
    Measure::Signals,
    Measure::Completeness,
    Measure::Lpa,
    Measure::Ita,
];

impl Measure {
    /// The member's figure; None is "no data" (no population, no process, no score), never 0.
    pub fn value(self, m: &Member) -> Option<f64> {
        let p = m.procured;
        match self {
            Measure::Population => m.people().map(|c| c as f64),
            Measure::Budget => m.budget.map(|b| b.to_baht_f64()),
            Measure::BudgetPerCapita => m.budget_per_capita(),
            Measure::Value => p.map(|p| p.value.to_baht_f64()),
            Measure::ValuePerCapita => m.value_per_capita(),
            Measure::Processes => p.map(|p| p.processes as f64),
            Measure::Limited => p.and_then(|p| p.limited_share()).map(|s| s * 100.0),
            Measure::Bidders => m.bidders,
            Measure::TopSupplier => m.top_supplier.as_ref().map(|t| t.share * 100.0),
            Measure::Signals => p.and_then(|p| p.signals_per_100()),
            Measure::Completeness => m.completeness.value(),
            Measure::Lpa => m.lpa.value(),
            Measure::Ita => m.ita.value(),
        }
    }

    /// Decimals shown: whole baht and counts, two for per capita and bidders, one for shares and scores.
    pub fn decimals(self) -> usize {
        match self {
            Measure::Population | Measure::Processes => 0,
            Measure::Budget | Measure::Value | Measure::BudgetPerCapita | Measure::ValuePerCapita | Measure::Bidders => 2,
            _ => 1,
        }
    }

    /// The figure as printed in the table and its CSV.
    pub fn format(self, v: f64) -> String {
        format!("{v:.*}", self.decimals())
    }
}
