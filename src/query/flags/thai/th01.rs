//! TH01 Winning price at the reference price: the awarded value is within `margin` (default 1 %) below
//! ราคากลาง, or equal to it. Real competition usually pushes prices further down; a winning price at the
//! reference price can also mean the reference price was set well, or the market is thin.
use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::thai::ratio;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH01;

const MARGIN: Setting = Setting::new(
    "margin",
    Kind::Fraction,
    Default::Value("0.01"),
    Tr::new("ส่วนต่างจากราคากลางที่ถือว่าใกล้", "a margin below ราคากลาง that counts as at it"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ราคาที่ได้ใกล้ราคากลาง", "Winning price at the reference price"),
    measures: Tr::new("ราคาที่ตกลงต่ำกว่าราคากลางไม่เกินร้อยละที่กำหนด", "The awarded price is within a margin below ราคากลาง"),
    formula: "1 − margin ≤ award ÷ reference ≤ 1",
    innocent: Tr::new("ราคากลางที่กำหนดไว้แม่นยำ หรือมีผู้ขายน้อย", "A well-set reference price, or few suppliers"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[MARGIN],
    build: |s| Ok(Box::new(Th01 { margin: s.value(&MARGIN)? })),
};

pub struct Th01 {
    margin: f64,
}

impl Indicator for Th01 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(award), Some(reference)) = (r.award_value(), r.reference_price()) else {
            return ctx.not_evaluable(CODE);
        };
        let Some(share) = ratio(award, reference) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        if share <= 1.0 && share >= 1.0 - self.margin - 1e-12 {
            ctx.flag(Group::Ocid, &r.ocid, CODE, share);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::query::flags::thai::testing::*;

    fn process(ocid: &str, reference: Option<i64>, award: Option<i64>) -> crate::domain::ocds::Release {
        with_award(with_tender(release(ocid), "open", reference, None), "S", award)
    }

    #[test]
    fn positive_negative_boundary_and_missing() {
        let out = run(
            "[TH01]",
            &[
                process("near", Some(1_000_000), Some(995_000)),
                process("far", Some(1_000_000), Some(900_000)),
                process("edge", Some(1_000_000), Some(990_000)),
                process("missing", None, Some(1)),
            ],
        );
        assert_eq!(flagged(&out, CODE), vec![("edge".into(), 0.99), ("near".into(), 0.995)]);
        assert_eq!(not_evaluable(&out, CODE), 1);
    }
}
