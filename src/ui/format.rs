//! Display helpers that depend on the language. Amounts use the core's exact formatting.
use crate::domain::calendar::Date;
use crate::domain::codes::Stage;
use crate::domain::codes::{Code, Method};
use crate::domain::lang::Lang;
use crate::domain::money::{group_thousands, Satang};
use crate::query::store::NONE;

pub fn money_cell(satang: i64) -> String {
    if satang == NONE {
        "—".to_string()
    } else {
        Satang(satang).format_baht()
    }
}

pub fn count(n: u64) -> String {
    group_thousands(n)
}

/// A figure with `decimals` places, thousands grouped: 12,345.6.
pub fn decimal(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    let (whole, frac) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let grouped = whole.parse::<u64>().map_or_else(|_| whole.to_string(), group_thousands);
    let sign = if v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Bytes as megabytes with one decimal, the unit a reader waiting on a download thinks in.
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

pub fn date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Th => d.thai_short(),
        Lang::En => d.english_short(),
    }
}

/// A calendar year given in BE: "พ.ศ. 2565" / "2022".
pub fn be_year(lang: Lang, be: i32) -> String {
    match lang {
        Lang::Th => format!("พ.ศ. {be}"),
        Lang::En => format!("{}", be - 543),
    }
}

/// Fiscal years are named in BE in both languages (that is their name); English adds the CE span.
pub fn fiscal_year(lang: Lang, be: i32) -> String {
    match lang {
        Lang::Th => format!("{be}"),
        Lang::En => format!("{be} (Oct {}–Sep {})", be - 544, be - 543),
    }
}

pub fn method(lang: Lang, m: Method) -> &'static str {
    m.label().get(lang)
}

/// The method's everyday name, for narrow columns: e-bidding, คัดเลือก, เฉพาะเจาะจง.
pub fn method_short(lang: Lang, m: Method) -> &'static str {
    m.short().get(lang)
}

pub fn stage(lang: Lang, s: Stage) -> &'static str {
    s.label().get(lang)
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_group_thousands_and_keep_the_sign() {
        assert_eq!(decimal(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(decimal(-684_018.0, 0), "-684,018");
        assert_eq!(decimal(-0.04, 1), "0.0", "no minus on a figure that rounds to 0");
        assert_eq!(decimal(12.0, 0), "12");
    }
}
