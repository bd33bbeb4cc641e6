//! TH07 Year-end specific purchase: a เฉพาะเจาะจง purchase (`procurement_methods`, default limited|direct)
//! dated in the last `days` (default 30) days of the fiscal year, which ends on 30 September. Spending a
//! budget before it lapses is common and often legitimate; a rush of direct purchases deserves a look.
use std::collections::BTreeSet;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::thai::{method_in, process_date};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH07;

const DAYS: Setting = Setting::new(
    "days",
    Kind::Days,
    Default::Value("30"),
    Tr::new("จำนวนวันก่อนสิ้นปีงบประมาณ (30 ก.ย.)", "days before the fiscal year ends (30 Sep)"),
);
const METHODS: Setting = super::SPECIFIC_METHODS;

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("จัดซื้อเฉพาะเจาะจงช่วงปลายปีงบประมาณ", "Specific purchase at year end"),
    measures: Tr::new(
        "การจัดซื้อวิธีเฉพาะเจาะจงในช่วงท้ายปีงบประมาณ (ก่อน 30 ก.ย.)",
        "A เฉพาะเจาะจง purchase in the last days of the fiscal year (ends 30 Sep)",
    ),
    formula: "30 Sep − date < days",
    innocent: Tr::new("งานที่วางแผนไว้และงบประมาณเพิ่งได้รับอนุมัติ", "Planned work whose money arrived late"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[DAYS, METHODS],
    build: |s| Ok(Box::new(Th07 { days: s.value(&DAYS)?, procurement_methods: s.set(&METHODS)? })),
};

pub struct Th07 {
    days: i64,
    procurement_methods: BTreeSet<String>,
}

impl Indicator for Th07 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        if !method_in(r, &self.procurement_methods) {
            return;
        }
        let Some(date) = process_date(r) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        let left = date.fiscal_year().end().days_since_epoch() - date.days_since_epoch();
        if left < self.days {
            // The value is how many days before the year's end it happened (0 = 30 September).
            ctx.flag(Group::Ocid, &r.ocid, CODE, left as f64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
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
        assert_eq!(flagged(&out, CODE), vec![("first of last 30".into(), 29.0), ("last day".into(), 0.0)]);
        assert_eq!(not_evaluable(&out, CODE), 1);
    }
}
