//! A lenient reader from parsed JSON to typed values. It tracks the JSON path it is at, so that every
//! value it cannot use becomes an issue naming the exact field, and reading always goes on.
use serde_json::{Map, Value};

use super::messages as msg;
use crate::domain::calendar::{Date, YearEra};
use crate::domain::issue::{Issue, JsonPath};
use crate::domain::money::{MoneyError, Satang};

pub struct Reader<'f> {
    pub file: &'f str,
    pub issues: Vec<Issue>,
    path: JsonPath,
}

pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

impl<'f> Reader<'f> {
    pub fn new(file: &'f str, at: JsonPath) -> Reader<'f> {
        Reader { file, issues: Vec::new(), path: at }
    }

    pub fn path(&self) -> &JsonPath {
        &self.path
    }

    pub fn here(&self, key: &str) -> JsonPath {
        self.path.key(key)
    }

    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
    }

    /// Runs `f` with the path extended by `key`.
    pub fn at_key<T>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push_key(key);
        let out = f(self);
        self.path.pop();
        out
    }

    pub fn at_index<T>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push_index(index);
        let out = f(self);
        self.path.pop();
        out
    }

    fn wrong_type(&mut self, key: &str, expected: &str, found: &Value) {
        let at = self.here(key);
        self.issues.push(msg::wrong_type(self.file, &at, expected, type_name(found)));
    }

    /// A present, non-null field.
    pub fn field<'v>(&self, obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        obj.get(key).filter(|v| !v.is_null())
    }

    /// A string; numbers are accepted as their text (identifiers are often published as numbers).
    pub fn string(&mut self, obj: &Map<String, Value>, key: &str) -> Option<String> {
        match self.field(obj, key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            other => {
                self.wrong_type(key, "string", other);
                None
            }
        }
    }

    pub fn strings(&mut self, obj: &Map<String, Value>, key: &str) -> Vec<String> {
        match self.field(obj, key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(other) => {
                self.wrong_type(key, "array of strings", other);
                Vec::new()
            }
        }
    }

    pub fn integer(&mut self, obj: &Map<String, Value>, key: &str) -> Option<i64> {
        match self.field(obj, key)? {
            Value::Number(n) => match n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)) {
                Some(i) => Some(i),
                None => {
                    let at = self.here(key);
                    self.issues.push(msg::wrong_type(self.file, &at, "integer", "decimal number"));
                    None
                }
            },
            Value::String(s) => {
                let folded = crate::domain::text::fold_thai_digits(s.trim());
                match folded.parse::<i64>() {
                    Ok(i) => {
                        let at = self.here(key);
                        self.issues.push(msg::number_as_string(self.file, &at, s));
                        Some(i)
                    }
                    Err(_) => {
                        self.wrong_type(key, "integer", &Value::String(s.clone()));
                        None
                    }
                }
            }
            other => {
                self.wrong_type(key, "integer", other);
                None
            }
        }
    }

    pub fn float(&mut self, obj: &Map<String, Value>, key: &str) -> Option<f64> {
        match self.field(obj, key)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => match crate::domain::text::fold_thai_digits(s.trim()).replace(',', "").parse::<f64>() {
                Ok(f) if f.is_finite() => {
                    let at = self.here(key);
                    self.issues.push(msg::number_as_string(self.file, &at, s));
                    Some(f)
                }
                _ => {
                    self.wrong_type(key, "number", &Value::String(s.clone()));
                    None
                }
            },
            other => {
                self.wrong_type(key, "number", other);
                None
            }
        }
    }

    /// An amount of money in baht: a JSON number, or text with Thai digits or separators (warned).
    pub fn money(&mut self, obj: &Map<String, Value>, key: &str) -> Option<Satang> {
        let value = self.field(obj, key)?;
        let at = self.here(key);
        let (result, text) = match value {
            Value::Number(n) => match n.as_i64() {
                Some(i) => (Satang::from_baht(i), n.to_string()),
                None => (Satang::from_f64_baht(n.as_f64().unwrap_or(f64::NAN)), n.to_string()),
            },
            Value::String(s) => {
                let parsed = Satang::parse_baht(s);
                if parsed.is_ok() {
                    self.issues.push(msg::number_as_string(self.file, &at, s));
                }
                (parsed, s.clone())
            }
            other => {
                self.wrong_type(key, "number", other);
                return None;
            }
        };
        match result {
            Ok(amount) => {
                if amount.0 < 0 {
                    self.issues.push(msg::negative_amount(self.file, &at));
                }
                Some(amount)
            }
            Err(e) => {
                self.issues.push(msg::bad_amount(self.file, &at, &text, e));
                None
            }
        }
    }

    /// An ISO 8601 date or date-time. A Buddhist-era year or a Thai-written date is converted and warned.
    pub fn date(&mut self, obj: &Map<String, Value>, key: &str) -> Option<Date> {
        let text = match self.field(obj, key)? {
            Value::String(s) => s.clone(),
            other => {
                self.wrong_type(key, "date string", other);
                return None;
            }
        };
        let at = self.here(key);
        if let Some((date, era)) = Date::parse_iso(&text) {
            if era == YearEra::BeConverted {
                self.issues.push(msg::buddhist_year(self.file, &at, &text, &date.iso()));
            }
            return Some(date);
        }
        if let Some(date) = Date::parse_thai(&text) {
            self.issues.push(msg::thai_date(self.file, &at, &text, &date.iso()));
            return Some(date);
        }
        self.issues.push(msg::bad_date(self.file, &at, &text));
        None
    }

    /// A date-time kept as published with its instant; problems are reported by `date`, not here.
    pub fn moment(&self, obj: &Map<String, Value>, key: &str) -> Option<crate::domain::ocds::Moment> {
        let text = self.field(obj, key)?.as_str()?;
        Some(crate::domain::ocds::Moment { text: text.to_string(), instant: crate::domain::calendar::parse_rfc3339(text) })
    }

    /// An object field read by `f` with the path extended.
    pub fn object<T>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        f: impl FnOnce(&mut Self, &Map<String, Value>) -> T,
    ) -> Option<T> {
        match self.field(obj, key)? {
            Value::Object(inner) => Some(self.at_key(key, |r| f(r, inner))),
            other => {
                self.wrong_type(key, "object", other);
                None
            }
        }
    }

    /// An array of objects, each read by `f`; non-object items are reported and skipped.
    pub fn objects<T>(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        mut f: impl FnMut(&mut Self, &Map<String, Value>) -> Option<T>,
    ) -> Vec<T> {
        match self.field(obj, key) {
            None => Vec::new(),
            Some(Value::Array(items)) => self.at_key(key, |r| {
                if items.len() > crate::domain::ocds::MAX_LIST {
                    let at = r.path.clone();
                    r.issues.push(msg::too_many(r.file, &at, items.len(), crate::domain::ocds::MAX_LIST));
                }
                items
                    .iter()
                    .take(crate::domain::ocds::MAX_LIST)
                    .enumerate()
                    .filter_map(|(i, item)| match item {
                        Value::Object(inner) => r.at_index(i, |r| f(r, inner)),
                        other => {
                            let at = r.path.index(i);
                            r.issues.push(msg::wrong_type(r.file, &at, "object", type_name(other)));
                            None
                        }
                    })
                    .collect()
            }),
            Some(other) => {
                self.wrong_type(key, "array", other);
                Vec::new()
            }
        }
    }
}

/// Reads one record of one of our own schemas with serde, reporting the exact failing field.
pub fn deserialize_record<T: serde::de::DeserializeOwned>(
    file: &str,
    value: &Value,
    at: &JsonPath,
    issues: &mut Vec<Issue>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(v) => Some(v),
        Err(e) => {
            let inner = e.path().to_string();
            let detail = e.inner().to_string();
            let mut path = at.clone();
            for part in inner.split('.').filter(|p| !p.is_empty() && *p != "?") {
                match part.strip_prefix('[').and_then(|p| p.strip_suffix(']')).and_then(|p| p.parse::<usize>().ok()) {
                    Some(i) => path.push_index(i),
                    None => path.push_key(part),
                }
            }
            match MoneyError::from_code(&detail) {
                Some(money) => issues.push(msg::bad_amount(file, &path, &value_at(value, &inner), money)),
                None => issues.push(msg::schema_error(file, &path, &detail)),
            }
            None
        }
    }
}

/// The text of the value at a serde path inside `value` ("expenditure[3].allocated"), for messages.
fn value_at(value: &Value, inner: &str) -> String {
    let mut node = value;
    for part in inner.split('.').filter(|p| !p.is_empty() && *p != "?") {
        let next = match part.strip_prefix('[').and_then(|p| p.strip_suffix(']')).and_then(|p| p.parse::<usize>().ok()) {
            Some(i) => node.get(i),
            None => node.get(part),
        };
        match next {
            Some(n) => node = n,
            None => return String::new(),
        }
    }
    match node {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads a JSON array of records one by one: each bad record is reported, counted and skipped.
pub fn deserialize_records<T: serde::de::DeserializeOwned>(
    file: &str,
    list: Option<&Value>,
    at: &JsonPath,
    issues: &mut Vec<Issue>,
    counts: &mut crate::domain::issue::RecordCounts,
) -> Vec<T> {
    match list {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                counts.read += 1;
                let parsed = deserialize_record::<T>(file, item, &at.index(i), issues);
                if parsed.is_some() {
                    counts.accepted += 1;
                } else {
                    counts.rejected += 1;
                }
                parsed
            })
            .collect(),
        Some(other) => {
            issues.push(msg::wrong_type(file, at, "array", type_name(other)));
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn money_accepts_numbers_and_warns_on_text() {
        let mut r = Reader::new("f", JsonPath::root().key("value"));
        let o = obj(r#"{"a": 1500000, "b": "๑,๒๐๐.๕๐", "c": "abc", "d": 1.005, "e": 12.5}"#);
        assert_eq!(r.money(&o, "a"), Some(Satang(150_000_000)));
        assert_eq!(r.money(&o, "b"), Some(Satang(120_050)));
        assert_eq!(r.money(&o, "c"), None);
        assert_eq!(r.money(&o, "d"), None);
        assert_eq!(r.money(&o, "e"), Some(Satang(1_250)));
        let codes: Vec<(&str, &str)> = r.issues.iter().map(|i| (i.code, i.path.as_str())).collect();
        assert_eq!(codes, vec![("number-as-string", "value.b"), ("bad-amount", "value.c"), ("bad-amount", "value.d")]);
    }

    #[test]
    fn dates_convert_buddhist_years_with_a_warning() {
        let mut r = Reader::new("f", JsonPath::root());
        let o = obj(r#"{"a": "2567-10-01T00:00:00+07:00", "b": "9 เม.ย. 69", "c": "soon", "d": 5}"#);
        assert_eq!(r.date(&o, "a"), Date::new(2024, 10, 1));
        assert_eq!(r.date(&o, "b"), Date::new(2026, 4, 9));
        assert_eq!(r.date(&o, "c"), None);
        assert_eq!(r.date(&o, "d"), None);
        let codes: Vec<&str> = r.issues.iter().map(|i| i.code).collect();
        assert_eq!(codes, vec!["buddhist-year", "thai-date", "bad-date", "wrong-type"]);
    }
}
