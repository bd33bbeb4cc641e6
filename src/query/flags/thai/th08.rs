//! TH08 Possible contract splitting: one buyer gives one supplier `minimum_contracts` (default 2) or more
//! เฉพาะเจาะจง contracts, each at most `limit` (default 500,000 baht, the threshold for that method), within
//! `window_days` (default 30) days, adding up to more than the limit. Splitting a purchase to stay under a
//! threshold avoids competition; repeated small orders of consumables can be innocent.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::lang::Tr;
use crate::domain::money::{Satang, Total};
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::settings::Baht;
use crate::query::flags::thai::{method_in, process_date, sole_supplier};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH08;

const LIMIT: Setting = Setting::new(
    "limit",
    Kind::Baht,
    Default::Value("500000"),
    Tr::new("วงเงินสูงสุดของวิธีเฉพาะเจาะจง (บาท)", "the most a เฉพาะเจาะจง purchase may be (baht)"),
);
const WINDOW: Setting = Setting::new(
    "window_days",
    Kind::Days,
    Default::Value("30"),
    Tr::new("ช่วงวันที่นับรวม", "days over which purchases are grouped"),
);
const MIN_CONTRACTS: Setting = Setting::new(
    "minimum_contracts",
    Kind::Count,
    Default::Value("2"),
    Tr::new("จำนวนสัญญาน้อยที่สุดในช่วงนั้น", "fewest contracts in the window"),
);
const METHODS: Setting = super::SPECIFIC_METHODS;

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("อาจแบ่งซื้อแบ่งจ้าง", "Possible contract splitting"),
    measures: Tr::new(
        "หน่วยงานเดียวจ้างผู้ขายรายเดียวหลายสัญญาเฉพาะเจาะจงในช่วงสั้น ๆ รวมกันเกินวงเงิน",
        "One buyer gives one supplier several small เฉพาะเจาะจง contracts within days, adding up to more than the limit",
    ),
    formula: "≥ minimum_contracts contracts ≤ limit within window_days, sum > limit",
    innocent: Tr::new("วัสดุสิ้นเปลืองที่ต้องซื้อซ้ำตามความจำเป็น", "Consumables bought as needed"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[LIMIT, WINDOW, MIN_CONTRACTS, METHODS],
    build: |s| {
        Ok(Box::new(Th08 {
            limit: s.value::<Baht>(&LIMIT)?.0,
            window_days: s.value(&WINDOW)?,
            minimum_contracts: s.value(&MIN_CONTRACTS)?,
            procurement_methods: s.set(&METHODS)?,
            purchases: Vec::new(),
        }))
    },
};

/// A purchase: (day number, value, ocid).
/// Buyer and supplier (numbers of `Context::names`), day, value and the process's number in the run
/// (`Context::ocids`): one flat list, grouped by sorting at the end, since most pairs of a country buy once.
type Purchase = (u32, u32, i64, Satang, u32);

pub struct Th08 {
    limit: Satang,
    window_days: i64,
    minimum_contracts: usize,
    procurement_methods: BTreeSet<String>,
    /// (buyer, supplier) → [(day, value, ocid)]
    purchases: Vec<Purchase>,
}

impl Indicator for Th08 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        if !method_in(r, &self.procurement_methods) {
            return;
        }
        let buyer = r.buyer.as_ref().and_then(|b| b.id.clone());
        let date = r.contracts.iter().find_map(|c| c.date_signed).or_else(|| process_date(r));
        let (Some(buyer), Some(supplier), Some(value), Some(date)) =
            (buyer, sole_supplier(r), r.contract_value().or(r.award_value()), date)
        else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        if value <= self.limit {
            let (buyer, supplier) = (ctx.names.id(&buyer), ctx.names.id(supplier));
            self.purchases.push((buyer, supplier, date.days_since_epoch(), value, ctx.process()));
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let mut flagged: BTreeMap<u32, Total> = BTreeMap::new();
        let mut purchases = std::mem::take(&mut self.purchases);
        purchases.sort_unstable();
        for list in purchases.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            // Each purchase opens a window of `window_days`; a window over the limit flags all in it.
            for (i, &(_, _, start, _, _)) in list.iter().enumerate() {
                let window = list[i..].iter().take_while(|p| p.2 - start < self.window_days);
                let (count, sum) = window.clone().fold((0, Total::ZERO), |(n, mut sum), p| {
                    sum.add(p.3);
                    (n + 1, sum)
                });
                if count >= self.minimum_contracts && sum > Total::from(self.limit) {
                    for p in window {
                        let best = flagged.entry(p.4).or_default();
                        *best = (*best).max(sum);
                    }
                }
            }
        }
        drop(purchases);
        // Two processes may share an ocid (a file read twice): the ocid takes the larger total.
        let mut by_ocid: BTreeMap<&str, Total> = BTreeMap::new();
        for (process, sum) in flagged {
            let best = by_ocid.entry(ctx.ocids.get(process)).or_default();
            *best = (*best).max(sum);
        }
        for (ocid, sum) in by_ocid {
            // The value is the largest total of the purchases it was grouped with, in baht.
            ctx.outcome.flag(Group::Ocid, ocid, CODE, sum.to_baht_f64());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
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
        assert_eq!(flagged(&out, CODE), vec![("a1".into(), 600_000.0), ("a2".into(), 600_000.0)]);
        assert_eq!(not_evaluable(&out, CODE), 1);
    }

    #[test]
    fn purchases_group_by_buyer_and_supplier_and_a_repeated_ocid_keeps_its_largest_total() {
        let of = |o: &str, buyer: &str, baht: i64, d| {
            let mut r = buy(o, "S", baht, d);
            r.buyer.as_mut().unwrap().id = Some(buyer.into());
            r
        };
        let out = run(
            "[TH08]",
            &[
                // The same supplier at two buyers: neither buyer's purchases add up past the limit.
                of("x1", "A", 300_000, date(2025, 1, 1)),
                of("x2", "B", 300_000, date(2025, 1, 2)),
                // Buyer C: "c" is read twice, each time in a window of its own over the limit.
                of("c", "C", 300_000, date(2025, 1, 1)),
                of("c2", "C", 350_000, date(2025, 1, 5)),
                of("c", "C", 200_000, date(2025, 4, 1)),
                of("c3", "C", 400_000, date(2025, 4, 2)),
            ],
        );
        assert_eq!(flagged(&out, CODE), vec![("c".into(), 650_000.0), ("c2".into(), 650_000.0), ("c3".into(), 600_000.0)]);
    }
}
