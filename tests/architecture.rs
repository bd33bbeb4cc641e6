//! The core (domain, ingest, query, charts, demo) is plain Rust: it never imports the web or UI crates.
use std::path::Path;

const FORBIDDEN: [&str; 6] = ["leptos", "web_sys", "gloo", "js_sys", "wasm_bindgen", "console_error_panic_hook"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_modules_do_not_import_web_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for module in ["domain", "ingest", "query", "charts", "demo"] {
        let mut files = Vec::new();
        rust_files(&src.join(module), &mut files);
        assert!(!files.is_empty(), "src/{module} has no Rust files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for crate_name in FORBIDDEN {
                    let uses = code.contains(&format!("{crate_name}::")) || code.contains(&format!("use {crate_name}"));
                    assert!(
                        !uses,
                        "{}:{} imports {crate_name}: the core must stay free of web dependencies",
                        file.display(),
                        n + 1
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} core files found");
}
