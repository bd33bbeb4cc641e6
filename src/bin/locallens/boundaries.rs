//! `locallens boundaries`: province and district GeoJSON → the compact files the app's maps read, the
//! provinces in one file and each province's districts in their own, so that a province's map fetches only
//! its own districts.
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use locallens::domain::geo::Shape;
use locallens::ingest::boundaries;

use super::args::Args;

/// 3 decimals of a degree is about 100 m: finer than a 360 px map of the country or of one province shows.
const DECIMALS: i32 = 3;

pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let o = Args::parse(args, &["--out"], &[])?;
    let out = Path::new(o.required("--out")?);
    let mut shapes: Vec<Shape> = Vec::new();
    let mut rejected = 0;
    for file in &o.files {
        let parsed = boundaries::parse(file, &super::read(file)?);
        for issue in &parsed.issues {
            super::print_issue(&mut std::io::stderr(), issue);
        }
        rejected += parsed.counts.rejected;
        shapes.extend(parsed.values);
    }
    let (provinces, districts): (Vec<Shape>, Vec<Shape>) = shapes.into_iter().partition(|s| s.code.len() == 2);
    let mut by_province: BTreeMap<String, Vec<Shape>> = BTreeMap::new();
    for d in districts {
        by_province.entry(d.province_code().to_string()).or_default().push(d);
    }
    let write = |path: &Path, text: String| {
        std::fs::create_dir_all(path.parent().unwrap_or(out))
            .and_then(|_| std::fs::write(path, text))
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    if !provinces.is_empty() {
        write(&out.join("provinces.geojson"), boundaries::to_geojson(&provinces, DECIMALS))?;
    }
    for (code, list) in &by_province {
        write(&out.join(format!("districts/{code}.geojson")), boundaries::to_geojson(list, DECIMALS))?;
    }
    let districts: usize = by_province.values().map(Vec::len).sum();
    eprintln!(
        "{} provinces, {districts} districts in {} files, {rejected} features rejected",
        provinces.len(),
        by_province.len()
    );
    Ok(if rejected > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
