//! Reading each register. Every entry that cannot be read is an issue naming its record; the rest loads.
use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::Value;

use super::org_type;
use crate::domain::codes::Code;
use crate::domain::issue::{Issue, JsonPath, Parsed, RecordCounts};
use crate::domain::org::{LocalText, Location, OrgType, Population, PopulationMethod};
use crate::ingest::messages as msg;
use crate::ingest::text;

/// One อปท. of DLA's registry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The 7-digit DLA code.
    pub code: String,
    /// Its name without the type (`วัดสิงห์`).
    pub name: String,
    pub org_type: OrgType,
    /// DOPA's province code (`62`).
    pub province_code: String,
    pub district: Option<String>,
    pub location: Option<Location>,
    pub area_km2: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEntry {
    dla_code: String,
    name_th: String,
    #[serde(rename = "type")]
    kind: String,
    province_code: String,
    #[serde(default)]
    district_name_th: Option<String>,
    #[serde(default)]
    center_lat: Option<f64>,
    #[serde(default)]
    center_lon: Option<f64>,
    #[serde(default)]
    area_km2: Option<f64>,
}

/// DLA's registry (`localAuthorities.json`: `{localAuthorities: […]}` or a bare array).
pub fn dla(file: &str, bytes: &[u8]) -> Parsed<Vec<Entry>> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let Some(value) = text::json_document(file, bytes, &mut issues) else {
        return Parsed { values: Vec::new(), issues, counts };
    };
    let (list, at) = match value.get("localAuthorities") {
        Some(list) => (Some(list), JsonPath::root().key("localAuthorities")),
        None => (Some(&value), JsonPath::root()),
    };
    let raw: Vec<RawEntry> = crate::ingest::reader::deserialize_records(file, list, &at, &mut issues, &mut counts);
    let mut values = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let Some(org_type) = org_type(&r.kind) else {
            issues.push(msg::unexpected_value(file, &at.index(i).key("type"), &r.kind));
            counts.accepted -= 1;
            counts.rejected += 1;
            continue;
        };
        // Coordinates of 0 or outside Thailand are no location at all.
        let location = match (r.center_lat, r.center_lon) {
            (Some(lat), Some(lon)) if (5.0..=21.0).contains(&lat) && (97.0..=106.0).contains(&lon) => Some(Location { lat, lon }),
            _ => None,
        };
        values.push(Entry {
            code: r.dla_code,
            name: r.name_th,
            org_type,
            province_code: r.province_code,
            district: r.district_name_th.filter(|d| !d.is_empty()),
            location,
            area_km2: r.area_km2.filter(|a| *a > 0.0),
        });
    }
    Parsed { values, issues, counts }
}

/// The header's columns by name, for CSV registers whose column order is not promised.
fn columns(header: &[String], names: &[&str]) -> Result<Vec<usize>, String> {
    names.iter().map(|n| header.iter().position(|h| h.trim() == *n).ok_or_else(|| n.to_string())).collect()
}

/// A CSV register: the rows after its header (with their lines), the positions of the `wanted` columns in
/// them, and the header's length; or None, with the issue saying why (`what` names the file for readers).
type Table = (Vec<(usize, Vec<String>)>, Vec<usize>, usize);

fn table(file: &str, bytes: &[u8], wanted: &[&str], what: (&str, &str), issues: &mut Vec<Issue>) -> Option<Table> {
    let text = text::decode(file, bytes, issues)?;
    let mut records = crate::ingest::csv::records(&text).into_iter();
    let Some((_, header)) = records.next() else {
        issues.push(msg::empty_file(file));
        return None;
    };
    match columns(&header, wanted) {
        Ok(cols) => Some((records.collect(), cols, header.len())),
        Err(_) => {
            issues.push(msg::missing(file, &JsonPath::line(1), &wanted.join(", "), what.0, what.1));
            None
        }
    }
}

/// DOPA's registered population per อปท. (`dlaCode,…,population,method`), counted in `year` (BE). A figure of
/// 0 or a method of `none` is no figure: never a divisor.
pub fn population(file: &str, bytes: &[u8], year: i32) -> Parsed<HashMap<String, Population>> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let mut values = HashMap::new();
    let what = ("อ่านไฟล์ประชากรไม่ได้", "the population file cannot be read");
    let Some((rows, cols, width)) = table(file, bytes, &["dlaCode", "population", "method"], what, &mut issues) else {
        return Parsed { values, issues, counts };
    };
    let [code, count, method] = [cols[0], cols[1], cols[2]];
    for (line, row) in &rows {
        counts.read += 1;
        let at = JsonPath::line(*line);
        let (Some(c), Some(n), Some(m)) = (row.get(code), row.get(count), row.get(method)) else {
            issues.push(msg::ragged_row(file, *line, row.len(), width));
            counts.rejected += 1;
            continue;
        };
        counts.accepted += 1;
        if m == "none" || n.trim().is_empty() {
            continue;
        }
        match (n.trim().parse::<u64>(), PopulationMethod::from_code(m.trim())) {
            (Ok(0), _) => {}
            (Ok(n), Some(m)) => {
                values.insert(c.trim().to_string(), Population { count: n, year, method: Some(m) });
            }
            (Ok(_), None) => issues.push(msg::unexpected_value(file, &at.key("method"), m)),
            (Err(_), _) => issues.push(msg::wrong_type(file, &at.key("population"), "whole number", "text")),
        }
    }
    Parsed { values, issues, counts }
}

/// Province and district names in Thai and English, by DOPA code, from the boundaries' GeoJSON.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    pub provinces: BTreeMap<String, (String, String)>,
    pub districts: BTreeMap<String, (String, String)>,
}

impl Places {
    /// A province's name in both languages; its code when the names are not known.
    pub fn province(&self, code: &str) -> LocalText {
        match self.provinces.get(code) {
            Some((th, en)) => LocalText::both(th, en),
            None => LocalText::th(code),
        }
    }

    /// The DOPA code of a province by its Thai name.
    pub fn province_code(&self, th: &str) -> Option<&str> {
        self.provinces.iter().find(|(_, (t, _))| t == th).map(|(c, _)| c.as_str())
    }
}

/// Reads `ADM1_PCODE`/`ADM1_TH`/`ADM1_EN` (provinces) or `ADM2_…` (districts) from each feature.
pub fn places(files: &[(&str, &[u8])]) -> Parsed<Places> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let mut out = Places::default();
    for (file, bytes) in files {
        let Some(value) = text::json_document(file, bytes, &mut issues) else {
            continue;
        };
        let features = value.get("features").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        for (i, f) in features.iter().enumerate() {
            counts.read += 1;
            let p = &f["properties"];
            let text = |k: &str| p.get(k).and_then(Value::as_str).map(str::to_string);
            let entry = match (text("ADM2_PCODE"), text("ADM1_PCODE")) {
                (Some(code), _) => text("ADM2_TH").zip(text("ADM2_EN")).map(|n| (&mut out.districts, code, n)),
                (None, Some(code)) => text("ADM1_TH").zip(text("ADM1_EN")).map(|n| (&mut out.provinces, code, n)),
                _ => None,
            };
            match entry {
                Some((map, code, names)) => {
                    counts.accepted += 1;
                    map.insert(code.trim_start_matches("TH").to_string(), names);
                }
                None => {
                    counts.rejected += 1;
                    let at = JsonPath::root().key("features").index(i).key("properties");
                    issues.push(msg::missing(file, &at, "ADM1_PCODE / ADM2_PCODE", "ไม่ทราบชื่อพื้นที่", "the place is not named"));
                }
            }
        }
    }
    Parsed { values: out, issues, counts }
}

/// A buying agency as e-GP lists it (`agencies.csv`: `egp_dept_code,name,province,…,rows,capped_at_300`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub code: String,
    pub name: String,
    /// The province's Thai name.
    pub province: String,
    pub rows: usize,
    /// The mirror kept at most 300 rows of this agency: its totals are lower bounds.
    pub capped: bool,
}

pub fn agencies(file: &str, bytes: &[u8]) -> Parsed<Vec<Agency>> {
    let mut issues = Vec::new();
    let mut counts = RecordCounts::default();
    let mut values = Vec::new();
    let what = ("อ่านรายชื่อหน่วยงานไม่ได้", "the agency list cannot be read");
    let wanted = ["egp_dept_code", "name", "province", "rows", "capped_at_300"];
    let Some((rows, cols, width)) = table(file, bytes, &wanted, what, &mut issues) else {
        return Parsed { values, issues, counts };
    };
    for (line, row) in &rows {
        counts.read += 1;
        let cell = |i: usize| row.get(cols[i]).map(|s| s.trim().to_string());
        match (cell(0), cell(1), cell(2)) {
            (Some(code), Some(name), Some(province)) if !name.is_empty() => {
                counts.accepted += 1;
                values.push(Agency {
                    code,
                    name,
                    province,
                    rows: cell(3).and_then(|r| r.parse().ok()).unwrap_or(0),
                    capped: cell(4).is_some_and(|c| c == "yes" || c == "true"),
                });
            }
            _ => {
                counts.rejected += 1;
                issues.push(msg::ragged_row(file, *line, row.len(), width));
            }
        }
    }
    Parsed { values, issues, counts }
}
