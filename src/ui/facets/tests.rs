//! The facet list as a view-model: what each group offers, counts from the query layer, links that toggle.
use super::*;
use crate::domain::catalog::{Catalog, Publisher};
use crate::domain::codes::{Code, Stage};
use crate::domain::org::LocalText;
use crate::query::filter::apply;

pub(crate) fn catalog() -> Catalog {
    Catalog {
        catalog_version: "1.0".into(),
        publisher: Publisher {
            name: LocalText::th("ทดสอบ"), website: None, complaints: Vec::new(), participation: None
        },
        organisations: crate::demo::orgs::organisations(),
        datasets: Vec::new(),
        demonstration: true,
        notice: None,
        parts: Vec::new(),
    }
}

fn groups_for(state: &ViewState, scoped: bool) -> Vec<Group> {
    let store = crate::query::test_data::store(600);
    let catalog = catalog();
    let (_, counts) = apply(&store, &state.filter, None, None);
    groups(&FacetCtx { lang: Lang::Th, state, counts: &counts, store: &store, catalog: &catalog, scoped })
}

fn group<'a>(groups: &'a [Group], name: &str) -> &'a Group {
    groups.iter().find(|g| g.name == name).unwrap_or_else(|| panic!("no {name} group"))
}

#[test]
fn every_facet_with_a_list_has_a_group_and_organisation_facets_leave_an_organisations_page() {
    let all = groups_for(&ViewState::default(), false);
    let names: Vec<&str> = all.iter().map(|g| g.name).collect();
    // Search is the box above the list; every other facet is listed, once, in the table's order.
    assert_eq!(all.len(), FACETS.len() - 1, "{names:?}");
    for name in ["year", "method", "stage", "type", "province", "district", "org", "amount", "supplier", "flagged"] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    let scoped: Vec<&str> = groups_for(&ViewState::default(), true).iter().map(|g| g.name).collect();
    let organisational = ["type", "province", "district", "org"];
    let expected: Vec<&str> = names.iter().copied().filter(|n| !organisational.contains(n)).collect();
    assert_eq!(scoped, expected);
}

#[test]
fn items_count_label_and_toggle() {
    let state = ViewState::from_query("?method=limited&pg=3");
    let all = groups_for(&state, false);
    let methods = group(&all, "method");
    let limited = methods.items.iter().find(|i| i.value == "limited").unwrap();
    assert!(limited.selected && limited.count > 0);
    assert_eq!(limited.label, "เฉพาะเจาะจง");
    // Its link turns it off and goes back to the first page.
    assert_eq!(limited.to.to_query(), "?");
    let open = methods.items.iter().find(|i| i.value == "open").unwrap();
    assert!(!open.selected);
    assert_eq!(open.to.to_query(), "?method=open%2Climited");
    // Stages are in the order a process goes through them.
    let stages: Vec<&str> = group(&all, "stage").items.iter().map(|i| i.value.as_str()).collect();
    let mut ordered = stages.clone();
    ordered.sort_by_key(|v| Stage::from_code(v));
    assert_eq!(stages, ordered);
    // Types are named, never shown as codes.
    assert!(group(&all, "type").items.iter().all(|i| !i.label.contains('_')));
}

#[test]
fn a_chosen_value_with_no_rows_is_still_listed_so_it_can_be_turned_off() {
    let state = ViewState::from_query("?method=direct");
    let all = groups_for(&state, false);
    let direct = group(&all, "method").items.iter().find(|i| i.value == "direct").unwrap();
    assert_eq!((direct.count, direct.selected), (0, true));
}
