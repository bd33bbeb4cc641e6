//! R025 Excessive unsuccessful bids: a top tenderer (valid bids ≥ the `percentile`, default 75th, of all
//! tenderers' counts) whose ratio of won to valid bids is ≤ Q1 − 1.5 IQR (or `threshold`). Each tenderer
//! counts once per process.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::bids::{complete_awards, single_tenderer, sole_winner};
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::stats::{quantile, Quartiles};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R025;

const PERCENTILE: Setting = Setting::new(
    "percentile",
    Kind::Count,
    Default::Value("75"),
    Tr::new("เปอร์เซ็นไทล์ของจำนวนข้อเสนอที่ถือว่ายื่นบ่อย", "percentile of bids submitted above which a bidder is frequent"),
);
const THRESHOLD: Setting = Setting::new(
    "threshold",
    Kind::Number,
    Default::FromData(Tr::new("Q1 − 1.5 IQR", "Q1 − 1.5 IQR")),
    Tr::new("อัตราชนะที่ถือว่าต่ำผิดปกติ", "a win rate at or below which it is unusual"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("แพ้ประมูลบ่อยผิดปกติ", "Excessive unsuccessful bids"),
    measures: Tr::new("ผู้เสนอราคาที่ยื่นมากแต่ชนะน้อยผิดปกติ", "A frequent bidder wins an unusually small share of its bids"),
    formula: "won ÷ valid bids ≤ Q1 − 1.5 IQR, valid bids ≥ P75",
    innocent: Tr::new("ผู้ขายรายใหม่หรือที่ตั้งราคาสูงกว่าคู่แข่ง", "A new or simply more expensive supplier"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[PERCENTILE, THRESHOLD],
    build: |s| Ok(Box::new(R025 { percentile: s.value(&PERCENTILE)?, threshold: s.read(&THRESHOLD)?, counts: BTreeMap::new() })),
};

pub struct R025 {
    percentile: usize,
    threshold: Option<f64>,
    /// tenderer → (won, valid)
    counts: BTreeMap<String, (usize, usize)>,
}

impl Indicator for R025 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(winner) = complete_awards(r).and(sole_winner(r)) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        let tenderers: BTreeSet<&str> =
            r.bids.iter().filter(|b| b.status.as_deref() == Some("valid")).filter_map(single_tenderer).collect();
        for t in tenderers {
            let c = self.counts.entry(t.to_string()).or_default();
            c.0 += usize::from(t == winner);
            c.1 += 1;
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let valid: Vec<f64> = self.counts.values().map(|c| c.1 as f64).collect();
        let upper = quantile(&valid, self.percentile as f64 / 100.0);
        ctx.meta(CODE, "upper_fence", upper);
        let ratios: Vec<f64> = self.counts.values().map(|c| c.0 as f64 / c.1 as f64).collect();
        let lower = self.threshold.unwrap_or_else(|| {
            let q = Quartiles::of(&ratios);
            ctx.meta(CODE, "q1", q.q1);
            ctx.meta(CODE, "q3", q.q3);
            q.lower_fence()
        });
        ctx.meta(CODE, "lower_fence", lower);
        for (id, (won, valid)) in &self.counts {
            let ratio = *won as f64 / *valid as f64;
            if *valid as f64 >= upper && ratio <= lower {
                ctx.flag(Group::Tenderer, id, CODE, ratio);
            }
        }
    }
}
