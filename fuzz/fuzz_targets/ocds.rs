#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let p = locallens::ingest::ocds::load("fuzz", data);
    // Whatever the input, every record read is either accepted or rejected.
    assert_eq!(p.counts.read, p.counts.accepted + p.counts.rejected);
});
