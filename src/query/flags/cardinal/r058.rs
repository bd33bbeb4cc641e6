//! R058 Heavily discounted bid: (runner-up − winner) / winner is a high outlier (≥ Q3 + 1.5 IQR, or
//! `threshold`). Skipped when the fence is 0 (most processes have no difference). The winner is listed.
use std::collections::BTreeMap;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::bids::winner_and_runner_up;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R058;

const THRESHOLD: Setting = Setting::new(
    "threshold",
    Kind::Number,
    Default::FromData(Tr::new("Q3 + 1.5 IQR", "Q3 + 1.5 IQR")),
    Tr::new("ส่วนต่างที่ถือว่ามากผิดปกติ", "a gap at or above which the discount is unusual"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ราคาผู้ชนะต่ำกว่ารายอื่นมาก", "Heavily discounted bid"),
    measures: Tr::new("ราคาผู้ชนะต่ำกว่าราคารองลงมามากผิดปกติ", "The winner's price is far below the next bid"),
    formula: "(second − winner) ÷ winner ≥ Q3 + 1.5 IQR",
    innocent: Tr::new("ผู้ขายที่มีต้นทุนต่ำกว่าจริง", "A genuinely cheaper supplier"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[THRESHOLD],
    build: |s| Ok(Box::new(R058 { threshold: s.read(&THRESHOLD)?, ratios: BTreeMap::new() })),
};

pub struct R058 {
    threshold: Option<f64>,
    ratios: BTreeMap<String, (f64, String)>,
}

impl Indicator for R058 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        match winner_and_runner_up(r, ctx) {
            Some(w) => {
                ctx.evaluated(CODE);
                self.ratios.insert(r.ocid.clone(), (w.ratio(), w.winner));
            }
            None => ctx.not_evaluable(CODE),
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let fence = self.threshold.unwrap_or_else(|| {
            let q = Quartiles::of(&self.ratios.values().map(|(v, _)| *v).collect::<Vec<_>>());
            ctx.meta(CODE, "q1", q.q1);
            ctx.meta(CODE, "q3", q.q3);
            q.upper_fence()
        });
        ctx.meta(CODE, "upper_fence", fence);
        if fence > 0.0 {
            for (ocid, (ratio, winner)) in &self.ratios {
                if *ratio >= fence {
                    ctx.flag(Group::Ocid, ocid, CODE, *ratio);
                    ctx.flag(Group::Tenderer, winner, CODE, 0.0);
                }
            }
        }
    }
}
