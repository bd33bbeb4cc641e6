//! `bench.html?mode=engines&n=N`: our store against JavaScript on typed arrays, JavaScript on plain objects
//! and DuckDB-WASM, on the same columns and the same four queries (`tools/bench/engines.js` says which), runs
//! interleaved across engines, each engine's answer checked equal to ours before its times count.
//!
//! The store is built as the app builds it from published files, in one of two ways:
//! - generated (`n=N`): processes are generated in batches of 10,000, each batch written as an explorer shard
//!   (`query::rows`) and read back into one store, so no release is kept and a million fit. Buyers and
//!   suppliers are spread over about 8 k and 100 k ids (at 1 M), the sizes of a country's, where the demo has
//!   19 organisations and 60 suppliers;
//! - published (`published=1`): the catalog and every explorer shard of the page's `data/` folder (a
//!   publisher's, e.g. the national data), fetched and checked against their SHA-256 four at a time, then read
//!   into the store: the part of the app's first view that DuckDB's start and load compare with.
use js_sys::{Array, Float64Array, Int32Array, Object, Reflect, Uint32Array, Uint8Array};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use locallens::demo;
use locallens::domain::codes::{Code, Method};
use locallens::domain::money::Total;
use locallens::domain::ocds::Process;
use locallens::query::store::{Store, NONE};
use locallens::query::{rows, summary, words};

use super::now;

const RUNS: usize = 15;
const BATCH: usize = 10_000;
const QUERIES: [&str; 4] = ["method", "org", "supplier", "search"];
const ENGINES: [&str; 4] = ["js_typed_arrays", "js_objects", "duckdb", "ours_explorer"];
/// Ids per demo organisation and per demo supplier: 19 × 827 = 15.7 k buyers, of which about 8 k buy in the
/// years queried; 60 × 1,700 = 102 k suppliers.
const ORG_SPREAD: usize = 827;
const SUPPLIER_SPREAD: usize = 1_700;
const WORD: &str = "ถนน";

#[wasm_bindgen::prelude::wasm_bindgen(module = "/tools/bench/engines.js")]
extern "C" {
    fn load(columns: &Object);
    fn typed(query: &str, from: i32, to: i32, word: &str, groups: usize) -> JsValue;
    fn plain(query: &str, from: i32, to: i32, word: &str, groups: usize) -> JsValue;
    #[wasm_bindgen(js_name = duckStart)]
    fn duck_start() -> js_sys::Promise;
    #[wasm_bindgen(js_name = duckLoad)]
    fn duck_load() -> js_sys::Promise;
    #[wasm_bindgen(js_name = duckRun)]
    fn duck_run(query: &str, from: i32, to: i32, word: &str) -> js_sys::Promise;
}

/// The filter benchmark's process `i`, its buyer and suppliers spread over a country's number of ids.
fn generated(rng: &mut demo::rng::Rng, suppliers: &[demo::procurement::Supplier], i: usize) -> Option<(String, Process)> {
    let (org, mut release) = super::generate(rng, suppliers, i)?;
    for s in release.awards.iter_mut().flat_map(|a| a.suppliers.iter_mut()) {
        if let Some(id) = &mut s.id {
            id.push_str(&format!("-{}", i % SUPPLIER_SPREAD));
        }
    }
    Some((format!("{org}-{}", i % ORG_SPREAD), Process { compiled: release, history: Vec::new() }))
}

struct Built {
    source: &'static str,
    store: Store,
    /// Fetching and checking the catalog and the shards, and reading them: published data only.
    load_ms: Option<f64>,
    generate_ms: f64,
    /// Reading the shards into the store: the work a page does with fetched bytes.
    decode_ms: f64,
    shard_bytes: usize,
}

impl Built {
    fn new(source: &'static str) -> Built {
        Built { source, store: Store::default(), load_ms: None, generate_ms: 0.0, decode_ms: 0.0, shard_bytes: 0 }
    }
}

fn build(perf: &web_sys::Performance, n: usize) -> Built {
    let mut rng = demo::rng::Rng::new(42);
    let suppliers = demo::procurement::suppliers(&mut rng);
    let mut built = Built::new("generated");
    // As a page does with the row counts the catalog gives.
    built.store.reserve(n);
    let mut i = 0;
    while i < n {
        let t0 = now(perf);
        let mut batch = Store::default();
        while batch.len() < BATCH && i < n {
            if let Some((org, process)) = generated(&mut rng, &suppliers, i) {
                batch.add(Some(&org), None, vec![process]);
            }
            i += 1;
        }
        let all: Vec<u32> = (0..batch.len() as u32).collect();
        let bytes = rows::encode(&batch, &all);
        drop(batch);
        let t1 = now(perf);
        rows::decode_into(&mut built.store, &bytes).expect("a shard the page just wrote reads back");
        built.decode_ms += now(perf) - t1;
        built.generate_ms += t1 - t0;
        built.shard_bytes += bytes.len();
    }
    built
}

async fn published(perf: &web_sys::Performance) -> Result<Built, String> {
    use locallens::domain::catalog::DatasetKind;
    use locallens::query::load::{wanted, Want};
    use locallens::ui::fetch::fetch_all_verified;
    use locallens::ui::url_state::{CatalogNeed, DataSource};
    let t0 = now(perf);
    let catalog =
        locallens::ui::app::load_catalog(DataSource::Real, CatalogNeed::Whole).await.map_err(|e| format!("catalog: {e}"))?;
    let shards: Vec<_> = wanted(&catalog, Want::All).into_iter().filter(|d| d.kind == DatasetKind::Rows).collect();
    let mut built = Built::new("published");
    built.store.reserve(shards.iter().filter_map(|d| d.rows).sum::<u64>() as usize);
    for group in shards.chunks(4) {
        let files: Vec<(String, Option<String>)> = group.iter().map(|d| (d.url.clone(), d.sha256.clone())).collect();
        for (url, bytes) in fetch_all_verified(DataSource::Real.folder(), &files).await {
            let bytes = bytes.map_err(|e| e.to_string())?;
            let t = now(perf);
            rows::decode_into(&mut built.store, &bytes).map_err(|e| format!("{url}: {e}"))?;
            built.decode_ms += now(perf) - t;
            built.shard_bytes += bytes.len();
        }
    }
    built.load_ms = Some(now(perf) - t0);
    Ok(built)
}

/// An answer as the baselines give it: (group code, count, Σ contract value in satang), ascending by code.
type Answer = Vec<(u32, u64, f64)>;

fn total(t: Total) -> f64 {
    t.satang().map_or(f64::NAN, |s| s.0 as f64)
}

fn ours(store: &Store, query: &str, from: i32, to: i32, word: &[String]) -> Answer {
    // The year filter is the store's year index itself: its rows are read in place, not copied into a selection.
    let in_years = || store.by_year.range(from..=to).flat_map(|(_, rows)| rows);
    match query {
        "method" => method_answer(&summary::by_method(store, in_years())),
        "org" => summary::by_org(store, in_years()).iter().map(|t| (t.org, t.processes as u64, total(t.value))).collect(),
        "supplier" => {
            summary::by_supplier(store, in_years()).iter().map(|t| (t.supplier, t.processes as u64, total(t.value))).collect()
        }
        _ => {
            let all: Vec<u32> = (0..store.len() as u32).collect();
            let hits = words::matches(store, word, &all).unwrap_or_default();
            let found: Vec<u32> = all.into_iter().zip(hits).filter_map(|(r, hit)| hit.then_some(r)).collect();
            let totals = summary::totals(store, &found);
            if found.is_empty() {
                Vec::new()
            } else {
                vec![(0, found.len() as u64, total(totals.contract_value))]
            }
        }
    }
}

/// The method query as the explorer runs it on a filter change: the selection with every facet's counts.
fn ours_explorer(store: &Store, from: i32, to: i32) -> Answer {
    use locallens::query::filter::{apply, Filter};
    let (rows, _) = apply(store, &Filter { from: Some(from), to: Some(to), ..Filter::default() }, None, None);
    method_answer(&summary::by_method(store, &rows))
}

/// `by_method` keeps only the methods with a process, as the baselines do.
fn method_answer(shares: &[summary::MethodShare]) -> Answer {
    shares.iter().map(|s| (s.method.index() as u32, s.count as u64, total(s.contract_value))).collect()
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// An engine's `{ms, result}`, as its time and answer.
fn read(value: &JsValue) -> (f64, Answer) {
    let flat: Vec<f64> = Array::from(&field(value, "result")).iter().filter_map(|v| v.as_f64()).collect();
    (field(value, "ms").as_f64().unwrap_or(f64::NAN), flat.chunks(3).map(|c| (c[0] as u32, c[1] as u64, c[2])).collect())
}

/// Equal groups and counts, and sums within a part in 10^12 (f64 sums in another order).
fn differs(got: &Answer, expected: &Answer) -> Option<String> {
    let same = got.len() == expected.len()
        && got.iter().zip(expected).all(|(g, e)| g.0 == e.0 && g.1 == e.1 && (g.2 - e.2).abs() <= 1e-12 * e.2.abs().max(1.0));
    (!same).then(|| {
        let first = got.iter().zip(expected).find(|(g, e)| g != e);
        format!("{} groups against {}; first difference {first:?}", got.len(), expected.len())
    })
}

fn columns(store: &Store) -> Object {
    let methods: Vec<u8> = store.method.iter().map(|m| m.index() as u8).collect();
    let values: Vec<f64> = store.contract_value.iter().map(|&v| if v == NONE { f64::NAN } else { v as f64 }).collect();
    let keys: Array = (0..store.len()).map(|r| JsValue::from_str(&store.search_key_of(r))).collect();
    let columns = Object::new();
    let set = |name: &str, value: &JsValue| {
        Reflect::set(&columns, &name.into(), value).expect("a plain object takes any field");
    };
    set("method", &Uint8Array::from(methods.as_slice()));
    set("year", &Int32Array::from(store.fiscal_year.as_slice()));
    set("value", &Float64Array::from(values.as_slice()));
    set("org", &Uint32Array::from(store.org.as_slice()));
    set("supStart", &Uint32Array::from(store.supplier_start.as_slice()));
    set("supCodes", &Uint32Array::from(store.supplier_codes.as_slice()));
    set("keys", &keys);
    columns
}

/// Min, median and p95 in ms, rounded to the page timer's 0.1 ms; null when nothing was counted.
fn stats(times: &mut [f64]) -> Value {
    if times.is_empty() {
        return Value::Null;
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| (times[((times.len() - 1) as f64 * q).round() as usize] * 100.0).round() / 100.0;
    json!({ "min": at(0.0), "median": at(0.5), "p95": at(0.95) })
}

pub async fn run(perf: &web_sys::Performance, n: usize, from_published: bool, with_duckdb: bool) -> String {
    let (from, to) = (2567, 2568);
    let built = if from_published {
        match published(perf).await {
            Ok(built) => built,
            Err(e) => return json!({ "mode": "engines", "source": "published", "error": e }).to_string(),
        }
    } else {
        build(perf, n)
    };
    let store = &built.store;
    let heap = store.heap();
    let t = now(perf);
    load(&columns(store));
    let copy_ms = now(perf) - t;
    let search_words = words::search_words(WORD);
    let mut problems: Vec<String> = Vec::new();

    let mut duck = Value::Null;
    let mut duck_ready = false;
    if with_duckdb {
        match JsFuture::from(duck_start()).await {
            Ok(start) => match JsFuture::from(duck_load()).await {
                Ok(loaded) => {
                    let ms = |name: &str| field(&loaded, name).as_f64().unwrap_or(f64::NAN);
                    duck = json!({
                        "start_ms": start.as_f64().map(f64::round),
                        "arrow_ms": ms("arrow_ms").round(),
                        "load_ms": ms("load_ms").round(),
                        "rows": ms("rows"),
                    });
                    duck_ready = ms("rows") as usize == store.len();
                    if !duck_ready {
                        problems.push(format!("duckdb loaded {} rows of {}", ms("rows"), store.len()));
                    }
                }
                Err(e) => problems.push(format!("duckdb load: {e:?}")),
            },
            Err(e) => problems.push(format!("duckdb start: {e:?}")),
        }
    }

    let mut lines = Vec::new();
    for query in QUERIES {
        let expected = ours(store, query, from, to, &search_words);
        let groups = match query {
            "method" => Method::ALL.len(),
            "org" => store.orgs.len(),
            "supplier" => store.suppliers.len(),
            _ => 1,
        };
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); 1 + ENGINES.len()];
        let mut wrong = [false; ENGINES.len()];
        for _ in 0..RUNS {
            let t = now(perf);
            std::hint::black_box(ours(store, query, from, to, &search_words));
            times[0].push(now(perf) - t);
            for (e, engine) in ENGINES.iter().enumerate() {
                let (ms, answer) = match *engine {
                    "js_typed_arrays" => read(&typed(query, from, to, WORD, groups)),
                    "js_objects" => read(&plain(query, from, to, WORD, groups)),
                    "duckdb" if duck_ready => match JsFuture::from(duck_run(query, from, to, WORD)).await {
                        Ok(v) => read(&v),
                        Err(err) => {
                            problems.push(format!("duckdb {query}: {err:?}"));
                            duck_ready = false;
                            continue;
                        }
                    },
                    "ours_explorer" if query == "method" => {
                        let t = now(perf);
                        let answer = ours_explorer(store, from, to);
                        (now(perf) - t, answer)
                    }
                    _ => continue,
                };
                match differs(&answer, &expected) {
                    Some(why) if !wrong[e] => {
                        wrong[e] = true;
                        problems.push(format!("{engine} {query}: {why}"));
                    }
                    _ => times[e + 1].push(ms),
                }
            }
        }
        let mut line = json!({ "query": query, "groups": expected.len(), "ours": stats(&mut times[0]) });
        for (e, engine) in ENGINES.iter().enumerate() {
            line[*engine] = if wrong[e] { Value::Null } else { stats(&mut times[e + 1]) };
        }
        lines.push(line);
    }
    let memory = field(&field(&wasm_bindgen::memory(), "buffer"), "byteLength").as_f64();
    let per = |bytes: usize| (bytes as f64 / store.len().max(1) as f64 * 10.0).round() / 10.0;
    json!({
        "mode": "engines",
        "source": built.source,
        "load_ms": built.load_ms.map(f64::round),
        "processes": store.len(),
        "runs": RUNS,
        "years": [from, to],
        "word": WORD,
        "generate_ms": built.generate_ms.round(),
        "decode_ms": built.decode_ms.round(),
        "shard_bytes": built.shard_bytes,
        "copy_to_js_ms": copy_ms.round(),
        "heap_per_process": {
            "columns": per(heap.columns),
            "columns_used": per(heap.columns_used),
            "texts": per(heap.texts),
            "search": per(heap.search),
            "indexes": per(heap.indexes),
        },
        "wasm_memory_bytes": memory,
        "duckdb": duck,
        "queries": lines,
        "problems": problems,
    })
    .to_string()
}
