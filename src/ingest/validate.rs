//! The publisher's validator: recognise a file's format, read it with that format's parser, and report.
//! The CLI (`locallens validate`) and the app's "Check my data" page both call `validate`, so they say
//! the same things about the same file.
use serde::Serialize;
use serde_json::Value;

use crate::domain::calendar::FiscalYear;
use crate::domain::issue::{Issue, RecordCounts, Severity};
use crate::ingest::{assessment, budget, catalog, egp, egp_api, messages as msg, ocds, text, wevis};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DetectedFormat {
    Catalog,
    Ocds,
    /// data.go.th's e-GP contract rows (`ingest::egp`).
    EgpContracts,
    /// Rows of the e-GP contract API (`ingest::egp_api`).
    EgpApi,
    LocallensBudget,
    WevisPaoBudget,
    Assessment,
    Unknown,
}

impl DetectedFormat {
    pub fn label(self) -> crate::domain::lang::Tr {
        use crate::domain::lang::Tr;
        match self {
            DetectedFormat::Catalog => Tr::new("แคตตาล็อกของส่องท้องถิ่น", "LocalLens catalog"),
            DetectedFormat::Ocds => Tr::new("OCDS", "OCDS"),
            DetectedFormat::EgpContracts => Tr::new("ข้อมูลสัญญา e-GP ของ data.go.th", "data.go.th e-GP contracts"),
            DetectedFormat::EgpApi => Tr::new("ข้อมูลสัญญาจาก API ของ e-GP", "e-GP contract API rows"),
            DetectedFormat::LocallensBudget => Tr::new("งบประมาณตามโครงสร้างของส่องท้องถิ่น", "LocalLens budget"),
            DetectedFormat::WevisPaoBudget => Tr::new("งบประมาณ อบจ. ของ ACT × WeVis", "ACT × WeVis อบจ. budget"),
            DetectedFormat::Assessment => Tr::new("ผลการประเมิน LPA/ITA ของส่องท้องถิ่น", "LocalLens assessment (LPA/ITA)"),
            DetectedFormat::Unknown => Tr::new("ไม่รู้จัก", "unknown"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub file: String,
    pub format: DetectedFormat,
    pub counts: RecordCounts,
    pub errors: usize,
    pub warnings: usize,
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.errors == 0
    }
}

pub fn detect(bytes: &[u8]) -> DetectedFormat {
    // e-GP rows as JSON Lines or CSV, gzipped or not, are known by their first line (the files can be large).
    if egp::detect_text(&text::head(bytes, 1 << 16)) {
        return DetectedFormat::EgpContracts;
    }
    let Ok(bytes) = text::inflate(bytes) else {
        return DetectedFormat::Unknown;
    };
    let mut scratch = Vec::new();
    let Some(text) = text::decode("", &bytes, &mut scratch) else {
        return DetectedFormat::Unknown;
    };
    if text::looks_like_json_lines(&text) {
        return DetectedFormat::Ocds;
    }
    let Ok(value) = serde_json::from_str::<Value>(&text) else {
        // Unparseable: let the OCDS reader report where the JSON breaks, if it mentions OCDS at all.
        return if text.contains("\"ocid\"") || text.contains("\"releases\"") {
            DetectedFormat::Ocds
        } else {
            DetectedFormat::Unknown
        };
    };
    detect_value(&value)
}

pub fn detect_value(value: &Value) -> DetectedFormat {
    let has = |k: &str| value.get(k).is_some();
    if has("catalogVersion") || (has("publisher") && has("organisations")) {
        DetectedFormat::Catalog
    } else if has("budgetVersion") {
        DetectedFormat::LocallensBudget
    } else if wevis::detect(value) {
        DetectedFormat::WevisPaoBudget
    } else if assessment::detect(value) {
        DetectedFormat::Assessment
    } else if egp::detect(value) {
        DetectedFormat::EgpContracts
    } else if egp_api::detect(value) {
        DetectedFormat::EgpApi
    } else if has("releases")
        || has("records")
        || has("ocid")
        || value.as_array().is_some_and(|a| a.iter().any(|r| r.get("ocid").is_some()))
    {
        DetectedFormat::Ocds
    } else {
        DetectedFormat::Unknown
    }
}

/// Validates one file. `year` is the fiscal year for formats that do not carry one (WeVis budgets).
pub fn validate(file: &str, raw: &[u8], year: Option<FiscalYear>) -> Report {
    let format = detect(raw);
    let bytes: std::borrow::Cow<[u8]> = match format {
        // e-GP rows are read as they stream, gzip and all.
        DetectedFormat::EgpContracts => std::borrow::Cow::Borrowed(raw),
        _ => match text::inflate(raw) {
            Ok(b) => b,
            Err(e) => {
                let issues = vec![msg::unreadable_stream(file, 0, &e)];
                return Report {
                    file: file.to_string(),
                    format,
                    counts: RecordCounts::default(),
                    errors: 1,
                    warnings: 0,
                    issues,
                };
            }
        },
    };
    let bytes = bytes.as_ref();
    let (issues, counts) = match format {
        DetectedFormat::Catalog => {
            let p = catalog::parse(file, bytes);
            (p.issues, p.counts)
        }
        DetectedFormat::Ocds => {
            let p = ocds::load(file, bytes);
            (p.issues, p.counts)
        }
        DetectedFormat::EgpContracts => {
            let p = egp::convert(file, bytes);
            (p.issues, p.counts)
        }
        DetectedFormat::EgpApi => {
            let p = egp_api::convert(file, bytes);
            (p.issues, p.counts)
        }
        DetectedFormat::LocallensBudget => {
            let p = budget::parse(file, bytes);
            (p.issues, p.counts)
        }
        DetectedFormat::WevisPaoBudget => {
            let year = year.or_else(|| wevis::year_from_path(file)).unwrap_or(FiscalYear(0));
            let p = wevis::parse(file, bytes, year);
            (p.issues, p.counts)
        }
        DetectedFormat::Assessment => {
            let p = assessment::parse(file, bytes);
            (p.issues, p.counts)
        }
        DetectedFormat::Unknown => {
            let mut issues = Vec::new();
            if let Some(t) = text::decode(file, bytes, &mut issues) {
                if text::parse_json(file, &t, &crate::domain::issue::JsonPath::root(), &mut issues).is_some() {
                    issues.push(msg::unknown_format(file));
                }
            }
            (issues, RecordCounts::default())
        }
    };
    let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
    let warnings = issues.iter().filter(|i| i.severity == Severity::Warning).count();
    Report { file: file.to_string(), format, counts, errors, warnings, issues }
}

/// The record an issue's path points into: `releases[12].awards[0].value` → `releases[12]`,
/// `line 3.tender` → `line 3`; a file-level path is its own group.
pub fn record_of(path: &str) -> &str {
    if path.starts_with("line ") {
        return path.split('.').next().unwrap_or(path);
    }
    match path.find(']') {
        Some(end) => &path[..=end],
        None => path,
    }
}

/// Issues grouped by record, in the order their records first appear.
pub fn group_by_record(issues: &[Issue]) -> Vec<(String, Vec<&Issue>)> {
    let mut groups: Vec<(String, Vec<&Issue>)> = Vec::new();
    for issue in issues {
        let record = record_of(&issue.path);
        match groups.iter_mut().find(|(r, _)| r == record) {
            Some((_, list)) => list.push(issue),
            None => groups.push((record.to_string(), vec![issue])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_issue_paths_by_record() {
        assert_eq!(record_of("releases[12].awards[0].value.amount"), "releases[12]");
        assert_eq!(record_of("line 3.tender.value"), "line 3");
        assert_eq!(record_of("$"), "$");
        assert_eq!(record_of("publisher"), "publisher");
    }
}
