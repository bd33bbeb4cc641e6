//! The procurement facets, as one table. Each entry says which URL parameters it owns and how it reads,
//! prints, clears and counts itself as a filter, and builds its group in the facet list. `ViewState` parsing
//! and printing, "clear filters", the active-filter count and the facet list all go through `FACETS`, so a new
//! facet is one entry here (plus its predicate in `query::filter`). Pure: no Leptos, tested natively.
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::catalog::Catalog;
use crate::domain::codes::{Code, Method, Stage};
use crate::domain::lang::Lang;
use crate::domain::money::{group_thousands, Satang};
use crate::domain::org::OrgType;
use crate::domain::text::thai_sort_key;
use crate::query::filter::{Dim, FacetCounts, Filter, AMOUNT_BANDS};
use crate::query::store::Store;
use crate::ui::format;
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
pub static FACETS: [&dyn Facet; 11] =
    [&Search, &Years, &METHODS, &STAGES, &ORG_TYPES, &PROVINCES, &DISTRICTS, &ORGS, &Amount, &Winner, &Flagged];

/// Values shown in a long facet before the reader has to search instead.
const LONG_LIST: usize = 20;

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|v| !v.is_empty())
}

fn not_stated(lang: Lang, label: &str) -> String {
    if label.is_empty() {
        t(lang, Key::NotStated).to_string()
    } else {
        label.to_string()
    }
}

/// A facet over a closed set of codes (methods, stages, organisation types).
pub struct Coded<T: Code> {
    pub param: &'static [&'static str],
    pub name: &'static str,
    pub title: Key,
    pub dim: Dim,
    pub get: fn(&Filter) -> &BTreeSet<T>,
    pub get_mut: fn(&mut Filter) -> &mut BTreeSet<T>,
    /// Shown on an organisation's own page.
    pub scoped: bool,
}

static METHODS: Coded<Method> = Coded {
    param: &["method"],
    name: "method",
    title: Key::Method,
    dim: Dim::Method,
    get: |f| &f.methods,
    get_mut: |f| &mut f.methods,
    scoped: true,
};

static STAGES: Coded<Stage> = Coded {
    param: &["stage"],
    name: "stage",
    title: Key::Stage,
    dim: Dim::Stage,
    get: |f| &f.stages,
    get_mut: |f| &mut f.stages,
    scoped: true,
};

static ORG_TYPES: Coded<OrgType> = Coded {
    param: &["type"],
    name: "type",
    title: Key::OrgType,
    dim: Dim::OrgType,
    get: |f| &f.org_types,
    get_mut: |f| &mut f.org_types,
    scoped: false,
};

impl<T: Code> Facet for Coded<T> {
    fn params(&self) -> &'static [&'static str] {
        self.param
    }

    fn parse(&self, filter: &mut Filter, _param: &str, value: &str) -> Vec<String> {
        let mut rejected = Vec::new();
        for code in list(value) {
            match T::from_code(code) {
                Some(v) => {
                    (self.get_mut)(filter).insert(v);
                }
                None => rejected.push(code.to_string()),
            }
        }
        rejected
    }

    fn print(&self, filter: &Filter) -> Vec<(&'static str, String)> {
        let set = (self.get)(filter);
        if set.is_empty() {
            return Vec::new();
        }
        vec![(self.param[0], set.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(","))]
    }

    fn clear(&self, filter: &mut Filter) {
        (self.get_mut)(filter).clear();
    }

    fn active(&self, filter: &Filter) -> bool {
        !(self.get)(filter).is_empty()
    }

    fn group(&self, cx: &FacetCtx) -> Option<Group> {
        if cx.scoped && !self.scoped {
            return None;
        }
        let counts = cx.counts.coded::<T>(self.dim);
        let chosen = (self.get)(&cx.state.filter);
        let items = T::ALL
            .iter()
            .filter(|v| counts.contains_key(v) || chosen.contains(v))
            .map(|&v| Item {
                value: v.as_str().to_string(),
                label: v.label().get(cx.lang).to_string(),
                count: counts.get(&v).copied().unwrap_or(0),
                selected: chosen.contains(&v),
                to: cx.state.with_filter(|f| toggle((self.get_mut)(f), v)),
            })
            .collect();
        Some(Group { name: self.name, title: self.title, items, extra: Extra::None })
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

/// A facet over names from the catalog (provinces, districts, organisations).
pub struct Named {
    pub param: &'static [&'static str],
    pub name: &'static str,
    pub title: Key,
    pub dim: Dim,
    pub get: fn(&Filter) -> &BTreeSet<String>,
    pub get_mut: fn(&mut Filter) -> &mut BTreeSet<String>,
    /// Whether the catalog knows a value.
    pub known: fn(&Catalog, &str) -> bool,
    /// A value's name for readers.
    pub label: fn(&Catalog, Lang, &str) -> String,
}

static PROVINCES: Named = Named {
    param: &["province"],
    name: "province",
    title: Key::Province,
    dim: Dim::Province,
    get: |f| &f.provinces,
    get_mut: |f| &mut f.provinces,
    known: |c, v| c.organisations.iter().any(|o| o.province.th == v),
    label: |c, l, v| c.organisations.iter().find(|o| o.province.th == v).map_or(v.to_string(), |o| o.province.get(l).to_string()),
};

static DISTRICTS: Named = Named {
    param: &["district"],
    name: "district",
    title: Key::District,
    dim: Dim::District,
    get: |f| &f.districts,
    get_mut: |f| &mut f.districts,
    known: |c, v| c.organisations.iter().any(|o| o.district.as_ref().is_some_and(|d| d.th == v)),
    label: |c, l, v| {
        let district = c.organisations.iter().filter_map(|o| o.district.as_ref()).find(|d| d.th == v);
        district.map_or(v.to_string(), |d| d.get(l).to_string())
    },
};

static ORGS: Named = Named {
    param: &["orgs"],
    name: "org",
    title: Key::Buyer,
    dim: Dim::Org,
    get: |f| &f.orgs,
    get_mut: |f| &mut f.orgs,
    known: |c, v| c.organisation(v).is_some(),
    label: |c, l, v| c.organisation(v).map_or(v.to_string(), |o| o.name.get(l).to_string()),
};

impl Facet for Named {
    fn params(&self) -> &'static [&'static str] {
        self.param
    }

    fn parse(&self, filter: &mut Filter, _param: &str, value: &str) -> Vec<String> {
        (self.get_mut)(filter).extend(list(value).map(str::to_string));
        Vec::new()
    }

    fn print(&self, filter: &Filter) -> Vec<(&'static str, String)> {
        let set = (self.get)(filter);
        if set.is_empty() {
            return Vec::new();
        }
        vec![(self.param[0], set.iter().cloned().collect::<Vec<_>>().join(","))]
    }

    fn clear(&self, filter: &mut Filter) {
        (self.get_mut)(filter).clear();
    }

    fn active(&self, filter: &Filter) -> bool {
        !(self.get)(filter).is_empty()
    }

    fn resolve(&self, filter: &mut Filter, catalog: &Catalog) -> Vec<(&'static str, String)> {
        let set = (self.get_mut)(filter);
        let unknown: Vec<String> = set.iter().filter(|v| !(self.known)(catalog, v)).cloned().collect();
        for v in &unknown {
            set.remove(v);
        }
        unknown.into_iter().map(|v| (self.param[0], v)).collect()
    }

    fn group(&self, cx: &FacetCtx) -> Option<Group> {
        if cx.scoped {
            return None;
        }
        let counts = cx.counts.named(self.dim, cx.store);
        let chosen = (self.get)(&cx.state.filter);
        let items = long_list(
            &counts,
            chosen,
            |v| not_stated(cx.lang, &(self.label)(cx.catalog, cx.lang, v)),
            |v| cx.state.with_filter(|f| toggle((self.get_mut)(f), v.to_string())),
        );
        Some(Group { name: self.name, title: self.title, items, extra: Extra::None })
    }
}

/// Items for a list that may be long: its largest values and whatever is chosen, largest first; a short list
/// in Thai dictionary order. Only the values kept are labelled: a country has thousands of organisations.
fn long_list(
    counts: &BTreeMap<String, usize>,
    chosen: &BTreeSet<String>,
    label: impl Fn(&str) -> String,
    to: impl Fn(&str) -> ViewState,
) -> Vec<Item> {
    let mut values: Vec<(&str, usize)> = counts.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    values.extend(chosen.iter().filter(|c| !counts.contains_key(*c)).map(|c| (c.as_str(), 0)));
    let long = values.len() > LONG_LIST;
    if long {
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let tail: Vec<(&str, usize)> = values.iter().skip(LONG_LIST).filter(|(v, _)| chosen.contains(*v)).copied().collect();
        values.truncate(LONG_LIST);
        values.extend(tail);
    }
    let mut items: Vec<(Vec<u32>, Item)> = values
        .into_iter()
        .map(|(value, count)| {
            let label = label(value);
            let item = Item { selected: chosen.contains(value), to: to(value), label, value: value.to_string(), count };
            (thai_sort_key(&item.label), item)
        })
        .collect();
    if long {
        items.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
    } else {
        items.sort_by(|a, b| a.0.cmp(&b.0));
    }
    items.into_iter().map(|(_, i)| i).collect()
}

/// The search box (`q`): words that must each appear somewhere in a process.
struct Search;

impl Facet for Search {
    fn params(&self) -> &'static [&'static str] {
        &["q"]
    }

    fn parse(&self, filter: &mut Filter, _param: &str, value: &str) -> Vec<String> {
        filter.text = value.to_string();
        Vec::new()
    }

    fn print(&self, filter: &Filter) -> Vec<(&'static str, String)> {
        if filter.text.is_empty() {
            Vec::new()
        } else {
            vec![("q", filter.text.clone())]
        }
    }

    fn clear(&self, filter: &mut Filter) {
        filter.text.clear();
    }

    fn active(&self, filter: &Filter) -> bool {
        !filter.text.trim().is_empty()
    }

    fn group(&self, _cx: &FacetCtx) -> Option<Group> {
        None
    }
}

/// Fiscal years: one (`year`) or a range (`from`, `to`).
struct Years;

fn fiscal_year(value: &str) -> Option<i32> {
    value.parse().ok().filter(|y| (2400..3000).contains(y))
}

impl Facet for Years {
    fn params(&self) -> &'static [&'static str] {
        &["year", "from", "to"]
    }

    fn parse(&self, filter: &mut Filter, param: &str, value: &str) -> Vec<String> {
        let Some(y) = fiscal_year(value) else {
            return vec![value.to_string()];
        };
        match param {
            "from" => filter.from = Some(y),
            "to" => filter.to = Some(y),
            _ => (filter.from, filter.to) = (Some(y), Some(y)),
        }
        Vec::new()
    }

    fn print(&self, filter: &Filter) -> Vec<(&'static str, String)> {
        match (filter.from, filter.to) {
            (Some(a), Some(b)) if a == b => vec![("year", a.to_string())],
            (from, to) => {
                let mut out = Vec::new();
                out.extend(from.map(|a| ("from", a.to_string())));
                out.extend(to.map(|b| ("to", b.to_string())));
                out
            }
        }
    }

    fn clear(&self, filter: &mut Filter) {
        (filter.from, filter.to) = (None, None);
    }

    fn active(&self, filter: &Filter) -> bool {
        filter.years().is_some()
    }

    fn group(&self, cx: &FacetCtx) -> Option<Group> {
        let s = cx.state;
        let range = s.filter.years();
        let items = cx
            .counts
            .years
            .iter()
            .map(|(&y, &n)| {
                let only = s.filter.from == Some(y) && s.filter.to == Some(y);
                Item {
                    value: y.to_string(),
                    label: if y == 0 { t(cx.lang, Key::NotStated).to_string() } else { format::fiscal_year(cx.lang, y) },
                    count: n,
                    selected: only || range.is_some_and(|(a, b)| (a..=b).contains(&y)),
                    to: s.with_filter(|f| (f.from, f.to) = if only { (None, None) } else { (Some(y), Some(y)) }),
                }
            })
            .collect();
        let years = cx.store.by_year.keys().copied().filter(|y| *y != 0).collect();
        Some(Group { name: "year", title: Key::FiscalYear, items, extra: Extra::YearRange(years) })
    }
}

/// Contract value (or else ราคากลาง), by bands at the legal thresholds or a custom range (`min`, `max`).
struct Amount;

fn band_label(min: Option<Satang>, max: Option<Satang>) -> String {
    let baht = |s: Satang| group_thousands(s.whole_baht().unsigned_abs());
    match (min, max) {
        (None, Some(max)) => format!("≤ {}", baht(max)),
        (Some(min), Some(max)) => format!("{}–{}", baht(Satang(min.0 - 1)), baht(max)),
        (Some(min), None) => format!("> {}", baht(Satang(min.0 - 1))),
        (None, None) => String::new(),
    }
}

impl Facet for Amount {
    fn params(&self) -> &'static [&'static str] {
        &["min", "max"]
    }

    fn parse(&self, filter: &mut Filter, param: &str, value: &str) -> Vec<String> {
        // The same one cap as every other amount; a negative bound filters nothing sensible.
        let Some(amount) = Satang::parse_baht(value).ok().filter(|s| s.0 >= 0) else {
            return vec![value.to_string()];
        };
        match param {
            "min" => filter.min = Some(amount),
            _ => filter.max = Some(amount),
        }
        Vec::new()
    }

    fn print(&self, filter: &Filter) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        out.extend(filter.min.map(|a| ("min", a.to_decimal_string())));
        out.extend(filter.max.map(|a| ("max", a.to_decimal_string())));
        out
    }

    fn clear(&self, filter: &mut Filter) {
        (filter.min, filter.max) = (None, None);
    }

    fn active(&self, filter: &Filter) -> bool {
        filter.min.is_some() || filter.max.is_some()
    }

    fn group(&self, cx: &FacetCtx) -> Option<Group> {
        let f = &cx.state.filter;
        let items = AMOUNT_BANDS
            .iter()
            .enumerate()
            .map(|(i, &(min, max))| {
                let selected = f.min == min && f.max == max;
                let (min, max) = if selected { (None, None) } else { (min, max) };
                Item {
                    value: i.to_string(),
                    label: band_label(AMOUNT_BANDS[i].0, AMOUNT_BANDS[i].1),
                    count: cx.counts.amount_bands[i],
                    selected,
                    to: cx.state.with_filter(|f| (f.min, f.max) = (min, max)),
                }
            })
            .collect();
        Some(Group { name: "amount", title: Key::Amount, items, extra: Extra::AmountRange })
    }
}

/// One supplier's wins (`winner`, a party id).
struct Winner;

impl Facet for Winner {
    fn params(&self) -> &'static [&'static str] {
        &["winner"]
    }

    fn parse(&self, filter: &mut Filter, _param: &str, value: &str) -> Vec<String> {
        filter.supplier = Some(value.to_string()).filter(|v| !v.is_empty());
        Vec::new()
    }

    fn print(&self, filter: &Filter) -> Vec<(&'static str, String)> {
        filter.supplier.iter().map(|s| ("winner", s.clone())).collect()
    }

    fn clear(&self, filter: &mut Filter) {
        filter.supplier = None;
    }

    fn active(&self, filter: &Filter) -> bool {
        filter.supplier.is_some()
    }

    fn group(&self, cx: &FacetCtx) -> Option<Group> {
        let store = cx.store;
        let chosen = cx.state.filter.supplier.clone();
        let mut top: Vec<(u32, usize)> = cx.counts.suppliers.iter().map(|(c, n)| (*c, *n)).collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(10);
        let mut ids: Vec<(String, usize)> = top.into_iter().map(|(c, n)| (store.suppliers.get(c).to_string(), n)).collect();
        if let Some(id) = &chosen {
            if !ids.iter().any(|(i, _)| i == id) {
                let n = store.suppliers.lookup(id).and_then(|c| cx.counts.suppliers.get(&c).copied()).unwrap_or(0);
                ids.push((id.clone(), n));
            }
        }
        let items = ids
            .into_iter()
            .map(|(id, count)| {
                let selected = chosen.as_deref() == Some(id.as_str());
                let next = (!selected).then(|| id.clone());
                Item {
                    label: store.suppliers.lookup(&id).and_then(|c| store.supplier_name(c)).unwrap_or(&id).to_string(),
                    count,
                    selected,
                    to: cx.state.with_filter(|f| f.supplier = next),
                    value: id,
                }
            })
            .collect();
        Some(Group { name: "supplier", title: Key::Supplier, items, extra: Extra::None })
    }
}

/// Only processes with a risk signal (`flagged=1`).
struct Flagged;

impl Facet for Flagged {
    fn params(&self) -> &'static [&'static str] {
        &["flagged"]
    }

    fn parse(&self, filter: &mut Filter, _param: &str, value: &str) -> Vec<String> {
        match value {
            "1" => filter.only_flagged = true,
            "0" | "" => filter.only_flagged = false,
            other => return vec![other.to_string()],
        }
        Vec::new()
    }

    fn print(&self, filter: &Filter) -> Vec<(&'static str, String)> {
        if filter.only_flagged {
            vec![("flagged", "1".to_string())]
        } else {
            Vec::new()
        }
    }

    fn clear(&self, filter: &mut Filter) {
        filter.only_flagged = false;
    }

    fn active(&self, filter: &Filter) -> bool {
        filter.only_flagged
    }

    fn group(&self, cx: &FacetCtx) -> Option<Group> {
        let on = cx.state.filter.only_flagged;
        let item = Item {
            value: "1".into(),
            label: t(cx.lang, Key::OnlyFlagged).to_string(),
            count: cx.counts.flagged,
            selected: on,
            to: cx.state.with_filter(|f| f.only_flagged = !on),
        };
        Some(Group { name: "flagged", title: Key::RiskSignals, items: vec![item], extra: Extra::None })
    }
}

/// The facet list: each facet's group, in table order.
pub fn groups(cx: &FacetCtx) -> Vec<Group> {
    FACETS.iter().filter_map(|f| f.group(cx)).collect()
}

#[cfg(test)]
pub(crate) mod tests;
