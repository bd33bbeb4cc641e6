//! List facets: over a closed set of codes (methods, stages, organisation types), and over names the catalog
//! knows (provinces, districts, organisations).
use std::collections::{BTreeMap, BTreeSet};

use super::{list, not_stated, Extra, Facet, FacetCtx, Group, Item, LONG_LIST};
use crate::domain::catalog::Catalog;
use crate::domain::codes::{Category, Code, Method, Stage};
use crate::domain::lang::Lang;
use crate::domain::org::OrgType;
use crate::domain::text::thai_sort_key;
use crate::query::filter::{Dim, Filter};
use crate::ui::i18n::Key;
use crate::ui::url_state::ViewState;

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

pub(super) static METHODS: Coded<Method> = Coded {
    param: &["method"],
    name: "method",
    title: Key::Method,
    dim: Dim::Method,
    get: |f| &f.methods,
    get_mut: |f| &mut f.methods,
    scoped: true,
};

pub(super) static STAGES: Coded<Stage> = Coded {
    param: &["stage"],
    name: "stage",
    title: Key::Stage,
    dim: Dim::Stage,
    get: |f| &f.stages,
    get_mut: |f| &mut f.stages,
    scoped: true,
};

pub(super) static CATEGORIES: Coded<Category> = Coded {
    param: &["category"],
    name: "category",
    title: Key::Category,
    dim: Dim::Category,
    get: |f| &f.categories,
    get_mut: |f| &mut f.categories,
    scoped: true,
};

pub(super) static ORG_TYPES: Coded<OrgType> = Coded {
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

pub(super) static PROVINCES: Named = Named {
    param: &["province"],
    name: "province",
    title: Key::Province,
    dim: Dim::Province,
    get: |f| &f.provinces,
    get_mut: |f| &mut f.provinces,
    known: |c, v| c.organisations.iter().any(|o| o.province.th == v),
    label: |c, l, v| c.organisations.iter().find(|o| o.province.th == v).map_or(v.to_string(), |o| o.province.get(l).to_string()),
};

pub(super) static DISTRICTS: Named = Named {
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

pub(super) static ORGS: Named = Named {
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
