//! Checks on the source itself, in the manner of rust-analyzer's tidy: the arrows between modules, a `//!`
//! line on every file, pure modules free of web crates, and no dead translation key.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files(under: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    rust_files(&src().join(under), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| (p.strip_prefix(src()).unwrap().display().to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

/// The code of a file that is not a test: what comes before its `#[cfg(test)]` module, unless the whole file
/// is a test (`tests.rs`, `test_data.rs`).
fn production(name: &str, text: &str) -> String {
    if name.ends_with("tests.rs") || name.ends_with("test_data.rs") {
        return String::new();
    }
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Each top-level module and the modules of the crate it may use. `ui` may use everything.
const ARROWS: [(&str, &[&str]); 6] = [
    ("domain", &["domain"]),
    ("ingest", &["domain", "ingest"]),
    ("query", &["domain", "ingest", "query"]),
    ("charts", &["domain", "query", "charts"]),
    ("demo", &["domain", "ingest", "demo"]),
    ("publish", &["domain", "ingest", "query", "publish"]),
];

const WEB_CRATES: [&str; 6] = ["leptos", "web_sys", "gloo", "js_sys", "wasm_bindgen", "console_error_panic_hook"];

fn uses_web(code: &str) -> Option<&'static str> {
    WEB_CRATES.into_iter().find(|c| code.contains(&format!("{c}::")) || code.contains(&format!("use {c}")))
}

#[test]
fn dependencies_point_one_way() {
    let mut checked = 0;
    for (module, allowed) in ARROWS {
        for (name, text) in files(module) {
            let code = production(&name, &text);
            for used in code.match_indices("crate::").map(|(i, _)| &code[i + 7..]) {
                let target: String = used.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                // A macro exported at the crate's root (`crate::coded_enum!`) belongs to no module.
                if used[target.len()..].starts_with('!') {
                    continue;
                }
                assert!(allowed.contains(&target.as_str()), "{name} uses crate::{target}: {module} may use only {allowed:?}");
            }
            assert_eq!(uses_web(&code), None, "{name}: the core must stay free of web crates");
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} core files found");
}

#[test]
fn the_pure_parts_of_the_ui_use_no_web_crate() {
    for module in ["ui/url_state.rs", "ui/query_string.rs", "ui/facets.rs", "ui/facets", "ui/format.rs", "ui/i18n"] {
        let path = src().join(module);
        let list =
            if path.is_dir() { files(module) } else { vec![(module.to_string(), std::fs::read_to_string(&path).unwrap())] };
        for (name, text) in list {
            assert_eq!(uses_web(&production(&name, &text)), None, "{name} is meant to be pure and tested natively");
        }
    }
}

#[test]
fn every_source_file_says_what_it_holds() {
    let mut missing = Vec::new();
    for (name, text) in files("") {
        // Files pulled in with include! cannot carry an inner doc comment.
        let included = text.starts_with("// Generated");
        if !included && !text.starts_with("//!") {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "files without a //! line: {missing:?}");
}

#[test]
fn every_translation_key_is_used() {
    let table = std::fs::read_to_string(src().join("ui/i18n/mod.rs")).unwrap();
    let block = table.split("keys! {").nth(1).expect("the keys! table");
    let keys: Vec<&str> = block
        .lines()
        .take_while(|l| !l.starts_with('}'))
        .filter_map(|l| l.trim().split_once(" =>").map(|(k, _)| k.trim()))
        .collect();
    assert!(keys.len() > 100, "only {} keys read", keys.len());
    let others: String = files("").into_iter().filter(|(n, _)| !n.starts_with("ui/i18n")).map(|(_, t)| t).collect();
    let dead: BTreeSet<&str> = keys.into_iter().filter(|k| !others.contains(&format!("Key::{k}"))).collect();
    assert!(dead.is_empty(), "translation keys used nowhere: {dead:?}");
}
