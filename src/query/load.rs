//! Building the store from the catalog's procurement datasets once their bytes have arrived: each dataset is
//! read by the reader its `format` names, releases of one process in several files are compiled together,
//! every process is counted once, and its buyer is resolved to the catalog's code (`identity`). A dataset
//! that could not be fetched is kept with its reason.
use crate::domain::catalog::{Catalog, DataFormat, Dataset, DatasetKind};
use crate::domain::issue::{Issue, Severity};
use crate::ingest::ocds;
use crate::query::flags::precomputed::Precomputed;
use crate::query::flags::yearly::ByYear;
use crate::query::identity::Identity;
use crate::query::store::Store;

/// What loading produced: the store, the errors the readers reported, and datasets that failed (`E` is why,
/// as the caller fetched them).
pub struct Loaded<E> {
    pub store: Store,
    pub issues: Vec<Issue>,
    pub rejected: usize,
    pub failed: Vec<(String, E)>,
    /// The published flags run (`flags::precomputed`), when every procurement dataset loaded has its file.
    pub precomputed: Option<std::sync::Arc<ByYear>>,
}

/// What a view needs fetched: the procurement datasets of `org` (or of every organisation), and the published
/// flags of each of them where the catalog lists them.
pub fn wanted<'c>(catalog: &'c Catalog, org: Option<&'c str>) -> Vec<&'c Dataset> {
    let procurement: Vec<&Dataset> = catalog.datasets_for(DatasetKind::Procurement, org).collect();
    let flags = catalog
        .datasets_for(DatasetKind::Flags, org)
        .filter(|f| procurement.iter().any(|p| p.organisation == f.organisation && p.fiscal_year == f.fiscal_year));
    procurement.iter().copied().chain(flags).collect()
}

/// Reads `fetched` (each procurement dataset with its bytes, or why it has none) into one store described by
/// `catalog`. The order of `fetched` is the store's row order.
pub fn build<E>(catalog: &Catalog, fetched: Vec<(&Dataset, Result<Vec<u8>, E>)>) -> Loaded<E> {
    let mut loaded = Loaded { store: Store::default(), issues: Vec::new(), rejected: 0, failed: Vec::new(), precomputed: None };
    let mut ocds_inputs: Vec<(&Dataset, Vec<u8>)> = Vec::new();
    let mut flags: Vec<(&Dataset, Precomputed)> = Vec::new();
    let mut procurement = Vec::new();
    for (dataset, bytes) in fetched {
        if dataset.kind == DatasetKind::Flags {
            match bytes {
                Ok(bytes) => match serde_json::from_slice::<Precomputed>(&bytes) {
                    Ok(file) => flags.push((dataset, file)),
                    Err(e) => loaded.issues.push(crate::ingest::messages::unusable_flags(&dataset.url, &e.to_string())),
                },
                Err(e) => loaded.failed.push((dataset.id.clone(), e)),
            }
            continue;
        }
        if dataset.kind != DatasetKind::Procurement {
            continue;
        }
        procurement.push((dataset.organisation.clone(), dataset.fiscal_year));
        match bytes {
            Ok(bytes) => match dataset.format {
                DataFormat::Ocds => ocds_inputs.push((dataset, bytes)),
                DataFormat::EgpContracts | DataFormat::EgpApi => {
                    let converted = match dataset.format {
                        DataFormat::EgpContracts => crate::ingest::egp::convert(&dataset.url, &bytes),
                        _ => crate::ingest::egp_api::convert(&dataset.url, &bytes),
                    };
                    loaded.rejected += converted.counts.rejected;
                    loaded.issues.extend(converted.issues.into_iter().filter(|i| i.severity == Severity::Error));
                    let text: Vec<u8> = converted
                        .values
                        .iter()
                        .flat_map(|v| serde_json::to_vec(v).unwrap_or_default().into_iter().chain([b'\n']))
                        .collect();
                    ocds_inputs.push((dataset, text));
                }
                // Budgets and assessments are not procurement: the catalog said the wrong kind.
                _ => {}
            },
            Err(e) => loaded.failed.push((dataset.id.clone(), e)),
        }
    }
    // All files at once: a process whose releases are spread over several files is one process.
    let inputs: Vec<(&str, &[u8])> = ocds_inputs.iter().map(|(d, b)| (d.url.as_str(), b.as_slice())).collect();
    let parsed = ocds::load_sourced(&inputs);
    loaded.rejected += parsed.counts.rejected;
    loaded.issues.extend(parsed.issues.into_iter().filter(|i| i.severity == Severity::Error));
    let identity = Identity::new(&catalog.organisations);
    for (file, mut process) in parsed.values {
        let dataset = ocds_inputs.iter().find(|(d, _)| d.url == file).map(|(d, _)| *d);
        // The buyer as the catalog knows it, whatever the source called it; else the dataset's organisation.
        let resolved = process.compiled.buyer.as_ref().and_then(|b| identity.resolve(b));
        let org = resolved.or_else(|| dataset.and_then(|d| d.organisation.clone()));
        if let (Some(code), Some(buyer)) = (&org, process.compiled.buyer.as_mut()) {
            buyer.id = Some(code.clone());
        }
        loaded.store.add(org.as_deref(), dataset.and_then(|d| d.fiscal_year), vec![process]);
    }
    loaded.store.describe_orgs(&catalog.organisations);
    // Only a complete set stands for the run: one organisation-year without its file would show no signals.
    let complete =
        procurement.iter().all(|(org, year)| flags.iter().any(|(d, _)| &d.organisation == org && &d.fiscal_year == year));
    if complete && !flags.is_empty() {
        let files: Vec<Precomputed> = flags.into_iter().map(|(_, f)| f).collect();
        match ByYear::from_precomputed(&files) {
            Ok(by_year) => loaded.precomputed = Some(std::sync::Arc::new(by_year)),
            Err(e) => loaded.issues.push(crate::ingest::messages::unusable_flags("flags/", &format!("{e:?}"))),
        }
    }
    loaded
}

/// The procurement datasets of `org` (or of every organisation) that their publisher marks incomplete, grouped
/// by the reason given, each reason with the names of the organisations it concerns (none on one organisation's
/// page, where it is plain whose data it is).
pub fn incomplete<'c>(catalog: &'c Catalog, org: Option<&str>) -> Vec<(&'c crate::domain::org::LocalText, Vec<String>)> {
    let mut out: Vec<(&crate::domain::org::LocalText, Vec<String>)> = Vec::new();
    let covers = |d: &Dataset| {
        d.kind == DatasetKind::Procurement && (org.is_none() || d.organisation.is_none() || d.organisation.as_deref() == org)
    };
    for d in catalog.datasets.iter().filter(|d| covers(d)) {
        let Some(why) = d.incomplete.as_ref() else { continue };
        let name = match (org, d.organisation.as_deref()) {
            (None, Some(code)) => catalog.organisation(code).map_or_else(|| code.to_string(), |o| o.name.th.clone()),
            _ => String::new(),
        };
        let slot = match out.iter().position(|(w, _)| *w == why) {
            Some(i) => &mut out[i].1,
            None => {
                out.push((why, Vec::new()));
                &mut out.last_mut().expect("just pushed").1
            }
        };
        if !name.is_empty() && !slot.contains(&name) {
            slot.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::FiscalYear;
    use crate::domain::catalog::Publisher;
    use crate::domain::org::LocalText;

    fn dataset(url: &str, org: &str) -> Dataset {
        Dataset {
            id: url.into(),
            kind: DatasetKind::Procurement,
            format: DataFormat::Ocds,
            organisation: Some(org.into()),
            fiscal_year: Some(FiscalYear(2568)),
            url: url.into(),
            sha256: None,
            published: None,
            source: None,
            demonstration: false,
            incomplete: None,
        }
    }

    fn catalog(datasets: Vec<Dataset>) -> Catalog {
        Catalog {
            catalog_version: "1.0".into(),
            publisher: Publisher { name: LocalText::th("ก"), website: None, complaints: Vec::new(), participation: None },
            organisations: Vec::new(),
            datasets,
            demonstration: false,
            notice: None,
        }
    }

    const TENDER: &str = r#"{"version":"1.1","releases":[{"ocid":"ocds-x-1","id":"1","date":"2024-11-01T00:00:00Z","tag":["tender"],"tender":{"title":"ถนน","value":{"amount":1000,"currency":"THB"}}}]}"#;
    const AWARD: &str = r#"{"version":"1.1","releases":[{"ocid":"ocds-x-1","id":"2","date":"2024-12-01T00:00:00Z","tag":["contract"],"contracts":[{"id":"c1","value":{"amount":900,"currency":"THB"}}]}]}"#;

    #[test]
    fn one_process_in_two_files_is_one_row_with_both_releases() {
        let (a, b) = (dataset("a.json", "6200101"), dataset("b.json", "6200101"));
        let c = catalog(vec![a.clone(), b.clone()]);
        let loaded = build::<()>(&c, vec![(&a, Ok(TENDER.into())), (&b, Ok(AWARD.into()))]);
        assert_eq!(loaded.store.len(), 1);
        let p = &loaded.store.processes[0];
        assert_eq!(p.compiled.reference_price().map(|s| s.whole_baht()), Some(1000));
        assert_eq!(p.compiled.contract_value().map(|s| s.whole_baht()), Some(900));
        assert_eq!(p.history.len(), 2);
    }

    #[test]
    fn the_same_release_in_two_files_is_counted_once() {
        let (a, b) = (dataset("a.json", "6200101"), dataset("copy.json", "6200101"));
        let c = catalog(vec![a.clone(), b.clone()]);
        let loaded = build::<()>(&c, vec![(&a, Ok(TENDER.into())), (&b, Ok(TENDER.into()))]);
        assert_eq!(loaded.store.len(), 1);
        let totals = crate::query::summary::totals(&loaded.store, &[0]);
        assert_eq!(totals.reference_price.to_baht_f64(), 1000.0);
    }

    #[test]
    fn a_dataset_that_failed_is_named_and_the_rest_loads() {
        let (a, b) = (dataset("a.json", "6200101"), dataset("gone.json", "6200101"));
        let c = catalog(vec![a.clone(), b.clone()]);
        let loaded = build(&c, vec![(&a, Ok(TENDER.into())), (&b, Err("404"))]);
        assert_eq!((loaded.store.len(), loaded.failed.len()), (1, 1));
        assert_eq!(loaded.failed[0], ("gone.json".to_string(), "404"));
    }

    #[test]
    fn incomplete_datasets_are_named_by_reason() {
        let why = LocalText::both("อาจไม่ครบ", "may be incomplete");
        let mut a = dataset("a.json", "6200101");
        a.incomplete = Some(why.clone());
        let b = dataset("b.json", "6200102");
        let mut c = catalog(vec![a, b]);
        c.organisations = crate::demo::orgs::organisations()
            .into_iter()
            .take(1)
            .map(|mut o| {
                o.code = "6200101".into();
                o
            })
            .collect();
        let all = incomplete(&c, None);
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].0, all[0].1.len()), (&why, 1), "one reason, naming the organisation");
        let own = incomplete(&c, Some("6200101"));
        assert_eq!((own.len(), own[0].1.len()), (1, 0), "its own page need not name it");
        assert!(incomplete(&c, Some("6200102")).is_empty());
    }
}
