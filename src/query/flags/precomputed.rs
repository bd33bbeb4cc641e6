//! Flags computed once when data is published, one file per organisation and fiscal year (`flags/<code>-<year>.json`,
//! listed in the catalog with its SHA-256). Fences and peer groups need a whole fiscal year, and a citizen's page
//! must not fetch a province to show one organisation's signals: `locallens publish` runs the year once with
//! the app's default settings, and each file keeps what one organisation's page reads — its processes' results,
//! its own, those of the tenderers in its processes, the year's fences, and how many of its processes each
//! indicator could evaluate. A reader who changes a setting gets a fresh run in the browser instead.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::names::{Names, Ocids};
use super::{Engine, FlagCode, Group, Outcome, APP_PROFILE};
use crate::domain::ocds::Release;

mod by_row;
#[cfg(test)]
mod tests;

pub use by_row::{digest, ByRow, RowValues, RowsOf};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Precomputed {
    pub organisation: String,
    pub fiscal_year: i32,
    /// The run's settings over every indicator's defaults: the app's profile, and nothing a reader chose.
    pub settings: BTreeMap<String, String>,
    /// Processes in the run: every published process of the fiscal year, of every organisation.
    pub processes_in_run: usize,
    /// Cardinal's groups (`OCID`, `Buyer`, `ProcuringEntity`, `Tenderer`) → id → indicator → value. A file
    /// published beside a rows shard gives its `OCID` results in `by_row` instead.
    pub results: BTreeMap<String, BTreeMap<String, BTreeMap<String, f64>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_row: Option<ByRow>,
    /// The year's quartiles and fences per indicator, as Cardinal's "Meta"; null where there was nothing to
    /// take a quartile of (the engine's NaN, which JSON cannot carry).
    pub meta: BTreeMap<String, BTreeMap<String, Option<f64>>>,
    /// Of this organisation's processes: how many each indicator evaluated, and could not for missing data.
    pub evaluated: BTreeMap<String, usize>,
    pub not_evaluable: BTreeMap<String, usize>,
}

/// The settings the published run uses; the browser uses its files only while the reader's settings are these.
pub fn settings() -> BTreeMap<String, String> {
    APP_PROFILE.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[derive(Default)]
struct Mine {
    /// Party ids in its processes (numbers of the run's `Names`): itself, procuring entities, tenderers and
    /// suppliers.
    parties: BTreeSet<u32>,
    evaluated: BTreeMap<FlagCode, usize>,
    not_evaluable: BTreeMap<FlagCode, usize>,
}

/// Runs one fiscal year, fed as (organisation code, process) one at a time so that the year need not be in
/// memory, and splits the outcome per organisation.
pub fn run_year(
    fiscal_year: i32,
    peers: &HashMap<String, String>,
    processes: impl IntoIterator<Item = (String, Release)>,
) -> Vec<Precomputed> {
    let mut engine = Engine::with_overrides(&BTreeMap::new()).expect("the app's profile is valid");
    let mut session = engine.start(peers);
    // Organisations in the order first met, and whose each process is, by number: a country's ocids and party
    // ids are held once, not per organisation.
    let mut orgs: Vec<(String, Mine)> = Vec::new();
    let mut code_index: HashMap<String, usize> = HashMap::new();
    let (mut ocids, mut owner_of, mut parties) = (Ocids::default(), Vec::new(), Names::default());
    for (code, release) in processes {
        let (evaluated, missing) = session.fold_counted(&release);
        let owner = *code_index.entry(code.clone()).or_insert_with(|| {
            orgs.push((code.clone(), Mine::default()));
            orgs.len() - 1
        });
        let mine = &mut orgs[owner].1;
        for (c, n) in evaluated {
            *mine.evaluated.entry(c).or_default() += n;
        }
        for (c, n) in missing {
            *mine.not_evaluable.entry(c).or_default() += n;
        }
        mine.parties.insert(parties.id(&code));
        for id in party_ids(&release) {
            mine.parties.insert(parties.id(id));
        }
        ocids.push(&release.ocid);
        owner_of.push(owner);
    }
    let count = ocids.len();
    let outcome = session.finish();
    let meta: BTreeMap<String, BTreeMap<String, Option<f64>>> = outcome
        .meta
        .iter()
        .map(|(c, m)| (c.as_str().to_string(), m.iter().map(|(k, v)| (k.clone(), v.is_finite().then_some(*v))).collect()))
        .collect();
    let groups: BTreeSet<&str> = peers.values().map(String::as_str).collect();
    let owners = group_keys(&meta, &groups);
    // Each organisation's flagged processes, found by one walk over the run's ocids.
    let mut flagged: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); orgs.len()];
    if let Some(by_ocid) = outcome.results.get(&Group::Ocid) {
        for (n, &owner) in (0..).zip(&owner_of) {
            let ocid = ocids.get(n);
            if by_ocid.contains_key(ocid) {
                flagged[owner].insert(ocid);
            }
        }
    }
    let mut orgs: Vec<((String, Mine), BTreeSet<&str>)> = orgs.into_iter().zip(flagged).collect();
    orgs.sort_by(|((a, _), _), ((b, _), _)| a.cmp(b));
    orgs.into_iter()
        .map(|((code, mine), own_flagged)| {
            let mut results: BTreeMap<String, BTreeMap<String, BTreeMap<String, f64>>> = BTreeMap::new();
            for (group, ids) in &outcome.results {
                // From the organisation's own ocids and parties, not by testing every id of the country against
                // each organisation (7,590 × 280,000 tests, most of a national publish's flags step).
                let own: Box<dyn Iterator<Item = &str>> = match group {
                    Group::Ocid => Box::new(own_flagged.iter().copied()),
                    _ => Box::new(mine.parties.iter().map(|n| parties.get(*n))),
                };
                let kept: BTreeMap<String, BTreeMap<String, f64>> =
                    own.filter_map(|id| Some((id.to_string(), named(ids.get(id)?)))).collect();
                if !kept.is_empty() {
                    results.insert(group.as_str().to_string(), kept);
                }
            }
            let meta = own_meta(&meta, &owners, peers.get(&code).map(String::as_str));
            Precomputed {
                organisation: code,
                fiscal_year,
                settings: settings(),
                processes_in_run: count,
                results,
                by_row: None,
                meta,
                evaluated: named(&mine.evaluated),
                not_evaluable: named(&mine.not_evaluable),
            }
        })
        .collect()
}

/// The meta keys that belong to a peer group (`<group>_…`, as TH11's fences), with their group: found once a
/// year, not once per organisation.
fn group_keys<'a>(
    meta: &'a BTreeMap<String, BTreeMap<String, Option<f64>>>,
    groups: &BTreeSet<&'a str>,
) -> HashMap<&'a str, &'a str> {
    let owner = |key: &str| groups.iter().copied().find(|g| key.strip_prefix(g).is_some_and(|k| k.starts_with('_')));
    meta.values().flat_map(|m| m.keys()).filter_map(|k| Some((k.as_str(), owner(k)?))).collect()
}

/// The year's meta without the entries of other peer groups than `own`: there is one per type and province,
/// 164 in the country, and no page of one organisation reads another's.
fn own_meta(
    meta: &BTreeMap<String, BTreeMap<String, Option<f64>>>,
    owners: &HashMap<&str, &str>,
    own: Option<&str>,
) -> BTreeMap<String, BTreeMap<String, Option<f64>>> {
    let other = |key: &str| owners.get(key).is_some_and(|g| Some(*g) != own);
    meta.iter().map(|(c, m)| (c.clone(), m.iter().filter(|(k, _)| !other(k)).map(|(k, v)| (k.clone(), *v)).collect())).collect()
}

fn named<V: Clone>(by_code: &BTreeMap<FlagCode, V>) -> BTreeMap<String, V> {
    by_code.iter().map(|(c, v)| (c.as_str().to_string(), v.clone())).collect()
}

fn party_ids(r: &Release) -> impl Iterator<Item = &str> + '_ {
    let refs = r.awards.iter().flat_map(|a| &a.suppliers).chain(r.bids.iter().flat_map(|b| &b.tenderers));
    let entity = r.tender.as_ref().and_then(|t| t.procuring_entity.as_ref());
    r.parties
        .iter()
        .filter_map(|p| p.id.as_deref())
        .chain(refs.chain(entity).filter_map(|o| o.id.as_deref()))
        .chain(r.buyer.as_ref().and_then(|b| b.id.as_deref()))
}

/// Why a published flags file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    UnknownGroup(String),
    UnknownCode(String),
    /// The file's `by_row` is of other rows than the organisation's in the store: its row count, and the
    /// store's (the same count with other ocids or in another order is refused too).
    OtherRows {
        rows: usize,
        found: usize,
    },
    /// A row past the file's own `rows`, or an indicator with more gaps than values or fewer.
    BadRow(String),
}

impl Precomputed {
    /// The file with its `OCID` results by row, `ocids` being the organisation's rows in its shard's order. An
    /// id not among them (none, from `run_year`) stays by id.
    pub fn by_rows(mut self, ocids: &[&str]) -> Precomputed {
        let by_id = self.results.remove(Group::Ocid.as_str()).unwrap_or_default();
        let (by_row, left) = ByRow::of(by_id, ocids);
        if !left.is_empty() {
            self.results.insert(Group::Ocid.as_str().to_string(), left);
        }
        self.by_row = Some(by_row);
        self
    }

    /// As the engine's outcome, the form the pages read; `ocids` are the organisation's rows of the year in the
    /// store, in row order, which a file `by_row` is read against.
    pub fn outcome(&self, ocids: &[&str]) -> Result<Outcome, Unusable> {
        self.clone().into_outcome(ocids)
    }

    /// As `outcome`, moving the ids instead of copying them: a province's file holds tens of thousands.
    pub fn into_outcome(mut self, ocids: &[&str]) -> Result<Outcome, Unusable> {
        let code = |c: &str| FlagCode::from_code(c).ok_or_else(|| Unusable::UnknownCode(c.to_string()));
        if let Some(by_row) = self.by_row.take() {
            by_row.into_results(ocids, self.results.entry(Group::Ocid.as_str().to_string()).or_default())?;
        }
        let mut out = Outcome::default();
        for (group, ids) in self.results {
            let group = Group::from_code(&group).ok_or(Unusable::UnknownGroup(group))?;
            let into = out.results.entry(group).or_default();
            for (id, codes) in ids {
                let codes = codes.iter().map(|(c, v)| Ok((code(c)?, *v))).collect::<Result<_, Unusable>>()?;
                into.insert(id, codes);
            }
        }
        for (c, m) in &self.meta {
            out.meta.insert(code(c)?, m.iter().map(|(k, v)| (k.clone(), v.unwrap_or(f64::NAN))).collect());
        }
        for (c, n) in &self.evaluated {
            out.evaluated.insert(code(c)?, *n);
        }
        for (c, n) in &self.not_evaluable {
            out.not_evaluable.insert(code(c)?, *n);
        }
        Ok(out)
    }
}

/// Several organisations' files of one year as one outcome: results side by side, coverage added up.
pub fn merge(into: &mut Outcome, other: Outcome) {
    for (group, ids) in other.results {
        into.results.entry(group).or_default().extend(ids);
    }
    // Each file keeps its own peer group's fences: a province's are the union.
    for (c, m) in other.meta {
        into.meta.entry(c).or_default().extend(m);
    }
    for (c, n) in other.evaluated {
        *into.evaluated.entry(c).or_default() += n;
    }
    for (c, n) in other.not_evaluable {
        *into.not_evaluable.entry(c).or_default() += n;
    }
}
