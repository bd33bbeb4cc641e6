//! R025 Excessive unsuccessful bids: a top tenderer (valid bids ≥ the `percentile`, default 75th, of all
//! tenderers' counts) whose ratio of won to valid bids is ≤ Q1 − 1.5 IQR (or `threshold`). Each tenderer
//! counts once per process.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::ocds::Release;
use crate::query::flags::bids::{complete_awards, single_tenderer, sole_winner};
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::stats::{quantile, Quartiles};
use crate::query::flags::{Context, Group, Indicator};

pub struct R025 {
    percentile: usize,
    threshold: Option<f64>,
    /// tenderer → (won, valid)
    counts: BTreeMap<String, (usize, usize)>,
}

impl R025 {
    pub fn new(mut s: Section) -> Result<R025, SettingsError> {
        let percentile = s.take("percentile")?.unwrap_or(75);
        let threshold = s.take("threshold")?;
        s.finish()?;
        Ok(R025 { percentile, threshold, counts: BTreeMap::new() })
    }
}

impl Indicator for R025 {
    fn code(&self) -> &'static str {
        "R025"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(winner) = complete_awards(r).and(sole_winner(r)) else {
            return ctx.not_evaluable("R025");
        };
        ctx.evaluated("R025");
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
        ctx.meta("R025", "upper_fence", upper);
        let ratios: Vec<f64> = self.counts.values().map(|c| c.0 as f64 / c.1 as f64).collect();
        let lower = self.threshold.unwrap_or_else(|| {
            let q = Quartiles::of(&ratios);
            ctx.meta("R025", "q1", q.q1);
            ctx.meta("R025", "q3", q.q3);
            q.lower_fence()
        });
        ctx.meta("R025", "lower_fence", lower);
        for (id, (won, valid)) in &self.counts {
            let ratio = *won as f64 / *valid as f64;
            if *valid as f64 >= upper && ratio <= lower {
                ctx.flag(Group::Tenderer, id, "R025", ratio);
            }
        }
    }
}
