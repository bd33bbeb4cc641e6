//! What a chart shows, independent of how it is drawn. Every chart has a table and a CSV of exactly this data.
use crate::query::csv::csv_field;

/// How the series are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// One bar per category, the series stacked on it.
    #[default]
    StackedBars,
    /// One line per series over the categories in order, on the same axes: a year over year comparison.
    Lines,
}

/// A chart over categories: one bar per category with one series per colour (stacked), or one line per series.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BarChart {
    pub style: Style,
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Printed under the chart and as a column of its CSV: what a reader must know wherever the chart goes
    /// ("synthetic demonstration data").
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

impl BarChart {
    /// The largest stacked height, for the y axis.
    pub fn max_stack(&self) -> f64 {
        (0..self.categories.len())
            .map(|i| self.series.iter().map(|s| s.values.get(i).copied().unwrap_or(0.0).max(0.0)).sum::<f64>())
            .fold(0.0, f64::max)
    }

    /// Whether any bar has a figure (no data is NaN, drawn as no bar).
    pub fn has_data(&self) -> bool {
        self.series.iter().flat_map(|s| &s.values).any(|v| v.is_finite())
    }

    /// The same chart with a note that travels with it.
    pub fn with_note(self, note: Option<String>) -> BarChart {
        BarChart { note, ..self }
    }

    /// The chart's data as CSV rows: category, then one column per series, then the note on every row.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        out.push_str(&csv_field(&self.x_label));
        for s in &self.series {
            out.push(',');
            out.push_str(&csv_field(&s.name));
        }
        if self.note.is_some() {
            out.push_str(",note");
        }
        out.push_str("\r\n");
        for (i, c) in self.categories.iter().enumerate() {
            out.push_str(&csv_field(c));
            for s in &self.series {
                out.push(',');
                // A value that is not a number is no data: an empty field, never "NaN" or 0.
                out.push_str(&s.values.get(i).filter(|v| v.is_finite()).map_or(String::new(), |v| format!("{v}")));
            }
            if let Some(note) = &self.note {
                out.push(',');
                out.push_str(&csv_field(note));
            }
            out.push_str("\r\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_data_is_an_empty_field_not_nan_or_zero() {
        let chart = BarChart {
            x_label: "org".into(),
            categories: vec!["a".into(), "b".into()],
            series: vec![Series { name: "v".into(), values: vec![f64::NAN, 2.5] }],
            ..BarChart::default()
        };
        assert_eq!(chart.to_csv(), "org,v\r\na,\r\nb,2.5\r\n");
        assert!(chart.has_data());
        let empty = BarChart { series: vec![Series { name: "v".into(), values: vec![f64::NAN] }], ..chart };
        assert!(!empty.has_data());
    }
}
