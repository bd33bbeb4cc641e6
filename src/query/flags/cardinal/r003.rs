//! R003 Short submission period: the tender period is shorter than a threshold (default 15 days; per
//! `procurementMethodDetails` thresholds override it). Days are whole days elapsed between the RFC 3339
//! start and end instants, as Cardinal counts them.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::{Context, Group, Indicator};

pub struct R003 {
    threshold: i64,
    procurement_methods: BTreeSet<String>,
    by_details: BTreeMap<String, i64>,
}

impl R003 {
    pub fn new(mut s: Section, details: Option<Section>) -> Result<R003, SettingsError> {
        let threshold = s.take("threshold")?.unwrap_or(15);
        let procurement_methods = s.take_set("procurement_methods").unwrap_or_default();
        s.finish()?;
        let mut by_details = BTreeMap::new();
        for (k, v) in details.map(Section::into_map).unwrap_or_default() {
            let days = v
                .parse()
                .map_err(|_| SettingsError(format!("[R003.procurement_method_details] {k} = {v}: not a whole number of days")))?;
            by_details.insert(k, days);
        }
        Ok(R003 { threshold, procurement_methods, by_details })
    }
}

impl Indicator for R003 {
    fn code(&self) -> &'static str {
        "R003"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(tender) = &r.tender else {
            return ctx.not_evaluable("R003");
        };
        if !self.procurement_methods.is_empty()
            && !tender.procurement_method.as_ref().is_some_and(|m| self.procurement_methods.contains(m))
        {
            return;
        }
        let period = tender.tender_period.as_ref();
        let (Some(start), Some(end)) =
            (period.and_then(|p| p.start.as_ref()?.instant), period.and_then(|p| p.end.as_ref()?.instant))
        else {
            return ctx.not_evaluable("R003");
        };
        ctx.evaluated("R003");
        // Whole days, truncated toward zero like chrono's num_days().
        let days = (end - start) / 86_400;
        let threshold =
            tender.procurement_method_details.as_ref().and_then(|d| self.by_details.get(d)).copied().unwrap_or(self.threshold);
        if days < threshold {
            ctx.flag(Group::Ocid, &r.ocid, "R003", 1.0);
        }
    }
}
