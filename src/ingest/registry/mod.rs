//! The national registers a real catalog is built from: DLA's list of every อปท. (code, type, province,
//! district, location, area), DOPA's registered population with how each figure was found, the province and
//! district names of the administrative boundaries, and e-GP's list of buying agencies, which is joined to the
//! organisations by name and province (e-GP rows name their agency; they do not carry a DLA code).
mod build;
mod join;
mod read;

pub use build::{catalog, national_channels, CatalogReport, Registers};

pub use join::{join, Join, JoinHow, JoinReport, Unjoined, UnjoinedWhy};
pub use read::{agencies, dla, places, population, Agency, Entry, Places};

use std::collections::{BTreeSet, HashMap};

use crate::domain::codes::Code;
use crate::domain::org::{LocalText, Location, OrgType, Organisation, Population};

/// Bangkok is not under DLA: its identity is its e-GP department code, the one code the sources give it.
pub const BANGKOK_CODE: &str = "3100001";

/// The name an อปท. is written under, type included: เทศบาลตำบลวัดสิงห์, องค์การบริหารส่วนตำบลคณฑี.
pub fn full_name(org_type: OrgType, name: &str) -> String {
    let prefix = match org_type {
        OrgType::Pao => "องค์การบริหารส่วนจังหวัด",
        OrgType::CityMunicipality => "เทศบาลนคร",
        OrgType::TownMunicipality => "เทศบาลเมือง",
        OrgType::SubdistrictMunicipality => "เทศบาลตำบล",
        OrgType::Sao => "องค์การบริหารส่วนตำบล",
        OrgType::Bangkok | OrgType::Pattaya => "",
    };
    format!("{prefix}{name}")
}

/// Which organisations to take: some provinces (DOPA codes), or a list of DLA codes; everything when neither.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub provinces: BTreeSet<String>,
    pub codes: BTreeSet<String>,
    /// Organisation types (all when empty): `--type pao` makes the catalog of the 76 อบจ.
    pub types: BTreeSet<OrgType>,
}

impl Selection {
    fn takes(&self, e: &Entry) -> bool {
        (self.provinces.is_empty() || self.provinces.contains(&e.province_code))
            && (self.codes.is_empty() || self.codes.contains(&e.code))
            && (self.types.is_empty() || self.types.contains(&e.org_type))
    }
}

/// The organisations of the registry that `selection` takes, with their population and place names. Bangkok
/// is added when its province (10) is taken.
pub fn organisations(
    entries: &[Entry],
    population: &HashMap<String, Population>,
    places: &Places,
    selection: &Selection,
) -> Vec<Organisation> {
    let mut out: Vec<Organisation> = entries
        .iter()
        .filter(|e| selection.takes(e))
        .map(|e| {
            let district_code = (e.code.len() == 7).then(|| e.code[1..5].to_string());
            let district_en = district_code.as_ref().and_then(|c| places.districts.get(c)).map(|d| d.1.clone());
            Organisation {
                code: e.code.clone(),
                name: LocalText::th(&full_name(e.org_type, &e.name)),
                org_type: e.org_type,
                province: places.province(&e.province_code),
                province_code: Some(e.province_code.clone()),
                district: e.district.as_ref().map(|d| LocalText { th: d.clone(), en: district_en }),
                district_code,
                population: population.get(&e.code).copied(),
                location: e.location,
                area_km2: e.area_km2,
                egp: Vec::new(),
                website: None,
                complaints: Vec::new(),
                participation: None,
            }
        })
        .collect();
    let bangkok = Entry {
        code: BANGKOK_CODE.into(),
        name: "กรุงเทพมหานคร".into(),
        org_type: OrgType::Bangkok,
        province_code: "10".into(),
        district: None,
        location: Some(Location { lat: 13.7563, lon: 100.5018 }),
        area_km2: Some(1568.7),
    };
    if selection.takes(&bangkok) && !out.iter().any(|o| o.code == BANGKOK_CODE) {
        out.push(Organisation {
            code: bangkok.code.clone(),
            name: LocalText::both("กรุงเทพมหานคร", "Bangkok Metropolitan Administration"),
            org_type: OrgType::Bangkok,
            province: places.province("10"),
            province_code: Some("10".into()),
            district: None,
            district_code: None,
            population: population.get(BANGKOK_CODE).copied(),
            location: bangkok.location,
            area_km2: bangkok.area_km2,
            egp: Vec::new(),
            website: None,
            complaints: Vec::new(),
            participation: None,
        });
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    out
}

/// The organisation types of DLA's registry.
pub fn org_type(registry_type: &str) -> Option<OrgType> {
    match registry_type {
        "provincial_admin_org" => Some(OrgType::Pao),
        "city_municipality" => Some(OrgType::CityMunicipality),
        "town_municipality" => Some(OrgType::TownMunicipality),
        "subdistrict_municipality" => Some(OrgType::SubdistrictMunicipality),
        "subdistrict_admin_org" => Some(OrgType::Sao),
        "special_admin_area" => Some(OrgType::Pattaya),
        other => OrgType::from_code(other),
    }
}

#[cfg(test)]
mod tests;
