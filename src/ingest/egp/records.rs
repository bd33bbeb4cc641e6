//! The records of one file, however it was published or mirrored: JSON Lines, a JSON array of row objects,
//! the portal's datastore answer (`{"result": {"records": […]}}`) or CSV with the Thai headers; UTF-8 (with or
//! without a byte-order mark) or TIS-620; gzipped or not. JSON Lines and CSV stream, line by line, so a
//! country's rows never sit in memory at once.
use std::io::{BufRead, BufReader, Read};

use serde_json::Value;

use super::msg;
use crate::domain::issue::{Issue, JsonPath};

/// One record as published: where it is (a line of the file, or an item of an array, 1-based), and its fields
/// in their published order (the order matters: shifted rows are recognised from it).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    pub line: usize,
    pub fields: Vec<(String, Value)>,
}

/// What `records` hands on: a record, or one that could not be read (and why), which counts as rejected.
pub type Record = Result<RawRecord, Issue>;

/// Calls `each` with every record of `reader`. Problems with the file as a whole (truncated gzip, not JSON,
/// nothing in it) are pushed to `issues`; every record read before them still comes.
pub fn records(file: &str, reader: impl Read, issues: &mut Vec<Issue>, each: &mut dyn FnMut(Record)) {
    read(file, reader, issues, false, each);
}

/// Like `records`, but each record holds only its project id (the field `Column::ProjectId` names): JSON
/// Lines are then scanned without building their values, for a quick first pass over a large file.
pub fn project_ids(file: &str, reader: impl Read, each: &mut dyn FnMut(Record)) {
    read(file, reader, &mut Vec::new(), true, each);
}

fn read(file: &str, reader: impl Read, issues: &mut Vec<Issue>, ids_only: bool, each: &mut dyn FnMut(Record)) {
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    let gzipped = matches!(buffered.fill_buf(), Ok([0x1f, 0x8b, ..]));
    if gzipped {
        let inner = BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(buffered));
        read_text(file, inner, issues, ids_only, each);
    } else {
        read_text(file, buffered, issues, ids_only, each);
    }
}

fn read_text(file: &str, mut input: impl BufRead, issues: &mut Vec<Issue>, ids_only: bool, each: &mut dyn FnMut(Record)) {
    let mut lines = Lines::new(file, &mut input);
    let first = loop {
        match lines.next_line(issues) {
            Some(line) if line.trim().is_empty() => continue,
            Some(line) => break line,
            None => {
                issues.push(msg::empty_file(file));
                return;
            }
        }
    };
    let start = first.trim_start();
    if start.starts_with('{') {
        // A whole object on the first line is JSON Lines, unless it is the portal's answer.
        match serde_json::from_str::<Value>(first.trim()) {
            Ok(Value::Object(o)) if !o.contains_key("result") && !o.contains_key("records") => {
                each(Ok(RawRecord { line: lines.number, fields: o.into_iter().collect() }));
                json_lines(file, &mut lines, issues, ids_only, each);
            }
            _ => document(file, first, &mut lines, issues, each),
        }
    } else if start.starts_with('[') {
        document(file, first, &mut lines, issues, each);
    } else {
        csv(file, first, &mut lines, issues, each);
    }
}

/// Lines of text, decoded: UTF-8, or TIS-620 (Windows-874) when the file is not UTF-8, which is said once.
struct Lines<'r, R: BufRead> {
    file: &'r str,
    input: &'r mut R,
    number: usize,
    tis620: bool,
    failed: bool,
}

impl<'r, R: BufRead> Lines<'r, R> {
    fn new(file: &'r str, input: &'r mut R) -> Self {
        Lines { file, input, number: 0, tis620: false, failed: false }
    }

    fn next_line(&mut self, issues: &mut Vec<Issue>) -> Option<String> {
        if self.failed {
            return None;
        }
        let mut bytes = Vec::new();
        match self.input.read_until(b'\n', &mut bytes) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                // A truncated or corrupt gzip stream: what came before is kept.
                self.failed = true;
                issues.push(msg::unreadable_stream(self.file, self.number, &e.to_string()));
                return None;
            }
        }
        self.number += 1;
        if self.number == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        while matches!(bytes.last(), Some(b'\n' | b'\r')) {
            bytes.pop();
        }
        if !self.tis620 {
            match String::from_utf8(bytes) {
                Ok(text) => return Some(text),
                Err(e) => {
                    bytes = e.into_bytes();
                    self.tis620 = true;
                    issues.push(crate::ingest::messages::tis620(self.file));
                }
            }
        }
        let (text, _, _) = encoding_rs::WINDOWS_874.decode(&bytes);
        Some(text.into_owned())
    }
}

fn json_lines<R: BufRead>(
    file: &str,
    lines: &mut Lines<R>,
    issues: &mut Vec<Issue>,
    ids_only: bool,
    each: &mut dyn FnMut(Record),
) {
    while let Some(line) = lines.next_line(issues) {
        if line.trim().is_empty() {
            continue;
        }
        let at = JsonPath::line(lines.number);
        if ids_only {
            if let Ok(IdOnly(id)) = serde_json::from_str::<IdOnly>(&line) {
                let fields = id
                    .map(|v| (crate::domain::codes::Code::as_str(super::columns::Column::ProjectId).to_string(), v))
                    .into_iter()
                    .collect();
                each(Ok(RawRecord { line: lines.number, fields }));
                continue;
            }
        }
        each(match serde_json::from_str::<Value>(&line) {
            Ok(Value::Object(o)) => Ok(RawRecord { line: lines.number, fields: o.into_iter().collect() }),
            Ok(other) => Err(crate::ingest::messages::not_a_record(file, &at, crate::ingest::reader::type_name(&other))),
            Err(e) => Err(crate::ingest::messages::bad_json(file, &at, 1, e.column(), &e.to_string())),
        });
    }
}

/// A JSON object's project id, found by the same header rule as a full read, every other value skipped.
struct IdOnly(Option<Value>);

impl<'de> serde::Deserialize<'de> for IdOnly {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = IdOnly;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an e-GP row")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<IdOnly, A::Error> {
                let mut id = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if id.is_none() && super::columns::Column::of_header(&key) == Some(super::columns::Column::ProjectId) {
                        id = Some(map.next_value::<Value>()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(IdOnly(id))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// A whole JSON document: an array of rows, or the portal's answer with its rows under `result.records`.
fn document<R: BufRead>(file: &str, first: String, lines: &mut Lines<R>, issues: &mut Vec<Issue>, each: &mut dyn FnMut(Record)) {
    let mut text = first;
    while let Some(line) = lines.next_line(issues) {
        text.push('\n');
        text.push_str(&line);
    }
    let Some(value) = crate::ingest::text::parse_json(file, &text, &JsonPath::root(), issues) else {
        return;
    };
    let (rows, at) = match &value {
        Value::Array(rows) => (Some(rows), JsonPath::root()),
        Value::Object(o) => {
            let records = o.get("result").and_then(|r| r.get("records")).or_else(|| o.get("records"));
            let at = if o.contains_key("result") {
                JsonPath::root().key("result").key("records")
            } else {
                JsonPath::root().key("records")
            };
            (records.and_then(Value::as_array), at)
        }
        _ => (None, JsonPath::root()),
    };
    let Some(rows) = rows else {
        let found = crate::ingest::reader::type_name(&value);
        issues.push(crate::ingest::messages::wrong_type(file, &JsonPath::root(), "e-GP rows", found));
        return;
    };
    if rows.is_empty() {
        issues.push(msg::empty_file(file));
    }
    for (i, row) in rows.iter().enumerate() {
        each(match row {
            Value::Object(o) => Ok(RawRecord { line: i + 1, fields: o.clone().into_iter().collect() }),
            other => Err(crate::ingest::messages::not_a_record(file, &at.index(i), crate::ingest::reader::type_name(other))),
        });
    }
}

/// CSV (RFC 4180): a header row, then records whose quoted fields may hold commas, quotes and line breaks.
/// A row with more or fewer fields than the header is rejected with its line; the next row is read as usual.
fn csv<R: BufRead>(file: &str, first: String, lines: &mut Lines<R>, issues: &mut Vec<Issue>, each: &mut dyn FnMut(Record)) {
    let Some(header) = csv_record(first, lines, issues) else { return };
    if header.iter().all(|h| super::columns::Column::of_header(h).is_none()) {
        issues.push(msg::not_egp_csv(file));
        return;
    }
    loop {
        let start = lines.number + 1;
        let Some(first) = lines.next_line(issues) else { break };
        if first.trim().is_empty() {
            continue;
        }
        let Some(fields) = csv_record(first, lines, issues) else { break };
        if fields.len() != header.len() {
            each(Err(msg::ragged_row(file, start, fields.len(), header.len())));
            continue;
        }
        let fields = header.iter().cloned().zip(fields.into_iter().map(Value::String)).collect();
        each(Ok(RawRecord { line: start, fields }));
    }
}

/// One CSV record starting with `line`, reading more lines while a quoted field is open.
fn csv_record<R: BufRead>(line: String, lines: &mut Lines<R>, issues: &mut Vec<Issue>) -> Option<Vec<String>> {
    let mut splitter = crate::ingest::csv::Splitter::default();
    let mut line = line;
    loop {
        if let Some(fields) = splitter.feed(&line) {
            return Some(fields);
        }
        line = lines.next_line(issues)?;
    }
}

/// The fields of a JSON object, for tests.
#[cfg(test)]
pub fn fields(json: &str) -> Vec<(String, Value)> {
    serde_json::from_str::<serde_json::Map<String, Value>>(json).unwrap().into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> (Vec<Record>, Vec<Issue>) {
        let mut out = Vec::new();
        let mut issues = Vec::new();
        records("f", bytes, &mut issues, &mut |r| out.push(r));
        (out, issues)
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    const ROWS: &str = "{\"รหัสโครงการ\":\"1\",\"ชื่อโครงการ\":\"ก\"}\n{\"รหัสโครงการ\":\"2\",\"ชื่อโครงการ\":\"ข\"}\n";

    #[test]
    fn every_container_gives_the_same_records() {
        let ids = |rs: &[Record]| -> Vec<String> {
            rs.iter().map(|r| r.as_ref().unwrap().fields[0].1.as_str().unwrap().to_string()).collect()
        };
        let array = "[{\"รหัสโครงการ\":\"1\",\"ชื่อโครงการ\":\"ก\"},{\"รหัสโครงการ\":\"2\",\"ชื่อโครงการ\":\"ข\"}]";
        let answer = format!("{{\"help\":\"x\",\"success\":true,\"result\":{{\"records\":{array}}}}}");
        let csv = "\u{FEFF}รหัสโครงการ,ชื่อโครงการ\r\n1,ก\r\n2,\"ข\"\r\n";
        let (tis, _, _) = encoding_rs::WINDOWS_874.encode("รหัสโครงการ,ชื่อโครงการ\n1,ก\n2,ข\n");
        for (name, bytes) in [
            ("jsonl", ROWS.as_bytes().to_vec()),
            ("array", array.as_bytes().to_vec()),
            ("answer", answer.as_bytes().to_vec()),
            ("csv", csv.as_bytes().to_vec()),
            ("tis-620 csv", tis.to_vec()),
            ("gzip jsonl", gzip(ROWS.as_bytes())),
            ("gzip csv", gzip(csv.as_bytes())),
        ] {
            let (rs, issues) = all(&bytes);
            assert_eq!(ids(&rs), vec!["1", "2"], "{name}: {issues:?}");
            assert_eq!(rs[1].as_ref().unwrap().fields[1], ("ชื่อโครงการ".to_string(), Value::String("ข".into())), "{name}");
            let tis620 = issues.iter().any(|i| i.code == "tis-620");
            assert_eq!(tis620, name == "tis-620 csv", "{name}: {issues:?}");
        }
    }

    #[test]
    fn a_quoted_field_may_hold_commas_quotes_and_line_breaks() {
        let (rs, _) = all("รหัสโครงการ,ชื่อโครงการ\n1,\"ซื้อ \"\"นม\"\", ขนม\nหมู่ 5\"\n2,x\n".as_bytes());
        let r = rs[0].as_ref().unwrap();
        assert_eq!(r.fields[1].1, Value::String("ซื้อ \"นม\", ขนม\nหมู่ 5".into()));
        assert_eq!(rs[1].as_ref().unwrap().line, 4);
    }

    #[test]
    fn bad_input_is_said_and_loses_no_other_row() {
        // A ragged CSV row.
        let (rs, _) = all("รหัสโครงการ,ชื่อโครงการ\n1,ก\n2,ข,เกิน\n3,ค\n".as_bytes());
        assert_eq!(rs.len(), 3);
        assert_eq!(rs[1].as_ref().unwrap_err().code, "ragged-row");
        assert_eq!(rs[1].as_ref().unwrap_err().path, "line 3");
        assert!(rs[2].is_ok());
        // A truncated gzip: the rows before the cut are read, and the cut is said.
        let whole = gzip(ROWS.repeat(200).as_bytes());
        let (rs, issues) = all(&whole[..whole.len() / 2]);
        assert!(!rs.is_empty() && rs.len() < 400, "{}", rs.len());
        assert!(issues.iter().any(|i| i.code == "unreadable-stream"), "{issues:?}");
        // A line that is not JSON in JSON Lines.
        let (rs, _) = all(format!("{ROWS}{{\"broken\n{ROWS}").as_bytes());
        assert_eq!((rs.len(), rs.iter().filter(|r| r.is_err()).count()), (5, 1));
        // An empty file, and a CSV whose header names no column we know.
        assert_eq!(all(b"").1[0].code, "empty");
        assert_eq!(all(b"  \n\n").1[0].code, "empty");
        assert_eq!(all("a,b\n1,2\n".as_bytes()).1[0].code, "unknown-header");
    }
}
