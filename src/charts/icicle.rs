//! The budget's hierarchy as an icicle chart: one band per level (ด้าน, แผนงาน, งาน), each line as wide as its
//! share of the year's allocation, children under their parent. The table of the same rows is its fallback,
//! read by screen readers; the picture is for seeing proportions at a glance.
use plotters::prelude::*;

use super::measure::text_width;
use super::svg::{ChartError, Measured};
use crate::query::budget::Row;

/// One rectangle: its level, where it starts and ends as fractions of the width, and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub depth: u8,
    pub start: f64,
    pub end: f64,
    pub label: String,
    /// Which ด้าน it belongs to, for its colour.
    pub area: usize,
}

/// Lays out the budget view's tree (ด้าน, each followed by its แผนงาน and their งาน) as cells. Rows with no
/// allocation take no width.
pub fn layout(tree: &[Row]) -> Vec<Cell> {
    let total: i128 = tree.iter().filter(|r| r.depth == 0).map(|r| r.allocated.satang_i128().max(0)).sum();
    if total <= 0 {
        return Vec::new();
    }
    let mut cursor = [0.0f64; 4];
    let mut area = 0;
    let mut cells = Vec::with_capacity(tree.len());
    for r in tree {
        let d = usize::from(r.depth.min(2));
        if d == 0 && !cells.is_empty() {
            area += 1;
        }
        let start = cursor[d];
        let end = start + r.allocated.satang_i128().max(0) as f64 / total as f64;
        cursor[d] = end;
        // Children begin where their parent begins.
        cursor[d + 1] = start;
        cells.push(Cell { depth: d as u8, start, end, label: r.label.clone(), area });
    }
    cells
}

/// Darker than the bar charts' palette: the top band carries white labels, and these keep them readable.
const COLOURS: [RGBColor; 6] = [
    RGBColor(0x1f, 0x6f, 0xb4),
    RGBColor(0xb3, 0x5a, 0x00),
    RGBColor(0x23, 0x7a, 0x48),
    RGBColor(0xa8, 0x2f, 0x24),
    RGBColor(0x6a, 0x3d, 0x94),
    RGBColor(0x5f, 0x5f, 0x5f),
];

/// Draws the cells into an SVG document of `width` × `height`, with `title` above and `note` (synthetic data)
/// below. Labels that do not fit their cell are left out: the table has every one.
pub fn to_svg(cells: &[Cell], title: &str, note: Option<&str>, width: u32, height: u32) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = Measured(SVGBackend::with_string(&mut out, (width, height))).into_drawing_area();
        let err = |e: DrawingAreaErrorKind<_>| ChartError(e.to_string());
        root.fill(&WHITE).map_err(err)?;
        let title_style = ("sans-serif", 16).into_font().color(&BLACK);
        root.draw_text(title, &title_style, (8, 6)).map_err(err)?;
        let top = 30;
        let bottom = height as i32 - if note.is_some() { 24 } else { 4 };
        let band = (bottom - top) / 3;
        let inner = width as i32 - 16;
        for c in cells {
            let x0 = 8 + (c.start * f64::from(inner)).round() as i32;
            let x1 = 8 + (c.end * f64::from(inner)).round() as i32;
            if x1 <= x0 {
                continue;
            }
            let y0 = top + band * i32::from(c.depth);
            let base = COLOURS[c.area % COLOURS.len()];
            let mix = |v: u8| (u16::from(v) + (255 - u16::from(v)) * u16::from(c.depth) * 2 / 5) as u8;
            let fill = RGBColor(mix(base.0), mix(base.1), mix(base.2));
            root.draw(&Rectangle::new([(x0, y0), (x1, y0 + band - 2)], fill.filled())).map_err(err)?;
            root.draw(&Rectangle::new([(x0, y0), (x1, y0 + band - 2)], WHITE.stroke_width(1))).map_err(err)?;
            let text_colour = if c.depth == 0 { WHITE } else { BLACK };
            let style = ("sans-serif", 12).into_font().color(&text_colour);
            if text_width(&c.label, 12.0) + 8 < (x1 - x0) as u32 {
                root.draw_text(&c.label, &style, (x0 + 4, y0 + 6)).map_err(err)?;
            }
        }
        if let Some(note) = note {
            let style = ("sans-serif", 13).into_font().color(&RGBColor(0x8a, 0x1f, 0x11));
            root.draw_text(note, &style, (8, bottom + 4)).map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Satang, Total};

    fn row(depth: u8, label: &str, baht: i64) -> Row {
        Row {
            depth,
            label: label.into(),
            allocated: Total::from(Satang::baht(baht)),
            revised: None,
            disbursed: None,
            share: None,
            previous: None,
        }
    }

    fn tree() -> Vec<Row> {
        vec![
            row(0, "ด้านบริหารทั่วไป", 600),
            row(1, "บริหารงานทั่วไป", 400),
            row(2, "บริหารทั่วไป", 300),
            row(2, "บริหารงานคลัง", 100),
            row(1, "การรักษาความสงบภายใน", 200),
            row(0, "ด้านการเศรษฐกิจ <b>", 400),
            row(1, "การเกษตร", 400),
        ]
    }

    #[test]
    fn widths_are_shares_and_children_lie_under_their_parent() {
        let cells = layout(&tree());
        let width = |i: usize| cells[i].end - cells[i].start;
        assert!((width(0) - 0.6).abs() < 1e-12 && (width(5) - 0.4).abs() < 1e-12);
        assert_eq!((cells[0].start, cells[5].start), (0.0, 0.6));
        // บริหารงานทั่วไป and its two งาน, then the next แผนงาน, within ด้านบริหารทั่วไป.
        assert_eq!((cells[1].start, cells[2].start), (0.0, 0.0));
        assert!((cells[3].start - 0.3).abs() < 1e-12 && (cells[3].end - 0.4).abs() < 1e-12);
        assert!((cells[4].start - 0.4).abs() < 1e-12 && (cells[4].end - 0.6).abs() < 1e-12);
        assert!((cells[6].start - 0.6).abs() < 1e-12 && (cells[6].end - 1.0).abs() < 1e-12);
        assert_eq!(cells.iter().map(|c| c.area).collect::<Vec<_>>(), [0, 0, 0, 0, 0, 1, 1]);
        assert!(layout(&[]).is_empty());
    }

    #[test]
    fn labels_from_data_are_escaped_in_the_picture() {
        let svg = to_svg(&layout(&tree()), "งบประมาณ", Some("ข้อมูลสาธิต"), 640, 240).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("ด้านบริหารทั่วไป"));
        assert!(!svg.contains("<b>"), "text from data never becomes markup");
        assert_eq!(svg.matches("<rect").count(), 1 + 2 * 7, "the background, and each cell filled and outlined");
    }
}
