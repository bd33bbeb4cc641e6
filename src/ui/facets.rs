//! The procurement facets, as one table. Each entry says which URL parameters it owns and how it reads,
//! prints, clears and counts itself as a filter, and builds its group in the facet list. `ViewState` parsing
//! and printing, "clear filters", the active-filter count and the facet list all go through `FACETS`, so a new
//! facet is one entry here (plus its predicate in `query::filter`). Pure: no Leptos, tested natively.
mod lists;
mod special;

use crate::domain::catalog::Catalog;
use crate::domain::lang::Lang;
use crate::query::filter::{FacetCounts, Filter};
use crate::query::store::Store;
use crate::ui::i18n::{t, Key};
use crate::ui::url_state::ViewState;

/// What building the facet list reads.
pub struct FacetCtx<'a> {
    pub lang: Lang,
    pub state: &'a ViewState,
    pub counts: &'a FacetCounts,
    pub store: &'a Store,
    pub catalog: &'a Catalog,
    /// On one organisation's page: organisation facets are left out.
    pub scoped: bool,
}

/// One value in a facet: how many processes the other filters leave for it, and the view with it toggled.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
    pub to: ViewState,
}

/// A control shown with a facet's list.
#[derive(Debug, Clone, PartialEq)]
pub enum Extra {
    None,
    /// From and to selects over the fiscal years loaded.
    YearRange(Vec<i32>),
    /// A custom amount range.
    AmountRange,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Names the group in the page (`{name}-facet`).
    pub name: &'static str,
    pub title: Key,
    pub items: Vec<Item>,
    pub extra: Extra,
}

pub trait Facet: Sync {
    /// The URL parameters it owns, in the order they are printed.
    fn params(&self) -> &'static [&'static str];
    /// Reads one of its parameters into `filter`; returns the parts of `value` that name nothing.
    fn parse(&self, filter: &mut Filter, param: &str, value: &str) -> Vec<String>;
    fn print(&self, filter: &Filter) -> Vec<(&'static str, String)>;
    fn clear(&self, filter: &mut Filter);
    fn active(&self, filter: &Filter) -> bool;
    /// Drops values the catalog does not know; returns them with their parameter.
    fn resolve(&self, _filter: &mut Filter, _catalog: &Catalog) -> Vec<(&'static str, String)> {
        Vec::new()
    }
    /// Its group in the facet list, or None where it is shown elsewhere (the search box) or not at all.
    fn group(&self, cx: &FacetCtx) -> Option<Group>;
}

/// Every facet, in the order of the URL and of the list.
pub static FACETS: [&dyn Facet; 12] = [
    &special::Search,
    &special::Years,
    &lists::METHODS,
    &lists::STAGES,
    &lists::CATEGORIES,
    &lists::ORG_TYPES,
    &lists::PROVINCES,
    &lists::DISTRICTS,
    &lists::ORGS,
    &special::Amount,
    &special::Winner,
    &special::Flagged,
];

/// Values shown in a long facet before the reader has to search instead.
pub(super) const LONG_LIST: usize = 20;

pub(super) fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|v| !v.is_empty())
}

pub(super) fn not_stated(lang: Lang, label: &str) -> String {
    if label.is_empty() {
        t(lang, Key::NotStated).to_string()
    } else {
        label.to_string()
    }
}

/// The facet list: each facet's group, in table order.
pub fn groups(cx: &FacetCtx) -> Vec<Group> {
    FACETS.iter().filter_map(|f| f.group(cx)).collect()
}

#[cfg(test)]
pub(crate) mod tests;
