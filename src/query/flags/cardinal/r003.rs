//! R003 Short submission period: the tender period is shorter than a threshold (default 15 days; per
//! `procurementMethodDetails` thresholds override it). Days are whole days elapsed between the RFC 3339
//! start and end instants, as Cardinal counts them.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R003;

const THRESHOLD: Setting = Setting::new(
    "threshold",
    Kind::Days,
    Default::Value("15"),
    Tr::new("จำนวนวันน้อยที่สุดที่ต้องเปิดรับข้อเสนอ", "fewest days the tender must be open"),
);
const METHODS: Setting = Setting::new(
    "procurement_methods",
    Kind::Methods,
    Default::Everything,
    Tr::new("ใช้กับวิธีจัดหาเหล่านี้เท่านั้น (ว่าง = ทุกวิธี)", "apply only to these methods (empty = all)"),
);
const BY_DETAILS: Setting = Setting::new(
    "procurement_method_details",
    Kind::DaysByDetails,
    Default::Everything,
    Tr::new(
        "จำนวนวันเฉพาะวิธีจัดหาตามที่เผยแพร่ ในส่วน [R003.procurement_method_details]",
        "days per method as published, in [R003.procurement_method_details]",
    ),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ระยะเวลายื่นข้อเสนอสั้น", "Short submission period"),
    measures: Tr::new("ระยะเวลาประกาศรับข้อเสนอสั้นกว่าเกณฑ์", "The tender period is shorter than a threshold"),
    formula: "whole days(tenderPeriod.endDate − startDate) < threshold",
    innocent: Tr::new("เรื่องเร่งด่วนหรือวงเงินเล็กที่กฎหมายอนุญาตให้ใช้เวลาสั้น", "Urgent or small purchases the rules allow to be quick"),
    source: Source::Cardinal,
    needs: Needs::TenderPeriods,
    settings: &[THRESHOLD, METHODS, BY_DETAILS],
    build: |s| {
        Ok(Box::new(R003 {
            threshold: s.value(&THRESHOLD)?,
            procurement_methods: s.set(&METHODS)?,
            by_details: s.map(&BY_DETAILS)?,
        }))
    },
};

pub struct R003 {
    threshold: i64,
    procurement_methods: BTreeSet<String>,
    by_details: BTreeMap<String, i64>,
}

impl Indicator for R003 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(tender) = &r.tender else {
            return ctx.not_evaluable(CODE);
        };
        if !self.procurement_methods.is_empty()
            && !tender.procurement_method.as_ref().is_some_and(|m| self.procurement_methods.contains(m))
        {
            return;
        }
        let period = tender.tender_period.as_ref();
        let (Some(start), Some(end)) =
            (period.and_then(|p| p.start.as_ref()?.instant), period.and_then(|p| p.end.as_ref()?.instant))
        else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        // Whole days, truncated toward zero like chrono's num_days().
        let days = (end - start) / 86_400;
        let threshold =
            tender.procurement_method_details.as_ref().and_then(|d| self.by_details.get(d)).copied().unwrap_or(self.threshold);
        if days < threshold {
            ctx.flag(Group::Ocid, &r.ocid, CODE, 1.0);
        }
    }
}
