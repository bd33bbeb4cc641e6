//! Flags computed once when data is published, one file per organisation and fiscal year (`flags/<code>-<year>.json`,
//! listed in the catalog with its SHA-256). Fences and peer groups need a whole fiscal year, and a citizen's page
//! must not fetch a province to show one organisation's signals: `locallens publish` runs the year once with
//! the app's default settings, and each file keeps what one organisation's page reads — its processes' results,
//! its own, those of the tenderers in its processes, the year's fences, and how many of its processes each
//! indicator could evaluate. A reader who changes a setting gets a fresh run in the browser instead.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::{Engine, FlagCode, Group, Outcome, APP_PROFILE};
use crate::domain::ocds::Release;
use crate::query::store::Store;

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

/// The `OCID` group's results by the organisation's rows instead of by ocid. The ids were the larger part of
/// a big file (Bangkok's 2568: 10.2 of its 27.1 KB brotli), and the rows shard fetched with it gives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ByRow {
    /// The organisation's rows of the year, in the order of its rows shard (a province's shard holds them in
    /// the same order), and `digest` of their ocids in that order: a file read against other rows is refused,
    /// never misapplied.
    pub rows: usize,
    pub digest: String,
    /// Indicator → the rows it gave a value and the values.
    pub indicators: BTreeMap<String, RowValues>,
}

/// One indicator's values by row: each row as its distance from the previous one (the first from row -1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RowValues {
    pub gaps: Vec<u32>,
    pub values: Vec<f64>,
}

/// FNV-1a (64 bits) of the ocids, each ended by a newline, as hex: whether two lists are the same in the same
/// order. Not a checksum of the file, which the catalog's SHA-256 is.
pub fn digest<'a>(ocids: impl IntoIterator<Item = &'a str>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in ocids.into_iter().flat_map(|o| o.bytes().chain([b'\n'])) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Each organisation's rows of each fiscal year in a store, in row order, brought up to date as rows arrive
/// (`update`): what a file's `by_row` is read against.
#[derive(Default)]
pub struct RowsOf {
    upto: usize,
    rows: HashMap<(u32, i32), Vec<u32>>,
}

impl RowsOf {
    pub fn update(&mut self, store: &Store) {
        for r in self.upto..store.len() {
            self.rows.entry((store.org[r], store.fiscal_year[r])).or_default().push(r as u32);
        }
        self.upto = store.len();
    }

    /// The ocids of `org`'s rows of `year`, in row order.
    pub fn ocids<'s>(&self, store: &'s Store, org: &str, year: i32) -> Vec<&'s str> {
        let rows = store.orgs.lookup(org).and_then(|code| self.rows.get(&(code, year)));
        rows.into_iter().flatten().map(|&r| store.ocid(r as usize)).collect()
    }
}

/// The settings the published run uses; the browser uses its files only while the reader's settings are these.
pub fn settings() -> BTreeMap<String, String> {
    APP_PROFILE.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[derive(Default)]
struct Mine {
    ocids: Vec<String>,
    /// Party ids in its processes: itself, procuring entities, tenderers and suppliers.
    parties: BTreeSet<String>,
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
    let mut orgs: BTreeMap<String, Mine> = BTreeMap::new();
    let mut count = 0;
    for (code, release) in processes {
        count += 1;
        let (evaluated, missing) = session.fold_counted(&release);
        let mine = orgs.entry(code.clone()).or_default();
        for (c, n) in evaluated {
            *mine.evaluated.entry(c).or_default() += n;
        }
        for (c, n) in missing {
            *mine.not_evaluable.entry(c).or_default() += n;
        }
        mine.parties.insert(code);
        mine.parties.extend(party_ids(&release));
        mine.ocids.push(release.ocid);
    }
    let outcome = session.finish();
    let meta: BTreeMap<String, BTreeMap<String, Option<f64>>> = outcome
        .meta
        .iter()
        .map(|(c, m)| (c.as_str().to_string(), m.iter().map(|(k, v)| (k.clone(), v.is_finite().then_some(*v))).collect()))
        .collect();
    let groups: BTreeSet<&str> = peers.values().map(String::as_str).collect();
    let owners = group_keys(&meta, &groups);
    orgs.into_iter()
        .map(|(code, mut mine)| {
            mine.ocids.sort_unstable();
            let mut results: BTreeMap<String, BTreeMap<String, BTreeMap<String, f64>>> = BTreeMap::new();
            for (group, ids) in &outcome.results {
                let keep = |id: &String| match group {
                    Group::Ocid => mine.ocids.binary_search(id).is_ok(),
                    _ => mine.parties.contains(id),
                };
                let kept: BTreeMap<String, BTreeMap<String, f64>> =
                    ids.iter().filter(|(id, _)| keep(id)).map(|(id, codes)| (id.clone(), named(codes))).collect();
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

fn party_ids(r: &Release) -> impl Iterator<Item = String> + '_ {
    let refs = r.awards.iter().flat_map(|a| &a.suppliers).chain(r.bids.iter().flat_map(|b| &b.tenderers));
    let entity = r.tender.as_ref().and_then(|t| t.procuring_entity.as_ref());
    r.parties
        .iter()
        .filter_map(|p| p.id.clone())
        .chain(refs.chain(entity).filter_map(|o| o.id.clone()))
        .chain(r.buyer.as_ref().and_then(|b| b.id.clone()))
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
        let mut at: HashMap<&str, u32> = HashMap::with_capacity(ocids.len());
        for (i, &o) in ocids.iter().enumerate() {
            at.entry(o).or_insert(i as u32);
        }
        let mut placed: BTreeMap<String, Vec<(u32, f64)>> = BTreeMap::new();
        let mut left = BTreeMap::new();
        for (id, codes) in self.results.remove(Group::Ocid.as_str()).unwrap_or_default() {
            match at.get(id.as_str()) {
                Some(&row) => codes.into_iter().for_each(|(c, v)| placed.entry(c).or_default().push((row, v))),
                None => drop(left.insert(id, codes)),
            }
        }
        if !left.is_empty() {
            self.results.insert(Group::Ocid.as_str().to_string(), left);
        }
        let indicators = placed
            .into_iter()
            .map(|(c, mut at)| {
                at.sort_unstable_by_key(|&(row, _)| row);
                let mut column = RowValues::default();
                let mut last = -1i64;
                for (row, v) in at {
                    column.gaps.push((i64::from(row) - last - 1) as u32);
                    column.values.push(v);
                    last = i64::from(row);
                }
                (c, column)
            })
            .collect();
        self.by_row = Some(ByRow { rows: ocids.len(), digest: digest(ocids.iter().copied()), indicators });
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
            if by_row.rows != ocids.len() || by_row.digest != digest(ocids.iter().copied()) {
                return Err(Unusable::OtherRows { rows: by_row.rows, found: ocids.len() });
            }
            let into = self.results.entry(Group::Ocid.as_str().to_string()).or_default();
            for (c, column) in by_row.indicators {
                if column.gaps.len() != column.values.len() {
                    return Err(Unusable::BadRow(c));
                }
                let mut row = -1i64;
                for (&gap, &v) in column.gaps.iter().zip(&column.values) {
                    row += i64::from(gap) + 1;
                    let ocid = usize::try_from(row).ok().and_then(|r| ocids.get(r)).ok_or(Unusable::BadRow(c.clone()))?;
                    into.entry(ocid.to_string()).or_default().insert(c.clone(), v);
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::flags::yearly::ByYear;
    use crate::query::peers::peer_groups;
    use crate::query::test_data::store;

    #[test]
    fn each_organisations_file_gives_its_rows_the_signals_of_the_whole_years_run() {
        let store = store(900);
        let peers = peer_groups(&crate::demo::orgs::organisations());
        let whole = ByYear::run(&BTreeMap::new(), &store, &peers).unwrap();
        let mut files = Vec::new();
        for (&year, rows) in &store.by_year {
            let fed = rows
                .iter()
                .map(|&r| (store.orgs.get(store.org[r as usize]).to_string(), store.processes[r as usize].compiled.clone()));
            files.extend(run_year(year, &peers, fed));
        }
        // Through JSON, as the browser reads them.
        let files: Vec<Precomputed> =
            files.iter().map(|f| serde_json::from_slice(&serde_json::to_vec(f).unwrap()).unwrap()).collect();
        let mut flagged = 0;
        for file in &files {
            assert_eq!(file.settings, settings());
            let alone = ByYear::from_precomputed(std::slice::from_ref(file), &store).unwrap();
            let code = store.orgs.lookup(&file.organisation).unwrap();
            let rows: Vec<usize> =
                store.by_year[&file.fiscal_year].iter().map(|&r| r as usize).filter(|&r| store.org[r] == code).collect();
            assert!(!rows.is_empty());
            for &r in &rows {
                assert_eq!(alone.of_row(&store, r), whole.of_row(&store, r), "row {r}");
                flagged += usize::from(alone.of_row(&store, r).is_some());
            }
            assert_eq!(alone.of(Group::Buyer, &file.organisation), whole.of(Group::Buyer, &file.organisation));
        }
        assert!(flagged > 0, "the test data raises some signals");
        // Coverage per organisation adds up to the year's.
        let all = ByYear::from_precomputed(&files, &store).unwrap();
        for spec in crate::query::flags::SPECS {
            assert_eq!(all.coverage(spec.code, None), whole.coverage(spec.code, None), "{:?}", spec.code);
        }
        // A file keeps its own peer group's fence of TH11 only; the files together give the year's meta.
        for file in &files {
            let own = format!("{}_", peers[&file.organisation]);
            let th11 = file.meta.get(FlagCode::TH11.as_str()).map_or(0, |m| m.len());
            assert!(th11 <= 1, "{}: {th11} fences", file.organisation);
            assert!(file.meta.get("TH11").into_iter().flat_map(|m| m.keys()).all(|k| k.starts_with(&own)));
        }
        for (year, outcome) in &whole.years {
            let merged = &all.years[year].meta;
            assert_eq!(merged.keys().collect::<Vec<_>>(), outcome.meta.keys().collect::<Vec<_>>(), "{year}");
            for (c, m) in &outcome.meta {
                assert_eq!(merged[c].keys().collect::<Vec<_>>(), m.keys().collect::<Vec<_>>(), "{year} {c:?}");
                for (k, v) in m {
                    assert!(merged[c][k] == *v || (v.is_nan() && merged[c][k].is_nan()), "{year} {c:?} {k}");
                }
            }
        }
    }

    #[test]
    fn a_file_keeps_the_fences_of_its_own_peer_group_and_every_other_meta() {
        let meta: BTreeMap<String, BTreeMap<String, Option<f64>>> = [
            ("TH11".to_string(), [("sao/ก_upper_fence".to_string(), Some(0.9)), ("sao/ข_upper_fence".to_string(), None)].into()),
            ("R024".to_string(), [("q1".to_string(), Some(0.1)), ("sao/ข_x".to_string(), Some(0.2))].into()),
        ]
        .into();
        let groups: BTreeSet<&str> = ["sao/ก", "sao/ข", "sao/ข2"].into();
        let groups = group_keys(&meta, &groups);
        let mine = own_meta(&meta, &groups, Some("sao/ก"));
        assert_eq!(mine["TH11"], [("sao/ก_upper_fence".to_string(), Some(0.9))].into());
        assert_eq!(mine["R024"], [("q1".to_string(), Some(0.1))].into());
        // A group whose name begins another's keeps its own keys only.
        let mine = own_meta(&meta, &groups, Some("sao/ข"));
        assert_eq!(mine["TH11"], [("sao/ข_upper_fence".to_string(), None)].into());
        assert_eq!(mine["R024"].len(), 2);
        // An organisation without a peer group keeps no group's fences.
        assert!(own_meta(&meta, &groups, None)["TH11"].is_empty());
    }

    #[test]
    fn a_file_by_row_gives_the_same_signals_and_is_refused_against_other_rows() {
        let store = store(600);
        let peers = peer_groups(&crate::demo::orgs::organisations());
        let year = *store.by_year.keys().next().unwrap();
        let fed = store.by_year[&year]
            .iter()
            .map(|&r| (store.orgs.get(store.org[r as usize]).to_string(), store.processes[r as usize].compiled.clone()));
        let files = run_year(year, &peers, fed);
        let mut rows_of = RowsOf::default();
        rows_of.update(&store);
        let mut compared = 0;
        for file in files {
            let ocids = rows_of.ocids(&store, &file.organisation, year);
            let by_id = file.outcome(&[]).unwrap();
            let by_row = file.clone().by_rows(&ocids);
            assert!(!by_row.results.contains_key(Group::Ocid.as_str()), "every id is one of the rows");
            // Through JSON, as the browser reads it.
            let read: Precomputed = serde_json::from_slice(&serde_json::to_vec(&by_row).unwrap()).unwrap();
            let outcome = read.outcome(&ocids).unwrap();
            assert_eq!(outcome.results, by_id.results, "{}", file.organisation);
            compared += by_id.results.get(&Group::Ocid).map_or(0, |m| m.len());
            // The same rows in another order, one row fewer, or none at all: refused.
            let mut turned = ocids.clone();
            turned.reverse();
            if ocids.len() > 1 && turned != ocids {
                assert!(matches!(read.outcome(&turned), Err(Unusable::OtherRows { .. })));
            }
            assert!(matches!(read.outcome(&ocids[1..]), Err(Unusable::OtherRows { .. })));
        }
        assert!(compared > 50, "{compared} processes with a value");
    }

    #[test]
    fn a_file_by_row_naming_a_row_it_does_not_have_is_refused() {
        let ocids = ["a", "b"];
        let mut file = Precomputed {
            organisation: "x".into(),
            fiscal_year: 2568,
            settings: settings(),
            processes_in_run: 2,
            results: [("OCID".to_string(), [("b".to_string(), [("TH01".to_string(), 0.5)].into())].into())].into(),
            by_row: None,
            meta: BTreeMap::new(),
            evaluated: BTreeMap::new(),
            not_evaluable: BTreeMap::new(),
        }
        .by_rows(&ocids);
        let column = &file.by_row.as_ref().unwrap().indicators["TH01"];
        assert_eq!((column.gaps.as_slice(), column.values.as_slice()), (&[1][..], &[0.5][..]));
        assert_eq!(file.outcome(&ocids).unwrap().results[&Group::Ocid]["b"][&FlagCode::TH01], 0.5);
        file.by_row.as_mut().unwrap().indicators.get_mut("TH01").unwrap().gaps[0] = 2;
        assert_eq!(file.outcome(&ocids), Err(Unusable::BadRow("TH01".into())));
        file.by_row.as_mut().unwrap().indicators.get_mut("TH01").unwrap().values.push(1.0);
        assert_eq!(file.outcome(&ocids), Err(Unusable::BadRow("TH01".into())));
    }

    #[test]
    fn a_file_naming_an_unknown_indicator_is_refused_by_name() {
        let mut file = Precomputed {
            organisation: "x".into(),
            fiscal_year: 2568,
            settings: settings(),
            processes_in_run: 1,
            results: BTreeMap::new(),
            by_row: None,
            meta: BTreeMap::new(),
            evaluated: [("R999".to_string(), 1)].into(),
            not_evaluable: BTreeMap::new(),
        };
        assert_eq!(file.outcome(&[]), Err(Unusable::UnknownCode("R999".into())));
        // A quartile of nothing is NaN in the engine, null in the file, and NaN again when read.
        file.evaluated.clear();
        file.meta.insert("R024".into(), [("q1".to_string(), None), ("q3".to_string(), Some(0.5))].into());
        let read: Precomputed = serde_json::from_slice(&serde_json::to_vec(&file).unwrap()).unwrap();
        let meta = &read.outcome(&[]).unwrap().meta[&FlagCode::R024];
        assert!(meta["q1"].is_nan() && meta["q3"] == 0.5);
        file.evaluated.clear();
        file.results.insert("Agency".into(), BTreeMap::new());
        assert_eq!(file.outcome(&[]), Err(Unusable::UnknownGroup("Agency".into())));
    }
}
