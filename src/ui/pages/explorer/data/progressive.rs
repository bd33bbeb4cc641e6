//! Fetching a scope's files a few at a time and reading them into one store a task at a time, with progress.
use std::sync::Arc;

use leptos::prelude::*;

use super::Loaded;
use crate::domain::catalog::{Catalog, Dataset, DatasetKind};
use crate::query::load::Builder;
use crate::ui::fetch::{fetch_verified, LoadError};

/// How far a load has come: files, bytes (of the total the catalog gives) and processes read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub files: usize,
    pub of_files: usize,
    pub bytes: u64,
    pub of_bytes: u64,
    pub rows: usize,
}

/// Rows of a shard put into the store in one task: about 8 ms natively over the national data
/// (`cargo run --release --example first_view`), a few times that in a phone's wasm.
const SLICE: usize = 2048;

/// Organisations' published flag runs read in one task: a province's file holds up to a few hundred.
const FLAG_RUNS: usize = 16;

/// Rows whose flags are looked up in one task.
const MASK_SLICE: usize = 65_536;

/// Files fetched at once: enough to keep the network busy, few enough that a stop leaves little in flight.
const IN_FLIGHT: usize = 4;

/// Fetches the scope's files a few at a time, in catalog order, and reads each into the store as it arrives,
/// giving the page a turn between files so that progress paints and no task holds the main thread for a whole
/// country. `stop` ends the load after the file being read; what was read stays usable.
pub(super) async fn load_procurement(
    catalog: Arc<Catalog>,
    datasets: Vec<Dataset>,
    folder: &'static str,
    progress: RwSignal<Progress>,
    stop: RwSignal<bool>,
) -> Arc<Loaded> {
    use futures::StreamExt;
    let of_bytes = datasets.iter().filter_map(|d| d.size).sum();
    progress.set(Progress { of_files: datasets.len(), of_bytes, ..Progress::default() });
    let mut builder = Builder::new(&catalog);
    builder.expect(&datasets);
    let mut arriving = futures::stream::iter(
        datasets.iter().map(|d| async move { (d, fetch_verified(&format!("{folder}{}", d.url), d.sha256.as_deref()).await) }),
    )
    .buffered(IN_FLIGHT);
    let mut files = 0;
    loop {
        // A stop is heard while a file is still on its way, not only between files.
        let stopped = async {
            while !stop.get_untracked() {
                crate::ui::fetch::sleep(100).await;
            }
        };
        let next = match futures::future::select(arriving.next(), std::pin::pin!(stopped)).await {
            futures::future::Either::Left((next, _)) => next,
            futures::future::Either::Right(_) => {
                builder.stop(files, datasets.len());
                break;
            }
        };
        let Some((dataset, bytes)) = next else { break };
        let size = bytes.as_ref().map_or(0, |b| b.len() as u64);
        let rows_so_far = |builder: &Builder<'_, LoadError>| {
            let rows = builder.rows();
            progress.update(|p| p.rows = rows);
        };
        match bytes {
            // A shard's rows go in a slice at a time, with a turn for the page between slices: a province can
            // hold a hundred thousand rows.
            Ok(bytes) if dataset.kind == DatasetKind::Rows => {
                if let Some(mut shard) = builder.shard(dataset, &bytes) {
                    crate::ui::fetch::next_tick().await;
                    while builder.push(dataset, &mut shard, SLICE) {
                        rows_so_far(&builder);
                        crate::ui::fetch::next_tick().await;
                    }
                }
            }
            // A province's flags, a few organisations' runs per task.
            Ok(bytes) if dataset.kind == DatasetKind::Flags => {
                let mut read = true;
                for runs in Builder::<LoadError>::flag_parts(&bytes).chunks(FLAG_RUNS) {
                    read = runs.iter().all(|run| builder.flags_part(dataset, run));
                    if !read {
                        break;
                    }
                    crate::ui::fetch::next_tick().await;
                }
                if read {
                    builder.flags_done(dataset);
                }
            }
            bytes => builder.add(dataset, bytes),
        }
        files += 1;
        rows_so_far(&builder);
        progress.update(|p| {
            p.files = files;
            p.bytes += size;
        });
        crate::ui::fetch::next_tick().await;
    }
    let mut loaded = builder.finish();
    if let Some(by_year) = loaded.precomputed.clone() {
        crate::ui::fetch::next_tick().await;
        let flagged = by_year.flagged();
        let mut mask = vec![false; loaded.store.len()];
        for (&year, rows) in &loaded.store.by_year {
            for slice in rows.chunks(MASK_SLICE) {
                crate::ui::fetch::next_tick().await;
                flagged.mark(&loaded.store, year, slice, &mut mask);
            }
        }
        loaded.published_mask = Some(mask);
    }
    Arc::new(loaded)
}
