//! `locallens compile`: OCDS and e-GP rows → one compiled release per process, as JSON Lines.
//!
//! e-GP row files stream through `egp::Compiler` one after another, so a country's rows fit in little memory.
//! OCDS files are read whole and compiled together, since releases of one process may be in several files.
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use locallens::ingest::validate::{self, DetectedFormat};
use locallens::ingest::{egp, egp_api, ocds, text};
use serde::Serialize;

use super::args::Args;
use super::spill::Spill;

/// What the report says of files that are not e-GP rows.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct OtherReport {
    file: String,
    format: String,
    read: usize,
    accepted: usize,
    rejected: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    egp: egp::Report,
    other: Vec<OtherReport>,
    other_issues: Vec<locallens::domain::issue::Issue>,
}

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let o = Args::parse(args, &["--report", "--out"], &[])?;
    if o.files.is_empty() {
        return Err(super::USAGE.to_string());
    }
    let sink: Box<dyn Write> = match o.value("--out") {
        Some(path) => Box::new(std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let mut write_error = None;
    let mut emit = |release: serde_json::Value| {
        if write_error.is_none() {
            let written = serde_json::to_writer(&mut out, &release)
                .map_err(|e| e.to_string())
                .and_then(|()| out.write_all(b"\n").map_err(|e| e.to_string()));
            if let Err(e) = written {
                write_error = Some(e);
            }
        }
    };

    let (mut compiler, spill) = Spill::compiler(o.value("--report"))?;
    let mut ocds_inputs = Vec::new();
    let mut report = Report { egp: egp::Report::default(), other: Vec::new(), other_issues: Vec::new() };
    for file in &o.files {
        let handle = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
        let head = first_bytes(&handle, 1 << 16).map_err(|e| format!("{file}: {e}"))?;
        if egp::detect_text(&text::head(&head, 1 << 16)) {
            // Read twice (see `Compiler::add_file`); a file gone between the passes reads as empty.
            let open = || -> Box<dyn std::io::Read> {
                match std::fs::File::open(file) {
                    Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 20, f)),
                    Err(_) => Box::new(std::io::empty()),
                }
            };
            compiler.add_file(file, open, &mut emit);
            continue;
        }
        let raw = super::read(file)?;
        let bytes = text::inflate(&raw).map_err(|e| format!("{file}: {e}"))?.into_owned();
        match validate::detect(&bytes) {
            DetectedFormat::EgpContracts => compiler.add_file(file, || bytes.as_slice(), &mut emit),
            DetectedFormat::EgpApi => {
                let parsed = egp_api::convert(file, &bytes);
                report.other.push(other(file, "e-GP API", &parsed.counts));
                report.other_issues.extend(parsed.issues);
                for release in parsed.values {
                    emit(release);
                }
            }
            DetectedFormat::Ocds => ocds_inputs.push((file.clone(), bytes)),
            other => return Err(format!("{file}: not procurement data ({})", other.label().en)),
        }
    }
    if !ocds_inputs.is_empty() {
        let refs: Vec<(&str, &[u8])> = ocds_inputs.iter().map(|(f, b)| (f.as_str(), b.as_slice())).collect();
        let parsed = ocds::compile_files(&refs);
        report.other.push(other(
            &ocds_inputs.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>().join(" "),
            "OCDS",
            &parsed.counts,
        ));
        report.other_issues.extend(parsed.issues);
        for process in parsed.values {
            emit(process.compiled);
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    if let Some(e) = write_error {
        return Err(e);
    }
    report.egp = compiler.finish();
    summarise(&report);
    // Rejected rows are reported, not fatal: the output holds everything else (`validate` is for checking).
    let nothing = report.egp.processes == 0 && report.other.iter().all(|o| o.accepted == 0);
    if let (Some(path), Some(spill)) = (o.value("--report"), spill) {
        spill.write_report(path, &report, &["egp", "issues"])?;
    }
    Ok(if nothing { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn other(file: &str, format: &str, counts: &locallens::domain::issue::RecordCounts) -> OtherReport {
    OtherReport {
        file: file.to_string(),
        format: format.to_string(),
        read: counts.read,
        accepted: counts.accepted,
        rejected: counts.rejected,
    }
}

/// The first `limit` bytes of a file, for recognising it without reading it all.
fn first_bytes(file: &std::fs::File, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    file.take(limit).read_to_end(&mut head)?;
    Ok(head)
}

/// A few lines on stderr: the counts, the money and the most frequent reasons.
fn summarise(report: &Report) {
    let r = &report.egp;
    if r.rows > 0 {
        eprintln!(
            "e-GP: {} rows: {} used, {} re-aligned, {} rejected; {} repeated a contract already read",
            r.rows, r.used, r.realigned, r.rejected, r.repeated
        );
        eprintln!("      {} processes, {} contracts, Σ contract value {} baht", r.processes, r.contracts, r.contract_value);
        eprintln!("      left out: repeated {} baht, rejected {} baht", r.repeated_value, r.rejected_value);
        let mut reasons: Vec<_> = r.reasons.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (code, n) in reasons.iter().take(8) {
            eprintln!("      {n:>9}  {code}");
        }
    }
    for o in &report.other {
        eprintln!("{}: {} — {} read, {} accepted, {} rejected", o.file, o.format, o.read, o.accepted, o.rejected);
    }
}
