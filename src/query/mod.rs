//! The in-memory store and everything computed from it: filters, aggregation, comparisons.
pub mod dict;
pub mod export;
pub mod filter;
pub mod flags;
pub mod sort;
pub mod store;
pub mod summary;
#[cfg(test)]
pub(crate) mod test_data;
pub mod trends;
