//! A columnar store of compiled contracting processes, built once per load, designed for a country's data:
//! dictionary-encoded strings, integer codes for facets, exact money columns (satang, `NONE` when absent)
//! and a selection of row numbers instead of cloned rows.
use crate::domain::calendar::FiscalYear;
use crate::domain::money::Satang;
use crate::domain::ocds::{Process, Stage};
use crate::query::dict::Dict;

/// The marker for a missing amount in a money column.
pub const NONE: i64 = i64::MIN;

/// OCDS procurementMethod as a small code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    Open,
    Selective,
    Limited,
    Direct,
    Other,
    Missing,
}

impl Method {
    pub const ALL: [Method; 6] =
        [Method::Open, Method::Selective, Method::Limited, Method::Direct, Method::Other, Method::Missing];

    pub fn from_ocds(method: Option<&str>) -> Method {
        match method {
            Some("open") => Method::Open,
            Some("selective") => Method::Selective,
            Some("limited") => Method::Limited,
            Some("direct") => Method::Direct,
            Some(_) => Method::Other,
            None => Method::Missing,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Open => "open",
            Method::Selective => "selective",
            Method::Limited => "limited",
            Method::Direct => "direct",
            Method::Other => "other",
            Method::Missing => "missing",
        }
    }

    pub fn from_code(code: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == code)
    }
}

#[derive(Debug, Default)]
pub struct Store {
    pub processes: Vec<Process>,
    pub org: Vec<u32>,
    pub orgs: Dict,
    pub fiscal_year: Vec<i32>,
    pub method: Vec<Method>,
    pub stage: Vec<Stage>,
    pub budget: Vec<i64>,
    pub reference_price: Vec<i64>,
    pub contract_value: Vec<i64>,
}

fn money(value: Option<Satang>) -> i64 {
    value.map_or(NONE, |s| s.0)
}

impl Store {
    /// Adds the processes of one dataset. `org` is the organisation the dataset belongs to (its catalog
    /// code); a dataset covering several organisations passes `None` and each process's buyer id is used.
    /// The fiscal year is the dataset's, or else that of the tender's start or the release date.
    pub fn add(&mut self, org: Option<&str>, dataset_year: Option<FiscalYear>, processes: Vec<Process>) {
        for p in processes {
            let r = &p.compiled;
            let org_code = self.orgs.code(org.or_else(|| r.buyer.as_ref().and_then(|b| b.id.as_deref())).unwrap_or(""));
            let date = r.tender.as_ref().and_then(|t| t.tender_period.as_ref()).and_then(|tp| tp.start_date).or(r.date);
            let year = dataset_year.or_else(|| date.map(|d| d.fiscal_year())).map_or(0, |y| y.0);
            self.org.push(org_code);
            self.fiscal_year.push(year);
            self.method.push(Method::from_ocds(r.method()));
            self.stage.push(r.stage());
            self.budget.push(money(r.budget_amount()));
            self.reference_price.push(money(r.reference_price()));
            self.contract_value.push(money(r.contract_value()));
            self.processes.push(p);
        }
    }

    pub fn len(&self) -> usize {
        self.processes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.processes.is_empty()
    }

    /// Row numbers of the processes of one organisation and, if given, one fiscal year.
    pub fn select(&self, org: Option<&str>, year: Option<i32>) -> Vec<u32> {
        let org_code = match org {
            Some(o) => match self.orgs.lookup(o) {
                Some(c) => Some(c),
                None => return Vec::new(),
            },
            None => None,
        };
        (0..self.len() as u32)
            .filter(|&i| {
                org_code.is_none_or(|c| self.org[i as usize] == c) && year.is_none_or(|y| self.fiscal_year[i as usize] == y)
            })
            .collect()
    }
}
