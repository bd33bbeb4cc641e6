//! What the publish step's flags run holds. First, by indicator: every indicator folds a fiscal year's processes
//! in a session of its own, and an allocator counts the bytes each still holds at the end (what it allocated
//! less what it freed); a session with no indicator gives what every session holds (the ocids of the processes
//! folded, the names kept). Then `run_year` as `locallens publish` calls it: the most it held at once.
//! `cargo run --release --example flags_memory -- CATALOG DATA_DIR YEAR [run-year]`, over a folder
//! `locallens publish` wrote; with `run-year`, only the second part.
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering::Relaxed};

use locallens::domain::issue::JsonPath;
use locallens::domain::ocds::Release;
use locallens::query::flags::{Engine, FlagCode, SPECS};

/// Bytes held per tag; tag 0 is reading, 1 the session with no indicator, 2 + i the indicator i; and the most
/// held at once over all tags since `PEAK` was last reset.
static HELD: [AtomicI64; 64] = [const { AtomicI64::new(0) }; 64];
static TAG: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicI64 = AtomicI64::new(0);
static PEAK: AtomicI64 = AtomicI64::new(0);

fn count(delta: i64) {
    HELD[TAG.load(Relaxed)].fetch_add(delta, Relaxed);
    let total = TOTAL.fetch_add(delta, Relaxed) + delta;
    PEAK.fetch_max(total, Relaxed);
}

struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as i64);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as i64));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as i64 - layout.size() as i64);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let (catalog, dir, year) = (args.next().expect("CATALOG"), args.next().expect("DATA_DIR"), args.next().expect("YEAR"));
    let bytes = std::fs::read(&catalog).expect("the catalog");
    let catalog = locallens::ingest::catalog::parse(&catalog, &bytes).values.expect("a catalog");
    drop(bytes);
    let peers = locallens::query::peers::peer_groups(&catalog.organisations);
    let all = Engine::with_overrides(&BTreeMap::new()).expect("the app's settings");
    let codes: Vec<FlagCode> = SPECS.iter().map(|s| s.code).collect();
    assert_eq!(codes.len(), all.indicators.len(), "one indicator per spec, in order");
    let global = all.global.clone();
    let mut engines: Vec<Engine> =
        all.indicators.into_iter().map(|i| Engine { global: global.clone(), indicators: vec![i] }).collect();
    let mut bare = Engine { global, indicators: Vec::new() };
    let mut sessions: Vec<_> = engines.iter_mut().map(|e| e.start(&peers)).collect();
    let mut tables = bare.start(&peers);
    let files = shards(&dir, &year);
    let mut processes = 0usize;
    let by_indicator = args.next().as_deref() != Some("run-year");
    for_each_process(if by_indicator { &files } else { &[] }, &year, |_, release| {
        TAG.store(1, Relaxed);
        tables.fold(&release);
        for (i, session) in sessions.iter_mut().enumerate() {
            TAG.store(2 + i, Relaxed);
            session.fold_counted(&release);
        }
        TAG.store(0, Relaxed);
        processes += 1;
    });
    let mb = |tag: usize| HELD[tag].load(Relaxed) as f64 / 1e6;
    println!("{processes} processes of {year} in {} files", files.len());
    println!("{:>10.1} MB  reading (what is left of it)", mb(0));
    println!("{:>10.1} MB  a session with no indicator: the ocids of the processes folded", mb(1));
    let mut rows: Vec<(f64, String)> = codes.iter().enumerate().map(|(i, c)| (mb(2 + i), c.as_str().to_string())).collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (held, code) in &rows {
        println!("{held:>10.1} MB  {code} (its state, its session's tables and its outcome so far)");
    }
    // Each session's finish: what the results add, still under the indicator's tag.
    let mut outcomes = Vec::new();
    for (i, session) in sessions.into_iter().enumerate() {
        TAG.store(2 + i, Relaxed);
        let before = HELD[2 + i].load(Relaxed);
        outcomes.push(session.finish());
        let flagged: usize = outcomes.last().unwrap().results.values().map(BTreeMap::len).sum();
        println!(
            "{:>10.1} MB  {} after finish ({flagged} ids flagged)",
            (HELD[2 + i].load(Relaxed) - before) as f64 / 1e6,
            codes[i].as_str()
        );
    }
    drop(outcomes);
    drop(tables);
    // The run as publish makes it, after the sessions above are gone.
    let base = TOTAL.load(Relaxed);
    PEAK.store(base, Relaxed);
    let fiscal_year: i32 = year.parse().expect("a BE year");
    let (tx, rx) = std::sync::mpsc::sync_channel(1024);
    let reader = std::thread::spawn(move || for_each_process(&files, &year, |code, release| tx.send((code, release)).unwrap()));
    let parts = locallens::query::flags::precomputed::run_year(fiscal_year, &peers, rx);
    reader.join().unwrap();
    println!(
        "{:>10.1} MB  run_year over the {} processes, the most held at once ({} files)",
        (PEAK.load(Relaxed) - base) as f64 / 1e6,
        parts.first().map_or(0, |p| p.processes_in_run),
        parts.len()
    );
}

/// The year's procurement files of a data folder, in name order.
fn shards(dir: &str, year: &str) -> Vec<std::path::PathBuf> {
    let suffix = format!("-{year}.jsonl");
    let mut files: Vec<_> = std::fs::read_dir(format!("{dir}/procurement"))
        .expect("DATA_DIR/procurement")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(&suffix))
        .collect();
    files.sort();
    files
}

/// Each process of the files as a typed release, with its organisation's code.
fn for_each_process(files: &[std::path::PathBuf], year: &str, mut each: impl FnMut(String, Release)) {
    let suffix = format!("-{year}.jsonl");
    for path in files {
        let code = path.file_name().unwrap().to_string_lossy().trim_end_matches(&suffix).to_string();
        let file = std::fs::File::open(path).expect("a shard");
        for line in std::io::BufReader::new(file).lines() {
            let line = line.expect("a line");
            let value: serde_json::Value = serde_json::from_str(&line).expect("JSON");
            let mut reader = locallens::ingest::reader::Reader::new("shard", JsonPath::root());
            let release = locallens::ingest::ocds::release::read_release(&mut reader, value.as_object().expect("an object"))
                .expect("a release");
            each(code.clone(), release);
        }
    }
}
