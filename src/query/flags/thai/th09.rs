//! TH09 Dominant supplier: in one fiscal year, one supplier takes `share` (default 50 %) or more of a buyer's
//! contract value, among at least `minimum_contracts` (default 3) contracted processes. The buyer is flagged
//! with the share, the supplier as a tenderer, and that supplier's processes. A small market, or one big
//! project, can explain it.
use std::collections::BTreeMap;

use crate::domain::lang::Tr;
use crate::domain::money::Total;
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
    build: |s| {
        Ok(Box::new(Th09 { share: s.value(&SHARE)?, minimum_contracts: s.value(&MIN_CONTRACTS)?, years: BTreeMap::new() }))
    },
};

/// Per supplier: contract value and the processes it came from.
type Suppliers = BTreeMap<String, (Total, Vec<String>)>;

pub struct Th09 {
    share: f64,
    minimum_contracts: usize,
    /// (buyer, fiscal year) → supplier → (value, ocids)
    years: BTreeMap<(String, i32), Suppliers>,
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
        let entry = self.years.entry((buyer, date.fiscal_year().0)).or_default().entry(supplier.to_string()).or_default();
        entry.0.add(value);
        entry.1.push(r.ocid.clone());
    }

    fn finish(&mut self, ctx: &mut Context) {
        let mut buyer_max: BTreeMap<String, f64> = BTreeMap::new();
        for ((buyer, _year), suppliers) in &self.years {
            let mut total = Total::ZERO;
            suppliers.values().for_each(|(v, _)| total.merge(*v));
            let count: usize = suppliers.values().map(|(_, o)| o.len()).sum();
            if count < self.minimum_contracts {
                continue;
            }
            for (supplier, (value, ocids)) in suppliers {
                let Some(share) = value.share_of(total) else { continue };
                if share >= self.share - 1e-12 {
                    let best = buyer_max.entry(buyer.clone()).or_default();
                    *best = best.max(share);
                    ctx.flag(Group::Tenderer, supplier, CODE, share);
                    for ocid in ocids {
                        ctx.flag(Group::Ocid, ocid, CODE, share);
                    }
                }
            }
        }
        for (buyer, share) in buyer_max {
            ctx.flag(Group::Buyer, &buyer, CODE, share);
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
}
