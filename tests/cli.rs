//! The `locallens` command-line tool, run as a publisher would run it.
mod common;

use std::process::Command;

fn locallens(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_locallens")).args(args).output().expect("runs")
}

fn temp_file(name: &str, content: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("locallens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn validate_exits_non_zero_on_errors_and_names_the_field() {
    let bad = temp_file("bad.json", br#"{"version":"1.1","releases":[{"ocid":"x","id":"1","date":"2024-01-01","tender":{"value":{"amount":"lots"}}},{"id":"2"}]}"#);
    let out = locallens(&["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("releases[0].tender.value.amount"), "{text}");
    assert!(text.contains("releases[1]"), "{text}");
    assert!(text.contains("2 records read, 1 accepted, 1 rejected"), "{text}");
}

#[test]
fn validate_json_is_exactly_what_the_app_shows() {
    let bad = temp_file(
        "bom.json",
        b"\xEF\xBB\xBF{\"version\":\"1.1\",\"releases\":[{\"ocid\":\"x\",\"id\":\"1\",\"date\":\"2567-01-01\"}]}",
    );
    let out = locallens(&["validate", "--json", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let cli: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The app's Check page calls the same function on the same bytes.
    let app = locallens::ingest::validate::validate(bad.to_str().unwrap(), &std::fs::read(&bad).unwrap(), None);
    assert_eq!(cli, serde_json::to_value(vec![app]).unwrap());
    let codes: Vec<&str> = cli[0]["issues"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"bom") && codes.contains(&"buddhist-year"), "{codes:?}");
}

#[test]
fn compile_prints_one_compiled_release_per_process() {
    let Some(dir) = common::fixture("ocds-sample-data-fictional-1.1") else {
        return;
    };
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("ocds-213czf-000-00001-0"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 6);
    // Six packages, one process: the releases merge across files into the reference compiled release.
    let mut args = vec!["compile"];
    args.extend(files.iter().map(String::as_str));
    let out = locallens(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    let compiled: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let record: serde_json::Value =
        serde_json::from_slice(&common::read(&dir.join("record/ocds-213czf-000-00001.json"))).unwrap();
    assert_eq!(compiled, record["records"][0]["compiledRelease"]);
}

#[test]
fn budget_converts_a_wevis_file_with_the_year_from_its_folder() {
    let Some(path) = common::fixture("thai-pao-budgets/2565/pao-กำแพงเพชร.json") else {
        return;
    };
    let out = locallens(&["budget", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let budget: locallens::domain::budget::Budget = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(budget.fiscal_year.0, 2565);
    let total = locallens::domain::money::Total::from(locallens::domain::money::Satang::baht(722_522_700));
    assert_eq!(budget.allocated_total(), total);
    assert_eq!(budget.population, Some(712_143));
}

#[test]
fn compile_e_gp_rows_gzipped_with_a_report_of_every_row() {
    use std::io::Write;
    let rows = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/egp/real-rows.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&rows).unwrap();
    let input = temp_file("rows.jsonl.gz", &gz.finish().unwrap());
    let (out, report) = (temp_file("out.jsonl", b""), temp_file("report.json", b""));
    let run =
        locallens(&["compile", "--report", report.to_str().unwrap(), "--out", out.to_str().unwrap(), input.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let releases = std::fs::read_to_string(&out).unwrap();
    assert_eq!(releases.lines().count(), 5);
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let e = &r["egp"];
    assert_eq!(
        (e["rows"].as_u64(), e["used"].as_u64(), e["realigned"].as_u64(), e["rejected"].as_u64()),
        (Some(14), Some(11), Some(2), Some(1))
    );
    let issues = e["issues"].as_array().unwrap();
    let of = |code: &str| {
        issues.iter().filter(|i| i["code"] == code).map(|i| i["path"].as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(of("realigned"), vec!["line 3", "line 13"]);
    assert_eq!(of("misaligned"), vec!["line 14"]);
    assert!(issues.iter().all(|i| i["file"].as_str().unwrap().ends_with("rows.jsonl.gz")));
    assert_eq!(e["reasons"]["realigned"].as_u64(), Some(2));
    assert!(!std::path::Path::new(&format!("{}.issues.tmp", report.display())).exists(), "the spill file is removed");
}

#[test]
fn publish_writes_every_listed_file_with_its_checksum_and_flags_for_every_shard() {
    let real = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/real-62");
    let r = |f: &str| real.join(f).to_str().unwrap().to_string();
    let dir = std::env::temp_dir().join(format!("locallens-publish-{}", std::process::id()));
    let registry_catalog = dir.join("registry.json");
    std::fs::create_dir_all(&dir).unwrap();
    let out = locallens(&[
        "catalog",
        "--registry",
        &r("localAuthorities.json"),
        "--population",
        &r("population-2564.csv"),
        "--places",
        &r("th_adm1.geojson"),
        "--places",
        &r("th_adm2-62.geojson"),
        "--agencies",
        &r("agencies.csv"),
        "--province",
        "62",
        "--out",
        registry_catalog.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let data = dir.join("data");
    let report = dir.join("report.json");
    let out = locallens(&[
        "publish",
        "--catalog",
        registry_catalog.to_str().unwrap(),
        "--agencies",
        &r("agencies.csv"),
        "--report",
        report.to_str().unwrap(),
        "--out",
        data.to_str().unwrap(),
        &r("62.jsonl.gz"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The e-GP issues went to a file while the rows were read and are spliced back: every one the counts name.
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let issues = r["egp"]["issues"].as_array().unwrap();
    let counted: u64 = r["egp"]["reasons"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
    assert!(!issues.is_empty());
    assert_eq!(issues.len() as u64, counted);
    assert!(issues.iter().all(|i| i["file"].as_str().unwrap().ends_with("62.jsonl.gz") && i["path"].is_string()));
    assert!(r["publish"]["published"].as_u64().unwrap() > 10_000);
    assert!(!std::path::Path::new(&format!("{}.issues.tmp", report.display())).exists(), "the spill file is removed");
    let catalog: locallens::domain::catalog::Catalog =
        serde_json::from_slice(&std::fs::read(data.join("catalog.json")).unwrap()).unwrap();
    use locallens::domain::catalog::DatasetKind;
    let of = |kind| catalog.datasets.iter().filter(move |d| d.kind == kind);
    assert!(of(DatasetKind::Procurement).count() > 80);
    for d in &catalog.datasets {
        let bytes = std::fs::read(data.join(&d.url)).unwrap();
        let listed = d.sha256.as_deref().unwrap_or_else(|| panic!("{} has no sha256", d.url));
        assert!(locallens::ingest::checksum::same(&locallens::ingest::checksum::sha256_hex(&bytes), listed), "{}", d.url);
    }
    for p in of(DatasetKind::Procurement) {
        let flags = of(DatasetKind::Flags).find(|f| f.organisation == p.organisation && f.fiscal_year == p.fiscal_year);
        let flags = flags.unwrap_or_else(|| panic!("no flags for {}", p.url));
        let file: locallens::query::flags::precomputed::Precomputed =
            serde_json::from_slice(&std::fs::read(data.join(&flags.url)).unwrap()).unwrap();
        let lines = std::fs::read_to_string(data.join(&p.url)).unwrap().lines().count();
        // Every process of the shard was put to every indicator: evaluated or not evaluable, none skipped.
        let judged = file.evaluated.get("TH12").unwrap_or(&0) + file.not_evaluable.get("TH12").unwrap_or(&0);
        assert_eq!(judged, lines, "{}", flags.url);
        assert!(file.processes_in_run >= lines);
        assert!(file.by_row.is_some() && !file.results.contains_key("OCID"), "{} by row", flags.url);
    }
    // A page reads each run by row against the shard fetched before it: an organisation's, and a province's,
    // which holds each organisation's rows in its own shard's order.
    use locallens::query::load::{build, wanted, Want};
    let org = of(DatasetKind::Rows).find_map(|d| d.organisation.clone()).unwrap();
    for want in [Want::Org(&org), Want::Province("62")] {
        let fetched =
            wanted(&catalog, want).into_iter().map(|d| (d, Ok::<_, String>(std::fs::read(data.join(&d.url)).unwrap()))).collect();
        let loaded = build(&catalog, fetched);
        assert!(loaded.issues.is_empty(), "{want:?}: {:?}", loaded.issues);
        let flagged = loaded.precomputed.as_ref().map(|run| run.mask(&loaded.store).iter().filter(|&&f| f).count());
        assert!(flagged.is_some_and(|n| n > 0), "{want:?}: {flagged:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
