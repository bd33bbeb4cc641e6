//! R036 Lowest bid disqualified: with an active award, the lowest submitted bid was disqualified (the first
//! of equal lowest bids counts). A process where a submitted bid has no amount is not evaluated, nor one
//! whose prices are set by the buyer.
use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::bids::{amount, compares_prices, submitted};
use crate::query::flags::registry::{FlagCode, Needs, Source, Spec};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R036;

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ราคาต่ำสุดถูกตัดสิทธิ์", "Lowest bid disqualified"),
    measures: Tr::new("ข้อเสนอราคาต่ำสุดถูกตัดสิทธิ์ในการตัดสินด้วยราคา", "The lowest bid was disqualified where price decides"),
    formula: "min(submitted bids).status = disqualified, with an active award",
    innocent: Tr::new("ราคาต่ำจนทำงานไม่ได้จริง หรือขาดคุณสมบัติ", "An unworkably low or unqualified bid"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[],
    build: |_s| Ok(Box::new(R036)),
};

pub struct R036;

impl Indicator for R036 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        if !compares_prices(r, ctx) {
            return;
        }
        if !r.awards.iter().any(|a| a.status.as_deref() == Some("active")) {
            return;
        }
        let bids: Vec<_> = submitted(r).collect();
        if bids.is_empty() || bids.iter().any(|b| amount(b).is_none()) {
            return ctx.not_evaluable(CODE);
        }
        ctx.evaluated(CODE);
        let mut lowest: Option<(f64, bool)> = None;
        for bid in bids {
            let Some((value, currency)) = amount(bid) else {
                continue;
            };
            if !ctx.is_main_currency(currency) {
                continue;
            }
            if lowest.is_none_or(|(v, _)| value < v) {
                lowest = Some((value, bid.status.as_deref() == Some("disqualified")));
            }
        }
        if lowest.is_some_and(|(_, disqualified)| disqualified) {
            ctx.flag(Group::Ocid, &r.ocid, CODE, 1.0);
        }
    }
}
