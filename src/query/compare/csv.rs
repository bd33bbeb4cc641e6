//! The comparison as CSV, one row per measure: each organisation's value, then its difference from the first
//! (Δ and Δ%). An empty field is "no data".
use super::{delta, Comparison, MEASURES};
use crate::domain::codes::Code;
use crate::domain::lang::{Lang, Tr};
use crate::query::csv::push_record;
use crate::query::export::NOTE_COLUMN;

const MEASURE: Tr = Tr::new("ตัวชี้วัด", "measure");
const CODE: Tr = Tr::new("รหัส", "code");

/// Header: measure, code, then per member its name; `Δ name` and `Δ% name` follow every member after the first.
pub fn comparison_csv(cmp: &Comparison, lang: Lang, note: Option<&str>) -> String {
    // A byte order mark, as every CSV here: spreadsheet programs then read the Thai as UTF-8.
    let mut out = String::from("\u{FEFF}");
    let mut header = vec![MEASURE.get(lang).to_string(), CODE.get(lang).to_string()];
    for (i, m) in cmp.members.iter().enumerate() {
        let name = format!("{} ({})", m.name.get(lang), m.code);
        if i > 0 {
            header.push(format!("Δ {name}"));
            header.push(format!("Δ% {name}"));
        }
        header.insert(2 + i, name);
    }
    if note.is_some() {
        header.push(NOTE_COLUMN.get(lang).to_string());
    }
    push_record(&mut out, &header);
    let print = |v: Option<f64>, d: usize| v.map(|v| format!("{v:.d$}")).unwrap_or_default();
    for measure in MEASURES {
        let values: Vec<Option<f64>> = cmp.members.iter().map(|m| measure.value(m)).collect();
        let mut fields = vec![measure.label().get(lang).to_string(), measure.as_str().to_string()];
        fields.extend(values.iter().map(|v| print(*v, measure.decimals())));
        let base = values.first().copied().flatten();
        for v in values.iter().skip(1) {
            let d = delta(base, *v);
            fields.push(print(d.map(|d| d.absolute), measure.decimals()));
            fields.push(print(d.and_then(|d| d.percent), 1));
        }
        fields.extend(note.map(str::to_string));
        push_record(&mut out, &fields);
    }
    out
}
