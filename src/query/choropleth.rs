//! A choropleth's numbers: one measure per place (province or district) from the overview's figures, cut
//! into classes at quantile breaks that the legend states, and the places with no figure kept apart as
//! "no data". Each place's figures are the overview's sums over its organisations (per capita Σ / Σ).
use std::collections::BTreeMap;

use crate::query::overview::{sum_rows, Figures, OrgRow};

crate::coded_enum! {
    /// What the map colours (`map=`).
    #[derive(Default)]
    pub enum MapMeasure {
        #[default]
        BudgetPerCapita = "budget-per-capita" => ("งบประมาณต่อคน (บาท)", "Budget per person (baht)"),
        ValuePerCapita = "value-per-capita" => ("มูลค่าสัญญาต่อคน (บาท)", "Contract value per person (baht)"),
        Limited = "limited" => ("สัดส่วนวิธีเฉพาะเจาะจง (%)", "Share by specific method (%)"),
        Signals = "signals" => ("สัญญาณความเสี่ยงต่อ 100 โครงการ", "Risk signals per 100 processes"),
        Lpa = "lpa" => ("LPA (%)", "LPA (%)"),
    }
}

impl MapMeasure {
    /// The place's figure; None is no data (no population, no process, no score).
    pub fn value(self, f: &Figures) -> Option<f64> {
        let p = f.procurement;
        match self {
            MapMeasure::BudgetPerCapita => f.budget_per_capita.value(),
            MapMeasure::ValuePerCapita => f.value_per_capita.value(),
            MapMeasure::Limited => p.and_then(|p| p.limited_share()).map(|s| s * 100.0),
            MapMeasure::Signals => p.and_then(|p| p.signals_per_100()),
            MapMeasure::Lpa => f.lpa.value(),
        }
    }

    pub fn decimals(self) -> usize {
        match self {
            MapMeasure::BudgetPerCapita | MapMeasure::ValuePerCapita => 0,
            _ => 1,
        }
    }
}

/// How many classes a map has at most: five tell apart on a phone and in every colour vision.
pub const CLASSES: usize = 5;

/// Class breaks: class `i` holds the values from `lower[i]` (included) up to `lower[i + 1]` (excluded); the last
/// class runs to `max`, included.
#[derive(Debug, Clone, PartialEq)]
pub struct Breaks {
    pub lower: Vec<f64>,
    pub max: f64,
}

impl Breaks {
    /// Quantile breaks over the distinct values: each class holds about as many places. Fewer classes when
    /// there are fewer distinct values; None without any value.
    pub fn quantiles(values: &[f64]) -> Option<Breaks> {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        v.sort_by(f64::total_cmp);
        let (min, max) = (*v.first()?, *v.last()?);
        let mut lower = vec![min];
        for k in 1..CLASSES {
            let q = v[k * v.len() / CLASSES];
            if q > *lower.last().unwrap_or(&min) {
                lower.push(q);
            }
        }
        Some(Breaks { lower, max })
    }

    pub fn classes(&self) -> usize {
        self.lower.len()
    }

    /// The class of a value: the last whose lower bound it reaches.
    pub fn class_of(&self, v: f64) -> usize {
        self.lower.iter().rposition(|&l| v >= l).unwrap_or(0)
    }

    /// Each class's range, as the legend prints it.
    pub fn ranges(&self) -> Vec<(f64, f64)> {
        (0..self.lower.len()).map(|i| (self.lower[i], self.lower.get(i + 1).copied().unwrap_or(self.max))).collect()
    }
}

/// One place on the map: its key, its figure and its class (None: no data).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub code: String,
    pub value: Option<f64>,
    pub class: Option<usize>,
}

/// Each province's figures over its organisations (`overview::sum_rows`: an อบจ.'s population is the province's).
pub fn by_province(rows: &[OrgRow]) -> BTreeMap<String, Figures> {
    group(rows, |r| r.province_code.as_deref())
}

/// Each district's figures over its organisations. An อบจ. is in no district: it serves the whole province, and
/// its province-wide population would swamp the district it has its office in.
pub fn by_district(rows: &[OrgRow]) -> BTreeMap<String, Figures> {
    group(rows, |r| r.district_code.as_deref().filter(|_| !r.province_wide()))
}

fn group(rows: &[OrgRow], key: impl Fn(&OrgRow) -> Option<&str>) -> BTreeMap<String, Figures> {
    let mut by: BTreeMap<&str, Vec<&OrgRow>> = BTreeMap::new();
    for r in rows {
        if let Some(k) = key(r) {
            by.entry(k).or_default().push(r);
        }
    }
    by.into_iter().map(|(k, rows)| (k.to_string(), sum_rows(rows))).collect()
}

/// The places of `codes` coloured by `measure`: those without figures, or without this figure, are no data.
pub fn classify(codes: &[&str], figures: &BTreeMap<String, Figures>, measure: MapMeasure) -> (Vec<Place>, Option<Breaks>) {
    let values: Vec<Option<f64>> = codes.iter().map(|c| figures.get(*c).and_then(|f| measure.value(f))).collect();
    let breaks = Breaks::quantiles(&values.iter().flatten().copied().collect::<Vec<_>>());
    let places = codes
        .iter()
        .zip(values)
        .map(|(code, value)| Place {
            code: code.to_string(),
            value,
            class: value.zip(breaks.as_ref()).map(|(v, b)| b.class_of(v)),
        })
        .collect();
    (places, breaks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_breaks_put_every_value_in_one_class_and_state_the_ranges() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        let b = Breaks::quantiles(&values).unwrap();
        assert_eq!(b.lower, vec![1.0, 21.0, 41.0, 61.0, 81.0]);
        assert_eq!(b.max, 100.0);
        let mut counts = [0; CLASSES];
        for v in &values {
            counts[b.class_of(*v)] += 1;
        }
        assert_eq!(counts, [20; CLASSES]);
        assert_eq!(b.ranges()[4], (81.0, 100.0));
        assert!(b.ranges().windows(2).all(|w| w[0].1 == w[1].0), "ranges meet");
    }

    #[test]
    fn few_distinct_values_make_fewer_classes_and_none_make_no_breaks() {
        let b = Breaks::quantiles(&[3.0, 3.0, 3.0, 7.0]).unwrap();
        assert_eq!(b.classes(), 2);
        assert_eq!((b.class_of(3.0), b.class_of(7.0)), (0, 1));
        assert_eq!(Breaks::quantiles(&[]), None);
        assert_eq!(Breaks::quantiles(&[f64::NAN]), None);
    }

    #[test]
    fn places_without_a_figure_are_no_data_not_the_lowest_class() {
        let mut figures = BTreeMap::new();
        let mut with = Figures::default();
        with.lpa.add(crate::query::overview::Mean { sum: 80.0, count: 1 });
        figures.insert("10".to_string(), with);
        figures.insert("11".to_string(), Figures::default());
        let (places, breaks) = classify(&["10", "11", "12"], &figures, MapMeasure::Lpa);
        assert_eq!(places[0].class, Some(0));
        assert_eq!(places[0].value, Some(80.0));
        assert_eq!((places[1].class, places[1].value), (None, None), "figures without an LPA");
        assert_eq!((places[2].class, places[2].value), (None, None), "no figures at all");
        assert_eq!(breaks.unwrap().classes(), 1);
    }
}
