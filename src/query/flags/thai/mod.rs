//! Thai procurement rules, on the fields Thai data has (ราคากลาง, budget, method, winners, dates).
//! Each rule is a module declaring its `Spec` (see `registry`); each threshold is a setting with a default.
pub mod th01;
pub mod th02;
pub mod th03;
pub mod th04;
pub mod th05;
pub mod th06;
pub mod th07;
pub mod th08;
pub mod th09;
pub mod th10;
pub mod th11;
pub mod th12;

use std::collections::BTreeSet;

use crate::domain::calendar::Date;
use crate::domain::ocds::Release;

/// The `procurement_methods` setting of rules about เฉพาะเจาะจง purchases (TH07, TH08).
pub(crate) const SPECIFIC_METHODS: crate::query::flags::registry::Setting = crate::query::flags::registry::Setting::new(
    "procurement_methods",
    crate::query::flags::registry::Kind::Methods,
    crate::query::flags::registry::Default::Value("limited|direct"),
    crate::domain::lang::Tr::new("วิธีจัดหาที่พิจารณา", "methods it applies to"),
);

pub(crate) fn method_in(r: &Release, set: &BTreeSet<String>) -> bool {
    r.method().is_some_and(|m| set.contains(m))
}

/// When a process happened, for date rules: the tender's start, else the award, the contract, the release.
pub(crate) fn process_date(r: &Release) -> Option<Date> {
    r.tender
        .as_ref()
        .and_then(|t| t.tender_period.as_ref()?.start_date)
        .or_else(|| r.awards.iter().find_map(|a| a.date))
        .or_else(|| r.contracts.iter().find_map(|c| c.date_signed))
        .or(r.date)
}

/// The supplier of the only active award with one supplier.
pub(crate) fn sole_supplier(r: &Release) -> Option<&str> {
    crate::query::flags::bids::sole_winner(r)
}

pub(crate) fn ratio(a: crate::domain::money::Satang, b: crate::domain::money::Satang) -> Option<f64> {
    (b.0 != 0).then(|| a.0 as f64 / b.0 as f64)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Builds small releases for the rules' tests.
    use std::collections::HashMap;

    use crate::domain::calendar::Date;
    use crate::domain::money::Satang;
    use crate::domain::ocds::*;
    use crate::query::flags::settings::Ini;
    use crate::query::flags::{Engine, FlagCode, Outcome};

    pub fn release(ocid: &str) -> Release {
        Release { ocid: ocid.into(), buyer: Some(OrgRef { id: Some("B".into()), name: None }), ..Release::default() }
    }

    pub fn value(baht: i64) -> Option<Value> {
        Some(Value { amount: Some(Satang::baht(baht)), currency: Some("THB".into()) })
    }

    pub fn with_tender(mut r: Release, method: &str, reference: Option<i64>, start: Option<Date>) -> Release {
        r.tender = Some(Tender {
            procurement_method: Some(method.into()),
            value: reference.and_then(value),
            tender_period: start.map(|s| Period { start_date: Some(s), ..Period::default() }),
            ..Tender::default()
        });
        r
    }

    pub fn with_budget(mut r: Release, baht: i64) -> Release {
        r.planning =
            Some(Planning { budget: Some(BudgetLine { amount: value(baht), ..BudgetLine::default() }), ..Planning::default() });
        r
    }

    pub fn with_award(mut r: Release, supplier: &str, baht: Option<i64>) -> Release {
        r.awards.push(Award {
            status: Some("active".into()),
            value: baht.and_then(value),
            suppliers: vec![OrgRef { id: Some(supplier.into()), name: None }],
            ..Award::default()
        });
        r
    }

    pub fn with_contract(mut r: Release, baht: Option<i64>, signed: Option<Date>) -> Release {
        r.contracts.push(Contract { value: baht.and_then(value), date_signed: signed, ..Contract::default() });
        r
    }

    pub fn with_bid(mut r: Release, tenderer: &str, baht: i64, status: &str) -> Release {
        r.bids.push(Bid {
            status: Some(status.into()),
            tenderers: vec![OrgRef { id: Some(tenderer.into()), name: None }],
            value: value(baht),
            ..Bid::default()
        });
        r
    }

    pub fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    pub fn run(settings: &str, releases: &[Release]) -> Outcome {
        run_with_peers(settings, releases, &HashMap::new())
    }

    pub fn run_with_peers(settings: &str, releases: &[Release], peers: &HashMap<String, String>) -> Outcome {
        let mut engine = Engine::from_ini(&Ini::parse(settings).unwrap()).unwrap();
        engine.run(releases.iter(), peers)
    }

    pub fn flagged(outcome: &Outcome, code: FlagCode) -> Vec<(String, f64)> {
        flagged_in(outcome, crate::query::flags::Group::Ocid, code)
    }

    pub fn flagged_in(outcome: &Outcome, group: crate::query::flags::Group, code: FlagCode) -> Vec<(String, f64)> {
        outcome
            .results
            .get(&group)
            .map(|m| m.iter().filter_map(|(id, codes)| codes.get(&code).map(|v| (id.clone(), *v))).collect())
            .unwrap_or_default()
    }

    pub fn not_evaluable(outcome: &Outcome, code: FlagCode) -> usize {
        outcome.not_evaluable.get(&code).copied().unwrap_or(0)
    }
}
