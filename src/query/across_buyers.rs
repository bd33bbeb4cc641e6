//! Suppliers across buyers: which suppliers win from many อปท. in a selection (a province, the country), each
//! with how many buyers, what it won and its share of the selection's contract value; and for one buyer, its
//! suppliers and how many other buyers each also wins from. A process with several winners counts its whole
//! value for each, as the top suppliers do.
use std::collections::HashMap;

use crate::domain::money::{Satang, Total};
use crate::query::head::Head;
use crate::query::store::{Store, NONE};
use crate::query::summary::{by_value_first, Participants, Seen, SupplierTotal};

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

/// The first `top` suppliers of `rows` by most buyers (then value, then code), each with its buyers, processes
/// and value; and the selection's total contract value, the base of each share.
pub fn across_buyers(store: &Store, rows: &[u32], top: usize) -> (Vec<Spread>, Total) {
    let figures = suppliers(store, rows, top, 0);
    (figures.by_buyers, figures.total)
}

/// What the explorer shows per supplier of a selection, from one pass over its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suppliers {
    /// The head by most buyers, as `across_buyers`.
    pub by_buyers: Vec<Spread>,
    /// The head by contract value, as `summary::top_suppliers`.
    pub by_value: Vec<SupplierTotal>,
    /// Who took part: the distinct buyers, bidders and suppliers, as `summary::participants` counts them.
    pub participants: Participants,
    /// The selection's contract value.
    pub total: Total,
}

/// The first `by_buyers` suppliers by most buyers, the first `by_value` by contract value, who took part, and
/// the selection's total: four figures that each walked every row, now one walk.
///
/// It runs on every filter change over as many as the whole country's rows, so it counts in one array indexed
/// by supplier code (a supplier's figures side by side, one trip to memory each), over the rows grouped by
/// buyer: a supplier's buyers are then counted as the buyer changes, with no set per supplier. Only the heads
/// are kept.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn suppliers(store: &Store, rows: &[u32], by_buyers: usize, by_value: usize) -> Suppliers {
    let mut by = vec![Counted::NONE; store.suppliers.len()];
    let walked = count_grouped(store, rows, &mut by).unwrap_or_else(|| {
        by.fill(Counted::NONE);
        count_grouped(store, &group_by_buyer(store, rows), &mut by).expect("rows grouped by buyer")
    });
    let mut spread = Head::new(by_buyers, |a: &Spread, b: &Spread| {
        b.buyers.cmp(&a.buyers).then(b.value.cmp(&a.value)).then(a.supplier.cmp(&b.supplier))
    });
    let mut valued = Head::new(by_value, by_value_first);
    let mut distinct = 0;
    for (s, c) in by.iter().enumerate().filter(|(_, c)| c.processes > 0) {
        distinct += 1;
        let (supplier, processes) = (s as u32, c.processes as usize);
        valued.offer(SupplierTotal { supplier, processes, value: c.value });
        spread.offer(Spread { supplier, buyers: c.buyers as usize, processes, value: c.value });
    }
    let (head, valued) = (spread.into_vec(), valued.into_vec());
    let Walked { total, buyers, bidders, with_bids } = walked;
    Suppliers {
        by_buyers: head,
        by_value: valued,
        participants: Participants { buyers, bidders, suppliers: distinct, with_bids },
        total,
    }
}

#[derive(Clone, Copy)]
struct Counted {
    value: Total,
    last_buyer: u32,
    buyers: u32,
    processes: u32,
}

impl Counted {
    const NONE: Counted = Counted { value: Total::ZERO, last_buyer: u32::MAX, buyers: 0, processes: 0 };
}

/// What the walk over the rows sums and counts besides each supplier's figures.
struct Walked {
    total: Total,
    buyers: usize,
    bidders: usize,
    with_bids: usize,
}

/// Counts `rows` into `by`, sums their contract value and counts who took part, if each buyer's rows are
/// together (as a published shard has them, and so any selection in row order): None as soon as a buyer comes
/// back after another, and then `by` is to be cleared. Checked as it goes, on each change of buyer, not in a
/// walk of its own; the buyers are then counted by their changes.
#[cfg_attr(locallens_speed, optimize(speed))]
fn count_grouped(store: &Store, rows: &[u32], by: &mut [Counted]) -> Option<Walked> {
    let mut done = vec![false; store.orgs.len()];
    let mut bidders = Seen::new(store.bidders.len());
    let (mut current, mut buyers, mut with_bids) = (u32::MAX, 0, 0);
    let mut total = Total::ZERO;
    for &r in rows {
        let (org, v) = (store.org[r as usize], store.contract_value[r as usize]);
        if org != current {
            if std::mem::replace(&mut done[org as usize], true) {
                return None;
            }
            current = org;
            buyers += 1;
        }
        if v != NONE {
            total.add(Satang(v));
        }
        let bids = store.bidders_of(r);
        with_bids += usize::from(!bids.is_empty());
        bids.iter().for_each(|&c| bidders.mark(c));
        for &s in store.suppliers_of(r) {
            let c = &mut by[s as usize];
            if c.last_buyer != org {
                c.last_buyer = org;
                c.buyers += 1;
            }
            c.processes += 1;
            if v != NONE {
                c.value.add(Satang(v));
            }
        }
    }
    Some(Walked { total, buyers, bidders: bidders.count, with_bids })
}

/// `rows` reordered so that each buyer's rows are together (a counting sort by buyer code).
#[cfg_attr(locallens_speed, optimize(speed))]
fn group_by_buyer(store: &Store, rows: &[u32]) -> Vec<u32> {
    let mut start = vec![0u32; store.orgs.len() + 1];
    for &r in rows {
        start[store.org[r as usize] as usize + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut grouped = vec![0u32; rows.len()];
    for &r in rows {
        let slot = &mut start[store.org[r as usize] as usize];
        grouped[*slot as usize] = r;
        *slot += 1;
    }
    grouped
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
    fn one_pass_gives_what_the_rankings_and_participants_give_alone() {
        use crate::query::summary::{participants, top_suppliers, totals};
        let store = store(900);
        // Two of every three rows, in row order and interleaved (then regrouped by buyer before the walk).
        let in_order: Vec<u32> = (0..store.len() as u32).filter(|r| r % 3 != 0).collect();
        let mut interleaved = in_order.clone();
        interleaved.sort_by_key(|&r| (r % 7, r));
        for (rows, (n, m)) in [&in_order, &interleaved]
            .into_iter()
            .flat_map(|rows| [(15, 10), (3, 0), (0, 7), (usize::MAX, usize::MAX)].map(|nm| (rows, nm)))
        {
            let one = suppliers(&store, rows, n, m);
            assert_eq!(one.by_buyers, across_buyers(&store, rows, n).0);
            assert_eq!(one.by_value, if m == 0 { vec![] } else { top_suppliers(&store, rows, m) });
            assert_eq!(one.participants, participants(&store, rows));
            assert_eq!(one.total, totals(&store, rows).contract_value);
        }
        let who = suppliers(&store, &interleaved, 1, 1).participants;
        assert!(who.suppliers > 10 && who.buyers > 1 && who.bidders > 0 && who.with_bids > 0);
    }

    #[test]
    fn buyers_are_counted_once_and_the_ranking_is_by_buyers() {
        let store = store(900);
        let rows: Vec<u32> = (0..store.len() as u32).collect();
        let (list, total) = across_buyers(&store, &rows, usize::MAX);
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
    fn the_head_is_the_head_of_the_whole_ranking_in_any_row_order() {
        let store = store(900);
        let mut rows: Vec<u32> = (0..store.len() as u32).filter(|r| r % 3 != 0).collect();
        let (all, total) = across_buyers(&store, &rows, usize::MAX);
        for by_buyer in [true, false] {
            // Grouped by buyer the other way round, then interleaved (regrouped before counting).
            if by_buyer {
                rows.sort_by_key(|&r| (std::cmp::Reverse(store.org[r as usize]), r));
            } else {
                rows.sort_by_key(|&r| (r % 7, r));
            }
            let mut by = vec![Counted::NONE; store.suppliers.len()];
            assert_eq!(count_grouped(&store, &rows, &mut by).is_some(), by_buyer);
            let (head, head_total) = across_buyers(&store, &rows, 10);
            assert_eq!(head, all[..10]);
            assert_eq!(head_total, total);
        }
        assert_eq!(across_buyers(&store, &[], 10), (vec![], Total::ZERO));
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
