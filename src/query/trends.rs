//! Money over time and the distribution of prices against the reference price, over a selection. Every
//! figure says what it left out, so the charts reconcile with the totals.
use std::collections::BTreeMap;

use crate::domain::codes::Code;
use crate::domain::codes::Method;
use crate::domain::money::{Satang, Total};
use crate::query::per_year::PerYear;
use crate::query::store::{Store, NONE};
use crate::query::summary::MethodShare;

/// Per fiscal year, per procurement method (in `Method::ALL` order): the count of processes and their contract value.
pub type ByYearAndMethod = BTreeMap<i32, [(usize, Total); 6]>;

/// Contract value per fiscal year and procurement method (in `Method::ALL` order), and the count of processes.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn by_year_and_method(store: &Store, rows: &[u32]) -> ByYearAndMethod {
    let mut out = PerYear::default();
    rows.iter().for_each(|&r| count_method(&mut out, store, r as usize));
    out.into_map()
}

#[inline(always)]
fn count_method(out: &mut PerYear<[(usize, Total); 6]>, store: &Store, i: usize) {
    let cell = &mut out.entry(store.fiscal_year[i], <[(usize, Total); 6]>::default)[store.method[i].index()];
    cell.0 += 1;
    if store.contract_value[i] != NONE {
        cell.1.add(Satang(store.contract_value[i]));
    }
}

/// The years by method and every year's months of one selection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Years {
    pub by_method: ByYearAndMethod,
    pub months: MonthsByYear,
}

/// `by_year_and_method` and `monthly_by_year` in one walk: the explorer shows both on every filter change, and
/// over a country's rows each walk is a trip through memory.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn years(store: &Store, rows: &[u32]) -> Years {
    let (mut by_method, mut months, mut undated) = (PerYear::default(), PerYear::default(), Total::ZERO);
    for &r in rows {
        count_method(&mut by_method, store, r as usize);
        count_month(&mut months, &mut undated, store, r as usize);
    }
    Years { by_method: by_method.into_map(), months: MonthsByYear { years: months.into_map(), undated } }
}

/// `summary::by_method` of the same rows, summed from the years instead of read from the rows again.
pub fn method_shares(table: &ByYearAndMethod) -> Vec<MethodShare> {
    let mut shares: Vec<MethodShare> =
        Method::ALL.iter().map(|&method| MethodShare { method, count: 0, contract_value: Total::ZERO }).collect();
    for year in table.values() {
        for (share, (count, value)) in shares.iter_mut().zip(year) {
            share.count += count;
            share.contract_value.merge(*value);
        }
    }
    shares.retain(|s| s.count > 0);
    shares
}

/// Contract value committed in each month of one fiscal year (October first), by the date the contract was
/// signed (else awarded).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Monthly {
    pub fiscal_year: i32,
    pub value: [Total; 12],
    pub count: [usize; 12],
    /// Contract value in the selection with no signing or award date, and value dated in other fiscal years.
    pub undated: Total,
    pub other_years: Total,
}

/// Every fiscal year's months over a selection, and the contract value with no date to place it by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthsByYear {
    pub years: BTreeMap<i32, Monthly>,
    pub undated: Total,
}

impl MonthsByYear {
    /// One fiscal year's months, with what the selection dated in other years: `monthly` of that year, read
    /// from the pass that made every year's (a country's rows are not read again for the month chart).
    pub fn year(&self, fiscal_year: i32) -> Monthly {
        let mut out = self.years.get(&fiscal_year).cloned().unwrap_or(Monthly { fiscal_year, ..Monthly::default() });
        out.undated = self.undated;
        for v in self.years.iter().filter(|(y, _)| **y != fiscal_year).flat_map(|(_, m)| m.value.iter()) {
            out.other_years.merge(*v);
        }
        out
    }
}

/// Each fiscal year's months over the selection, one pass: the year-over-year chart's lines. A process counts in
/// the fiscal year of the date it was signed (else awarded), whatever year its dataset says.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn monthly_by_year(store: &Store, rows: &[u32]) -> MonthsByYear {
    let (mut out, mut undated) = (PerYear::default(), Total::ZERO);
    rows.iter().for_each(|&r| count_month(&mut out, &mut undated, store, r as usize));
    MonthsByYear { years: out.into_map(), undated }
}

#[inline(always)]
fn count_month(out: &mut PerYear<Monthly>, undated: &mut Total, store: &Store, i: usize) {
    let v = store.contract_value[i];
    if v == NONE {
        return;
    }
    if let Some(d) = store.spend_date[i] {
        let year = d.fiscal_year().0;
        let m = out.entry(year, || Monthly { fiscal_year: year, ..Monthly::default() });
        let slot = fiscal_month(d.month);
        m.value[slot].add(Satang(v));
        m.count[slot] += 1;
    } else {
        undated.add(Satang(v));
    }
}

/// The month's position in the fiscal year: October is 0, September 11.
pub fn fiscal_month(month: u8) -> usize {
    (month as usize + 2) % 12
}

#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn monthly(store: &Store, rows: &[u32], fiscal_year: i32) -> Monthly {
    let mut out = Monthly { fiscal_year, ..Monthly::default() };
    for &r in rows {
        let i = r as usize;
        let v = store.contract_value[i];
        if v == NONE {
            continue;
        }
        match store.spend_date[i] {
            None => out.undated.add(Satang(v)),
            Some(d) if d.fiscal_year().0 == fiscal_year => {
                let m = fiscal_month(d.month);
                out.value[m].add(Satang(v));
                out.count[m] += 1;
            }
            Some(_) => out.other_years.add(Satang(v)),
        }
    }
    out
}

/// Bins of contract value ÷ reference price, in percent: each is (from, to], except the first, which starts
/// at 0 inclusive, and the last, which has no end. 98–100 % is where prices sit at the reference price.
pub const RATIO_BINS: [(u32, Option<u32>); 6] =
    [(0, Some(80)), (80, Some(90)), (90, Some(95)), (95, Some(98)), (98, Some(100)), (100, None)];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RatioHistogram {
    pub counts: [usize; 6],
    /// Processes without a contract value or a positive reference price.
    pub without: usize,
}

/// The bin of a price ratio, by exact integer arithmetic on satang: (from, to] per `RATIO_BINS`.
pub fn ratio_bin(contract: i64, reference: i64) -> Option<usize> {
    if contract == NONE || reference == NONE || reference <= 0 || contract < 0 {
        return None;
    }
    let (c, r) = (contract as i128 * 100, reference as i128);
    Some(RATIO_BINS.iter().position(|(_, to)| to.is_none_or(|to| c <= r * to as i128)).unwrap_or(RATIO_BINS.len() - 1))
}

#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn price_ratios(store: &Store, rows: &[u32]) -> RatioHistogram {
    let mut out = RatioHistogram::default();
    for &r in rows {
        match ratio_bin(store.contract_value[r as usize], store.reference_price[r as usize]) {
            Some(b) => out.counts[b] += 1,
            None => out.without += 1,
        }
    }
    out
}

#[cfg(test)]
// Amounts in satang are written baht_satang.
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;
    use crate::query::summary::totals;
    use crate::query::test_data::store;

    #[test]
    fn years_and_methods_add_up_to_the_totals() {
        let store = store(900);
        let rows: Vec<u32> = (0..store.len() as u32).filter(|r| r % 4 != 1).collect();
        let table = by_year_and_method(&store, &rows);
        let mut value = Total::ZERO;
        table.values().flat_map(|cells| cells.iter()).for_each(|c| value.merge(c.1));
        let count: usize = table.values().flat_map(|cells| cells.iter().map(|c| c.0)).sum();
        assert_eq!((count, value), (rows.len(), totals(&store, &rows).contract_value));
        assert_eq!(table.keys().copied().collect::<Vec<_>>(), vec![2566, 2567, 2568]);
        let shares = method_shares(&table);
        assert_eq!(shares, crate::query::summary::by_method(&store, &rows));
        assert!(shares.len() >= 3, "the demo uses several methods: {shares:?}");
        assert_eq!(method_shares(&ByYearAndMethod::new()), vec![]);
        // One cell, counted the long way.
        let open_2567 = Total::of(
            rows.iter()
                .map(|&r| &store.processes[r as usize].compiled)
                .filter(|p| p.method() == Some("open"))
                .filter(|p| {
                    p.tender.as_ref().and_then(|t| t.tender_period.as_ref()?.start_date).map(|d| d.fiscal_year().0) == Some(2567)
                })
                .filter_map(|p| p.contract_value()),
        );
        assert_eq!(table[&2567][0].1, open_2567);
    }

    #[test]
    fn months_reconcile_and_follow_the_signing_date() {
        let store = store(900);
        let rows: Vec<u32> = (0..store.len() as u32).collect();
        let m = monthly(&store, &rows, 2567);
        let total = totals(&store, &rows).contract_value;
        let mut months = Total::ZERO;
        for v in m.value.iter().chain([&m.undated, &m.other_years]) {
            months.merge(*v);
        }
        assert_eq!(months, total);
        assert!(m.count.iter().filter(|&&n| n > 0).count() >= 6, "{m:?}");
        // The long way: each process's first live contract's signing date.
        let mut expected = [Total::ZERO; 12];
        for p in rows.iter().map(|&r| &store.processes[r as usize].compiled) {
            let signed = p.contracts.iter().filter(|c| c.status.as_deref() != Some("cancelled")).find_map(|c| c.date_signed);
            let date = signed.or_else(|| {
                p.awards
                    .iter()
                    .filter(|a| !matches!(a.status.as_deref(), Some("cancelled" | "unsuccessful")))
                    .find_map(|a| a.date)
            });
            if let (Some(d), Some(v)) = (date, p.contract_value()) {
                if d.fiscal_year().0 == 2567 {
                    // October of 2566 CE+543 is the first month of fiscal 2567.
                    let index = if d.month >= 10 { d.month as usize - 10 } else { d.month as usize + 2 };
                    expected[index].add(v);
                }
            }
        }
        assert_eq!(m.value, expected);
        // Every year's months at once are each year's alone, and all of them hold every dated value.
        let by_year = monthly_by_year(&store, &rows);
        assert_eq!(by_year.year(2567), m);
        assert!(!m.other_years.is_zero(), "the demo spans years: {m:?}");
        assert_eq!(by_year.year(1999), monthly(&store, &rows, 1999), "a year with no months");
        let by_year = by_year.years;
        let mut dated = Total::ZERO;
        for v in by_year.values().flat_map(|y| y.value.iter()) {
            dated.merge(*v);
        }
        let mut with_undated = dated;
        with_undated.merge(m.undated);
        assert_eq!(with_undated, total);
        assert!(by_year.len() >= 2, "the demo spans several fiscal years");
        assert_eq!((fiscal_month(10), fiscal_month(12), fiscal_month(1), fiscal_month(9)), (0, 2, 3, 11));
    }

    #[test]
    fn a_years_months_read_from_every_years_are_that_years_alone() {
        let mut store = store(900);
        // Undated contracts as well: the demo dates every one.
        for i in (0..store.len()).step_by(7) {
            store.spend_date[i] = None;
        }
        let rows: Vec<u32> = (0..store.len() as u32).filter(|r| r % 3 != 0).collect();
        let by_year = monthly_by_year(&store, &rows);
        assert!(!by_year.undated.is_zero() && by_year.years.len() >= 2);
        for year in by_year.years.keys().copied().chain([1999]) {
            assert_eq!(by_year.year(year), monthly(&store, &rows, year), "{year}");
        }
    }

    #[test]
    fn one_walk_over_the_years_is_both_walks() {
        let mut store = store(900);
        for i in (0..store.len()).step_by(5) {
            store.spend_date[i] = None;
        }
        let rows: Vec<u32> = (0..store.len() as u32).filter(|r| r % 3 != 2).collect();
        let both = years(&store, &rows);
        assert_eq!(both.by_method, by_year_and_method(&store, &rows));
        assert_eq!(both.months, monthly_by_year(&store, &rows));
        assert!(both.by_method.len() >= 2 && !both.months.undated.is_zero());
        assert_eq!(years(&store, &[]), Years::default());
    }

    #[test]
    fn price_ratio_bins_have_exact_edges() {
        assert_eq!(ratio_bin(79_99, 100_00), Some(0));
        assert_eq!(ratio_bin(80_00, 100_00), Some(0));
        assert_eq!(ratio_bin(80_01, 100_00), Some(1));
        assert_eq!(ratio_bin(100_00, 100_00), Some(4));
        assert_eq!(ratio_bin(100_01, 100_00), Some(5));
        assert_eq!(ratio_bin(0, 100_00), Some(0));
        assert_eq!((ratio_bin(NONE, 1), ratio_bin(1, NONE), ratio_bin(1, 0)), (None, None, None));
        let store = store(600);
        let rows: Vec<u32> = (0..store.len() as u32).collect();
        let h = price_ratios(&store, &rows);
        assert_eq!(h.counts.iter().sum::<usize>() + h.without, rows.len());
        let brute = rows
            .iter()
            .filter_map(|&r| {
                let p = &store.processes[r as usize].compiled;
                Some(p.contract_value()?.0 as f64 / p.reference_price().filter(|r| r.0 > 0)?.0 as f64)
            })
            .filter(|ratio| *ratio > 0.95 && *ratio <= 0.98)
            .count();
        assert_eq!(h.counts[3], brute);
        assert!(h.counts.iter().filter(|&&n| n > 0).count() >= 3, "{h:?}");
    }
}
