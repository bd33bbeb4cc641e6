//! R018 Single bid received: `numberOfTenderers` is 1 in a competitive method (default open|selective).
use std::collections::BTreeSet;

use crate::domain::ocds::Release;
use crate::query::flags::settings::{pipe_set, Section, SettingsError};
use crate::query::flags::{Context, Group, Indicator};

pub struct R018 {
    procurement_methods: BTreeSet<String>,
}

impl R018 {
    pub fn new(mut s: Section) -> Result<R018, SettingsError> {
        let procurement_methods = s.take_set("procurement_methods").unwrap_or_else(|| pipe_set("open|selective"));
        s.finish()?;
        Ok(R018 { procurement_methods })
    }
}

impl Indicator for R018 {
    fn code(&self) -> &'static str {
        "R018"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(tender) = &r.tender else {
            return ctx.not_evaluable("R018");
        };
        if !tender.procurement_method.as_ref().is_some_and(|m| self.procurement_methods.contains(m)) {
            return;
        }
        let Some(n) = tender.number_of_tenderers else {
            return ctx.not_evaluable("R018");
        };
        ctx.evaluated("R018");
        if n == 1 {
            ctx.flag(Group::Ocid, &r.ocid, "R018", 1.0);
        }
    }
}
