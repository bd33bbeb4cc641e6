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

crate::coded_enum! {
    /// How a population figure was found: a per-capita figure says it, since some are approximations.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum PopulationMethod {
        /// The เทศบาล's own civil-registration office: exact.
        MunicipalRegister = "municipal-register" => ("ทะเบียนราษฎรของเทศบาล", "the municipality's own register"),
        /// An อบจ.: the province's population.
        ProvinceTotal = "province-total" => ("ประชากรทั้งจังหวัด", "the whole province"),
        /// An อบต. or small เทศบาล: the non-municipal population of the subdistrict of the same name, an
        /// approximation (an อบต. may cover several subdistricts, or part of one).
        #[serde(rename = "same-name-subdistrict-nonmunicipal")]
        SameNameSubdistrict = "same-name-subdistrict-nonmunicipal"
            => ("ประชากรนอกเขตเทศบาลของตำบลชื่อเดียวกัน (ค่าประมาณ)", "the same-name subdistrict outside municipalities (an approximation)"),
    }
}

/// Registered population, the year (BE) it was counted, and how the figure was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Population {
    pub count: u64,
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<PopulationMethod>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

/// An agency as e-GP lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EgpAgency {
    /// e-GP's department code.
    pub code: String,
    pub name: String,
    /// The province e-GP files it under (it can differ from the registry's, for a province that was split).
    pub province: String,
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
    /// The province's DOPA code (`62`), where known.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "provinceCode")]
    pub province_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<LocalText>,
    /// The district's DOPA code (`6201`), where known.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "districtCode")]
    pub district_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "areaKm2")]
    pub area_km2: Option<f64>,
    /// The e-GP buying agencies known to be this organisation (e-GP rows name their agency, they do not code
    /// it; one organisation may have several department codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub egp: Vec<EgpAgency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<Contact>,
}

/// The province (DOPA code) that a DLA organisation code names: its second and third digits (`4620102` → `62`,
/// Bangkok's `3100001` → `10`; every code of the national registry follows this). Only a first guess of where
/// to look: the catalog's own `provinceCode` is the fact.
pub fn province_of_code(code: &str) -> Option<&str> {
    code.get(1..3).filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
}
