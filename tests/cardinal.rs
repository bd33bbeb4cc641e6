//! Every pair in ../shared/fixtures/cardinal-indicators: the settings its file name encodes, plus the
//! harness-wide `no_price_comparison_procurement_methods = NPC` and `[exclusions] procurement_method_details = EXC`,
//! must give exactly the expected output (floats within 1e-9). No fixture is skipped.
mod common;

use std::collections::HashMap;

use locallens::ingest::ocds;
use locallens::query::flags::settings::Ini;
use locallens::query::flags::Engine;
use serde_json::Value;

/// `R003-procurement_method_details-x-5-y-10` → the INI Cardinal's own test harness would write.
fn settings_for(stem: &str) -> String {
    let parts: Vec<&str> = stem.split('-').collect();
    let code = parts[0];
    let rest = &parts[1..];
    let mut ini =
        format!("no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n[{code}]\n");
    match rest {
        [] | ["tenderer"] => {}
        ["procurement_method_details", pairs @ ..] => {
            ini.push_str(&format!("[{code}.procurement_method_details]\n"));
            for pair in pairs.chunks(2) {
                ini.push_str(&format!("{} = {}\n", pair[0], pair[1]));
            }
        }
        [key, value] => ini.push_str(&format!("{key} = {}\n", value.replace('+', "|"))),
        other => panic!("{stem}: cannot decode settings from {other:?}"),
    }
    ini
}

fn assert_same(stem: &str, actual: &Value, expected: &Value) {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            let mut ak: Vec<&String> = a.keys().collect();
            let mut ek: Vec<&String> = e.keys().collect();
            ak.sort();
            ek.sort();
            assert_eq!(ak, ek, "{stem}: keys differ\nactual:   {actual}\nexpected: {expected}");
            for k in e.keys() {
                assert_same(stem, &a[k], &e[k]);
            }
        }
        (Value::Number(a), Value::Number(e)) => {
            let (a, e) = (a.as_f64().unwrap(), e.as_f64().unwrap());
            assert!((a - e).abs() <= 1e-9 * e.abs().max(1.0), "{stem}: {a} != {e}");
        }
        _ => assert_eq!(actual, expected, "{stem}"),
    }
}

#[test]
fn every_cardinal_fixture_matches_exactly() {
    let Some(dir) = common::fixture("cardinal-indicators") else {
        return;
    };
    let mut stems: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".jsonl").map(str::to_string)
        })
        .collect();
    stems.sort();
    assert_eq!(stems.len(), 15, "the README lists 15 pairs");
    let mut failures = Vec::new();
    for stem in &stems {
        let input = common::read(&dir.join(format!("{stem}.jsonl")));
        let expected: Value = serde_json::from_slice(&common::read(&dir.join(format!("{stem}.expected")))).unwrap();
        let parsed = ocds::load(stem, &input);
        assert_eq!(parsed.counts.rejected, 0, "{stem}: {:#?}", parsed.issues);
        let ini = Ini::parse(&settings_for(stem)).unwrap();
        let mut engine = Engine::from_ini(&ini).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let outcome = engine.run(parsed.values.iter().map(|p| &p.compiled), &HashMap::new());
        let actual = outcome.to_cardinal_json(false);
        if std::panic::catch_unwind(|| assert_same(stem, &actual, &expected)).is_err() {
            failures.push(format!("{stem}\n  actual:   {actual}\n  expected: {expected}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} fixtures differ:\n{}", failures.len(), stems.len(), failures.join("\n"));
}
