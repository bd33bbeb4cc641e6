//! The typed subset of OCDS 1.1 that the explorer and the red flags read.
//!
//! A release is the compiled state of one contracting process (ocid). Fields the app does not use
//! are not modelled here; the ingest layer keeps the full JSON where it must (merging, compiling).
use serde::Serialize;

use super::calendar::Date;
use super::codes::Stage;
use super::money::{Satang, Total};

/// A value with currency. OCDS amounts are decimal numbers; here they are exact satang.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Value {
    pub amount: Option<Satang>,
    pub currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct OrgRef {
    pub id: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Identifier {
    pub scheme: Option<String>,
    pub id: Option<String>,
    pub legal_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Address {
    pub street_address: Option<String>,
    pub locality: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Party {
    pub id: Option<String>,
    pub name: Option<String>,
    pub identifier: Option<Identifier>,
    pub additional_identifiers: Vec<Identifier>,
    pub roles: Vec<String>,
    pub address: Option<Address>,
}

/// A date-time as published: its text, its calendar date, and the instant (seconds UTC) when it is RFC 3339.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Moment {
    pub text: String,
    pub instant: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Period {
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub start: Option<Moment>,
    pub end: Option<Moment>,
    pub duration_in_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Classification {
    pub scheme: Option<String>,
    pub id: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Item {
    pub id: Option<String>,
    pub description: Option<String>,
    pub classification: Option<Classification>,
    pub quantity: Option<f64>,
    pub unit_name: Option<String>,
    pub unit_value: Option<Value>,
    /// Whether the item says where it is delivered (deliveryLocation or deliveryAddress).
    pub has_delivery_location: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Document {
    pub id: Option<String>,
    pub document_type: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date_published: Option<Date>,
    pub format: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Amendment {
    pub id: Option<String>,
    pub date: Option<Date>,
    pub rationale: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Milestone {
    pub id: Option<String>,
    pub title: Option<String>,
    pub milestone_type: Option<String>,
    pub status: Option<String>,
    pub due_date: Option<Date>,
    pub date_met: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct BudgetLine {
    pub id: Option<String>,
    pub description: Option<String>,
    pub amount: Option<Value>,
    pub project: Option<String>,
    pub project_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Planning {
    pub budget: Option<BudgetLine>,
    pub rationale: Option<String>,
    pub documents: Vec<Document>,
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Tender {
    pub id: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub status: Option<String>,
    /// ราคากลาง in Thai data: the reference price set before tendering.
    pub value: Option<Value>,
    pub procurement_method: Option<String>,
    pub procurement_method_details: Option<String>,
    pub procurement_method_rationale: Option<String>,
    pub main_procurement_category: Option<String>,
    pub tender_period: Option<Period>,
    pub award_period: Option<Period>,
    pub number_of_tenderers: Option<i64>,
    pub tenderers: Vec<OrgRef>,
    pub procuring_entity: Option<OrgRef>,
    pub items: Vec<Item>,
    pub documents: Vec<Document>,
    pub milestones: Vec<Milestone>,
    pub amendments: Vec<Amendment>,
}

/// One bid, from the OCDS bids extension.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Bid {
    pub id: Option<String>,
    pub date: Option<Date>,
    pub received: Option<Moment>,
    pub status: Option<String>,
    pub tenderers: Vec<OrgRef>,
    pub value: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Award {
    pub id: Option<String>,
    pub title: Option<String>,
    pub status: Option<String>,
    pub date: Option<Date>,
    pub value: Option<Value>,
    pub suppliers: Vec<OrgRef>,
    pub items: Vec<Item>,
    pub contract_period: Option<Period>,
    pub documents: Vec<Document>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Transaction {
    pub id: Option<String>,
    pub date: Option<Date>,
    pub value: Option<Value>,
    pub payer: Option<OrgRef>,
    pub payee: Option<OrgRef>,
    pub uri: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Implementation {
    pub transactions: Vec<Transaction>,
    pub milestones: Vec<Milestone>,
    pub documents: Vec<Document>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Contract {
    pub id: Option<String>,
    pub award_id: Option<String>,
    pub title: Option<String>,
    pub status: Option<String>,
    pub period: Option<Period>,
    pub value: Option<Value>,
    pub date_signed: Option<Date>,
    pub items: Vec<Item>,
    pub documents: Vec<Document>,
    pub amendments: Vec<Amendment>,
    pub implementation: Option<Implementation>,
}

/// A release of a contracting process; compiled releases have the same shape.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Release {
    pub ocid: String,
    pub id: Option<String>,
    pub date: Option<Date>,
    pub tag: Vec<String>,
    pub language: Option<String>,
    pub parties: Vec<Party>,
    pub buyer: Option<OrgRef>,
    pub planning: Option<Planning>,
    pub tender: Option<Tender>,
    pub bids: Vec<Bid>,
    pub awards: Vec<Award>,
    pub contracts: Vec<Contract>,
}

/// One release of a process as its history lists it: when, which tags, where, and what it changed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct LinkedRelease {
    pub id: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
    pub tag: Vec<String>,
    /// The fields this release added, changed or removed against the releases before it, as schema paths two
    /// levels deep (`tender.value`, `awards.status`); empty when only linked, or when it changed nothing.
    pub changes: Vec<String>,
}

/// The explorer's unit: one contracting process, compiled, with the releases it was compiled from.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Process {
    pub compiled: Release,
    /// Dates and tags of every release known for the process, oldest first.
    pub history: Vec<LinkedRelease>,
}

/// The most items a list of a release may have (awards, contracts, bids…); the reader reports the rest.
/// With every amount capped, sums over one release's lists are then always amounts themselves.
pub const MAX_LIST: usize = 10_000;

fn sum_of(amounts: impl Iterator<Item = Satang>) -> Option<Satang> {
    let mut total = Total::ZERO;
    let mut any = false;
    for a in amounts {
        total.add(a);
        any = true;
    }
    // Within MAX_LIST capped amounts, `satang` cannot fail; were it ever to, the sum is unknown, not wrong.
    any.then(|| total.satang().ok()).flatten()
}

impl Release {
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id.as_deref() == Some(id))
    }

    /// The furthest stage the process has data for.
    pub fn stage(&self) -> Stage {
        let implemented = self
            .contracts
            .iter()
            .any(|c| c.implementation.as_ref().is_some_and(|i| !i.transactions.is_empty() || !i.milestones.is_empty()));
        if implemented {
            Stage::Implementation
        } else if !self.contracts.is_empty() {
            Stage::Contract
        } else if !self.awards.is_empty() {
            Stage::Award
        } else if self.tender.is_some() {
            Stage::Tender
        } else {
            Stage::Planning
        }
    }

    /// The reference price (ราคากลาง): tender.value.
    pub fn reference_price(&self) -> Option<Satang> {
        self.tender.as_ref()?.value.as_ref()?.amount
    }

    pub fn budget_amount(&self) -> Option<Satang> {
        self.planning.as_ref()?.budget.as_ref()?.amount.as_ref()?.amount
    }

    /// Sum of the values of contracts that are not cancelled. The reader keeps at most `MAX_LIST` contracts,
    /// each within `Satang::MAX`, so the sum is always one amount.
    pub fn contract_value(&self) -> Option<Satang> {
        sum_of(
            self.contracts.iter().filter(|c| c.status.as_deref() != Some("cancelled")).filter_map(|c| c.value.as_ref()?.amount),
        )
    }

    /// Sum of the values of active (or, lacking status, any non-cancelled) awards.
    pub fn award_value(&self) -> Option<Satang> {
        sum_of(
            self.awards
                .iter()
                .filter(|a| !matches!(a.status.as_deref(), Some("cancelled" | "unsuccessful")))
                .filter_map(|a| a.value.as_ref()?.amount),
        )
    }

    pub fn title(&self) -> Option<&str> {
        self.tender.as_ref().and_then(|t| t.title.as_deref())
    }

    pub fn method(&self) -> Option<&str> {
        self.tender.as_ref().and_then(|t| t.procurement_method.as_deref())
    }

    pub fn method_details(&self) -> Option<&str> {
        self.tender.as_ref().and_then(|t| t.procurement_method_details.as_deref())
    }
}
