//! Exact money: integer satang (1 baht = 100 satang). Floating point is only for drawing.
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in satang. Sums of money are always integer sums.
///
/// In JSON files an amount is a decimal number of baht (`1234.5`); text with Thai digits or
/// separators is also read. Serialised back, it is a number of baht again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Satang(pub i64);

/// Why a number could not be read as an amount of money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    NotANumber,
    /// More than two decimal places: the amount would have to be rounded.
    SubSatang,
    TooLarge,
}

impl Satang {
    pub const ZERO: Satang = Satang(0);

    pub fn from_baht(baht: i64) -> Satang {
        Satang(baht * 100)
    }

    /// Reads a decimal number of baht written as text ("1,234.50", "๑๒๓", "  42 ").
    /// Thai digits and thousands separators are accepted; anything else is an error.
    pub fn parse_baht(text: &str) -> Result<Satang, MoneyError> {
        let folded = crate::domain::text::fold_thai_digits(text.trim());
        let cleaned: String = folded.chars().filter(|c| *c != ',' && *c != '_').collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        if whole.is_empty() && frac.is_empty() {
            return Err(MoneyError::NotANumber);
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(MoneyError::NotANumber);
        }
        let frac_trimmed = frac.trim_end_matches('0');
        if frac_trimmed.len() > 2 {
            return Err(MoneyError::SubSatang);
        }
        let whole_value: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyError::TooLarge)? };
        let mut cents = 0i64;
        for (i, c) in frac_trimmed.chars().enumerate() {
            let d = c as i64 - '0' as i64;
            cents += if i == 0 { d * 10 } else { d };
        }
        let total = whole_value.checked_mul(100).and_then(|v| v.checked_add(cents)).ok_or(MoneyError::TooLarge)?;
        Ok(Satang(if negative { -total } else { total }))
    }

    /// Reads a JSON number of baht. A JSON number arrives as f64; every decimal with at most two
    /// places below 2^53 satang maps back to exactly one integer, so rounding recovers it.
    pub fn from_f64_baht(value: f64) -> Result<Satang, MoneyError> {
        if !value.is_finite() {
            return Err(MoneyError::NotANumber);
        }
        let scaled = value * 100.0;
        if scaled.abs() > 9.0e15 {
            return Err(MoneyError::TooLarge);
        }
        let rounded = scaled.round();
        // Tolerance relative to magnitude: representation error, not a third decimal place.
        if (scaled - rounded).abs() > 1e-6 * scaled.abs().max(1.0) {
            return Err(MoneyError::SubSatang);
        }
        Ok(Satang(rounded as i64))
    }

    /// Baht as f64, for drawing only.
    pub fn to_baht_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    pub fn whole_baht(self) -> i64 {
        self.0 / 100
    }

    /// "1,234,567.50" (satang shown only when not zero).
    pub fn format_baht(self) -> String {
        let negative = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let whole = group_thousands(abs / 100);
        let cents = abs % 100;
        let sign = if negative { "-" } else { "" };
        if cents == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{cents:02}")
        }
    }

    /// The amount as a plain decimal string with no separators, for CSV and JSON output.
    pub fn to_decimal_string(self) -> String {
        let negative = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let sign = if negative { "-" } else { "" };
        if abs % 100 == 0 {
            format!("{sign}{}", abs / 100)
        } else {
            format!("{sign}{}.{:02}", abs / 100, abs % 100)
        }
    }

    /// Millions of baht with one decimal, the unit Thai readers use for large figures.
    pub fn format_million(self) -> String {
        let tenths = (self.0 as i128 * 10 + if self.0 >= 0 { 50_000_000 } else { -50_000_000 }) / 100_000_000;
        let sign = if tenths < 0 { "-" } else { "" };
        let abs = tenths.unsigned_abs();
        format!("{sign}{}.{}", group_thousands((abs / 10) as u64), abs % 10)
    }
}

pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Satang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_baht())
    }
}

impl Add for Satang {
    type Output = Satang;
    fn add(self, rhs: Satang) -> Satang {
        Satang(self.0 + rhs.0)
    }
}

impl Sub for Satang {
    type Output = Satang;
    fn sub(self, rhs: Satang) -> Satang {
        Satang(self.0 - rhs.0)
    }
}

impl AddAssign for Satang {
    fn add_assign(&mut self, rhs: Satang) {
        self.0 += rhs.0;
    }
}

impl Sum for Satang {
    fn sum<I: Iterator<Item = Satang>>(iter: I) -> Satang {
        Satang(iter.map(|s| s.0).sum())
    }
}

impl<'a> Sum<&'a Satang> for Satang {
    fn sum<I: Iterator<Item = &'a Satang>>(iter: I) -> Satang {
        Satang(iter.map(|s| s.0).sum())
    }
}

impl Serialize for Satang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            serializer.serialize_i64(self.0 / 100)
        } else {
            // The shortest f64 text of a two-place decimal is that decimal.
            serializer.serialize_f64(self.to_baht_f64())
        }
    }
}

struct SatangVisitor;

impl Visitor<'_> for SatangVisitor {
    type Value = Satang;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an amount of baht with at most two decimal places")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Satang, E> {
        v.checked_mul(100).map(Satang).ok_or_else(|| E::custom("amount too large"))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Satang, E> {
        i64::try_from(v).map_err(|_| E::custom("amount too large")).and_then(|v| self.visit_i64(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Satang, E> {
        Satang::from_f64_baht(v).map_err(|e| E::custom(format!("{e:?}")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Satang, E> {
        Satang::parse_baht(v).map_err(|e| E::custom(format!("{e:?}")))
    }
}

impl<'de> Deserialize<'de> for Satang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Satang, D::Error> {
        deserializer.deserialize_any(SatangVisitor)
    }
}

#[cfg(test)]
mod tests {
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
        check("1.234", Err(MoneyError::SubSatang));
        check("12a", Err(MoneyError::NotANumber));
        check("", Err(MoneyError::NotANumber));
        check("99999999999999999999", Err(MoneyError::TooLarge));
    }

    #[test]
    fn recovers_exact_satang_from_json_floats() {
        assert_eq!(Satang::from_f64_baht(0.1 + 0.2), Ok(Satang(30)));
        assert_eq!(Satang::from_f64_baht(57_312_949_370.0), Ok(Satang(5_731_294_937_000)));
        assert_eq!(Satang::from_f64_baht(18_196_506.01), Ok(Satang(1_819_650_601)));
        assert_eq!(Satang::from_f64_baht(1.005), Err(MoneyError::SubSatang));
        assert_eq!(Satang::from_f64_baht(f64::NAN), Err(MoneyError::NotANumber));
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
        assert_eq!(Satang::from_baht(57_312_949_370).format_million(), "57,312.9");
        assert_eq!(Satang::from_baht(1_250_000).format_million(), "1.3");
    }
}
