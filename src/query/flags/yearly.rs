//! Flags run one fiscal year at a time. Fences and peer groups compare a process with the others of its own
//! fiscal year, so its signals are the same whichever other years a reader has loaded.
use std::collections::{BTreeMap, HashMap};

use super::registry::{Needs, SPECS};
use super::{Codes, Engine, FlagCode, Group, Outcome, SettingsError};
use crate::query::store::Store;

/// The ocids of the processes with at least one signal, per fiscal year.
pub struct Flagged<'a> {
    years: BTreeMap<i32, rustc_hash::FxHashSet<&'a str>>,
}

impl Flagged<'_> {
    /// Sets `mask[row]` for each of `rows` (rows of fiscal year `year`) to whether its process has a signal.
    pub fn mark(&self, store: &Store, year: i32, rows: &[u32], mask: &mut [bool]) {
        let Some(ids) = self.years.get(&year) else { return };
        for &r in rows {
            mask[r as usize] = ids.contains(store.ocid(r as usize));
        }
    }
}

#[derive(Debug, Default)]
pub struct ByYear {
    pub years: BTreeMap<i32, Outcome>,
}

impl ByYear {
    /// Runs every indicator, with the app's profile and `overrides`, over each fiscal year of the store.
    pub fn run(
        overrides: &BTreeMap<String, String>,
        store: &Store,
        peers: &HashMap<String, String>,
    ) -> Result<ByYear, SettingsError> {
        let mut years = BTreeMap::new();
        for (&year, rows) in &store.by_year {
            let mut engine = Engine::with_overrides(overrides)?;
            years.insert(year, engine.run(rows.iter().filter_map(|&r| store.release(r as usize)), peers));
        }
        Ok(ByYear { years })
    }

    /// The published run's results (`precomputed`), one file per organisation and fiscal year, for the rows of
    /// `store` (which files by row are read against).
    pub fn from_precomputed(
        files: &[super::precomputed::Precomputed],
        store: &Store,
    ) -> Result<ByYear, super::precomputed::Unusable> {
        let mut rows = super::precomputed::RowsOf::default();
        rows.update(store);
        let mut years: BTreeMap<i32, Outcome> = BTreeMap::new();
        for file in files {
            let ocids = rows.ocids(store, &file.organisation, file.fiscal_year);
            super::precomputed::merge(years.entry(file.fiscal_year).or_default(), file.outcome(&ocids)?);
        }
        Ok(ByYear { years })
    }

    /// The signals of one process (a row of the store).
    pub fn of_row(&self, store: &Store, row: usize) -> Option<&Codes> {
        self.years.get(&store.fiscal_year[row])?.flags_of(Group::Ocid, store.ocid(row))
    }

    /// Per row: has the process at least one signal?
    pub fn mask(&self, store: &Store) -> Vec<bool> {
        let flagged = self.flagged();
        let mut mask = vec![false; store.len()];
        for (&year, rows) in &store.by_year {
            flagged.mark(store, year, rows, &mut mask);
        }
        mask
    }

    /// The flagged processes' ocids, for marking rows a slice at a time (`Flagged::mark`).
    pub fn flagged(&self) -> Flagged<'_> {
        // A hash set per year: a country's million rows each walking an ordered map of strings took over a second.
        let years = self
            .years
            .iter()
            .map(|(&y, o)| {
                let ids = o.results.get(&Group::Ocid).into_iter().flatten();
                (y, ids.filter(|(_, c)| !c.is_empty()).map(|(id, _)| id.as_str()).collect())
            })
            .collect();
        Flagged { years }
    }

    /// The signals of a buyer, procuring entity or tenderer, per fiscal year in which it has any.
    pub fn of(&self, group: Group, id: &str) -> Vec<(i32, &Codes)> {
        self.years.iter().filter_map(|(&y, o)| Some((y, o.flags_of(group, id)?))).filter(|(_, c)| !c.is_empty()).collect()
    }

    /// Processes each indicator evaluated and could not evaluate, over the fiscal years in `years` (all when None).
    pub fn coverage(&self, code: FlagCode, years: Option<(i32, i32)>) -> (usize, usize) {
        self.years.iter().filter(|(y, _)| years.is_none_or(|(a, b)| (a..=b).contains(*y))).fold(
            (0, 0),
            |(ok, missing), (_, o)| {
                (ok + o.evaluated.get(&code).copied().unwrap_or(0), missing + o.not_evaluable.get(&code).copied().unwrap_or(0))
            },
        )
    }

    /// Indicators that could judge no process in `years` although some were there, grouped by what the data
    /// lacks (e-GP contract rows have no bids): the page says so instead of showing nothing for them.
    pub fn unevaluable(&self, years: Option<(i32, i32)>) -> Vec<(Needs, Vec<FlagCode>)> {
        let mut out: Vec<(Needs, Vec<FlagCode>)> = Vec::new();
        for spec in SPECS {
            let (ok, missing) = self.coverage(spec.code, years);
            if ok > 0 || missing == 0 {
                continue;
            }
            match out.iter_mut().find(|(n, _)| *n == spec.needs) {
                Some((_, codes)) => codes.push(spec.code),
                None => out.push((spec.needs, vec![spec.code])),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::test_data::store;

    #[test]
    fn a_year_flags_the_same_alone_or_with_other_years() {
        let all = store(900);
        let peers = HashMap::new();
        let by_year = ByYear::run(&BTreeMap::new(), &all, &peers).unwrap();
        // The same 2567 processes, in a store of their own.
        let mut alone = Store::default();
        for &r in &all.by_year[&2567] {
            alone.add(Some(all.orgs.get(all.org[r as usize])), None, vec![all.processes[r as usize].clone()]);
        }
        let only = ByYear::run(&BTreeMap::new(), &alone, &peers).unwrap();
        assert_eq!(only.years.keys().copied().collect::<Vec<_>>(), vec![2567]);
        let a = &by_year.years[&2567];
        let b = &only.years[&2567];
        assert_eq!(a.results, b.results);
        assert!(a.results.get(&Group::Ocid).is_some_and(|m| !m.is_empty()), "the generated data raises some flags");
        let mask = by_year.mask(&all);
        let flagged = mask.iter().filter(|&&f| f).count();
        assert!(flagged > 0 && flagged < all.len());
        for (row, &f) in mask.iter().enumerate() {
            assert_eq!(f, by_year.of_row(&all, row).is_some_and(|c| !c.is_empty()));
        }
        let (ok, _) = by_year.coverage(FlagCode::R024, None);
        let (ok_2567, _) = by_year.coverage(FlagCode::R024, Some((2567, 2567)));
        assert!(ok > ok_2567 && ok_2567 == only.coverage(FlagCode::R024, None).0);
    }

    #[test]
    fn a_refused_setting_is_an_error() {
        let s = store(30);
        let bad: BTreeMap<String, String> = [("R024.threshold".to_string(), "abc".to_string())].into();
        assert!(ByYear::run(&bad, &s, &HashMap::new()).is_err());
    }

    #[test]
    fn on_e_gp_rows_the_bid_indicators_say_the_data_has_no_bids() {
        let rows = include_bytes!("../../../tests/fixtures/egp/real-rows.jsonl");
        let converted = crate::ingest::egp::convert("real-rows.jsonl", rows);
        let text: Vec<u8> = converted.values.iter().flat_map(|v| format!("{v}\n").into_bytes()).collect();
        let loaded = crate::ingest::ocds::load("real-rows.jsonl", &text);
        let mut s = Store::default();
        s.add(None, None, loaded.values);
        let by_year = ByYear::run(&BTreeMap::new(), &s, &HashMap::new()).unwrap();
        let missing = by_year.unevaluable(None);
        let bids = missing.iter().find(|(n, _)| *n == Needs::Bids).map(|(_, c)| c.clone()).unwrap_or_default();
        for code in [FlagCode::R018, FlagCode::R024, FlagCode::TH05, FlagCode::TH06] {
            assert!(bids.contains(&code), "{code:?} needs bids: {missing:?}");
        }
        assert!(missing.iter().all(|(_, codes)| !codes.contains(&FlagCode::TH07)), "TH07 reads contracts, which e-GP has");
    }
}
