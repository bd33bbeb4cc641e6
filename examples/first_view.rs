//! Times, natively, each step between fetched files and the first table of all procurement over a published
//! data folder: decode per file, finish, the flag mask, filter + facets, sort, totals and the figures.
//! `cargo run --release --example first_view -- DATA_DIR`
use std::time::Instant;

use locallens::query::load::{Builder, Want};

const SLICE: usize = 4096;

fn main() {
    let dir = std::env::args().nth(1).expect("a published data folder");
    let bytes = std::fs::read(format!("{dir}/catalog.json")).expect("catalog.json");
    let t = Instant::now();
    let mut catalog = locallens::ingest::catalog::parse("catalog.json", &bytes).values.expect("a catalog");
    println!("catalog ({} bytes): {:.0} ms", bytes.len(), t.elapsed().as_secs_f64() * 1e3);
    // A country's catalog is cut per province: each part is its own task in the page.
    let (mut parts_ms, mut part_max, mut part_bytes) = (0.0f64, 0.0f64, 0);
    for part in std::mem::take(&mut catalog.parts) {
        let bytes = std::fs::read(format!("{dir}/{}", part.url)).expect("a catalog part");
        let t = Instant::now();
        let got = locallens::ingest::checksum::sha256_hex(&bytes);
        assert!(locallens::ingest::checksum::same(&got, &part.sha256), "{}", part.url);
        catalog.absorb(locallens::ingest::catalog::parse(&part.url, &bytes).values.expect("a catalog part"));
        let ms = t.elapsed().as_secs_f64() * 1e3;
        (parts_ms, part_max, part_bytes) = (parts_ms + ms, part_max.max(ms), part_bytes + bytes.len());
    }
    if part_bytes > 0 {
        println!("catalog parts ({part_bytes} bytes): {parts_ms:.0} ms, the largest {part_max:.0} ms");
    }
    let files = locallens::query::load::wanted(&catalog, Want::All);
    let mut builder: Builder<'_, String> = Builder::new(&catalog);
    builder.expect(files.iter().copied());
    // Each step a page would run as one task: a shard's read, each slice of its rows, a flags file.
    let (mut slowest, mut decode, mut flags) = (0.0f64, 0.0f64, 0.0f64);
    let (mut read_max, mut flags_max) = (0.0f64, 0.0f64);
    let mut timed = |ms: f64, total: &mut f64| {
        *total += ms;
        slowest = slowest.max(ms);
    };
    for d in &files {
        let bytes = std::fs::read(format!("{dir}/{}", d.url)).expect("a published file");
        if d.kind == locallens::domain::catalog::DatasetKind::Rows {
            let t = Instant::now();
            let mut shard = builder.shard(d, &bytes).expect("a readable shard");
            let ms = t.elapsed().as_secs_f64() * 1e3;
            read_max = read_max.max(ms);
            timed(ms, &mut decode);
            loop {
                let t = Instant::now();
                let more = builder.push(d, &mut shard, SLICE);
                timed(t.elapsed().as_secs_f64() * 1e3, &mut decode);
                if !more {
                    break;
                }
            }
        } else {
            // As the page reads a province's flags: 16 organisations' runs per task.
            let parts = Builder::<String>::flag_parts(&bytes);
            for runs in parts.chunks(16) {
                let t = Instant::now();
                runs.iter().for_each(|run| assert!(builder.flags_part(d, run)));
                let ms = t.elapsed().as_secs_f64() * 1e3;
                flags_max = flags_max.max(ms);
                timed(ms, &mut flags);
            }
            builder.flags_done(d);
        }
    }
    println!("files {} shards {decode:.0} ms, flags files {flags:.0} ms, slowest step {slowest:.0} ms (shard read {read_max:.0}, 16 flag runs {flags_max:.0})", files.len());
    let step = |name: &str, t: Instant| println!("{name}: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let loaded = builder.finish();
    step("finish", t);
    let store = &loaded.store;
    let per = |bytes: usize| bytes as f64 / store.len().max(1) as f64;
    let heap = store.heap();
    println!(
        "rows {}; heap per process: columns {:.0} B held ({:.0} B used), ocid + title {:.0} B, search keys {:.0} B, indexes {:.0} B",
        store.len(),
        per(heap.columns),
        per(heap.columns_used),
        per(heap.texts),
        per(heap.search),
        per(heap.indexes)
    );
    let t = Instant::now();
    let flagged = loaded.precomputed.as_ref().map(|p| p.flagged());
    step("flagged ocids", t);
    let mut mask = flagged.as_ref().map(|_| vec![false; store.len()]);
    let mut slowest_mark = 0.0f64;
    if let (Some(flagged), Some(mask)) = (&flagged, mask.as_mut()) {
        for (&year, rows) in &store.by_year {
            for slice in rows.chunks(65_536) {
                let t = Instant::now();
                flagged.mark(store, year, slice, mask);
                slowest_mark = slowest_mark.max(t.elapsed().as_secs_f64() * 1e3);
            }
        }
    }
    println!("slowest mask slice of 65,536 rows: {slowest_mark:.0} ms");
    let t = Instant::now();
    let (mut rows, _counts) = locallens::query::filter::apply(store, &Default::default(), None, mask.as_deref());
    step("filter+facets", t);
    let t = Instant::now();
    let page = locallens::query::sort::first_sorted(store, &rows, Default::default(), 50);
    step("first page of 50, sorted", t);
    assert_eq!(page.len(), rows.len().min(50));
    let t = Instant::now();
    locallens::query::sort::sort_rows(store, &mut rows, Default::default());
    step("whole sort (the CSV's)", t);
    let t = Instant::now();
    let _ = locallens::query::summary::totals(store, &rows);
    step("totals", t);
    let t = Instant::now();
    let _ = locallens::query::summary::by_method(store, &rows);
    step("by_method", t);
    let t = Instant::now();
    let _ = locallens::query::summary::participants(store, &rows);
    step("participants", t);
    let t = Instant::now();
    let _ = locallens::query::summary::top_suppliers(store, &rows, 10);
    step("top_suppliers", t);
}
