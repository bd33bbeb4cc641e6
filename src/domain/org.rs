//! Local government organisations (องค์กรปกครองส่วนท้องถิ่น, อปท.).
use serde::{Deserialize, Serialize};

use super::issue::Lang;

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

/// The kinds of อปท. Comparisons are fair only within one kind ("peers").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgType {
    /// องค์การบริหารส่วนจังหวัด (อบจ.)
    Pao,
    /// เทศบาลนคร (ทน.)
    CityMunicipality,
    /// เทศบาลเมือง (ทม.)
    TownMunicipality,
    /// เทศบาลตำบล (ทต.)
    SubdistrictMunicipality,
    /// องค์การบริหารส่วนตำบล (อบต.)
    Sao,
    /// กรุงเทพมหานคร
    Bangkok,
    /// เมืองพัทยา
    Pattaya,
}

impl OrgType {
    pub const ALL: [OrgType; 7] = [
        OrgType::Pao,
        OrgType::CityMunicipality,
        OrgType::TownMunicipality,
        OrgType::SubdistrictMunicipality,
        OrgType::Sao,
        OrgType::Bangkok,
        OrgType::Pattaya,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgType::Pao => "pao",
            OrgType::CityMunicipality => "city_municipality",
            OrgType::TownMunicipality => "town_municipality",
            OrgType::SubdistrictMunicipality => "subdistrict_municipality",
            OrgType::Sao => "sao",
            OrgType::Bangkok => "bangkok",
            OrgType::Pattaya => "pattaya",
        }
    }

    pub fn from_code(code: &str) -> Option<OrgType> {
        OrgType::ALL.into_iter().find(|t| t.as_str() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (OrgType::Pao, Lang::Th) => "อบจ.",
            (OrgType::Pao, Lang::En) => "Provincial Administrative Organisation",
            (OrgType::CityMunicipality, Lang::Th) => "เทศบาลนคร",
            (OrgType::CityMunicipality, Lang::En) => "City municipality",
            (OrgType::TownMunicipality, Lang::Th) => "เทศบาลเมือง",
            (OrgType::TownMunicipality, Lang::En) => "Town municipality",
            (OrgType::SubdistrictMunicipality, Lang::Th) => "เทศบาลตำบล",
            (OrgType::SubdistrictMunicipality, Lang::En) => "Subdistrict municipality",
            (OrgType::Sao, Lang::Th) => "อบต.",
            (OrgType::Sao, Lang::En) => "Subdistrict Administrative Organisation",
            (OrgType::Bangkok, Lang::Th) => "กรุงเทพมหานคร",
            (OrgType::Bangkok, Lang::En) => "Bangkok Metropolitan Administration",
            (OrgType::Pattaya, Lang::Th) => "เมืองพัทยา",
            (OrgType::Pattaya, Lang::En) => "Pattaya City",
        }
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
