//! TH09 Dominant supplier: in one fiscal year, one supplier takes `share` (default 50 %) or more of a buyer's
//! contract value, among at least `minimum_contracts` (default 3) contracted processes. The buyer is flagged
//! with the share, the supplier as a tenderer, and that supplier's processes. A small market, or one big
//! project, can explain it.
use std::collections::BTreeMap;

use crate::domain::money::Satang;
use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::thai::{process_date, sole_supplier};
use crate::query::flags::{Context, Group, Indicator};

/// Per supplier: contract value and the processes it came from.
type Suppliers = BTreeMap<String, (Satang, Vec<String>)>;

pub struct Th09 {
    share: f64,
    minimum_contracts: usize,
    /// (buyer, fiscal year) → supplier → (value, ocids)
    years: BTreeMap<(String, i32), Suppliers>,
}

impl Th09 {
    pub fn new(mut s: Section) -> Result<Th09, SettingsError> {
        let share = s.take("share")?.unwrap_or(0.5);
        let minimum_contracts = s.take("minimum_contracts")?.unwrap_or(3);
        s.finish()?;
        Ok(Th09 { share, minimum_contracts, years: BTreeMap::new() })
    }
}

impl Indicator for Th09 {
    fn code(&self) -> &'static str {
        "TH09"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let buyer = r.buyer.as_ref().and_then(|b| b.id.clone());
        let (Some(buyer), Some(supplier), Some(value), Some(date)) =
            (buyer, sole_supplier(r), r.contract_value(), process_date(r))
        else {
            return ctx.not_evaluable("TH09");
        };
        ctx.evaluated("TH09");
        let entry = self.years.entry((buyer, date.fiscal_year().0)).or_default().entry(supplier.to_string()).or_default();
        entry.0 += value;
        entry.1.push(r.ocid.clone());
    }

    fn finish(&mut self, ctx: &mut Context) {
        let mut buyer_max: BTreeMap<String, f64> = BTreeMap::new();
        for ((buyer, _year), suppliers) in &self.years {
            let total: Satang = suppliers.values().map(|(v, _)| *v).sum();
            let count: usize = suppliers.values().map(|(_, o)| o.len()).sum();
            if count < self.minimum_contracts || total.0 <= 0 {
                continue;
            }
            for (supplier, (value, ocids)) in suppliers {
                let share = value.0 as f64 / total.0 as f64;
                if share >= self.share - 1e-12 {
                    let best = buyer_max.entry(buyer.clone()).or_default();
                    *best = best.max(share);
                    ctx.flag(Group::Tenderer, supplier, "TH09", share);
                    for ocid in ocids {
                        ctx.flag(Group::Ocid, ocid, "TH09", share);
                    }
                }
            }
        }
        for (buyer, share) in buyer_max {
            ctx.flag(Group::Buyer, &buyer, "TH09", share);
        }
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(flagged_in(&out, Group::Buyer, "TH09"), vec![("A".into(), 0.5)]);
        assert_eq!(flagged(&out, "TH09"), vec![("a1".into(), 0.5)]);
        assert_eq!(not_evaluable(&out, "TH09"), 1);
    }
}
