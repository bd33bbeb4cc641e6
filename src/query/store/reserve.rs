//! Making room for rows known to be coming, so that a country's load grows no column or index by doubling:
//! each doubling copies what is held (and rehashes a million ocids) in one long task, and leaves up to half
//! of what it allocates unused.
use super::Store;

impl Store {
    /// Makes room for `rows` more rows in every per-row column and in the ocid index.
    pub fn reserve(&mut self, rows: usize) {
        self.org.reserve_exact(rows);
        self.fiscal_year.reserve_exact(rows);
        self.method.reserve_exact(rows);
        self.stage.reserve_exact(rows);
        self.category.reserve_exact(rows);
        self.budget.reserve_exact(rows);
        self.reference_price.reserve_exact(rows);
        self.contract_value.reserve_exact(rows);
        self.date.reserve_exact(rows);
        self.spend_date.reserve_exact(rows);
        self.buyer_name.reserve_exact(rows);
        self.method_details.reserve_exact(rows);
        self.budget_line.reserve_exact(rows);
        self.supplier_start.reserve_exact(rows + 1);
        self.bidder_start.reserve_exact(rows + 1);
        self.by_ocid.reserve(rows);
    }
}
