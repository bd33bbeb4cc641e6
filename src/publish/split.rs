//! A catalog of several provinces cut into one file per province (`catalog/<province>.json`), so that a page
//! reads a country's catalog a province per task instead of parsing tens of megabytes in one.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::domain::catalog::{Catalog, CatalogPart, Dataset};
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
    let dataset_province = |d: &Dataset| match &d.organisation {
        Some(code) => province_of.get(code).cloned(),
        None => d.province_code.clone(),
    };
    let provinces: BTreeSet<String> =
        province_of.values().cloned().chain(catalog.datasets.iter().filter_map(dataset_province)).collect();
    if provinces.len() < 2 {
        return (catalog, Vec::new());
    }
    let mut parts: BTreeMap<String, Catalog> = BTreeMap::new();
    let (placed, kept): (Vec<_>, Vec<_>) =
        std::mem::take(&mut catalog.organisations).into_iter().partition(|o| o.province_code.is_some());
    catalog.organisations = kept;
    for o in placed {
        let p = o.province_code.clone().unwrap_or_default();
        parts.entry(p).or_insert_with(|| empty_part(&catalog)).organisations.push(o);
    }
    for d in std::mem::take(&mut catalog.datasets) {
        match dataset_province(&d) {
            Some(p) => parts.entry(p).or_insert_with(|| empty_part(&catalog)).datasets.push(d),
            None => catalog.datasets.push(d),
        }
    }
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
