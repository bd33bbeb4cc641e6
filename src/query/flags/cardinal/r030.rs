//! R030 Late bid won: a valid bid received after the tender period's end, by a supplier of an active award.
use std::collections::BTreeSet;

use crate::domain::lang::Tr;
use crate::domain::ocds::{Moment, Release};
use crate::query::flags::registry::{FlagCode, Needs, Source, Spec};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R030;

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ผู้ชนะยื่นข้อเสนอหลังกำหนด", "Late bid won"),
    measures: Tr::new("ข้อเสนอที่ชนะถูกยื่นหลังวันปิดรับ", "The winning bid was received after the deadline"),
    formula: "bid.date > tenderPeriod.endDate and tenderer is an active award's supplier",
    innocent: Tr::new("การขยายเวลาที่ไม่ได้เผยแพร่ หรือวันที่บันทึกผิด", "An unpublished extension or a mis-recorded date"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[],
    build: |_s| Ok(Box::new(R030)),
};

pub struct R030;

/// Later by instant when both are RFC 3339; otherwise by text, as Cardinal compares them.
fn after(a: &Moment, b: &Moment) -> bool {
    match (a.instant, b.instant) {
        (Some(x), Some(y)) => x > y,
        _ => a.text > b.text,
    }
}

impl Indicator for R030 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let end = r.tender.as_ref().and_then(|t| t.tender_period.as_ref()).and_then(|p| p.end.as_ref());
        let Some(end) = end.filter(|_| !r.bids.is_empty() && !r.awards.is_empty()) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        let suppliers: BTreeSet<&str> = r
            .awards
            .iter()
            .filter(|a| a.status.as_deref() == Some("active"))
            .flat_map(|a| a.suppliers.iter().filter_map(|s| s.id.as_deref()))
            .collect();
        for bid in r.bids.iter().filter(|b| b.status.as_deref() == Some("valid")) {
            let Some(received) = &bid.received else {
                continue;
            };
            if !after(received, end) {
                continue;
            }
            if let Some(id) = bid.tenderers.iter().filter_map(|t| t.id.as_deref()).find(|id| suppliers.contains(id)) {
                ctx.flag(Group::Ocid, &r.ocid, CODE, 1.0);
                ctx.flag(Group::Tenderer, id, CODE, 1.0);
            }
        }
    }
}
