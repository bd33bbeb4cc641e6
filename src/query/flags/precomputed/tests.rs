//! Published flags files: each organisation's file against the whole year's run, by id and by row, and what is refused.
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
