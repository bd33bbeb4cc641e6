//! R058 Heavily discounted bid: (runner-up − winner) / winner is a high outlier (≥ Q3 + 1.5 IQR, or
//! `threshold`). Skipped when the fence is 0 (most processes have no difference). The winner is listed.
use std::collections::BTreeMap;

use crate::domain::ocds::Release;
use crate::query::flags::bids::winner_and_runner_up;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::{Context, Group, Indicator};

pub struct R058 {
    threshold: Option<f64>,
    ratios: BTreeMap<String, (f64, String)>,
}

impl R058 {
    pub fn new(mut s: Section) -> Result<R058, SettingsError> {
        let threshold = s.take("threshold")?;
        s.finish()?;
        Ok(R058 { threshold, ratios: BTreeMap::new() })
    }
}

impl Indicator for R058 {
    fn code(&self) -> &'static str {
        "R058"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        match winner_and_runner_up(r, ctx) {
            Some(w) => {
                ctx.evaluated("R058");
                self.ratios.insert(r.ocid.clone(), (w.ratio(), w.winner));
            }
            None => ctx.not_evaluable("R058"),
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let fence = self.threshold.unwrap_or_else(|| {
            let q = Quartiles::of(&self.ratios.values().map(|(v, _)| *v).collect::<Vec<_>>());
            ctx.meta("R058", "q1", q.q1);
            ctx.meta("R058", "q3", q.q3);
            q.upper_fence()
        });
        ctx.meta("R058", "upper_fence", fence);
        if fence > 0.0 {
            for (ocid, (ratio, winner)) in &self.ratios {
                if *ratio >= fence {
                    ctx.flag(Group::Ocid, ocid, "R058", *ratio);
                    ctx.flag(Group::Tenderer, winner, "R058", 0.0);
                }
            }
        }
    }
}
