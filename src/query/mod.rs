//! The in-memory store and everything computed from it: filters, aggregation, comparisons.
pub mod dict;
pub mod flags;
pub mod store;
pub mod summary;
