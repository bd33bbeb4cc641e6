//! Indicator settings. The file format is Cardinal's INI (top-level keys, `[exclusions]`, one section per
//! indicator, `[R003.procurement_method_details]`), so existing Cardinal configurations work as they are.
//! An indicator runs only when its section is present, even if empty. Each indicator reads its own section
//! through its declared `Setting`s: an unknown key or a value of the wrong kind is an error, not a silent
//! default. Errors are a typed enum; the CLI prints them in English, the app translates them.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use super::registry::{Default, Kind, Setting};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ini {
    /// Keys before the first section.
    pub root: BTreeMap<String, String>,
    pub sections: BTreeMap<String, BTreeMap<String, String>>,
}

/// Why settings were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// A line of an INI file that is neither `key = value` nor `[section]`.
    Syntax { line: usize, text: String },
    /// A section that names no indicator.
    UnknownSection(String),
    /// A key the indicator does not have.
    UnknownSetting { section: String, key: String },
    /// A top-level key that is not a global setting.
    UnknownGlobal(String),
    /// A value that is not of the setting's kind.
    BadValue { section: String, key: String, value: String, kind: Kind },
    /// An override that is not `CODE.setting` (from a URL).
    NotASetting(String),
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsError::Syntax { line, text } => {
                write!(f, "line {line}: expected `key = value` or `[section]`, found `{text}`")
            }
            SettingsError::UnknownSection(s) => write!(f, "[{s}]: unknown section"),
            SettingsError::UnknownSetting { section, key } => write!(f, "[{section}] {key}: unknown setting"),
            SettingsError::UnknownGlobal(k) => write!(f, "{k}: unknown top-level setting"),
            SettingsError::BadValue { section, key, value, kind } => {
                write!(f, "[{section}] {key} = {value}: not {}", kind.label().en)
            }
            SettingsError::NotASetting(k) => write!(f, "{k}: expected CODE.setting"),
        }
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
                return Err(SettingsError::Syntax { line: n + 1, text: line.to_string() });
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
        self.sections.get(name).map(|values| Section { name: name.to_string(), values: values.clone(), ini: self })
    }

    pub fn has(&self, name: &str) -> bool {
        self.sections.contains_key(name)
    }
}

/// One section being read: keys are taken one by one, and leftovers are reported as unknown.
pub struct Section<'a> {
    name: String,
    values: BTreeMap<String, String>,
    ini: &'a Ini,
}

impl Section<'_> {
    fn bad(&self, setting: &Setting, value: &str) -> SettingsError {
        SettingsError::BadValue {
            section: self.name.clone(),
            key: setting.name.to_string(),
            value: value.to_string(),
            kind: setting.kind,
        }
    }

    fn parse<T: FromStr>(&self, setting: &Setting, value: &str) -> Result<T, SettingsError> {
        if !setting.kind.accepts(value) {
            return Err(self.bad(setting, value));
        }
        value.trim().parse::<T>().map_err(|_| self.bad(setting, value))
    }

    /// A setting's value: the one given, else its declared default. For settings whose default is worked out
    /// from the data, None when unset.
    pub fn read<T: FromStr>(&mut self, setting: &Setting) -> Result<Option<T>, SettingsError> {
        match self.values.remove(setting.name) {
            Some(v) => self.parse(setting, &v).map(Some),
            None => match setting.default {
                Default::Value(v) => self.parse(setting, v).map(Some),
                Default::FromData(_) | Default::Everything => Ok(None),
            },
        }
    }

    /// A setting that always has a value (its default is a value).
    pub fn value<T: FromStr>(&mut self, setting: &Setting) -> Result<T, SettingsError> {
        let value = self.read(setting)?;
        value.ok_or_else(|| self.bad(setting, ""))
    }

    /// A `|`-separated set: the one given, else the default (empty for "everything").
    pub fn set(&mut self, setting: &Setting) -> Result<BTreeSet<String>, SettingsError> {
        let text = match self.values.remove(setting.name) {
            Some(v) => {
                if !setting.kind.accepts(&v) {
                    return Err(self.bad(setting, &v));
                }
                v
            }
            None => match setting.default {
                Default::Value(v) => v.to_string(),
                Default::FromData(_) | Default::Everything => String::new(),
            },
        };
        Ok(pipe_set(&text))
    }

    /// A setting kept in a section of its own (`[R003.procurement_method_details]`): name → value.
    pub fn map<T: FromStr>(&self, setting: &Setting) -> Result<BTreeMap<String, T>, SettingsError> {
        let name = format!("{}.{}", self.name, setting.name);
        let mut out = BTreeMap::new();
        for (k, v) in self.ini.sections.get(&name).into_iter().flatten() {
            let parsed = v.trim().parse::<T>().map_err(|_| SettingsError::BadValue {
                section: name.clone(),
                key: k.clone(),
                value: v.clone(),
                kind: setting.kind,
            })?;
            out.insert(k.clone(), parsed);
        }
        Ok(out)
    }

    /// Fails on any key not taken.
    pub fn finish(self) -> Result<(), SettingsError> {
        match self.values.keys().next() {
            Some(k) => Err(SettingsError::UnknownSetting { section: self.name, key: k.clone() }),
            None => Ok(()),
        }
    }
}

/// A setting in baht ("500000", "1,250.50"), under the cap every amount has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Baht(pub crate::domain::money::Satang);

impl FromStr for Baht {
    type Err = crate::domain::money::MoneyError;

    fn from_str(text: &str) -> Result<Baht, Self::Err> {
        crate::domain::money::Satang::parse_baht(text).map(Baht)
    }
}

pub fn pipe_set(value: &str) -> BTreeSet<String> {
    value.split_terminator('|').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect()
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
                other => return Err(SettingsError::UnknownGlobal(other.to_string())),
            }
        }
        if let Some(s) = ini.sections.get("exclusions") {
            for (k, v) in s {
                match k.as_str() {
                    "procurement_method_details" => global.excluded_procurement_method_details = pipe_set(v),
                    other => return Err(SettingsError::UnknownSetting { section: "exclusions".into(), key: other.to_string() }),
                }
            }
        }
        Ok(global)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Tr;

    const PERCENTILE: Setting = Setting::new("percentile", Kind::Count, Default::Value("75"), Tr::new("ก", "a"));
    const THRESHOLD: Setting = Setting::new("threshold", Kind::Number, Default::FromData(Tr::new("ข", "b")), Tr::new("ค", "c"));
    const DAYS: Setting = Setting::new("procurement_method_details", Kind::DaysByDetails, Default::Everything, Tr::new("ง", "d"));

    #[test]
    fn reads_cardinal_ini() {
        let ini = Ini::parse(
            "currency = USD\nno_price_comparison_procurement_methods = NPC\n\n[exclusions]\nprocurement_method_details = EXC\n\n; [R024]\n[R025]\npercentile = 75 # default\n[R003]\n[R003.procurement_method_details]\nx = 5\n",
        )
        .unwrap();
        let g = Global::from_ini(&ini).unwrap();
        assert_eq!(g.currency.as_deref(), Some("USD"));
        assert!(g.excluded_procurement_method_details.contains("EXC"));
        assert!(!ini.has("R024"));
        let mut r025 = ini.section("R025").unwrap();
        assert_eq!(r025.read::<usize>(&PERCENTILE).unwrap(), Some(75));
        assert_eq!(r025.read::<f64>(&THRESHOLD).unwrap(), None);
        assert!(r025.finish().is_ok());
        assert_eq!(ini.section("R003").unwrap().map::<i64>(&DAYS).unwrap()["x"], 5);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_typed_errors() {
        let ini = Ini::parse("[R024]\nthreshold = lots\n[R028]\nfoo = 1\n").unwrap();
        assert_eq!(
            ini.section("R024").unwrap().read::<f64>(&THRESHOLD),
            Err(SettingsError::BadValue {
                section: "R024".into(),
                key: "threshold".into(),
                value: "lots".into(),
                kind: Kind::Number
            })
        );
        assert_eq!(
            ini.section("R028").unwrap().finish(),
            Err(SettingsError::UnknownSetting { section: "R028".into(), key: "foo".into() })
        );
        assert_eq!(Ini::parse("nonsense"), Err(SettingsError::Syntax { line: 1, text: "nonsense".into() }));
        assert_eq!(Global::from_ini(&Ini::parse("colour = red").unwrap()), Err(SettingsError::UnknownGlobal("colour".into())));
    }
}
