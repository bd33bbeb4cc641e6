//! The vocabulary of the app: plain data types with no I/O and no web dependency.
pub mod assessment;
pub mod budget;
pub mod calendar;
pub mod catalog;
pub mod codelist;
pub mod codes;
pub mod geo;
pub mod issue;
pub mod lang;
pub mod money;
pub mod ocds;
pub mod org;
pub mod taxid;
pub mod text;
