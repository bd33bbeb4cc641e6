//! ViewState ⇄ query string, field by field, and what it does with values that name nothing.
// Amounts in satang are written baht_satang.
#![allow(clippy::inconsistent_digit_grouping)]
use super::*;
use crate::domain::codes::{Method, Stage};
use crate::domain::money::Satang;
use crate::domain::org::OrgType;
use crate::query::overview::Column;
use crate::query::sort::SortKey;

fn full() -> ViewState {
    let mut filter = Filter {
        text: "ถนน หมู่ ๕".into(),
        from: Some(2568),
        to: Some(2568),
        min: Some(Satang(100_000_01)),
        max: Some(Satang::baht(500_000)),
        supplier: Some("TH-RD-0105564068059".into()),
        only_flagged: true,
        ..Filter::default()
    };
    filter.methods.extend([Method::Limited, Method::Open]);
    filter.stages.extend([Stage::Award, Stage::Tender]);
    filter.org_types.insert(OrgType::Sao);
    filter.orgs.extend(["6200001".to_string(), "6200101".to_string()]);
    filter.provinces.insert("กำแพงเพชร".into());
    filter.districts.insert("เมืองกำแพงเพชร".into());
    ViewState {
        data: DataSource::Demo,
        lang: Lang::En,
        page: Page::Check,
        tab: Tab::Procurement,
        org: Some("เทศบาล 1&2".into()),
        process: Some("ocds-x-1".into()),
        supplier: Some("TH-RD-0105564068059".into()),
        filter,
        sort: Some(Sort { key: SortKey::Ratio, descending: false }),
        pg: 3,
        per: 100,
        flag: Some(FlagCode::TH08),
        budget_year: Some(2567),
        budget_share: true,
        overview_sort: Some(Order { column: Column::PerCapita, descending: true }),
        compare: vec!["6200101".into(), "4620102".into()],
        compare_from: Some(2565),
        compare_to: Some(2568),
        map_measure: Some(MapMeasure::Signals),
        embed: true,
        chart: Some("locallens-compare-limited".into()),
        elsewhere: true,
        flag_settings: [
            ("TH08.limit".to_string(), "300000".to_string()),
            ("R003.procurement_methods".to_string(), "open|selective".to_string()),
        ]
        .into(),
        ignored: Vec::new(),
    }
}

#[test]
fn round_trips_every_field() {
    let state = full();
    let q = state.to_query();
    assert_eq!(ViewState::from_query(&q), state);
    assert!(q.starts_with("?data=demo&lang=en&page=check&tab=procurement&org=%E0%B9%80"), "{q}");
    assert!(q.contains("&process=ocds-x-1&supplier=TH-RD-0105564068059&q=%E0%B8%96%E0%B8%99%E0%B8%99%20%E0%B8%AB%E0%B8%A1%E0%B8%B9%E0%B9%88%20%E0%B9%95&year=2568&method=open%2Climited&stage=tender%2Caward&type=sao&province="), "{q}");
    assert!(q.ends_with("&orgs=6200001%2C6200101&min=100000.01&max=500000&winner=TH-RD-0105564068059&flagged=1&sort=ratio&pg=3&n=100&flag=TH08&byear=2567&bshare=1&osort=-per-capita&compare=6200101%2C4620102&cfrom=2565&cto=2568&map=signals&embed=1&chart=locallens-compare-limited&elsewhere=1&fs.R003.procurement_methods=open%7Cselective&fs.TH08.limit=300000"), "{q}");
    // A range of years, and an open-ended one.
    let range = ViewState { filter: Filter { from: Some(2566), to: Some(2567), ..Filter::default() }, ..ViewState::default() };
    assert_eq!(range.to_query(), "?from=2566&to=2567");
    assert_eq!(ViewState::from_query("?from=2566&to=2567"), range);
    assert_eq!(ViewState::from_query("?to=2567").filter.years(), Some((i32::MIN, 2567)));
    assert_eq!(range.scope_slug(), "all-2566-2567");
    assert_eq!(ViewState::from_query("?org=6200101&year=2567").scope_slug(), "6200101-2567");
    assert_eq!(ViewState::default().scope_slug(), "all-all");
}

#[test]
fn a_comparison_keeps_its_order_counts_a_code_once_and_stops_at_five() {
    let s = ViewState::from_query("?page=compare&compare=c,a,c,,b,d,e,f,g&cfrom=2565&cto=99");
    assert_eq!(s.compare, ["c", "a", "b", "d", "e"]);
    assert_eq!((s.compare_from, s.compare_to), (Some(2565), None));
    assert_eq!(s.ignored.iter().map(|i| i.param.as_str()).collect::<Vec<_>>(), ["cto"]);
    assert_eq!(ViewState::from_query("?embed=2&map=nope").ignored.len(), 2);
    let embedded = ViewState::from_query("?page=compare&compare=a,b&embed=1&chart=x");
    assert_eq!(embedded.live().to_query(), "?page=compare&compare=a%2Cb", "its link restores the full view");
    assert_eq!(embedded.live().embedded(Some("x")), embedded);
}

#[test]
fn a_value_that_names_nothing_is_dropped_and_said() {
    let s = ViewState::from_query(
        "?method=foo,limited&stage=done&type=city&lang=xx&page=nowhere&flag=R999&n=7&min=-5&max=abc&year=1999&zzz=1&org=&%",
    );
    let mut expected = Filter::default();
    expected.methods.insert(Method::Limited);
    assert_eq!(s.filter, expected);
    assert_eq!((s.lang, s.page, s.flag, s.per), (Lang::Th, Page::Explorer, None, 0));
    let said: Vec<(&str, &str)> = s.ignored.iter().map(|i| (i.param.as_str(), i.value.as_str())).collect();
    assert_eq!(
        said,
        vec![
            ("method", "foo"),
            ("stage", "done"),
            ("type", "city"),
            ("lang", "xx"),
            ("page", "nowhere"),
            ("flag", "R999"),
            ("n", "7"),
            ("min", "-5"),
            ("max", "abc"),
            ("year", "1999")
        ]
    );
    // One filter is on (the known method), not two; the notice is not printed back.
    assert_eq!(s.active_filters(), 1);
    assert_eq!(s.to_query(), "?method=limited");
    // A move says nothing again.
    assert!(s.clone().refined().ignored.is_empty());
    // Defaults are left out.
    assert_eq!(ViewState::default().to_query(), "?");
    assert_eq!(ViewState::from_query("?n=50&pg=1&sort=-date").to_query(), "?");
    // A value above the one cap every amount has is not an amount.
    assert_eq!(ViewState::from_query("?min=100000000000000000000").ignored.len(), 1);
}

#[test]
fn names_the_catalog_does_not_know_are_dropped_when_it_loads() {
    let catalog = crate::ui::facets::tests::catalog();
    let s = ViewState::from_query("?province=กำแพงเพชร,ไม่มีจังหวัดนี้&orgs=6200001,0000000").resolved(&catalog);
    assert_eq!(s.filter.provinces.iter().collect::<Vec<_>>(), vec!["กำแพงเพชร"]);
    assert_eq!(s.filter.orgs.iter().collect::<Vec<_>>(), vec!["6200001"]);
    let said: Vec<(&str, &str)> = s.ignored.iter().map(|i| (i.param.as_str(), i.value.as_str())).collect();
    assert_eq!(said, vec![("province", "ไม่มีจังหวัดนี้"), ("orgs", "0000000")]);
}

#[test]
fn clearing_filters_clears_every_facet_and_keeps_the_page() {
    let state = full();
    assert_eq!(state.active_filters(), 11);
    let cleared = state.without_filters();
    assert_eq!(cleared.active_filters(), 0);
    assert_eq!(cleared.filter, Filter::default());
    assert_eq!((cleared.org, cleared.sort, cleared.pg), (state.org.clone(), state.sort, 0));
    let on = ViewState { pg: 4, ..ViewState::default() }.with_filter(|f| {
        f.methods.insert(Method::Open);
    });
    assert_eq!((on.filter.methods.len(), on.pg), (1, 0));
}

#[test]
fn only_an_organisations_own_page_reads_part_of_a_split_catalog_and_a_whole_one_stays_whole() {
    let at = |q: &str| ViewState::from_query(q).catalog_need();
    let org = |code: &str| CatalogNeed::Org(code.into());
    assert_eq!(at("?org=4620102&byear=2565"), org("4620102"));
    assert_eq!(at("?org=4620102&process=ocds-1"), org("4620102"), "a process of the organisation's, from its table");
    for wider in ["", "?tab=overview", "?process=ocds-1", "?org=4620102&supplier=s1", "?page=compare&org=4620102"] {
        assert_eq!(at(wider), CatalogNeed::Whole, "{wider}");
    }
    assert_eq!(org("4620102").then(org("4620406")), org("4620102"), "the same province: nothing new to read");
    assert_eq!(org("4620102").then(org("5810401")), org("5810401"));
    assert_eq!(org("4620102").then(CatalogNeed::Whole), CatalogNeed::Whole);
    assert_eq!(CatalogNeed::Whole.then(org("4620102")), CatalogNeed::Whole);
    assert_eq!(crate::domain::org::province_of_code("3100001"), Some("10"));
    assert_eq!(crate::domain::org::province_of_code("x"), None);
}
