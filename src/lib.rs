//! LocalLens core and UI.
pub mod domain;
pub mod ingest;
#[cfg(feature = "web")]
pub mod ui;
