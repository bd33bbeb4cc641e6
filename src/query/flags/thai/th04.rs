//! TH04 Reference price far below the budget: ราคากลาง is under `ratio` (default 0.5) of the budget line,
//! which can mean the budget was padded, or that the scope shrank after budgeting.
use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::thai::ratio;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH04;

const RATIO: Setting = Setting::new(
    "ratio",
    Kind::Fraction,
    Default::Value("0.5"),
    Tr::new("ราคากลาง ÷ งบประมาณ ที่ต่ำกว่านี้ถือว่าต่ำมาก", "ราคากลาง ÷ budget below which it is far below"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ราคากลางต่ำกว่างบประมาณมาก", "Reference price far below the budget"),
    measures: Tr::new("ราคากลางต่ำกว่างบประมาณมากผิดปกติ", "ราคากลาง is far below the budget"),
    formula: "reference ÷ budget < ratio",
    innocent: Tr::new("ขอบเขตงานลดลงหลังตั้งงบประมาณ", "The scope shrank after budgeting"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[RATIO],
    build: |s| Ok(Box::new(Th04 { ratio: s.value(&RATIO)? })),
};

pub struct Th04 {
    ratio: f64,
}

impl Indicator for Th04 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(reference), Some(budget)) = (r.reference_price(), r.budget_amount()) else {
            return ctx.not_evaluable(CODE);
        };
        let Some(share) = ratio(reference, budget) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        if share < self.ratio {
            ctx.flag(Group::Ocid, &r.ocid, CODE, share);
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
            "[TH04]",
            &[
                p("far", Some(40), 100),
                p("near", Some(90), 100),
                p("edge", Some(50), 100),
                p("missing", None, 100),
                p("zero budget", Some(5), 0),
            ],
        );
        assert_eq!(flagged(&out, CODE), vec![("far".into(), 0.4)]);
        assert_eq!(not_evaluable(&out, CODE), 2);
    }
}
