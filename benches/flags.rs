//! Red flags over a country-sized set of generated processes (default 1,000,000; LOCALLENS_BENCH_N to
//! change). Prints the time to generate, the time of every indicator together, and per indicator.
//!
//!   cargo bench --bench flags
use std::collections::HashMap;
use std::time::Instant;

use locallens::demo;
use locallens::domain::calendar::FiscalYear;
use locallens::domain::issue::JsonPath;
use locallens::domain::ocds::Release;
use locallens::ingest::ocds::release::read_release;
use locallens::ingest::reader::Reader;
use locallens::query::flags::settings::Ini;
use locallens::query::flags::Engine;

fn main() {
    let n: usize = std::env::var("LOCALLENS_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let started = Instant::now();
    let orgs = demo::orgs::organisations();
    let mut rng = demo::rng::Rng::new(42);
    let suppliers = demo::procurement::suppliers(&mut rng);
    let mut releases: Vec<Release> = Vec::with_capacity(n);
    for i in 0..n {
        let org = &orgs[i % orgs.len()];
        let year = FiscalYear(demo::YEARS[i % demo::YEARS.len()]);
        let mut value = demo::procurement::compiled_process(&mut rng, org, year, i, &suppliers);
        // 7,850 buyers, as many as Thailand has local governments.
        value["buyer"]["id"] = format!("{}-{}", org.code, i % 7850).into();
        value["ocid"] = format!("ocds-bench-{i}").into();
        let mut reader = Reader::new("bench", JsonPath::root());
        if let Some(r) = value.as_object().and_then(|o| read_release(&mut reader, o)) {
            releases.push(r);
        }
    }
    println!("generated {} processes in {:.1} s", releases.len(), started.elapsed().as_secs_f64());
    let peers: HashMap<String, String> = releases
        .iter()
        .filter_map(|r| r.buyer.as_ref()?.id.clone())
        .map(|id| {
            let peer = format!("peer-{}", id.len() % 5);
            (id, peer)
        })
        .collect();

    let mut engine = Engine::all_defaults();
    let t = Instant::now();
    let outcome = engine.run(releases.iter(), &peers);
    let all = t.elapsed().as_secs_f64();
    let flagged = outcome.results.values().map(|m| m.len()).sum::<usize>();
    println!("all 23 indicators: {all:.2} s ({:.0} ns per process), {flagged} results", all * 1e9 / releases.len() as f64);

    for &code in locallens::query::flags::FlagCode::ALL {
        let mut one = Engine::from_ini(&Ini::parse(&format!("[{code}]")).unwrap()).unwrap();
        let t = Instant::now();
        let o = one.run(releases.iter(), &peers);
        println!(
            "  {code}: {:>7.1} ms  evaluated {:>8}  not evaluable {:>8}",
            t.elapsed().as_secs_f64() * 1e3,
            o.evaluated.get(&code).unwrap_or(&0),
            o.not_evaluable.get(&code).unwrap_or(&0)
        );
    }
}
