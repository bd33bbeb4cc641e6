//! Chart specs → SVG text with plotters. Drawing is generic over the backend; the app and the tests
//! both render to a string. Every text that came from data is escaped before it reaches the SVG.
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

use super::measure::{line_height, text_width};
use super::spec::{BarChart, Style};

const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1f, 0x6f, 0xb4),
    RGBColor(0xe0, 0x7b, 0x1a),
    RGBColor(0x2a, 0x9d, 0x5c),
    RGBColor(0xc0, 0x39, 0x2b),
    RGBColor(0x7d, 0x4e, 0xa8),
    RGBColor(0x7f, 0x7f, 0x7f),
];

#[derive(Debug)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// Escapes text for XML (for the parts of a chart we write ourselves; plotters' SVG backend escapes
/// the text and attributes it writes, which `hostile_text_cannot_become_markup` holds it to).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Short axis labels for baht: 1.2M, 350K.
pub fn short_number(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{:.1}B", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e3 {
        format!("{:.0}K", v / 1e3)
    } else {
        format!("{v:.0}")
    }
}

pub fn draw_bars<DB: DrawingBackend>(chart: &BarChart, area: &DrawingArea<DB, Shift>) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    if chart.style == Style::Lines {
        return draw_lines(chart, area);
    }
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| ChartError(e.to_string());
    area.fill(&WHITE).map_err(err)?;
    let n = chart.categories.len().max(1);
    let top = (chart.max_stack() * 1.1).max(1.0);
    let categories = &chart.categories;
    let mut ctx = ChartBuilder::on(area)
        .caption(&chart.title, ("sans-serif", 18))
        .margin(10)
        .x_label_area_size(40)
        .y_label_area_size(60)
        // Segments 0..=n-1: one per category, no empty segment after the last. One category still needs
        // a range of two points, or its bar would have no width.
        .build_cartesian_2d((0..n.saturating_sub(1).max(1)).into_segmented(), 0.0..top)
        .map_err(err)?;
    ctx.configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .label_style(("sans-serif", 13))
        .x_desc(&chart.x_label)
        .y_desc(&chart.y_label)
        .y_label_formatter(&|v| short_number(*v))
        .x_label_formatter(&|seg| match seg {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => categories.get(*i).cloned().unwrap_or_default(),
            SegmentValue::Last => String::new(),
        })
        .draw()
        .map_err(err)?;
    let mut base = vec![0.0; n];
    for (si, series) in chart.series.iter().enumerate() {
        let color = PALETTE[si % PALETTE.len()];
        let bars: Vec<Rectangle<(SegmentValue<usize>, f64)>> = (0..chart.categories.len())
            .map(|i| {
                let v = series.values.get(i).copied().unwrap_or(0.0).max(0.0);
                let mut rect = Rectangle::new(
                    [(SegmentValue::Exact(i), base[i]), (SegmentValue::Exact(i + 1), base[i] + v)],
                    color.filled(),
                );
                rect.set_margin(0, 0, 12, 12);
                base[i] += v;
                rect
            })
            .collect();
        let name = series.name.clone();
        ctx.draw_series(bars)
            .map_err(err)?
            .label(name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled()));
    }
    if chart.series.len() > 1 {
        legend(chart, area).map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}

/// One line per series over the categories, with a dot on each point; a point with no data (NaN) breaks the
/// line rather than dropping it to 0.
fn draw_lines<DB: DrawingBackend>(chart: &BarChart, area: &DrawingArea<DB, Shift>) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| ChartError(e.to_string());
    area.fill(&WHITE).map_err(err)?;
    let n = chart.categories.len().max(2);
    let top = chart.series.iter().flat_map(|s| &s.values).filter(|v| v.is_finite()).fold(0.0f64, |a, &b| a.max(b));
    let top = (top * 1.1).max(1.0);
    let categories = &chart.categories;
    let mut ctx = ChartBuilder::on(area)
        .caption(&chart.title, ("sans-serif", 18))
        .margin(10)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0.0..top)
        .map_err(err)?;
    ctx.configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .label_style(("sans-serif", 13))
        .x_labels(n)
        .x_desc(&chart.x_label)
        .y_desc(&chart.y_label)
        .y_label_formatter(&|v| short_number(*v))
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() < 1e-6 && i >= 0.0 {
                categories.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .draw()
        .map_err(err)?;
    for (si, series) in chart.series.iter().enumerate() {
        let color = PALETTE[si % PALETTE.len()];
        let points: Vec<(f64, f64)> = series.values.iter().enumerate().map(|(i, &v)| (i as f64, v)).collect();
        for run in points.split(|p| !p.1.is_finite()).filter(|r| !r.is_empty()) {
            ctx.draw_series(LineSeries::new(run.iter().copied(), ShapeStyle::from(&color).stroke_width(2))).map_err(err)?;
        }
        ctx.draw_series(points.iter().filter(|p| p.1.is_finite()).map(|&p| Circle::new(p, 3, color.filled()))).map_err(err)?;
    }
    if chart.series.len() > 1 {
        legend(chart, area).map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}

/// The series' names in the top right corner, each beside a swatch of its colour, in a framed box. Drawn
/// here rather than by plotters, whose legend measures its labels with the browser's font machinery.
fn legend<DB: DrawingBackend>(
    chart: &BarChart,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    const SIZE: f64 = 12.0;
    let line = line_height(SIZE) as i32;
    let widest = chart.series.iter().map(|s| text_width(&s.name, SIZE)).max().unwrap_or(0) as i32;
    let (width, _) = area.dim_in_pixel();
    let (box_w, box_h) = (widest + 30, line * chart.series.len() as i32 + 8);
    let (x0, y0) = (width as i32 - box_w - 12, 34);
    area.draw(&Rectangle::new([(x0, y0), (x0 + box_w, y0 + box_h)], WHITE.mix(0.85).filled()))?;
    area.draw(&Rectangle::new([(x0, y0), (x0 + box_w, y0 + box_h)], ShapeStyle::from(&BLACK).stroke_width(1)))?;
    for (i, series) in chart.series.iter().enumerate() {
        let y = y0 + 4 + line * i as i32;
        let color = PALETTE[i % PALETTE.len()];
        area.draw(&Rectangle::new([(x0 + 6, y + 3), (x0 + 16, y + line - 5)], color.filled()))?;
        area.draw_text(&series.name, &("sans-serif", SIZE).into_font().color(&BLACK), (x0 + 22, y + 1))?;
    }
    Ok(())
}

/// A backend that estimates text sizes from the letters (`measure`) and draws everything else with `B`.
pub struct Measured<B>(pub B);

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<B::ErrorType>> {
        Ok((text_width(text, style.size()), line_height(style.size())))
    }
}

/// Renders a bar chart to an SVG document string.
pub fn bars_to_svg(chart: &BarChart, width: u32, height: u32) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = Measured(SVGBackend::with_string(&mut out, (width, height))).into_drawing_area();
        match &chart.note {
            // The note is drawn into the picture, so that a saved SVG or PNG still says it.
            Some(note) => {
                let (main, foot) = area.split_vertically(height.saturating_sub(NOTE_HEIGHT));
                // Before the bars: drawing them presents the picture, which closes the SVG.
                foot.fill(&WHITE).map_err(|e| ChartError(e.to_string()))?;
                let style = ("sans-serif", 13).into_font().color(&RGBColor(0x8a, 0x1f, 0x11));
                foot.draw_text(note, &style, (10, 4)).map_err(|e| ChartError(e.to_string()))?;
                draw_bars(chart, &main)?;
            }
            None => draw_bars(chart, &area)?,
        }
    }
    Ok(out)
}

/// Pixels under the chart for its note.
const NOTE_HEIGHT: u32 = 22;

#[cfg(test)]
mod tests;
