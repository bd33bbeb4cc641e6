//! Reusable pieces: links that keep state in the URL, charts with their data, errors, downloads.
pub mod chart;
pub mod download;
pub mod error_panel;
pub mod flags;
pub mod link;
