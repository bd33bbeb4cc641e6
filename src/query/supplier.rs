//! One supplier as its page shows it: its name and tax id as its processes publish them, and its processes
//! newest first.
use crate::query::store::Store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub tax_id: Option<String>,
    /// The rows it won, newest first (by signing, else start date; undated last).
    pub rows: Vec<u32>,
}

/// None when no loaded process names `id` as a winner.
pub fn profile(store: &Store, id: &str) -> Option<Profile> {
    let mut rows: Vec<u32> = store.rows_of_supplier(id).to_vec();
    if rows.is_empty() {
        return None;
    }
    rows.sort_by_key(|&r| std::cmp::Reverse(store.spend_date[r as usize].or(store.date[r as usize])));
    let code = store.suppliers.lookup(id)?;
    Some(Profile {
        name: store.supplier_name(code).unwrap_or(id).to_string(),
        tax_id: store.supplier_tax_id(code).map(str::to_string),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::test_data::store;

    #[test]
    fn a_profile_lists_what_the_supplier_won_newest_first() {
        let store = store(600);
        let code = (0..store.suppliers.len() as u32).max_by_key(|&c| store.by_supplier[&c].len()).unwrap();
        let id = store.suppliers.get(code).to_string();
        let p = profile(&store, &id).unwrap();
        assert_eq!(p.rows.len(), store.rows_of_supplier(&id).len());
        let dates: Vec<_> = p.rows.iter().map(|&r| store.spend_date[r as usize].or(store.date[r as usize])).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]));
        assert!(p.tax_id.is_some_and(|t| crate::domain::taxid::check(&t) == crate::domain::taxid::TaxIdCheck::Valid));
        assert!(profile(&store, "nobody").is_none());
    }
}
