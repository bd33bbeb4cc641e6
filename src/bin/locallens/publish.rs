//! `locallens publish`: a catalog and raw files → the data folder the app reads (`publish` in the library
//! decides where everything goes; this file reads and writes). e-GP rows stream file by file, and each
//! file's releases are appended to their shards before the next file is read.
use locallens::query::overview::PublishedYear;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use locallens::domain::issue::{Issue, Severity};
use locallens::ingest::validate::{self, DetectedFormat};
use locallens::ingest::{budget, catalog, egp, ocds, registry, text, wevis};
use locallens::publish::{self, Publication};
use serde::Serialize;

use super::args::Args;
use super::spill::Spill;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    publish: publish::Report,
    egp: egp::Report,
    /// Errors in OCDS and budget inputs.
    issues: Vec<Issue>,
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let o = Args::parse(args, &["--catalog", "--out", "--agencies", "--budget-year", "--report"], &[])?;
    let catalog_file = o.required("--catalog")?;
    let out = PathBuf::from(o.required("--out")?);
    let parsed = catalog::parse(catalog_file, &super::read(catalog_file)?);
    let catalog = parsed
        .values
        .ok_or_else(|| format!("{catalog_file}: not a catalog: {:?}", parsed.issues.first().map(ToString::to_string)))?;
    let capped: HashSet<(String, String)> = match o.value("--agencies") {
        Some(file) => registry::agencies(file, &super::read(file)?)
            .values
            .into_iter()
            .filter(|a| a.capped)
            .map(|a| (a.province, a.name))
            .collect(),
        None => HashSet::new(),
    };
    // Shards are appended to: start from empty folders, and only the folders this command owns.
    for dir in ["procurement", "budget", "flags", "rows", "csv", "overview"] {
        let dir = out.join(dir);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut publication = Publication::new(catalog, capped);
    let (mut compiler, spill) = Spill::compiler(o.value("--report"))?;
    let mut issues = Vec::new();
    let mut ocds_inputs = Vec::new();
    for file in &o.files {
        let raw = super::read(file)?;
        if egp::detect_text(&text::head(&raw, 1 << 16)) {
            compiler.add_file(file, || raw.as_slice(), &mut |r| publication.add_release(r));
            append(&out, publication.take_pending())?;
            continue;
        }
        let bytes = text::inflate(&raw).map_err(|e| format!("{file}: {e}"))?.into_owned();
        match validate::detect(&bytes) {
            DetectedFormat::Ocds => ocds_inputs.push((file.clone(), bytes)),
            DetectedFormat::WevisPaoBudget => {
                let year = super::year(&o, "--budget-year")?
                    .or_else(|| wevis::year_from_path(file))
                    .ok_or(format!("{file}: give --budget-year (BE)"))?;
                let parsed = wevis::parse(file, &bytes, year);
                issues.extend(parsed.issues.into_iter().filter(|i| i.severity == Severity::Error));
                write_budget(&out, &mut publication, parsed.values)?;
            }
            DetectedFormat::LocallensBudget => {
                let parsed = budget::parse(file, &bytes);
                issues.extend(parsed.issues.into_iter().filter(|i| i.severity == Severity::Error));
                write_budget(&out, &mut publication, parsed.values)?;
            }
            other => return Err(format!("{file}: cannot publish {}", other.label().en)),
        }
    }
    if !ocds_inputs.is_empty() {
        let refs: Vec<(&str, &[u8])> = ocds_inputs.iter().map(|(f, b)| (f.as_str(), b.as_slice())).collect();
        let parsed = ocds::compile_files(&refs);
        issues.extend(parsed.issues.into_iter().filter(|i| i.severity == Severity::Error));
        for process in parsed.values {
            publication.add_release(process.compiled);
        }
        append(&out, publication.take_pending())?;
    }
    // What compiling kept (every contract's key, to spot repeats across files) is not needed past the inputs:
    // freed before the flags run, which holds the most.
    let compiled = compiler.finish();
    let (mut catalog, published) = publication.finish();
    let flag_files = write_flags(&out, &mut catalog)?;
    let (org_shards, province_shards, overview) = write_rows(&out, &mut catalog)?;
    for year in overview.into_values() {
        let (path, bytes) = publish::add_overview(&mut catalog, &year);
        std::fs::write(out.join(&path), bytes).map_err(|e| format!("{path}: {e}"))?;
    }
    for d in catalog.datasets.iter_mut().filter(|d| d.size.is_none()) {
        d.size = std::fs::metadata(out.join(&d.url)).ok().map(|m| m.len());
    }
    let (catalog, parts) = publish::split(catalog);
    if !parts.is_empty() {
        std::fs::create_dir_all(out.join("catalog")).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    for (path, bytes) in &parts {
        std::fs::write(out.join(path), bytes).map_err(|e| format!("{path}: {e}"))?;
    }
    let mut json = serde_json::to_vec_pretty(&catalog).map_err(|e| e.to_string())?;
    json.push(b'\n');
    std::fs::write(out.join("catalog.json"), json).map_err(|e| format!("{}: {e}", out.display()))?;
    let report = Report { publish: published, egp: compiled, issues };
    let p = &report.publish;
    eprintln!(
        "{} releases: {} published in {} datasets ({} marked incomplete), {} of buyers not in the catalog ({} buyers), {} without a fiscal year; {} budgets",
        p.releases,
        p.published,
        p.datasets,
        p.incomplete,
        p.unplaced_releases,
        p.unplaced.len(),
        p.without_year,
        p.budgets.len()
    );
    eprintln!("flags: {flag_files} files, one per organisation and fiscal year, with the app's default settings");
    eprintln!("explorer shards: {org_shards} of organisations, {province_shards} of provinces (rows/), each province's also as CSV (csv/)");
    if report.egp.rows > 0 {
        let e = &report.egp;
        eprintln!(
            "e-GP rows: {} read, {} used, {} re-aligned, {} rejected, {} repeated",
            e.rows, e.used, e.realigned, e.rejected, e.repeated
        );
    }
    for name in &p.unplaced_budgets {
        eprintln!("budget of {name}: no organisation of the catalog has this name");
    }
    for issue in &report.issues {
        eprintln!("{issue}");
    }
    if let (Some(path), Some(spill)) = (o.value("--report"), spill) {
        spill.write_report(path, &report, &["egp", "issues"])?;
    }
    let failed = !report.issues.is_empty() || !report.publish.unplaced_budgets.is_empty();
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Runs the flags of each fiscal year over the shards just written, reading them back one process at a time,
/// and writes each organisation's part. Returns how many files were written.
fn write_flags(out: &Path, catalog: &mut locallens::domain::catalog::Catalog) -> Result<usize, String> {
    use locallens::domain::catalog::DatasetKind;
    use locallens::query::flags::precomputed::run_year;
    let peers = locallens::query::peers::peer_groups(&catalog.organisations);
    let mut by_year: BTreeMap<i32, Vec<(String, PathBuf)>> = BTreeMap::new();
    for d in catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Procurement) {
        if let (Some(code), Some(year)) = (&d.organisation, d.fiscal_year) {
            by_year.entry(year.0).or_default().push((code.clone(), out.join(&d.url)));
        }
    }
    let failure = RefCell::new(None);
    let mut written = 0;
    for (year, shards) in by_year {
        let processes = shards.iter().flat_map(|(code, path)| {
            let lines = match std::fs::File::open(path) {
                Ok(f) => Some(BufReader::new(f).lines()),
                Err(e) => {
                    failure.borrow_mut().get_or_insert(format!("{}: {e}", path.display()));
                    None
                }
            };
            lines.into_iter().flatten().enumerate().map_while(|(n, line)| {
                match line.map_err(|e| e.to_string()).and_then(|l| read_release(&l)) {
                    Ok(release) => Some((code.clone(), release)),
                    Err(e) => {
                        failure.borrow_mut().get_or_insert(format!("{}:{}: {e}", path.display(), n + 1));
                        None
                    }
                }
            })
        });
        let files = run_year(year, &peers, processes);
        if let Some(e) = failure.borrow_mut().take() {
            return Err(e);
        }
        for file in &files {
            let (path, bytes) = publish::add_flags(catalog, file);
            std::fs::write(out.join(&path), bytes).map_err(|e| format!("{path}: {e}"))?;
            written += 1;
        }
    }
    publish::sort_datasets(catalog);
    Ok(written)
}

/// Writes the explorer shards: each organisation's and year's, and each province's and year's (with its flags
/// as one file and its rows as CSV for analysts). Reads one organisation's releases at a time and keeps one
/// province's columns: memory stays bounded by the largest province, not the country.
/// Also returns the overview's procurement figures of each fiscal year, from the same province stores.
fn write_rows(
    out: &Path,
    catalog: &mut locallens::domain::catalog::Catalog,
) -> Result<(usize, usize, BTreeMap<i32, PublishedYear>), String> {
    use locallens::domain::calendar::FiscalYear;
    use locallens::domain::catalog::DatasetKind;
    use locallens::domain::ocds::Process;
    use locallens::query::flags::precomputed::Precomputed;
    use locallens::query::flags::yearly::ByYear;
    use locallens::query::{rows, store::Store};
    let (mut orgs, mut provinces) = (0, 0);
    let mut overview: BTreeMap<i32, PublishedYear> = BTreeMap::new();
    for ((province, year), members) in publish::by_province(catalog) {
        let mut whole = Store::default();
        let mut flags = Vec::new();
        for (code, url) in members {
            let path = out.join(&url);
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut processes = Vec::new();
            for (n, line) in text.lines().enumerate() {
                let compiled = read_release(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
                processes.push(Process { compiled, history: Vec::new() });
            }
            let mut store = Store::default();
            store.add(Some(&code), Some(FiscalYear(year)), processes);
            let all: Vec<u32> = (0..store.len() as u32).collect();
            let bytes = rows::encode(&store, &all);
            let written = publish::add_rows(catalog, Some(&code), &province, year, &bytes);
            std::fs::write(out.join(&written), &bytes).map_err(|e| format!("{written}: {e}"))?;
            rows::decode_into(&mut whole, &bytes).map_err(|e| format!("{written}: {e}"))?;
            orgs += 1;
            let own = catalog.datasets.iter().find(|d| {
                d.kind == DatasetKind::Flags
                    && d.organisation.as_deref() == Some(&code)
                    && d.fiscal_year == Some(FiscalYear(year))
            });
            // The run by this shard's rows: its ocids need not be in the file.
            if let Some(url) = own.map(|d| d.url.clone()) {
                let bytes = std::fs::read(out.join(&url)).map_err(|e| format!("{url}: {e}"))?;
                let run: Precomputed = serde_json::from_slice(&bytes).map_err(|e| format!("{url}: {e}"))?;
                // As the browser will list them from its store (`Builder::flags_part`).
                let mut rows_of = locallens::query::flags::precomputed::RowsOf::default();
                rows_of.update(&store);
                let ocids = rows_of.ocids(&store, &code, year);
                let bytes = publish::flags_by_rows(catalog, &url, run, &ocids);
                std::fs::write(out.join(&url), &bytes).map_err(|e| format!("{url}: {e}"))?;
                flags.push(bytes);
            }
        }
        let all: Vec<u32> = (0..whole.len() as u32).collect();
        let bytes = rows::encode(&whole, &all);
        let written = publish::add_rows(catalog, None, &province, year, &bytes);
        std::fs::write(out.join(&written), &bytes).map_err(|e| format!("{written}: {e}"))?;
        whole.describe_orgs(&catalog.organisations);
        let csv = locallens::query::export::processes_csv(&whole, &all, locallens::domain::lang::Lang::En, None);
        let csv_path = format!("csv/province-{province}-{year}.csv");
        std::fs::write(out.join(&csv_path), csv).map_err(|e| format!("{csv_path}: {e}"))?;
        // The province's figures for the overview, flagged by the published run it is about to write.
        let parsed: Result<Vec<Precomputed>, _> = flags.iter().map(|f| serde_json::from_slice(f)).collect();
        let mask =
            parsed.ok().and_then(|files| ByYear::from_precomputed(&files, &whole).ok()).map(|by_year| by_year.mask(&whole));
        let figures = PublishedYear::of(&whole, year, mask.as_deref());
        match overview.entry(year) {
            std::collections::btree_map::Entry::Occupied(mut y) => y.get_mut().merge(figures),
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(figures);
            }
        }
        let (path, bytes) = publish::add_province_flags(catalog, &province, year, &flags);
        std::fs::write(out.join(&path), bytes).map_err(|e| format!("{path}: {e}"))?;
        provinces += 1;
    }
    publish::sort_datasets(catalog);
    Ok((orgs, provinces, overview))
}

/// One line of a shard this command wrote: a compiled release.
fn read_release(line: &str) -> Result<locallens::domain::ocds::Release, String> {
    use locallens::domain::issue::JsonPath;
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let object = value.as_object().ok_or("not a release")?;
    let mut reader = locallens::ingest::reader::Reader::new("shard", JsonPath::root());
    locallens::ingest::ocds::release::read_release(&mut reader, object).ok_or_else(|| "not a release".to_string())
}

fn write_budget(
    out: &Path,
    publication: &mut Publication,
    budget: Option<locallens::domain::budget::Budget>,
) -> Result<(), String> {
    if let Some((path, bytes)) = budget.and_then(|b| publication.add_budget(b, None)) {
        std::fs::write(out.join(&path), bytes).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}

fn append(out: &Path, pending: Vec<(String, Vec<u8>)>) -> Result<(), String> {
    for (path, bytes) in pending {
        let path = out.join(path);
        let mut file =
            std::fs::OpenOptions::new().create(true).append(true).open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        file.write_all(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
