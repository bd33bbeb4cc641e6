//! The real default data (data/real-62: กำแพงเพชร's registry entries, population, e-GP rows and อบจ. budget),
//! through the same steps as `make data`: the catalog joins every อปท. that has e-GP rows, every row is
//! accounted for to the satang, and flags, peer groups and the organisation page key on one identity.
use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use locallens::domain::catalog::{Catalog, DatasetKind};
use locallens::domain::codes::Code;
use locallens::domain::money::{Satang, Total};
use locallens::ingest::egp;
use locallens::ingest::registry::{self, Registers, Selection};
use locallens::publish::Publication;
use locallens::query::flags::yearly::ByYear;
use locallens::query::flags::{FlagCode, Group};
use serde_json::Value;

fn real(file: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/real-62").join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn catalog() -> (Catalog, registry::CatalogReport) {
    let entries = registry::dla("localAuthorities.json", &real("localAuthorities.json")).values;
    let population = registry::population("population-2564.csv", &real("population-2564.csv"), 2564).values;
    let (a, b) = (real("th_adm1.geojson"), real("th_adm2-62.geojson"));
    let places = registry::places(&[("th_adm1.geojson", &a), ("th_adm2-62.geojson", &b)]).values;
    let agencies = registry::agencies("agencies.csv", &real("agencies.csv")).values;
    let selection = Selection { provinces: BTreeSet::from(["62".to_string()]), ..Selection::default() };
    registry::catalog(&Registers {
        entries: &entries,
        population: &population,
        places: &places,
        agencies: &agencies,
        selection: &selection,
    })
}

/// The catalog and every published procurement file's lines, as `locallens publish` makes them.
fn published() -> (Catalog, Vec<Value>, egp::Report, locallens::publish::Report) {
    let (catalog, _) = catalog();
    let agencies = registry::agencies("agencies.csv", &real("agencies.csv")).values;
    let capped: HashSet<(String, String)> = agencies.into_iter().filter(|a| a.capped).map(|a| (a.province, a.name)).collect();
    let mut publication = Publication::new(catalog, capped);
    let mut compiler = egp::Compiler::new();
    let rows = real("62.jsonl.gz");
    compiler.add_file("62.jsonl.gz", || rows.as_slice(), &mut |r| publication.add_release(r));
    let lines: Vec<Value> = publication
        .take_pending()
        .into_iter()
        .flat_map(|(_, bytes)| {
            bytes.split(|b| *b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect::<Vec<_>>()
        })
        .collect();
    let (catalog, report) = publication.finish();
    (catalog, lines, compiler.finish(), report)
}

#[test]
fn the_catalog_joins_every_organisation_that_has_e_gp_rows_and_lists_the_rest() {
    let (catalog, report) = catalog();
    assert_eq!(catalog.organisations.len(), 90, "กำแพงเพชร has 90 อปท. in the registry");
    assert!(report.join.without_agency.is_empty(), "every one has e-GP rows in FY2568: {:?}", report.join.without_agency);
    // Every agency of the province is joined or listed with its reason.
    assert_eq!(report.join.joined.len() + report.join.unjoined.len(), report.agencies);
    assert!(
        report.join.unjoined.iter().all(|u| u.why == registry::UnjoinedWhy::NotLocalGovernment),
        "{:?}",
        report.join.unjoined
    );
    // A renamed municipality and a spelling variant are matched and say how.
    let how = |agency: &str| report.join.joined.iter().find(|j| j.agency == agency).map(|j| j.how.clone());
    assert!(matches!(how("เทศบาลเมืองสระแก้ว"), Some(registry::JoinHow::Renamed { .. })));
    assert!(matches!(how("องค์การบริหารส่วนตำบลธำรงค์"), Some(registry::JoinHow::Spelling { .. })));
    // Population keeps its year and method; the missing one is no figure, not 0.
    assert_eq!(report.with_population, 89);
    assert!(catalog
        .organisations
        .iter()
        .filter_map(|o| o.population)
        .all(|p| p.year == 2564 && p.method.is_some() && p.count > 0));
}

#[test]
fn every_row_is_accounted_for_to_the_satang() {
    let (catalog, lines, compiled, published) = published();
    assert_eq!(compiled.rows, compiled.used + compiled.realigned + compiled.rejected);
    assert_eq!(compiled.rows, 15_838);
    // What was written is what the report says was written.
    let mut written = Total::ZERO;
    for release in &lines {
        for c in release["contracts"].as_array().unwrap() {
            written.add(Satang::parse_baht(&c["value"]["amount"].to_string()).unwrap());
        }
    }
    let unplaced: usize = published.unplaced.values().sum();
    assert_eq!(lines.len() + unplaced, compiled.processes, "every process is published or counted as unplaced");
    assert_eq!(published.published, lines.len());
    // The unplaced are the child-care centre that is not an อปท., by its own e-GP name.
    assert_eq!(
        published.unplaced.keys().map(String::as_str).collect::<Vec<_>>(),
        vec!["TH-EGP-AGENCY:กำแพงเพชร:ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลท่าพุทรา"]
    );
    assert!(lines.iter().all(|r| catalog.organisation(r["buyer"]["id"].as_str().unwrap()).is_some()), "buyers are catalog codes");
    // Independently of the reader: Σ of the price column over every row = written (including the unplaced
    // agency's) + repeated + rejected.
    let text = String::from_utf8(locallens::ingest::text::inflate(&real("62.jsonl.gz")).unwrap().into_owned()).unwrap();
    let mut column = Total::ZERO;
    for line in text.lines() {
        let row: serde_json::Map<String, Value> = serde_json::from_str(line).unwrap();
        let price = match &row["ราคาตกลงซื้อ/จ้าง"] {
            Value::String(s) => Satang::parse_baht(s).unwrap(),
            v => Satang::parse_baht(&v.to_string()).unwrap(),
        };
        column.add(price);
    }
    let parse = |s: &str| Satang::parse_baht(s).unwrap();
    let mut accounted = Total::ZERO;
    for part in [&compiled.contract_value, &compiled.repeated_value, &compiled.rejected_value] {
        accounted.add(parse(part));
    }
    assert_eq!(
        accounted, column,
        "written {} + repeated {} + rejected {}",
        compiled.contract_value, compiled.repeated_value, compiled.rejected_value
    );
    assert!(written <= accounted);
    // Incomplete datasets are those of capped agencies, and say so.
    let capped = catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Procurement && d.incomplete.is_some()).count();
    assert_eq!(capped, published.incomplete);
    assert!(capped > 0);
}

#[test]
fn flags_peer_groups_and_the_organisation_page_key_on_the_same_code() {
    let (catalog, lines, _, _) = published();
    let text: Vec<u8> = lines.iter().flat_map(|v| format!("{v}\n").into_bytes()).collect();
    let datasets: Vec<_> = catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Procurement).take(1).cloned().collect();
    // All lines as one dataset: the loader resolves buyers again, whatever file they came in.
    let loaded = locallens::query::load::build::<()>(&catalog, vec![(&datasets[0], Ok(text))]);
    let store = &loaded.store;
    assert_eq!(store.len(), lines.len());
    let peers = locallens::query::peers::peer_groups(&catalog.organisations);
    let by_year = ByYear::run(&Default::default(), store, &peers).unwrap();
    let outcome = &by_year.years[&2568];
    for code in [FlagCode::TH11, FlagCode::TH12] {
        assert!(outcome.evaluated.get(&code).copied().unwrap_or(0) > 0, "{code:?} found its buyers' peer groups");
    }
    let buyers = outcome.results.get(&Group::Buyer).expect("buyer signals on real data");
    assert!(buyers.values().any(|c| c.contains_key(&FlagCode::TH11) || c.contains_key(&FlagCode::TH12)));
    for id in buyers.keys() {
        assert!(catalog.organisation(id).is_some(), "flag buyer {id} is a catalog code");
        // The organisation page selects the rows whose organisation is that code: there are some.
        let code = store.orgs.lookup(id).expect("the store knows the buyer");
        assert!(store.org.contains(&code), "{id} has rows on its page");
    }
}

#[test]
fn the_published_catalog_and_budget_match_their_schemas() {
    let schema = |name: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("public/schema/{name}.schema.json"));
        let s: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        jsonschema::draft202012::new(&s).expect("schema compiles")
    };
    let (catalog, _, _, _) = published();
    let mut publication = Publication::new(catalog, HashSet::new());
    let budget = locallens::ingest::wevis::parse(
        "pao.json",
        &real("2565/pao-กำแพงเพชร.json"),
        locallens::domain::calendar::FiscalYear(2565),
    );
    let (path, bytes) = publication.add_budget(budget.values.unwrap(), None).expect("the อบจ. is in the catalog");
    assert_eq!(path, "budget/2620101-2565.json");
    let (catalog, _) = publication.finish();
    for (name, value) in
        [("catalog", serde_json::to_value(&catalog).unwrap()), ("budget", serde_json::from_slice(&bytes).unwrap())]
    {
        let errors: Vec<String> = schema(name).iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// The three กำแพงเพชร อปท. the compare page's end-to-end test opens (`tests/e2e/compare.spec.mjs`).
const COMPARED: [&str; 3] = ["2620101", "4620102", "4620406"];

/// Counts made here from the published OCDS lines, not through the store: processes, contract value, the
/// specific-method share, the top supplier's share and per-capita figures of the three, over FY 2565–2568. The
/// comparison must give the same, and `tests/fixtures/compare-62.json` (what the end-to-end test reads) must
/// hold them. `LOCALLENS_BLESS=1` rewrites that file from these counts.
#[test]
fn a_comparison_of_three_real_organisations_matches_counts_made_from_the_published_files() {
    use locallens::query::compare::{compare, Measure};
    use locallens::query::overview::Inputs;
    use std::collections::BTreeMap;

    let (catalog, lines, _, _) = published();
    // The budget as publish writes it, read back as the browser reads it.
    let wevis = locallens::ingest::wevis::parse(
        "pao.json",
        &real("2565/pao-กำแพงเพชร.json"),
        locallens::domain::calendar::FiscalYear(2565),
    );
    let (_, bytes) = Publication::new(catalog.clone(), HashSet::new()).add_budget(wevis.values.unwrap(), None).unwrap();
    let budget = locallens::ingest::budget::parse("budget.json", &bytes).values.unwrap();

    // Independent counts.
    let amount = |v: &Value| Satang::parse_baht(&v.to_string()).unwrap();
    let mut expected: BTreeMap<&str, BTreeMap<&str, String>> = BTreeMap::new();
    for code in COMPARED {
        let mine: Vec<&Value> = lines.iter().filter(|r| r["buyer"]["id"] == code).collect();
        let mut value = Total::ZERO;
        let mut by_supplier: BTreeMap<String, Total> = BTreeMap::new();
        for r in &mine {
            let mut v = Total::ZERO;
            for c in r["contracts"].as_array().into_iter().flatten() {
                v.add(amount(&c["value"]["amount"]));
            }
            value.merge(v);
            let ids: BTreeSet<String> = r["awards"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|a| a["suppliers"].as_array().into_iter().flatten())
                .filter_map(|s| s["id"].as_str().map(str::to_string))
                .collect();
            for id in ids {
                by_supplier.entry(id).or_insert(Total::ZERO).merge(v);
            }
        }
        let limited =
            mine.iter().filter(|r| matches!(r["tender"]["procurementMethod"].as_str(), Some("limited" | "direct"))).count();
        let top = by_supplier.values().map(|t| t.to_baht_f64()).fold(0.0, f64::max);
        let people = catalog.organisation(code).unwrap().population.map(|p| p.count as f64);
        let mut row = BTreeMap::new();
        row.insert("processes", mine.len().to_string());
        row.insert("value", format!("{:.2}", value.to_baht_f64()));
        row.insert("limited", format!("{:.1}", limited as f64 * 100.0 / mine.len() as f64));
        row.insert("top-supplier", format!("{:.1}", top * 100.0 / value.to_baht_f64()));
        row.insert("population", people.map(|p| format!("{p:.0}")).unwrap_or_default());
        row.insert("value-per-capita", people.map(|p| format!("{:.2}", value.to_baht_f64() / p)).unwrap_or_default());
        let allocated: f64 = if budget.organisation == code {
            budget.expenditure.iter().map(|l| l.allocated.0 as f64 / 100.0).sum()
        } else {
            f64::NAN
        };
        row.insert("budget", if allocated.is_nan() { String::new() } else { format!("{allocated:.2}") });
        row.insert(
            "budget-per-capita",
            people.filter(|_| !allocated.is_nan()).map(|p| format!("{:.2}", allocated / p)).unwrap_or_default(),
        );
        expected.insert(code, row);
    }

    // The comparison, through the store as the browser builds it.
    let text: Vec<u8> = lines.iter().flat_map(|v| format!("{v}\n").into_bytes()).collect();
    let datasets: Vec<_> = catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Procurement).take(1).cloned().collect();
    let loaded = locallens::query::load::build::<()>(&catalog, vec![(&datasets[0], Ok(text))]);
    let budgets = [budget];
    let inputs =
        Inputs { catalog: &catalog, store: &loaded.store, flagged: None, budgets: &budgets, lpa: &[], ita: &[], published: &[] };
    let codes: Vec<String> = COMPARED.iter().map(|c| c.to_string()).collect();
    let cmp = compare(&inputs, &codes, 2565..=2568);
    for m in &cmp.members {
        let want = &expected[m.code.as_str()];
        for measure in [
            Measure::Processes,
            Measure::Value,
            Measure::Limited,
            Measure::TopSupplier,
            Measure::Population,
            Measure::ValuePerCapita,
            Measure::Budget,
            Measure::BudgetPerCapita,
        ] {
            let got = measure.value(m).map(|v| measure.format(v)).unwrap_or_default();
            assert_eq!(&got, &want[measure.as_str()], "{} {}", m.code, measure.as_str());
        }
    }

    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare-62.json");
    let golden = serde_json::json!({ "codes": COMPARED, "from": 2565, "to": 2568, "values": expected });
    if std::env::var_os("LOCALLENS_BLESS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&golden).unwrap() + "\n").unwrap();
    }
    let written: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(written, golden, "tests/fixtures/compare-62.json is what the e2e test checks the page against");
}
