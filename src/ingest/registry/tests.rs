//! The registers read and joined, on lines in the shape of the real files (`../shared/real/dla-registry`).
use super::*;

const REGISTRY: &str = r#"{"recordCount":5,"localAuthorities":[
 {"dlaCode":"2620101","nameTh":"กำแพงเพชร","type":"provincial_admin_org","provinceCode":"62","districtNameTh":"เมืองกำแพงเพชร","centerLat":16.48,"centerLon":99.52,"areaKm2":8607},
 {"dlaCode":"4620101","nameTh":"กำแพงเพชร","type":"town_municipality","provinceCode":"62","districtNameTh":"เมืองกำแพงเพชร","centerLat":null,"centerLon":null,"areaKm2":null},
 {"dlaCode":"5620102","nameTh":"นครชุม","type":"subdistrict_municipality","provinceCode":"62","districtNameTh":"เมืองกำแพงเพชร","centerLat":0,"centerLon":0,"areaKm2":0},
 {"dlaCode":"6620108","nameTh":"คณฑี","type":"subdistrict_admin_org","provinceCode":"62","districtNameTh":"เมืองกำแพงเพชร"},
 {"dlaCode":"6380105","nameTh":"คำแก้ว","type":"subdistrict_admin_org","provinceCode":"38","districtNameTh":"โซ่พิสัย"},
 {"dlaCode":"9999999","nameTh":"แปลก","type":"moon_base","provinceCode":"62"}]}"#;

const POPULATION: &str = "dlaCode,nameTh,type,provinceCode,population,method,dopaGeocode\n2620101,กำแพงเพชร,provincial_admin_org,62,725000,province-total,62\n4620101,กำแพงเพชร,town_municipality,62,28000,municipal-register,6299\n5620102,นครชุม,subdistrict_municipality,62,,none,\n6620108,คณฑี,subdistrict_admin_org,62,0,same-name-subdistrict-nonmunicipal,620108\n";

const AGENCIES: &str = "egp_dept_code,name,province,mirror_source,rows,capped_at_300\n2620101,องค์การบริหารส่วนจังหวัดกำแพงเพชร,กำแพงเพชร,x,300,yes\n1,เทศบาลเมืองกำแพงเพชร,กำแพงเพชร,x,12,no\n2,เทศบาลเมืองกำแพงเพชร,กำแพงเพชร,x,3,no\n7,องค์การบริหารส่วนตำบลคณที,กำแพงเพชร,x,5,no\n5620102,องค์การบริหารส่วนตำบลชื่ออื่น,กำแพงเพชร,x,5,no\n3,เทศบาลเมืองนครชุม,กำแพงเพชร,x,9,no\n4,องค์การบริหารส่วนตำบลคำแก้ว,หนองคาย,x,7,no\n5,โรงเรียนบ้านคณฑี,กำแพงเพชร,x,4,no\n6,เทศบาลตำบลไม่มีจริง,กำแพงเพชร,x,2,no\n";

fn places() -> Places {
    let mut p = Places::default();
    p.provinces.insert("62".into(), ("กำแพงเพชร".into(), "Kamphaeng Phet".into()));
    p.provinces.insert("38".into(), ("บึงกาฬ".into(), "Bueng Kan".into()));
    p.districts.insert("6201".into(), ("เมืองกำแพงเพชร".into(), "Mueang Kamphaeng Phet".into()));
    p
}

fn built() -> (Vec<Organisation>, JoinReport) {
    let entries = dla("r.json", REGISTRY.as_bytes());
    assert_eq!((entries.counts.accepted, entries.counts.rejected), (5, 1), "{:#?}", entries.issues);
    let population = population("p.csv", POPULATION.as_bytes(), 2564);
    let mut orgs = organisations(&entries.values, &population.values, &places(), &Selection::default());
    let agencies = agencies("a.csv", AGENCIES.as_bytes());
    let report = join(&mut orgs, &agencies.values);
    (orgs, report)
}

#[test]
fn organisations_carry_their_full_name_population_and_places() {
    let (orgs, _) = built();
    let pao = orgs.iter().find(|o| o.code == "2620101").unwrap();
    assert_eq!(pao.name.th, "องค์การบริหารส่วนจังหวัดกำแพงเพชร");
    assert_eq!(pao.province, LocalText::both("กำแพงเพชร", "Kamphaeng Phet"));
    assert_eq!(
        pao.population.map(|p| (p.count, p.year, p.method)),
        Some((725_000, 2564, Some(crate::domain::org::PopulationMethod::ProvinceTotal)))
    );
    assert_eq!(pao.district.as_ref().and_then(|d| d.en.clone()).as_deref(), Some("Mueang Kamphaeng Phet"));
    assert_eq!(pao.district_code.as_deref(), Some("6201"));
    // "none" and 0 are no figure; 0,0 is no location; an area of 0 is no area.
    let nakhon_chum = orgs.iter().find(|o| o.code == "5620102").unwrap();
    assert_eq!((nakhon_chum.population, nakhon_chum.location, nakhon_chum.area_km2), (None, None, None));
    assert_eq!(orgs.iter().find(|o| o.code == "6620108").unwrap().population, None);
}

#[test]
fn agencies_join_by_name_rename_spelling_or_moved_province_and_the_rest_are_listed() {
    let (orgs, report) = built();
    let how: Vec<(&str, &str, &JoinHow)> =
        report.joined.iter().map(|j| (j.code.as_str(), j.organisation.as_str(), &j.how)).collect();
    assert!(how.contains(&("2620101", "2620101", &JoinHow::Name)));
    // Two e-GP codes for one municipality both join it.
    assert!(how.contains(&("1", "4620101", &JoinHow::Name)) && how.contains(&("2", "4620101", &JoinHow::Name)));
    assert!(how.contains(&(
        "7",
        "6620108",
        &JoinHow::Spelling {
            registry_name: "องค์การบริหารส่วนตำบลคณฑี".into()
        }
    )));
    assert!(how.contains(&("3", "5620102", &JoinHow::Renamed { registry_type: "subdistrict_municipality".into() })));
    assert!(how.contains(&("4", "6380105", &JoinHow::OtherProvince { registry_province: "บึงกาฬ".into() })));
    let why: Vec<(&str, &UnjoinedWhy)> = report.unjoined.iter().map(|u| (u.code.as_str(), &u.why)).collect();
    // An e-GP code equal to a DLA code is no evidence: the real data has codes that name another อปท.
    assert_eq!(
        why,
        vec![
            ("5620102", &UnjoinedWhy::NoRegistryEntry),
            ("5", &UnjoinedWhy::NotLocalGovernment),
            ("6", &UnjoinedWhy::NoRegistryEntry)
        ]
    );
    assert_eq!(report.joined.len() + report.unjoined.len(), 9, "every agency is accounted for");
    assert_eq!(orgs.iter().find(|o| o.code == "4620101").unwrap().egp.len(), 2);
    // Bangkok comes with every selection that takes its province; these agencies do not include it.
    assert_eq!(report.without_agency, vec![BANGKOK_CODE.to_string()]);
}

#[test]
fn a_selection_takes_some_provinces_and_bangkok_is_its_own() {
    let entries = dla("r.json", REGISTRY.as_bytes()).values;
    let only_62 = Selection { provinces: ["62".to_string()].into(), ..Selection::default() };
    let orgs = organisations(&entries, &HashMap::new(), &places(), &only_62);
    assert_eq!(orgs.len(), 4);
    let bangkok = Selection { provinces: ["10".to_string()].into(), ..Selection::default() };
    let orgs = organisations(&entries, &HashMap::new(), &places(), &bangkok);
    assert_eq!(orgs.iter().map(|o| (o.code.as_str(), o.org_type)).collect::<Vec<_>>(), vec![(BANGKOK_CODE, OrgType::Bangkok)]);
    let paos = Selection { types: [OrgType::Pao].into(), ..Selection::default() };
    let orgs = organisations(&entries, &HashMap::new(), &places(), &paos);
    assert!(!orgs.is_empty() && orgs.iter().all(|o| o.org_type == OrgType::Pao), "{orgs:?}");
}

#[test]
fn one_letter_apart_means_exactly_one_edit() {
    use super::join::one_letter_apart;
    assert!(one_letter_apart("ธำรงค์", "ธำมรงค์"));
    assert!(one_letter_apart("คณฑี", "คณที"));
    assert!(!one_letter_apart("คณฑี", "คณฑี"), "the same name is not a spelling variant");
    assert!(!one_letter_apart("ไตรตรึงษ์", "ธำรงค์"));
    assert!(!one_letter_apart("นา", "นาง"), "too short to tell");
}
