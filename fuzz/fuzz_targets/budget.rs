#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(b) = locallens::ingest::budget::parse("fuzz", data).values {
        let _ = b.allocated_total();
    }
});
