//! Two to five organisations side by side over a range of fiscal years: each measure's value for each, and its
//! difference from the first (Δ and Δ%), the budget split by ด้าน and by งบ, and the suggested peers.
//!
//! Amounts are summed over the range's years that have a figure; per capita is per person and per year (the
//! amount over those years ÷ population × their count), so that a range of three years compares with one.
//! Shares are taken over the summed counts, not averaged per year. Scores (LPA, ITA, completeness) are the mean
//! of the years that have one. A figure no year has is None, shown as "no data".
use std::collections::{BTreeMap, HashMap};
use std::ops::RangeInclusive;

use crate::domain::budget::Budget;
use crate::domain::catalog::Catalog;
use crate::domain::money::{Satang, Total};
use crate::domain::org::{LocalText, OrgType, Organisation, Population};
use crate::query::overview::{self, Figures, Inputs, Mean, Procured};
use crate::query::store::{Store, NONE};
use crate::query::summary::top_suppliers;

mod csv;
mod measure;
pub use csv::comparison_csv;
pub use measure::{Measure, MEASURES};

/// At most this many organisations are compared at once: more would not fit side by side on a phone.
pub const MAX: usize = 5;

/// The supplier with the largest contract value of an organisation, and its share of the value.
#[derive(Debug, Clone, PartialEq)]
pub struct TopSupplier {
    pub id: String,
    pub name: String,
    pub value: Total,
    pub share: f64,
}

/// One organisation's figures over the range.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub code: String,
    pub name: LocalText,
    pub org_type: OrgType,
    pub province: LocalText,
    pub population: Option<Population>,
    /// Σ allocated budget over the years with a budget file, and how many years had one.
    pub budget: Option<Total>,
    pub budget_years: usize,
    /// The summed procurement of the years the data covers, and how many years it covered.
    pub procured: Option<Procured>,
    pub procured_years: usize,
    /// Mean bidders per process over the processes that name any bidder, and how many did.
    pub bidders: Option<f64>,
    pub with_bids: u64,
    pub top_supplier: Option<TopSupplier>,
    pub lpa: Mean,
    pub ita: Mean,
    pub completeness: Mean,
    /// Allocated budget by ด้าน and by งบ, summed over the range, in their first order of appearance.
    pub by_area: Vec<(String, Total)>,
    pub by_category: Vec<(String, Total)>,
    pub demonstration: bool,
}

impl Member {
    fn people(&self) -> Option<u64> {
        self.population.map(|p| p.count).filter(|&c| c > 0)
    }

    /// Baht per person per year over `years` years with a figure.
    fn per_capita(&self, amount: Option<Total>, years: usize) -> Option<f64> {
        let people = self.people()?;
        (years > 0).then(|| amount.map(|a| a.to_baht_f64() / (people as f64 * years as f64)))?
    }

    pub fn budget_per_capita(&self) -> Option<f64> {
        self.per_capita(self.budget, self.budget_years)
    }

    /// Its budget by ด้าน (`by_area`) or by งบ.
    pub fn split(&self, by_area: bool) -> &[(String, Total)] {
        if by_area {
            &self.by_area
        } else {
            &self.by_category
        }
    }

    pub fn value_per_capita(&self) -> Option<f64> {
        self.per_capita(self.procured.map(|p| p.value), self.procured_years)
    }
}

/// The comparison: members in the order asked, the first being the base of every Δ.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub years: RangeInclusive<i32>,
    pub members: Vec<Member>,
    /// Codes asked for that the catalog does not know.
    pub unknown: Vec<String>,
}

/// A difference from the base: absolute, and relative when the base is not 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Delta {
    pub absolute: f64,
    pub percent: Option<f64>,
}

pub fn delta(base: Option<f64>, value: Option<f64>) -> Option<Delta> {
    let (base, value) = (base?, value?);
    let absolute = value - base;
    Some(Delta { absolute, percent: (base != 0.0).then(|| absolute * 100.0 / base) })
}

/// Adds `amount` under `name`, keeping the first order in which names appear.
fn add_to(list: &mut Vec<(String, Total)>, name: &str, amount: Satang) {
    match list.iter_mut().find(|(n, _)| n == name) {
        Some((_, t)) => t.add(amount),
        None => {
            let mut t = Total::ZERO;
            t.add(amount);
            list.push((name.to_string(), t));
        }
    }
}

/// Bidders per process and the top supplier, from the store's rows of `code` in the range.
fn from_rows(store: &Store, code: &str, years: &RangeInclusive<i32>) -> (Option<f64>, u64, Option<TopSupplier>) {
    let Some(org) = store.orgs.lookup(code) else { return (None, 0, None) };
    let rows: Vec<u32> = store
        .by_org
        .get(&org)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .copied()
        .filter(|&r| years.contains(&store.fiscal_year[r as usize]))
        .collect();
    let (mut bids, mut with_bids) = (0u64, 0u64);
    let mut value = Total::ZERO;
    for &r in &rows {
        let n = store.bidders_of(r).len() as u64;
        if n > 0 {
            bids += n;
            with_bids += 1;
        }
        if store.contract_value[r as usize] != NONE {
            value.add(Satang(store.contract_value[r as usize]));
        }
    }
    let bidders = (with_bids > 0).then(|| bids as f64 / with_bids as f64);
    let top = top_suppliers(store, &rows, 1).into_iter().next().filter(|_| !value.is_zero()).map(|s| {
        let id = store.suppliers.get(s.supplier).to_string();
        let name = store.supplier_name(s.supplier).unwrap_or(&id).to_string();
        TopSupplier { id, name, value: s.value, share: s.value.to_baht_f64() / value.to_baht_f64() }
    });
    (bidders, with_bids, top)
}

/// A member from its figures of each year of the range (`overview::organisations_of`).
fn member<'a>(
    inputs: &Inputs,
    org: &Organisation,
    years: &RangeInclusive<i32>,
    yearly: impl Iterator<Item = &'a Figures>,
) -> Member {
    let mut m = Member {
        code: org.code.clone(),
        name: org.name.clone(),
        org_type: org.org_type,
        province: org.province.clone(),
        population: org.population,
        budget: None,
        budget_years: 0,
        procured: None,
        procured_years: 0,
        bidders: None,
        with_bids: 0,
        top_supplier: None,
        lpa: Mean::default(),
        ita: Mean::default(),
        completeness: Mean::default(),
        by_area: Vec::new(),
        by_category: Vec::new(),
        demonstration: inputs.catalog.demonstration,
    };
    for f in yearly {
        if let Some(b) = f.budget {
            m.budget.get_or_insert(Total::ZERO).merge(b);
            m.budget_years += 1;
        }
        if f.procurement.is_some() {
            Procured::sum_into(&mut m.procured, f.procurement);
            m.procured_years += 1;
        }
        m.lpa.add(f.lpa);
        m.ita.add(f.ita);
        // A year with nothing at all is not scored: it would pull every organisation's mean towards 0 alike.
        if f.budget.is_some() || f.procurement.is_some() || f.lpa.count > 0 || f.ita.count > 0 {
            m.completeness.add(f.completeness);
        }
        m.demonstration |= f.demonstration;
    }
    let budgets = inputs.budgets.iter().filter(|b: &&Budget| b.organisation == org.code && years.contains(&b.fiscal_year.0));
    for b in budgets {
        for line in &b.expenditure {
            add_to(&mut m.by_area, &line.area, line.allocated);
            add_to(&mut m.by_category, &line.category, line.allocated);
        }
    }
    (m.bidders, m.with_bids, m.top_supplier) = from_rows(inputs.store, &org.code, years);
    m
}

/// The organisations of `codes` (at most `MAX`, repeats once) over fiscal years `years`.
pub fn compare(inputs: &Inputs, codes: &[String], years: RangeInclusive<i32>) -> Comparison {
    let mut asked: Vec<&String> = Vec::new();
    for code in codes {
        if asked.len() == MAX {
            break;
        }
        if !asked.contains(&code) {
            asked.push(code);
        }
    }
    let (known, unknown): (Vec<&String>, Vec<&String>) =
        asked.into_iter().partition(|c| inputs.catalog.organisation(c).is_some());
    let known: Vec<String> = known.into_iter().cloned().collect();
    // Each year's figures once for all members: one pass over the catalog and the store per year.
    let yearly: Vec<HashMap<String, Figures>> = years
        .clone()
        .map(|y| overview::organisations_of(inputs, y, &known).into_iter().map(|r| (r.code, r.figures)).collect())
        .collect();
    let members = known
        .iter()
        .filter_map(|code| inputs.catalog.organisation(code))
        .map(|org| member(inputs, org, &years, yearly.iter().filter_map(|y| y.get(&org.code))))
        .collect();
    Comparison { years, members, unknown: unknown.into_iter().cloned().collect() }
}

/// Up to `n` organisations fair to compare with `code`, not already `chosen`: the same type, in the same
/// province first, then by how close their population is (by ratio, so 10,000 is as near 20,000 as 5,000 is);
/// those without a population figure last, then by Thai name.
pub fn suggest_peers<'c>(catalog: &'c Catalog, code: &str, chosen: &[String], n: usize) -> Vec<&'c Organisation> {
    let Some(me) = catalog.organisation(code) else { return Vec::new() };
    let people = |o: &Organisation| o.population.map(|p| p.count).filter(|&c| c > 0);
    let distance = |o: &Organisation| match (people(me), people(o)) {
        (Some(a), Some(b)) => ((b as f64) / (a as f64)).ln().abs(),
        _ => f64::INFINITY,
    };
    let mut candidates: Vec<(bool, f64, Vec<u32>, &Organisation)> = catalog
        .organisations
        .iter()
        .filter(|o| o.org_type == me.org_type && o.code != me.code && !chosen.contains(&o.code))
        .map(|o| (o.province != me.province, distance(o), crate::domain::text::thai_sort_key(&o.name.th), o))
        .collect();
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then_with(|| a.2.cmp(&b.2)));
    candidates.into_iter().take(n).map(|c| c.3).collect()
}

/// The fiscal years the range may cover, oldest first: the overview's years.
pub fn years(inputs: &Inputs) -> Vec<i32> {
    let mut years = overview::years(inputs);
    years.reverse();
    years
}

/// Every ด้าน (`by_area`) or งบ any member's budget has, in first appearance order.
pub fn split_names(members: &[Member], by_area: bool) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for m in members {
        for (name, _) in m.split(by_area) {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    names
}

/// A member's amount under each of `names`, None where it has no budget at all.
pub fn split_amounts(member: &Member, by_area: bool, names: &[String]) -> Vec<Option<Total>> {
    let by: BTreeMap<&str, Total> = member.split(by_area).iter().map(|(n, t)| (n.as_str(), *t)).collect();
    names.iter().map(|n| member.budget.map(|_| by.get(n.as_str()).copied().unwrap_or(Total::ZERO))).collect()
}

#[cfg(test)]
mod tests;
