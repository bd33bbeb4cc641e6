//! TH07 Year-end specific purchase: a เฉพาะเจาะจง purchase (`procurement_methods`, default limited|direct)
//! dated in the last `days` (default 30) days of the fiscal year, which ends on 30 September. Spending a
//! budget before it lapses is common and often legitimate; a rush of direct purchases deserves a look.
use std::collections::BTreeSet;

use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::thai::{method_in, methods, process_date};
use crate::query::flags::{Context, Group, Indicator};

pub struct Th07 {
    days: i64,
    procurement_methods: BTreeSet<String>,
}

impl Th07 {
    pub fn new(mut s: Section) -> Result<Th07, SettingsError> {
        let days = s.take("days")?.unwrap_or(30);
        let procurement_methods = methods(&mut s, "limited|direct");
        s.finish()?;
        Ok(Th07 { days, procurement_methods })
    }
}

impl Indicator for Th07 {
    fn code(&self) -> &'static str {
        "TH07"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        if !method_in(r, &self.procurement_methods) {
            return;
        }
        let Some(date) = process_date(r) else {
            return ctx.not_evaluable("TH07");
        };
        ctx.evaluated("TH07");
        let left = date.fiscal_year().end().days_since_epoch() - date.days_since_epoch();
        if left < self.days {
            // The value is how many days before the year's end it happened (0 = 30 September).
            ctx.flag(Group::Ocid, &r.ocid, "TH07", left as f64);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::query::flags::thai::testing::*;

    #[test]
    fn positive_negative_boundary_and_missing() {
        let p = |o: &str, m: &str, d: Option<crate::domain::calendar::Date>| with_tender(release(o), m, Some(1), d);
        let out = run(
            "[TH07]",
            &[
                p("last day", "limited", Some(date(2025, 9, 30))),
                p("first of last 30", "limited", Some(date(2025, 9, 1))),
                p("31 days before", "limited", Some(date(2025, 8, 31))),
                p("e-bidding", "open", Some(date(2025, 9, 30))),
                p("no date", "limited", None),
            ],
        );
        assert_eq!(flagged(&out, "TH07"), vec![("first of last 30".into(), 29.0), ("last day".into(), 0.0)]);
        assert_eq!(not_evaluable(&out, "TH07"), 1);
    }
}
