//! A catalog of several provinces cut into one file per province (`catalog/<province>.json`), so that a page
//! reads a country's catalog a province per task instead of parsing tens of megabytes in one.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::domain::catalog::{Catalog, CatalogPart};
use crate::ingest::checksum::sha256_hex;

/// The catalog to write as `catalog.json` and its parts' paths and bytes. A catalog of one province (or none)
/// comes back whole: a second request would buy nothing.
///
/// An organisation goes to its province's part, a dataset to its organisation's or, for a file of several
/// organisations, to the province it names. What has no province (an organisation the registry places nowhere,
/// the overview of the whole country) stays in `catalog.json`.
pub fn split(mut catalog: Catalog) -> (Catalog, Vec<(String, Vec<u8>)>) {
    let province_of: HashMap<String, String> =
        catalog.organisations.iter().filter_map(|o| Some((o.code.clone(), o.province_code.clone()?))).collect();
    let mut parts: BTreeMap<String, Catalog> = BTreeMap::new();
    let (mut placed_orgs, mut kept_orgs) = (Vec::new(), Vec::new());
    for o in std::mem::take(&mut catalog.organisations) {
        match o.province_code.clone() {
            Some(p) => placed_orgs.push((p, o)),
            None => kept_orgs.push(o),
        }
    }
    let (mut placed_datasets, mut kept_datasets) = (Vec::new(), Vec::new());
    for d in std::mem::take(&mut catalog.datasets) {
        let province = match &d.organisation {
            Some(code) => province_of.get(code).cloned(),
            None => d.province_code.clone(),
        };
        match province {
            Some(p) => placed_datasets.push((p, d)),
            None => kept_datasets.push(d),
        }
    }
    let provinces: BTreeSet<&String> = placed_orgs.iter().map(|(p, _)| p).chain(placed_datasets.iter().map(|(p, _)| p)).collect();
    if provinces.len() < 2 {
        catalog.organisations = kept_orgs.into_iter().chain(placed_orgs.into_iter().map(|(_, o)| o)).collect();
        catalog.datasets = kept_datasets.into_iter().chain(placed_datasets.into_iter().map(|(_, d)| d)).collect();
        return (catalog, Vec::new());
    }
    for (p, o) in placed_orgs {
        parts.entry(p).or_insert_with(|| empty_part(&catalog)).organisations.push(o);
    }
    for (p, d) in placed_datasets {
        parts.entry(p).or_insert_with(|| empty_part(&catalog)).datasets.push(d);
    }
    catalog.organisations = kept_orgs;
    catalog.datasets = kept_datasets;
    let mut files = Vec::with_capacity(parts.len());
    for (province, part) in parts {
        let url = format!("catalog/{province}.json");
        let mut bytes = serde_json::to_vec(&part).expect("a catalog serialises");
        bytes.push(b'\n');
        catalog.parts.push(CatalogPart {
            province_code: province,
            url: url.clone(),
            sha256: sha256_hex(&bytes),
            size: bytes.len() as u64,
        });
        files.push((url, bytes));
    }
    (catalog, files)
}

/// A part's header: the catalog's version, publisher and whether it is all synthetic; nothing listed.
fn empty_part(whole: &Catalog) -> Catalog {
    Catalog {
        catalog_version: whole.catalog_version.clone(),
        publisher: whole.publisher.clone(),
        organisations: Vec::new(),
        datasets: Vec::new(),
        demonstration: whole.demonstration,
        notice: None,
        parts: Vec::new(),
    }
}
