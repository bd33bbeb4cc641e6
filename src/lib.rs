//! LocalLens (ส่องท้องถิ่น): the core and the UI of a transparency explorer for Thai local government.
//!
//! - `domain`: the vocabulary (money in satang, BE fiscal years, codes, organisations, the OCDS subset).
//! - `ingest`: bytes → domain values and issues; the one place that knows file formats.
//! - `query`: the columnar store, filters, aggregates, red flags, view-models for pages.
//! - `charts`: chart specs → SVG with plotters.
//! - `demo`: the deterministic generator of demonstration data.
//! - `publish`: a catalog and raw files → the data folder the app reads (shards by organisation and year).
//! - `ui`: Leptos only (feature `web`): the state in the URL, pages, components.
//!
//! Dependencies point one way (`ui → charts → query → ingest → domain`); `tests/tidy.rs` holds the code to it.
//! The map, how data flows and where to change what: docs/ARCHITECTURE.md.
// Hot loops over a country's rows are compiled for speed in a bundle otherwise compiled for size, where the
// compiler allows it (tools/setup.sh sets the cfg with Debian's rustc-web).
#![cfg_attr(locallens_speed, feature(optimize_attribute))]
pub mod charts;
pub mod demo;
pub mod domain;
pub mod ingest;
pub mod publish;
pub mod query;
#[cfg(feature = "web")]
pub mod ui;
