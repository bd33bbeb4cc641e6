//! Exact money: integer satang (1 baht = 100 satang). Floating point is only for drawing.
//!
//! Every amount read from outside is at most `Satang::MAX`, whichever way it was written (text, JSON integer,
//! JSON decimal, URL). Sums are `Total`s, kept in 128 bits: with every term capped, no count of rows that fits
//! in memory can overflow one, so a sum is never wrapped and never panics. There is no `+` on `Satang`.
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in satang.
///
/// In JSON files an amount is a decimal number of baht (`1234.5`); text with Thai digits or
/// separators is also read. Serialised back, it is a number of baht again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Satang(pub i64);

/// Why a number could not be read as an amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    NotANumber,
    /// More than two decimal places: the amount would have to be rounded.
    SubSatang,
    /// Beyond `Satang::MAX` (in either direction).
    TooLarge,
}

impl MoneyError {
    /// A stable token, so that a parser's message can name the reason in both languages.
    pub fn code(self) -> &'static str {
        match self {
            MoneyError::NotANumber => "money-not-a-number",
            MoneyError::SubSatang => "money-sub-satang",
            MoneyError::TooLarge => "money-too-large",
        }
    }

    pub fn from_code(text: &str) -> Option<MoneyError> {
        [MoneyError::NotANumber, MoneyError::SubSatang, MoneyError::TooLarge].into_iter().find(|e| text.contains(e.code()))
    }

    /// Why, in Thai and English.
    pub fn reason(self) -> crate::domain::lang::Tr {
        use crate::domain::lang::Tr;
        match self {
            MoneyError::NotANumber => Tr::new("ไม่ใช่ตัวเลข", "not a number"),
            MoneyError::SubSatang => Tr::new("ทศนิยมเกินสองตำแหน่ง", "more than two decimal places"),
            MoneyError::TooLarge => {
                Tr::new("เกินหนึ่งล้านล้านบาท ซึ่งมากกว่างบประมาณใด ๆ", "more than one trillion baht, beyond any public budget")
            }
        }
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for MoneyError {}

/// Digits of a decimal number without separators, split at the point: ("1234", "5").
fn split_decimal(text: &str) -> Result<(bool, &str, &str), MoneyError> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && frac.is_empty() {
        return Err(MoneyError::NotANumber);
    }
    if !whole.bytes().all(|c| c.is_ascii_digit()) || !frac.bytes().all(|c| c.is_ascii_digit()) {
        return Err(MoneyError::NotANumber);
    }
    Ok((negative, whole, frac))
}

impl Satang {
    pub const ZERO: Satang = Satang(0);
    /// The largest amount an input may state: one trillion baht. Thailand's whole annual budget is about 3.7
    /// trillion; the largest local budget (Bangkok's) under a tenth of one. Every path that reads money
    /// applies this one cap, and with it a JSON number always carries its satang exactly (15 digits).
    pub const MAX: Satang = Satang(100_000_000_000_000);

    /// A literal amount of baht in code (tests, thresholds). Beyond the cap it does not compile in a
    /// constant; data never comes through here.
    pub const fn baht(baht: i64) -> Satang {
        assert!(baht <= Satang::MAX.0 / 100 && baht >= -Satang::MAX.0 / 100, "amount above Satang::MAX");
        Satang(baht * 100)
    }

    /// Whole baht from data (a JSON integer, a setting): capped like every other path.
    pub fn from_baht(baht: i64) -> Result<Satang, MoneyError> {
        baht.checked_mul(100).map(Satang).filter(|s| s.within_cap()).ok_or(MoneyError::TooLarge)
    }

    fn within_cap(self) -> bool {
        self.0.unsigned_abs() <= Satang::MAX.0 as u64
    }

    /// Reads a decimal number of baht written as text ("1,234.50", "๑๒๓", "  42 ").
    /// Thai digits and thousands separators are accepted; anything else is an error.
    pub fn parse_baht(text: &str) -> Result<Satang, MoneyError> {
        let folded = crate::domain::text::fold_thai_digits(text.trim());
        let cleaned: String = folded.chars().filter(|c| *c != ',' && *c != '_').collect();
        let (negative, whole, frac) = split_decimal(&cleaned)?;
        let frac = frac.trim_end_matches('0');
        if frac.len() > 2 {
            return Err(MoneyError::SubSatang);
        }
        let whole = whole.trim_start_matches('0');
        // More digits than the cap has is too large, however many: no parse that could overflow.
        if whole.len() > 13 {
            return Err(MoneyError::TooLarge);
        }
        let whole_value: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyError::TooLarge)? };
        let cents = frac.bytes().enumerate().map(|(i, d)| i64::from(d - b'0') * if i == 0 { 10 } else { 1 }).sum::<i64>();
        let total = Satang(whole_value * 100 + cents);
        if !total.within_cap() {
            return Err(MoneyError::TooLarge);
        }
        Ok(if negative { Satang(-total.0) } else { total })
    }

    /// Reads a JSON number of baht. Below the cap, amounts in satang are below 2^47, where an f64 is exact to
    /// 1/64 of a satang: a two-place decimal lands within a few units of the last place of a whole number of
    /// satang (the parse and the scaling each round once), while a third decimal lands at least 0.1 satang
    /// away. So the check is tight at every size, unlike a relative tolerance.
    pub fn from_f64_baht(value: f64) -> Result<Satang, MoneyError> {
        if !value.is_finite() {
            return Err(MoneyError::NotANumber);
        }
        if value.abs() > Satang::MAX.to_baht_f64() {
            return Err(MoneyError::TooLarge);
        }
        let scaled = value * 100.0;
        let rounded = scaled.round();
        if (scaled - rounded).abs() > 2.0 * f64::EPSILON * scaled.abs().max(1.0) {
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

    pub fn checked_add(self, other: Satang) -> Option<Satang> {
        self.0.checked_add(other.0).map(Satang)
    }

    pub fn checked_sub(self, other: Satang) -> Option<Satang> {
        self.0.checked_sub(other.0).map(Satang)
    }

    /// "1,234,567.50" (satang shown only when not zero).
    pub fn format_baht(self) -> String {
        Total::from(self).format_baht()
    }

    /// The amount as a plain decimal string with no separators, for CSV and JSON output.
    pub fn to_decimal_string(self) -> String {
        Total::from(self).to_decimal_string()
    }

    /// Millions of baht with one decimal, the unit Thai readers use for large figures.
    pub fn format_million(self) -> String {
        Total::from(self).format_million()
    }
}

/// A sum of amounts. Exact and unbounded in practice: 128 bits over terms capped at `Satang::MAX`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Total(i128);

impl Total {
    pub const ZERO: Total = Total(0);

    pub fn add(&mut self, amount: Satang) {
        self.0 += i128::from(amount.0);
    }

    /// Adds another sum.
    pub fn merge(&mut self, other: Total) {
        self.0 += other.0;
    }

    pub fn minus(self, other: Total) -> Total {
        Total(self.0 - other.0)
    }

    /// The sum of `amounts`.
    pub fn of(amounts: impl IntoIterator<Item = Satang>) -> Total {
        let mut t = Total::ZERO;
        for a in amounts {
            t.add(a);
        }
        t
    }

    /// The sum as one amount, when it is within what an amount may be.
    pub fn satang(self) -> Result<Satang, MoneyError> {
        i64::try_from(self.0).map(Satang).map_err(|_| MoneyError::TooLarge)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn satang_i128(self) -> i128 {
        self.0
    }

    /// Baht as f64, for drawing and ratios only.
    pub fn to_baht_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// This sum as a share of `whole`, when `whole` is positive.
    pub fn share_of(self, whole: Total) -> Option<f64> {
        (whole.0 > 0).then(|| self.0 as f64 / whole.0 as f64)
    }

    pub fn format_baht(self) -> String {
        let abs = self.0.unsigned_abs();
        let sign = if self.0 < 0 { "-" } else { "" };
        let whole = group_thousands_u128(abs / 100);
        match abs % 100 {
            0 => format!("{sign}{whole}"),
            cents => format!("{sign}{whole}.{cents:02}"),
        }
    }

    pub fn to_decimal_string(self) -> String {
        let abs = self.0.unsigned_abs();
        let sign = if self.0 < 0 { "-" } else { "" };
        match abs % 100 {
            0 => format!("{sign}{}", abs / 100),
            cents => format!("{sign}{}.{cents:02}", abs / 100),
        }
    }

    pub fn format_million(self) -> String {
        let half = if self.0 >= 0 { 50_000_000 } else { -50_000_000 };
        let tenths = (self.0 * 10 + half) / 100_000_000;
        let sign = if tenths < 0 { "-" } else { "" };
        let abs = tenths.unsigned_abs();
        format!("{sign}{}.{}", group_thousands_u128(abs / 10), abs % 10)
    }
}

impl From<Satang> for Total {
    fn from(s: Satang) -> Total {
        Total(i128::from(s.0))
    }
}

impl fmt::Display for Total {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_baht())
    }
}

pub fn group_thousands(n: u64) -> String {
    group_thousands_u128(u128::from(n))
}

fn group_thousands_u128(n: u128) -> String {
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

impl Serialize for Satang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            serializer.serialize_i64(self.0 / 100)
        } else {
            // The shortest f64 text of a two-place decimal below the cap is that decimal.
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
        Satang::from_baht(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Satang, E> {
        i64::try_from(v).map_err(|_| E::custom(MoneyError::TooLarge)).and_then(|v| self.visit_i64(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Satang, E> {
        Satang::from_f64_baht(v).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Satang, E> {
        Satang::parse_baht(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Satang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Satang, D::Error> {
        deserializer.deserialize_any(SatangVisitor)
    }
}

#[cfg(test)]
mod tests;
