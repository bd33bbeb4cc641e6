//! What several indicators ask of a process's bids and awards, with Cardinal's definitions.
use crate::domain::ocds::{Award, Bid, Release};
use crate::query::flags::Context;

/// Active awards, when every award with a status is final (active, cancelled or unsuccessful).
/// A pending or invalid award means results could still change: None.
pub fn complete_awards(release: &Release) -> Option<Vec<&Award>> {
    let mut complete = Vec::new();
    for award in &release.awards {
        match award.status.as_deref() {
            Some("active") => complete.push(award),
            Some("cancelled" | "unsuccessful") | None => {}
            Some(_) => return None,
        }
    }
    Some(complete)
}

/// Submitted bids: pending, valid or disqualified (not invited, not withdrawn; a bid without status is not counted).
pub fn submitted(release: &Release) -> impl Iterator<Item = &Bid> {
    release.bids.iter().filter(|b| matches!(b.status.as_deref(), Some(s) if s != "invited" && s != "withdrawn"))
}

/// The bid's amount in baht and its currency, when both are given.
pub fn amount(bid: &Bid) -> Option<(f64, &str)> {
    let value = bid.value.as_ref()?;
    Some((value.amount?.to_baht_f64(), value.currency.as_deref()?))
}

/// The id of a bid's single tenderer.
pub fn single_tenderer(bid: &Bid) -> Option<&str> {
    match bid.tenderers.as_slice() {
        [only] => only.id.as_deref(),
        _ => None,
    }
}

/// The supplier id of the only active award, when it has exactly one supplier.
pub fn sole_winner(release: &Release) -> Option<&str> {
    let awards = complete_awards(release)?;
    match awards.as_slice() {
        [award] => match award.suppliers.as_slice() {
            [supplier] => supplier.id.as_deref(),
            _ => None,
        },
        _ => None,
    }
}

/// Whether prices can be compared: a `procurementMethodDetails` listed as having no price comparison
/// (or, when `price_comparison_procurement_methods` is set, one not listed there) cannot.
pub fn compares_prices(release: &Release, ctx: &Context) -> bool {
    let details = release.method_details();
    let g = ctx.global;
    if !g.price_comparison_procurement_methods.is_empty() {
        details.is_some_and(|d| g.price_comparison_procurement_methods.contains(d))
    } else {
        !details.is_some_and(|d| g.no_price_comparison_procurement_methods.contains(d))
    }
}

/// The winner's lowest valid bid and the lowest valid bid of anyone else, in the main currency.
pub struct WinnerAndRunnerUp {
    pub winner: String,
    pub winner_amount: f64,
    pub runner_up: String,
    pub runner_up_amount: f64,
}

impl WinnerAndRunnerUp {
    /// (runner-up − winner) / winner.
    pub fn ratio(&self) -> f64 {
        (self.runner_up_amount - self.winner_amount) / self.winner_amount
    }
}

/// Cardinal's second-lowest-bid comparison: one active award to one supplier, valid bids by single
/// tenderers in the main currency, and the winner's bid no higher than the runner-up's (price-only award).
pub fn winner_and_runner_up(release: &Release, ctx: &mut Context) -> Option<WinnerAndRunnerUp> {
    if !compares_prices(release, ctx) {
        return None;
    }
    let supplier = sole_winner(release)?;
    let mut winner: Option<(&str, f64)> = None;
    let mut runner_up: Option<(&str, f64)> = None;
    for bid in release.bids.iter().filter(|b| b.status.as_deref() == Some("valid")) {
        let (Some(tenderer), Some((value, currency))) = (single_tenderer(bid), amount(bid)) else {
            continue;
        };
        if !ctx.is_main_currency(currency) {
            continue;
        }
        let slot = if tenderer == supplier { &mut winner } else { &mut runner_up };
        if slot.is_none_or(|(_, v)| value < v) {
            *slot = Some((tenderer, value));
        }
    }
    let ((w, wv), (l, lv)) = (winner?, runner_up?);
    (lv >= wv).then(|| WinnerAndRunnerUp {
        winner: w.to_string(),
        winner_amount: wv,
        runner_up: l.to_string(),
        runner_up_amount: lv,
    })
}
