//! The first few of a long list in an order, for rankings that show a head of a country's many suppliers or rows:
//! the rest is partitioned away, or never kept, not sorted.
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

/// The first `n` of a stream in an order, kept as they come: what `head_by` gives without the whole list in
/// memory. A country's suppliers were a list of some 100,000 built, grown and partitioned on every filter change
/// to keep ten; here almost every one costs one comparison with the last kept. For short heads: each one kept
/// is inserted in order.
pub struct Head<T, F> {
    n: usize,
    order: F,
    kept: Vec<T>,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Head<T, F> {
    pub fn new(n: usize, order: F) -> Self {
        Head { n, order, kept: Vec::with_capacity(n.saturating_add(1).min(64)) }
    }

    #[inline]
    pub fn offer(&mut self, item: T) {
        if self.kept.len() == self.n {
            match self.kept.last() {
                Some(last) if (self.order)(&item, last) == Ordering::Less => {
                    self.kept.pop();
                }
                _ => return,
            }
        }
        let order = &mut self.order;
        let at = self.kept.partition_point(|k| order(k, &item) != Ordering::Greater);
        self.kept.insert(at, item);
    }

    pub fn into_vec(self) -> Vec<T> {
        self.kept
    }
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

    #[test]
    fn a_streamed_head_is_the_partitioned_head() {
        // Ties on the first key, broken by the second, as the rankings break them by code.
        let list: Vec<(u32, u32)> = (0..500).map(|i| ((i * 7919) % 37, i)).collect();
        let order = |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        for n in [0, 1, 10, 37, 499, 500, 900] {
            let mut head = Head::new(n, order);
            list.iter().for_each(|&x| head.offer(x));
            let streamed = head.into_vec();
            assert_eq!(streamed, head_by(list.clone(), n, order), "n = {n}");
            assert_eq!(streamed.len(), n.min(500));
        }
        // In ascending order every item displaces the last kept: the worst case still keeps the right ones.
        let mut head = Head::new(3, |a: &u32, b: &u32| b.cmp(a));
        (0..1000u32).for_each(|x| head.offer(x));
        assert_eq!(head.into_vec(), vec![999, 998, 997]);
    }
}
