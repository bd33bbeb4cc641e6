//! `locallens catalog`: the national registers → catalog.json, and a report of the join with e-GP's agencies.
use std::collections::HashMap;
use std::process::ExitCode;

use locallens::domain::codes::Code;
use locallens::domain::issue::{Issue, Parsed};

/// The values of a register, its issues kept for the report.
fn take<T>(issues: &mut Vec<Issue>, p: Parsed<T>) -> T {
    issues.extend(p.issues);
    p.values
}
use locallens::ingest::registry::{self, Registers, Selection};

use super::args::Args;

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let o = Args::parse(
        args,
        &[
            "--registry",
            "--population",
            "--population-year",
            "--places",
            "--agencies",
            "--province",
            "--codes",
            "--type",
            "--report",
            "--out",
        ],
        &[],
    )?;
    if !o.files.is_empty() {
        return Err(format!("unexpected {}\n{}", o.files.join(" "), super::USAGE));
    }
    let mut issues: Vec<Issue> = Vec::new();
    let registry_file = o.required("--registry")?;
    let entries = take(&mut issues, registry::dla(registry_file, &super::read(registry_file)?));
    let population = match o.value("--population") {
        Some(file) => {
            let year = match o.value("--population-year") {
                Some(y) => y.parse().map_err(|_| "--population-year takes a BE year such as 2564")?,
                None => year_in_name(file).ok_or("give --population-year: the file name has no BE year")?,
            };
            take(&mut issues, registry::population(file, &super::read(file)?, year))
        }
        None => HashMap::new(),
    };
    let place_files: Vec<(String, Vec<u8>)> =
        o.values("--places").iter().map(|f| super::read(f).map(|b| (f.clone(), b))).collect::<Result<_, _>>()?;
    let refs: Vec<(&str, &[u8])> = place_files.iter().map(|(f, b)| (f.as_str(), b.as_slice())).collect();
    let places = take(&mut issues, registry::places(&refs));
    let agencies = match o.value("--agencies") {
        Some(file) => take(&mut issues, registry::agencies(file, &super::read(file)?)),
        None => Vec::new(),
    };
    let mut selection = Selection { provinces: o.values("--province").iter().cloned().collect(), ..Selection::default() };
    for t in o.values("--type") {
        let org_type = locallens::domain::org::OrgType::from_code(t)
            .ok_or_else(|| format!("--type {t}: not an organisation type (pao, city_municipality, …, sao, bangkok, pattaya)"))?;
        selection.types.insert(org_type);
    }
    if let Some(file) = o.value("--codes") {
        let text = String::from_utf8(super::read(file)?).map_err(|e| format!("{file}: {e}"))?;
        selection.codes =
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect();
    }
    let (catalog, mut report) = registry::catalog(&Registers {
        entries: &entries,
        population: &population,
        places: &places,
        agencies: &agencies,
        selection: &selection,
    });
    report.issues = issues;
    let json = serde_json::to_vec_pretty(&catalog).map_err(|e| e.to_string())?;
    match o.value("--out") {
        Some(path) => std::fs::write(path, &json).map_err(|e| format!("{path}: {e}"))?,
        None => {
            use std::io::Write;
            std::io::stdout().lock().write_all(&json).map_err(|e| e.to_string())?;
        }
    }
    let j = &report.join;
    eprintln!(
        "{} organisations ({} with a population figure); {} agencies considered: {} joined, {} not joined; {} organisations without e-GP rows",
        report.organisations,
        report.with_population,
        report.agencies,
        j.joined.len(),
        j.unjoined.len(),
        j.without_agency.len()
    );
    for issue in &report.issues {
        eprintln!("{issue}");
    }
    if let Some(path) = o.value("--report") {
        std::fs::write(path, serde_json::to_vec_pretty(&report).map_err(|e| e.to_string())?)
            .map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(if report.organisations == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// `population-2564.csv` → 2564.
fn year_in_name(file: &str) -> Option<i32> {
    let name = std::path::Path::new(file).file_stem()?.to_str()?;
    name.split(|c: char| !c.is_ascii_digit()).filter_map(|d| d.parse().ok()).find(|y| (2400..2700).contains(y))
}
