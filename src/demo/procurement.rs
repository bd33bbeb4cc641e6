//! Synthetic procurement: release packages whose processes go planning → tender → bids → award →
//! contract → payments, in the proportions Thai local procurement shows (most purchases เฉพาะเจาะจง,
//! most money through e-bidding), with cancellations, unfinished processes and a few patterns that the
//! red flags should find: split purchases, a single bidder at the reference price, a dominant supplier,
//! a year-end rush and a contract above the reference price.
use serde_json::{json, Value};

use crate::demo::catalogue::TEMPLATES;
pub use crate::demo::catalogue::{suppliers, Supplier};
use crate::demo::rng::Rng;
use crate::domain::calendar::{Date, FiscalYear};
use crate::domain::money::Satang;
use crate::domain::org::{OrgType, Organisation};

fn processes_per_year(kind: OrgType) -> usize {
    match kind {
        OrgType::Pao => 70,
        OrgType::CityMunicipality | OrgType::TownMunicipality => 50,
        OrgType::SubdistrictMunicipality => 28,
        _ => 18,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Method {
    EBidding,
    EMarket,
    Selective,
    Specific,
}

impl Method {
    fn ocds(self) -> &'static str {
        match self {
            Method::EBidding | Method::EMarket => "open",
            Method::Selective => "selective",
            Method::Specific => "limited",
        }
    }

    fn details(self) -> &'static str {
        match self {
            Method::EBidding => "วิธีประกาศเชิญชวนทั่วไป (e-bidding)",
            Method::EMarket => "วิธีประกาศเชิญชวนทั่วไป (e-market)",
            Method::Selective => "วิธีคัดเลือก",
            Method::Specific => "วิธีเฉพาะเจาะจง",
        }
    }
}

/// Rounds to whole baht, as Thai reference prices are published.
fn baht(v: f64) -> Satang {
    Satang::baht(v.round() as i64)
}

fn amount(s: Satang) -> Value {
    json!({"amount": s, "currency": "THB"})
}

fn iso(d: Date, hour: u8) -> String {
    format!("{}T{hour:02}:00:00+07:00", d.iso())
}

/// What makes one process: the choices, before they become releases.
struct Plan {
    ocid: String,
    /// The budget line it names (`planning.budget.id`).
    budget_line: String,
    title: String,
    template: usize,
    budget: Satang,
    reference: Satang,
    method: Method,
    announce: Date,
    bidders: Vec<(usize, Satang)>,
    winner: Option<usize>,
    contract_value: Option<Satang>,
    cancelled: bool,
    stage_reached: u8,
    /// Days bids were open: a few for เฉพาะเจาะจง, 7–25 for competitive methods.
    period_days: i64,
    /// Bidders (by position in `bidders`) whose bid was disqualified.
    disqualified: Vec<usize>,
}

fn plan(rng: &mut Rng, org: &Organisation, year: FiscalYear, n: usize, supplier_count: usize) -> Plan {
    let t_index = rng.range(0, TEMPLATES.len() as i64) as usize;
    let t = &TEMPLATES[t_index];
    let budget = baht(rng.range(t.lo, t.hi) as f64 / 1000.0 * 1000.0);
    let reference = baht(budget.to_baht_f64() * (0.90 + rng.unit() * 0.10));
    let method = if reference.whole_baht() <= 500_000 {
        if rng.chance(0.92) {
            Method::Specific
        } else {
            Method::Selective
        }
    } else if t.category == "goods" && rng.chance(0.5) {
        Method::EMarket
    } else if rng.chance(0.12) {
        Method::Selective
    } else {
        Method::EBidding
    };
    let start = year.start();
    let announce = start.add_days(rng.range(5, 350));
    let bidder_count = match method {
        Method::Specific => 1,
        Method::Selective => rng.range(2, 5) as usize,
        _ => rng.range(1, 7) as usize,
    };
    let mut bidders: Vec<(usize, Satang)> = Vec::new();
    while bidders.len() < bidder_count {
        let s = rng.range(0, supplier_count as i64) as usize;
        if bidders.iter().any(|(b, _)| *b == s) {
            continue;
        }
        let discount = if method == Method::Specific { 0.97 + rng.unit() * 0.03 } else { 0.80 + rng.unit() * 0.19 };
        bidders.push((s, baht(reference.to_baht_f64() * discount)));
    }
    // Now and then two firms quote the very same price (R028).
    if bidders.len() >= 2 && rng.chance(0.03) {
        bidders[1].1 = bidders[0].1;
    }
    let lowest = bidders.iter().enumerate().min_by_key(|(_, (_, v))| *v).map(|(i, _)| i);
    let mut disqualified = Vec::new();
    if method != Method::Specific {
        if let (Some(l), true) = (lowest, bidders.len() >= 2 && rng.chance(0.04)) {
            // The lowest bid is thrown out (R036).
            disqualified.push(l);
        } else if bidders.len() >= 3 && rng.chance(0.12) {
            let d = rng.range(0, bidders.len() as i64) as usize;
            if Some(d) != lowest {
                disqualified.push(d);
            }
        }
    }
    let period_days = if method == Method::Specific { 3 } else { rng.range(7, 26) };
    let cancelled = rng.chance(0.05);
    let winner = (!cancelled)
        .then(|| {
            bidders.iter().enumerate().filter(|(i, _)| !disqualified.contains(i)).min_by_key(|(_, (_, v))| *v).map(|(i, _)| i)
        })
        .flatten();
    let contract_value = winner.map(|w| bidders[w].1);
    // The newest year is still in progress: later processes stop earlier in their lifecycle.
    let days_left = (FiscalYear(2568).end().days_since_epoch() - announce.days_since_epoch()).max(0);
    let stage_reached = if cancelled || days_left < 20 {
        1
    } else if days_left < 45 {
        3
    } else {
        4
    };
    let n_village = rng.range(1, 15);
    let ocid = format!("ocds-demo00-{}-{}-{:03}", org.code, year.0, n + 1);
    Plan {
        // One process in eight names a line the ordinance does not have, as a publisher's typo would: the budget
        // view then says how much could not be linked.
        budget_line: if n % 8 == 7 {
            format!("{ocid}-budget")
        } else {
            crate::demo::scores::line_id(&org.code, year, crate::demo::scores::line_for(t.category))
        },
        ocid,
        title: t.title.replace("{n}", &n_village.to_string()),
        template: t_index,
        budget,
        reference,
        method,
        announce,
        bidders,
        winner,
        contract_value,
        cancelled,
        stage_reached,
        period_days,
        disqualified,
    }
}

/// Deliberate red-flag patterns, a few per organisation and year.
fn inject_patterns(rng: &mut Rng, org: &Organisation, year: FiscalYear, plans: &mut Vec<Plan>, supplier_count: usize) {
    let favourite = (org.code.bytes().map(usize::from).sum::<usize>() + year.0 as usize) % supplier_count;
    // Split purchase: four เฉพาะเจาะจง buys from one supplier within three weeks, each just under 500,000.
    if rng.chance(0.6) {
        let day0 = year.start().add_days(rng.range(30, 250));
        for k in 0..4 {
            let value = Satang::baht(rng.range(455_000, 499_000));
            let n = plans.len();
            plans.push(Plan {
                ocid: format!("ocds-demo00-{}-{}-{:03}", org.code, year.0, n + 1),
                budget_line: crate::demo::scores::line_id(&org.code, year, crate::demo::scores::line_for("goods")),
                title: format!("จัดซื้อวัสดุก่อสร้างซ่อมแซมถนน ชุดที่ {}", k + 1),
                template: 1,
                budget: Satang::baht(500_000),
                reference: value,
                method: Method::Specific,
                announce: day0.add_days(k * 5),
                bidders: vec![(favourite, value)],
                winner: Some(0),
                contract_value: Some(value),
                cancelled: false,
                stage_reached: 4,
                period_days: 3,
                disqualified: Vec::new(),
            });
        }
    }
    // Year-end rush: เฉพาะเจาะจง purchases in the last days of September.
    for p in plans.iter_mut().filter(|p| p.method == Method::Specific).take(3) {
        if rng.chance(0.5) {
            p.announce = year.end().add_days(-rng.range(1, 25));
        }
    }
    // One bidder in e-bidding, winning at 99.8 % of the reference price.
    if let Some(p) = plans.iter_mut().find(|p| p.method == Method::EBidding && !p.cancelled) {
        let price = baht(p.reference.to_baht_f64() * 0.998);
        p.bidders = vec![(favourite, price)];
        p.winner = Some(0);
        p.contract_value = Some(price);
    }
    // A contract signed above the reference price.
    if let Some(p) = plans.iter_mut().rev().find(|p| p.method == Method::Selective && p.winner.is_some()) {
        p.contract_value = Some(baht(p.reference.to_baht_f64() * 1.04));
    }
}

fn party(id: &str, name: &str, roles: &[&str], tax_id: Option<&str>) -> Value {
    let mut p = json!({"id": id, "name": name, "roles": roles});
    if let Some(tin) = tax_id {
        p["identifier"] = json!({"scheme": "TH-RD", "id": tin, "legalName": name});
    }
    p
}

fn releases(p: &Plan, org: &Organisation, suppliers: &[Supplier]) -> Vec<Value> {
    let t = &TEMPLATES[p.template];
    let buyer = json!({"id": org.code, "name": org.name.th});
    let buyer_party = party(&org.code, &org.name.th, &["buyer", "procuringEntity"], None);
    let planning_date = p.announce.add_days(-20);
    let tender_end = p.announce.add_days(p.period_days);
    let mut parties = vec![buyer_party.clone()];
    for (s, _) in &p.bidders {
        let sup = &suppliers[*s];
        parties.push(party(&sup.id, &sup.name, &["tenderer"], Some(&sup.tax_id)));
    }
    let item = json!({"id": "1", "description": p.title, "classification": {"scheme": "TH-UNSPSC-LAO", "id": format!("{:02}", p.template + 1), "description": t.unclassified}, "quantity": 1, "unit": {"name": "งาน"}});
    let planning = json!({
        "ocid": p.ocid, "id": format!("{}-planning", p.ocid), "date": iso(planning_date, 9), "tag": ["planning"],
        "initiationType": "tender", "language": "th", "buyer": buyer, "parties": [buyer_party],
        "planning": {"budget": {"id": p.budget_line, "description": "ข้อบัญญัติ/เทศบัญญัติงบประมาณรายจ่ายประจำปี", "amount": amount(p.budget)},
                     "rationale": "แผนพัฒนาท้องถิ่นและแผนการจัดซื้อจัดจ้างประจำปี"},
        "tender": {"id": p.ocid, "title": p.title, "status": "planned", "mainProcurementCategory": t.category},
    });
    let tender = json!({
        "ocid": p.ocid, "id": format!("{}-tender", p.ocid), "date": iso(p.announce, 10), "tag": ["tender"],
        "initiationType": "tender", "language": "th", "buyer": buyer, "parties": parties,
        "tender": {
            "id": p.ocid, "title": p.title, "status": if p.cancelled { "cancelled" } else if p.stage_reached >= 2 { "complete" } else { "active" },
            "value": amount(p.reference), "procurementMethod": p.method.ocds(), "procurementMethodDetails": p.method.details(),
            "mainProcurementCategory": t.category,
            "tenderPeriod": {"startDate": iso(p.announce, 10), "endDate": iso(tender_end, 16)},
            "numberOfTenderers": p.bidders.len(),
            "tenderers": p.bidders.iter().map(|(s, _)| json!({"id": suppliers[*s].id, "name": suppliers[*s].name})).collect::<Vec<_>>(),
            "items": [item.clone()],
            "documents": [{"id": "announcement", "documentType": "tenderNotice", "title": "ประกาศเชิญชวน", "url": format!("https://example.invalid/demo/{}/announcement.pdf", p.ocid), "datePublished": iso(p.announce, 10), "format": "application/pdf", "language": "th"}],
        },
        "bids": {"details": p.bidders.iter().enumerate().map(|(i, (s, v))| json!({
            "id": format!("bid-{}", i + 1), "date": iso(tender_end, 15), "status": if p.disqualified.contains(&i) { "disqualified" } else { "valid" },
            "tenderers": [{"id": suppliers[*s].id, "name": suppliers[*s].name}], "value": amount(*v)})).collect::<Vec<_>>()},
    });
    let mut out = vec![planning, tender];
    let (Some(w), false) = (p.winner, p.cancelled) else {
        return out;
    };
    if p.stage_reached < 2 {
        return out;
    }
    let (ws, wv) = p.bidders[w];
    let winner = &suppliers[ws];
    let award_date = tender_end.add_days(7);
    let mut award_parties = vec![buyer_party.clone()];
    award_parties.push(party(&winner.id, &winner.name, &["tenderer", "supplier"], Some(&winner.tax_id)));
    out.push(json!({
        "ocid": p.ocid, "id": format!("{}-award", p.ocid), "date": iso(award_date, 11), "tag": ["award"],
        "initiationType": "tender", "language": "th", "buyer": buyer, "parties": award_parties,
        "awards": [{"id": "1", "title": p.title, "status": "active", "date": iso(award_date, 11), "value": amount(wv),
                    "suppliers": [{"id": winner.id, "name": winner.name}], "items": [item.clone()],
                    "documents": [{"id": "winner", "documentType": "awardNotice", "title": "ประกาศผู้ชนะการเสนอราคา", "url": format!("https://example.invalid/demo/{}/winner.pdf", p.ocid), "datePublished": iso(award_date, 11), "format": "application/pdf", "language": "th"}]}],
    }));
    if p.stage_reached < 3 {
        return out;
    }
    let signed = award_date.add_days(7);
    let end = signed.add_days(if t.category == "works" { 120 } else { 30 });
    let value = p.contract_value.unwrap_or(wv);
    let mut contract = json!({"id": "1", "awardID": "1", "title": p.title, "status": if p.stage_reached >= 4 { "terminated" } else { "active" },
        "dateSigned": iso(signed, 13), "period": {"startDate": iso(signed, 13), "endDate": iso(end, 16)}, "value": amount(value), "items": [item]});
    out.push(json!({
        "ocid": p.ocid, "id": format!("{}-contract", p.ocid), "date": iso(signed, 13), "tag": ["contract"],
        "initiationType": "tender", "language": "th", "buyer": buyer, "parties": [buyer_party.clone()],
        "contracts": [contract.clone()],
    }));
    if p.stage_reached < 4 {
        return out;
    }
    let half = Satang(value.0 / 2);
    contract["implementation"] = json!({
        "transactions": [
            {"id": "pay-1", "date": iso(signed.add_days(45), 10), "value": amount(half), "payer": {"id": org.code, "name": org.name.th}, "payee": {"id": winner.id, "name": winner.name}},
            {"id": "pay-2", "date": iso(end.add_days(10), 10), "value": amount(value.checked_sub(half).expect("half of an amount")), "payer": {"id": org.code, "name": org.name.th}, "payee": {"id": winner.id, "name": winner.name}},
        ],
        "milestones": [{"id": "delivery", "title": "ตรวจรับงาน", "type": "delivery", "status": "met", "dueDate": iso(end, 16), "dateMet": iso(end.add_days(2), 10)}],
    });
    out.push(json!({
        "ocid": p.ocid, "id": format!("{}-implementation", p.ocid), "date": iso(end.add_days(10), 14), "tag": ["implementation"],
        "initiationType": "tender", "language": "th", "buyer": buyer, "parties": [buyer_party],
        "contracts": [contract],
    }));
    out
}

/// One organisation's fiscal year as an OCDS 1.1 release package.
pub fn package(rng: &mut Rng, org: &Organisation, year: FiscalYear, suppliers: &[Supplier]) -> Value {
    let count = processes_per_year(org.org_type) + rng.range(0, 6) as usize;
    let mut plans: Vec<Plan> = (0..count).map(|n| plan(rng, org, year, n, suppliers.len())).collect();
    inject_patterns(rng, org, year, &mut plans, suppliers.len());
    plans.sort_by_key(|p| p.announce);
    let releases: Vec<Value> = plans.iter().flat_map(|p| releases(p, org, suppliers)).collect();
    json!({
        "uri": format!("https://example.invalid/demo/procurement/{}-{}.json", org.code, year.0),
        "version": "1.1",
        "publishedDate": "2025-11-01T00:00:00+07:00",
        "publisher": {"name": "ข้อมูลสาธิต ส่องท้องถิ่น (LocalLens demonstration data)"},
        "license": "https://creativecommons.org/publicdomain/zero/1.0/",
        "publicationPolicy": "ข้อมูลสมมุติเพื่อการสาธิต ไม่ใช่ข้อมูลจริง / synthetic data for demonstration, not real",
        "extensions": ["https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json"],
        "releases": releases,
    })
}

/// One process as a compiled release (merged by the OCDS 1.1 rules), for the scale generator.
pub fn compiled_process(rng: &mut Rng, org: &Organisation, year: FiscalYear, n: usize, suppliers: &[Supplier]) -> Value {
    use crate::domain::issue::JsonPath;
    use crate::ingest::ocds::merge::{rules_1_1, Merger};
    let p = plan(rng, org, year, n, suppliers.len());
    let releases = releases(&p, org, suppliers);
    let pairs: Vec<(&serde_json::Map<String, Value>, JsonPath)> =
        releases.iter().filter_map(|r| r.as_object().map(|o| (o, JsonPath::root()))).collect();
    let rules = rules_1_1();
    Merger::new(&rules, "scale").compile(&p.ocid, &pairs)
}
