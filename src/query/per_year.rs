//! Sums kept per fiscal year over a pass of as many as a country's rows. A selection spans a few years and a
//! row's year is mostly its neighbour's (shards are cut by year), so the year last met is tried first and the
//! others are found in a short sorted list: no map lookup per row, which cost the national facet change tens
//! of milliseconds per pass in wasm.
use std::collections::BTreeMap;

pub struct PerYear<T> {
    years: Vec<(i32, T)>,
    last: usize,
}

impl<T> Default for PerYear<T> {
    fn default() -> Self {
        PerYear { years: Vec::new(), last: 0 }
    }
}

impl<T> PerYear<T> {
    /// The sum of `year`, made by `new` the first time the year is met.
    pub fn entry(&mut self, year: i32, new: impl FnOnce() -> T) -> &mut T {
        if self.years.get(self.last).is_none_or(|(y, _)| *y != year) {
            self.last = match self.years.binary_search_by_key(&year, |(y, _)| *y) {
                Ok(i) => i,
                Err(i) => {
                    self.years.insert(i, (year, new()));
                    i
                }
            };
        }
        &mut self.years[self.last].1
    }

    pub fn into_map(self) -> BTreeMap<i32, T> {
        self.years.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_a_map_whatever_the_order_of_years() {
        let years = [2568, 2568, 2566, 2569, 2568, 2566, 2570, 2565, 2565, 2568];
        let mut ours = PerYear::default();
        let mut map: BTreeMap<i32, usize> = BTreeMap::new();
        for (k, &y) in years.iter().enumerate() {
            *ours.entry(y, || 0) += k;
            *map.entry(y).or_default() += k;
        }
        assert_eq!(ours.into_map(), map);
        assert!(PerYear::<u8>::default().into_map().is_empty());
    }
}
