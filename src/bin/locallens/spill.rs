//! The e-GP compiler's issues written to a file beside the report as they come, and spliced into the report at
//! the end: a country's rows give about 400,000 issues, too many to hold until the report is written.
use std::io::{BufRead, BufWriter, Write};

use locallens::ingest::egp;

/// Where the issues go while the files are read: `<report>.issues.tmp`, one JSON object a line.
pub struct Spill {
    path: String,
}

impl Spill {
    /// A compiler whose issues stream to the spill file of `report`; with no report asked for, a compiler whose
    /// issues are only counted (`egp::Report::reasons`), since nobody would read them.
    pub fn compiler(report: Option<&str>) -> Result<(egp::Compiler, Option<Spill>), String> {
        let Some(report) = report else {
            return Ok((egp::Compiler::with_issue_sink(Box::new(drop)), None));
        };
        let path = format!("{report}.issues.tmp");
        let file = std::fs::File::create(&path).map_err(|e| format!("{path}: {e}"))?;
        let mut w = BufWriter::new(file);
        let compiler = egp::Compiler::with_issue_sink(Box::new(move |issue| {
            // A write error here surfaces when the report is assembled (the file is short).
            let _ = serde_json::to_writer(&mut w, &issue).map(|()| w.write_all(b"\n"));
        }));
        Ok((compiler, Some(Spill { path })))
    }

    /// Writes `report` to `path` with the spilled issues as the array at `pointer` (whose value in `report` is
    /// replaced), then removes the spill file. Call after the compiler is finished, so that its writer has
    /// flushed.
    pub fn write_report(self, path: &str, report: &impl serde::Serialize, pointer: &[&str]) -> Result<(), String> {
        self.splice(path, report, pointer).map_err(|e| format!("{path}: {e}"))?;
        std::fs::remove_file(&self.path).map_err(|e| format!("{}: {e}", self.path))
    }

    fn splice(&self, path: &str, report: &impl serde::Serialize, pointer: &[&str]) -> std::io::Result<()> {
        // A string no data can equal (serde_json writes U+001F as `\u001f`), put where the array goes.
        const SLOT: &str = "\u{1f}spilled issues\u{1f}";
        const MARK: &str = r#""\u001fspilled issues\u001f""#;
        let mut value = serde_json::to_value(report)?;
        let slot = pointer.iter().try_fold(&mut value, |v, key| v.get_mut(*key)).expect("the report has the slot");
        *slot = serde_json::Value::String(SLOT.into());
        // Everything but the issues is small; the issues are copied line by line.
        let text = serde_json::to_string_pretty(&value)?;
        let (head, tail) = text.split_once(MARK).expect("the mark is written once");
        let mut out = BufWriter::new(std::fs::File::create(path)?);
        out.write_all(head.as_bytes())?;
        out.write_all(b"[")?;
        for (i, line) in std::io::BufReader::new(std::fs::File::open(&self.path)?).lines().enumerate() {
            out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            out.write_all(line?.as_bytes())?;
        }
        out.write_all(b"\n]")?;
        out.write_all(tail.as_bytes())?;
        out.flush()
    }
}
