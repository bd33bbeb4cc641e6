//! Building the store from the catalog's procurement datasets once their bytes have arrived: each dataset is
//! read by the reader its `format` names, releases of one process in several files are compiled together,
//! every process is counted once, and its buyer is resolved to the catalog's code (`identity`). A dataset
//! that could not be fetched is kept with its reason.
use crate::domain::catalog::{Catalog, DataFormat, Dataset, DatasetKind};
use crate::domain::issue::{Issue, Severity};
use crate::ingest::ocds;
use std::collections::BTreeMap;

use crate::query::flags::precomputed::{merge, Precomputed, RowsOf};
use crate::query::flags::yearly::ByYear;
use crate::query::flags::Outcome;
use crate::query::identity::Identity;
use crate::query::rows::Shard;
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
    /// Per row, whether the published run flags it, when a caller marked the rows after `finish` a slice at a
    /// time (`ByYear::flagged`) so that the first view does not wait for a country's.
    pub published_mask: Option<Vec<bool>>,
    /// When the reader stopped the load: how many of the wanted files had been read, of how many.
    pub stopped: Option<(usize, usize)>,
}

/// Which data a view needs: one organisation's, one province's (DOPA code), or everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want<'a> {
    Org(&'a str),
    /// Several organisations: a comparison.
    Orgs(&'a [String]),
    Province(&'a str),
    All,
}

/// A file's place: organisation, province and fiscal year. A flags file goes with the data file of its key.
type Key<'c> = (Option<&'c str>, Option<&'c str>, Option<crate::domain::calendar::FiscalYear>);

fn key(d: &Dataset) -> Key<'_> {
    (d.organisation.as_deref(), d.province_code.as_deref(), d.fiscal_year)
}

/// What a view needs fetched, each data file followed by its published flags where the catalog lists them.
/// Explorer shards are preferred where the catalog has them: an organisation's own, a province's, or every
/// province's. Without shards (raw files, a dropped file) the procurement files are read instead: the
/// organisation's own and the files of several organisations, a province's organisations' files, or all.
pub fn wanted<'c>(catalog: &'c Catalog, want: Want<'c>) -> Vec<&'c Dataset> {
    if let Want::Orgs(codes) = want {
        // Each organisation by its own shard, or by its own files where it has none.
        let data: Vec<&Dataset> = codes.iter().flat_map(|c| wanted(catalog, Want::Org(c))).collect();
        return data;
    }
    let rows = catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Rows);
    let shards: Vec<&Dataset> = match want {
        Want::Orgs(_) => Vec::new(),
        Want::Org(code) => rows.filter(|d| d.organisation.as_deref() == Some(code)).collect(),
        Want::Province(p) => rows.filter(|d| d.organisation.is_none() && d.province_code.as_deref() == Some(p)).collect(),
        Want::All => rows.filter(|d| d.organisation.is_none() && d.province_code.is_some()).collect(),
    };
    let data = if shards.is_empty() { records(catalog, want) } else { shards };
    // One map, not a scan of every flags file per data file: a national catalog lists thousands of each.
    let mut flags = std::collections::HashMap::new();
    for f in catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Flags) {
        flags.entry(key(f)).or_insert(f);
    }
    let mut out = Vec::with_capacity(2 * data.len());
    for d in data {
        out.push(d);
        out.extend(flags.get(&key(d)).copied());
    }
    out
}

/// The procurement files (the full records) behind a view: what `wanted` reads when there are no shards, and
/// what the browser's own flags run reads when the reader changes its settings.
pub fn records<'c>(catalog: &'c Catalog, want: Want<'c>) -> Vec<&'c Dataset> {
    let in_province = |d: &Dataset, p: &str| {
        d.organisation.is_none()
            || d.organisation
                .as_deref()
                .and_then(|c| catalog.organisation(c))
                .is_some_and(|o| o.province_code.as_deref() == Some(p))
    };
    let procurement = catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Procurement);
    match want {
        Want::Org(code) => catalog.datasets_for(DatasetKind::Procurement, Some(code)).collect(),
        Want::Orgs(codes) => codes.iter().flat_map(|c| catalog.datasets_for(DatasetKind::Procurement, Some(c))).collect(),
        Want::Province(p) => procurement.filter(|d| in_province(d, p)).collect(),
        Want::All => procurement.collect(),
    }
}

/// Builds the store file by file as they arrive (`add`), then compiles raw OCDS and settles the flags
/// (`finish`). Explorer shards go straight into the store's columns; raw files wait for `finish`, because the
/// releases of one process may be spread over several files.
pub struct Builder<'c, E> {
    catalog: &'c Catalog,
    loaded: Loaded<E>,
    ocds_inputs: Vec<(&'c Dataset, Vec<u8>)>,
    /// The published run, merged file by file as each arrives, so that no step waits to convert a country's.
    flags: BTreeMap<i32, Outcome>,
    flag_keys: std::collections::HashSet<Key<'c>>,
    data_keys: Vec<Key<'c>>,
    /// The store's rows by organisation and year, for runs by row; filled only when one arrives.
    rows_of: RowsOf,
    /// Raw bytes held for `finish`, and how many it may hold (`RAW_LIMIT`).
    raw_bytes: usize,
    raw_limit: usize,
}

/// The most raw OCDS a page compiles, in bytes. Compiling holds the files, their JSON trees and every typed
/// release at once: about nine times the files' size in wasm memory (1.34 GB for 150 MB of generated OCDS,
/// `tools/bench-ui.mjs`), and a tab past 4 GiB is killed. A file beyond the limit is left out and said, so
/// that what fits still shows; a folder that large is for `locallens publish`.
pub const RAW_LIMIT: usize = 256 << 20;

impl<'c, E> Builder<'c, E> {
    pub fn new(catalog: &'c Catalog) -> Builder<'c, E> {
        Builder {
            catalog,
            loaded: Loaded {
                store: Store::default(),
                issues: Vec::new(),
                rejected: 0,
                failed: Vec::new(),
                precomputed: None,
                published_mask: None,
                stopped: None,
            },
            ocds_inputs: Vec::new(),
            flags: BTreeMap::new(),
            flag_keys: std::collections::HashSet::new(),
            data_keys: Vec::new(),
            rows_of: RowsOf::default(),
            raw_bytes: 0,
            raw_limit: RAW_LIMIT,
        }
    }

    /// Makes room in the store for the rows the catalog says `datasets` hold, before they arrive.
    pub fn expect<'d>(&mut self, datasets: impl IntoIterator<Item = &'d Dataset>) {
        let rows: u64 = datasets.into_iter().filter(|d| d.kind == DatasetKind::Rows).filter_map(|d| d.rows).sum();
        self.loaded.store.reserve(usize::try_from(rows).unwrap_or(0));
    }

    /// Rows in the store so far (raw files count once `finish` has compiled them).
    pub fn rows(&self) -> usize {
        self.loaded.store.len()
    }

    /// Reads one fetched dataset.
    pub fn add(&mut self, dataset: &'c Dataset, bytes: Result<Vec<u8>, E>) {
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(e) => {
                self.loaded.failed.push((dataset.id.clone(), e));
                return;
            }
        };
        if dataset.kind == DatasetKind::Flags {
            if Self::flag_parts(&bytes).iter().all(|part| self.flags_part(dataset, part)) {
                self.flags_done(dataset);
            }
            return;
        }
        let loaded = &mut self.loaded;
        match (dataset.kind, dataset.format) {
            (DatasetKind::Rows, _) => {
                if let Some(mut shard) = self.shard(dataset, &bytes) {
                    while self.push(dataset, &mut shard, usize::MAX) {}
                }
            }
            (DatasetKind::Procurement, DataFormat::Ocds) => self.hold_raw(dataset, bytes),
            (DatasetKind::Procurement, DataFormat::EgpContracts | DataFormat::EgpApi) => {
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
                self.hold_raw(dataset, text);
            }
            // Budgets and assessments are not procurement: the catalog said the wrong kind.
            _ => {}
        }
    }

    /// Keeps a raw file for `finish`, or leaves it out with an error when the raw files would pass the limit.
    fn hold_raw(&mut self, dataset: &'c Dataset, bytes: Vec<u8>) {
        if self.raw_bytes + bytes.len() > self.raw_limit {
            self.loaded.issues.push(crate::ingest::messages::raw_too_large(&dataset.url, self.raw_limit));
            return;
        }
        self.raw_bytes += bytes.len();
        self.data_keys.push(key(dataset));
        self.ocds_inputs.push((dataset, bytes));
    }

    /// A flags file's runs, each to read with `flags_part`: a province's file lists its organisations' runs.
    pub fn flag_parts(bytes: &[u8]) -> Vec<&[u8]> {
        crate::query::flags::parts::items(bytes).unwrap_or_else(|| vec![bytes])
    }

    /// Reads one organisation's published run into the flags; false, with the issue said, when it is unusable.
    /// A run by row (`Precomputed::by_row`) is read against the organisation's rows already in the store: its
    /// shard comes before it.
    pub fn flags_part(&mut self, dataset: &Dataset, part: &[u8]) -> bool {
        let run = serde_json::from_slice::<Precomputed>(part).map_err(|e| e.to_string()).and_then(|f| {
            let year = f.fiscal_year;
            let store = &self.loaded.store;
            let ocids = if f.by_row.is_some() {
                self.rows_of.update(store);
                self.rows_of.ocids(store, &f.organisation, year)
            } else {
                Vec::new()
            };
            f.into_outcome(&ocids).map(|o| (year, o)).map_err(|e| format!("{e:?}"))
        });
        match run {
            Ok((year, outcome)) => {
                merge(self.flags.entry(year).or_default(), outcome);
                true
            }
            Err(e) => {
                self.loaded.issues.push(crate::ingest::messages::unusable_flags(&dataset.url, &e));
                false
            }
        }
    }

    /// Says that every run of a flags file was read: only then do its data files count as flagged.
    pub fn flags_done(&mut self, dataset: &'c Dataset) {
        self.flag_keys.insert(key(dataset));
    }

    /// Reads an explorer shard's layout, for a caller that checks and pushes its rows a slice at a time
    /// (`push`); None when it is unusable, which is said among the issues.
    pub fn shard<'b>(&mut self, dataset: &'c Dataset, bytes: &'b [u8]) -> Option<Shard<'b>> {
        let shard = Shard::read(bytes).map_err(|e| self.unusable(dataset, &e)).ok()?;
        // Nothing to check: it is read.
        if shard.is_empty() {
            self.data_keys.push(key(dataset));
        }
        Some(shard)
    }

    /// Checks the texts of up to `max` more of the shard's rows, or once all are checked, puts up to `max` more
    /// rows into the store; says whether there is more to do. A shard with a bad text adds no row.
    pub fn push(&mut self, dataset: &'c Dataset, shard: &mut Shard, max: usize) -> bool {
        if shard.unchecked() > 0 {
            return match shard.check(max) {
                Ok(0) => {
                    self.data_keys.push(key(dataset));
                    true
                }
                Ok(_) => true,
                Err(e) => {
                    self.unusable(dataset, &e);
                    false
                }
            };
        }
        shard.push_into(&mut self.loaded.store, max);
        shard.remaining() > 0
    }

    fn unusable(&mut self, dataset: &Dataset, e: &crate::query::rows::RowsError) {
        self.loaded.issues.push(crate::ingest::messages::unusable_rows(&dataset.url, &e.to_string()));
    }

    /// Says that the reader stopped the load after `done` of `total` files.
    pub fn stop(&mut self, done: usize, total: usize) {
        self.loaded.stopped = Some((done, total));
    }

    pub fn finish(self) -> Loaded<E> {
        let Builder { catalog, mut loaded, ocds_inputs, flags, flag_keys, data_keys, .. } = self;
        // All raw files at once: a process whose releases are spread over several files is one process.
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
        // The run stands only if every data file read has its flags: one without would show no signals.
        let complete = data_keys.iter().all(|k| flag_keys.contains(k));
        if complete && !flags.is_empty() {
            loaded.precomputed = Some(std::sync::Arc::new(ByYear { years: flags }));
        }
        loaded
    }
}

/// Reads `fetched` (each dataset with its bytes, or why it has none) into one store described by `catalog`.
/// The order of `fetched` is the store's row order.
pub fn build<'c, E>(catalog: &'c Catalog, fetched: Vec<(&'c Dataset, Result<Vec<u8>, E>)>) -> Loaded<E> {
    let mut builder = Builder::new(catalog);
    for (dataset, bytes) in fetched {
        builder.add(dataset, bytes);
    }
    builder.finish()
}

/// Where a process of `org` in fiscal year `year` is told in full: the organisation's procurement files of that
/// year first, then files that cover several organisations.
pub fn detail_files<'c>(catalog: &'c Catalog, org: &'c str, year: i32) -> Vec<&'c Dataset> {
    let mut files: Vec<&Dataset> =
        catalog.datasets_for(DatasetKind::Procurement, Some(org)).filter(|d| d.fiscal_year.is_none_or(|y| y.0 == year)).collect();
    files.sort_by_key(|d| d.organisation.is_none());
    files
}

/// The compiled process `ocid` from one procurement file, if the file holds it.
pub fn find_process(url: &str, bytes: &[u8], ocid: &str) -> Option<crate::domain::ocds::Process> {
    ocds::load_sourced(&[(url, bytes)]).values.into_iter().map(|(_, p)| p).find(|p| p.compiled.ocid == ocid)
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
mod tests;
