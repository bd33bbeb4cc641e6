//! The budget view's chart: each ด้าน's allocation, in baht or as a percentage of the year's total.
use super::procurement::ranked;
use super::spec::BarChart;
use crate::query::budget::Row;

pub struct Labels<'a> {
    pub title: &'a str,
    pub x: &'a str,
    pub y: &'a str,
    pub series: &'a str,
}

/// One bar per ด้าน (rows of depth 0), in the order given; `share` draws percentages instead of baht.
pub fn by_area(rows: &[Row], share: bool, labels: &Labels) -> BarChart {
    let areas: Vec<&Row> = rows.iter().filter(|r| r.depth == 0).collect();
    let items: Vec<(String, crate::domain::money::Total)> = areas.iter().map(|r| (r.label.clone(), r.allocated)).collect();
    let mut chart = ranked(&items, labels.title, labels.x, labels.y, labels.series);
    if share {
        chart.series[0].values = areas.iter().map(|r| r.share.unwrap_or(0.0) * 100.0).collect();
    }
    chart
}
