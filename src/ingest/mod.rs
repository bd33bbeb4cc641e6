//! Bytes → domain values. Every parser returns `Parsed { values, issues, counts }` and never panics:
//! a bad record is rejected and counted with its reason, and the rest of the file still loads.
pub mod assessment;
pub mod boundaries;
pub mod budget;
pub mod catalog;
pub mod checksum;
pub mod csv;
pub mod egp;
pub mod egp_api;
pub mod messages;
pub mod ocds;
pub mod reader;
pub mod registry;
pub mod text;
pub mod validate;
pub mod wevis;
