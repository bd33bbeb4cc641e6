//! Dates, Buddhist-era years and Thai fiscal years.
//!
//! พ.ศ. = ค.ศ. + 543. ปีงบประมาณ N runs from 1 October of N−1 to 30 September of N.
use std::fmt;

use serde::{Deserialize, Serialize};

pub const BE_OFFSET: i32 = 543;

/// A calendar date in the Common Era (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A fiscal year, in the Buddhist era as Thai documents name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// 1 October of the previous CE year.
    pub fn start(self) -> Date {
        Date { year: self.0 - BE_OFFSET - 1, month: 10, day: 1 }
    }

    /// 30 September.
    pub fn end(self) -> Date {
        Date { year: self.0 - BE_OFFSET, month: 9, day: 30 }
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How a date was written, so that ingest can warn when a BE year stood where CE was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearEra {
    Ce,
    /// The year was above 2400 and was read as Buddhist era.
    BeConverted,
}

const THAI_MONTHS_SHORT: [&str; 12] =
    ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];
const THAI_MONTHS_LONG: [&str; 12] =
    ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];
const EN_MONTHS_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    pub fn be_year(self) -> i32 {
        self.year + BE_OFFSET
    }

    /// BE year of the date, plus one from October on.
    pub fn fiscal_year(self) -> FiscalYear {
        FiscalYear(self.be_year() + i32::from(self.month >= 10))
    }

    /// Days since 1970-01-01 (negative before), for differences between dates.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Reads the date part of an ISO 8601 date or date-time ("2024-10-01", "2024-10-01T09:00:00+07:00").
    /// A year above 2400 is taken as Buddhist era and converted, and the caller is told.
    pub fn parse_iso(text: &str) -> Option<(Date, YearEra)> {
        let text = crate::domain::text::fold_thai_digits(text.trim());
        let bytes = text.as_bytes();
        if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        if bytes.len() > 10 && !matches!(bytes[10], b'T' | b't' | b' ') {
            return None;
        }
        let year: i32 = text.get(0..4)?.parse().ok()?;
        let month: u8 = text.get(5..7)?.parse().ok()?;
        let day: u8 = text.get(8..10)?.parse().ok()?;
        let (year, era) = if year > 2400 { (year - BE_OFFSET, YearEra::BeConverted) } else { (year, YearEra::Ce) };
        Date::new(year, month, day).map(|d| (d, era))
    }

    /// Reads a Thai date as e-GP and official documents write it: "9 เม.ย. 69", "9 เมษายน 2569",
    /// "09/04/2569". Two-digit and four-digit years are Buddhist era.
    pub fn parse_thai(text: &str) -> Option<Date> {
        let text = crate::domain::text::fold_thai_digits(text.trim());
        if let Some(date) = parse_slashed_be(&text) {
            return Some(date);
        }
        let parts: Vec<&str> = text.split_whitespace().collect();
        if parts.len() != 3 {
            return None;
        }
        let day: u8 = parts[0].parse().ok()?;
        let month = month_from_thai(parts[1])?;
        let year = be_year_from_text(parts[2])?;
        Date::new(year - BE_OFFSET, month, day)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "9 เม.ย. 2569".
    pub fn thai_short(self) -> String {
        format!("{} {} {}", self.day, THAI_MONTHS_SHORT[self.month as usize - 1], self.be_year())
    }

    /// "9 Apr 2026".
    pub fn english_short(self) -> String {
        format!("{} {} {}", self.day, EN_MONTHS_SHORT[self.month as usize - 1], self.year)
    }
}

/// Seconds since 1970-01-01T00:00:00Z of an RFC 3339 date-time ("2000-01-16T17:59:59Z",
/// "2024-10-01T09:00:00.5+07:00"). Fractions of a second are dropped. None when it is not RFC 3339.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = std::str::from_utf8(b.get(r)?).ok()?;
        s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok())?
    };
    let date = Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)?;
    let (h, m, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let minutes = num(i + 1..i + 3)? * 60 + num(i + 4..i + 6)?;
            if *sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    Some(date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + s - offset)
}

fn parse_slashed_be(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split('/').collect();
    if parts.len() != 3 {
        return None;
    }
    let day: u8 = parts[0].trim().parse().ok()?;
    let month: u8 = parts[1].trim().parse().ok()?;
    let year = be_year_from_text(parts[2].trim())?;
    Date::new(year - BE_OFFSET, month, day)
}

fn be_year_from_text(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    match text.len() {
        2 => Some(2500 + year),
        4 if year > 2400 => Some(year),
        _ => None,
    }
}

fn month_from_thai(word: &str) -> Option<u8> {
    let compact: String = word.chars().filter(|c| *c != '.').collect();
    THAI_MONTHS_SHORT
        .iter()
        .position(|m| m.chars().filter(|c| *c != '.').collect::<String>() == compact)
        .or_else(|| THAI_MONTHS_LONG.iter().position(|m| *m == word))
        .map(|i| i as u8 + 1)
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn thai_month_short(month: u8) -> &'static str {
    THAI_MONTHS_SHORT[(month.clamp(1, 12) - 1) as usize]
}

pub fn english_month_short(month: u8) -> &'static str {
    EN_MONTHS_SHORT[(month.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_year_starts_in_october() {
        assert_eq!(Date::new(2024, 10, 1).unwrap().fiscal_year(), FiscalYear(2568));
        assert_eq!(Date::new(2025, 9, 30).unwrap().fiscal_year(), FiscalYear(2568));
        assert_eq!(Date::new(2025, 10, 1).unwrap().fiscal_year(), FiscalYear(2569));
        assert_eq!(FiscalYear(2568).start(), Date::new(2024, 10, 1).unwrap());
        assert_eq!(FiscalYear(2568).end(), Date::new(2025, 9, 30).unwrap());
    }

    #[test]
    fn reads_thai_dates() {
        assert_eq!(Date::parse_thai("9 เม.ย. 69"), Date::new(2026, 4, 9));
        assert_eq!(Date::parse_thai("๙ เมษายน ๒๕๖๙"), Date::new(2026, 4, 9));
        assert_eq!(Date::parse_thai("30/09/2568"), Date::new(2025, 9, 30));
        assert_eq!(Date::parse_thai("31 ก.พ. 69"), None);
        assert_eq!(Date::parse_thai("9 April 2026"), None);
    }

    #[test]
    fn reads_iso_and_flags_buddhist_years() {
        assert_eq!(Date::parse_iso("2024-10-01T09:00:00+07:00"), Some((Date::new(2024, 10, 1).unwrap(), YearEra::Ce)));
        assert_eq!(Date::parse_iso("2567-10-01"), Some((Date::new(2024, 10, 1).unwrap(), YearEra::BeConverted)));
        assert_eq!(Date::parse_iso("2024-13-01"), None);
        assert_eq!(Date::parse_iso("20241001"), None);
    }

    #[test]
    fn reads_rfc3339_instants_with_offsets() {
        let z = parse_rfc3339("2000-01-01T18:00:00Z").unwrap();
        assert_eq!(parse_rfc3339("2000-01-16T17:59:59Z").unwrap() - z, 15 * 86_400 - 1);
        assert_eq!(parse_rfc3339("2000-01-02T01:00:00+07:00"), Some(z));
        assert_eq!(parse_rfc3339("2000-01-01T18:00:00.250Z"), Some(z));
        assert_eq!(parse_rfc3339("invalid"), None);
        assert_eq!(parse_rfc3339("2000-01-01"), None);
        assert_eq!(parse_rfc3339("2000-01-01T18:00:00"), None);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::new(2024, 2, 28).unwrap();
        assert_eq!(d.add_days(1), Date::new(2024, 2, 29).unwrap());
        assert_eq!(d.add_days(2), Date::new(2024, 3, 1).unwrap());
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        for days in [-800_000, -1, 0, 1, 19_999, 800_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }
}
