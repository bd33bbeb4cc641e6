//! `locallens`: the publisher's command-line tool, built from the same core as the app.
//!
//!   locallens validate [--json] [--year N] FILE…   report issues; exit 1 if any file has errors
//!   locallens compile FILE…                        OCDS or e-GP rows → compiled releases, JSON Lines
//!   locallens budget [--year N] FILE               any supported budget format → our budget schema
//!   locallens flags [--settings FILE] [--no-meta] FILE…   red flags as Cardinal's JSON
//!   locallens merge-rules SCHEMA                   print the merge rules derived from a release schema
//!   locallens demo [--out DIR] [--processes N]     write the deterministic demonstration data
use std::io::Write;
use std::process::ExitCode;

use locallens::domain::calendar::FiscalYear;
use locallens::domain::issue::Issue;
use locallens::ingest::validate::{self, DetectedFormat};
use locallens::ingest::{budget, egp, ocds, wevis};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") => cmd_validate(&args[1..]),
        Some("compile") => cmd_compile(&args[1..]),
        Some("budget") => cmd_budget(&args[1..]),
        Some("merge-rules") => cmd_merge_rules(&args[1..]),
        Some("flags") => cmd_flags(&args[1..]),
        Some("demo") => cmd_demo(&args[1..]),
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
       locallens compile FILE…
       locallens budget [--year N] FILE
       locallens flags [--settings FILE] [--no-meta] FILE…
       locallens merge-rules SCHEMA
       locallens demo [--out DIR] [--processes N]";

struct Options {
    json: bool,
    no_meta: bool,
    settings: Option<String>,
    year: Option<FiscalYear>,
    out: Option<String>,
    processes: Option<usize>,
    files: Vec<String>,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o =
        Options { json: false, no_meta: false, settings: None, year: None, out: None, processes: None, files: Vec::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--no-meta" => o.no_meta = true,
            "--settings" => o.settings = Some(it.next().ok_or("--settings takes a Cardinal INI file")?.clone()),
            "--year" => {
                o.year = Some(FiscalYear(it.next().and_then(|y| y.parse().ok()).ok_or("--year takes a BE year such as 2565")?))
            }
            "--out" => o.out = Some(it.next().ok_or("--out takes a folder")?.clone()),
            "--processes" => o.processes = Some(it.next().and_then(|n| n.parse().ok()).ok_or("--processes takes a number")?),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            file => o.files.push(file.to_string()),
        }
    }
    Ok(o)
}

fn read(file: &str) -> Result<Vec<u8>, String> {
    std::fs::read(file).map_err(|e| format!("{file}: {e}"))
}

fn print_issue(out: &mut impl Write, issue: &Issue) {
    let _ = writeln!(out, "  {:<7} {}  {}\n          {}", issue.severity.as_str(), issue.path, issue.en, issue.th);
}

fn cmd_validate(args: &[String]) -> Result<ExitCode, String> {
    let o = options(args)?;
    if o.files.is_empty() {
        return Err(USAGE.to_string());
    }
    let mut reports = Vec::new();
    for file in &o.files {
        reports.push(validate::validate(file, &read(file)?, o.year));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if o.json {
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

fn cmd_compile(args: &[String]) -> Result<ExitCode, String> {
    let o = options(args)?;
    if o.files.is_empty() {
        return Err(USAGE.to_string());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut releases: Vec<serde_json::Value> = Vec::new();
    let mut issues: Vec<Issue> = Vec::new();
    let mut ocds_inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for file in &o.files {
        let bytes = read(file)?;
        if validate::detect(&bytes) == DetectedFormat::EgpContracts {
            let p = egp::convert(file, &bytes);
            releases.extend(p.values);
            issues.extend(p.issues);
        } else {
            ocds_inputs.push((file.clone(), bytes));
        }
    }
    // Releases of one process may be spread over several files: they are compiled together.
    let inputs: Vec<(&str, &[u8])> = ocds_inputs.iter().map(|(f, b)| (f.as_str(), b.as_slice())).collect();
    let compiled = ocds::compile_files(&inputs);
    releases.extend(compiled.values.into_iter().map(|c| c.compiled));
    issues.extend(compiled.issues);
    for release in &releases {
        serde_json::to_writer(&mut out, release).map_err(|e| e.to_string())?;
        let _ = writeln!(out);
    }
    let mut failed = false;
    for issue in issues.iter().filter(|i| i.severity > locallens::domain::issue::Severity::Info) {
        eprintln!("{issue}");
        failed |= issue.severity == locallens::domain::issue::Severity::Error;
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn cmd_budget(args: &[String]) -> Result<ExitCode, String> {
    let o = options(args)?;
    let [file] = o.files.as_slice() else {
        return Err(USAGE.to_string());
    };
    let bytes = read(file)?;
    let parsed = match validate::detect(&bytes) {
        DetectedFormat::WevisPaoBudget => {
            let year = o
                .year
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
    let o = options(args)?;
    if o.files.is_empty() {
        return Err(USAGE.to_string());
    }
    let mut engine = match &o.settings {
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
    println!("{}", outcome.to_cardinal_json(!o.no_meta));
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
    let o = options(args)?;
    let out = std::path::PathBuf::from(o.out.unwrap_or_else(|| "public/data".into()));
    if let Some(n) = o.processes {
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
