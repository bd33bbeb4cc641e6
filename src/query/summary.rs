//! Totals and groupings over a selection. Money sums are integer sums of satang.
use crate::domain::codes::Code;
use crate::domain::codes::Method;
use crate::domain::money::{Satang, Total};
use crate::query::head::head_by;
use crate::query::store::{Store, NONE};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub processes: usize,
    pub budget: Total,
    pub reference_price: Total,
    pub contract_value: Total,
    /// How many processes have each figure: a sum over none is "no data", not 0.
    pub with_budget: usize,
    pub with_reference: usize,
    /// How many processes have a contract value (the rest are not yet contracted or not published).
    pub with_contract: usize,
}

/// A sum of satang kept in 64 bits and carried into the 128-bit total only when the next term would overflow:
/// wasm has no 128-bit add, and a country's rows are summed on every filter change.
#[derive(Default)]
struct Running {
    total: Total,
    part: i64,
    count: usize,
}

impl Running {
    #[inline(always)]
    fn push(&mut self, v: i64) {
        if v != NONE {
            self.part = self.part.checked_add(v).unwrap_or_else(|| {
                self.total.add(Satang(self.part));
                v
            });
            self.count += 1;
        }
    }

    fn finish(mut self) -> (Total, usize) {
        self.total.add(Satang(self.part));
        (self.total, self.count)
    }
}

#[cfg(test)]
fn sum(column: &[i64], rows: &[u32]) -> (Total, usize) {
    let mut running = Running::default();
    rows.iter().for_each(|&r| running.push(column[r as usize]));
    running.finish()
}

/// The three sums in one walk over the rows: a country's row numbers read once, not three times.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn totals(store: &Store, rows: &[u32]) -> Totals {
    let (mut contract, mut budget, mut reference) = (Running::default(), Running::default(), Running::default());
    for &r in rows {
        let r = r as usize;
        contract.push(store.contract_value[r]);
        budget.push(store.budget[r]);
        reference.push(store.reference_price[r]);
    }
    let ((contract_value, with_contract), (budget, with_budget), (reference_price, with_reference)) =
        (contract.finish(), budget.finish(), reference.finish());
    Totals { processes: rows.len(), budget, reference_price, contract_value, with_budget, with_reference, with_contract }
}

/// Count and contract value per procurement method, in the fixed method order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodShare {
    pub method: Method,
    pub count: usize,
    pub contract_value: Total,
}

#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn by_method<'a>(store: &Store, rows: impl IntoIterator<Item = &'a u32>) -> Vec<MethodShare> {
    let mut shares: Vec<MethodShare> =
        Method::ALL.iter().map(|&method| MethodShare { method, count: 0, contract_value: Total::ZERO }).collect();
    rows.into_iter().for_each(|&r| {
        let m = store.method[r as usize];
        let slot = &mut shares[m.index()];
        slot.count += 1;
        let v = store.contract_value[r as usize];
        if v != NONE {
            slot.contract_value.add(Satang(v));
        }
    });
    shares.retain(|s| s.count > 0);
    shares
}

/// Who took part in a selection: distinct buyers, bidders (tenderers of submitted bids) and awarded suppliers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Participants {
    pub buyers: usize,
    pub bidders: usize,
    pub suppliers: usize,
    /// Processes that publish any bid: with none, the number of bidders is unknown, not 0.
    pub with_bids: usize,
}

/// Codes met so far, marked in a flat array: no hashing of ids per row.
pub(crate) struct Seen {
    seen: Vec<bool>,
    pub count: usize,
}

impl Seen {
    pub fn new(len: usize) -> Seen {
        Seen { seen: vec![false; len], count: 0 }
    }

    #[inline(always)]
    pub fn mark(&mut self, code: u32) {
        let slot = &mut self.seen[code as usize];
        self.count += usize::from(!*slot);
        *slot = true;
    }
}

/// Who took part in `rows`. The explorer has these from `across_buyers::suppliers`' walk; this is the
/// walk of its own, for a selection that needs nothing else.
pub fn participants(store: &Store, rows: &[u32]) -> Participants {
    let (mut buyers, mut bidders, mut suppliers) =
        (Seen::new(store.orgs.len()), Seen::new(store.bidders.len()), Seen::new(store.suppliers.len()));
    let mut with_bids = 0;
    for &r in rows {
        buyers.mark(store.org[r as usize]);
        let bids = store.bidders_of(r);
        with_bids += usize::from(!bids.is_empty());
        bids.iter().for_each(|&c| bidders.mark(c));
        store.suppliers_of(r).iter().for_each(|&c| suppliers.mark(c));
    }
    Participants { buyers: buyers.count, bidders: bidders.count, suppliers: suppliers.count, with_bids }
}

/// A supplier's contracts in a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupplierTotal {
    /// The supplier's code in `Store::suppliers`.
    pub supplier: u32,
    pub processes: usize,
    pub value: Total,
}

/// Every supplier of the selection with its processes and contract value, in code order. A process with
/// several suppliers counts its whole value for each.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn by_supplier<'a>(store: &Store, rows: impl IntoIterator<Item = &'a u32>) -> Vec<SupplierTotal> {
    // Indexed by code, not hashed: a country's selection touches over a million supplier slots.
    let mut totals = vec![(0usize, Total::ZERO); store.suppliers.len()];
    rows.into_iter().for_each(|&r| {
        let v = store.contract_value[r as usize];
        for &s in store.suppliers_of(r) {
            let t = &mut totals[s as usize];
            t.0 += 1;
            if v != NONE {
                t.1.add(Satang(v));
            }
        }
    });
    totals
        .into_iter()
        .enumerate()
        .filter(|(_, (processes, _))| *processes > 0)
        .map(|(supplier, (processes, value))| SupplierTotal { supplier: supplier as u32, processes, value })
        .collect()
}

/// A buyer's processes and contract value in a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgTotal {
    /// The organisation's code in `Store::orgs`.
    pub org: u32,
    pub processes: usize,
    pub value: Total,
}

/// Every buyer of the selection with its processes and contract value, in code order.
/// Not `by_supplier`'s loop with one code a row: over the national data that took 4.0 ms where this takes 3.0
/// (bench engines, org query).
pub fn by_org<'a>(store: &Store, rows: impl IntoIterator<Item = &'a u32>) -> Vec<OrgTotal> {
    let mut totals = vec![(0usize, Total::ZERO); store.orgs.len()];
    rows.into_iter().for_each(|&r| {
        let t = &mut totals[store.org[r as usize] as usize];
        t.0 += 1;
        let v = store.contract_value[r as usize];
        if v != NONE {
            t.1.add(Satang(v));
        }
    });
    totals
        .into_iter()
        .enumerate()
        .filter(|(_, (processes, _))| *processes > 0)
        .map(|(org, (processes, value))| OrgTotal { org: org as u32, processes, value })
        .collect()
}

/// The `n` suppliers with the largest contract value in the selection (ties by code), largest first.
/// A process with several suppliers counts its whole value for each: the table says so.
#[cfg_attr(locallens_speed, optimize(speed), inline(never))]
pub fn top_suppliers(store: &Store, rows: &[u32], n: usize) -> Vec<SupplierTotal> {
    head_by(by_supplier(store, rows), n, by_value_first)
}

/// The order of the top suppliers: the largest contract value first, ties by code.
pub fn by_value_first(a: &SupplierTotal, b: &SupplierTotal) -> std::cmp::Ordering {
    b.value.cmp(&a.value).then(a.supplier.cmp(&b.supplier))
}

/// What one supplier won from one buyer, against everything that buyer contracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuyerShare {
    /// The organisation's code in `Store::orgs`.
    pub org: u32,
    pub processes: usize,
    pub supplier_value: Total,
    pub buyer_value: Total,
}

impl BuyerShare {
    pub fn share(&self) -> Option<f64> {
        self.supplier_value.share_of(self.buyer_value)
    }
}

/// A supplier's contracts per buyer, largest first, with each buyer's total contract value over the store.
pub fn supplier_by_buyer(store: &Store, supplier: &str) -> Vec<BuyerShare> {
    let mut buyer_totals: std::collections::HashMap<u32, Total> = std::collections::HashMap::new();
    for (row, &org) in store.org.iter().enumerate() {
        let v = store.contract_value[row];
        if v != NONE {
            buyer_totals.entry(org).or_default().add(Satang(v));
        }
    }
    let mut by_org: std::collections::BTreeMap<u32, (usize, Total)> = std::collections::BTreeMap::new();
    for &row in store.rows_of_supplier(supplier) {
        let entry = by_org.entry(store.org[row as usize]).or_default();
        entry.0 += 1;
        let v = store.contract_value[row as usize];
        if v != NONE {
            entry.1.add(Satang(v));
        }
    }
    let mut out: Vec<BuyerShare> = by_org
        .into_iter()
        .map(|(org, (processes, supplier_value))| BuyerShare {
            org,
            processes,
            supplier_value,
            buyer_value: buyer_totals.get(&org).copied().unwrap_or_default(),
        })
        .collect();
    out.sort_by(|a, b| b.supplier_value.cmp(&a.supplier_value).then(a.org.cmp(&b.org)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ocds::{Award, Contract, OrgRef, Process, Release, Value};

    #[test]
    fn sums_beyond_64_bits_are_exact_in_either_direction() {
        let max = Satang::MAX.0;
        // 200,000 of the largest amounts pass i64::MAX twice; the gaps are rows with no figure.
        let column: Vec<i64> = (0..400_000).map(|i| if i % 2 == 0 { max } else { NONE }).collect();
        let rows: Vec<u32> = (0..column.len() as u32).collect();
        let (total, count) = sum(&column, &rows);
        assert_eq!((total.satang_i128(), count), (200_000 * i128::from(max), 200_000));
        let negative: Vec<i64> = column.iter().map(|&v| if v == NONE { NONE } else { -v }).collect();
        assert_eq!(sum(&negative, &rows).0.satang_i128(), -200_000 * i128::from(max));
        let mixed = [i64::MAX - 3, -1, 9, 7, NONE, -max];
        let rows = [0, 1, 2, 3, 4, 5, 5, 0, 3];
        let expected: i128 = rows.iter().map(|&r| mixed[r as usize]).filter(|&v| v != NONE).map(i128::from).sum();
        let (total, count) = sum(&mixed, &rows);
        assert_eq!((total.satang_i128(), count), (expected, 8));
    }

    #[test]
    fn the_one_walk_totals_are_each_columns_sum() {
        let store = crate::query::test_data::store(700);
        let rows: Vec<u32> = (0..store.len() as u32).rev().filter(|r| r % 4 != 1).collect();
        let t = totals(&store, &rows);
        assert_eq!((t.contract_value, t.with_contract), sum(&store.contract_value, &rows));
        assert_eq!((t.budget, t.with_budget), sum(&store.budget, &rows));
        assert_eq!((t.reference_price, t.with_reference), sum(&store.reference_price, &rows));
        // The test store has rows without each figure: the counts are not all the rows.
        assert!(t.with_contract < rows.len() && t.with_contract > 0 && t.budget != t.contract_value);
        assert_eq!(t.processes, rows.len());
    }

    fn process(ocid: &str, supplier: &str, baht: i64) -> Process {
        let value = Some(Value { amount: Some(Satang::baht(baht)), currency: Some("THB".into()) });
        Process {
            compiled: Release {
                ocid: ocid.into(),
                awards: vec![Award {
                    status: Some("active".into()),
                    suppliers: vec![OrgRef { id: Some(supplier.into()), name: None }],
                    ..Award::default()
                }],
                contracts: vec![Contract { value, ..Contract::default() }],
                ..Release::default()
            },
            history: Vec::new(),
        }
    }

    #[test]
    fn participants_and_top_suppliers_count_distinct_ids() {
        let mut store = Store::default();
        store.add(Some("A"), None, vec![process("1", "S", 300), process("2", "T", 700), process("3", "S", 100)]);
        store.add(Some("B"), None, vec![process("4", "S", 50)]);
        let all: Vec<u32> = (0..4).collect();
        assert_eq!(participants(&store, &all), Participants { buyers: 2, bidders: 0, suppliers: 2, with_bids: 0 });
        let top = top_suppliers(&store, &all, 1);
        assert_eq!(
            (store.suppliers.get(top[0].supplier), top[0].processes, top[0].value),
            ("T", 1, Total::from(Satang::baht(700)))
        );
        let both = top_suppliers(&store, &all, 5);
        assert_eq!(
            (store.suppliers.get(both[1].supplier), both[1].processes, both[1].value),
            ("S", 3, Total::from(Satang::baht(450)))
        );
    }

    #[test]
    fn participants_equal_distinct_ids_read_from_the_processes() {
        let store = crate::query::test_data::store(900);
        for rows in [(0..store.len() as u32).collect::<Vec<_>>(), (0..store.len() as u32).filter(|r| r % 5 == 2).collect()] {
            let mut bidders = std::collections::BTreeSet::new();
            let mut suppliers = std::collections::BTreeSet::new();
            let mut buyers = std::collections::BTreeSet::new();
            for &r in &rows {
                let p = &store.processes[r as usize].compiled;
                buyers.insert(store.orgs.get(store.org[r as usize]));
                for b in p.bids.iter().filter(|b| !matches!(b.status.as_deref(), None | Some("invited" | "withdrawn"))) {
                    bidders.extend(b.tenderers.iter().filter_map(|t| t.id.as_deref()));
                }
                for a in p.awards.iter().filter(|a| a.status.as_deref() == Some("active")) {
                    suppliers.extend(a.suppliers.iter().filter_map(|s| s.id.as_deref()));
                }
            }
            let got = participants(&store, &rows);
            assert_eq!((got.buyers, got.bidders, got.suppliers), (buyers.len(), bidders.len(), suppliers.len()));
            assert!(got.bidders > 10);
        }
    }

    #[test]
    fn groupings_by_buyer_and_supplier_equal_sums_read_row_by_row() {
        let store = crate::query::test_data::store(900);
        let rows: Vec<u32> = (0..store.len() as u32).filter(|r| r % 3 != 1).collect();
        let mut buyers = std::collections::BTreeMap::<u32, (usize, Total)>::new();
        let mut suppliers = std::collections::BTreeMap::<u32, (usize, Total)>::new();
        for &r in &rows {
            let value = store.release(r as usize).and_then(|p| p.contract_value());
            let count = |slot: &mut (usize, Total)| {
                slot.0 += 1;
                if let Some(v) = value {
                    slot.1.add(v);
                }
            };
            count(buyers.entry(store.org[r as usize]).or_default());
            for &s in store.suppliers_of(r) {
                count(suppliers.entry(s).or_default());
            }
        }
        let got: Vec<(u32, usize, Total)> = by_org(&store, &rows).iter().map(|t| (t.org, t.processes, t.value)).collect();
        assert_eq!(got, buyers.into_iter().map(|(k, (n, v))| (k, n, v)).collect::<Vec<_>>());
        assert!(got.len() > 3);
        let got: Vec<(u32, usize, Total)> =
            by_supplier(&store, &rows).iter().map(|t| (t.supplier, t.processes, t.value)).collect();
        assert_eq!(got, suppliers.into_iter().map(|(k, (n, v))| (k, n, v)).collect::<Vec<_>>());
        assert!(got.len() > 10);
    }

    #[test]
    fn supplier_shares_are_exact_per_buyer() {
        let mut store = Store::default();
        store.add(Some("A"), None, vec![process("1", "S", 300), process("2", "T", 700), process("3", "S", 100)]);
        store.add(Some("B"), None, vec![process("4", "S", 50), process("5", "U", 50)]);
        let shares = supplier_by_buyer(&store, "S");
        assert_eq!(shares.len(), 2);
        assert_eq!(store.orgs.get(shares[0].org), "A");
        assert_eq!(
            (shares[0].processes, shares[0].supplier_value, shares[0].buyer_value),
            (2, Total::from(Satang::baht(400)), Total::from(Satang::baht(1100)))
        );
        assert_eq!(shares[1].share(), Some(0.5));
        assert!(supplier_by_buyer(&store, "nobody").is_empty());
    }
}
