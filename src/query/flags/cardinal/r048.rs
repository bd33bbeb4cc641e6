//! R048 Heterogeneous supplier: the number of distinct item classifications (first `digits`, default 2)
//! across a supplier's active single-supplier awards is ≥ ceil(Q3 + 1.5 IQR) (or `threshold`). Suppliers
//! with fewer than `minimum_contracting_processes` (default 20) awarded processes are left out.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R048;

const DIGITS: Setting = Setting::new(
    "digits",
    Kind::Count,
    Default::Value("2"),
    Tr::new("จำนวนหลักแรกของรหัสหมวดที่ใช้แบ่งหมวด", "leading digits of a classification that make a category"),
);
const THRESHOLD: Setting = Setting::new(
    "threshold",
    Kind::Count,
    Default::FromData(Tr::new("ceil(Q3 + 1.5 IQR)", "ceil(Q3 + 1.5 IQR)")),
    Tr::new("จำนวนหมวดที่ถือว่ามากผิดปกติ", "a number of categories at or above which it is unusual"),
);
const MIN_PROCESSES: Setting = Setting::new(
    "minimum_contracting_processes",
    Kind::Count,
    Default::Value("20"),
    Tr::new("จำนวนโครงการน้อยที่สุดของผู้ขายที่จะพิจารณา", "fewest processes a supplier must have won"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ผู้ขายหลากหลายประเภทผิดปกติ", "Heterogeneous supplier"),
    measures: Tr::new("ผู้ขายที่ได้งานหลายหมวดสินค้าผิดปกติ", "A supplier wins awards in unusually many product categories"),
    formula: "distinct classification prefixes ≥ ceil(Q3 + 1.5 IQR)",
    innocent: Tr::new("ผู้รับเหมารวมหรือร้านค้าทั่วไปในท้องถิ่น", "A general contractor or general store"),
    source: Source::Cardinal,
    needs: Needs::Classifications,
    settings: &[DIGITS, THRESHOLD, MIN_PROCESSES],
    build: |s| {
        Ok(Box::new(R048 {
            digits: s.value(&DIGITS)?,
            threshold: s.read(&THRESHOLD)?,
            minimum_contracting_processes: s.value(&MIN_PROCESSES)?,
            suppliers: BTreeMap::new(),
        }))
    },
};

pub struct R048 {
    digits: usize,
    threshold: Option<usize>,
    minimum_contracting_processes: usize,
    /// supplier → (processes, classification prefixes)
    suppliers: BTreeMap<String, (usize, BTreeSet<String>)>,
}

impl Indicator for R048 {
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
            ctx.evaluated(CODE);
        } else {
            ctx.not_evaluable(CODE);
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
                ctx.meta(CODE, "q1", q.q1);
                ctx.meta(CODE, "q3", q.q3);
                q.upper_fence().ceil()
            },
            |t| t as f64,
        );
        ctx.meta(CODE, "upper_fence", fence);
        for (id, variety) in varieties {
            if variety >= fence {
                ctx.flag(Group::Tenderer, id, CODE, variety);
            }
        }
    }
}
