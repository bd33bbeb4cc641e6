#![no_main]
use libfuzzer_sys::fuzz_target;

// The text parsers under every reader: Thai dates, ISO dates, amounts, tax ids, search keys.
fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        use locallens::domain::{calendar::Date, money::Satang, taxid, text};
        if let Some(d) = Date::parse_thai(text) {
            assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        }
        let _ = Date::parse_iso(text);
        if let Ok(s) = Satang::parse_baht(text) {
            assert_eq!(Satang::parse_baht(&s.to_decimal_string()), Ok(s));
        }
        let _ = taxid::check(text);
        let _ = text::search_key(text);
        let _ = text::thai_sort_key(text);
    }
});
