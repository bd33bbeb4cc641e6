//! ViewState ⇄ query string, field by field, and the defaults and junk it leaves out.
// Amounts in satang are written baht_satang.
#![allow(clippy::inconsistent_digit_grouping)]
use super::*;

#[test]
fn round_trips_every_field() {
    let state = ViewState {
        lang: Lang::En,
        page: Page::Check,
        tab: Tab::Procurement,
        org: Some("เทศบาล 1&2".into()),
        from: Some(2568),
        to: Some(2568),
        process: Some("ocds-x-1".into()),
        supplier: Some("TH-RD-0105564068059".into()),
        q: "ถนน หมู่ ๕".into(),
        methods: vec!["limited".into(), "open".into()],
        only_flagged: true,
        orgs: vec!["6200001".into(), "6200101".into()],
        org_types: vec!["sao".into()],
        provinces: vec!["กำแพงเพชร".into()],
        districts: vec!["เมืองกำแพงเพชร".into()],
        stages: vec!["award".into(), "tender".into()],
        min: Some(Satang(100_000_01)),
        max: Some(Satang::from_baht(500_000)),
        winner: Some("TH-RD-0105564068059".into()),
        sort: Some(Sort { key: crate::query::sort::SortKey::Ratio, descending: false }),
        pg: 3,
        per: 100,
        flag: Some("TH08".into()),
        flag_settings: [
            ("TH08.limit".to_string(), "300000".to_string()),
            ("R003.procurement_methods".to_string(), "open|selective".to_string()),
        ]
        .into(),
    };
    let q = state.to_query();
    assert_eq!(ViewState::from_query(&q), state);
    assert!(q.starts_with("?lang=en&page=check&tab=procurement&org=%E0%B9%80"));
    assert!(q.contains("&year=2568&process=ocds-x-1&supplier=TH-RD-0105564068059&q=%E0%B8%96%E0%B8%99%E0%B8%99%20%E0%B8%AB%E0%B8%A1%E0%B8%B9%E0%B9%88%20%E0%B9%95&method=limited%2Copen&flagged=1&orgs=6200001%2C6200101&type=sao&"), "{q}");
    assert!(q.ends_with("&stage=award%2Ctender&min=100000.01&max=500000&winner=TH-RD-0105564068059&sort=ratio&pg=3&n=100&flag=TH08&fs.R003.procurement_methods=open%7Cselective&fs.TH08.limit=300000"), "{q}");
    // A range of years, and an open-ended one.
    let range = ViewState { from: Some(2566), to: Some(2567), ..ViewState::default() };
    assert_eq!(range.to_query(), "?from=2566&to=2567");
    assert_eq!(ViewState::from_query("?from=2566&to=2567"), range);
    assert_eq!(ViewState::from_query("?to=2567").years(), Some((i32::MIN, 2567)));
    assert_eq!(range.scope_slug(), "all-2566-2567");
    assert_eq!(ViewState::from_query("?org=6200101&year=2567").scope_slug(), "6200101-2567");
    assert_eq!(ViewState::default().scope_slug(), "all-all");
    // The filter the table uses is the state's, field for field.
    let f = state.filter();
    assert_eq!(
        (f.years, f.min_amount, f.supplier.as_deref()),
        (Some((2568, 2568)), Some(Satang(100_000_01)), Some("TH-RD-0105564068059"))
    );
    assert_eq!(f.stages.len(), 2);
    assert!(f.only_flagged && f.orgs.contains("6200101") && f.districts.contains("เมืองกำแพงเพชร"));
}

#[test]
fn defaults_are_left_out_and_junk_ignored() {
    assert_eq!(ViewState::default().to_query(), "?");
    let s = ViewState::from_query("?lang=xx&year=abc&zzz=1&org=&%");
    assert_eq!(s, ViewState::default());
    assert_eq!(ViewState::from_query("year=1999").from, None);
    // Junk in the new parameters is ignored too: unknown stage, negative money, odd sizes, page 0, default order.
    let junk = ViewState::from_query("?stage=done&min=-5&max=abc&n=7&pg=0&sort=-date&sort2=x");
    assert_eq!(junk, ViewState::default());
    assert_eq!(ViewState::from_query("?n=50&pg=1").to_query(), "?");
}

#[test]
fn a_move_to_another_page_changes_the_page_first() {
    let filtered = ViewState { org: Some("6200101".into()), methods: vec!["limited".into()], ..ViewState::default() };
    let home = ViewState::default();
    assert!(!filtered.same_page(&home));
    let step = filtered.on_page_of(&home);
    assert!(step.same_page(&home));
    assert_eq!(step.methods, filtered.methods);
    assert!(ViewState { q: "x".into(), ..home.clone() }.same_page(&home));
}

#[test]
fn facet_toggles_go_back_to_the_first_page() {
    let s = ViewState { pg: 4, methods: vec!["open".into()], ..ViewState::default() };
    let on = s.toggled(|v| &mut v.methods, "limited");
    assert_eq!((on.methods.clone(), on.pg), (vec!["limited".to_string(), "open".to_string()], 0));
    let off = on.toggled(|v| &mut v.methods, "open");
    assert_eq!(off.methods, vec!["limited".to_string()]);
    let cleared = ViewState { org: Some("6200001".into()), q: "x".into(), ..on }.without_filters();
    assert_eq!(cleared, ViewState { org: Some("6200001".into()), ..ViewState::default() });
}
