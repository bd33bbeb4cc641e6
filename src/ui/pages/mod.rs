//! One module per page of the app.
pub mod check;
pub mod completeness;
pub mod explorer;
pub mod flags;
