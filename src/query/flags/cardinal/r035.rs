//! R035 All except winning bid disqualified: exactly one tenderer has valid bids, it is the supplier of all
//! active awards, and at least `threshold` (default 1) other tenderers had bids disqualified. The value is
//! the number of those tenderers; the winner is listed as a tenderer.
use std::collections::BTreeSet;

use crate::domain::ocds::Release;
use crate::query::flags::bids::complete_awards;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::{Context, Group, Indicator};

pub struct R035 {
    threshold: usize,
}

impl R035 {
    pub fn new(mut s: Section) -> Result<R035, SettingsError> {
        let threshold = s.take::<usize>("threshold")?.unwrap_or(1).max(1);
        s.finish()?;
        Ok(R035 { threshold })
    }
}

impl Indicator for R035 {
    fn code(&self) -> &'static str {
        "R035"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(awards) = complete_awards(r).filter(|_| !r.bids.is_empty()) else {
            return ctx.not_evaluable("R035");
        };
        ctx.evaluated("R035");
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
            ctx.flag(Group::Ocid, &r.ocid, "R035", others as f64);
            if let Some(winner) = valid.first() {
                ctx.flag(Group::Tenderer, winner, "R035", 0.0);
            }
        }
    }
}
