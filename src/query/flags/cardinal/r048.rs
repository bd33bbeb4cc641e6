//! R048 Heterogeneous supplier: the number of distinct item classifications (first `digits`, default 2)
//! across a supplier's active single-supplier awards is ≥ ceil(Q3 + 1.5 IQR) (or `threshold`). Suppliers
//! with fewer than `minimum_contracting_processes` (default 20) awarded processes are left out.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::ocds::Release;
use crate::query::flags::settings::{Section, SettingsError};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::{Context, Group, Indicator};

pub struct R048 {
    digits: usize,
    threshold: Option<usize>,
    minimum_contracting_processes: usize,
    /// supplier → (processes, classification prefixes)
    suppliers: BTreeMap<String, (usize, BTreeSet<String>)>,
}

impl R048 {
    pub fn new(mut s: Section) -> Result<R048, SettingsError> {
        let digits = s.take("digits")?.unwrap_or(2);
        let threshold = s.take("threshold")?;
        let minimum_contracting_processes = s.take("minimum_contracting_processes")?.unwrap_or(20);
        s.finish()?;
        Ok(R048 { digits, threshold, minimum_contracting_processes, suppliers: BTreeMap::new() })
    }
}

impl Indicator for R048 {
    fn code(&self) -> &'static str {
        "R048"
    }

    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let mut seen = BTreeSet::new();
        let mut any = false;
        for award in r.awards.iter().filter(|a| a.status.as_deref() == Some("active")) {
            let [supplier] = award.suppliers.as_slice() else {
                continue;
            };
            let Some(id) = supplier.id.as_deref() else {
                continue;
            };
            let codes: Vec<String> = award
                .items
                .iter()
                .filter_map(|i| i.classification.as_ref()?.id.as_ref())
                .map(|c| c.chars().take(self.digits).collect())
                .collect();
            if codes.is_empty() {
                continue;
            }
            any = true;
            let entry = self.suppliers.entry(id.to_string()).or_default();
            if seen.insert(id.to_string()) {
                entry.0 += 1;
            }
            entry.1.extend(codes);
        }
        if any {
            ctx.evaluated("R048");
        } else {
            ctx.not_evaluable("R048");
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let varieties: Vec<(&String, f64)> = self
            .suppliers
            .iter()
            .filter(|(_, (n, _))| *n >= self.minimum_contracting_processes)
            .map(|(id, (_, codes))| (id, codes.len() as f64))
            .collect();
        if varieties.is_empty() {
            return;
        }
        let fence = self.threshold.map_or_else(
            || {
                let q = Quartiles::of(&varieties.iter().map(|v| v.1).collect::<Vec<_>>());
                ctx.meta("R048", "q1", q.q1);
                ctx.meta("R048", "q3", q.q3);
                q.upper_fence().ceil()
            },
            |t| t as f64,
        );
        ctx.meta("R048", "upper_fence", fence);
        for (id, variety) in varieties {
            if variety >= fence {
                ctx.flag(Group::Tenderer, id, "R048", variety);
            }
        }
    }
}
