//! R028 Identical bid prices: different tenderers submitted bids with the same amount and currency.
//! The process and those tenderers are flagged. Skipped where prices are set by the buyer.
use std::collections::{BTreeSet, HashMap};

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::bids::{compares_prices, submitted};
use crate::query::flags::registry::{FlagCode, Needs, Source, Spec};
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::R028;

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ราคาเสนอเท่ากัน", "Identical bid prices"),
    measures: Tr::new("ผู้เสนอราคาต่างรายเสนอราคาเท่ากันทุกสตางค์", "Different tenderers bid exactly the same price"),
    formula: "same amount and currency, different tenderers",
    innocent: Tr::new("ราคาตามบัญชีราคามาตรฐานหรือราคาที่ตลาดกำหนด", "List prices or regulated prices"),
    source: Source::Cardinal,
    needs: Needs::Bids,
    settings: &[],
    build: |_s| Ok(Box::new(R028)),
};

pub struct R028;

impl Indicator for R028 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        if !compares_prices(r, ctx) {
            return;
        }
        if r.bids.is_empty() {
            return ctx.not_evaluable(CODE);
        }
        ctx.evaluated(CODE);
        let mut prices: HashMap<(i64, &str), BTreeSet<&str>> = HashMap::new();
        for bid in submitted(r) {
            let Some(value) = &bid.value else { continue };
            let (Some(amount), Some(currency)) = (value.amount, value.currency.as_deref()) else {
                continue;
            };
            let ids: BTreeSet<&str> = bid.tenderers.iter().filter_map(|t| t.id.as_deref()).collect();
            if ids.is_empty() {
                continue;
            }
            let key = (amount.0, currency);
            if let Some(other) = prices.get(&key) {
                if *other != ids {
                    ctx.flag(Group::Ocid, &r.ocid, CODE, 1.0);
                    for id in ids.iter().chain(other.iter()) {
                        ctx.flag(Group::Tenderer, id, CODE, 1.0);
                    }
                }
            }
            prices.insert(key, ids);
        }
    }
}
