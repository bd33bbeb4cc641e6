//! OCDS merging and loading against real published files.
mod common;

use locallens::domain::issue::Severity;
use locallens::ingest::ocds::{self, merge};
use serde_json::Value;

#[test]
fn embedded_rules_match_the_schemas() {
    for (version, embedded) in [("1.1.5", merge::rules_1_1()), ("1.0.3", merge::rules_1_0())] {
        let Some(path) = common::fixture(&format!("ocds-{version}-schema/release-schema.json")) else {
            return;
        };
        let schema: Value = serde_json::from_slice(&common::read(&path)).unwrap();
        assert_eq!(merge::rules_from_schema(&schema), embedded, "rules for {version}");
    }
}

#[test]
fn six_fictional_packages_merge_to_the_reference_compiled_release() {
    let Some(dir) = common::fixture("ocds-sample-data-fictional-1.1") else {
        return;
    };
    let names = ["01-planning", "02-tender", "03-tenderAmendment", "04-award", "05-contract", "06-implementation"];
    // Feed the packages in reverse order: merging must order by date, not by input.
    let mut releases = Vec::new();
    for name in names.iter().rev() {
        let pkg: Value = serde_json::from_slice(&common::read(&dir.join(format!("ocds-213czf-000-00001-{name}.json")))).unwrap();
        releases.extend(pkg["releases"].as_array().unwrap().iter().cloned());
    }
    let package = serde_json::json!({"version": "1.1", "releases": releases});
    let compiled = ocds::compile("six", package.to_string().as_bytes());
    assert_eq!(compiled.values.len(), 1);
    let record: Value = serde_json::from_slice(&common::read(&dir.join("record/ocds-213czf-000-00001.json"))).unwrap();
    let expected = &record["records"][0]["compiledRelease"];
    assert_eq!(&compiled.values[0].compiled, expected);
    assert_eq!(compiled.values[0].history.len(), 6);
    assert_eq!(compiled.counts.read, 6);
    assert_eq!(compiled.counts.rejected, 0);
}

#[test]
fn combined_package_and_record_load_the_same_process() {
    let Some(dir) = common::fixture("ocds-sample-data-fictional-1.1") else {
        return;
    };
    let from_package = ocds::load("pkg", &common::read(&dir.join("ocds-213czf-000-00001.json")));
    let from_record = ocds::load("rec", &common::read(&dir.join("record/ocds-213czf-000-00001.json")));
    assert_eq!(from_package.values.len(), 1);
    assert_eq!(from_record.values.len(), 1);
    assert_eq!(from_package.values[0].compiled, from_record.values[0].compiled);
    let p = &from_package.values[0].compiled;
    assert_eq!(p.awards.len(), 1);
    assert_eq!(p.contracts.len(), 1);
    assert!(p.contracts[0].implementation.as_ref().is_some_and(|i| !i.transactions.is_empty()));
    assert_eq!(from_package.errors(), 0, "{:#?}", from_package.issues);
}

#[test]
fn paraguay_linked_records_load_through_compiled_release() {
    for name in ["274231.json", "275348.json", "277004.json"] {
        let Some(path) = common::fixture(&format!("ocds-real-paraguay-dncp-2017/{name}")) else {
            return;
        };
        let raw: Value = serde_json::from_slice(&common::read(&path)).unwrap();
        let parsed = ocds::load(name, &common::read(&path));
        let records = raw["records"].as_array().unwrap();
        assert_eq!(parsed.values.len(), records.len(), "{name}");
        for (process, record) in parsed.values.iter().zip(records) {
            let cr = &record["compiledRelease"];
            assert_eq!(process.compiled.ocid, cr["ocid"].as_str().unwrap());
            assert_eq!(process.compiled.awards.len(), cr["awards"].as_array().map_or(0, Vec::len), "{name} awards");
            assert_eq!(process.compiled.contracts.len(), cr["contracts"].as_array().map_or(0, Vec::len), "{name} contracts");
            assert_eq!(process.history.len(), record["releases"].as_array().unwrap().len(), "{name} history");
            assert!(process.history.iter().all(|h| h.url.is_some() && h.date.is_some()));
        }
        assert_eq!(parsed.issues.iter().filter(|i| i.severity == Severity::Error).count(), 0, "{name}: {:#?}", parsed.issues);
    }
}

#[test]
fn version_1_0_replaces_suppliers_as_a_whole_list() {
    let package = serde_json::json!({
        "releases": [
            {"ocid": "x", "id": "1", "date": "2015-01-01T00:00:00Z", "tag": ["award"], "awards": [{"id": "a", "suppliers": [{"identifier": {"id": "1"}, "name": "A"}]}]},
            {"ocid": "x", "id": "2", "date": "2015-02-01T00:00:00Z", "tag": ["awardUpdate"], "awards": [{"id": "a", "suppliers": [{"identifier": {"id": "2"}, "name": "B"}]}]}
        ]
    });
    let compiled = ocds::compile("v10", package.to_string().as_bytes());
    assert_eq!(
        compiled.values[0].compiled["awards"][0]["suppliers"],
        serde_json::json!([{"identifier": {"id": "2"}, "name": "B"}])
    );
    assert!(compiled.issues.iter().any(|i| i.code == "ocds-version" && i.en.contains("1.0")));
}

/// Our own packages whose compiled release follows from the reference implementation's rules
/// (tests/fixtures/merge/README.md).
#[test]
fn whole_lists_keep_nulls_and_empty_arrays_add_nothing_as_the_reference_does() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/merge");
    for name in ["v1.0-whole-list-with-nulls", "v1.1-empty-arrays"] {
        let input = common::read(&dir.join(format!("{name}.json")));
        let expected: Value = serde_json::from_slice(&common::read(&dir.join(format!("{name}.expected.json")))).unwrap();
        let compiled = ocds::compile(name, &input);
        assert_eq!(compiled.values.len(), 1, "{name}");
        assert_eq!(compiled.values[0].compiled, expected, "{name}");
    }
}
