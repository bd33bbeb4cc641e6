//! TH05 Contract above the winning bid: the contract is worth more than the winner's bid. Prices should
//! not rise between award and signature; an amendment or added scope can explain it.
use crate::domain::money::Satang;
use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::thai::{ratio, sole_supplier};
use crate::query::flags::{Context, Group, Indicator};

pub struct Th05;

impl Th05 {
    pub fn new(s: Section) -> Result<Th05, SettingsError> {
        s.finish()?;
        Ok(Th05)
    }
}

/// The winner's lowest valid bid.
fn winning_bid(r: &Release) -> Option<Satang> {
    let winner = sole_supplier(r)?;
    r.bids
        .iter()
        .filter(|b| b.status.as_deref() == Some("valid") && b.tenderers.iter().any(|t| t.id.as_deref() == Some(winner)))
        .filter_map(|b| b.value.as_ref()?.amount)
        .min()
}

impl Indicator for Th05 {
    fn code(&self) -> &'static str {
        "TH05"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(contract), Some(bid)) = (r.contract_value(), winning_bid(r)) else {
            return ctx.not_evaluable("TH05");
        };
        ctx.evaluated("TH05");
        if contract > bid {
            ctx.flag(Group::Ocid, &r.ocid, "TH05", ratio(contract, bid).unwrap_or(f64::INFINITY));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::query::flags::thai::testing::*;

    #[test]
    fn positive_negative_boundary_and_missing() {
        let p = |o: &str, bid: i64, c: i64| {
            with_contract(with_bid(with_award(release(o), "W", Some(bid)), "W", bid, "valid"), Some(c), None)
        };
        let no_bids = with_contract(with_award(release("no bids"), "W", Some(100)), Some(120), None);
        let out = run("[TH05]", &[p("raised", 100, 110), p("lower", 100, 95), p("equal", 100, 100), no_bids]);
        assert_eq!(flagged(&out, "TH05"), vec![("raised".into(), 1.1)]);
        assert_eq!(not_evaluable(&out, "TH05"), 1);
    }
}
