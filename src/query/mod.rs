//! The in-memory store and everything computed from it: filters, aggregation, comparisons.
pub mod assessment;
pub mod budget;
pub mod budget_link;
pub mod choropleth;
pub mod compare;
pub mod completeness;
pub mod contacts;
pub mod csv;
pub mod dict;
pub mod export;
pub mod filter;
pub mod flags;
pub mod identity;
pub mod load;
pub mod overview;
pub mod paging;
pub mod peers;
pub mod process;
pub mod rows;
pub mod sort;
pub mod store;
pub mod summary;
pub mod supplier;
#[cfg(test)]
pub(crate) mod test_data;
pub mod trends;
pub mod words;
