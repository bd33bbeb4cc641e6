//! R024 Price close to winning bid: (runner-up − winner) / winner is a low outlier (≤ Q1 − 1.5 IQR, or
//! ≤ `threshold`). The process is flagged with the difference; its winner and runner-up as tenderers.
use std::collections::BTreeMap;

use crate::domain::ocds::Release;
use crate::query::flags::bids::winner_and_runner_up;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::{Context, Group, Indicator};

pub struct R024 {
    threshold: Option<f64>,
    ratios: BTreeMap<String, (f64, [String; 2])>,
}

impl R024 {
    pub fn new(mut s: Section) -> Result<R024, SettingsError> {
        let threshold = s.take("threshold")?;
        s.finish()?;
        Ok(R024 { threshold, ratios: BTreeMap::new() })
    }
}

impl Indicator for R024 {
    fn code(&self) -> &'static str {
        "R024"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        match winner_and_runner_up(r, ctx) {
            Some(w) => {
                ctx.evaluated("R024");
                self.ratios.insert(r.ocid.clone(), (w.ratio(), [w.winner, w.runner_up]));
            }
            None => ctx.not_evaluable("R024"),
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let fence = self.threshold.unwrap_or_else(|| {
            let q = Quartiles::of(&self.ratios.values().map(|(v, _)| *v).collect::<Vec<_>>());
            ctx.meta("R024", "q1", q.q1);
            ctx.meta("R024", "q3", q.q3);
            q.lower_fence()
        });
        ctx.meta("R024", "lower_fence", fence);
        for (ocid, (ratio, tenderers)) in &self.ratios {
            if *ratio <= fence {
                ctx.flag(Group::Ocid, ocid, "R024", *ratio);
                for t in tenderers {
                    ctx.flag(Group::Tenderer, t, "R024", 0.0);
                }
            }
        }
    }
}
