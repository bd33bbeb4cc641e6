//! The overview's procurement figures as `locallens publish` writes them, one file per fiscal year
//! (`overview/<year>.json`): each organisation's processes, contract value, specific-method count, flagged
//! count (by the published flags run) and filled fields. A country's overview reads these few hundred
//! kilobytes instead of every shard.
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{procured_by_org, Procured};
use crate::domain::money::{Satang, Total};
use crate::query::completeness::Completeness;
use crate::query::store::Store;

/// One organisation's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Published {
    pub code: String,
    pub processes: u64,
    /// Σ contract value in satang, over `with_value` processes.
    pub value: i64,
    pub with_value: u64,
    pub limited: u64,
    pub flagged: Option<u64>,
    /// Processes filling each of `completeness::FIELDS`.
    pub filled: [u64; 10],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishedYear {
    pub fiscal_year: i32,
    /// Whether the flagged counts come from a flags run (the published one, with the app's default settings).
    pub flags_run: bool,
    pub organisations: Vec<Published>,
}

impl PublishedYear {
    /// The year's lines of `store`'s rows, with `flagged` the published run's mask when there is one.
    pub fn of(store: &Store, year: i32, flagged: Option<&[bool]>) -> PublishedYear {
        let mut organisations: Vec<Published> = procured_by_org(store, year, flagged)
            .into_iter()
            .map(|(code, (p, c))| Published {
                code,
                processes: p.processes,
                // An organisation's year of contracts is far below i64's 92 quadrillion baht.
                value: i64::try_from(p.value.satang_i128()).unwrap_or(i64::MAX),
                with_value: p.with_value,
                limited: p.limited,
                flagged: p.flagged,
                filled: c.filled,
            })
            .collect();
        organisations.sort_by(|a, b| a.code.cmp(&b.code));
        PublishedYear { fiscal_year: year, flags_run: flagged.is_some(), organisations }
    }

    /// Adds another part of the same year (another province's).
    pub fn merge(&mut self, other: PublishedYear) {
        self.flags_run &= other.flags_run;
        self.organisations.extend(other.organisations);
        self.organisations.sort_by(|a, b| a.code.cmp(&b.code));
    }

    pub(super) fn by_org(&self) -> HashMap<String, (Procured, Completeness)> {
        self.organisations
            .iter()
            .map(|o| {
                let procured = Procured {
                    processes: o.processes,
                    value: Total::from(Satang(o.value)),
                    with_value: o.with_value,
                    limited: o.limited,
                    flagged: o.flagged,
                };
                (o.code.clone(), (procured, Completeness { processes: o.processes, filled: o.filled, ..Completeness::default() }))
            })
            .collect()
    }
}
