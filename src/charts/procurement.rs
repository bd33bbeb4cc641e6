//! Chart specs for procurement figures, built from query results. Labels come in translated.
use crate::charts::spec::{BarChart, Series};
use crate::query::store::Method;
use crate::query::summary::MethodShare;

pub struct Labels<'a> {
    pub title: &'a str,
    pub x: &'a str,
    pub y: &'a str,
    pub series: &'a str,
    pub method: &'a dyn Fn(Method) -> String,
}

/// Contract value per procurement method, one bar each.
pub fn value_by_method(shares: &[MethodShare], labels: &Labels) -> BarChart {
    BarChart {
        title: labels.title.to_string(),
        x_label: labels.x.to_string(),
        y_label: labels.y.to_string(),
        categories: shares.iter().map(|s| (labels.method)(s.method)).collect(),
        series: vec![Series {
            name: labels.series.to_string(),
            values: shares.iter().map(|s| s.contract_value.to_baht_f64()).collect(),
        }],
    }
}

/// Ranked amounts (top suppliers): one bar each, labelled with a shortened name; the table has the full names.
pub fn ranked(items: &[(String, crate::domain::money::Satang)], title: &str, x: &str, y: &str, series: &str) -> BarChart {
    // Cut after about 15 characters, but never between a Thai letter and its vowel or tone mark.
    let combining = |c: char| matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
    let short = |name: &str| -> String {
        let chars: Vec<char> = name.chars().collect();
        if chars.len() <= 16 {
            return name.to_string();
        }
        let mut cut = 15;
        while cut < chars.len() && combining(chars[cut]) {
            cut += 1;
        }
        format!("{}…", chars[..cut].iter().collect::<String>())
    };
    BarChart {
        title: title.to_string(),
        x_label: x.to_string(),
        y_label: y.to_string(),
        categories: items.iter().map(|(name, _)| short(name)).collect(),
        series: vec![Series { name: series.to_string(), values: items.iter().map(|(_, v)| v.to_baht_f64()).collect() }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Satang;

    #[test]
    fn ranked_bars_keep_order_and_shorten_long_names() {
        let c = ranked(
            &[("บริษัท ตัวอย่างวัสดุก่อสร้าง จำกัด".into(), Satang::from_baht(5)), ("ร้าน ก".into(), Satang(150))],
            "t",
            "x",
            "y",
            "s",
        );
        assert_eq!(c.categories, vec!["บริษัท ตัวอย่าง…".to_string(), "ร้าน ก".to_string()]);
        // A cut at 15 would fall between ก and its vowel ั: the vowel stays with its letter.
        assert_eq!(c.series[0].values, vec![5.0, 1.5]);
        let cluster = ranked(&[("ห้างหุ้นส่วนจำกัด ส่งของดี".into(), Satang(1))], "t", "x", "y", "s");
        assert_eq!(cluster.categories, vec!["ห้างหุ้นส่วนจำกั…".to_string()]);
    }
}
