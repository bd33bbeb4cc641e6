//! Local government organisations (องค์กรปกครองส่วนท้องถิ่น, อปท.).
use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// Text published in Thai and, where available, English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalText {
    pub th: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl LocalText {
    pub fn th(text: &str) -> LocalText {
        LocalText { th: text.to_string(), en: None }
    }

    pub fn both(th: &str, en: &str) -> LocalText {
        LocalText { th: th.to_string(), en: Some(en.to_string()) }
    }

    /// The text in `lang`, falling back to Thai, the language every publisher writes.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.is_empty() => en,
            _ => &self.th,
        }
    }
}

crate::coded_enum! {
    /// The kinds of อปท. Comparisons are fair only within one kind ("peers").
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OrgType {
        /// องค์การบริหารส่วนจังหวัด (อบจ.)
        Pao = "pao" => ("อบจ.", "Provincial Administrative Organisation"),
        /// เทศบาลนคร (ทน.)
        CityMunicipality = "city_municipality" => ("เทศบาลนคร", "City municipality"),
        /// เทศบาลเมือง (ทม.)
        TownMunicipality = "town_municipality" => ("เทศบาลเมือง", "Town municipality"),
        /// เทศบาลตำบล (ทต.)
        SubdistrictMunicipality = "subdistrict_municipality" => ("เทศบาลตำบล", "Subdistrict municipality"),
        /// องค์การบริหารส่วนตำบล (อบต.)
        Sao = "sao" => ("อบต.", "Subdistrict Administrative Organisation"),
        /// กรุงเทพมหานคร
        Bangkok = "bangkok" => ("กรุงเทพมหานคร", "Bangkok Metropolitan Administration"),
        /// เมืองพัทยา
        Pattaya = "pattaya" => ("เมืองพัทยา", "Pattaya City"),
    }
}

/// Registered population and the year (BE) it was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Population {
    pub count: u64,
    pub year: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

/// A way to reach someone: a complaint channel or a participation centre.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    pub name: LocalText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    /// The DLA organisation code (รหัส อปท.).
    pub code: String,
    pub name: LocalText,
    #[serde(rename = "type")]
    pub org_type: OrgType,
    pub province: LocalText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<LocalText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// e-GP department code, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egp_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<Contact>,
}
