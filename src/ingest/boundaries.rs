//! Boundaries as GeoJSON: the HDX/RTSD files (`ADM1_PCODE`, `ADM2_PCODE`, names in both languages) or the
//! compact ones `locallens boundaries` writes for the app (`code`, `th`, `en`), read into `Shape`s; and the
//! compact file written back, rounded, so that the country's provinces stay a small download.
use serde::Deserialize;
use serde_json::Value;

use crate::domain::geo::{Ring, Shape};
use crate::domain::issue::{Issue, JsonPath, Parsed, RecordCounts};
use crate::domain::org::LocalText;
use crate::ingest::messages as msg;
use crate::ingest::text;

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Ring>),
    MultiPolygon(Vec<Vec<Ring>>),
}

fn name_and_code(p: &Value) -> Option<(String, LocalText)> {
    let text = |k: &str| p.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
    let (code, th, en) = if let Some(code) = text("code") {
        (code, text("th")?, text("en"))
    } else if let Some(code) = text("ADM2_PCODE") {
        (code, text("ADM2_TH")?, text("ADM2_EN"))
    } else {
        (text("ADM1_PCODE")?, text("ADM1_TH")?, text("ADM1_EN"))
    };
    let name = en.map_or_else(|| LocalText::th(th), |en| LocalText::both(th, en));
    Some((code.trim_start_matches("TH").to_string(), name))
}

/// Every feature with a code, a Thai name and a polygon; the others are rejected with their reason.
pub fn parse(file: &str, bytes: &[u8]) -> Parsed<Vec<Shape>> {
    let mut issues: Vec<Issue> = Vec::new();
    let mut counts = RecordCounts::default();
    let mut shapes = Vec::new();
    let Some(doc) = text::json_document(file, bytes, &mut issues) else {
        return Parsed { values: shapes, issues, counts };
    };
    let features = doc.get("features").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    for (i, f) in features.iter().enumerate() {
        counts.read += 1;
        let at = JsonPath::root().key("features").index(i);
        let Some((code, name)) = name_and_code(&f["properties"]) else {
            counts.rejected += 1;
            issues.push(msg::missing(
                file,
                &at.key("properties"),
                "code / ADM1_PCODE / ADM2_PCODE",
                "ไม่ทราบว่าเป็นพื้นที่ใด",
                "the place is not named",
            ));
            continue;
        };
        match Geometry::deserialize(&f["geometry"]) {
            Ok(g) => {
                counts.accepted += 1;
                let polygons = match g {
                    Geometry::Polygon(p) => vec![p],
                    Geometry::MultiPolygon(m) => m,
                };
                shapes.push(Shape { code, name, polygons });
            }
            Err(e) => {
                counts.rejected += 1;
                issues.push(msg::schema_error(file, &at.key("geometry"), &format!("Polygon or MultiPolygon: {e}")));
            }
        }
    }
    Parsed { values: shapes, issues, counts }
}

/// Rounds a coordinate to `decimals` places (3 is about 100 m, finer than a province map can show).
fn round(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

/// The shapes as a compact GeoJSON FeatureCollection (`code`, `th`, `en`), coordinates rounded, points that
/// rounding made repeat left out.
pub fn to_geojson(shapes: &[Shape], decimals: i32) -> String {
    let features: Vec<Value> = shapes
        .iter()
        .map(|s| {
            let polygons: Vec<Vec<Ring>> = s
                .polygons
                .iter()
                .map(|p| {
                    p.iter()
                        .map(|ring| {
                            let mut out: Ring = Vec::with_capacity(ring.len());
                            for pt in ring {
                                let q = [round(pt[0], decimals), round(pt[1], decimals)];
                                if out.last() != Some(&q) {
                                    out.push(q);
                                }
                            }
                            out
                        })
                        .filter(|r| r.len() >= 4)
                        .collect()
                })
                .filter(|p: &Vec<Ring>| !p.is_empty())
                .collect();
            serde_json::json!({
                "type": "Feature",
                "properties": { "code": s.code, "th": s.name.th, "en": s.name.en },
                "geometry": { "type": "MultiPolygon", "coordinates": polygons },
            })
        })
        .collect();
    serde_json::json!({ "type": "FeatureCollection", "features": features }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"ADM1_PCODE":"TH62","ADM1_TH":"กำแพงเพชร","ADM1_EN":"Kamphaeng Phet"},
         "geometry":{"type":"Polygon","coordinates":[[[99.1,16.1],[99.9,16.1],[99.90001,16.10001],[99.9,16.9],[99.1,16.1]]]}},
        {"type":"Feature","properties":{"ADM1_TH":"ไม่มีรหัส"},"geometry":{"type":"Polygon","coordinates":[]}},
        {"type":"Feature","properties":{"ADM2_PCODE":"TH6201","ADM2_TH":"เมือง","ADM2_EN":"Mueang"},"geometry":{"type":"Point","coordinates":[1,2]}}
    ]}"#;

    #[test]
    fn features_without_a_code_or_a_polygon_are_rejected_with_their_reason() {
        let p = parse("b.geojson", SOURCE.as_bytes());
        assert_eq!((p.counts.read, p.counts.accepted, p.counts.rejected), (3, 1, 2));
        assert_eq!(p.issues.len(), 2);
        assert_eq!(p.values[0].code, "62");
        assert_eq!(p.values[0].name.en.as_deref(), Some("Kamphaeng Phet"));
        assert!(p.issues[1].path.contains("features[2].geometry"), "{:?}", p.issues[1]);
    }

    #[test]
    fn the_compact_file_reads_back_rounded() {
        let shapes = parse("b.geojson", SOURCE.as_bytes()).values;
        let back = parse("c.geojson", to_geojson(&shapes, 3).as_bytes());
        assert!(back.issues.is_empty());
        assert_eq!(back.values[0].code, "62");
        assert_eq!(back.values[0].name, shapes[0].name);
        assert_eq!(
            back.values[0].polygons[0][0],
            vec![[99.1, 16.1], [99.9, 16.1], [99.9, 16.9], [99.1, 16.1]],
            "a repeat left out"
        );
    }
}
