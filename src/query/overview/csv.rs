//! The overview's tables as CSV, in the order on screen. An empty field is "no data"; counts of places
//! with a figure sit beside every sum, so that a reader can see what a total or a per-capita figure covers.
use super::{Figures, OrgRow, ProvinceRow};
use crate::domain::codes::Code;
use crate::domain::lang::{Lang, Tr};
use crate::domain::money::Total;
use crate::query::csv::push_record;
use crate::query::export::NOTE_COLUMN;

const ORG_COLUMNS: [Tr; 4] =
    [Tr::new("รหัส อปท.", "dla_code"), Tr::new("ชื่อ", "name"), Tr::new("ประเภท", "type"), Tr::new("จังหวัด", "province")];

const PROVINCE_COLUMNS: [Tr; 3] =
    [Tr::new("จังหวัด", "province"), Tr::new("รหัสจังหวัด", "province_code"), Tr::new("จำนวน อปท.", "organisations")];

const FIGURE_COLUMNS: [Tr; 20] = [
    Tr::new("ประชากร", "population"),
    Tr::new("อปท. ที่มีตัวเลขประชากร", "with_population"),
    Tr::new("งบประมาณ (บาท)", "budget_baht"),
    Tr::new("อปท. ที่มีงบประมาณ", "with_budget"),
    Tr::new("อปท. ที่ยอดรายการไม่ตรงกับยอดรวมที่ประกาศ", "budget_lines_differ_from_declared_total"),
    Tr::new("เบิกจ่าย (บาท)", "disbursed_baht"),
    Tr::new("งบประมาณต่อหัว (บาท)", "budget_per_person_baht"),
    Tr::new("อปท. ที่ไม่มีตัวเลขต่อหัว", "without_per_person_figure"),
    Tr::new("มูลค่าสัญญา (บาท)", "contract_value_baht"),
    Tr::new("จำนวนโครงการ", "processes"),
    Tr::new("โครงการที่ระบุมูลค่าสัญญา", "processes_with_value"),
    Tr::new("อปท. ที่มีข้อมูลจัดซื้อจัดจ้าง", "with_procurement"),
    Tr::new("สัดส่วนวิธีเฉพาะเจาะจง", "specific_method_share"),
    Tr::new("สัญญาณความเสี่ยงต่อ 100 โครงการ", "risk_signals_per_100"),
    Tr::new("LPA (%)", "lpa_percent"),
    Tr::new("อปท. ที่มีผล LPA", "with_lpa"),
    Tr::new("ITA", "ita_score"),
    Tr::new("อปท. ที่มีผล ITA", "with_ita"),
    Tr::new("ความครบถ้วนของข้อมูล (%)", "completeness_percent"),
    Tr::new("ข้อมูลสาธิต", "demonstration"),
];

fn money(t: Option<Total>) -> String {
    t.map(Total::to_decimal_string).unwrap_or_default()
}

fn number(v: Option<f64>, decimals: usize) -> String {
    v.map(|v| format!("{v:.decimals$}")).unwrap_or_default()
}

fn figure_fields(f: &Figures) -> Vec<String> {
    let p = f.procurement;
    vec![
        if f.with_population > 0 { f.population.to_string() } else { String::new() },
        f.with_population.to_string(),
        money(f.budget),
        f.with_budget.to_string(),
        f.budget_differs.to_string(),
        money(f.disbursed),
        number(f.budget_per_capita.value(), 2),
        f.budget_per_capita.without.to_string(),
        money(p.map(|p| p.value)),
        p.map(|p| p.processes.to_string()).unwrap_or_default(),
        p.map(|p| p.with_value.to_string()).unwrap_or_default(),
        f.covered.to_string(),
        number(p.and_then(|p| p.limited_share()), 4),
        number(p.and_then(|p| p.signals_per_100()), 2),
        number(f.lpa.value(), 2),
        f.lpa.count.to_string(),
        number(f.ita.value(), 2),
        f.ita.count.to_string(),
        number(f.completeness.value(), 1),
        if f.demonstration { "1" } else { "0" }.to_string(),
    ]
}

fn table<'a>(lang: Lang, first: &[Tr], rows: impl Iterator<Item = (Vec<String>, &'a Figures)>, note: Option<&str>) -> String {
    let mut headers: Vec<&str> = first.iter().chain(&FIGURE_COLUMNS).map(|c| c.get(lang)).collect();
    if note.is_some() {
        headers.push(NOTE_COLUMN.get(lang));
    }
    // A byte-order mark, as on every CSV of the app: Excel reads the Thai names as UTF-8 only with it.
    let mut out = String::from("\u{FEFF}");
    push_record(&mut out, &headers);
    for (mut fields, figures) in rows {
        fields.extend(figure_fields(figures));
        fields.extend(note.map(str::to_string));
        push_record(&mut out, &fields);
    }
    out
}

/// The organisations' table.
pub fn organisations_csv(rows: &[OrgRow], lang: Lang, note: Option<&str>) -> String {
    let rows = rows.iter().map(|r| {
        let first = vec![
            r.code.clone(),
            r.name.get(lang).to_string(),
            r.org_type.label().get(lang).to_string(),
            r.province.get(lang).to_string(),
        ];
        (first, &r.figures)
    });
    table(lang, &ORG_COLUMNS, rows, note)
}

/// The provinces' table.
pub fn provinces_csv(rows: &[ProvinceRow], lang: Lang, note: Option<&str>) -> String {
    let rows = rows.iter().map(|r| {
        let first = vec![r.province.get(lang).to_string(), r.code.clone().unwrap_or_default(), r.figures.places.to_string()];
        (first, &r.figures)
    });
    table(lang, &PROVINCE_COLUMNS, rows, note)
}
