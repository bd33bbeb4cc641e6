//! TH03 Reference price above the budget: ราคากลาง exceeds the budget line (งบประมาณ) it is paid from.
//! It may be explained by a budget transfer not yet published.
use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{FlagCode, Needs, Source, Spec};
use crate::query::flags::thai::ratio;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH03;

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ราคากลางสูงกว่างบประมาณ", "Reference price above the budget"),
    measures: Tr::new("ราคากลางสูงกว่าวงเงินงบประมาณของโครงการ", "ราคากลาง exceeds the project's budget"),
    formula: "reference > budget",
    innocent: Tr::new("การโอนงบประมาณที่ยังไม่เผยแพร่", "An unpublished budget transfer"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[],
    build: |_s| Ok(Box::new(Th03)),
};

pub struct Th03;

impl Indicator for Th03 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(reference), Some(budget)) = (r.reference_price(), r.budget_amount()) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        if reference > budget {
            ctx.flag(Group::Ocid, &r.ocid, CODE, ratio(reference, budget).unwrap_or(f64::INFINITY));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::query::flags::thai::testing::*;

    #[test]
    fn positive_negative_boundary_and_missing() {
        let p = |o: &str, reference: Option<i64>, b: i64| with_budget(with_tender(release(o), "open", reference, None), b);
        let out = run(
            "[TH03]",
            &[p("above", Some(120), 100), p("below", Some(90), 100), p("equal", Some(100), 100), p("missing", None, 100)],
        );
        assert_eq!(flagged(&out, CODE), vec![("above".into(), 1.2)]);
        assert_eq!(not_evaluable(&out, CODE), 1);
    }
}
