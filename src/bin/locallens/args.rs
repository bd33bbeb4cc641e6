//! Command-line arguments: options that take a value (repeatable), switches, and the files.
use std::collections::{BTreeMap, BTreeSet};

pub struct Args {
    values: BTreeMap<String, Vec<String>>,
    switches: BTreeSet<String>,
    pub files: Vec<String>,
}

impl Args {
    /// Reads `args`, knowing which options take a value and which are switches; anything else starting with
    /// `--` is an error, not a file.
    pub fn parse(args: &[String], valued: &[&str], switches: &[&str]) -> Result<Args, String> {
        let mut out = Args { values: BTreeMap::new(), switches: BTreeSet::new(), files: Vec::new() };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if valued.contains(&a.as_str()) {
                let v = it.next().ok_or_else(|| format!("{a} takes a value"))?;
                out.values.entry(a.clone()).or_default().push(v.clone());
            } else if switches.contains(&a.as_str()) {
                out.switches.insert(a.clone());
            } else if a.starts_with("--") {
                return Err(format!("unknown option {a}\n{}", super::USAGE));
            } else {
                out.files.push(a.clone());
            }
        }
        Ok(out)
    }

    /// The last value given to `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name)?.last().map(String::as_str)
    }

    /// Every value given to `name`, in order.
    pub fn values(&self, name: &str) -> &[String] {
        self.values.get(name).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn switch(&self, name: &str) -> bool {
        self.switches.contains(name)
    }

    pub fn required(&self, name: &str) -> Result<&str, String> {
        self.value(name).ok_or_else(|| format!("{name} is required\n{}", super::USAGE))
    }
}
