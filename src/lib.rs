//! LocalLens core and UI.
pub mod domain;
pub mod ingest;
pub mod query;
pub mod charts;
pub mod demo;
#[cfg(feature = "web")]
pub mod ui;
