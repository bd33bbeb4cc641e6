//! A page that times the core in the browser over N generated processes. The result is written as JSON into
//! `#result`.
//!
//! - `bench.html?n=1000000`: the red flags. Processes are generated in batches of 10,000 and dropped after
//!   folding, so a million fit in wasm32 memory; only the flag work (fold and finish) is timed.
//! - `bench.html?mode=filter&n=100000`: a filter change on a store of N processes — search, facet, both, and
//!   the totals of the selection — each the median of 9 runs.
//! - `bench.html?mode=engines&n=100000[&published=1][&duckdb=0]`: four queries by our store, by JavaScript and by DuckDB-WASM
//!   on the same columns (`engines`).
use std::collections::HashMap;

use locallens::demo;
use locallens::domain::calendar::FiscalYear;
use locallens::domain::issue::JsonPath;
use locallens::domain::ocds::Release;
use locallens::ingest::ocds::release::read_release;
use locallens::ingest::reader::Reader;
use locallens::query::flags::Engine;

#[path = "bench_web/engines.rs"]
mod engines;

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

    let show = |report: &str| {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("result")) {
            el.set_text_content(Some(report));
        }
    };
    if search.contains("mode=engines") {
        let (published, with_duckdb) = (search.contains("published=1"), !search.contains("duckdb=0"));
        wasm_bindgen_futures::spawn_local(async move { show(&engines::run(&perf, n, published, with_duckdb).await) });
        return;
    }
    if search.contains("mode=filter") {
        show(&filter_bench(&perf, n));
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
