//! Indicator settings. The file format is Cardinal's INI (top-level keys, `[exclusions]`, one section per
//! indicator, `[R003.procurement_method_details]`), so existing Cardinal configurations work as they are.
//! An indicator runs only when its section is present, even if empty. Each indicator reads its own section
//! strictly: an unknown key or a value of the wrong type is an error, not a silent default.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ini {
    /// Keys before the first section.
    pub root: BTreeMap<String, String>,
    pub sections: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError(pub String);

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingsError {}

fn strip_comment(line: &str) -> &str {
    // Whole-line comments start with ; or #; inline ones need a space before them ("75 # default").
    let line = line.trim();
    if line.starts_with([';', '#']) {
        return "";
    }
    let cut = [" ;", " #", "\t;", "\t#"].iter().filter_map(|m| line.find(m)).min();
    cut.map_or(line, |i| line[..i].trim_end())
}

impl Ini {
    pub fn parse(text: &str) -> Result<Ini, SettingsError> {
        let mut ini = Ini::default();
        let mut current: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let line = strip_comment(raw);
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let name = name.trim().to_string();
                ini.sections.entry(name.clone()).or_default();
                current = Some(name);
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(SettingsError(format!("line {}: expected `key = value` or `[section]`, found `{line}`", n + 1)));
            };
            let (key, value) = (key.trim().to_string(), value.trim().trim_matches('"').to_string());
            match &current {
                Some(section) => ini.sections.entry(section.clone()).or_default().insert(key, value),
                None => ini.root.insert(key, value),
            };
        }
        Ok(ini)
    }

    /// A section, if present (an indicator is enabled by its section's presence).
    pub fn section(&self, name: &str) -> Option<Section<'_>> {
        self.sections.get(name).map(|values| Section { name: name.to_string(), values: values.clone(), _ini: self })
    }

    pub fn has(&self, name: &str) -> bool {
        self.sections.contains_key(name)
    }
}

/// One section being read: keys are taken one by one, and leftovers are reported as unknown.
pub struct Section<'a> {
    name: String,
    values: BTreeMap<String, String>,
    _ini: &'a Ini,
}

impl Section<'_> {
    pub fn take<T: FromStr>(&mut self, key: &str) -> Result<Option<T>, SettingsError> {
        match self.values.remove(key) {
            None => Ok(None),
            Some(v) => v
                .parse::<T>()
                .map(Some)
                .map_err(|_| SettingsError(format!("[{}] {key} = {v}: not a valid {}", self.name, std::any::type_name::<T>()))),
        }
    }

    /// A pipe-separated list (`open|selective`).
    pub fn take_set(&mut self, key: &str) -> Option<BTreeSet<String>> {
        self.values.remove(key).map(|v| pipe_set(&v))
    }

    /// Fails on any key not taken.
    pub fn finish(self) -> Result<(), SettingsError> {
        match self.values.keys().next() {
            Some(k) => Err(SettingsError(format!("[{}] {k}: unknown setting", self.name))),
            None => Ok(()),
        }
    }

    /// All remaining keys (for sections that are maps, like `[R003.procurement_method_details]`).
    pub fn into_map(self) -> BTreeMap<String, String> {
        self.values
    }
}

pub fn pipe_set(value: &str) -> BTreeSet<String> {
    value.split_terminator('|').map(str::to_string).collect()
}

/// Settings every indicator may consult.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Global {
    pub currency: Option<String>,
    pub no_price_comparison_procurement_methods: BTreeSet<String>,
    pub price_comparison_procurement_methods: BTreeSet<String>,
    /// `[exclusions] procurement_method_details`: processes skipped by every indicator.
    pub excluded_procurement_method_details: BTreeSet<String>,
}

impl Global {
    pub fn from_ini(ini: &Ini) -> Result<Global, SettingsError> {
        let mut global = Global::default();
        for (k, v) in &ini.root {
            match k.as_str() {
                "currency" => global.currency = Some(v.clone()),
                "no_price_comparison_procurement_methods" => global.no_price_comparison_procurement_methods = pipe_set(v),
                "price_comparison_procurement_methods" => global.price_comparison_procurement_methods = pipe_set(v),
                other => return Err(SettingsError(format!("{other}: unknown top-level setting"))),
            }
        }
        if let Some(mut s) = ini.section("exclusions") {
            global.excluded_procurement_method_details = s.take_set("procurement_method_details").unwrap_or_default();
            s.finish()?;
        }
        Ok(global)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cardinal_ini() {
        let ini = Ini::parse(
            "currency = USD\nno_price_comparison_procurement_methods = NPC\n\n[exclusions]\nprocurement_method_details = EXC\n\n; [R024]\n[R025]\npercentile = 75 # default\n[R003.procurement_method_details]\nx = 5\n",
        )
        .unwrap();
        let g = Global::from_ini(&ini).unwrap();
        assert_eq!(g.currency.as_deref(), Some("USD"));
        assert!(g.excluded_procurement_method_details.contains("EXC"));
        assert!(!ini.has("R024"));
        let mut r025 = ini.section("R025").unwrap();
        assert_eq!(r025.take::<usize>("percentile").unwrap(), Some(75));
        assert!(r025.finish().is_ok());
        assert_eq!(ini.section("R003.procurement_method_details").unwrap().into_map()["x"], "5");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_errors() {
        let ini = Ini::parse("[R024]\nthreshold = lots\n[R028]\nfoo = 1\n").unwrap();
        assert!(ini.section("R024").unwrap().take::<f64>("threshold").is_err());
        assert!(ini.section("R028").unwrap().finish().is_err());
        assert!(Ini::parse("nonsense").is_err());
        assert!(Global::from_ini(&Ini::parse("colour = red").unwrap()).is_err());
    }
}
