//! The first few of a long list in an order, for rankings that show a head of a country's many suppliers or rows:
//! the rest is partitioned away, not sorted.
use std::cmp::Ordering;

/// The first `n` of `list` in `order`, sorted. With an order that is total (ties broken by code or row), this is
/// exactly the start of the whole list sorted.
#[cfg_attr(locallens_speed, optimize(speed))]
pub fn head_by<T>(mut list: Vec<T>, n: usize, mut order: impl FnMut(&T, &T) -> Ordering) -> Vec<T> {
    if n < list.len() {
        list.select_nth_unstable_by(n, &mut order);
        list.truncate(n);
    }
    list.sort_unstable_by(order);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_the_start_of_the_whole_sort() {
        let list: Vec<u32> = (0..200).map(|i| (i * 7919) % 211).collect();
        let mut sorted = list.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        for n in [0, 1, 10, 199, 200, 500] {
            assert_eq!(head_by(list.clone(), n, |a, b| b.cmp(a)), sorted[..n.min(200)]);
        }
    }
}
