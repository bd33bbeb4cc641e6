//! Reusable pieces: links that keep state in the URL, charts with their data, errors, downloads, notices.
pub mod chart;
pub mod code;
pub mod download;
pub mod embed;
pub mod error_panel;
pub mod flags;
pub mod link;
pub mod notice;
pub mod route_page;
