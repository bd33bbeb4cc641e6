//! The deterministic demonstration-data generator (`locallens demo`). Same seed, same bytes.
//!
//! One province, กำแพงเพชร, with real-named อปท. of the types found there, three fiscal years of synthetic
//! procurement (every method, full lifecycles, bids, cancellations, and a few deliberately suspicious
//! patterns), budgets and assessments. Organisation codes, populations of the municipalities, companies,
//! amounts and scores are synthetic and labelled as demonstration data in every file.
pub mod catalogue;
pub mod orgs;
pub mod procurement;
pub mod rng;
pub mod scores;

use serde_json::{json, Value};

use crate::domain::calendar::{Date, FiscalYear};
use crate::domain::catalog::{Catalog, DataFormat, Dataset, DatasetKind, Publisher, CATALOG_VERSION};
use crate::domain::org::{Contact, LocalText};

pub const YEARS: [i32; 3] = [2566, 2567, 2568];
pub const SEED: u64 = 0x4C6F_6361_6C4C_656E;

/// A file to write: a path relative to the output folder, and its bytes.
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Procurement packages are written compact (they are read by programs); the rest pretty, for people.
fn compact(value: &impl serde::Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).expect("demo data serialises");
    bytes.push(b'\n');
    bytes
}

fn pretty(value: &impl serde::Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("demo data serialises");
    bytes.push(b'\n');
    bytes
}

/// Everything in public/demo: the catalog last, since it lists the others with their checksums.
pub fn generate() -> Vec<OutFile> {
    let orgs = orgs::organisations();
    let mut files = Vec::new();
    let mut datasets = Vec::new();
    let mut rng = rng::Rng::new(SEED);
    let suppliers = procurement::suppliers(&mut rng);
    let published = Date::new(2025, 11, 1).expect("valid date");
    for year in YEARS {
        let mut assessments = scores::Assessments::default();
        for org in &orgs {
            let package = procurement::package(&mut rng, org, FiscalYear(year), &suppliers);
            let path = format!("procurement/{}-{year}.json", org.code);
            let bytes = compact(&package);
            datasets.push(dataset(&path, DatasetKind::Procurement, DataFormat::Ocds, Some(&org.code), year, &bytes, published));
            files.push(OutFile { path, bytes });

            let budget = scores::budget(&mut rng, org, FiscalYear(year));
            let path = format!("budget/{}-{year}.json", org.code);
            let bytes = pretty(&budget);
            datasets.push(dataset(
                &path,
                DatasetKind::Budget,
                DataFormat::LocallensBudget,
                Some(&org.code),
                year,
                &bytes,
                published,
            ));
            files.push(OutFile { path, bytes });

            assessments.add(&mut rng, org, year);
        }
        let path = format!("assessment/{year}.json");
        let bytes = pretty(&assessments.to_json());
        datasets.push(dataset(&path, DatasetKind::Lpa, DataFormat::LocallensAssessment, None, year, &bytes, published));
        files.push(OutFile { path, bytes });
    }
    let catalog = Catalog {
        catalog_version: CATALOG_VERSION.to_string(),
        publisher: Publisher {
            name: LocalText::both("ข้อมูลสาธิต ส่องท้องถิ่น (จังหวัดกำแพงเพชร)", "LocalLens demonstration data (Kamphaeng Phet province)"),
            website: None,
            complaints: vec![
                Contact { name: LocalText::both("ศูนย์ดำรงธรรม", "Damrongdhama Centre"), phone: Some("1567".into()), ..Contact::default() },
                Contact { name: LocalText::both("สำนักงาน ป.ป.ช.", "NACC"), phone: Some("1205".into()), ..Contact::default() },
            ],
            participation: None,
        },
        organisations: orgs,
        datasets,
        demonstration: true,
        notice: Some(LocalText::both(
            "ข้อมูลทั้งหมดในแคตตาล็อกนี้สร้างขึ้นเพื่อการสาธิต ชื่อ อปท. เป็นชื่อจริง แต่รหัส ประชากรของเทศบาลและ อบต. บริษัท จำนวนเงิน และคะแนนเป็นข้อมูลสมมุติ",
            "Everything in this catalog is demonstration data. The local governments' names are real; their codes, municipal populations, companies, amounts and scores are synthetic.",
        )),
        parts: Vec::new(),
    };
    files.push(OutFile { path: "catalog.json".into(), bytes: pretty(&catalog) });
    files
}

fn dataset(
    path: &str,
    kind: DatasetKind,
    format: DataFormat,
    org: Option<&str>,
    year: i32,
    bytes: &[u8],
    published: Date,
) -> Dataset {
    Dataset {
        id: path.trim_end_matches(".json").replace('/', "-"),
        kind,
        format,
        organisation: org.map(str::to_string),
        fiscal_year: Some(FiscalYear(year)),
        province_code: None,
        size: None,
        rows: None,
        url: path.to_string(),
        sha256: Some(sha256_hex(bytes)),
        published: Some(published),
        source: Some(LocalText::both("ข้อมูลสาธิต สร้างโดย locallens demo", "Demonstration data made by locallens demo")),
        demonstration: true,
        incomplete: None,
    }
}

/// `n` compiled releases as JSON Lines, for benchmarks at a country's scale. Streams to `out`.
pub fn write_scale(n: usize, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let orgs = orgs::organisations();
    let mut rng = rng::Rng::new(SEED ^ n as u64);
    let suppliers = procurement::suppliers(&mut rng);
    for i in 0..n {
        let org = &orgs[i % orgs.len()];
        let year = FiscalYear(YEARS[i % YEARS.len()]);
        let mut release: Value = procurement::compiled_process(&mut rng, org, year, i, &suppliers);
        // Spread the processes over many synthetic buyers so per-buyer work is realistic at scale.
        release["buyer"] = json!({"id": format!("{}-{}", org.code, i % 7850), "name": org.name.th});
        serde_json::to_writer(&mut *out, &release)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
