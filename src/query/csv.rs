//! CSV fields as spreadsheets read them safely: RFC 4180 quoting, and formulas defused.

/// RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula.
pub fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
