//! The Open Contracting Partnership's Cardinal indicators, with Cardinal's semantics (see each file).
mod r003;
mod r018;
mod r024;
mod r025;
mod r028;
mod r030;
mod r035;
mod r036;
mod r038;
mod r048;
mod r058;

use crate::query::flags::settings::{Ini, SettingsError};
use crate::query::flags::Indicator;

pub const CODES: [&str; 11] = ["R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R048", "R058"];

/// The indicators whose section is present in the settings (present and empty is enough).
pub fn build(ini: &Ini) -> Result<Vec<Box<dyn Indicator>>, SettingsError> {
    let mut out: Vec<Box<dyn Indicator>> = Vec::new();
    if let Some(s) = ini.section("R003") {
        out.push(Box::new(r003::R003::new(s, ini.section("R003.procurement_method_details"))?));
    }
    if let Some(s) = ini.section("R018") {
        out.push(Box::new(r018::R018::new(s)?));
    }
    if let Some(s) = ini.section("R024") {
        out.push(Box::new(r024::R024::new(s)?));
    }
    if let Some(s) = ini.section("R025") {
        out.push(Box::new(r025::R025::new(s)?));
    }
    if let Some(s) = ini.section("R028") {
        s.finish()?;
        out.push(Box::new(r028::R028));
    }
    if let Some(s) = ini.section("R030") {
        s.finish()?;
        out.push(Box::new(r030::R030));
    }
    if let Some(s) = ini.section("R035") {
        out.push(Box::new(r035::R035::new(s)?));
    }
    if let Some(s) = ini.section("R036") {
        s.finish()?;
        out.push(Box::new(r036::R036));
    }
    if let Some(s) = ini.section("R038") {
        out.push(Box::new(r038::R038::new(s)?));
    }
    if let Some(s) = ini.section("R048") {
        out.push(Box::new(r048::R048::new(s)?));
    }
    if let Some(s) = ini.section("R058") {
        out.push(Box::new(r058::R058::new(s)?));
    }
    Ok(out)
}
