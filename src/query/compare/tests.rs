//! The comparison against counts made here over the same inputs, and the peers' rule.
use super::*;
use crate::domain::catalog::DatasetKind;
use crate::domain::codes::Method;
use crate::query::overview::tests::{budget, catalog, dataset, with_population};
use crate::query::test_data::store;

#[test]
fn members_sum_their_years_and_take_shares_over_the_sums() {
    let store = store(90);
    let cat = with_population(
        catalog(vec![dataset("all", DatasetKind::Procurement, None, None)]),
        &[(0, Some(1_000)), (1, None), (2, Some(0))],
    );
    let codes: Vec<String> = cat.organisations.iter().take(3).map(|o| o.code.clone()).collect();
    let budgets = vec![budget(&codes[0], 2566, &[600, 400]), budget(&codes[0], 2567, &[1_000]), budget(&codes[1], 2567, &[50])];
    let mask: Vec<bool> = (0..store.len()).map(|r| r % 4 == 0).collect();
    let inputs =
        Inputs { catalog: &cat, store: &store, flagged: Some(&mask), budgets: &budgets, lpa: &[], ita: &[], published: &[] };
    let years = crate::demo::YEARS;
    let (first, last) = (*years.iter().min().unwrap(), *years.iter().max().unwrap());
    let cmp = compare(&inputs, &codes, first..=last);
    assert_eq!(cmp.members.len(), 3);
    for m in &cmp.members {
        let mine: Vec<usize> = (0..store.len())
            .filter(|&r| store.orgs.get(store.org[r]) == m.code && (first..=last).contains(&store.fiscal_year[r]))
            .collect();
        let p = m.procured.expect("one file covers every year");
        assert_eq!(p.processes, mine.len() as u64);
        let value: i128 = mine.iter().map(|&r| store.contract_value[r]).filter(|&v| v != NONE).map(i128::from).sum();
        assert_eq!(p.value.satang_i128(), value);
        let limited = mine.iter().filter(|&&r| matches!(store.method[r], Method::Limited | Method::Direct)).count();
        let share = Measure::Limited.value(m);
        let expected = (!mine.is_empty()).then(|| limited as f64 * 100.0 / mine.len() as f64);
        assert_eq!(share.map(|s| format!("{s:.9}")), expected.map(|s| format!("{s:.9}")));
        assert_eq!(m.procured_years, years.len());
        assert_eq!(p.flagged, Some(mine.iter().filter(|&&r| r % 4 == 0).count() as u64), "signals summed over the years");
    }
    let a = &cmp.members[0];
    assert_eq!(a.budget.map(|b| b.to_baht_f64()), Some(2_000.0));
    assert_eq!(a.budget_years, 2);
    assert_eq!(a.budget_per_capita(), Some(1.0), "2,000 baht over two years for 1,000 people");
    assert_eq!(a.by_area.len(), 1);
    assert_eq!(cmp.members[1].budget_per_capita(), None, "no population: no data");
    assert_eq!(cmp.members[2].budget_per_capita(), None, "no budget and a population of 0: no data");
    assert_eq!(Measure::Population.value(&cmp.members[2]), None, "0 people is no figure");
    assert_eq!(Measure::Budget.value(&cmp.members[2]), None, "no budget file is no data, not 0");
}

#[test]
fn deltas_are_from_the_first_and_none_without_a_base() {
    assert_eq!(delta(Some(200.0), Some(250.0)), Some(Delta { absolute: 50.0, percent: Some(25.0) }));
    assert_eq!(delta(Some(0.0), Some(5.0)), Some(Delta { absolute: 5.0, percent: None }), "no % of 0");
    assert_eq!(delta(None, Some(5.0)), None);
    assert_eq!(delta(Some(5.0), None), None);
}

#[test]
fn unknown_codes_are_listed_repeats_count_once_and_at_most_five_are_compared() {
    let cat = catalog(vec![]);
    let store = Store::default();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &[], lpa: &[], ita: &[], published: &[] };
    let mut codes: Vec<String> = cat.organisations.iter().take(7).map(|o| o.code.clone()).collect();
    codes.insert(1, codes[0].clone());
    codes.insert(0, "nope".into());
    let cmp = compare(&inputs, &codes, 2568..=2568);
    assert_eq!(cmp.unknown, vec!["nope".to_string()]);
    assert_eq!(cmp.members.len() + cmp.unknown.len(), MAX);
    assert_eq!(cmp.members[0].code, codes[1]);
    assert_ne!(cmp.members[1].code, codes[1], "a repeat counts once");
    let m = &cmp.members[0];
    assert!(MEASURES.iter().all(|x| x.value(m).is_none() || *x == Measure::Population), "nothing loaded: no data");
}

#[test]
fn peers_are_the_same_type_same_province_first_then_nearest_population() {
    let cat = catalog(vec![]);
    let me = &cat.organisations[5];
    let peers = suggest_peers(&cat, &me.code, &[], 50);
    assert!(!peers.is_empty());
    assert!(peers.iter().all(|p| p.org_type == me.org_type && p.code != me.code));
    let outside = peers.iter().position(|p| p.province != me.province).unwrap_or(peers.len());
    assert!(peers[outside..].iter().all(|p| p.province != me.province), "same province first");
    let same: Vec<_> = cat.organisations.iter().filter(|o| o.org_type == me.org_type && o.province == me.province).collect();
    assert_eq!(outside, same.len() - 1, "every one of the same province comes before the rest");
    let gap = |o: &Organisation| match (me.population, o.population) {
        (Some(a), Some(b)) if a.count > 0 && b.count > 0 => (b.count as f64 / a.count as f64).ln().abs(),
        _ => f64::INFINITY,
    };
    for part in [&peers[..outside], &peers[outside..]] {
        assert!(part.windows(2).all(|w| gap(w[0]) <= gap(w[1])), "nearest population first");
    }
    let chosen = vec![peers[0].code.clone()];
    assert!(suggest_peers(&cat, &me.code, &chosen, 50).iter().all(|p| p.code != chosen[0]), "not one already chosen");
    assert!(suggest_peers(&cat, "nope", &[], 5).is_empty());
}

#[test]
fn the_csv_has_a_row_per_measure_and_deltas_after_the_first() {
    let store = store(30);
    let cat = catalog(vec![dataset("all", DatasetKind::Procurement, None, None)]);
    let codes: Vec<String> = cat.organisations.iter().take(2).map(|o| o.code.clone()).collect();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &[], lpa: &[], ita: &[], published: &[] };
    let cmp = compare(&inputs, &codes, 2568..=2568);
    let csv = comparison_csv(&cmp, crate::domain::lang::Lang::En, Some("synthetic"));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + MEASURES.len());
    assert!(lines[0].starts_with("\u{FEFF}measure,code,"));
    assert!(lines[0].contains("Δ% "));
    assert_eq!(lines[0].split(',').count(), lines[6].split(',').count());
    let processes = lines.iter().find(|l| l.contains(",processes,")).unwrap();
    let a = Measure::Processes.value(&cmp.members[0]).unwrap();
    let b = Measure::Processes.value(&cmp.members[1]).unwrap();
    assert!(processes.contains(&format!(",{a:.0},{b:.0},{:.0},", b - a)), "{processes}");
}
