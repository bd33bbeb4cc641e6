//! Bars and lines drawn to SVG and their CSV: Thai labels, hostile text, one or no category, breaks at no data, the note.
use super::*;
use crate::charts::spec::Series;

fn chart(label: &str) -> BarChart {
    BarChart {
        title: format!("มูลค่าสัญญา {label}"),
        x_label: "วิธี".into(),
        y_label: "บาท".into(),
        categories: vec![label.into(), "เฉพาะเจาะจง".into()],
        series: vec![
            Series { name: label.into(), values: vec![1_500_000.0, 250_000.0] },
            Series { name: "b".into(), values: vec![1.0, 2.0] },
        ],
        note: None,
        style: Style::StackedBars,
    }
}

#[test]
fn lines_draw_one_polyline_per_run_of_figures_and_break_at_no_data() {
    let mut lines = chart("ปี 2567");
    lines.style = Style::Lines;
    lines.series[1].values = vec![5.0, f64::NAN];
    let svg = bars_to_svg(&lines, 640, 360).unwrap();
    let lines_of = |colour: &str| svg.lines().filter(|l| l.starts_with("<polyline") && l.contains(colour)).count();
    assert_eq!(lines_of("stroke=\"#1F6FB4\""), 1, "the first series is one line: {svg}");
    assert!(lines_of("stroke=\"#E07B1A\"") <= 1, "the second's one point is no line to 0");
    assert_eq!(svg.matches("<circle").count(), 3, "a dot per figure, none for no data");
    assert!(!svg.contains("NaN"));
    assert!(svg.contains("เฉพาะเจาะจง"), "category labels on the x axis");
}

#[test]
fn a_note_is_in_the_picture_and_on_every_csv_row() {
    let noted = chart("e-bidding").with_note(Some("ข้อมูลสาธิต <สังเคราะห์>".into()));
    let svg = bars_to_svg(&noted, 640, 360).unwrap();
    assert!(svg.contains("ข้อมูลสาธิต &lt;สังเคราะห์&gt;"), "drawn, escaped: {svg}");
    assert!(svg.trim_end().ends_with("</svg>") && svg.matches("</svg>").count() == 1, "one well-formed document: {svg}");
    let csv = noted.to_csv();
    assert!(csv.lines().next().unwrap().ends_with(",note"));
    assert!(csv.lines().skip(1).all(|l| l.ends_with(",ข้อมูลสาธิต <สังเคราะห์>")), "{csv}");
    assert!(!chart("e-bidding").to_csv().contains("note"));
}

#[test]
fn renders_thai_labels() {
    let svg = bars_to_svg(&chart("e-bidding"), 640, 360).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("เฉพาะเจาะจง"));
    assert!(svg.contains("<rect"));
}

#[test]
fn one_or_no_category_still_draws() {
    // Bars are the rectangles filled with the series' colour; count them with a real width.
    let bars = |svg: &str, colour: &str| {
        svg.split("<rect")
            .skip(1)
            .filter(|r| r.contains(&format!("fill=\"{colour}\"")))
            .filter(|r| {
                let w = r.split("width=\"").nth(1).and_then(|s| s.split('"').next()).and_then(|s| s.parse::<f64>().ok());
                w.is_some_and(|w| w > 0.0)
            })
            .count()
    };
    let single = |n: usize| BarChart {
        title: "t".into(),
        x_label: "x".into(),
        y_label: "y".into(),
        categories: (0..n).map(|i| format!("c{i}")).collect(),
        series: vec![Series { name: "s".into(), values: vec![5.0; n] }],
        note: None,
        style: Style::StackedBars,
    };
    for n in [3, 2, 1] {
        let svg = bars_to_svg(&single(n), 320, 200).unwrap();
        assert_eq!(bars(&svg, "#1F6FB4"), n, "{n} categories: {svg}");
    }
    assert!(bars_to_svg(&single(0), 320, 200).is_ok());
}

#[test]
fn hostile_text_cannot_become_markup() {
    let svg = bars_to_svg(&chart("<script>alert(1)</script><img src=x onerror=alert(2)>"), 640, 360).unwrap();
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("<img"));
    assert!(svg.contains("&lt;script&gt;"), "{svg}");
}

#[test]
fn csv_has_the_chart_data_and_guards_formulas() {
    let csv = chart("=HYPERLINK(\"x\")").to_csv();
    assert!(
        csv.starts_with("วิธี,'=HYPERLINK(\"\"x\"\"),b\r\n") || csv.starts_with("วิธี,\"'=HYPERLINK(\"\"x\"\")\",b\r\n"),
        "{csv}"
    );
    assert!(csv.contains("เฉพาะเจาะจง,250000,2\r\n"));
}
