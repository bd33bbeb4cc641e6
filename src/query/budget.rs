//! What an organisation's budget view shows, from its budget ordinances: the hierarchy ด้าน → แผนงาน → งาน with
//! allocated, revised and disbursed where the file has them, the split by งบ, revenue, per capita, and the
//! change from the year before. Sums are exact (`Total`); a figure the file lacks is None, never 0.
use std::collections::BTreeMap;

use crate::domain::budget::{Budget, ExpenditureLine};
use crate::domain::calendar::FiscalYear;
use crate::domain::lang::{Lang, Tr};
use crate::domain::money::Total;
use crate::query::csv::push_record;
use crate::query::export::NOTE_COLUMN;

/// The six งบ of the LAO budget classification, in the order ordinances print them.
pub const CATEGORIES: [&str; 6] = ["งบบุคลากร", "งบดำเนินงาน", "งบลงทุน", "งบเงินอุดหนุน", "งบรายจ่ายอื่น", "งบกลาง"];

/// One row of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 0 for ด้าน (or งบ), 1 for แผนงาน, 2 for งาน.
    pub depth: u8,
    pub label: String,
    pub allocated: Total,
    /// Summed over the lines that have it; None when none does.
    pub revised: Option<Total>,
    pub disbursed: Option<Total>,
    /// Share of the year's allocated total.
    pub share: Option<f64>,
    /// The same row's allocation the year before, when that year's file has it.
    pub previous: Option<Total>,
}

impl Row {
    /// Change from the year before: in baht, and in percent when the year before was not zero.
    pub fn change(&self) -> Option<(Total, Option<f64>)> {
        let before = self.previous?;
        let pct = (before.satang_i128() != 0)
            .then(|| (self.allocated.satang_i128() - before.satang_i128()) as f64 / before.satang_i128() as f64 * 100.0);
        Some((self.allocated.minus(before), pct))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RevenueRow {
    pub group: String,
    pub category: String,
    pub estimated: Total,
    pub actual: Option<Total>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetView {
    pub fiscal_year: FiscalYear,
    /// The year's totals, as a row with the label of the whole.
    pub total: Row,
    /// Lines with a revised and a disbursed figure, of how many: "where the data has them".
    pub lines: usize,
    pub lines_revised: usize,
    pub lines_disbursed: usize,
    /// ด้าน, each followed by its แผนงาน and their งาน, largest first at each level.
    pub tree: Vec<Row>,
    /// By งบ, in the classification's order, then any other the file names.
    pub by_category: Vec<Row>,
    pub revenue: Vec<RevenueRow>,
    /// Baht per registered person, when the population is known.
    pub per_capita: Option<f64>,
    pub previous_year: Option<FiscalYear>,
    /// The total the ordinance prints, when it differs from the sum of its lines.
    pub declared_differs: Option<Total>,
}

#[derive(Default)]
struct Acc {
    allocated: Total,
    revised: Option<Total>,
    disbursed: Option<Total>,
}

impl Acc {
    fn add(&mut self, l: &ExpenditureLine) {
        self.allocated.add(l.allocated);
        if let Some(r) = l.revised {
            self.revised.get_or_insert(Total::ZERO).add(r);
        }
        if let Some(d) = l.disbursed {
            self.disbursed.get_or_insert(Total::ZERO).add(d);
        }
    }
}

type Key = (String, Option<String>, Option<String>);

fn sums(budget: &Budget, key: impl Fn(&ExpenditureLine) -> Vec<Key>) -> BTreeMap<Key, Acc> {
    let mut out: BTreeMap<Key, Acc> = BTreeMap::new();
    for line in &budget.expenditure {
        for k in key(line) {
            out.entry(k).or_default().add(line);
        }
    }
    out
}

/// The hierarchy's keys of a line: its ด้าน, its แผนงาน within it, and its งาน within that when it names one.
fn tree_keys(l: &ExpenditureLine) -> Vec<Key> {
    let mut keys = vec![(l.area.clone(), None, None), (l.area.clone(), Some(l.plan.clone()), None)];
    if let Some(task) = &l.task {
        keys.push((l.area.clone(), Some(l.plan.clone()), Some(task.clone())));
    }
    keys
}

fn category_keys(l: &ExpenditureLine) -> Vec<Key> {
    vec![(l.category.clone(), None, None)]
}

/// The view of `budget`, compared with `previous` (the year before, when published) and per person of
/// `population`.
pub fn view(budget: &Budget, previous: Option<&Budget>, population: Option<u64>) -> BudgetView {
    let mut whole = Acc::default();
    budget.expenditure.iter().for_each(|l| whole.add(l));
    let total_allocated = whole.allocated;
    let before_total = previous.map(|p| p.allocated_total());
    let row = |depth: u8, label: String, acc: &Acc, previous: Option<Total>| Row {
        depth,
        label,
        allocated: acc.allocated,
        revised: acc.revised,
        disbursed: acc.disbursed,
        share: acc.allocated.share_of(total_allocated),
        previous,
    };
    let now = sums(budget, tree_keys);
    let before = previous.map(|p| sums(p, tree_keys));
    let before_of = |k: &Key| before.as_ref().map(|b| b.get(k).map_or(Total::ZERO, |a| a.allocated));
    // Children sorted largest first under each parent.
    let children = |parent: &dyn Fn(&Key) -> bool| {
        let mut keys: Vec<&Key> = now.keys().filter(|k| parent(k)).collect();
        keys.sort_by(|a, b| now[*b].allocated.cmp(&now[*a].allocated).then(a.cmp(b)));
        keys
    };
    let mut tree = Vec::new();
    for area in children(&|k| k.1.is_none()) {
        tree.push(row(0, area.0.clone(), &now[area], before_of(area)));
        for plan in children(&|k| k.0 == area.0 && k.1.is_some() && k.2.is_none()) {
            tree.push(row(1, plan.1.clone().unwrap_or_default(), &now[plan], before_of(plan)));
            for task in children(&|k| k.0 == area.0 && k.1 == plan.1 && k.2.is_some()) {
                tree.push(row(2, task.2.clone().unwrap_or_default(), &now[task], before_of(task)));
            }
        }
    }
    let cats = sums(budget, category_keys);
    let cats_before = previous.map(|p| sums(p, category_keys));
    let mut names: Vec<&Key> = cats.keys().collect();
    let rank = |name: &str| CATEGORIES.iter().position(|c| *c == name).unwrap_or(CATEGORIES.len());
    names.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then(a.0.cmp(&b.0)));
    let by_category = names
        .into_iter()
        .map(|k| {
            let before = cats_before.as_ref().map(|b| b.get(k).map_or(Total::ZERO, |a| a.allocated));
            row(0, k.0.clone(), &cats[k], before)
        })
        .collect();
    let revenue = budget
        .revenue
        .iter()
        .map(|r| RevenueRow {
            group: r.group.clone(),
            category: r.category.clone(),
            estimated: r.estimated.into(),
            actual: r.actual.map(Total::from),
        })
        .collect();
    let declared_differs = budget.declared_total.map(Total::from).filter(|d| *d != total_allocated);
    BudgetView {
        fiscal_year: budget.fiscal_year,
        total: row(0, String::new(), &whole, before_total),
        lines: budget.expenditure.len(),
        lines_revised: budget.expenditure.iter().filter(|l| l.revised.is_some()).count(),
        lines_disbursed: budget.expenditure.iter().filter(|l| l.disbursed.is_some()).count(),
        tree,
        by_category,
        revenue,
        per_capita: population.filter(|p| *p > 0).map(|p| total_allocated.to_baht_f64() / p as f64),
        previous_year: previous.map(|p| p.fiscal_year),
        declared_differs,
    }
}

/// The year shown: the one asked for when there is a budget for it, else the latest.
pub fn chosen_year(years: &[FiscalYear], asked: Option<i32>) -> Option<FiscalYear> {
    asked.map(FiscalYear).filter(|y| years.contains(y)).or_else(|| years.iter().max().copied())
}

const TREE_COLUMNS: [Tr; 9] = [
    Tr::new("ระดับ", "level"),
    Tr::new("รายการ", "name"),
    Tr::new("งบประมาณตั้งไว้_บาท", "allocated_baht"),
    Tr::new("สัดส่วนของทั้งหมด", "share_of_total"),
    Tr::new("หลังโอนแก้ไข_บาท", "revised_baht"),
    Tr::new("เบิกจ่าย_บาท", "disbursed_baht"),
    Tr::new("ปีก่อน_บาท", "previous_year_baht"),
    Tr::new("เปลี่ยนแปลง_บาท", "change_baht"),
    Tr::new("เปลี่ยนแปลง_ร้อยละ", "change_percent"),
];
const LEVELS: [Tr; 3] = [Tr::new("ด้าน", "area"), Tr::new("แผนงาน", "plan"), Tr::new("งาน", "task")];

/// The hierarchy as shown, one row per line of the table, exact amounts with two decimals; an empty field is a
/// figure the file does not have. `note` goes in a last column of every row (synthetic data says so there).
pub fn tree_csv(view: &BudgetView, lang: Lang, note: Option<&str>) -> String {
    let mut headers: Vec<&str> = TREE_COLUMNS.iter().map(|c| c.get(lang)).collect();
    if note.is_some() {
        headers.push(NOTE_COLUMN.get(lang));
    }
    // A byte-order mark, as on every CSV of the app: Excel reads the Thai names as UTF-8 only with it.
    let mut out = String::from("\u{FEFF}");
    push_record(&mut out, &headers);
    let opt = |t: Option<Total>| t.map(Total::to_decimal_string).unwrap_or_default();
    for r in &view.tree {
        let change = r.change();
        let mut fields = vec![
            LEVELS[usize::from(r.depth.min(2))].get(lang).to_string(),
            r.label.clone(),
            r.allocated.to_decimal_string(),
            r.share.map(|s| format!("{s:.6}")).unwrap_or_default(),
            opt(r.revised),
            opt(r.disbursed),
            opt(r.previous),
            opt(change.map(|c| c.0)),
            change.and_then(|c| c.1).map(|p| format!("{p:.2}")).unwrap_or_default(),
        ];
        fields.extend(note.map(str::to_string));
        push_record(&mut out, &fields);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::budget::RevenueLine;
    use crate::domain::money::Satang;

    fn line(area: &str, plan: &str, task: Option<&str>, category: &str, baht: i64) -> ExpenditureLine {
        ExpenditureLine {
            id: None,
            area: area.into(),
            plan: plan.into(),
            task: task.map(Into::into),
            category: category.into(),
            subcategory: None,
            item: None,
            allocated: Satang::from_baht(baht).unwrap(),
            revised: None,
            disbursed: None,
        }
    }

    fn budget(year: i32, lines: Vec<ExpenditureLine>) -> Budget {
        Budget {
            budget_version: "1.0".into(),
            organisation: "6200101".into(),
            organisation_name: None,
            fiscal_year: FiscalYear(year),
            declared_total: None,
            population: None,
            expenditure: lines,
            revenue: vec![RevenueLine {
                group: "รายได้จัดเก็บเอง".into(),
                category: "ภาษีอากร".into(),
                estimated: Satang::from_baht(10).unwrap(),
                actual: None,
            }],
            source: None,
            source_url: None,
            demonstration: false,
        }
    }

    #[test]
    fn the_hierarchy_adds_up_level_by_level_and_compares_with_the_year_before() {
        let mut with_disbursed = line("ด้านบริการชุมชนและสังคม", "แผนงานการศึกษา", Some("งานระดับก่อนวัยเรียน"), "งบดำเนินงาน", 300);
        with_disbursed.disbursed = Some(Satang::from_baht(120).unwrap());
        let now = budget(
            2568,
            vec![
                line("ด้านบริหารทั่วไป", "แผนงานบริหารงานทั่วไป", Some("งานบริหารทั่วไป"), "งบบุคลากร", 500),
                with_disbursed,
                line("ด้านบริการชุมชนและสังคม", "แผนงานการศึกษา", None, "งบลงทุน", 250),
                line("ด้านบริการชุมชนและสังคม", "แผนงานสาธารณสุข", None, "งบกลาง", 50),
            ],
        );
        let before = budget(2567, vec![line("ด้านบริหารทั่วไป", "แผนงานบริหารงานทั่วไป", None, "งบบุคลากร", 400)]);
        let v = view(&now, Some(&before), Some(11));
        assert_eq!(v.total.allocated, Total::from(Satang::from_baht(1100).unwrap()));
        assert_eq!(v.per_capita, Some(100.0));
        // Largest ด้าน first; each level's rows add up to their parent.
        let labels: Vec<(u8, &str)> = v.tree.iter().map(|r| (r.depth, r.label.as_str())).collect();
        assert_eq!(
            labels,
            [
                (0, "ด้านบริการชุมชนและสังคม"),
                (1, "แผนงานการศึกษา"),
                (2, "งานระดับก่อนวัยเรียน"),
                (1, "แผนงานสาธารณสุข"),
                (0, "ด้านบริหารทั่วไป"),
                (1, "แผนงานบริหารงานทั่วไป"),
                (2, "งานบริหารทั่วไป"),
            ]
        );
        let areas: Total = v.tree.iter().filter(|r| r.depth == 0).fold(Total::ZERO, |mut t, r| {
            t.merge(r.allocated);
            t
        });
        assert_eq!(areas, v.total.allocated);
        // Disbursed only where a line has it: the ด้าน without any says nothing, not 0.
        assert_eq!(v.tree[0].disbursed, Some(Total::from(Satang::from_baht(120).unwrap())));
        assert_eq!(v.tree[4].disbursed, None);
        assert_eq!((v.lines, v.lines_disbursed, v.lines_revised), (4, 1, 0));
        // Year over year: 400 → 500 is +100 baht, +25 %; a ด้าน new this year had 0 the year before.
        let (delta, pct) = v.tree[4].change().unwrap();
        assert_eq!(delta, Total::from(Satang::from_baht(100).unwrap()));
        assert_eq!(pct, Some(25.0));
        assert_eq!(v.tree[0].change().unwrap().1, None, "no percentage from zero");
        // งบ in the classification's order.
        let cats: Vec<&str> = v.by_category.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(cats, ["งบบุคลากร", "งบดำเนินงาน", "งบลงทุน", "งบกลาง"]);
        // Without a year before, there is no change to show.
        assert_eq!(view(&now, None, None).tree[0].change(), None);
        assert_eq!(view(&now, None, None).per_capita, None);
        // The CSV is the table: one row per line, exact amounts, empty where the file has no figure.
        let csv = tree_csv(&v, Lang::En, Some("note"));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 1 + v.tree.len());
        assert!(lines[0].starts_with("\u{FEFF}level,name,allocated_baht") && lines[0].ends_with(",data_note"));
        assert_eq!(lines[5], "area,ด้านบริหารทั่วไป,500,0.454545,,,400,100,25.00,note");
    }

    #[test]
    fn the_year_asked_for_when_there_is_one_else_the_latest() {
        let years = [FiscalYear(2566), FiscalYear(2568), FiscalYear(2567)];
        assert_eq!(chosen_year(&years, Some(2567)), Some(FiscalYear(2567)));
        assert_eq!(chosen_year(&years, Some(2560)), Some(FiscalYear(2568)));
        assert_eq!(chosen_year(&years, None), Some(FiscalYear(2568)));
        assert_eq!(chosen_year(&[], None), None);
    }
}
