//! TH10 Abnormally low price: awarded value ÷ ราคากลาง is a low outlier (≤ Q1 − 1.5 IQR over all processes,
//! or ≤ `threshold`). A very low price can mean a bidder cannot deliver at that price, or a reference
//! price set too high.
use std::collections::BTreeMap;

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::thai::ratio;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH10;

const THRESHOLD: Setting = Setting::new(
    "threshold",
    Kind::Number,
    Default::FromData(Tr::new("Q1 − 1.5 IQR", "Q1 − 1.5 IQR")),
    Tr::new("ราคาที่ได้ ÷ ราคากลาง ที่ถือว่าต่ำผิดปกติ", "award ÷ ราคากลาง at or below which it is abnormally low"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("ราคาต่ำผิดปกติเมื่อเทียบราคากลาง", "Abnormally low price"),
    measures: Tr::new("ราคาที่ได้ ÷ ราคากลาง ต่ำผิดปกติ", "Award ÷ ราคากลาง is a low outlier"),
    formula: "award ÷ reference ≤ Q1 − 1.5 IQR",
    innocent: Tr::new("ราคากลางที่ตั้งไว้สูงเกินไป", "A reference price set too high"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[THRESHOLD],
    build: |s| Ok(Box::new(Th10 { threshold: s.read(&THRESHOLD)?, ratios: BTreeMap::new() })),
};

pub struct Th10 {
    threshold: Option<f64>,
    ratios: BTreeMap<String, f64>,
}

impl Indicator for Th10 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let (Some(award), Some(reference)) = (r.award_value(), r.reference_price()) else {
            return ctx.not_evaluable(CODE);
        };
        let Some(share) = ratio(award, reference) else {
            return ctx.not_evaluable(CODE);
        };
        ctx.evaluated(CODE);
        self.ratios.insert(r.ocid.clone(), share);
    }

    fn finish(&mut self, ctx: &mut Context) {
        if self.ratios.is_empty() {
            return;
        }
        let fence = self.threshold.unwrap_or_else(|| {
            let q = Quartiles::of(&self.ratios.values().copied().collect::<Vec<_>>());
            ctx.meta(CODE, "q1", q.q1);
            ctx.meta(CODE, "q3", q.q3);
            q.lower_fence()
        });
        ctx.meta(CODE, "lower_fence", fence);
        for (ocid, share) in &self.ratios {
            if *share <= fence {
                ctx.flag(Group::Ocid, ocid, CODE, *share);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use crate::query::flags::thai::testing::*;

    #[test]
    fn positive_negative_boundary_and_missing() {
        let p = |o: &str, award: Option<i64>| with_award(with_tender(release(o), "open", Some(100), None), "S", award);
        let mut list: Vec<_> = (0..8).map(|i| p(&format!("n{i}"), Some(95))).collect();
        list.push(p("low", Some(40)));
        list.push(p("missing", None));
        // Ratios: eight 0.95 and one 0.40: Q1 = Q3 = 0.95, so the fence is 0.95 and the typical
        // processes sit exactly on it; a threshold setting avoids flagging them.
        let out = run("[TH10]\nthreshold = 0.5", &list);
        assert_eq!(flagged(&out, CODE), vec![("low".into(), 0.4)]);
        assert_eq!(not_evaluable(&out, CODE), 1);
        let boundary = run("[TH10]\nthreshold = 0.4", &list);
        assert_eq!(flagged(&boundary, CODE), vec![("low".into(), 0.4)]);
    }
}
