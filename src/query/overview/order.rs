//! The overview's order: the columns a reader may sort by, and a sort that puts missing figures last either way.
use super::Figures;
use crate::domain::codes::Code;
use crate::domain::lang::Lang;
use crate::domain::money::Total;
use crate::domain::org::LocalText;
use crate::domain::text::thai_sort_key;

crate::coded_enum! {
    /// The overview's columns a reader may sort by (`osort=`, `-` first for largest first).
    pub enum Column {
        Name = "name" => ("ชื่อ", "Name"),
        Population = "population" => ("ประชากร", "Population"),
        Budget = "budget" => ("งบประมาณ", "Budget"),
        PerCapita = "per-capita" => ("งบประมาณต่อหัว", "Budget per person"),
        Value = "value" => ("มูลค่าสัญญา", "Contract value"),
        Processes = "processes" => ("จำนวนโครงการ", "Processes"),
        Limited = "limited" => ("สัดส่วนวิธีเฉพาะเจาะจง", "Share by specific method"),
        Signals = "signals" => ("สัญญาณความเสี่ยงต่อ 100 โครงการ", "Risk signals per 100 processes"),
        Lpa = "lpa" => ("LPA (%)", "LPA (%)"),
        Ita = "ita" => ("ITA", "ITA"),
        Completeness = "completeness" => ("ความครบถ้วนของข้อมูล (%)", "Data completeness (%)"),
    }
}

/// An order of the overview: a column, and largest (or last in Thai order) first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Order {
    pub column: Column,
    pub descending: bool,
}

impl Order {
    /// `budget` is ascending, `-budget` descending.
    pub fn parse(text: &str) -> Option<Order> {
        let (descending, name) = text.strip_prefix('-').map_or((false, text), |rest| (true, rest));
        Column::from_code(name).map(|column| Order { column, descending })
    }

    pub fn code(self) -> String {
        format!("{}{}", if self.descending { "-" } else { "" }, self.column.as_str())
    }
}

impl Figures {
    /// The value a numeric column sorts by; None sorts last either way.
    pub fn sort_value(&self, column: Column) -> Option<f64> {
        match column {
            Column::Name => None,
            Column::Population => (self.with_population > 0).then_some(self.population as f64),
            Column::Budget => self.budget.map(Total::to_baht_f64),
            Column::PerCapita => self.budget_per_capita.value(),
            Column::Value => self.procurement.map(|p| p.value.to_baht_f64()),
            Column::Processes => self.procurement.map(|p| p.processes as f64),
            Column::Limited => self.procurement.and_then(|p| p.limited_share()),
            Column::Signals => self.procurement.and_then(|p| p.signals_per_100()),
            Column::Lpa => self.lpa.value(),
            Column::Ita => self.ita.value(),
            Column::Completeness => self.completeness.value(),
        }
    }
}

/// Sorts rows (each with its figures and a name) by `order`: missing values last in either direction, ties
/// by name in Thai order.
pub fn sort_by<T>(rows: &mut [T], order: Order, lang: Lang, parts: impl Fn(&T) -> (&Figures, &LocalText)) {
    let mut keyed: Vec<(Option<f64>, Vec<u32>, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (f, name) = parts(r);
            (f.sort_value(order.column), thai_sort_key(name.get(lang)), i)
        })
        .collect();
    keyed.sort_by(|a, b| {
        let by_value = match (a.0, b.0) {
            (Some(x), Some(y)) if order.descending => y.total_cmp(&x),
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        let by_name = if order.column == Column::Name && order.descending { b.1.cmp(&a.1) } else { a.1.cmp(&b.1) };
        by_value.then(by_name)
    });
    let order: Vec<usize> = keyed.into_iter().map(|k| k.2).collect();
    permute(rows, &order);
}

/// Puts `rows[order[i]]` at `i`.
fn permute<T>(rows: &mut [T], order: &[usize]) {
    let mut place: Vec<usize> = vec![0; order.len()];
    for (i, &from) in order.iter().enumerate() {
        place[from] = i;
    }
    for i in 0..rows.len() {
        while place[i] != i {
            let to = place[i];
            rows.swap(i, to);
            place.swap(i, to);
        }
    }
}
