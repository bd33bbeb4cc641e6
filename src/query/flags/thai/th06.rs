//! TH06 Few bidders in a competitive method: fewer than `minimum` (default 3) bidders in คัดเลือก
//! (selective) or e-bidding (open with `procurementMethodDetails` containing one of `open_details`, default
//! `e-bidding|ประกวดราคาอิเล็กทรอนิกส์`). Bidders are the distinct tenderers of submitted bids, else
//! `numberOfTenderers`. A thin market, not collusion, is the usual reason.
use std::collections::BTreeSet;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::bids::submitted;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH06;

const MINIMUM: Setting =
    Setting::new("minimum", Kind::Count, Default::Value("3"), Tr::new("จำนวนผู้เสนอราคาน้อยที่สุด", "fewest bidders expected"));
const OPEN_DETAILS: Setting = Setting::new(
    "open_details",
    Kind::Texts,
    Default::Value("e-bidding|ประกวดราคาอิเล็กทรอนิกส์"),
    Tr::new("วิธีจัดหาตามที่เผยแพร่ที่ถือว่าเป็น e-bidding", "methods as published that are e-bidding"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ผู้เสนอราคาน้อย", "Few bidders in a competitive method"),
    measures: Tr::new("วิธีคัดเลือกหรือ e-bidding ที่มีผู้เสนอราคาน้อยกว่าเกณฑ์", "คัดเลือก or e-bidding with fewer bidders than the minimum"),
    formula: "distinct bidders < minimum",
    innocent: Tr::new("งานในพื้นที่ห่างไกลหรือเฉพาะทาง", "Remote or specialised work"),
    source: Source::Thai,
    needs: Needs::Bids,
    settings: &[MINIMUM, OPEN_DETAILS],
    build: |s| Ok(Box::new(Th06 { minimum: s.value(&MINIMUM)?, open_details: s.set(&OPEN_DETAILS)? })),
};

pub struct Th06 {
    minimum: usize,
    open_details: BTreeSet<String>,
}

impl Th06 {
    fn applies(&self, r: &Release) -> bool {
        match r.method() {
            Some("selective") => true,
            Some("open") => r.method_details().is_some_and(|d| self.open_details.iter().any(|p| d.contains(p.as_str()))),
            _ => false,
        }
    }
}

impl Indicator for Th06 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        if !self.applies(r) {
            return;
        }
        let from_bids: BTreeSet<&str> = submitted(r).flat_map(|b| b.tenderers.iter().filter_map(|t| t.id.as_deref())).collect();
        let count = if from_bids.is_empty() {
            match r.tender.as_ref().and_then(|t| t.number_of_tenderers) {
                Some(n) => n.max(0) as usize,
                None => return ctx.not_evaluable(CODE),
            }
        } else {
            from_bids.len()
        };
        ctx.evaluated(CODE);
        if count < self.minimum {
            ctx.flag(Group::Ocid, &r.ocid, CODE, count as f64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::domain::ocds::Release;
    use crate::query::flags::thai::testing::*;

    fn bids(ocid: &str, method: &str, details: &str, n: usize) -> Release {
        let mut r = with_tender(release(ocid), method, Some(100), None);
        r.tender.as_mut().unwrap().procurement_method_details = Some(details.into());
        for i in 0..n {
            r = with_bid(r, &format!("T{i}"), 100, "valid");
        }
        r
    }

    #[test]
    fn positive_negative_boundary_and_missing() {
        let out = run(
            "[TH06]",
            &[
                bids("two selective", "selective", "วิธีคัดเลือก", 2),
                bids("three selective", "selective", "วิธีคัดเลือก", 3),
                bids("one e-bidding", "open", "วิธีประกาศเชิญชวนทั่วไป (e-bidding)", 1),
                bids("one e-market", "open", "วิธีประกาศเชิญชวนทั่วไป (e-market)", 1),
                bids("unknown count", "selective", "วิธีคัดเลือก", 0),
            ],
        );
        assert_eq!(flagged(&out, CODE), vec![("one e-bidding".into(), 1.0), ("two selective".into(), 2.0)]);
        assert_eq!(not_evaluable(&out, CODE), 1);
    }
}
