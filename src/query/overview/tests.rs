//! The overview's figures against independent computations over the same inputs.
use super::*;
use crate::domain::assessment::{LpaArea, PassRule};
use crate::domain::budget::{ExpenditureLine, BUDGET_VERSION};
use crate::domain::calendar::FiscalYear;
use crate::domain::catalog::{DataFormat, Dataset, Publisher, CATALOG_VERSION};
use crate::domain::lang::Lang;
use crate::domain::org::Population;
use crate::query::test_data::store;

pub(crate) fn dataset(id: &str, kind: DatasetKind, org: Option<&str>, year: Option<i32>) -> Dataset {
    Dataset {
        id: id.into(),
        kind,
        format: DataFormat::Ocds,
        organisation: org.map(str::to_string),
        fiscal_year: year.map(FiscalYear),
        province_code: None,
        size: None,
        rows: None,
        url: format!("{id}.json"),
        sha256: None,
        published: None,
        source: None,
        demonstration: false,
        incomplete: None,
    }
}

pub(crate) fn catalog(procurement: Vec<Dataset>) -> Catalog {
    Catalog {
        catalog_version: CATALOG_VERSION.into(),
        publisher: Publisher { name: LocalText::both("t", "t"), website: None, complaints: vec![], participation: None },
        organisations: crate::demo::orgs::organisations(),
        datasets: procurement,
        demonstration: false,
        notice: None,
        parts: Vec::new(),
    }
}

pub(crate) fn budget(org: &str, year: i32, baht: &[i64]) -> Budget {
    let line = |b: i64| ExpenditureLine {
        id: None,
        area: "ด้านบริหารทั่วไป".into(),
        plan: "แผนงานบริหารงานทั่วไป".into(),
        task: None,
        category: "งบบุคลากร".into(),
        subcategory: None,
        item: None,
        allocated: Satang::baht(b),
        revised: None,
        disbursed: None,
    };
    Budget {
        budget_version: BUDGET_VERSION.into(),
        organisation: org.into(),
        organisation_name: None,
        fiscal_year: FiscalYear(year),
        declared_total: None,
        population: None,
        expenditure: baht.iter().map(|&b| line(b)).collect(),
        revenue: vec![],
        source: None,
        source_url: None,
        demonstration: false,
    }
}

pub(crate) fn with_population(mut c: Catalog, counts: &[(usize, Option<u64>)]) -> Catalog {
    for &(i, count) in counts {
        c.organisations[i].population = count.map(|count| Population { count, year: 2564, method: None });
    }
    c
}

#[test]
fn procurement_figures_match_a_count_of_each_organisations_rows() {
    let store = store(90);
    let cat = catalog(vec![dataset("all", DatasetKind::Procurement, None, None)]);
    let mask: Vec<bool> = (0..store.len()).map(|r| r % 3 == 0).collect();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: Some(&mask), budgets: &[], lpa: &[], ita: &[], published: &[] };
    for year in crate::demo::YEARS {
        let rows = organisations(&inputs, year);
        assert_eq!(rows.len(), cat.organisations.len());
        for row in &rows {
            let mine: Vec<usize> =
                (0..store.len()).filter(|&r| store.orgs.get(store.org[r]) == row.code && store.fiscal_year[r] == year).collect();
            let p = row.figures.procurement.expect("covered by the catalog's one file");
            assert_eq!(p.processes, mine.len() as u64, "{}", row.code);
            let value: i128 = mine.iter().map(|&r| store.contract_value[r]).filter(|&v| v != NONE).map(i128::from).sum();
            assert_eq!(p.value.satang_i128(), value);
            let limited = mine.iter().filter(|&&r| matches!(store.method[r], Method::Limited | Method::Direct)).count();
            assert_eq!(p.limited, limited as u64);
            assert_eq!(p.flagged, Some(mine.iter().filter(|&&r| r % 3 == 0).count() as u64));
        }
        let total = Figures::sum(rows.iter().map(|r| &r.figures));
        assert_eq!(total.procurement.unwrap().processes, store.by_year[&year].len() as u64);
        assert_eq!(organisation(&inputs, year, &rows[3].code).as_ref(), Some(&rows[3]), "one alone, the same");
    }
}

#[test]
fn procurement_not_covered_is_no_data_and_covered_without_rows_is_zero() {
    let store = Store::default();
    let orgs = crate::demo::orgs::organisations();
    let cat = catalog(vec![dataset("one", DatasetKind::Procurement, Some(&orgs[0].code), Some(2568))]);
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &[], lpa: &[], ita: &[], published: &[] };
    let rows = organisations(&inputs, 2568);
    assert_eq!(rows[0].figures.procurement.map(|p| p.processes), Some(0));
    assert_eq!(rows[0].figures.procurement.and_then(|p| p.signals_per_100()), None, "no run, no rate");
    assert_eq!(rows[0].figures.procurement.and_then(|p| p.limited_share()), None, "no process, no share");
    assert!(rows[1..].iter().all(|r| r.figures.procurement.is_none()));
    assert_eq!(organisations(&inputs, 2567)[0].figures.procurement, None, "another year is not covered");
    // A province's file covers its organisations, and only them.
    let mut by_province = dataset("p", DatasetKind::Rows, None, Some(2568));
    by_province.province_code = orgs[0].province_code.clone();
    let cat = catalog(vec![by_province]);
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &[], lpa: &[], ita: &[], published: &[] };
    for r in organisations(&inputs, 2568) {
        let o = cat.organisation(&r.code).unwrap();
        assert_eq!(r.figures.procurement.is_some(), o.province_code.is_some() && o.province_code == orgs[0].province_code);
    }
}

#[test]
fn per_capita_over_places_is_the_sum_over_the_sum_not_a_mean_of_ratios() {
    // A village of 10 people with 1,000 baht, a city of 100,000 with 1,000,000 baht, one without a population
    // and one whose source wrote 0 (WeVis's "no figure").
    let cat = with_population(catalog(vec![]), &[(0, Some(10)), (1, Some(100_000)), (2, None), (3, Some(0)), (4, Some(500))]);
    let codes: Vec<&str> = cat.organisations.iter().map(|o| o.code.as_str()).collect();
    let budgets = vec![
        budget(codes[0], 2568, &[600, 400]),
        budget(codes[1], 2568, &[1_000_000]),
        budget(codes[2], 2568, &[5_000]),
        budget(codes[3], 2568, &[7_000]),
    ];
    let store = Store::default();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &budgets, lpa: &[], ita: &[], published: &[] };
    let rows = organisations(&inputs, 2568);
    assert_eq!(rows[0].figures.budget_per_capita.value(), Some(100.0));
    assert_eq!(rows[3].figures.budget_per_capita.value(), None, "0 people is no figure, never a divisor");
    assert_eq!(rows[3].figures.with_population, 0);
    assert_eq!(rows[0].figures.budget_differs, 0, "no declared total, nothing to differ from");
    let group = Figures::sum(rows[..5].iter().map(|r| &r.figures));
    let pc = group.budget_per_capita;
    assert_eq!((pc.people, pc.without), (100_010, 3), "no population (2, 3) and no budget (4) are counted out");
    assert_eq!(pc.amount.satang_i128(), 1_001_000 * 100);
    let expected = 1_001_000.0 / 100_010.0;
    assert!((pc.value().unwrap() - expected).abs() < 1e-9);
    let mean_of_ratios = (100.0 + 10.0) / 2.0;
    assert!((pc.value().unwrap() - mean_of_ratios).abs() > 40.0, "not an average of per-capita values");
    assert_eq!(group.budget.unwrap().satang_i128(), (1_000 + 1_000_000 + 5_000 + 7_000) * 100);
    assert_eq!(group.with_budget, 4);
    assert_eq!(group.with_population, 3);
}

#[test]
fn provinces_sum_their_organisations_and_the_whole_sums_the_provinces() {
    let store = store(120);
    let cat = catalog(vec![dataset("all", DatasetKind::Procurement, None, None)]);
    let budgets: Vec<Budget> =
        cat.organisations.iter().enumerate().map(|(i, o)| budget(&o.code, 2567, &[1_000 * (i as i64 + 1)])).collect();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &budgets, lpa: &[], ita: &[], published: &[] };
    let rows = organisations(&inputs, 2567);
    let provinces = provinces(&rows, &cat.organisations);
    for p in &provinces {
        let mine: Vec<&OrgRow> = rows.iter().filter(|r| r.province == p.province).collect();
        assert_eq!(p.figures.places, mine.len());
        let budget: i128 = mine.iter().map(|r| r.figures.budget.unwrap().satang_i128()).sum();
        assert_eq!(p.figures.budget.unwrap().satang_i128(), budget);
    }
    let whole = Figures::sum(provinces.iter().map(|p| &p.figures));
    assert_eq!(whole, sum_rows(rows.iter()), "the whole is its provinces, each with its อบจ.'s population");
    let n = cat.organisations.len() as i64;
    assert_eq!(whole.budget.unwrap().satang_i128(), i128::from(1_000 * n * (n + 1) / 2 * 100));
}

#[test]
fn with_its_pao_a_provinces_population_is_the_paos_and_per_capita_divides_every_amount_by_it() {
    let store = store(120);
    let cat = catalog(vec![dataset("all", DatasetKind::Procurement, None, None)]);
    let budgets: Vec<Budget> = cat.organisations.iter().map(|o| budget(&o.code, 2567, &[1_000])).collect();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &budgets, lpa: &[], ita: &[], published: &[] };
    let rows = organisations(&inputs, 2567);
    let pao = rows.iter().find(|r| r.province_wide()).expect("the demo has an อบจ.");
    let province: Vec<&OrgRow> = rows.iter().filter(|r| r.province == pao.province).collect();
    assert!(province.len() > 2);
    let f = sum_rows(province.iter().copied());
    let people = pao.figures.population;
    assert_eq!(f.population, people, "the others live inside the อบจ.'s province: not counted twice");
    assert_eq!(f.budget_per_capita.people, people);
    let all: i128 = province.iter().map(|r| r.figures.budget.unwrap().satang_i128()).sum();
    assert_eq!(f.budget_per_capita.amount.satang_i128(), all, "every place's budget, over the province's people");
    let value: i128 = province.iter().filter_map(|r| r.figures.procurement).map(|p| p.value.satang_i128()).sum();
    assert_eq!(f.value_per_capita.amount.satang_i128(), value);
    assert_eq!(provinces(&rows, &cat.organisations).iter().find(|p| p.province == pao.province).unwrap().figures, f);
    // Without the อบจ., the others' own people are summed.
    let others: Vec<&OrgRow> = province.iter().copied().filter(|r| !r.province_wide()).collect();
    let g = sum_rows(others.iter().copied());
    assert_eq!(g.population, others.iter().map(|r| r.figures.population).sum::<u64>());
    // A district's figures never include the อบจ.
    let districts = crate::query::choropleth::by_district(&rows);
    let in_districts: usize = districts.values().map(|f| f.places).sum();
    assert_eq!(in_districts, rows.iter().filter(|r| !r.province_wide() && r.district_code.is_some()).count());
}

#[test]
fn assessments_and_completeness_are_per_year_means() {
    let cat = catalog(vec![dataset("all", DatasetKind::Procurement, None, None)]);
    let codes: Vec<String> = cat.organisations.iter().map(|o| o.code.clone()).collect();
    let lpa = |code: &str, points: f64| Lpa {
        organisation: code.into(),
        year: 2568,
        areas: vec![LpaArea { name: LocalText::both("a", "a"), points, maximum: 100.0 }],
        pass_rule: PassRule::AverageAreaPercent { percent: 60.0 },
        demonstration: true,
    };
    let lpas = vec![lpa(&codes[0], 80.0), lpa(&codes[1], 60.0)];
    let store = Store::default();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &[], lpa: &lpas, ita: &[], published: &[] };
    let rows = organisations(&inputs, 2568);
    assert_eq!(rows[0].figures.lpa.value(), Some(80.0));
    assert!(rows[0].figures.demonstration && !rows[2].figures.demonstration);
    let group = Figures::sum(rows.iter().map(|r| &r.figures));
    assert_eq!((group.lpa.value(), group.lpa.count), (Some(70.0), 2));
    // No process: the datasets alone. Procurement is listed; org 0 has an LPA too.
    assert_eq!(rows[0].completeness.datasets, [true, false, true, false]);
    assert_eq!(rows[0].figures.completeness.value(), Some(50.0));
    assert_eq!(rows[2].figures.completeness.value(), Some(25.0));
    assert_eq!(group.completeness.count, rows.len());
}

#[test]
fn sorting_puts_missing_figures_last_either_way() {
    let cat = with_population(catalog(vec![]), &[(0, Some(10)), (1, None), (2, Some(30)), (3, Some(20))]);
    let store = Store::default();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &[], lpa: &[], ita: &[], published: &[] };
    let mut rows: Vec<OrgRow> = organisations(&inputs, 2568).into_iter().take(4).collect();
    let codes = |rows: &[OrgRow]| rows.iter().map(|r| r.figures.population).collect::<Vec<_>>();
    for descending in [false, true] {
        sort_by(&mut rows, Order { column: Column::Population, descending }, Lang::Th, |r| (&r.figures, &r.name));
        let expected = if descending { vec![30, 20, 10, 0] } else { vec![10, 20, 30, 0] };
        assert_eq!(codes(&rows), expected);
        assert_eq!(rows[3].figures.with_population, 0);
    }
    sort_by(&mut rows, Order { column: Column::Name, descending: false }, Lang::Th, |r| (&r.figures, &r.name));
    let keys: Vec<Vec<u32>> = rows.iter().map(|r| thai_sort_key(&r.name.th)).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(Order::parse("-per-capita"), Some(Order { column: Column::PerCapita, descending: true }));
    assert_eq!(Order::parse("-per-capita").unwrap().code(), "-per-capita");
    assert_eq!(Order::parse("nope"), None);
}

#[test]
fn csv_has_a_row_per_place_and_no_data_as_empty_fields() {
    let cat = with_population(catalog(vec![]), &[(0, Some(10)), (1, None)]);
    let budgets = vec![budget(&cat.organisations[0].code, 2568, &[1_234])];
    let store = Store::default();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &budgets, lpa: &[], ita: &[], published: &[] };
    let rows = organisations(&inputs, 2568);
    let csv = organisations_csv(&rows, Lang::En, Some("note"));
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), rows.len() + 1);
    assert!(lines[0].starts_with("\u{FEFF}dla_code,name,type,province,population,"));
    assert!(lines[0].ends_with(",data_note"));
    let first: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(&first[4..11], ["10", "1", "1234", "1", "0", "", "123.40"]);
    let second: Vec<&str> = lines[2].split(',').collect();
    assert_eq!(&second[4..12], ["", "0", "", "0", "0", "", "", "1"], "no population, no budget: empty, never 0");
    let provinces = provinces(&rows, &cat.organisations);
    let p = provinces_csv(&provinces, Lang::Th, None);
    assert_eq!(p.trim_end().split("\r\n").count(), provinces.len() + 1);
}

#[test]
fn published_figures_give_the_same_rows_as_the_store_they_were_made_from() {
    let store = store(240);
    let cat = catalog(vec![dataset("all", DatasetKind::Procurement, None, None)]);
    let mask: Vec<bool> = (0..store.len()).map(|r| r % 5 == 1).collect();
    for year in crate::demo::YEARS {
        let from_store =
            Inputs { catalog: &cat, store: &store, flagged: Some(&mask), budgets: &[], lpa: &[], ita: &[], published: &[] };
        // Written and read back as publish and the browser do, then used without the store.
        let json = serde_json::to_vec(&PublishedYear::of(&store, year, Some(&mask))).unwrap();
        let published: PublishedYear = serde_json::from_slice(&json).unwrap();
        let empty = Store::default();
        let files = [published];
        let from_file =
            Inputs { catalog: &cat, store: &empty, flagged: None, budgets: &[], lpa: &[], ita: &[], published: &files };
        assert_eq!(organisations(&from_file, year), organisations(&from_store, year), "{year}");
        assert_eq!(years(&from_file), vec![year]);
    }
}

#[test]
fn a_budget_whose_lines_miss_its_declared_total_is_counted() {
    let cat = catalog(vec![]);
    let mut wrong = budget(&cat.organisations[0].code, 2568, &[600, 400]);
    wrong.declared_total = Some(Satang::baht(1_100));
    let mut right = budget(&cat.organisations[1].code, 2568, &[700]);
    right.declared_total = Some(Satang::baht(700));
    let budgets = [wrong, right];
    let store = Store::default();
    let inputs = Inputs { catalog: &cat, store: &store, flagged: None, budgets: &budgets, lpa: &[], ita: &[], published: &[] };
    let rows = organisations(&inputs, 2568);
    assert_eq!((rows[0].figures.budget_differs, rows[1].figures.budget_differs), (1, 0));
    assert_eq!(rows[0].figures.budget.unwrap().satang_i128(), 1_000 * 100, "the sum shown is the lines'");
    assert_eq!(Figures::sum(rows.iter().map(|r| &r.figures)).budget_differs, 1);
}
