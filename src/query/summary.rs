//! Totals and groupings over a selection. Money sums are integer sums of satang.
use crate::domain::money::Satang;
use crate::query::store::{Method, Store, NONE};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub processes: usize,
    pub budget: Satang,
    pub reference_price: Satang,
    pub contract_value: Satang,
    /// How many processes have a contract value (the rest are not yet contracted or not published).
    pub with_contract: usize,
}

fn sum(column: &[i64], rows: &[u32]) -> (Satang, usize) {
    let mut total = 0i64;
    let mut count = 0;
    for &r in rows {
        let v = column[r as usize];
        if v != NONE {
            total += v;
            count += 1;
        }
    }
    (Satang(total), count)
}

pub fn totals(store: &Store, rows: &[u32]) -> Totals {
    let (contract_value, with_contract) = sum(&store.contract_value, rows);
    Totals {
        processes: rows.len(),
        budget: sum(&store.budget, rows).0,
        reference_price: sum(&store.reference_price, rows).0,
        contract_value,
        with_contract,
    }
}

/// Count and contract value per procurement method, in the fixed method order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodShare {
    pub method: Method,
    pub count: usize,
    pub contract_value: Satang,
}

pub fn by_method(store: &Store, rows: &[u32]) -> Vec<MethodShare> {
    let mut shares: Vec<MethodShare> =
        Method::ALL.iter().map(|&method| MethodShare { method, count: 0, contract_value: Satang::ZERO }).collect();
    for &r in rows {
        let m = store.method[r as usize];
        let slot = &mut shares[Method::ALL.iter().position(|x| *x == m).unwrap_or(0)];
        slot.count += 1;
        let v = store.contract_value[r as usize];
        if v != NONE {
            slot.contract_value += Satang(v);
        }
    }
    shares.retain(|s| s.count > 0);
    shares
}
