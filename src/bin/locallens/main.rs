//! `locallens`: the publisher's command-line tool, built from the same core as the app.
//!
//!   locallens validate [--json] [--year N] FILE…   report issues; exit 1 if any file has errors
//!   locallens compile [--report F] [--out F] FILE…   OCDS or e-GP rows (gzip or not) → compiled releases, JSON Lines
//!   locallens catalog --registry F --population F [--places F]… [--agencies F] [--province CODE]… [--codes F]
//!                     [--report F] [--out F]      the national registers → a catalog of organisations
//!   locallens publish --catalog F --out DIR [--agencies F] [--budget-year N] [--report F] INPUT…
//!                                                  raw files → the data folder the app reads
//!   locallens boundaries --out DIR GEOJSON…      province and district boundaries → the maps' compact files
//!   locallens budget [--year N] FILE               any supported budget format → our budget schema
//!   locallens flags [--settings FILE] [--no-meta] FILE…   red flags as Cardinal's JSON
//!   locallens merge-rules SCHEMA                   print the merge rules derived from a release schema
//!   locallens demo [--out DIR] [--processes N]     write the deterministic demonstration data
mod args;
mod boundaries;
mod catalog;
mod compile;
mod publish;
mod spill;

use std::io::Write;
use std::process::ExitCode;

use args::Args;
use locallens::domain::calendar::FiscalYear;
use locallens::domain::issue::Issue;
use locallens::ingest::validate::{self, DetectedFormat};
use locallens::ingest::{budget, ocds, wevis};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("validate") => cmd_validate(rest),
        Some("compile") => compile::run(rest),
        Some("catalog") => catalog::run(rest),
        Some("boundaries") => boundaries::run(rest),
        Some("publish") => publish::run(rest),
        Some("budget") => cmd_budget(rest),
        Some("merge-rules") => cmd_merge_rules(rest),
        Some("flags") => cmd_flags(rest),
        Some("demo") => cmd_demo(rest),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

const USAGE: &str = "usage: locallens validate [--json] [--year N] FILE…
       locallens compile [--report FILE] [--out FILE] FILE…
       locallens catalog --registry FILE --population FILE [--population-year N] [--places FILE]… [--agencies FILE]
                         [--province CODE]… [--codes FILE] [--report FILE] [--out FILE]
       locallens publish --catalog FILE --out DIR [--agencies FILE] [--budget-year N] [--report FILE] INPUT…
       locallens boundaries --out DIR GEOJSON…
       locallens budget [--year N] FILE
       locallens flags [--settings FILE] [--no-meta] FILE…
       locallens merge-rules SCHEMA
       locallens demo [--out DIR] [--processes N]";

fn read(file: &str) -> Result<Vec<u8>, String> {
    std::fs::read(file).map_err(|e| format!("{file}: {e}"))
}

fn print_issue(out: &mut impl Write, issue: &Issue) {
    let _ = writeln!(out, "  {:<7} {}  {}\n          {}", issue.severity.as_str(), issue.path, issue.en, issue.th);
}

/// A BE year given on the command line.
fn year(args: &Args, name: &str) -> Result<Option<FiscalYear>, String> {
    args.value(name).map(|y| y.parse().map(FiscalYear).map_err(|_| format!("{name} takes a BE year such as 2565"))).transpose()
}

fn cmd_validate(args: &[String]) -> Result<ExitCode, String> {
    let o = Args::parse(args, &["--year"], &["--json"])?;
    if o.files.is_empty() {
        return Err(USAGE.to_string());
    }
    let year = year(&o, "--year")?;
    let mut reports = Vec::new();
    for file in &o.files {
        reports.push(validate::validate(file, &read(file)?, year));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if o.switch("--json") {
        serde_json::to_writer_pretty(&mut out, &reports).map_err(|e| e.to_string())?;
        let _ = writeln!(out);
    } else {
        for r in &reports {
            let _ = writeln!(
                out,
                "{}: {} — {} records read, {} accepted, {} rejected; {} errors, {} warnings",
                r.file,
                r.format.label().en,
                r.counts.read,
                r.counts.accepted,
                r.counts.rejected,
                r.errors,
                r.warnings
            );
            for issue in &r.issues {
                print_issue(&mut out, issue);
            }
        }
    }
    Ok(if reports.iter().all(validate::Report::ok) { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn cmd_budget(args: &[String]) -> Result<ExitCode, String> {
    let o = Args::parse(args, &["--year"], &[])?;
    let [file] = o.files.as_slice() else {
        return Err(USAGE.to_string());
    };
    let bytes = read(file)?;
    let parsed = match validate::detect(&bytes) {
        DetectedFormat::WevisPaoBudget => {
            let year = year(&o, "--year")?
                .or_else(|| wevis::year_from_path(file))
                .ok_or("this format has no fiscal year: give --year (BE), e.g. --year 2565")?;
            wevis::parse(file, &bytes, year)
        }
        DetectedFormat::LocallensBudget => budget::parse(file, &bytes),
        other => return Err(format!("{file}: not a budget ({})", other.label().en)),
    };
    for issue in &parsed.issues {
        eprintln!("{issue}");
    }
    match parsed.values {
        Some(b) => {
            println!("{}", serde_json::to_string_pretty(&b).map_err(|e| e.to_string())?);
            Ok(if parsed.issues.iter().any(|i| i.severity == locallens::domain::issue::Severity::Error) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        None => Ok(ExitCode::FAILURE),
    }
}

fn cmd_flags(args: &[String]) -> Result<ExitCode, String> {
    use locallens::query::flags::{settings::Ini, Engine};
    let o = Args::parse(args, &["--settings"], &["--no-meta"])?;
    if o.files.is_empty() {
        return Err(USAGE.to_string());
    }
    let mut engine = match o.value("--settings") {
        Some(path) => {
            let text = String::from_utf8(read(path)?).map_err(|e| format!("{path}: {e}"))?;
            Engine::from_ini(&Ini::parse(&text).map_err(|e| format!("{path}: {e}"))?).map_err(|e| format!("{path}: {e}"))?
        }
        None => Engine::all_defaults(),
    };
    let inputs: Vec<(String, Vec<u8>)> = o.files.iter().map(|f| read(f).map(|b| (f.clone(), b))).collect::<Result<_, _>>()?;
    let refs: Vec<(&str, &[u8])> = inputs.iter().map(|(f, b)| (f.as_str(), b.as_slice())).collect();
    let loaded = ocds::load_files(&refs);
    for issue in loaded.issues.iter().filter(|i| i.severity == locallens::domain::issue::Severity::Error) {
        eprintln!("{issue}");
    }
    let releases: Vec<_> = loaded.values.into_iter().map(|p| p.compiled).collect();
    let outcome = engine.run(releases.iter(), &std::collections::HashMap::new());
    println!("{}", outcome.to_cardinal_json(!o.switch("--no-meta")));
    Ok(ExitCode::SUCCESS)
}

fn cmd_merge_rules(args: &[String]) -> Result<ExitCode, String> {
    let [file] = args else {
        return Err(USAGE.to_string());
    };
    let schema: serde_json::Value = serde_json::from_slice(&read(file)?).map_err(|e| format!("{file}: {e}"))?;
    let rules = ocds::merge::rules_from_schema(&schema);
    println!("omit: {:?}", rules.omit);
    println!("whole_list: {:?}", rules.whole_list);
    Ok(ExitCode::SUCCESS)
}

fn cmd_demo(args: &[String]) -> Result<ExitCode, String> {
    let o = Args::parse(args, &["--out", "--processes"], &[])?;
    let out = std::path::PathBuf::from(o.value("--out").unwrap_or("public/demo"));
    let processes = o.value("--processes").map(|n| n.parse::<usize>().map_err(|_| "--processes takes a number")).transpose()?;
    if let Some(n) = processes {
        // Scale data for benchmarks: JSON Lines of compiled releases, not committed.
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        let path = out.join(format!("scale-{n}.jsonl"));
        let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut writer = std::io::BufWriter::new(file);
        locallens::demo::write_scale(n, &mut writer).map_err(|e| e.to_string())?;
        writer.flush().map_err(|e| e.to_string())?;
        eprintln!("wrote {}", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    for file in locallens::demo::generate() {
        let path = out.join(&file.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, &file.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!("wrote demonstration data to {}", out.display());
    Ok(ExitCode::SUCCESS)
}
