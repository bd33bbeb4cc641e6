#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let p = locallens::ingest::egp::convert("fuzz", data);
    assert_eq!(p.counts.read, p.counts.accepted + p.counts.rejected);
});
