//! Shared helpers for fixture-driven tests.
#![allow(dead_code)]
use std::path::PathBuf;

/// `../shared/fixtures/<rel>` relative to the project root. A missing fixture folder is a loud failure
/// on CI (which always has it) and a visible skip elsewhere.
pub fn fixture(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared").join("fixtures").join(rel);
    if path.exists() {
        Some(path)
    } else if std::env::var_os("CI").is_some() {
        panic!("fixture {} is missing on CI", path.display());
    } else {
        skipped(&format!(
            "fixture {} not found (tests that read ../shared/fixtures need it beside the checkout)",
            path.display()
        ));
        None
    }
}

/// Says that a test skipped, where `make test` shows it after the run (cargo keeps a passing test's output to
/// itself): a line in target/skipped-tests.txt, and on stderr.
pub fn skipped(why: &str) {
    use std::io::Write;
    eprintln!("SKIPPED: {why}");
    let list = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("skipped-tests.txt");
    if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(list) {
        let _ = writeln!(f, "{why}");
    }
}

pub fn read(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
