//! R024 Price close to winning bid: (runner-up − winner) / winner is a low outlier (≤ Q1 − 1.5 IQR, or
//! ≤ `threshold`). The process is flagged with the difference; its winner and runner-up as tenderers.
use std::collections::BTreeMap;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::bids::winner_and_runner_up;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R024;

const THRESHOLD: Setting = Setting::new(
    "threshold",
    Kind::Number,
    Default::FromData(Tr::new("Q1 − 1.5 IQR", "Q1 − 1.5 IQR")),
    Tr::new("ส่วนต่างที่ถือว่าใกล้เกินไป", "a gap at or below which prices are too close"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ราคาใกล้ผู้ชนะผิดปกติ", "Price close to winning bid"),
    measures: Tr::new(
        "ส่วนต่างระหว่างราคาผู้ชนะกับราคาต่ำสุดรองลงมาต่ำผิดปกติ",
        "The gap between the winning and the second-lowest valid bid is a low outlier",
    ),
    formula: "(second − winner) ÷ winner ≤ Q1 − 1.5 IQR",
    innocent: Tr::new("ตลาดที่แข่งขันสูงมีราคาใกล้กันได้", "Competitive markets produce close prices"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[THRESHOLD],
    build: |s| Ok(Box::new(R024 { threshold: s.read(&THRESHOLD)?, ratios: BTreeMap::new() })),
};

pub struct R024 {
    threshold: Option<f64>,
    ratios: BTreeMap<String, (f64, [String; 2])>,
}

impl Indicator for R024 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        match winner_and_runner_up(r, ctx) {
            Some(w) => {
                ctx.evaluated(CODE);
                self.ratios.insert(r.ocid.clone(), (w.ratio(), [w.winner, w.runner_up]));
            }
            None => ctx.not_evaluable(CODE),
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let fence = self.threshold.unwrap_or_else(|| {
            let q = Quartiles::of(&self.ratios.values().map(|(v, _)| *v).collect::<Vec<_>>());
            ctx.meta(CODE, "q1", q.q1);
            ctx.meta(CODE, "q3", q.q3);
            q.lower_fence()
        });
        ctx.meta(CODE, "lower_fence", fence);
        for (ocid, (ratio, tenderers)) in &self.ratios {
            if *ratio <= fence {
                ctx.flag(Group::Ocid, ocid, CODE, *ratio);
                for t in tenderers {
                    ctx.flag(Group::Tenderer, t, CODE, 0.0);
                }
            }
        }
    }
}
