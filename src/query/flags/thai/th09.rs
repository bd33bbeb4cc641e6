//! TH09 Dominant supplier: in one fiscal year, one supplier takes `share` (default 50 %) or more of a buyer's
//! contract value, among at least `minimum_contracts` (default 3) contracted processes. The buyer is flagged
//! with the share, the supplier as a tenderer, and that supplier's processes. A small market, or one big
//! project, can explain it.
use std::collections::BTreeMap;

use crate::domain::lang::Tr;
use crate::domain::money::{Satang, Total};
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::thai::{process_date, sole_supplier};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH09;

const SHARE: Setting = Setting::new(
    "share",
    Kind::Fraction,
    Default::Value("0.5"),
    Tr::new("สัดส่วนมูลค่าที่ถือว่าครอบงำ", "a share of value at or above which one supplier dominates"),
);
const MIN_CONTRACTS: Setting = Setting::new(
    "minimum_contracts",
    Kind::Count,
    Default::Value("3"),
    Tr::new("จำนวนโครงการน้อยที่สุดของหน่วยงานในปี", "fewest contracted processes of the buyer in the year"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ผู้ขายรายเดียวได้งานส่วนใหญ่", "Dominant supplier"),
    measures: Tr::new(
        "ผู้ขายรายเดียวได้มูลค่าสัญญาเกินครึ่งของหน่วยงานในปีงบประมาณ",
        "One supplier takes most of a buyer's contract value in a fiscal year",
    ),
    formula: "supplier value ÷ buyer-year value ≥ share",
    innocent: Tr::new("ตลาดในพื้นที่เล็ก หรือมีโครงการใหญ่โครงการเดียว", "A small local market or one large project"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[SHARE, MIN_CONTRACTS],
    build: |s| Ok(Box::new(Th09 { share: s.value(&SHARE)?, minimum_contracts: s.value(&MIN_CONTRACTS)?, contracts: Vec::new() })),
};

/// Per supplier: contract value and the processes it came from.
/// Buyer, fiscal year, supplier (numbers of `Context::names`), the process's number in the run
/// (`Context::ocids`) and its value: one flat list, grouped by sorting at the end.
type Contract = (u32, i32, u32, u32, Satang);

pub struct Th09 {
    share: f64,
    minimum_contracts: usize,
    /// (buyer, fiscal year) → supplier → (value, ocids)
    contracts: Vec<Contract>,
}

impl Indicator for Th09 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let buyer = r.buyer.as_ref().and_then(|b| b.id.clone());
        let (Some(buyer), Some(supplier), Some(value), Some(date)) =
            (buyer, sole_supplier(r), r.contract_value(), process_date(r))
        else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        let (buyer, supplier) = (ctx.names.id(&buyer), ctx.names.id(supplier));
        self.contracts.push((buyer, date.fiscal_year().0, supplier, ctx.process(), value));
    }

    fn finish(&mut self, ctx: &mut Context) {
        let mut contracts = std::mem::take(&mut self.contracts);
        // Buyers in the order of their ids as text, as when they were kept as text: a supplier dominant at
        // several buyers keeps the share at the last of them.
        let mut buyers: Vec<u32> = contracts.iter().map(|c| c.0).collect();
        buyers.sort_unstable();
        buyers.dedup();
        buyers.sort_by(|a, b| ctx.names.get(*a).cmp(ctx.names.get(*b)));
        let rank: std::collections::HashMap<u32, usize> = buyers.iter().enumerate().map(|(i, b)| (*b, i)).collect();
        contracts.sort_unstable_by_key(|c| (rank[&c.0], c.1, c.2, c.3));
        let mut buyer_max: BTreeMap<u32, f64> = BTreeMap::new();
        for year in contracts.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            if year.len() < self.minimum_contracts {
                continue;
            }
            let total = Total::of(year.iter().map(|c| c.4));
            for won in year.chunk_by(|a, b| a.2 == b.2) {
                let Some(share) = Total::of(won.iter().map(|c| c.4)).share_of(total) else { continue };
                if share >= self.share - 1e-12 {
                    let (buyer, supplier) = (won[0].0, won[0].2);
                    let best = buyer_max.entry(buyer).or_default();
                    *best = best.max(share);
                    ctx.outcome.flag(Group::Tenderer, ctx.names.get(supplier), CODE, share);
                    for c in won {
                        ctx.outcome.flag(Group::Ocid, ctx.ocids.get(c.3), CODE, share);
                    }
                }
            }
        }
        for (buyer, share) in buyer_max {
            ctx.outcome.flag(Group::Buyer, ctx.names.get(buyer), CODE, share);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::query::flags::thai::testing::*;
    use crate::query::flags::Group;

    fn sale(o: &str, buyer: &str, supplier: &str, baht: i64, d: crate::domain::calendar::Date) -> crate::domain::ocds::Release {
        let mut r = with_contract(
            with_award(with_tender(release(o), "open", Some(baht), Some(d)), supplier, Some(baht)),
            Some(baht),
            None,
        );
        r.buyer.as_mut().unwrap().id = Some(buyer.into());
        r
    }

    #[test]
    fn positive_negative_boundary_and_missing() {
        let d = date(2025, 3, 1);
        let out = run(
            "[TH09]",
            &[
                // Buyer A: S has exactly 50 % (boundary: flagged).
                sale("a1", "A", "S", 500, d),
                sale("a2", "A", "T", 300, d),
                sale("a3", "A", "U", 200, d),
                // Buyer B: nobody reaches 50 %.
                sale("b1", "B", "S", 400, d),
                sale("b2", "B", "T", 300, d),
                sale("b3", "B", "U", 300, d),
                // Buyer C: too few contracts to judge.
                sale("c1", "C", "S", 900, d),
                sale("c2", "C", "T", 100, d),
                with_tender(release("no contract"), "open", Some(1), Some(d)),
            ],
        );
        assert_eq!(flagged_in(&out, Group::Buyer, CODE), vec![("A".into(), 0.5)]);
        assert_eq!(flagged(&out, CODE), vec![("a1".into(), 0.5)]);
        assert_eq!(not_evaluable(&out, CODE), 1);
    }

    #[test]
    fn a_supplier_dominant_at_several_buyers_keeps_the_share_at_the_last_buyer_by_id() {
        let d = date(2025, 3, 1);
        // Buyer "Z" is met first and "B" second; ordered by id, "Z" is last, so S keeps Z's 60 %.
        let out = run(
            "[TH09]",
            &[
                sale("z1", "Z", "S", 600, d),
                sale("z2", "Z", "T", 300, d),
                sale("z3", "Z", "U", 100, d),
                sale("b1", "B", "S", 900, d),
                sale("b2", "B", "T", 50, d),
                sale("b3", "B", "U", 50, d),
                // B's other fiscal year is a group of its own, with too few contracts to judge.
                sale("b4", "B", "T", 100, date(2024, 3, 1)),
            ],
        );
        assert_eq!(flagged_in(&out, Group::Tenderer, CODE), vec![("S".into(), 0.6)]);
        assert_eq!(flagged_in(&out, Group::Buyer, CODE), vec![("B".into(), 0.9), ("Z".into(), 0.6)]);
        assert_eq!(flagged(&out, CODE), vec![("b1".into(), 0.9), ("z1".into(), 0.6)]);
    }
}
