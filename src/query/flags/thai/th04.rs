//! TH04 Reference price far below the budget: ราคากลาง is under `ratio` (default 0.5) of the budget line,
//! which can mean the budget was padded, or that the scope shrank after budgeting.
use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::thai::ratio;
use crate::query::flags::{Context, Group, Indicator};

pub struct Th04 {
    ratio: f64,
}

impl Th04 {
    pub fn new(mut s: Section) -> Result<Th04, SettingsError> {
        let ratio = s.take("ratio")?.unwrap_or(0.5);
        s.finish()?;
        Ok(Th04 { ratio })
    }
}

impl Indicator for Th04 {
    fn code(&self) -> &'static str {
        "TH04"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(reference), Some(budget)) = (r.reference_price(), r.budget_amount()) else {
            return ctx.not_evaluable("TH04");
        };
        let Some(share) = ratio(reference, budget) else {
            return ctx.not_evaluable("TH04");
        };
        ctx.evaluated("TH04");
        if share < self.ratio {
            ctx.flag(Group::Ocid, &r.ocid, "TH04", share);
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
            "[TH04]",
            &[
                p("far", Some(40), 100),
                p("near", Some(90), 100),
                p("edge", Some(50), 100),
                p("missing", None, 100),
                p("zero budget", Some(5), 0),
            ],
        );
        assert_eq!(flagged(&out, "TH04"), vec![("far".into(), 0.4)]);
        assert_eq!(not_evaluable(&out, "TH04"), 2);
    }
}
