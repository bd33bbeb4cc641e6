//! Money against its invariants: one cap on every path, exact satang, sums that never wrap.
use super::*;

#[test]
fn parses_text_amounts() {
    let check = |s: &str, want: Result<i64, MoneyError>| {
        assert_eq!(Satang::parse_baht(s).map(|m| m.0), want, "input {s:?}");
    };
    check("1,234.50", Ok(123_450));
    check("๑๒๓", Ok(12_300));
    check("  42 ", Ok(4_200));
    check("-7.5", Ok(-750));
    check("0.10", Ok(10));
    check("3.000", Ok(300));
    check("0001", Ok(100));
    check("1.234", Err(MoneyError::SubSatang));
    check("12a", Err(MoneyError::NotANumber));
    check("", Err(MoneyError::NotANumber));
    check("1000000000000", Ok(100_000_000_000_000));
    check("1000000000000.01", Err(MoneyError::TooLarge));
    check("99999999999999999999", Err(MoneyError::TooLarge));
    check("100000000000000000000", Err(MoneyError::TooLarge));
}

#[test]
fn recovers_exact_satang_from_json_floats() {
    assert_eq!(Satang::from_f64_baht(0.1 + 0.2), Ok(Satang(30)));
    assert_eq!(Satang::from_f64_baht(57_312_949_370.0), Ok(Satang(5_731_294_937_000)));
    assert_eq!(Satang::from_f64_baht(18_196_506.01), Ok(Satang(1_819_650_601)));
    assert_eq!(Satang::from_f64_baht(999_999_999_999.99), Ok(Satang(99_999_999_999_999)));
    assert_eq!(Satang::from_f64_baht(1.005), Err(MoneyError::SubSatang));
    assert_eq!(Satang::from_f64_baht(f64::NAN), Err(MoneyError::NotANumber));
    assert_eq!(Satang::from_f64_baht(1e20), Err(MoneyError::TooLarge));
}

#[test]
fn a_third_decimal_is_seen_at_every_size_below_the_cap() {
    // The old float path accepted these above about 10,000 baht.
    for text in ["12345.678", "98765432.101", "123456789012.345", "999999999999.991"] {
        let v: f64 = text.parse().unwrap();
        assert_eq!(Satang::from_f64_baht(v), Err(MoneyError::SubSatang), "{text}");
    }
}

#[test]
fn every_input_path_has_the_same_cap() {
    let max_baht = Satang::MAX.0 / 100;
    assert_eq!(Satang::from_baht(max_baht), Ok(Satang::MAX));
    assert_eq!(Satang::from_baht(max_baht + 1), Err(MoneyError::TooLarge));
    assert_eq!(Satang::parse_baht(&max_baht.to_string()), Ok(Satang::MAX));
    assert_eq!(Satang::from_f64_baht(max_baht as f64), Ok(Satang::MAX));
    assert_eq!(Satang::from_f64_baht(max_baht as f64 + 1.0), Err(MoneyError::TooLarge));
    assert_eq!(Satang::from_baht(i64::MAX), Err(MoneyError::TooLarge));
    for json in ["100000000000000000000", "1e20", "\"100000000000000000000\"", "1000000000001"] {
        let e = serde_json::from_str::<Satang>(json).unwrap_err().to_string();
        assert_eq!(MoneyError::from_code(&e), Some(MoneyError::TooLarge), "{json}: {e}");
    }
}

#[test]
fn totals_are_exact_beyond_one_amount() {
    let mut t = Total::ZERO;
    for _ in 0..100_000 {
        t.add(Satang::MAX);
    }
    assert_eq!(t.satang(), Err(MoneyError::TooLarge));
    assert_eq!(t.format_baht(), "100,000,000,000,000,000");
    assert_eq!(Total::of([Satang(150), Satang(-50)]).satang(), Ok(Satang(100)));
    assert_eq!(Total::of([Satang(5)]).share_of(Total::of([Satang(20)])), Some(0.25));
    assert_eq!(Total::ZERO.share_of(Total::ZERO), None);
}

#[test]
fn json_round_trips_as_baht() {
    let v: Vec<Satang> = serde_json::from_str(r#"[1500000, 12.5, "1,000.25"]"#).unwrap();
    assert_eq!(v, vec![Satang(150_000_000), Satang(1_250), Satang(100_025)]);
    assert_eq!(serde_json::to_string(&v).unwrap(), "[1500000,12.5,1000.25]");
    assert!(serde_json::from_str::<Satang>("1.234").is_err());
}

#[test]
fn formats_for_people_and_files() {
    assert_eq!(Satang(123_456_750).format_baht(), "1,234,567.50");
    assert_eq!(Satang(-100).format_baht(), "-1");
    assert_eq!(Satang(123_456_750).to_decimal_string(), "1234567.50");
    assert_eq!(Satang::baht(57_312_949_370).format_million(), "57,312.9");
    assert_eq!(Satang::baht(1_250_000).format_million(), "1.3");
    assert_eq!(Satang(-5).to_decimal_string(), "-0.05");
}
