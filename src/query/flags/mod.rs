//! Red flags over compiled releases: Cardinal's indicators with Cardinal's semantics, and Thai rules.
//! Each indicator is a module behind the small `Indicator` trait; `run` folds every process through
//! every enabled indicator and then lets each finish (quartiles and fences need all processes).
//! A flag is a risk signal, not proof of wrongdoing: every result says what it measured.
pub mod bids;
pub mod cardinal;
pub mod names;
pub mod parts;
pub mod precomputed;
pub mod registry;
pub mod settings;
pub mod stats;
pub mod thai;
pub mod yearly;

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Map, Value};

use crate::domain::ocds::Release;
use names::{Names, Ocids};
pub use registry::{FlagCode, Spec, NOT_PROOF, SPECS};
use settings::{Global, Ini, SettingsError};

/// What a result is about, as in Cardinal's output.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_reach_the_indicator_and_bad_ones_are_refused() {
        assert!(Engine::with_overrides(&BTreeMap::new()).is_ok());
        let ok: BTreeMap<String, String> = [("TH08.limit".to_string(), "300000".to_string())].into();
        assert!(Engine::with_overrides(&ok).is_ok());
        for (k, v) in [
            ("TH08.limit", "lots"),
            ("TH08.limit", "100000000000000000000"),
            ("TH08.colour", "red"),
            ("R999.threshold", "1"),
            ("threshold", "1"),
        ] {
            let bad: BTreeMap<String, String> = [(k.to_string(), v.to_string())].into();
            assert!(Engine::with_overrides(&bad).is_err(), "{k} = {v}");
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Ocid,
    Buyer,
    ProcuringEntity,
    Tenderer,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Ocid => "OCID",
            Group::Buyer => "Buyer",
            Group::ProcuringEntity => "ProcuringEntity",
            Group::Tenderer => "Tenderer",
        }
    }

    pub const ALL: [Group; 4] = [Group::Ocid, Group::Buyer, Group::ProcuringEntity, Group::Tenderer];

    pub fn from_code(code: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == code)
    }
}

/// The signals of one process, buyer or tenderer: indicator → value.
pub type Codes = BTreeMap<FlagCode, f64>;

/// Results of one run: group → identifier → indicator code → value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub results: BTreeMap<Group, BTreeMap<String, Codes>>,
    /// Quartiles and fences per indicator, as Cardinal's "Meta".
    pub meta: BTreeMap<FlagCode, BTreeMap<String, f64>>,
    /// Per indicator: processes it could evaluate, and processes it could not for missing data.
    pub evaluated: BTreeMap<FlagCode, usize>,
    pub not_evaluable: BTreeMap<FlagCode, usize>,
}

impl Outcome {
    pub fn flag(&mut self, group: Group, id: &str, code: FlagCode, value: f64) {
        self.results.entry(group).or_default().entry(id.to_string()).or_default().insert(code, value);
    }

    pub fn flags_of(&self, group: Group, id: &str) -> Option<&Codes> {
        self.results.get(&group)?.get(id)
    }

    /// Cardinal's JSON: `{"OCID": {ocid: {code: value}}, …, "Meta": {…}}`, meta rounded to 4 decimals.
    pub fn to_cardinal_json(&self, with_meta: bool) -> Value {
        let mut out = Map::new();
        for (group, ids) in &self.results {
            let ids: Map<String, Value> = ids
                .iter()
                .map(|(id, codes)| {
                    let codes: Map<String, Value> = codes.iter().map(|(c, v)| (c.as_str().to_string(), json!(v))).collect();
                    (id.clone(), Value::Object(codes))
                })
                .collect();
            out.insert(group.as_str().to_string(), Value::Object(ids));
        }
        if with_meta && !self.meta.is_empty() {
            let meta: Map<String, Value> = self
                .meta
                .iter()
                .map(|(code, values)| {
                    let rounded: Map<String, Value> =
                        values.iter().map(|(k, v)| (k.clone(), json!((v * 10_000.0).round() / 10_000.0))).collect();
                    (code.as_str().to_string(), Value::Object(rounded))
                })
                .collect();
            out.insert("Meta".into(), Value::Object(meta));
        }
        Value::Object(out)
    }
}

/// What indicators share while a run is under way.
pub struct Context<'a> {
    pub outcome: Outcome,
    pub global: &'a Global,
    /// The main currency: the `currency` setting, else the first one observed (as Cardinal does).
    pub currency: Option<String>,
    /// Peer group of each buyer (organisation type and province), for the Thai peer comparison.
    pub peers: &'a HashMap<String, String>,
    /// The ocid of every process folded so far, the one being folded last. An indicator that keeps a process
    /// past its fold keeps its number (`process`), not a copy of its ocid.
    pub ocids: Ocids,
    /// Ids an indicator keeps (buyers, suppliers), each held once.
    pub names: Names,
}

impl Context<'_> {
    pub fn flag(&mut self, group: Group, id: &str, code: FlagCode, value: f64) {
        self.outcome.flag(group, id, code, value);
    }

    /// The number of the process being folded, in `ocids`.
    pub fn process(&self) -> u32 {
        u32::try_from(self.ocids.len() - 1).expect("a process is being folded")
    }

    pub fn meta(&mut self, code: FlagCode, key: &str, value: f64) {
        self.outcome.meta.entry(code).or_default().insert(key.to_string(), value);
    }

    pub fn evaluated(&mut self, code: FlagCode) {
        *self.outcome.evaluated.entry(code).or_default() += 1;
    }

    pub fn not_evaluable(&mut self, code: FlagCode) {
        *self.outcome.not_evaluable.entry(code).or_default() += 1;
    }

    /// True when `currency` is the main currency, fixing the main currency on first sight.
    pub fn is_main_currency(&mut self, currency: &str) -> bool {
        let main = self.currency.get_or_insert_with(|| self.global.currency.clone().unwrap_or_else(|| currency.to_string()));
        main == currency
    }
}

/// One indicator at work: it sees every process, then finishes (quartiles and fences need them all).
/// What it is and how it is set up is its `Spec` in the registry.
pub trait Indicator {
    fn fold(&mut self, ctx: &mut Context, release: &Release);
    fn finish(&mut self, _ctx: &mut Context) {}
}

/// The indicators a settings file enables, with their settings checked.
pub struct Engine {
    pub global: Global,
    pub indicators: Vec<Box<dyn Indicator>>,
}

impl Engine {
    pub fn from_ini(ini: &Ini) -> Result<Engine, SettingsError> {
        let global = Global::from_ini(ini)?;
        for name in ini.sections.keys() {
            let base = name.split('.').next().unwrap_or(name);
            if base != "exclusions" && FlagCode::from_code(base).is_none() && !IGNORED_SECTIONS.contains(&base) {
                return Err(SettingsError::UnknownSection(name.clone()));
            }
        }
        let mut indicators = Vec::new();
        for spec in SPECS {
            if let Some(mut section) = ini.section(spec.code.as_str()) {
                indicators.push((spec.build)(&mut section)?);
                section.finish()?;
            }
        }
        Ok(Engine { global, indicators })
    }

    /// Every indicator with its default settings, as the app runs them.
    pub fn all_defaults() -> Engine {
        Engine::from_ini(&all_sections()).expect("defaults are valid")
    }

    /// Every indicator, with the app's profile and then the reader's overrides (`R024.threshold` → `0.05`,
    /// `R003.procurement_method_details.x` → `5`). An override the indicator rejects is an error.
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> Result<Engine, SettingsError> {
        let mut ini = all_sections();
        let profile = APP_PROFILE.iter().map(|(k, v)| (k.to_string(), v.to_string()));
        for (key, value) in profile.chain(overrides.iter().map(|(k, v)| (k.clone(), v.clone()))) {
            let Some((section, name)) = key.rsplit_once('.') else {
                return Err(SettingsError::NotASetting(key));
            };
            if !ini.sections.contains_key(section.split('.').next().unwrap_or("")) {
                return Err(SettingsError::UnknownSection(section.to_string()));
            }
            ini.sections.entry(section.to_string()).or_default().insert(name.to_string(), value);
        }
        Engine::from_ini(&ini)
    }

    pub fn run<'r>(&mut self, releases: impl IntoIterator<Item = &'r Release>, peers: &HashMap<String, String>) -> Outcome {
        let mut session = self.start(peers);
        for release in releases {
            session.fold(release);
        }
        session.finish()
    }

    /// A run fed one process at a time, so that processes need not all be in memory at once.
    pub fn start<'e>(&'e mut self, peers: &'e HashMap<String, String>) -> Session<'e> {
        let ctx = Context {
            outcome: Outcome::default(),
            global: &self.global,
            currency: self.global.currency.clone(),
            peers,
            ocids: Ocids::default(),
            names: Names::default(),
        };
        Session { indicators: &mut self.indicators, ctx }
    }
}

pub struct Session<'e> {
    indicators: &'e mut Vec<Box<dyn Indicator>>,
    ctx: Context<'e>,
}

impl Session<'_> {
    pub fn fold(&mut self, release: &Release) {
        if is_cancelled(release) || is_excluded(release, self.ctx.global) {
            return;
        }
        self.ctx.ocids.push(&release.ocid);
        for indicator in self.indicators.iter_mut() {
            indicator.fold(&mut self.ctx, release);
        }
    }

    /// Folds one process and says which indicators it could and could not evaluate, so that a publisher can
    /// count them per organisation while the run spans the whole fiscal year.
    pub fn fold_counted(&mut self, release: &Release) -> (BTreeMap<FlagCode, usize>, BTreeMap<FlagCode, usize>) {
        let outcome = &mut self.ctx.outcome;
        let (evaluated, missing) = (std::mem::take(&mut outcome.evaluated), std::mem::take(&mut outcome.not_evaluable));
        self.fold(release);
        let outcome = &mut self.ctx.outcome;
        let mine = (std::mem::replace(&mut outcome.evaluated, evaluated), std::mem::replace(&mut outcome.not_evaluable, missing));
        for (code, n) in &mine.0 {
            *outcome.evaluated.entry(*code).or_default() += n;
        }
        for (code, n) in &mine.1 {
            *outcome.not_evaluable.entry(*code).or_default() += n;
        }
        mine
    }

    pub fn finish(mut self) -> Outcome {
        for indicator in self.indicators.iter_mut() {
            indicator.finish(&mut self.ctx);
        }
        self.ctx.outcome
    }
}

/// The app's profile on top of the defaults. R003's 15 days is meant for competitive methods; Thai
/// เฉพาะเจาะจง purchases have no open submission period, so the app applies R003 to open and selective only.
pub const APP_PROFILE: [(&str, &str); 1] = [("R003.procurement_methods", "open|selective")];

fn all_sections() -> Ini {
    let mut ini = Ini::default();
    for code in FlagCode::ALL {
        ini.sections.insert(code.as_str().to_string(), BTreeMap::new());
    }
    ini
}

/// Sections of Cardinal's settings that belong to its `prepare` command, not to indicators.
const IGNORED_SECTIONS: [&str; 6] = ["defaults", "redactions", "corrections", "modifications", "codelists", "prepare"];

fn is_cancelled(release: &Release) -> bool {
    release.tender.as_ref().and_then(|t| t.status.as_deref()) == Some("cancelled")
}

fn is_excluded(release: &Release, global: &Global) -> bool {
    release.method_details().is_some_and(|d| global.excluded_procurement_method_details.contains(d))
}
