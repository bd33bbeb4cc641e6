//! The overview: each organisation's figures for one fiscal year (budget, per capita, procurement, method mix,
//! risk signals, assessment, completeness), each province's over its organisations, and the whole.
//!
//! Computed once per load, in one pass over the year's rows. Over several places, amounts are summed and per
//! capita is Σ amount / Σ population over the places that have both, saying how many had not: an average of
//! per-capita figures would weigh a village of 500 like a city of 500,000. A population of 0 is no figure.
//! Scores (LPA, ITA, completeness) are not amounts: over several places they are a mean, with its count.
//!
//! An อบจ. serves its whole province: its population is the province's, which already holds every other
//! อปท.'s people. Over places of one province that include it, the population is the อบจ.'s alone and per
//! capita divides every place's amount by it (`sum_rows`); adding the others' people again would halve the
//! figure. A district holds no อบจ.: the map leaves it out of districts.
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::domain::assessment::{Ita, Lpa};
use crate::domain::budget::Budget;
use crate::domain::catalog::{Catalog, DatasetKind};
use crate::domain::codes::Method;
use crate::domain::money::{Satang, Total};
use crate::domain::org::{LocalText, OrgType, Organisation};
use crate::domain::text::thai_sort_key;
use crate::query::completeness::Completeness;
use crate::query::store::{Store, NONE};

mod csv;
mod figures;
mod order;
mod published;
pub use csv::{organisations_csv, provinces_csv};
pub use figures::{Figures, Mean, PerCapita, Procured};
pub use order::{sort_by, Column, Order};
pub use published::{Published, PublishedYear};

/// What the overview is computed from: the loaded procurement, its flags, and the budget and assessment files.
pub struct Inputs<'a> {
    pub catalog: &'a Catalog,
    pub store: &'a Store,
    /// Per row of the store, whether its process has a risk signal; None when no flags run is at hand.
    pub flagged: Option<&'a [bool]>,
    pub budgets: &'a [Budget],
    pub lpa: &'a [Lpa],
    pub ita: &'a [Ita],
    /// Procurement figures `locallens publish` wrote: used for their years instead of the store, so that a
    /// country's overview needs no shard.
    pub published: &'a [PublishedYear],
}

/// An organisation's row of the overview.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgRow {
    pub code: String,
    pub name: LocalText,
    pub org_type: OrgType,
    pub province: LocalText,
    /// DOPA codes of its province and district, where the catalog has them: the maps' keys.
    pub province_code: Option<String>,
    pub district_code: Option<String>,
    pub district: Option<LocalText>,
    pub figures: Figures,
    /// The organisation's completeness in parts, for its page.
    pub completeness: Completeness,
}

impl OrgRow {
    /// Whether it serves its whole province (an อบจ.): its population is the province's.
    pub fn province_wide(&self) -> bool {
        self.org_type == OrgType::Pao
    }
}

/// The figures of one province's places: summed, but with an อบจ. among them, its population (the province's)
/// is the population of all, and per capita is every place's amount over it.
fn province_sum(rows: &[&OrgRow]) -> Figures {
    let mut f = Figures::sum(rows.iter().map(|r| &r.figures));
    let Some(wide) = rows.iter().find(|r| r.province_wide() && r.figures.with_population > 0) else { return f };
    let people = wide.figures.population;
    f.population = people;
    let over = |amount: Option<Total>, with: usize| match amount {
        Some(amount) => PerCapita { amount, people, without: f.places - with },
        None => PerCapita { without: f.places, ..PerCapita::default() },
    };
    f.budget_per_capita = over(f.budget, f.with_budget);
    f.value_per_capita = over(f.procurement.map(|p| p.value), f.covered);
    f
}

/// The figures of many organisations: per province as `province_sum` says, then the provinces summed.
pub fn sum_rows<'a>(rows: impl IntoIterator<Item = &'a OrgRow>) -> Figures {
    let mut by: BTreeMap<&str, Vec<&OrgRow>> = BTreeMap::new();
    for r in rows {
        by.entry(r.province.th.as_str()).or_default().push(r);
    }
    Figures::sum(by.values().map(|rows| province_sum(rows)).collect::<Vec<_>>().iter())
}

/// A province's row: its organisations' figures summed.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceRow {
    pub province: LocalText,
    pub code: Option<String>,
    pub figures: Figures,
}

/// Which organisations the catalog lists procurement for in one fiscal year: by their own file, by a file
/// of their province, or by a file of everyone. Made once, not per organisation: a country has 7,849 of them
/// and tens of thousands of files.
struct Covered<'a> {
    everyone: bool,
    provinces: HashSet<&'a str>,
    orgs: HashSet<&'a str>,
}

impl<'a> Covered<'a> {
    fn of(catalog: &'a Catalog, year: i32) -> Covered<'a> {
        let mut c = Covered { everyone: false, provinces: HashSet::new(), orgs: HashSet::new() };
        let files = catalog.datasets.iter().filter(|d| {
            matches!(d.kind, DatasetKind::Procurement | DatasetKind::Rows) && d.fiscal_year.is_none_or(|y| y.0 == year)
        });
        for d in files {
            match (&d.organisation, &d.province_code) {
                (Some(code), _) => {
                    c.orgs.insert(code);
                }
                (None, Some(province)) => {
                    c.provinces.insert(province);
                }
                (None, None) => c.everyone = true,
            }
        }
        c
    }

    fn covers(&self, org: &Organisation) -> bool {
        self.everyone
            || self.orgs.contains(org.code.as_str())
            || org.province_code.as_deref().is_some_and(|p| self.provinces.contains(p))
    }
}

/// Each organisation of the catalog's figures for fiscal year `year`, in the catalog's order.
pub fn organisations(inputs: &Inputs, year: i32) -> Vec<OrgRow> {
    figures_of(inputs, year, |_| true)
}

/// The figures of the organisations of `codes` for fiscal year `year`, in the catalog's order: one pass for all
/// of them (a comparison), not one per organisation.
pub fn organisations_of(inputs: &Inputs, year: i32, codes: &[String]) -> Vec<OrgRow> {
    figures_of(inputs, year, |o| codes.contains(&o.code))
}

/// One organisation's figures for fiscal year `year`, for its page.
pub fn organisation(inputs: &Inputs, year: i32, code: &str) -> Option<OrgRow> {
    figures_of(inputs, year, |o| o.code == code).pop()
}

fn figures_of(inputs: &Inputs, year: i32, wanted: impl Fn(&Organisation) -> bool) -> Vec<OrgRow> {
    let Inputs { catalog, store, flagged, budgets, lpa, ita, published } = *inputs;
    let covered = Covered::of(catalog, year);
    let synthetic_year = catalog.demonstration;
    let (procured, flagged) = match published.iter().find(|p| p.fiscal_year == year) {
        Some(p) => (p.by_org(), p.flags_run),
        None => (procured_by_org(store, year, flagged), flagged.is_some()),
    };
    let budget_of: HashMap<&str, &Budget> =
        budgets.iter().filter(|b| b.fiscal_year.0 == year).map(|b| (b.organisation.as_str(), b)).collect();
    let lpa_of: HashMap<&str, &Lpa> = lpa.iter().filter(|l| l.year == year).map(|l| (l.organisation.as_str(), l)).collect();
    let ita_of: HashMap<&str, &Ita> = ita.iter().filter(|i| i.year == year).map(|i| (i.organisation.as_str(), i)).collect();
    catalog
        .organisations
        .iter()
        .filter(|o| wanted(o))
        .map(|o| {
            let code = o.code.as_str();
            let covered = covered.covers(o);
            let (mut procurement, mut completeness) = procured.get(code).copied().unwrap_or_default();
            if flagged && procurement.flagged.is_none() {
                procurement.flagged = Some(0);
            }
            let budget = budget_of.get(code);
            let (lpa, ita) = (lpa_of.get(code), ita_of.get(code));
            completeness.datasets = [covered, budget.is_some(), lpa.is_some(), ita.is_some()];
            let population = o.population.map(|p| p.count).filter(|&c| c > 0);
            let allocated = budget.map(|b| b.allocated_total());
            let demonstration = synthetic_year
                || budget.is_some_and(|b| b.demonstration)
                || lpa.is_some_and(|l| l.demonstration)
                || ita.is_some_and(|i| i.demonstration);
            let figures = Figures {
                places: 1,
                population: population.unwrap_or(0),
                with_population: usize::from(population.is_some()),
                budget: allocated,
                with_budget: usize::from(budget.is_some()),
                budget_differs: usize::from(
                    budget.is_some_and(|b| b.declared_total.is_some_and(|d| Total::from(d) != b.allocated_total())),
                ),
                disbursed: budget.and_then(|b| b.disbursed_total()),
                budget_per_capita: PerCapita::of(allocated, population),
                value_per_capita: PerCapita::of(covered.then_some(procurement.value), population),
                procurement: covered.then_some(procurement),
                covered: usize::from(covered),
                lpa: Mean::of(lpa.and_then(|l| l.score_percent())),
                ita: Mean::of(ita.map(|i| i.total)),
                completeness: Mean::of(Some(completeness.score())),
                demonstration,
            };
            OrgRow {
                code: o.code.clone(),
                name: o.name.clone(),
                org_type: o.org_type,
                province: o.province.clone(),
                province_code: o.province_code.clone(),
                district_code: o.district_code.clone(),
                district: o.district.clone(),
                figures,
                completeness,
            }
        })
        .collect()
}

/// Each organisation's procurement of fiscal year `year` in `store`, and the fields it fills.
pub fn procured_by_org(store: &Store, year: i32, flagged: Option<&[bool]>) -> HashMap<String, (Procured, Completeness)> {
    let mut by_code: HashMap<u32, (Procured, Completeness)> = HashMap::new();
    for &row in store.by_year.get(&year).map_or(&[][..], Vec::as_slice) {
        let r = row as usize;
        let (p, c) = by_code.entry(store.org[r]).or_default();
        p.processes += 1;
        if store.contract_value[r] != NONE {
            p.value.add(Satang(store.contract_value[r]));
            p.with_value += 1;
        }
        p.limited += u64::from(matches!(store.method[r], Method::Limited | Method::Direct));
        if let Some(mask) = flagged {
            *p.flagged.get_or_insert(0) += u64::from(mask.get(r).copied().unwrap_or(false));
        }
        c.count_row(store, row);
    }
    by_code.into_iter().map(|(code, v)| (store.orgs.get(code).to_string(), v)).collect()
}

/// Each province's figures over its organisations, in Thai order of the province's name.
pub fn provinces(rows: &[OrgRow], organisations: &[Organisation]) -> Vec<ProvinceRow> {
    let codes: HashMap<&str, Option<&String>> =
        organisations.iter().map(|o| (o.province.th.as_str(), o.province_code.as_ref())).collect();
    let mut by: BTreeMap<Vec<u32>, Vec<&OrgRow>> = BTreeMap::new();
    for r in rows {
        by.entry(thai_sort_key(&r.province.th)).or_default().push(r);
    }
    by.into_values()
        .map(|rows| ProvinceRow {
            province: rows[0].province.clone(),
            code: codes.get(rows[0].province.th.as_str()).copied().flatten().cloned(),
            figures: province_sum(&rows),
        })
        .collect()
}

/// The fiscal years any input has, newest first.
pub fn years(inputs: &Inputs) -> Vec<i32> {
    let mut years: Vec<i32> = inputs.store.by_year.keys().copied().collect();
    years.extend(inputs.budgets.iter().map(|b| b.fiscal_year.0));
    years.extend(inputs.lpa.iter().map(|l| l.year));
    years.extend(inputs.ita.iter().map(|i| i.year));
    years.extend(inputs.published.iter().map(|p| p.fiscal_year));
    years.extend(inputs.catalog.fiscal_years().iter().map(|y| y.0));
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

#[cfg(test)]
pub(crate) mod tests;
