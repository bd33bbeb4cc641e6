//! Shapes → SVG path data for a map, fitted into a width: no tiles and no projection library. An
//! equirectangular projection scaled by the cosine of the middle latitude keeps Thailand's proportions (it
//! spans 5.6°–20.5° N; the error is a few per cent at its ends, far below what a choropleth shows).
//!
//! The map is drawn by the page as SVG elements, not as one plotters string as the other charts are: each
//! shape must be a focusable link with a name, which a static picture cannot hold.
use std::collections::BTreeMap;
use std::fmt::Write;

use crate::domain::geo::Shape;
use crate::query::choropleth::{classify, Breaks, MapMeasure};
use crate::query::overview::Figures;

/// Fits longitudes and latitudes into `width` × `height` pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    scale: f64,
    cos: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// The projection that fits every shape into `width`, the height following the shapes' proportions.
    pub fn fit(shapes: &[Shape], width: f64) -> Option<Projection> {
        let points = shapes.iter().flat_map(|s| s.polygons.iter().flatten().flatten());
        let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in points {
            w = w.min(p[0]);
            e = e.max(p[0]);
            s = s.min(p[1]);
            n = n.max(p[1]);
        }
        if w > e || s > n {
            return None;
        }
        let cos = ((s + n) / 2.0).to_radians().cos();
        let span = ((e - w) * cos).max(1e-9);
        let scale = width / span;
        Some(Projection { west: w, north: n, scale, cos, width, height: ((n - s) * scale).max(1.0) })
    }

    pub fn point(&self, lon: f64, lat: f64) -> (f64, f64) {
        ((lon - self.west) * self.cos * self.scale, (self.north - lat) * self.scale)
    }

    /// Whether a point falls inside the map's frame (an office location outside the shapes is not drawn).
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        (0.0..=self.width).contains(&x) && (0.0..=self.height).contains(&y)
    }

    /// The shape's outline as SVG path data, one sub-path per ring, to a tenth of a pixel.
    pub fn path(&self, shape: &Shape) -> String {
        let mut d = String::new();
        for ring in shape.polygons.iter().flatten() {
            for (i, p) in ring.iter().enumerate() {
                let (x, y) = self.point(p[0], p[1]);
                let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        d
    }
}

/// Sequential colours from light to dark, from the viridis scale: told apart in every common colour vision
/// deficiency and in greyscale. A class's colour is `COLOURS[CLASSES - classes + i]` so that fewer classes keep
/// the darker end.
pub const COLOURS: [&str; 5] = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];
/// The fill of a place with no data: a light grey no class uses.
pub const NO_DATA: &str = "#e4e4e4";

/// The colour of class `i` of `classes`.
pub fn colour(i: usize, classes: usize) -> &'static str {
    let start = COLOURS.len().saturating_sub(classes);
    COLOURS[(start + i).min(COLOURS.len() - 1)]
}

/// A place as drawn: its outline, its fill and the figure behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub code: String,
    pub d: String,
    pub fill: &'static str,
    pub value: Option<f64>,
    pub class: Option<usize>,
}

/// Every shape coloured by `measure` over `figures` (keyed by the shapes' codes), with the breaks the legend states.
pub fn choropleth(
    shapes: &[Shape],
    paths: &[String],
    figures: &BTreeMap<String, Figures>,
    measure: MapMeasure,
) -> (Vec<Drawn>, Option<Breaks>) {
    let codes: Vec<&str> = shapes.iter().map(|s| s.code.as_str()).collect();
    let (places, breaks) = classify(&codes, figures, measure);
    let classes = breaks.as_ref().map_or(0, Breaks::classes);
    let drawn = places
        .into_iter()
        .zip(paths)
        .map(|(p, d)| Drawn {
            fill: p.class.map_or(NO_DATA, |c| colour(c, classes)),
            code: p.code,
            d: d.clone(),
            value: p.value,
            class: p.class,
        })
        .collect();
    (drawn, breaks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::LocalText;

    fn square(code: &str, w: f64, s: f64, size: f64) -> Shape {
        let ring = vec![[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]];
        Shape { code: code.into(), name: LocalText::th(code), polygons: vec![vec![ring]] }
    }

    #[test]
    fn the_shapes_fill_the_width_and_north_is_up() {
        let shapes = [square("a", 100.0, 10.0, 1.0), square("b", 101.0, 11.0, 1.0)];
        let p = Projection::fit(&shapes, 400.0).unwrap();
        assert_eq!(p.point(100.0, 12.0), (0.0, 0.0), "north-west corner");
        let (x, y) = p.point(102.0, 10.0);
        assert!((x - 400.0).abs() < 1e-9);
        assert!(y > 0.0 && (p.height - y).abs() < 1e-9);
        assert!(p.height > 400.0, "a degree of longitude is shorter than one of latitude away from the equator");
        assert!(p.path(&shapes[0]).starts_with("M0.0 "));
        assert_eq!(p.path(&shapes[0]).matches('Z').count(), 1);
        assert!(p.contains((10.0, 10.0)) && !p.contains((-1.0, 10.0)));
        assert_eq!(Projection::fit(&[], 400.0), None);
    }

    #[test]
    fn every_shape_is_drawn_with_its_class_colour_or_the_no_data_grey() {
        let shapes = [square("10", 100.0, 10.0, 1.0), square("11", 101.0, 11.0, 1.0), square("12", 102.0, 12.0, 1.0)];
        let p = Projection::fit(&shapes, 300.0).unwrap();
        let paths: Vec<String> = shapes.iter().map(|s| p.path(s)).collect();
        let mut figures = BTreeMap::new();
        for (code, score) in [("10", 50.0), ("11", 90.0)] {
            let mut f = Figures::default();
            f.lpa.add(crate::query::overview::Mean { sum: score, count: 1 });
            figures.insert(code.to_string(), f);
        }
        let (drawn, breaks) = choropleth(&shapes, &paths, &figures, MapMeasure::Lpa);
        assert_eq!(breaks.unwrap().classes(), 2);
        assert_eq!(drawn.iter().map(|d| d.fill).collect::<Vec<_>>(), vec![COLOURS[3], COLOURS[4], NO_DATA]);
        assert_eq!(drawn[2].value, None);
        assert_eq!(drawn[0].d, paths[0]);
    }

    #[test]
    fn fewer_classes_keep_the_dark_end_of_the_scale() {
        assert_eq!(colour(0, 5), COLOURS[0]);
        assert_eq!(colour(1, 2), COLOURS[4]);
        assert_eq!(colour(0, 1), COLOURS[4]);
        assert!(!COLOURS.contains(&NO_DATA));
    }
}
