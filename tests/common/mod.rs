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
        eprintln!(
            "SKIPPED: fixture {} not found (tests that read ../shared/fixtures need it beside the checkout)",
            path.display()
        );
        None
    }
}

pub fn read(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
