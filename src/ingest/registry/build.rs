//! A catalog from the registers: the organisations `Selection` takes, each with its population, place names and
//! complaint channel, joined to e-GP's agencies in their provinces. The report lists what did not join.
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{join, organisations, Agency, Entry, JoinReport, Places, Selection};
use crate::domain::catalog::{Catalog, Publisher, CATALOG_VERSION};
use crate::domain::codes::Code;
use crate::domain::issue::Issue;
use crate::domain::org::{Contact, LocalText, Organisation, Population};

/// The inputs, already read.
pub struct Registers<'a> {
    pub entries: &'a [Entry],
    pub population: &'a std::collections::HashMap<String, Population>,
    pub places: &'a Places,
    pub agencies: &'a [Agency],
    pub selection: &'a Selection,
}

/// What `locallens catalog --report` writes.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogReport {
    pub organisations: usize,
    /// Organisations by type code.
    pub by_type: BTreeMap<String, usize>,
    pub with_population: usize,
    /// Population figures by how they were found (`municipal-register`, …).
    pub population_methods: BTreeMap<String, usize>,
    /// Agencies of the selected provinces considered for the join.
    pub agencies: usize,
    pub join: JoinReport,
    /// Issues reading the registers.
    pub issues: Vec<Issue>,
}

pub fn catalog(r: &Registers) -> (Catalog, CatalogReport) {
    let mut orgs = organisations(r.entries, r.population, r.places, r.selection);
    for o in &mut orgs {
        o.complaints = complaints(o);
    }
    // Only the agencies of the provinces taken: the rest of the country is not this catalog's business.
    let provinces: BTreeSet<String> = orgs.iter().map(|o| o.province.th.clone()).collect();
    let agencies: Vec<Agency> = r.agencies.iter().filter(|a| provinces.contains(a.province.as_str())).cloned().collect();
    let join = join(&mut orgs, &agencies);
    let mut report = CatalogReport { organisations: orgs.len(), agencies: agencies.len(), join, ..CatalogReport::default() };
    for o in &orgs {
        *report.by_type.entry(o.org_type.as_str().to_string()).or_default() += 1;
        if let Some(p) = o.population {
            report.with_population += 1;
            *report.population_methods.entry(p.method.map_or("unstated", |m| m.as_str()).to_string()).or_default() += 1;
        }
    }
    let names: Vec<&str> = provinces.iter().map(String::as_str).collect();
    let catalog = Catalog {
        catalog_version: CATALOG_VERSION.to_string(),
        publisher: Publisher {
            name: LocalText::both(
                &format!("ส่องท้องถิ่น: ข้อมูลจริงของ อปท. {}", scope_th(&names)),
                &format!("LocalLens: real data of local governments, {}", scope_en(&orgs, names.len())),
            ),
            website: None,
            complaints: national_channels(),
            participation: None,
        },
        organisations: orgs,
        datasets: Vec::new(),
        demonstration: false,
        notice: None,
        parts: Vec::new(),
    };
    (catalog, report)
}

fn scope_th(provinces: &[&str]) -> String {
    match provinces {
        [one] => format!("จังหวัด{one}"),
        many if many.len() >= 77 => "ทั้งประเทศ".to_string(),
        many => format!("{} จังหวัด", many.len()),
    }
}

fn scope_en(orgs: &[Organisation], provinces: usize) -> String {
    match (orgs.first().and_then(|o| o.province.en.clone()), provinces) {
        (Some(en), 1) => format!("{en} province"),
        (_, n) if n >= 77 => "the whole country".to_string(),
        (_, n) => format!("{n} provinces"),
    }
}

/// Channels every citizen has, whatever their อปท. (THAI.md: ศูนย์ดำรงธรรม 1567, ป.ป.ช. 1205).
pub fn national_channels() -> Vec<Contact> {
    vec![
        Contact {
            name: LocalText::both("ศูนย์ดำรงธรรม (สายด่วน)", "Damrongdhama Centre (hotline)"),
            phone: Some("1567".into()),
            ..Contact::default()
        },
        Contact {
            name: LocalText::both("สำนักงาน ป.ป.ช. (แจ้งเรื่องทุจริต)", "NACC (corruption reports)"),
            phone: Some("1205".into()),
            ..Contact::default()
        },
    ]
}

/// The province's ศูนย์ดำรงธรรม: there is one in every province, on 1567.
fn complaints(o: &Organisation) -> Vec<Contact> {
    vec![Contact {
        name: LocalText {
            th: format!("ศูนย์ดำรงธรรมจังหวัด{}", o.province.th),
            en: o.province.en.as_ref().map(|en| format!("{en} Damrongdhama Centre")),
        },
        phone: Some("1567".into()),
        ..Contact::default()
    }]
}
