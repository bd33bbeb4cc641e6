//! The demonstration province's local governments. Names are real อปท. of กำแพงเพชร; codes are
//! synthetic (62 is the province's code), and so are the municipal and อบต. populations. The อบจ.'s
//! population, 712,143, is the registered figure published with its 2565 budget (ACT × WeVis).
use crate::domain::org::{Contact, LocalText, Location, OrgType, Organisation, Population};

struct Seed {
    code: &'static str,
    th: &'static str,
    en: &'static str,
    kind: OrgType,
    district_th: &'static str,
    district_en: &'static str,
    population: u64,
    lat: f64,
    lon: f64,
}

const SEEDS: [Seed; 15] = [
    Seed { code: "6200001", th: "องค์การบริหารส่วนจังหวัดกำแพงเพชร", en: "Kamphaeng Phet PAO", kind: OrgType::Pao, district_th: "เมืองกำแพงเพชร", district_en: "Mueang Kamphaeng Phet", population: 712_143, lat: 16.4828, lon: 99.5227 },
    Seed { code: "6200101", th: "เทศบาลเมืองกำแพงเพชร", en: "Kamphaeng Phet Town Municipality", kind: OrgType::TownMunicipality, district_th: "เมืองกำแพงเพชร", district_en: "Mueang Kamphaeng Phet", population: 29_800, lat: 16.4727, lon: 99.5225 },
    Seed { code: "6200201", th: "เทศบาลตำบลนครชุม", en: "Nakhon Chum Subdistrict Municipality", kind: OrgType::SubdistrictMunicipality, district_th: "เมืองกำแพงเพชร", district_en: "Mueang Kamphaeng Phet", population: 11_200, lat: 16.4700, lon: 99.5000 },
    Seed { code: "6200202", th: "เทศบาลตำบลคลองลาน", en: "Khlong Lan Subdistrict Municipality", kind: OrgType::SubdistrictMunicipality, district_th: "คลองลาน", district_en: "Khlong Lan", population: 8_900, lat: 16.1970, lon: 99.2750 },
    Seed { code: "6200203", th: "เทศบาลตำบลพรานกระต่าย", en: "Phran Kratai Subdistrict Municipality", kind: OrgType::SubdistrictMunicipality, district_th: "พรานกระต่าย", district_en: "Phran Kratai", population: 7_600, lat: 16.6640, lon: 99.5860 },
    Seed { code: "6200204", th: "เทศบาลตำบลลานกระบือ", en: "Lan Krabue Subdistrict Municipality", kind: OrgType::SubdistrictMunicipality, district_th: "ลานกระบือ", district_en: "Lan Krabue", population: 6_400, lat: 16.6110, lon: 99.8470 },
    Seed { code: "6200205", th: "เทศบาลตำบลคลองขลุง", en: "Khlong Khlung Subdistrict Municipality", kind: OrgType::SubdistrictMunicipality, district_th: "คลองขลุง", district_en: "Khlong Khlung", population: 9_300, lat: 16.2090, lon: 99.7060 },
    Seed { code: "6200206", th: "เทศบาลตำบลไทรงาม", en: "Sai Ngam Subdistrict Municipality", kind: OrgType::SubdistrictMunicipality, district_th: "ไทรงาม", district_en: "Sai Ngam", population: 5_800, lat: 16.4720, lon: 99.8920 },
    Seed { code: "6200207", th: "เทศบาลตำบลสลกบาตร", en: "Salok Bat Subdistrict Municipality", kind: OrgType::SubdistrictMunicipality, district_th: "ขาณุวรลักษบุรี", district_en: "Khanu Woralaksaburi", population: 7_100, lat: 16.0580, lon: 99.8560 },
    Seed { code: "6200301", th: "องค์การบริหารส่วนตำบลไตรตรึงษ์", en: "Trai Trueng SAO", kind: OrgType::Sao, district_th: "เมืองกำแพงเพชร", district_en: "Mueang Kamphaeng Phet", population: 6_700, lat: 16.3830, lon: 99.5600 },
    Seed { code: "6200302", th: "องค์การบริหารส่วนตำบลท่าขุนราม", en: "Tha Khun Ram SAO", kind: OrgType::Sao, district_th: "เมืองกำแพงเพชร", district_en: "Mueang Kamphaeng Phet", population: 9_400, lat: 16.3300, lon: 99.4300 },
    Seed { code: "6200303", th: "องค์การบริหารส่วนตำบลคลองน้ำไหล", en: "Khlong Nam Lai SAO", kind: OrgType::Sao, district_th: "คลองลาน", district_en: "Khlong Lan", population: 12_300, lat: 16.1600, lon: 99.2100 },
    Seed { code: "6200304", th: "องค์การบริหารส่วนตำบลปางมะค่า", en: "Pang Makha SAO", kind: OrgType::Sao, district_th: "ขาณุวรลักษบุรี", district_en: "Khanu Woralaksaburi", population: 10_800, lat: 15.9500, lon: 99.6500 },
    Seed { code: "6200305", th: "องค์การบริหารส่วนตำบลโกสัมพี", en: "Kosamphi SAO", kind: OrgType::Sao, district_th: "โกสัมพีนคร", district_en: "Kosamphi Nakhon", population: 5_200, lat: 16.5700, lon: 99.3300 },
    Seed { code: "6200306", th: "องค์การบริหารส่วนตำบลบึงสามัคคี", en: "Bueng Samakkhi SAO", kind: OrgType::Sao, district_th: "บึงสามัคคี", district_en: "Bueng Samakkhi", population: 7_900, lat: 16.1900, lon: 99.9300 },
];

pub fn organisations() -> Vec<Organisation> {
    SEEDS
        .iter()
        .map(|s| Organisation {
            code: s.code.to_string(),
            name: LocalText::both(s.th, s.en),
            org_type: s.kind,
            province: LocalText::both("กำแพงเพชร", "Kamphaeng Phet"),
            district: Some(LocalText::both(s.district_th, s.district_en)),
            population: Some(Population { count: s.population, year: 2565 }),
            location: Some(Location { lat: s.lat, lon: s.lon }),
            egp_code: None,
            website: None,
            complaints: vec![Contact { name: LocalText::both("ศูนย์ดำรงธรรมจังหวัดกำแพงเพชร", "Kamphaeng Phet Damrongdhama Centre"), phone: Some("1567".into()), ..Contact::default() }],
            participation: Some(Contact {
                name: LocalText::both("ศูนย์ส่งเสริมการมีส่วนร่วมของประชาชน (ข้อมูลสาธิต)", "Citizen participation centre (demonstration)"),
                ..Contact::default()
            }),
        })
        .collect()
}
