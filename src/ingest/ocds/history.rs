//! A process's history: each release's date, tags and link, and what it changed (from the merger).
use std::collections::HashMap;

use serde_json::Value;

use super::Obj;
use crate::domain::issue::JsonPath;
use crate::domain::ocds::LinkedRelease;
use crate::ingest::reader::Reader;

pub(super) fn linked(body: &Value) -> LinkedRelease {
    let mut reader = Reader::new("", JsonPath::root());
    let empty = Obj::new();
    let obj = body.as_object().unwrap_or(&empty);
    LinkedRelease {
        id: reader.string(obj, "id"),
        url: reader.string(obj, "url"),
        date: reader.date(obj, "date"),
        tag: reader.strings(obj, "tag"),
        changes: Vec::new(),
    }
}

/// Gives each history entry what its release changed, matched by release id.
pub(super) fn attach_changes(history: &mut [LinkedRelease], changes: Vec<(Option<String>, Vec<String>)>) {
    let by_id: HashMap<String, Vec<String>> = changes.into_iter().filter_map(|(id, c)| Some((id?, c))).collect();
    for h in history {
        if let Some(c) = h.id.as_ref().and_then(|id| by_id.get(id)) {
            h.changes = c.clone();
        }
    }
}
