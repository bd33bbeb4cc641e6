//! R038 Excessive disqualified bids: per buyer, procuring entity and tenderer, disqualified ÷ submitted bids
//! is ≥ Q3 + 1.5 IQR (or `threshold`). Buyers and procuring entities need `minimum_contracting_processes`
//! (default 2) submitted bids counted, tenderers `minimum_submitted_bids` (default 2).
//!
//! One deliberate difference from Cardinal's code: when the fence is 0 (most have no disqualified bids), a
//! ratio of 0 is not flagged — it cannot be a high outlier. Cardinal's R058 guards a zero fence the same way.
use std::collections::BTreeMap;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::bids::submitted;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R038;

const THRESHOLD: Setting = Setting::new(
    "threshold",
    Kind::Fraction,
    Default::FromData(Tr::new("Q3 + 1.5 IQR", "Q3 + 1.5 IQR")),
    Tr::new("สัดส่วนที่ถูกตัดสิทธิ์ที่ถือว่าสูงผิดปกติ", "a disqualified share at or above which it is unusual"),
);
const MIN_BIDS: Setting = Setting::new(
    "minimum_submitted_bids",
    Kind::Count,
    Default::Value("2"),
    Tr::new("จำนวนข้อเสนอน้อยที่สุดของผู้เสนอราคาที่จะพิจารณา", "fewest bids a tenderer must have submitted"),
);
const MIN_PROCESSES: Setting = Setting::new(
    "minimum_contracting_processes",
    Kind::Count,
    Default::Value("2"),
    Tr::new("จำนวนข้อเสนอน้อยที่สุดของหน่วยงานที่จะพิจารณา", "fewest bids a buyer must have received"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ตัดสิทธิ์มากผิดปกติ", "Excessive disqualified bids"),
    measures: Tr::new(
        "สัดส่วนข้อเสนอที่ถูกตัดสิทธิ์สูงผิดปกติ ต่อหน่วยงานหรือผู้เสนอราคา",
        "An unusually high share of disqualified bids per buyer, procuring entity or tenderer",
    ),
    formula: "disqualified ÷ submitted ≥ Q3 + 1.5 IQR",
    innocent: Tr::new("ข้อกำหนดเข้มงวดที่ใช้กับทุกราย", "Strict requirements applied to all"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[THRESHOLD, MIN_BIDS, MIN_PROCESSES],
    build: |s| {
        Ok(Box::new(R038 {
            threshold: s.read(&THRESHOLD)?,
            minimum_submitted_bids: s.value(&MIN_BIDS)?,
            minimum_contracting_processes: s.value(&MIN_PROCESSES)?,
            buyer: Fractions::new(),
            procuring_entity: Fractions::new(),
            tenderer: Fractions::new(),
        }))
    },
};

type Fractions = BTreeMap<String, (usize, usize)>;

pub struct R038 {
    threshold: Option<f64>,
    minimum_submitted_bids: usize,
    minimum_contracting_processes: usize,
    buyer: Fractions,
    procuring_entity: Fractions,
    tenderer: Fractions,
}

impl R038 {
    fn flag(&self, ctx: &mut Context, fractions: &Fractions, minimum: usize, group: Group) {
        let ratios: Vec<(&String, f64)> =
            fractions.iter().filter(|(_, f)| f.1 >= minimum).map(|(id, f)| (id, f.0 as f64 / f.1 as f64)).collect();
        if ratios.is_empty() {
            return;
        }
        let name = group.as_str();
        let fence = self.threshold.unwrap_or_else(|| {
            let q = Quartiles::of(&ratios.iter().map(|r| r.1).collect::<Vec<_>>());
            ctx.meta(CODE, &format!("{name}_q1"), q.q1);
            ctx.meta(CODE, &format!("{name}_q3"), q.q3);
            q.upper_fence()
        });
        ctx.meta(CODE, &format!("{name}_upper_fence"), fence);
        for (id, ratio) in ratios {
            if ratio >= fence && (fence > 0.0 || ratio > 0.0) {
                ctx.flag(group, id, CODE, ratio);
            }
        }
    }
}

impl Indicator for R038 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let bids: Vec<_> = submitted(r).collect();
        if bids.is_empty() {
            return ctx.not_evaluable(CODE);
        }
        ctx.evaluated(CODE);
        let mut disqualified = 0;
        for bid in &bids {
            let d = usize::from(bid.status.as_deref() == Some("disqualified"));
            disqualified += d;
            for id in bid.tenderers.iter().filter_map(|t| t.id.as_deref()) {
                let f = self.tenderer.entry(id.to_string()).or_default();
                f.0 += d;
                f.1 += 1;
            }
        }
        if let Some(id) = r.buyer.as_ref().and_then(|b| b.id.as_deref()) {
            let f = self.buyer.entry(id.to_string()).or_default();
            f.0 += disqualified;
            f.1 += bids.len();
        }
        if let Some(id) = r.tender.as_ref().and_then(|t| t.procuring_entity.as_ref()).and_then(|p| p.id.as_deref()) {
            let f = self.procuring_entity.entry(id.to_string()).or_default();
            f.0 += disqualified;
            f.1 += bids.len();
        }
    }

    fn finish(&mut self, ctx: &mut Context) {
        let (b, p, t) =
            (std::mem::take(&mut self.buyer), std::mem::take(&mut self.procuring_entity), std::mem::take(&mut self.tenderer));
        self.flag(ctx, &b, self.minimum_contracting_processes, Group::Buyer);
        self.flag(ctx, &p, self.minimum_contracting_processes, Group::ProcuringEntity);
        self.flag(ctx, &t, self.minimum_submitted_bids, Group::Tenderer);
    }
}
