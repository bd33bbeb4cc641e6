//! LocalLens core and UI.
pub mod charts;
pub mod demo;
pub mod domain;
pub mod ingest;
pub mod query;
#[cfg(feature = "web")]
pub mod ui;
