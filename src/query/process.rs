//! One process as its page shows it: headline figures and ratios, and every bid with the lowest and the
//! winner marked. Pure, so the page only renders.
use crate::domain::money::Satang;
use crate::domain::ocds::Release;
use crate::query::flags::bids::sole_winner;

/// The figures at the top of a process page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    pub budget: Option<Satang>,
    pub reference: Option<Satang>,
    pub contract: Option<Satang>,
    /// Contract value ÷ ราคากลาง, and ราคากลาง ÷ budget, as fractions.
    pub contract_to_reference: Option<f64>,
    pub reference_to_budget: Option<f64>,
}

fn ratio(a: Option<Satang>, b: Option<Satang>) -> Option<f64> {
    let (a, b) = (a?, b?);
    (b.0 != 0).then(|| a.0 as f64 / b.0 as f64)
}

pub fn figures(r: &Release) -> Figures {
    let (budget, reference, contract) = (r.budget_amount(), r.reference_price(), r.contract_value());
    Figures {
        budget,
        reference,
        contract,
        contract_to_reference: ratio(contract, reference),
        reference_to_budget: ratio(reference, budget),
    }
}

/// One bid as the bids table lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidRow {
    /// The first tenderer's party id and name (from the bid, else from `parties`).
    pub tenderer: Option<String>,
    pub name: Option<String>,
    pub amount: Option<Satang>,
    pub status: Option<String>,
    /// The lowest amount among bids not withdrawn.
    pub lowest: bool,
    /// The tenderer is the only supplier of the only complete award.
    pub winner: bool,
}

pub fn bid_rows(r: &Release) -> Vec<BidRow> {
    let winner = sole_winner(r);
    let lowest =
        r.bids.iter().filter(|b| b.status.as_deref() != Some("withdrawn")).filter_map(|b| b.value.as_ref()?.amount).min();
    r.bids
        .iter()
        .map(|b| {
            let amount = b.value.as_ref().and_then(|v| v.amount);
            let tenderer = b.tenderers.first();
            let id = tenderer.and_then(|x| x.id.as_deref());
            let name = tenderer.and_then(|x| x.name.as_deref()).or_else(|| id.and_then(|i| r.party(i)?.name.as_deref()));
            BidRow {
                tenderer: id.map(str::to_string),
                name: name.map(str::to_string),
                amount,
                status: b.status.clone(),
                lowest: amount.is_some() && amount == lowest && b.status.as_deref() != Some("withdrawn"),
                winner: id.is_some() && id == winner,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ocds::{Award, Bid, OrgRef, Party, Value};

    fn bid(id: &str, baht: i64, status: &str) -> Bid {
        Bid {
            status: Some(status.into()),
            tenderers: vec![OrgRef { id: Some(id.into()), name: None }],
            value: Some(Value { amount: Some(Satang::baht(baht)), currency: Some("THB".into()) }),
            ..Bid::default()
        }
    }

    #[test]
    fn the_lowest_and_the_winner_are_marked_and_names_come_from_parties() {
        let r = Release {
            ocid: "x".into(),
            parties: vec![Party { id: Some("B".into()), name: Some("บริษัท บี".into()), ..Party::default() }],
            bids: vec![bid("A", 90, "withdrawn"), bid("B", 100, "valid"), bid("C", 120, "valid"), bid("D", 100, "disqualified")],
            awards: vec![Award {
                status: Some("active".into()),
                suppliers: vec![OrgRef { id: Some("C".into()), name: None }],
                ..Award::default()
            }],
            ..Release::default()
        };
        let rows = bid_rows(&r);
        let marks: Vec<(&str, bool, bool)> = rows.iter().map(|b| (b.tenderer.as_deref().unwrap(), b.lowest, b.winner)).collect();
        // A withdrawn bid is not the lowest even when it is cheapest; a tie marks both.
        assert_eq!(marks, vec![("A", false, false), ("B", true, false), ("C", false, true), ("D", true, false)]);
        assert_eq!(rows[1].name.as_deref(), Some("บริษัท บี"));
    }

    #[test]
    fn figures_are_ratios_only_where_both_sides_exist() {
        let mut r = Release::default();
        assert_eq!(figures(&r).contract_to_reference, None);
        r.tender = Some(crate::domain::ocds::Tender {
            value: Some(Value { amount: Some(Satang::baht(200)), currency: None }),
            ..Default::default()
        });
        r.contracts = vec![crate::domain::ocds::Contract {
            value: Some(Value { amount: Some(Satang::baht(150)), currency: None }),
            ..Default::default()
        }];
        let f = figures(&r);
        assert_eq!((f.contract_to_reference, f.reference_to_budget), (Some(0.75), None));
    }
}
