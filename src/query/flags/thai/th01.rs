//! TH01 Winning price at the reference price: the awarded value is within `margin` (default 1 %) below
//! ราคากลาง, or equal to it. Real competition usually pushes prices further down; a winning price at the
//! reference price can also mean the reference price was set well, or the market is thin.
use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::thai::ratio;
use crate::query::flags::{Context, Group, Indicator};

pub struct Th01 {
    margin: f64,
}

impl Th01 {
    pub fn new(mut s: Section) -> Result<Th01, SettingsError> {
        let margin = s.take("margin")?.unwrap_or(0.01);
        s.finish()?;
        Ok(Th01 { margin })
    }
}

impl Indicator for Th01 {
    fn code(&self) -> &'static str {
        "TH01"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(award), Some(reference)) = (r.award_value(), r.reference_price()) else {
            return ctx.not_evaluable("TH01");
        };
        let Some(share) = ratio(award, reference) else {
            return ctx.not_evaluable("TH01");
        };
        ctx.evaluated("TH01");
        if share <= 1.0 && share >= 1.0 - self.margin - 1e-12 {
            ctx.flag(Group::Ocid, &r.ocid, "TH01", share);
        }
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(flagged(&out, "TH01"), vec![("edge".into(), 0.99), ("near".into(), 0.995)]);
        assert_eq!(not_evaluable(&out, "TH01"), 1);
    }
}
