//! The Open Contracting Partnership's Cardinal indicators, with Cardinal's semantics (see each file).
pub mod r003;
pub mod r018;
pub mod r024;
pub mod r025;
pub mod r028;
pub mod r030;
pub mod r035;
pub mod r036;
pub mod r038;
pub mod r048;
pub mod r058;
