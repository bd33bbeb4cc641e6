//! What a parser says about its input: a severity, where (file and JSON path) and why, in Thai and English.
use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Accepted as it is; worth knowing.
    Info,
    /// Accepted after a repair the publisher should know about.
    Warning,
    /// The value or record was rejected.
    Error,
}

impl Severity {
    pub fn label(self) -> crate::domain::lang::Tr {
        use crate::domain::lang::Tr;
        match self {
            Severity::Info => Tr::new("ข้อสังเกต", "info"),
            Severity::Warning => Tr::new("คำเตือน", "warning"),
            Severity::Error => Tr::new("ข้อผิดพลาด", "error"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A location inside a JSON document, printed as `releases[12].awards[0].value.amount`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(Vec<Segment>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
    /// A line of a JSON Lines file (1-based, as editors count).
    Line(usize),
}

impl JsonPath {
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    pub fn line(line: usize) -> JsonPath {
        JsonPath(vec![Segment::Line(line)])
    }

    pub fn key(&self, key: &str) -> JsonPath {
        let mut next = self.clone();
        next.0.push(Segment::Key(key.to_string()));
        next
    }

    pub fn index(&self, index: usize) -> JsonPath {
        let mut next = self.clone();
        next.0.push(Segment::Index(index));
        next
    }

    pub fn push_key(&mut self, key: &str) {
        self.0.push(Segment::Key(key.to_string()));
    }

    pub fn push_index(&mut self, index: usize) {
        self.0.push(Segment::Index(index));
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for segment in &self.0 {
            match segment {
                Segment::Key(k) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Segment::Index(i) => write!(f, "[{i}]")?,
                Segment::Line(l) => write!(f, "line {l}")?,
            }
            first = false;
        }
        if first {
            f.write_str("$")?;
        }
        Ok(())
    }
}

/// One finding about an input file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub severity: Severity,
    pub file: String,
    pub path: String,
    /// A stable machine-readable code (e.g. `wrong-type`), for filtering and tests.
    pub code: &'static str,
    pub th: String,
    pub en: String,
}

impl Issue {
    pub fn message(&self, lang: crate::domain::lang::Lang) -> &str {
        use crate::domain::lang::Lang;
        match lang {
            Lang::Th => &self.th,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} {}: {} / {}", self.severity.as_str(), self.file, self.path, self.en, self.th)
    }
}

/// Counts of what a parser did with the records of one file: nothing is dropped without being counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RecordCounts {
    pub read: usize,
    pub accepted: usize,
    pub rejected: usize,
}

/// What every parser returns: the values it could read, and what it has to say about the input.
#[derive(Debug, Clone, Default)]
pub struct Parsed<T> {
    pub values: T,
    pub issues: Vec<Issue>,
    pub counts: RecordCounts,
}

impl<T> Parsed<T> {
    pub fn errors(&self) -> usize {
        self.issues.iter().filter(|i| i.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.issues.iter().filter(|i| i.severity == Severity::Warning).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_paths_like_json_pointers_people_read() {
        let p = JsonPath::root().key("releases").index(12).key("awards").index(0).key("value").key("amount");
        assert_eq!(p.to_string(), "releases[12].awards[0].value.amount");
        assert_eq!(JsonPath::root().to_string(), "$");
        assert_eq!(JsonPath::line(3).key("tender").to_string(), "line 3.tender");
    }
}
