//! Suppliers across buyers: which suppliers win from many อปท. in a selection (a province, the country), each
//! with how many buyers, what it won and its share of the selection's contract value; and for one buyer, its
//! suppliers and how many other buyers each also wins from. A process with several winners counts its whole
//! value for each, as the top suppliers do.
use std::collections::HashMap;

use crate::domain::money::{Satang, Total};
use crate::query::store::{Store, NONE};

/// One supplier over a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    /// The supplier's code in `Store::suppliers`.
    pub supplier: u32,
    /// Distinct buying organisations.
    pub buyers: usize,
    pub processes: usize,
    pub value: Total,
}

/// Every supplier of `rows` with its buyers, processes and value, most buyers first (then value, then code).
/// Also the selection's total contract value, the base of each share.
pub fn across_buyers(store: &Store, rows: &[u32]) -> (Vec<Spread>, Total) {
    let mut by: HashMap<u32, (Vec<u32>, usize, Total)> = HashMap::new();
    let mut total = Total::ZERO;
    for &r in rows {
        let i = r as usize;
        let v = store.contract_value[i];
        if v != NONE {
            total.add(Satang(v));
        }
        for &s in store.suppliers_of(r) {
            let e = by.entry(s).or_insert_with(|| (Vec::new(), 0, Total::ZERO));
            e.0.push(store.org[i]);
            e.1 += 1;
            if v != NONE {
                e.2.add(Satang(v));
            }
        }
    }
    let mut list: Vec<Spread> = by
        .into_iter()
        .map(|(supplier, (mut orgs, processes, value))| {
            orgs.sort_unstable();
            orgs.dedup();
            Spread { supplier, buyers: orgs.len(), processes, value }
        })
        .collect();
    list.sort_by(|a, b| b.buyers.cmp(&a.buyers).then(b.value.cmp(&a.value)).then(a.supplier.cmp(&b.supplier)));
    (list, total)
}

/// A buyer's supplier: what it won from this buyer, and from how many other buyers of the loaded data (and
/// how much).
#[derive(Debug, Clone, PartialEq)]
pub struct OfBuyer {
    pub supplier: u32,
    pub processes: usize,
    pub value: Total,
    pub other_buyers: usize,
    pub elsewhere: Total,
}

/// The suppliers of buyer `org` (its store code) over `rows`, largest value first, each with what it won from
/// the other buyers of the same rows.
pub fn of_buyer(store: &Store, org: u32, rows: &[u32]) -> Vec<OfBuyer> {
    let mut mine: HashMap<u32, (usize, Total)> = HashMap::new();
    for &r in rows.iter().filter(|&&r| store.org[r as usize] == org) {
        let v = store.contract_value[r as usize];
        for &s in store.suppliers_of(r) {
            let e = mine.entry(s).or_insert((0, Total::ZERO));
            e.0 += 1;
            if v != NONE {
                e.1.add(Satang(v));
            }
        }
    }
    let mut others: HashMap<u32, (Vec<u32>, Total)> = HashMap::new();
    for &r in rows.iter().filter(|&&r| store.org[r as usize] != org) {
        let i = r as usize;
        for &s in store.suppliers_of(r).iter().filter(|s| mine.contains_key(s)) {
            let e = others.entry(s).or_insert_with(|| (Vec::new(), Total::ZERO));
            e.0.push(store.org[i]);
            if store.contract_value[i] != NONE {
                e.1.add(Satang(store.contract_value[i]));
            }
        }
    }
    let mut list: Vec<OfBuyer> = mine
        .into_iter()
        .map(|(supplier, (processes, value))| {
            let (other_buyers, elsewhere) = others.remove(&supplier).map_or((0, Total::ZERO), |(mut o, t)| {
                o.sort_unstable();
                o.dedup();
                (o.len(), t)
            });
            OfBuyer { supplier, processes, value, other_buyers, elsewhere }
        })
        .collect();
    list.sort_by(|a, b| b.value.cmp(&a.value).then(a.supplier.cmp(&b.supplier)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::test_data::store;
    use std::collections::BTreeSet;

    #[test]
    fn buyers_are_counted_once_and_the_ranking_is_by_buyers() {
        let store = store(900);
        let rows: Vec<u32> = (0..store.len() as u32).collect();
        let (list, total) = across_buyers(&store, &rows);
        assert_eq!(list.len(), store.by_supplier.len());
        for s in list.iter().take(20) {
            let mine = &store.by_supplier[&s.supplier];
            let buyers: BTreeSet<u32> = mine.iter().map(|&r| store.org[r as usize]).collect();
            assert_eq!(s.buyers, buyers.len());
            assert_eq!(s.processes, mine.len());
            let value: i128 = mine.iter().map(|&r| store.contract_value[r as usize]).filter(|&v| v != NONE).map(i128::from).sum();
            assert_eq!(s.value.satang_i128(), value);
        }
        assert!(list.windows(2).all(|w| w[0].buyers >= w[1].buyers));
        assert!(list[0].buyers > 1, "the demo has suppliers winning from several buyers");
        let all: i128 = rows.iter().map(|&r| store.contract_value[r as usize]).filter(|&v| v != NONE).map(i128::from).sum();
        assert_eq!(total.satang_i128(), all);
    }

    #[test]
    fn a_buyers_suppliers_say_what_they_won_elsewhere() {
        let store = store(900);
        let rows: Vec<u32> = (0..store.len() as u32).collect();
        let org = store.org[0];
        let list = of_buyer(&store, org, &rows);
        assert!(!list.is_empty());
        for s in &list {
            let won = &store.by_supplier[&s.supplier];
            let (here, there): (Vec<u32>, Vec<u32>) = won.iter().partition(|&&r| store.org[r as usize] == org);
            assert_eq!(s.processes, here.len());
            let others: BTreeSet<u32> = there.iter().map(|&r| store.org[r as usize]).collect();
            assert_eq!(s.other_buyers, others.len());
            let elsewhere: i128 =
                there.iter().map(|&r| store.contract_value[r as usize]).filter(|&v| v != NONE).map(i128::from).sum();
            assert_eq!(s.elsewhere.satang_i128(), elsewhere);
        }
        assert!(list.windows(2).all(|w| w[0].value >= w[1].value));
    }
}
