//! A page that times the red flags in the browser over N generated processes (`bench.html?n=1000000`).
//! Processes are generated in batches of 10,000 and dropped after folding, so a million fit in wasm32
//! memory; only the flag work (fold and finish) is timed. The result is written as JSON into `#result`.
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
