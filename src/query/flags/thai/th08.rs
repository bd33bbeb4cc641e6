//! TH08 Possible contract splitting: one buyer gives one supplier `minimum_contracts` (default 2) or more
//! เฉพาะเจาะจง contracts, each at most `limit` (default 500,000 baht, the threshold for that method), within
//! `window_days` (default 30) days, adding up to more than the limit. Splitting a purchase to stay under a
//! threshold avoids competition; repeated small orders of consumables can be innocent.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::money::Satang;
use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::thai::{method_in, methods, process_date, sole_supplier};
use crate::query::flags::{Context, Group, Indicator};

/// A purchase: (day number, value, ocid).
type Purchase = (i64, Satang, String);

pub struct Th08 {
    limit: Satang,
    window_days: i64,
    minimum_contracts: usize,
    procurement_methods: BTreeSet<String>,
    /// (buyer, supplier) → [(day, value, ocid)]
    purchases: BTreeMap<(String, String), Vec<Purchase>>,
}

impl Th08 {
    pub fn new(mut s: Section) -> Result<Th08, SettingsError> {
        let limit = Satang::from_baht(s.take("limit")?.unwrap_or(500_000));
        let window_days = s.take("window_days")?.unwrap_or(30);
        let minimum_contracts = s.take("minimum_contracts")?.unwrap_or(2);
        let procurement_methods = methods(&mut s, "limited|direct");
        s.finish()?;
        Ok(Th08 { limit, window_days, minimum_contracts, procurement_methods, purchases: BTreeMap::new() })
    }
}

impl Indicator for Th08 {
    fn code(&self) -> &'static str {
        "TH08"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        if !method_in(r, &self.procurement_methods) {
            return;
        }
        let buyer = r.buyer.as_ref().and_then(|b| b.id.clone());
        let date = r.contracts.iter().find_map(|c| c.date_signed).or_else(|| process_date(r));
        let (Some(buyer), Some(supplier), Some(value), Some(date)) =
            (buyer, sole_supplier(r), r.contract_value().or(r.award_value()), date)
        else {
            return ctx.not_evaluable("TH08");
        };
        ctx.evaluated("TH08");
        if value <= self.limit {
            self.purchases.entry((buyer, supplier.to_string())).or_default().push((
                date.days_since_epoch(),
                value,
                r.ocid.clone(),
            ));
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let mut flagged: BTreeMap<String, Satang> = BTreeMap::new();
        for list in self.purchases.values_mut() {
            list.sort();
            // Each purchase opens a window of `window_days`; a window over the limit flags all in it.
            for (i, (start, _, _)) in list.iter().enumerate() {
                let window: Vec<&Purchase> = list[i..].iter().take_while(|(d, _, _)| d - start < self.window_days).collect();
                let sum: Satang = window.iter().map(|(_, v, _)| *v).sum();
                if window.len() >= self.minimum_contracts && sum > self.limit {
                    for (_, _, ocid) in window {
                        let best = flagged.entry(ocid.clone()).or_default();
                        *best = (*best).max(sum);
                    }
                }
            }
        }
        for (ocid, sum) in flagged {
            // The value is the largest total of the purchases it was grouped with, in baht.
            ctx.flag(Group::Ocid, &ocid, "TH08", sum.to_baht_f64());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::query::flags::thai::testing::*;

    fn buy(o: &str, supplier: &str, baht: i64, d: crate::domain::calendar::Date) -> crate::domain::ocds::Release {
        with_contract(with_award(with_tender(release(o), "limited", Some(baht), None), supplier, Some(baht)), Some(baht), Some(d))
    }

    #[test]
    fn positive_negative_boundary_and_missing() {
        let out = run(
            "[TH08]",
            &[
                buy("a1", "S", 400_000, date(2025, 1, 1)),
                buy("a2", "S", 200_000, date(2025, 1, 20)),
                // 30 days after a1: outside the window (days 0–29).
                buy("b1", "T", 400_000, date(2025, 1, 1)),
                buy("b2", "T", 200_000, date(2025, 1, 31)),
                // Exactly at the limit together: not more than it.
                buy("c1", "U", 250_000, date(2025, 1, 1)),
                buy("c2", "U", 250_000, date(2025, 1, 2)),
                // Another supplier's purchase does not join the group.
                buy("d1", "V", 450_000, date(2025, 1, 1)),
                with_tender(release("no supplier"), "limited", Some(1), Some(date(2025, 1, 1))),
            ],
        );
        assert_eq!(flagged(&out, "TH08"), vec![("a1".into(), 600_000.0), ("a2".into(), 600_000.0)]);
        assert_eq!(not_evaluable(&out, "TH08"), 1);
    }
}
