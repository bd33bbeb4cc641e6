//! Places as shapes: a province's or a district's outline, by its DOPA code, for the maps.
use crate::domain::lang::Tr;
use crate::domain::org::LocalText;

/// A ring of (longitude, latitude) points, WGS84; the first ring of a polygon is its outline, the rest holes.
pub type Ring = Vec<[f64; 2]>;

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The DOPA code: 2 digits for a province (`62`), 4 for a district (`6201`).
    pub code: String,
    pub name: LocalText,
    pub polygons: Vec<Vec<Ring>>,
}

impl Shape {
    /// The province a shape lies in: its code's first two digits.
    pub fn province_code(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }
}

/// What the boundaries' licence (CC BY 3.0 IGO) asks every map to say.
pub const ATTRIBUTION: Tr = Tr::new(
    "ขอบเขตการปกครอง: กรมแผนที่ทหาร (2562) ผ่าน OCHA/HDX, CC BY 3.0 IGO; ปรับให้เรียบโดย piyayut-ch/mapthai",
    "Boundaries: Royal Thai Survey Department (2019) via OCHA/HDX, CC BY 3.0 IGO; simplified by piyayut-ch/mapthai",
);
