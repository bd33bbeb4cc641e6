//! TH11 Specific-method share unusual among peers: a buyer's share of เฉพาะเจาะจง processes (by count;
//! `procurement_methods`, default limited|direct) is ≥ Q3 + 1.5 IQR of the shares of its peers — the same
//! organisation type in the same province — when there are at least `minimum_peers` (default 4). Small
//! buyers whose purchases are all small can have high shares legitimately.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::lang::Tr;
use crate::domain::ocds::Release;
use crate::query::flags::registry::{Default, FlagCode, Kind, Needs, Setting, Source, Spec};
use crate::query::flags::stats::Quartiles;
use crate::query::flags::thai::method_in;
use crate::query::flags::{Context, Group, Indicator};

const CODE: FlagCode = FlagCode::TH11;

const MIN_PEERS: Setting = Setting::new(
    "minimum_peers",
    Kind::Count,
    Default::Value("4"),
    Tr::new("จำนวนหน่วยงานในกลุ่มน้อยที่สุด", "fewest peers to compare with"),
);
const METHODS: Setting = Setting::new(
    "procurement_methods",
    Kind::Methods,
    Default::Value("limited|direct"),
    Tr::new("วิธีจัดหาที่นับเป็นเฉพาะเจาะจง", "methods counted as specific"),
);

pub const SPEC: Spec = Spec {
    code: CODE,
    title: Tr::new("สัดส่วนเฉพาะเจาะจงสูงกว่าหน่วยงานกลุ่มเดียวกัน", "Specific-method share unusual among peers"),
    measures: Tr::new(
        "สัดส่วนการจัดซื้อวิธีเฉพาะเจาะจงสูงผิดปกติเมื่อเทียบกับ อปท. ประเภทเดียวกันในจังหวัดเดียวกัน",
        "The share of เฉพาะเจาะจง purchases is an outlier among the same type of อปท. in the province",
    ),
    formula: "specific ÷ all ≥ Q3 + 1.5 IQR of peers",
    innocent: Tr::new("หน่วยงานเล็กที่ซื้อแต่ของวงเงินน้อย", "A small buyer whose purchases are all small"),
    source: Source::Thai,
    needs: Needs::Processes,
    settings: &[MIN_PEERS, METHODS],
    build: |s| {
        Ok(Box::new(Th11 { minimum_peers: s.value(&MIN_PEERS)?, procurement_methods: s.set(&METHODS)?, buyers: BTreeMap::new() }))
    },
};

pub struct Th11 {
    minimum_peers: usize,
    procurement_methods: BTreeSet<String>,
    /// buyer → (specific, all)
    buyers: BTreeMap<String, (usize, usize)>,
}

impl Indicator for Th11 {
    fn fold(&mut self, ctx: &mut Context, r: &Release) {
        let Some(buyer) = r.buyer.as_ref().and_then(|b| b.id.as_deref()) else {
            return ctx.not_evaluable(CODE);
        };
        if r.method().is_none() {
            return ctx.not_evaluable(CODE);
        }
        if !ctx.peers.contains_key(buyer) {
            return ctx.not_evaluable(CODE);
        }
        ctx.evaluated(CODE);
        let entry = self.buyers.entry(buyer.to_string()).or_default();
        entry.0 += usize::from(method_in(r, &self.procurement_methods));
        entry.1 += 1;
    }

    fn finish(&mut self, ctx: &mut Context) {
        let mut groups: BTreeMap<&str, Vec<(&String, f64)>> = BTreeMap::new();
        for (buyer, (specific, all)) in &self.buyers {
            if let Some(peer) = ctx.peers.get(buyer.as_str()) {
                groups.entry(peer.as_str()).or_default().push((buyer, *specific as f64 / *all as f64));
            }
        }
        let mut flags = Vec::new();
        for (peer, members) in groups {
            if members.len() < self.minimum_peers {
                continue;
            }
            let q = Quartiles::of(&members.iter().map(|m| m.1).collect::<Vec<_>>());
            let fence = q.upper_fence();
            flags.push((format!("{peer}_upper_fence"), fence));
            for (buyer, share) in members {
                // A share of 0 is never unusual in this direction.
                if share >= fence && share > 0.0 {
                    ctx.flag(Group::Buyer, buyer, CODE, share);
                }
            }
        }
        for (k, v) in flags {
            ctx.meta(CODE, &k, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CODE;
    use std::collections::HashMap;

    use crate::query::flags::thai::testing::*;
    use crate::query::flags::Group;

    fn buys(buyer: &str, specific: usize, open: usize) -> Vec<crate::domain::ocds::Release> {
        let mut out = Vec::new();
        for i in 0..specific + open {
            let method = if i < specific { "limited" } else { "open" };
            let mut r = with_tender(release(&format!("{buyer}-{i}")), method, Some(1), None);
            r.buyer.as_mut().unwrap().id = Some(buyer.into());
            out.push(r);
        }
        out
    }

    #[test]
    fn positive_negative_boundary_and_missing() {
        let peers: HashMap<String, String> =
            ["A", "B", "C", "D", "E"].iter().map(|b| (b.to_string(), "sao/กำแพงเพชร".to_string())).collect();
        let mut list = Vec::new();
        // Shares .4 .5 .5 .5 1.0: Q1 .4667, Q3 .6667 (type 8), fence .9667.
        for (b, s, o) in [("A", 4, 6), ("B", 5, 5), ("C", 5, 5), ("D", 5, 5), ("E", 10, 0), ("Z", 10, 0)] {
            list.extend(buys(b, s, o));
        }
        let out = run_with_peers("[TH11]", &list, &peers);
        assert_eq!(flagged_in(&out, Group::Buyer, CODE), vec![("E".into(), 1.0)]);
        // Z has no peer group: its 10 processes cannot be compared.
        assert_eq!(not_evaluable(&out, CODE), 10);
        // Too few peers: nothing is judged.
        let few: HashMap<String, String> = ["A", "E"].iter().map(|b| (b.to_string(), "p".to_string())).collect();
        assert!(flagged_in(&run_with_peers("[TH11]", &list, &few), Group::Buyer, CODE).is_empty());
    }
}
