//! TH12 Data completeness per buyer: the share of its processes that publish ราคากลาง (of those with a
//! tender), a supplier identifier (of those awarded), a contract date (of those contracted) and a location
//! (delivery location or address of an item). The value is the mean of the shares that apply, from 0 to 1,
//! reported for every buyer. Missing data hides the other flags: low completeness is a signal in itself.
use std::collections::BTreeMap;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{FlagCode, Needs, Source, Spec};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH12;

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ความครบถ้วนของข้อมูล", "Data completeness"),
    measures: Tr::new(
        "สัดส่วนโครงการที่เผยแพร่ราคากลาง เลขผู้เสียภาษีผู้ขาย วันที่สัญญา และสถานที่",
        "Share of processes publishing ราคากลาง, supplier tax id, contract date and location",
    ),
    formula: "mean of the four shares that apply (0–1)",
    innocent: Tr::new("ระบบที่ยังไม่เชื่อมข้อมูลครบ", "Systems not yet publishing every field"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[],
    build: |_s| Ok(Box::new(Th12 { buyers: BTreeMap::new() })),
};

pub struct Th12 {
    /// buyer → [(present, applicable); 4]
    buyers: BTreeMap<String, [(usize, usize); 4]>,
}

impl Indicator for Th12 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(buyer) = r.buyer.as_ref().and_then(|b| b.id.as_deref()) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        let counts = self.buyers.entry(buyer.to_string()).or_default();
        let mut count = |i: usize, applies: bool, present: bool| {
            if applies {
                counts[i].1 += 1;
                counts[i].0 += usize::from(present);
            }
        };
        count(0, r.tender.is_some(), r.reference_price().is_some());
        let awarded = r.awards.iter().any(|a| a.status.as_deref() == Some("active"));
        let supplier_ids =
            r.awards.iter().filter(|a| a.status.as_deref() == Some("active")).flat_map(|a| &a.suppliers).all(|s| {
                s.id.as_deref()
                    .and_then(|id| r.party(id))
                    .and_then(|p| p.identifier.as_ref())
                    .and_then(|i| i.id.as_ref())
                    .is_some()
            });
        count(1, awarded, supplier_ids);
        count(2, !r.contracts.is_empty(), r.contracts.iter().all(|c| c.date_signed.is_some()));
        let located = r.tender.iter().flat_map(|t| &t.items).any(|i| i.has_delivery_location);
        count(3, true, located);
    }

    fn finish(&mut self, ctx: &mut Context) {
        for (buyer, counts) in &self.buyers {
            let shares: Vec<f64> = counts.iter().filter(|(_, n)| *n > 0).map(|(p, n)| *p as f64 / *n as f64).collect();
            if !shares.is_empty() {
                ctx.flag(Group::Buyer, buyer, CODE, shares.iter().sum::<f64>() / shares.len() as f64);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::domain::ocds::{Identifier, Party};
    use crate::query::flags::thai::testing::*;
    use crate::query::flags::Group;

    #[test]
    fn scores_each_buyer_on_what_applies() {
        // Complete: reference price, identified supplier, dated contract… but no location: 3 of 4.
        let mut full = with_contract(
            with_award(with_tender(release("full"), "open", Some(100), None), "S", Some(90)),
            Some(90),
            Some(date(2025, 1, 1)),
        );
        full.parties.push(Party {
            id: Some("S".into()),
            identifier: Some(Identifier { id: Some("0105564068059".into()), ..Identifier::default() }),
            ..Party::default()
        });
        let out = run("[TH12]", &[full]);
        assert_eq!(flagged_in(&out, Group::Buyer, CODE), vec![("B".into(), 0.75)]);
        // A tender without reference price, never awarded: ราคากลาง 0 of 1, location 0 of 1.
        let bare = with_tender(release("bare"), "open", None, None);
        assert_eq!(flagged_in(&run("[TH12]", &[bare]), Group::Buyer, CODE), vec![("B".into(), 0.0)]);
        let mut no_buyer = release("x");
        no_buyer.buyer = None;
        assert_eq!(not_evaluable(&run("[TH12]", &[no_buyer]), CODE), 1);
    }
}
