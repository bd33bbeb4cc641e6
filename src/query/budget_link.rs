//! Budget ↔ procurement: which of a year's processes name a line of their buyer's budget ordinance (OCDS
//! `planning.budget.id` = the line's `id`), each line's procurement and how much of it is contracted, how much
//! procurement names no line the ordinance has, and the investment budget (งบลงทุน) beside the works procured.
use std::collections::HashMap;

use crate::domain::budget::Budget;
use crate::domain::codes::Category;
use crate::domain::money::{Satang, Total};
use crate::query::store::{Store, NONE};

/// The งบ of investment, whose lines pay for works.
pub const INVESTMENT: &str = "งบลงทุน";

/// One budget line and the processes that name it.
#[derive(Debug, Clone, PartialEq)]
pub struct LineRow {
    /// ด้าน › แผนงาน › งาน, and its งบ.
    pub label: String,
    pub category: String,
    pub allocated: Total,
    pub processes: u64,
    /// Σ contract value over the processes that have one (`with_contract` of them).
    pub contracted: Total,
    pub with_contract: u64,
}

impl LineRow {
    /// Contracted as a share of the line's allocation.
    pub fn share(&self) -> Option<f64> {
        self.contracted.share_of(self.allocated)
    }
}

/// Money and count of some processes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Part {
    pub processes: u64,
    pub contracted: Total,
}

impl Part {
    fn add(&mut self, store: &Store, r: usize) {
        self.processes += 1;
        if store.contract_value[r] != NONE {
            self.contracted.add(Satang(store.contract_value[r]));
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLink {
    /// Lines some process names, in the ordinance's order.
    pub lines: Vec<LineRow>,
    /// Lines of the ordinance that carry an id at all: none means no process could be linked.
    pub lines_with_id: usize,
    pub linked: Part,
    /// Processes that name no line of this ordinance (no id, or an id it does not have).
    pub unlinked: Part,
    /// The ordinance's งบลงทุน, and the year's processes of works.
    pub investment: Total,
    pub works: Part,
}

/// Links `rows` (one organisation's processes of the budget's fiscal year) to `budget`'s lines.
pub fn link(budget: &Budget, store: &Store, rows: &[u32]) -> BudgetLink {
    let by_id: HashMap<&str, usize> =
        budget.expenditure.iter().enumerate().filter_map(|(i, l)| Some((l.id.as_deref()?, i))).collect();
    let mut per_line: Vec<(Part, u64)> = vec![(Part::default(), 0); budget.expenditure.len()];
    let (mut linked, mut unlinked, mut works) = (Part::default(), Part::default(), Part::default());
    for &row in rows {
        let r = row as usize;
        match by_id.get(store.budget_lines.get(store.budget_line[r])) {
            Some(&line) => {
                per_line[line].0.add(store, r);
                per_line[line].1 += u64::from(store.contract_value[r] != NONE);
                linked.add(store, r);
            }
            None => unlinked.add(store, r),
        }
        if store.category[r] == Category::Works {
            works.add(store, r);
        }
    }
    let lines = budget
        .expenditure
        .iter()
        .zip(per_line)
        .filter(|(_, (part, _))| part.processes > 0)
        .map(|(l, (part, with_contract))| {
            let path = [Some(l.area.as_str()), Some(l.plan.as_str()), l.task.as_deref()];
            LineRow {
                label: path.into_iter().flatten().collect::<Vec<_>>().join(" › "),
                category: l.category.clone(),
                allocated: Total::from(l.allocated),
                processes: part.processes,
                contracted: part.contracted,
                with_contract,
            }
        })
        .collect();
    let investment = Total::of(budget.expenditure.iter().filter(|l| l.category == INVESTMENT).map(|l| l.allocated));
    BudgetLink { lines, lines_with_id: by_id.len(), linked, unlinked, investment, works }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::FiscalYear;
    use crate::query::test_data::store;

    #[test]
    fn each_process_is_linked_to_the_line_it_names_or_counted_as_unlinked() {
        let store = store(900);
        let orgs = crate::demo::orgs::organisations();
        // test_data gives organisation i % 15 the fiscal year YEARS[i % 3]: the third has 2568's.
        let org = &orgs[2];
        let year = 2568;
        let mut rng = crate::demo::rng::Rng::new(5);
        let budget = crate::demo::scores::budget(&mut rng, org, FiscalYear(year));
        let rows = store.select(Some(&org.code), Some(year));
        assert!(rows.len() > 10);
        let link = link(&budget, &store, &rows);
        // Independently: a process is linked when its named line is one of the budget's ids.
        let ids: Vec<&str> = budget.expenditure.iter().filter_map(|l| l.id.as_deref()).collect();
        let named = |r: u32| store.budget_lines.get(store.budget_line[r as usize]);
        let linked: Vec<u32> = rows.iter().copied().filter(|&r| ids.contains(&named(r))).collect();
        assert_eq!(link.linked.processes, linked.len() as u64);
        assert_eq!(link.linked.processes + link.unlinked.processes, rows.len() as u64);
        assert!(link.unlinked.processes > 0 && link.linked.processes > 0, "the demo leaves one in eight unlinked");
        assert_eq!(link.lines.iter().map(|l| l.processes).sum::<u64>(), link.linked.processes);
        let contracted =
            |rs: &[u32]| Total::of(rs.iter().map(|&r| store.contract_value[r as usize]).filter(|&v| v != NONE).map(Satang));
        assert_eq!(link.linked.contracted, contracted(&linked));
        let mut lines_total = Total::ZERO;
        for l in &link.lines {
            lines_total.merge(l.contracted);
        }
        assert_eq!(lines_total, link.linked.contracted);
        let works: Vec<u32> = rows.iter().copied().filter(|&r| store.category[r as usize] == Category::Works).collect();
        assert_eq!(link.works.contracted, contracted(&works));
        assert!(link.investment.satang_i128() > 0);
        assert_eq!(link.lines_with_id, budget.expenditure.len());
    }

    #[test]
    fn a_budget_without_line_ids_links_nothing() {
        let store = store(60);
        let org = &crate::demo::orgs::organisations()[0];
        let mut budget = crate::demo::scores::budget(&mut crate::demo::rng::Rng::new(1), org, FiscalYear(2566));
        for l in &mut budget.expenditure {
            l.id = None;
        }
        let rows = store.select(Some(&org.code), Some(2566));
        let link = link(&budget, &store, &rows);
        assert_eq!((link.lines_with_id, link.linked.processes, link.unlinked.processes), (0, 0, rows.len() as u64));
        assert!(link.lines.is_empty());
    }
}
