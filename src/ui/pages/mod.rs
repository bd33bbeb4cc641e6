//! One module per page of the app.
pub mod check;
pub mod explorer;
pub mod flags;
