//! R035 All except winning bid disqualified: exactly one tenderer has valid bids, it is the supplier of all
//! active awards, and at least `threshold` (default 1) other tenderers had bids disqualified. The value is
//! the number of those tenderers; the winner is listed as a tenderer.
use std::collections::BTreeSet;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::bids::complete_awards;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R035;

const THRESHOLD: Setting = Setting::new(
    "threshold",
    Kind::Count,
    Default::Value("1"),
    Tr::new("จำนวนผู้เสนอราคาที่ถูกตัดสิทธิ์น้อยที่สุด", "fewest disqualified tenderers"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ตัดสิทธิ์ทุกรายยกเว้นผู้ชนะ", "All except winning bid disqualified"),
    measures: Tr::new("ผู้เสนอราคารายอื่นถูกตัดสิทธิ์ เหลือเพียงผู้ชนะ", "Every other tenderer was disqualified"),
    formula: "one valid tenderer = all active awards' suppliers; disqualified others ≥ threshold",
    innocent: Tr::new("ผู้เสนอราคารายอื่นยื่นเอกสารไม่ครบจริง", "The others really did not qualify"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[THRESHOLD],
    build: |s| Ok(Box::new(R035 { threshold: s.value::<usize>(&THRESHOLD)?.max(1) })),
};

pub struct R035 {
    threshold: usize,
}

impl Indicator for R035 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(awards) = complete_awards(r).filter(|_| !r.bids.is_empty()) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        let suppliers: BTreeSet<&str> = awards.iter().flat_map(|a| a.suppliers.iter().filter_map(|s| s.id.as_deref())).collect();
        let mut valid = BTreeSet::new();
        let mut disqualified = BTreeSet::new();
        for bid in &r.bids {
            let set = match bid.status.as_deref() {
                Some("valid") => &mut valid,
                Some("disqualified") => &mut disqualified,
                _ => continue,
            };
            set.extend(bid.tenderers.iter().filter_map(|t| t.id.as_deref()));
        }
        let others = disqualified.difference(&valid).count();
        if valid.len() == 1 && valid == suppliers && others >= self.threshold {
            ctx.flag(Group::Ocid, &r.ocid, CODE, others as f64);
            if let Some(winner) = valid.first() {
                ctx.flag(Group::Tenderer, winner, CODE, 0.0);
            }
        }
    }
}
