#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = locallens::ingest::wevis::parse("fuzz", data, locallens::domain::calendar::FiscalYear(2565));
});
