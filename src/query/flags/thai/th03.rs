//! TH03 Reference price above the budget: ราคากลาง exceeds the budget line (งบประมาณ) it is paid from.
//! It may be explained by a budget transfer not yet published.
use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::thai::ratio;
use crate::query::flags::{Context, Group, Indicator};

pub struct Th03;

impl Th03 {
    pub fn new(s: Section) -> Result<Th03, SettingsError> {
        s.finish()?;
        Ok(Th03)
    }
}

impl Indicator for Th03 {
    fn code(&self) -> &'static str {
        "TH03"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(reference), Some(budget)) = (r.reference_price(), r.budget_amount()) else {
            return ctx.not_evaluable("TH03");
        };
        ctx.evaluated("TH03");
        if reference > budget {
            ctx.flag(Group::Ocid, &r.ocid, "TH03", ratio(reference, budget).unwrap_or(f64::INFINITY));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::query::flags::thai::testing::*;

    #[test]
    fn positive_negative_boundary_and_missing() {
        let p = |o: &str, reference: Option<i64>, b: i64| with_budget(with_tender(release(o), "open", reference, None), b);
        let out = run(
            "[TH03]",
            &[p("above", Some(120), 100), p("below", Some(90), 100), p("equal", Some(100), 100), p("missing", None, 100)],
        );
        assert_eq!(flagged(&out, "TH03"), vec![("above".into(), 1.2)]);
        assert_eq!(not_evaluable(&out, "TH03"), 1);
    }
}
