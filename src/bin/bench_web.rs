//! A page that times the core in the browser over N generated processes. The result is written as JSON into
//! `#result`.
//!
//! - `bench.html?n=1000000`: the red flags. Processes are generated in batches of 10,000 and dropped after
//!   folding, so a million fit in wasm32 memory; only the flag work (fold and finish) is timed.
//! - `bench.html?mode=filter&n=100000`: a filter change on a store of N processes — search, facet, both, and
//!   the totals of the selection — each the median of 9 runs.
//! - `bench.html?mode=engines&n=100000`: one query (fiscal years 2567–2568, count and contract value per method)
//!   by our store and by the JavaScript baselines of `tools/bench/engines.js` on the same columns, runs
//!   interleaved, each engine's answer checked against ours before its times count.
use std::collections::HashMap;

use locallens::demo;
use locallens::domain::calendar::FiscalYear;
use locallens::domain::issue::JsonPath;
use locallens::domain::ocds::Release;
use locallens::ingest::ocds::release::read_release;
use locallens::ingest::reader::Reader;
use locallens::query::flags::Engine;

fn now(perf: &web_sys::Performance) -> f64 {
    perf.now()
}

fn main() {
    console_error_panic_hook::set_once();
    let window = web_sys::window().expect("a window");
    let perf = window.performance().expect("performance");
    let search = window.location().search().unwrap_or_default();
    let n: usize = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("n="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);

    if search.contains("mode=filter") || search.contains("mode=engines") {
        let report = if search.contains("mode=engines") { engines_bench(&perf, n) } else { filter_bench(&perf, n) };
        if let Some(el) = window.document().and_then(|d| d.get_element_by_id("result")) {
            el.set_text_content(Some(&report));
        }
        return;
    }
    let orgs = demo::orgs::organisations();
    let mut rng = demo::rng::Rng::new(42);
    let suppliers = demo::procurement::suppliers(&mut rng);
    let peers: HashMap<String, String> = HashMap::new();
    let mut engine = Engine::all_defaults();
    let mut session = engine.start(&peers);
    let (mut generating, mut folding) = (0.0, 0.0);
    let mut batch: Vec<Release> = Vec::with_capacity(10_000);
    let mut i = 0;
    while i < n {
        let t0 = now(&perf);
        batch.clear();
        while batch.len() < 10_000 && i < n {
            let org = &orgs[i % orgs.len()];
            let mut value = demo::procurement::compiled_process(&mut rng, org, FiscalYear(demo::YEARS[i % 3]), i, &suppliers);
            value["buyer"]["id"] = format!("{}-{}", org.code, i % 7850).into();
            value["ocid"] = format!("ocds-bench-{i}").into();
            let mut reader = Reader::new("bench", JsonPath::root());
            if let Some(r) = value.as_object().and_then(|o| read_release(&mut reader, o)) {
                batch.push(r);
            }
            i += 1;
        }
        let t1 = now(&perf);
        for r in &batch {
            session.fold(r);
        }
        folding += now(&perf) - t1;
        generating += t1 - t0;
    }
    let t = now(&perf);
    let outcome = session.finish();
    let finishing = now(&perf) - t;
    let results: usize = outcome.results.values().map(|m| m.len()).sum();
    let report = format!(
        "{{\"processes\":{n},\"fold_ms\":{folding:.1},\"finish_ms\":{finishing:.1},\"flags_ms\":{:.1},\"generate_ms\":{generating:.1},\"results\":{results}}}",
        folding + finishing
    );
    let document = window.document().expect("a document");
    if let Some(el) = document.get_element_by_id("result") {
        el.set_text_content(Some(&report));
    }
}

fn generate(rng: &mut demo::rng::Rng, suppliers: &[demo::procurement::Supplier], i: usize) -> Option<(String, Release)> {
    let orgs = demo::orgs::organisations();
    let org = &orgs[i % orgs.len()];
    let mut value = demo::procurement::compiled_process(rng, org, FiscalYear(demo::YEARS[i % 3]), i, suppliers);
    value["ocid"] = format!("ocds-bench-{i}").into();
    let mut reader = Reader::new("bench", JsonPath::root());
    let release = value.as_object().and_then(|o| read_release(&mut reader, o))?;
    Some((org.code.clone(), release))
}

fn median(perf: &web_sys::Performance, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..9 {
        let t = now(perf);
        size = f();
        times.push(now(perf) - t);
    }
    times.sort_by(f64::total_cmp);
    (times[4], size)
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/tools/bench/engines.js")]
extern "C" {
    fn load(method: js_sys::Uint8Array, year: js_sys::Int32Array, value: js_sys::Float64Array);
    fn typed(from: i32, to: i32, methods: usize) -> wasm_bindgen::JsValue;
    fn plain(from: i32, to: i32, methods: usize) -> wasm_bindgen::JsValue;
}

/// A store of `n` generated processes, as the filter benchmark builds it, and the time it took.
fn generated_store(perf: &web_sys::Performance, n: usize) -> (locallens::query::store::Store, f64) {
    use locallens::domain::ocds::Process;
    let mut rng = demo::rng::Rng::new(42);
    let suppliers = demo::procurement::suppliers(&mut rng);
    let mut store = locallens::query::store::Store::default();
    let t0 = now(perf);
    for i in 0..n {
        if let Some((org, release)) = generate(&mut rng, &suppliers, i) {
            store.add(Some(&org), None, vec![Process { compiled: release, history: Vec::new() }]);
        }
    }
    (store, now(perf) - t0)
}

fn min_median_p95(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    format!("{{\"min\":{:.2},\"median\":{:.2},\"p95\":{:.2}}}", times[0], at(0.5), at(0.95))
}

fn engines_bench(perf: &web_sys::Performance, n: usize) -> String {
    use locallens::domain::codes::{Code, Method};
    use locallens::query::filter::{apply, Filter};
    use locallens::query::store::NONE;
    use locallens::query::summary::by_method;
    const RUNS: usize = 15;
    let (from, to) = (2567, 2568);
    let (store, build) = generated_store(perf, n);
    let code = |m: Method| Method::ALL.iter().position(|x| *x == m).unwrap_or(0) as u8;
    let methods: Vec<u8> = store.method.iter().map(|&m| code(m)).collect();
    let values: Vec<f64> = store.contract_value.iter().map(|&v| if v == NONE { f64::NAN } else { v as f64 }).collect();
    load(
        js_sys::Uint8Array::from(methods.as_slice()),
        js_sys::Int32Array::from(store.fiscal_year.as_slice()),
        js_sys::Float64Array::from(values.as_slice()),
    );
    let filter = Filter { from: Some(from), to: Some(to), ..Filter::default() };
    // What the explorer runs on a filter change: the selection with every facet's counts, then the grouping.
    let ours = || {
        let (rows, _) = apply(&store, &filter, None, None);
        by_method(&store, &rows)
    };
    // The same answer from the store's year index, with no facet counted: the query alone.
    let ours_indexed = || {
        let rows: Vec<u32> = store.by_year.range(from..=to).flat_map(|(_, rows)| rows.iter().copied()).collect();
        by_method(&store, &rows)
    };
    let expected: Vec<(u8, u64, i64)> =
        ours().iter().map(|s| (code(s.method), s.count as u64, s.contract_value.satang().map_or(i64::MAX, |v| v.0))).collect();
    // An engine's answer: [code, count, sum] triples; sums in f64 satang, equal to ours within 1e-12.
    let same = |answer: &wasm_bindgen::JsValue| -> Result<(), String> {
        let flat: Vec<f64> = js_sys::Reflect::get(answer, &"result".into())
            .ok()
            .map(|r| js_sys::Array::from(&r).iter().filter_map(|v| v.as_f64()).collect())
            .unwrap_or_default();
        let got: Vec<(u8, u64, f64)> = flat.chunks(3).map(|c| (c[0] as u8, c[1] as u64, c[2])).collect();
        let equal = got.len() == expected.len()
            && got
                .iter()
                .zip(&expected)
                .all(|(g, e)| g.0 == e.0 && g.1 == e.1 && (g.2 - e.2 as f64).abs() <= 1e-12 * (e.2 as f64).abs().max(1.0));
        if equal {
            Ok(())
        } else {
            Err(format!("{got:?} against {expected:?}"))
        }
    };
    let ms_of = |answer: &wasm_bindgen::JsValue| {
        js_sys::Reflect::get(answer, &"ms".into()).ok().and_then(|v| v.as_f64()).unwrap_or(f64::NAN)
    };
    let (mut t_ours, mut t_indexed, mut t_typed, mut t_plain) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut mismatch = (ours_indexed() != ours()).then(|| "the year index's answer differs from apply's".to_string());
    for _ in 0..RUNS {
        let t = now(perf);
        std::hint::black_box(ours());
        t_ours.push(now(perf) - t);
        let t = now(perf);
        std::hint::black_box(ours_indexed());
        t_indexed.push(now(perf) - t);
        for (answer, times) in
            [(typed(from, to, Method::ALL.len()), &mut t_typed), (plain(from, to, Method::ALL.len()), &mut t_plain)]
        {
            if let Err(e) = same(&answer) {
                mismatch.get_or_insert(e);
            }
            times.push(ms_of(&answer));
        }
    }
    let mismatch = mismatch.map(|m| format!(",\"mismatch\":{:?}", m)).unwrap_or_default();
    format!(
        "{{\"mode\":\"engines\",\"processes\":{},\"build_ms\":{build:.0},\"runs\":{RUNS},\"groups\":{},\"query\":\"fiscal years {from}-{to}, count and contract value per method\",\"ours_with_facets\":{},\"ours_year_index\":{},\"js_typed_arrays\":{},\"js_objects\":{}{mismatch}}}",
        store.len(),
        expected.len(),
        min_median_p95(&mut t_ours),
        min_median_p95(&mut t_indexed),
        min_median_p95(&mut t_typed),
        min_median_p95(&mut t_plain),
    )
}

fn filter_bench(perf: &web_sys::Performance, n: usize) -> String {
    use locallens::domain::codes::{Code, Method};
    use locallens::domain::ocds::Process;
    use locallens::query::filter::{apply, Filter};
    use locallens::query::store::Store;
    use locallens::query::summary::totals;

    let mut rng = demo::rng::Rng::new(42);
    let suppliers = demo::procurement::suppliers(&mut rng);
    let mut store = Store::default();
    let t0 = now(perf);
    for i in 0..n {
        if let Some((org, release)) = generate(&mut rng, &suppliers, i) {
            store.add(Some(&org), None, vec![Process { compiled: release, history: Vec::new() }]);
        }
    }
    let build = now(perf) - t0;
    let search = Filter { text: "ถนน".into(), ..Filter::default() };
    // Two words: both must be found, in any order (before, the query was one substring of one field).
    let search2 = Filter { text: "ถนน หมู่".into(), ..Filter::default() };
    let facet = Filter { methods: [Method::Limited].into_iter().collect(), ..Filter::default() };
    let both = Filter {
        text: "วัสดุ".into(),
        methods: [Method::Limited].into_iter().collect(),
        from: Some(2567),
        to: Some(2568),
        ..Filter::default()
    };
    store.describe_orgs(&demo::orgs::organisations());
    let (search_ms, search_rows) = median(perf, || apply(&store, &search, None, None).0.len());
    let (search2_ms, search2_rows) = median(perf, || apply(&store, &search2, None, None).0.len());
    let (facet_ms, facet_rows) = median(perf, || apply(&store, &facet, None, None).0.len());
    let (both_ms, both_rows) = median(perf, || {
        let (rows, _) = apply(&store, &both, None, None);
        std::hint::black_box(totals(&store, &rows)).processes
    });
    // Everything one filter change recomputes in the explorer: selection and facet counts, the table's order,
    // headline figures, and the data of the four charts.
    let (view_ms, view_rows) = median(perf, || {
        let (mut rows, _) = apply(&store, &facet, None, None);
        locallens::query::sort::sort_rows(&store, &mut rows, locallens::query::sort::Sort::default());
        std::hint::black_box(totals(&store, &rows));
        std::hint::black_box(locallens::query::summary::participants(&store, &rows));
        std::hint::black_box(locallens::query::summary::by_method(&store, &rows));
        std::hint::black_box(locallens::query::summary::top_suppliers(&store, &rows, 10));
        std::hint::black_box(locallens::query::trends::by_year_and_method(&store, &rows));
        std::hint::black_box(locallens::query::trends::monthly(&store, &rows, 2568));
        std::hint::black_box(locallens::query::trends::price_ratios(&store, &rows));
        rows.len()
    });
    // The same, step by step, to see where the time goes.
    let (facet_rows_all, _) = apply(&store, &facet, None, None);
    let step = |f: &mut dyn FnMut() -> usize| median(perf, f).0;
    let sort_ms = step(&mut || {
        let mut rows = facet_rows_all.clone();
        locallens::query::sort::sort_rows(&store, &mut rows, locallens::query::sort::Sort::default());
        rows.len()
    });
    let participants_ms = step(&mut || locallens::query::summary::participants(&store, &facet_rows_all).bidders);
    let top_ms = step(&mut || locallens::query::summary::top_suppliers(&store, &facet_rows_all, 10).len());
    let trends_ms = step(&mut || {
        locallens::query::trends::by_year_and_method(&store, &facet_rows_all).len()
            + locallens::query::trends::monthly(&store, &facet_rows_all, 2568).count[0]
            + locallens::query::trends::price_ratios(&store, &facet_rows_all).without
    });
    let table = locallens::query::trends::by_year_and_method(&store, &facet_rows_all);
    let axes = locallens::charts::procurement::Axes { title: "t", x: "x", y: "y" };
    let chart = locallens::charts::procurement::method_over_years(&table, &axes, &|y| y.to_string(), &|m| m.as_str().to_string());
    let svg_ms = step(&mut || locallens::charts::svg::bars_to_svg(&chart, 720, 360).map(|s| s.len()).unwrap_or(0));
    let breakdown = format!(
        "\"sort_ms\":{sort_ms:.1},\"participants_ms\":{participants_ms:.1},\"top_suppliers_ms\":{top_ms:.1},\"trends_ms\":{trends_ms:.1},\"one_chart_svg_ms\":{svg_ms:.1}"
    );
    format!(
        "{{{breakdown},\"mode\":\"filter\",\"processes\":{},\"build_ms\":{build:.0},\"search_ms\":{search_ms:.1},\"search_rows\":{search_rows},\"search2_ms\":{search2_ms:.1},\"search2_rows\":{search2_rows},\"facet_ms\":{facet_ms:.1},\"facet_rows\":{facet_rows},\"search_facet_years_totals_ms\":{both_ms:.1},\"rows\":{both_rows},\"facet_full_view_ms\":{view_ms:.1},\"view_rows\":{view_rows}}}",
        store.len()
    )
}
