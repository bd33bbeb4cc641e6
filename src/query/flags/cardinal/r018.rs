//! R018 Single bid received: `numberOfTenderers` is 1 in a competitive method (default open|selective).
use std::collections::BTreeSet;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R018;

const METHODS: Setting = Setting::new(
    "procurement_methods",
    Kind::Methods,
    Default::Value("open|selective"),
    Tr::new("วิธีจัดหาที่ควรมีการแข่งขัน", "methods that should be competitive"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("มีผู้เสนอราคารายเดียว", "Single bid received"),
    measures: Tr::new("วิธีที่ควรมีการแข่งขันแต่มีผู้เสนอราคาเพียงรายเดียว", "A competitive method received only one bid"),
    formula: "tender.numberOfTenderers = 1",
    innocent: Tr::new("ตลาดมีผู้ขายน้อยหรืองานเฉพาะทาง", "A thin market or a specialised job"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[METHODS],
    build: |s| Ok(Box::new(R018 { procurement_methods: s.set(&METHODS)? })),
};

pub struct R018 {
    procurement_methods: BTreeSet<String>,
}

impl Indicator for R018 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(tender) = &r.tender else {
            return ctx.not_evaluable(CODE);
        };
        if !tender.procurement_method.as_ref().is_some_and(|m| self.procurement_methods.contains(m)) {
            return;
        }
        let Some(n) = tender.number_of_tenderers else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        if n == 1 {
            ctx.flag(Group::Ocid, &r.ocid, CODE, 1.0);
        }
    }
}
