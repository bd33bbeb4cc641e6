#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = locallens::ingest::validate::validate("fuzz", data, None);
    assert_eq!(report.errors, report.issues.iter().filter(|i| i.severity == locallens::domain::issue::Severity::Error).count());
});
