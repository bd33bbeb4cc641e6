//! TH02 Contract above the reference price: the contract value exceeds ราคากลาง. The law expects the price
//! agreed to stay within it; a higher one may have a documented reason (a changed scope, an amendment).
use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::thai::ratio;
use crate::query::flags::{Context, Group, Indicator};

pub struct Th02;

impl Th02 {
    pub fn new(s: Section) -> Result<Th02, SettingsError> {
        s.finish()?;
        Ok(Th02)
    }
}

impl Indicator for Th02 {
    fn code(&self) -> &'static str {
        "TH02"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(contract), Some(reference)) = (r.contract_value(), r.reference_price()) else {
            return ctx.not_evaluable("TH02");
        };
        ctx.evaluated("TH02");
        if contract > reference {
            ctx.flag(Group::Ocid, &r.ocid, "TH02", ratio(contract, reference).unwrap_or(f64::INFINITY));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::query::flags::thai::testing::*;

    #[test]
    fn positive_negative_boundary_and_missing() {
        let p = |o: &str, reference: Option<i64>, c: Option<i64>| {
            with_contract(with_tender(release(o), "open", reference, None), c, None)
        };
        let out = run(
            "[TH02]",
            &[
                p("above", Some(100), Some(104)),
                p("below", Some(100), Some(90)),
                p("equal", Some(100), Some(100)),
                p("missing", Some(100), None),
            ],
        );
        assert_eq!(flagged(&out, "TH02"), vec![("above".into(), 1.04)]);
        assert_eq!(not_evaluable(&out, "TH02"), 1);
    }
}
