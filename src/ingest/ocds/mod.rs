//! OCDS input of every shape — release packages, record packages (embedded, linked or compiled
//! releases), bare releases, arrays of releases and JSON Lines — into one compiled release per ocid.
mod history;
pub mod merge;
pub mod release;

use indexmap::IndexMap;
use serde_json::{Map, Value};

use crate::domain::issue::{Issue, JsonPath, Parsed, RecordCounts};

use crate::domain::ocds::{LinkedRelease, Process, Release};
use crate::ingest::messages as msg;
use crate::ingest::reader::Reader;
use crate::ingest::text;
use merge::{rules_for, Merger, OcdsVersion};

type Obj = Map<String, Value>;

/// A compiled release as JSON, for output (`locallens compile`), with its history.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledProcess {
    pub ocid: String,
    /// The file its newest release (or its record) came from.
    pub file: String,
    pub compiled: Value,
    pub history: Vec<LinkedRelease>,
    pub version: OcdsVersion,
    /// Where the compiled release, or its newest source release, is in the file.
    pub at: JsonPath,
    /// True when the compiled release came from the publisher (a record's compiledRelease).
    pub published_compiled: bool,
    /// The typed release, when checking the source already read the very object used as compiled.
    pub typed: Option<Release>,
}

struct ReleaseIn {
    file: String,
    body: Value,
    at: JsonPath,
    version: OcdsVersion,
}

struct RecordIn {
    file: String,
    body: Value,
    at: JsonPath,
    version: OcdsVersion,
}

#[derive(Default)]
struct Collected {
    releases: IndexMap<String, Vec<ReleaseIn>>,
    records: Vec<RecordIn>,
    counts: RecordCounts,
}

/// Reads any OCDS JSON and compiles it: one entry per contracting process.
pub fn compile(file: &str, bytes: &[u8]) -> Parsed<Vec<CompiledProcess>> {
    compile_files(&[(file, bytes)])
}

/// Compiles several files together: releases of one process spread over many packages merge into one.
pub fn compile_files(inputs: &[(&str, &[u8])]) -> Parsed<Vec<CompiledProcess>> {
    let mut issues = Vec::new();
    let mut collected = Collected::default();
    for (file, bytes) in inputs {
        collect_file(file, bytes, &mut collected, &mut issues);
    }
    let values = compile_collected(collected.releases, collected.records, &mut collected.counts, &mut issues);
    if values.is_empty() && issues.iter().all(|i| i.code != "bad-json" && i.code != "not-utf-8" && i.code != "utf-16") {
        let file = inputs.first().map_or("", |(f, _)| *f);
        issues.push(msg::empty(file, &JsonPath::root(), "กระบวนการจัดซื้อจัดจ้าง", "contracting processes"));
    }
    Parsed { values, issues, counts: collected.counts }
}

fn collect_file(file: &str, bytes: &[u8], collected: &mut Collected, issues: &mut Vec<Issue>) {
    let Some(text) = text::decode(file, bytes, issues) else {
        return;
    };
    if text::looks_like_json_lines(&text) {
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = JsonPath::line(n + 1);
            match text::parse_json(file, line, &at, issues) {
                Some(value) => collect(file, value, &at, None, collected, issues),
                None => {
                    collected.counts.read += 1;
                    collected.counts.rejected += 1;
                }
            }
        }
    } else if let Some(value) = text::parse_json(file, &text, &JsonPath::root(), issues) {
        collect(file, value, &JsonPath::root(), None, collected, issues);
    }
}

/// Reads any OCDS JSON into typed processes.
pub fn load(file: &str, bytes: &[u8]) -> Parsed<Vec<Process>> {
    load_files(&[(file, bytes)])
}

/// Reads several files together into typed processes (releases of one process may be in several files).
pub fn load_files(inputs: &[(&str, &[u8])]) -> Parsed<Vec<Process>> {
    let parsed = load_sourced(inputs);
    Parsed { values: parsed.values.into_iter().map(|(_, p)| p).collect(), issues: parsed.issues, counts: parsed.counts }
}

/// Like `load_files`, each process with the file its newest release came from.
pub fn load_sourced(inputs: &[(&str, &[u8])]) -> Parsed<Vec<(String, Process)>> {
    let compiled = compile_files(inputs);
    let mut issues = compiled.issues;
    let mut processes = Vec::with_capacity(compiled.values.len());
    for cp in compiled.values {
        let release = match cp.typed {
            Some(release) => Some(release),
            None => {
                let mut reader = Reader::new(&cp.file, cp.at.clone());
                let release = cp.compiled.as_object().and_then(|obj| release::read_release(&mut reader, obj));
                // Source releases were checked field by field already; a merged release's issues repeat them.
                if cp.published_compiled {
                    issues.extend(reader.issues);
                }
                release
            }
        };
        if let Some(release) = release {
            processes.push((cp.file, Process { compiled: release, history: cp.history }));
        }
    }
    Parsed { values: processes, issues, counts: compiled.counts }
}

fn version_of(obj: &Obj) -> OcdsVersion {
    OcdsVersion::from_package(obj.get("version").and_then(Value::as_str))
}

fn collect(
    file: &str,
    value: Value,
    at: &JsonPath,
    package_version: Option<OcdsVersion>,
    out: &mut Collected,
    issues: &mut Vec<Issue>,
) {
    match value {
        Value::Object(obj) if obj.contains_key("records") => {
            let version = version_of(&obj);
            issues.push(msg::version_note(file, version.as_str()));
            for_each_object(file, &obj, "records", at, issues, &mut out.counts, |body, at| {
                out.records.push(RecordIn { file: file.to_string(), body, at, version });
            });
        }
        Value::Object(obj) if obj.contains_key("releases") && !obj.contains_key("ocid") => {
            let version = version_of(&obj);
            issues.push(msg::version_note(file, version.as_str()));
            let mut counts = out.counts;
            let mut found = Vec::new();
            for_each_object(file, &obj, "releases", at, issues, &mut counts, |body, at| found.push((body, at)));
            out.counts = counts;
            for (body, at) in found {
                push_release(out, file, body, at, version);
            }
        }
        Value::Object(obj) if obj.contains_key("ocid") => {
            out.counts.read += 1;
            let version = package_version.unwrap_or(OcdsVersion::V1_1);
            if obj.contains_key("compiledRelease") || obj.contains_key("releases") {
                out.records.push(RecordIn { file: file.to_string(), body: Value::Object(obj), at: at.clone(), version });
            } else {
                push_release(out, file, Value::Object(obj), at.clone(), version);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.into_iter().enumerate() {
                collect(file, item, &at.index(i), package_version, out, issues);
            }
        }
        other => {
            out.counts.read += 1;
            out.counts.rejected += 1;
            if matches!(other, Value::Object(_)) {
                issues.push(msg::missing(
                    file,
                    at,
                    "ocid",
                    "ไม่ใช่ release หรือ record ของ OCDS",
                    "this is not an OCDS release or record",
                ));
            } else {
                issues.push(msg::not_a_record(file, at, crate::ingest::reader::type_name(&other)));
            }
        }
    }
}

fn for_each_object(
    file: &str,
    obj: &Obj,
    key: &str,
    at: &JsonPath,
    issues: &mut Vec<Issue>,
    counts: &mut RecordCounts,
    mut f: impl FnMut(Value, JsonPath),
) {
    match obj.get(key) {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let item_at = at.key(key).index(i);
                if item.is_object() {
                    counts.read += 1;
                    f(item.clone(), item_at);
                } else {
                    counts.read += 1;
                    counts.rejected += 1;
                    issues.push(msg::not_a_record(file, &item_at, crate::ingest::reader::type_name(item)));
                }
            }
        }
        Some(other) => issues.push(msg::wrong_type(file, &at.key(key), "array", crate::ingest::reader::type_name(other))),
        None => {}
    }
}

fn push_release(out: &mut Collected, file: &str, body: Value, at: JsonPath, version: OcdsVersion) {
    // A release without an ocid is grouped under "" and rejected when compiled.
    let ocid = body.get("ocid").and_then(Value::as_str).unwrap_or("").to_string();
    out.releases.entry(ocid).or_default().push(ReleaseIn { file: file.to_string(), body, at, version });
}

fn compile_collected(
    releases: IndexMap<String, Vec<ReleaseIn>>,
    records: Vec<RecordIn>,
    counts: &mut RecordCounts,
    issues: &mut Vec<Issue>,
) -> Vec<CompiledProcess> {
    let mut out = Vec::new();
    for record in records {
        match compile_record(record, issues) {
            Some(cp) => {
                counts.accepted += 1;
                out.push(cp);
            }
            None => counts.rejected += 1,
        }
    }
    for (ocid, group) in releases {
        if ocid.trim().is_empty() {
            for r in &group {
                issues.push(msg::missing(
                    &r.file,
                    &r.at,
                    "ocid",
                    "ไม่สามารถระบุกระบวนการจัดซื้อจัดจ้างได้",
                    "the contracting process cannot be identified",
                ));
            }
            counts.rejected += group.len();
            continue;
        }
        let group = dedupe_releases(group, issues, counts);
        counts.accepted += group.len();
        out.push(compile_group(&ocid, &group, issues));
    }
    out
}

/// Two releases with the same id describe the same event: the last copy is kept, with a warning.
fn dedupe_releases(group: Vec<ReleaseIn>, issues: &mut Vec<Issue>, counts: &mut RecordCounts) -> Vec<ReleaseIn> {
    let mut by_id: IndexMap<String, ReleaseIn> = IndexMap::new();
    let mut anonymous = Vec::new();
    for r in group {
        match r.body.get("id").and_then(|v| v.as_str().map(str::to_string).or_else(|| v.as_number().map(|n| n.to_string()))) {
            Some(id) => {
                if let Some(previous) = by_id.insert(id.clone(), r) {
                    issues.push(msg::duplicate_release(&previous.file, &previous.at, &id));
                    counts.rejected += 1;
                }
            }
            None => anonymous.push(r),
        }
    }
    by_id.into_values().chain(anonymous).collect()
}

/// Checks a source release field by field, reporting at its own path, and returns what was read.
fn validate_release(file: &str, body: &Value, at: &JsonPath, issues: &mut Vec<Issue>) -> Option<Release> {
    let Value::Object(obj) = body else { return None };
    let mut reader = Reader::new(file, at.clone());
    let release = release::read_release(&mut reader, obj);
    issues.extend(reader.issues);
    release
}

fn compile_group(ocid: &str, group: &[ReleaseIn], issues: &mut Vec<Issue>) -> CompiledProcess {
    let mut typed: Vec<Option<Release>> = group.iter().map(|r| validate_release(&r.file, &r.body, &r.at, issues)).collect();
    let file = group.last().map_or("", |r| r.file.as_str());
    let version = group.iter().map(|r| r.version).max_by_key(|v| *v == OcdsVersion::V1_1).unwrap_or(OcdsVersion::V1_1);
    let mut history: Vec<LinkedRelease> = group.iter().map(|r| history::linked(&r.body)).collect();
    history.sort_by_key(|h| h.date);
    let newest_release = group.iter().max_by(|a, b| release_date(&a.body).cmp(release_date(&b.body)));
    let newest = newest_release.map(|r| r.at.clone()).unwrap_or_default();
    let newest_file = newest_release.map(|r| r.file.clone()).unwrap_or_default();
    // One release of a process is its own compiled state: used as published (JSON Lines of compiled
    // releases, as Cardinal reads them, often carry no "compiled" tag).
    let already_compiled = group.len() == 1;
    let compiled = if already_compiled {
        group[0].body.clone()
    } else {
        let rules = rules_for(version);
        let mut merger = Merger::new(&rules, file);
        let pairs: Vec<(&Obj, JsonPath)> = group.iter().filter_map(|r| r.body.as_object().map(|o| (o, r.at.clone()))).collect();
        let compiled = merger.compile(ocid, &pairs);
        issues.extend(merger.issues);
        history::attach_changes(&mut history, merger.changes);
        compiled
    };
    // A release used as published was read whole when it was checked: that read is the typed release.
    let typed = if already_compiled { typed.pop().flatten() } else { None };
    CompiledProcess {
        ocid: ocid.to_string(),
        file: newest_file,
        compiled,
        history,
        version,
        at: newest,
        published_compiled: false,
        typed,
    }
}

fn compile_record(record: RecordIn, issues: &mut Vec<Issue>) -> Option<CompiledProcess> {
    let RecordIn { file, body, at, version } = record;
    let file = file.as_str();
    let Some(ocid) = body.get("ocid").and_then(Value::as_str).filter(|s| !s.trim().is_empty()).map(str::to_string) else {
        issues.push(msg::missing(
            file,
            &at,
            "ocid",
            "ไม่สามารถระบุกระบวนการจัดซื้อจัดจ้างได้",
            "the contracting process cannot be identified",
        ));
        return None;
    };
    let releases: Vec<(usize, &Value)> = match body.get("releases") {
        Some(Value::Array(items)) => items.iter().enumerate().collect(),
        _ => Vec::new(),
    };
    let mut history: Vec<LinkedRelease> = releases.iter().map(|(_, r)| history::linked(r)).collect();
    history.sort_by_key(|h| h.date);
    // A release with more than url, date and tag is embedded; others are links to elsewhere.
    let embedded: Vec<(&Obj, JsonPath)> = releases
        .iter()
        .filter_map(|(i, r)| {
            r.as_object()
                .filter(|o| o.keys().any(|k| !matches!(k.as_str(), "url" | "date" | "tag")))
                .map(|o| (o, at.key("releases").index(*i)))
        })
        .collect();
    for (obj, release_at) in &embedded {
        validate_release(file, &Value::Object((*obj).clone()), release_at, issues);
    }
    if let Some(Value::Object(compiled)) = body.get("compiledRelease") {
        return Some(CompiledProcess {
            ocid,
            file: file.to_string(),
            compiled: Value::Object(compiled.clone()),
            history,
            version,
            at: at.key("compiledRelease"),
            published_compiled: true,
            typed: None,
        });
    }
    if embedded.is_empty() {
        issues.push(msg::record_rejected(
            file,
            &at,
            "มีแต่ลิงก์ไปยัง release และไม่มี compiledRelease จึงไม่มีข้อมูลให้แสดง",
            "it has only links to releases and no compiledRelease, so there is nothing to show",
        ));
        return None;
    }
    let rules = rules_for(version);
    let mut merger = Merger::new(&rules, file);
    let compiled = merger.compile(&ocid, &embedded);
    issues.extend(merger.issues);
    history::attach_changes(&mut history, merger.changes);
    Some(CompiledProcess { ocid, file: file.to_string(), compiled, history, version, at, published_compiled: false, typed: None })
}

fn release_date(body: &Value) -> &str {
    body.get("date").and_then(Value::as_str).unwrap_or("")
}
