//! OCDS merging: releases of one contracting process, in date order, into a compiled release.
//!
//! Merge rules come from the release schema of the data's version: `omitWhenMerged` (1.1) or
//! `mergeStrategy: ocdsOmit` (1.0) fields are dropped; `wholeListMerge` (1.1) or `ocdsVersion` arrays (1.0),
//! arrays of non-objects and arrays whose items have no `id` in the schema replace the whole list; other
//! arrays of objects are merged item by item on `id`. A null removes a field. The rule tables are derived from
//! the schemas by `rules_from_schema` and embedded (`rules_1_0`, `rules_1_1`); a test re-derives them.
use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use crate::domain::issue::{Issue, JsonPath};
use crate::ingest::messages as msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OcdsVersion {
    V1_0,
    V1_1,
}

impl OcdsVersion {
    /// A package's `version` field; absent means 1.0, as the 1.1 standard says.
    pub fn from_package(version: Option<&str>) -> OcdsVersion {
        match version {
            None => OcdsVersion::V1_0,
            Some(v) if v.starts_with("1.0") => OcdsVersion::V1_0,
            Some(_) => OcdsVersion::V1_1,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OcdsVersion::V1_0 => "1.0",
            OcdsVersion::V1_1 => "1.1",
        }
    }
}

/// Paths are field names joined by `.` with array positions left out (`tender.items.unit.value`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeRules {
    pub omit: BTreeSet<String>,
    pub whole_list: BTreeSet<String>,
}

/// Derives merge rules from a release schema, following $ref within the schema.
pub fn rules_from_schema(schema: &Value) -> MergeRules {
    let mut rules = MergeRules::default();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        walk_properties(schema, props, "", &mut rules, 0);
    }
    rules
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    let mut current = node;
    for _ in 0..16 {
        match current.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/")) {
            Some(pointer) => match root.pointer(&format!("/{pointer}")) {
                Some(target) => current = target,
                None => break,
            },
            None => break,
        }
    }
    current
}

fn types(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn walk_properties(root: &Value, props: &Map<String, Value>, prefix: &str, rules: &mut MergeRules, depth: usize) {
    if depth > 32 {
        return;
    }
    for (key, raw) in props {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        let node = resolve(root, raw);
        // Merge annotations may sit on the referring property or on its target.
        let flag = |name: &str| raw.get(name).or_else(|| node.get(name));
        let strategy = flag("mergeStrategy").and_then(Value::as_str);
        let node_types = types(node);
        if flag("omitWhenMerged") == Some(&Value::Bool(true)) || strategy == Some("ocdsOmit") {
            rules.omit.insert(path);
        } else if node_types.contains(&"array")
            && (flag("wholeListMerge") == Some(&Value::Bool(true)) || strategy == Some("ocdsVersion"))
        {
            rules.whole_list.insert(path);
        } else if node_types.contains(&"object") || (node_types.is_empty() && node.get("properties").is_some()) {
            if let Some(inner) = node.get("properties").and_then(Value::as_object) {
                walk_properties(root, inner, &path, rules, depth + 1);
            }
        } else if node_types.contains(&"array") {
            if let Some(items) = node.get("items").map(|i| resolve(root, i)) {
                let item_types = types(items);
                let object_items =
                    item_types.iter().all(|t| *t == "object") && (!item_types.is_empty() || items.get("properties").is_some());
                if !object_items {
                    rules.whole_list.insert(path);
                } else if let Some(inner) = items.get("properties").and_then(Value::as_object) {
                    if inner.contains_key("id") {
                        walk_properties(root, inner, &path, rules, depth + 1);
                    } else {
                        rules.whole_list.insert(path);
                    }
                }
            }
        }
    }
}

fn table(omit: &[&str], whole_list: &[&str]) -> MergeRules {
    MergeRules {
        omit: omit.iter().map(|s| s.to_string()).collect(),
        whole_list: whole_list.iter().map(|s| s.to_string()).collect(),
    }
}

/// Derived from the OCDS 1.1.5 release schema (see the test `embedded_rules_match_the_schemas`).
pub fn rules_1_1() -> MergeRules {
    table(RULES_1_1_OMIT, RULES_1_1_WHOLE)
}

/// Derived from the OCDS 1.0.3 release schema.
pub fn rules_1_0() -> MergeRules {
    table(RULES_1_0_OMIT, RULES_1_0_WHOLE)
}

pub fn rules_for(version: OcdsVersion) -> MergeRules {
    match version {
        OcdsVersion::V1_0 => rules_1_0(),
        OcdsVersion::V1_1 => rules_1_1(),
    }
}

include!("merge_rules_table.rs");

/// Merges releases (already known to share an ocid) into a compiled release.
/// Releases are ordered by `date` (ties keep their order); each must be an object.
pub struct Merger<'a> {
    rules: &'a MergeRules,
    file: &'a str,
    pub issues: Vec<Issue>,
    /// Per release merged, in date order: its id and the schema paths (two levels deep) it changed.
    pub changes: Vec<(Option<String>, Vec<String>)>,
    changed: std::collections::BTreeSet<String>,
}

/// A schema path cut to two levels: `contracts.implementation.transactions.value` → `contracts.implementation`.
fn summary_path(rule: &str) -> String {
    rule.splitn(3, '.').take(2).collect::<Vec<_>>().join(".")
}

impl<'a> Merger<'a> {
    pub fn new(rules: &'a MergeRules, file: &'a str) -> Merger<'a> {
        Merger { rules, file, issues: Vec::new(), changes: Vec::new(), changed: Default::default() }
    }

    /// `releases` pairs each release with the JSON path it was read from, for issues.
    pub fn compile(&mut self, ocid: &str, releases: &[(&Map<String, Value>, JsonPath)]) -> Value {
        let mut ordered: Vec<&(&Map<String, Value>, JsonPath)> = releases.iter().collect();
        ordered.sort_by(|a, b| date_of(a.0).cmp(date_of(b.0)));
        let mut merged = Map::new();
        for (release, at) in &ordered {
            self.merge_object(&mut merged, release, "", at);
            let id = release.get("id").and_then(id_key);
            self.changes.push((id, std::mem::take(&mut self.changed).into_iter().collect()));
        }
        let date = ordered.last().map(|(r, _)| date_of(r)).unwrap_or("");
        let mut compiled = Map::new();
        compiled.insert("tag".into(), Value::Array(vec![Value::String("compiled".into())]));
        compiled.insert("id".into(), Value::String(format!("{ocid}-{date}")));
        compiled.insert("date".into(), Value::String(date.to_string()));
        compiled.insert("ocid".into(), Value::String(ocid.to_string()));
        for (k, v) in merged {
            compiled.entry(k).or_insert(v);
        }
        Value::Object(compiled)
    }

    fn merge_object(&mut self, acc: &mut Map<String, Value>, new: &Map<String, Value>, rule_prefix: &str, at: &JsonPath) {
        for (key, value) in new {
            let rule = if rule_prefix.is_empty() { key.clone() } else { format!("{rule_prefix}.{key}") };
            if self.rules.omit.contains(&rule) {
                continue;
            }
            // A release's own id, date and tag always differ: they are not changes to the process.
            let noted = !matches!(rule.as_str(), "id" | "date" | "tag" | "ocid");
            match value {
                Value::Null => {
                    if acc.remove(key).is_some() && noted {
                        self.changed.insert(summary_path(&rule));
                    }
                }
                Value::Array(items)
                    if !self.rules.whole_list.contains(&rule) && !items.is_empty() && items.iter().all(Value::is_object) =>
                {
                    // Merged in place, so the compiled release keeps the order fields first appeared in.
                    if let Some(Value::Array(existing)) = acc.get_mut(key) {
                        self.merge_array(existing, items, &rule, &at.key(key));
                    } else {
                        let mut fresh = Vec::new();
                        self.merge_array(&mut fresh, items, &rule, &at.key(key));
                        if !fresh.is_empty() {
                            acc.insert(key.clone(), Value::Array(fresh));
                        }
                    }
                }
                // As the reference does: an empty list (unless merged as a whole) or object adds nothing, and
                // removes nothing an earlier release gave.
                Value::Array(items) if items.is_empty() && !self.rules.whole_list.contains(&rule) => {}
                Value::Object(inner) if inner.is_empty() => {}
                Value::Object(inner) => {
                    if let Some(Value::Object(existing)) = acc.get_mut(key) {
                        self.merge_object(existing, inner, &rule, &at.key(key));
                    } else {
                        let mut fresh = Map::new();
                        self.merge_object(&mut fresh, inner, &rule, &at.key(key));
                        if !fresh.is_empty() {
                            acc.insert(key.clone(), Value::Object(fresh));
                        }
                    }
                }
                // A value, or a list merged as a whole, is kept exactly as published, nulls inside included.
                other => {
                    if noted && acc.get(key) != Some(other) {
                        self.changed.insert(summary_path(&rule));
                    }
                    acc.insert(key.clone(), other.clone());
                }
            }
        }
    }

    fn merge_array(&mut self, existing: &mut Vec<Value>, items: &[Value], rule: &str, at: &JsonPath) {
        let mut by_id: HashMap<String, usize> =
            existing.iter().enumerate().filter_map(|(i, v)| v.get("id").and_then(id_key).map(|k| (k, i))).collect();
        let mut seen_here: HashMap<String, usize> = HashMap::new();
        for (index, item) in items.iter().enumerate() {
            let Value::Object(obj) = item else { continue };
            let item_at = at.index(index);
            match obj.get("id").and_then(id_key) {
                Some(id) => {
                    if seen_here.insert(id.clone(), index).is_some() {
                        self.issues.push(msg::duplicate_id(self.file, &item_at, &id));
                    }
                    let position = match by_id.get(&id) {
                        Some(&p) => p,
                        None => {
                            self.changed.insert(summary_path(rule));
                            existing.push(Value::Object(Map::new()));
                            by_id.insert(id, existing.len() - 1);
                            existing.len() - 1
                        }
                    };
                    if let Value::Object(target) = &mut existing[position] {
                        self.merge_object(target, obj, rule, &item_at);
                    }
                }
                None => {
                    // No id: nothing to match it with, so it is a new item (an empty one is nothing).
                    let mut fresh = Map::new();
                    self.merge_object(&mut fresh, obj, rule, &item_at);
                    if !fresh.is_empty() {
                        self.changed.insert(summary_path(rule));
                        existing.push(Value::Object(fresh));
                    }
                }
            }
        }
    }
}

fn date_of(release: &Map<String, Value>) -> &str {
    release.get("date").and_then(Value::as_str).unwrap_or("")
}

/// Identifiers compare by their text, so `1` and `"1"` are the same item.
fn id_key(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The value with every null member removed, at any depth (a null means "absent" once merged).
pub fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(m) => {
            Value::Object(m.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k, strip_nulls(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn compile(rules: &MergeRules, releases: &[Value]) -> Value {
        let pairs: Vec<(&Map<String, Value>, JsonPath)> =
            releases.iter().map(|r| (r.as_object().unwrap(), JsonPath::root())).collect();
        Merger::new(rules, "t").compile("oc-1", &pairs)
    }

    #[test]
    fn later_releases_win_and_arrays_merge_by_id() {
        let rules = rules_1_1();
        let out = compile(
            &rules,
            &[
                json!({"ocid":"oc-1","id":"2","date":"2020-02-01","tag":["award"],"tender":{"title":"B"},"awards":[{"id":"a1","status":"active"}]}),
                json!({"ocid":"oc-1","id":"1","date":"2020-01-01","tag":["tender"],"tender":{"title":"A","status":"active"},"awards":[{"id":"a1","title":"first"}]}),
            ],
        );
        assert_eq!(out["tender"], json!({"title":"B","status":"active"}));
        assert_eq!(out["awards"], json!([{"id":"a1","title":"first","status":"active"}]));
        assert_eq!(out["id"], json!("oc-1-2020-02-01"));
        assert_eq!(out["tag"], json!(["compiled"]));
    }

    #[test]
    fn each_release_says_what_it_changed() {
        let rules = rules_1_1();
        let releases = [
            json!({"ocid":"oc-1","id":"3","date":"2020-03-01","tag":["awardUpdate"],"tender":{"title":"A"},"awards":[{"id":"a1","status":"active"}]}),
            json!({"ocid":"oc-1","id":"1","date":"2020-01-01","tag":["tender"],"tender":{"title":"A","value":{"amount":100}}}),
            json!({"ocid":"oc-1","id":"2","date":"2020-02-01","tag":["tenderUpdate","award"],"tender":{"value":{"amount":120},"description":null},"awards":[{"id":"a1","status":"pending"}]}),
            json!({"ocid":"oc-1","id":"4","date":"2020-04-01","tag":["tenderUpdate"],"tender":{"title":null}}),
        ];
        let pairs: Vec<(&Map<String, Value>, JsonPath)> =
            releases.iter().map(|r| (r.as_object().unwrap(), JsonPath::root())).collect();
        let mut merger = Merger::new(&rules, "t");
        merger.compile("oc-1", &pairs);
        let changes: Vec<(Option<&str>, Vec<&str>)> =
            merger.changes.iter().map(|(id, c)| (id.as_deref(), c.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            changes,
            vec![
                (Some("1"), vec!["tender.title", "tender.value"]),
                // A null for something never set is no change; a new award is one.
                (Some("2"), vec!["awards", "awards.id", "awards.status", "tender.value"]),
                // The same title again is no change.
                (Some("3"), vec!["awards.status"]),
                (Some("4"), vec!["tender.title"]),
            ]
        );
    }

    #[test]
    fn null_removes_and_version_rules_differ_for_suppliers() {
        let releases = [
            json!({"ocid":"oc-1","date":"2020-01-01","awards":[{"id":"a","suppliers":[{"id":"s1","name":"X"}],"title":"t"}]}),
            json!({"ocid":"oc-1","date":"2020-02-01","awards":[{"id":"a","suppliers":[{"id":"s2","name":"Y"}],"title":null}]}),
        ];
        let v11 = compile(&rules_1_1(), &releases);
        assert_eq!(v11["awards"][0]["suppliers"], json!([{"id":"s1","name":"X"},{"id":"s2","name":"Y"}]));
        assert!(v11["awards"][0].get("title").is_none());
        let v10 = compile(&rules_1_0(), &releases);
        assert_eq!(v10["awards"][0]["suppliers"], json!([{"id":"s2","name":"Y"}]));
    }
}
