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
