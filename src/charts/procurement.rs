//! Chart specs for procurement figures, built from query results. Labels come in translated.
use crate::charts::spec::{BarChart, Series, Style};
use crate::domain::codes::Code;
use crate::domain::codes::Method;
use crate::query::summary::MethodShare;
use crate::query::trends::{Monthly, RatioHistogram, RATIO_BINS};

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
        style: Style::StackedBars,
        title: labels.title.to_string(),
        x_label: labels.x.to_string(),
        y_label: labels.y.to_string(),
        categories: shares.iter().map(|s| (labels.method)(s.method)).collect(),
        series: vec![Series {
            name: labels.series.to_string(),
            values: shares.iter().map(|s| s.contract_value.to_baht_f64()).collect(),
        }],
        note: None,
    }
}

/// Ranked amounts (top suppliers): one bar each, labelled with a shortened name; the table has the full names.
pub fn ranked(items: &[(String, crate::domain::money::Total)], title: &str, x: &str, y: &str, series: &str) -> BarChart {
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
        style: Style::StackedBars,
        title: title.to_string(),
        x_label: x.to_string(),
        y_label: y.to_string(),
        categories: items.iter().map(|(name, _)| short(name)).collect(),
        series: vec![Series { name: series.to_string(), values: items.iter().map(|(_, v)| v.to_baht_f64()).collect() }],
        note: None,
    }
}

/// Titles and axis names for a chart, already translated.
pub struct Axes<'a> {
    pub title: &'a str,
    pub x: &'a str,
    pub y: &'a str,
}

fn frame(axes: &Axes, categories: Vec<String>, series: Vec<Series>) -> BarChart {
    BarChart {
        style: Style::StackedBars,
        title: axes.title.to_string(),
        x_label: axes.x.to_string(),
        y_label: axes.y.to_string(),
        categories,
        series,
        note: None,
    }
}

/// Contract value by fiscal year, stacked by procurement method; methods absent from every year are left out.
pub fn method_over_years(
    table: &std::collections::BTreeMap<i32, [(usize, crate::domain::money::Total); 6]>,
    axes: &Axes,
    year: &dyn Fn(i32) -> String,
    method: &dyn Fn(Method) -> String,
) -> BarChart {
    let series = Method::ALL
        .iter()
        .enumerate()
        .filter(|(slot, _)| table.values().any(|cells| cells[*slot].0 > 0))
        .map(|(slot, &m)| Series { name: method(m), values: table.values().map(|cells| cells[slot].1.to_baht_f64()).collect() })
        .collect();
    frame(axes, table.keys().map(|&y| year(y)).collect(), series)
}

/// Contract value per month of one fiscal year, October to September.
pub fn monthly_spend(m: &Monthly, axes: &Axes, series: &str, month: &dyn Fn(u8) -> String) -> BarChart {
    // Fiscal month 0 is October.
    let months = (0..12u8).map(|i| month((i + 9) % 12 + 1)).collect();
    frame(axes, months, vec![Series { name: series.to_string(), values: m.value.iter().map(|v| v.to_baht_f64()).collect() }])
}

/// Contract value per month, one line per fiscal year on the same axes (October to September), the latest
/// `years` years: a year over year comparison.
pub fn monthly_year_over_year(
    by_year: &std::collections::BTreeMap<i32, Monthly>,
    years: usize,
    axes: &Axes,
    year: &dyn Fn(i32) -> String,
    month: &dyn Fn(u8) -> String,
) -> BarChart {
    let months = (0..12u8).map(|i| month((i + 9) % 12 + 1)).collect();
    let series = by_year
        .values()
        .rev()
        .take(years)
        .rev()
        .map(|m| Series { name: year(m.fiscal_year), values: m.value.iter().map(|v| v.to_baht_f64()).collect() })
        .collect();
    BarChart { style: Style::Lines, ..frame(axes, months, series) }
}

/// How many processes fall in each band of contract value ÷ reference price.
pub fn ratio_distribution(h: &RatioHistogram, axes: &Axes, series: &str) -> BarChart {
    let bins = RATIO_BINS
        .iter()
        .map(|(from, to)| match (from, to) {
            (0, Some(to)) => format!("≤{to}%"),
            (from, Some(to)) => format!("{from}–{to}%"),
            (from, None) => format!(">{from}%"),
        })
        .collect();
    frame(axes, bins, vec![Series { name: series.to_string(), values: h.counts.iter().map(|&n| n as f64).collect() }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Satang, Total};

    fn baht(n: i64) -> Total {
        Total::from(Satang::baht(n))
    }

    #[test]
    fn ranked_bars_keep_order_and_shorten_long_names() {
        let c = ranked(
            &[("บริษัท ตัวอย่างวัสดุก่อสร้าง จำกัด".into(), baht(5)), ("ร้าน ก".into(), Total::from(Satang(150)))],
            "t",
            "x",
            "y",
            "s",
        );
        assert_eq!(c.categories, vec!["บริษัท ตัวอย่าง…".to_string(), "ร้าน ก".to_string()]);
        // A cut at 15 would fall between ก and its vowel ั: the vowel stays with its letter.
        assert_eq!(c.series[0].values, vec![5.0, 1.5]);
        let cluster = ranked(&[("ห้างหุ้นส่วนจำกัด ส่งของดี".into(), Total::from(Satang(1)))], "t", "x", "y", "s");
        assert_eq!(cluster.categories, vec!["ห้างหุ้นส่วนจำกั…".to_string()]);
    }

    #[test]
    fn time_and_distribution_charts_carry_their_figures() {
        let axes = Axes { title: "t", x: "x", y: "y" };
        let mut table = std::collections::BTreeMap::new();
        let mut cells = [(0, Total::ZERO); 6];
        cells[0] = (2, baht(300));
        cells[2] = (1, baht(50));
        table.insert(2567, cells);
        table.insert(2568, [(1, baht(7)); 6]);
        let c = method_over_years(&table, &axes, &|y| format!("ปี {y}"), &|m| m.as_str().to_string());
        assert_eq!(c.categories, vec!["ปี 2567", "ปี 2568"]);
        assert_eq!(c.series.len(), 6);
        assert_eq!((c.series[0].values.clone(), c.series[1].values.clone()), (vec![300.0, 7.0], vec![0.0, 7.0]));
        let mut m = Monthly { fiscal_year: 2568, ..Monthly::default() };
        m.value[0] = baht(10);
        m.value[11] = baht(20);
        let chart = monthly_spend(&m, &axes, "s", &|month| month.to_string());
        assert_eq!(chart.categories.first().map(String::as_str), Some("10"));
        assert_eq!(chart.categories.last().map(String::as_str), Some("9"));
        assert_eq!((chart.series[0].values[0], chart.series[0].values[11]), (10.0, 20.0));
        let h = RatioHistogram { counts: [1, 2, 3, 4, 5, 6], without: 9 };
        let d = ratio_distribution(&h, &axes, "n");
        assert_eq!(d.categories, vec!["≤80%", "80–90%", "90–95%", "95–98%", "98–100%", ">100%"]);
        assert_eq!(d.series[0].values, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    }
}
