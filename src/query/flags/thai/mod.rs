//! Thai procurement rules, on the fields Thai data has (ราคากลาง, budget, method, winners, dates).
//! Codes are `TH01`…; each is a module, and each threshold is a setting with a documented default.
mod th01;
mod th02;
mod th03;
mod th04;
mod th05;
mod th06;
mod th07;
mod th08;
mod th09;
mod th10;
mod th11;
mod th12;

use std::collections::BTreeSet;

use crate::domain::calendar::Date;
use crate::domain::ocds::Release;
use crate::query::flags::settings::{pipe_set, Ini, Section, SettingsError};
use crate::query::flags::Indicator;

pub const CODES: [&str; 12] = ["TH01", "TH02", "TH03", "TH04", "TH05", "TH06", "TH07", "TH08", "TH09", "TH10", "TH11", "TH12"];

pub fn build(ini: &Ini) -> Result<Vec<Box<dyn Indicator>>, SettingsError> {
    let mut out: Vec<Box<dyn Indicator>> = Vec::new();
    macro_rules! add {
        ($code:literal, $module:ident, $ty:ident) => {
            if let Some(s) = ini.section($code) {
                out.push(Box::new($module::$ty::new(s)?));
            }
        };
    }
    add!("TH01", th01, Th01);
    add!("TH02", th02, Th02);
    add!("TH03", th03, Th03);
    add!("TH04", th04, Th04);
    add!("TH05", th05, Th05);
    add!("TH06", th06, Th06);
    add!("TH07", th07, Th07);
    add!("TH08", th08, Th08);
    add!("TH09", th09, Th09);
    add!("TH10", th10, Th10);
    add!("TH11", th11, Th11);
    add!("TH12", th12, Th12);
    Ok(out)
}

/// `procurement_methods` of a section, with a default.
pub(crate) fn methods(s: &mut Section, default: &str) -> BTreeSet<String> {
    s.take_set("procurement_methods").unwrap_or_else(|| pipe_set(default))
}

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
    use crate::query::flags::{Engine, Outcome};

    pub fn release(ocid: &str) -> Release {
        Release { ocid: ocid.into(), buyer: Some(OrgRef { id: Some("B".into()), name: None }), ..Release::default() }
    }

    pub fn value(baht: i64) -> Option<Value> {
        Some(Value { amount: Some(Satang::from_baht(baht)), currency: Some("THB".into()) })
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

    pub fn flagged(outcome: &Outcome, code: &str) -> Vec<(String, f64)> {
        outcome
            .results
            .get(&crate::query::flags::Group::Ocid)
            .map(|m| m.iter().filter_map(|(id, codes)| codes.get(code).map(|v| (id.clone(), *v))).collect())
            .unwrap_or_default()
    }

    pub fn flagged_in(outcome: &Outcome, group: crate::query::flags::Group, code: &str) -> Vec<(String, f64)> {
        outcome
            .results
            .get(&group)
            .map(|m| m.iter().filter_map(|(id, codes)| codes.get(code).map(|v| (id.clone(), *v))).collect())
            .unwrap_or_default()
    }

    pub fn not_evaluable(outcome: &Outcome, code: &str) -> usize {
        outcome.not_evaluable.get(code).copied().unwrap_or(0)
    }
}
