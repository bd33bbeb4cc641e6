//! Chart specs (plain data: what to draw) and their rendering to SVG with plotters.
pub mod budget;
pub mod icicle;
pub mod map;
pub mod measure;
pub mod procurement;
pub mod spec;
pub mod svg;
