//! The facets that are not one list of codes: the search words, fiscal years, amounts, the supplier and
//! "has a risk signal".
use super::{Extra, Facet, FacetCtx, Group, Item};
use crate::domain::money::{group_thousands, Satang};
use crate::query::filter::{Filter, AMOUNT_BANDS};
use crate::ui::format;
use crate::ui::i18n::{t, Key};

/// The search box (`q`): words that must each appear somewhere in a process.
pub(super) struct Search;

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
pub(super) struct Years;

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
pub(super) struct Amount;

fn band_label(min: Option<Satang>, max: Option<Satang>) -> String {
    let baht = |s: Satang| group_thousands(s.whole_baht().unsigned_abs());
    // A band starts one satang above the previous band's end (100,000.01): it is named by that end.
    let below = |s: Satang| baht(s.checked_sub(Satang(1)).unwrap_or(s));
    match (min, max) {
        (None, Some(max)) => format!("≤ {}", baht(max)),
        (Some(min), Some(max)) => format!("{}–{}", below(min), baht(max)),
        (Some(min), None) => format!("> {}", below(min)),
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
pub(super) struct Winner;

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
        let mut ids: Vec<(String, usize)> =
            cx.counts.suppliers.iter().map(|&(c, n)| (store.suppliers.get(c).to_string(), n)).collect();
        // The chosen supplier stays offered (to be cleared) when no process left by the other filters names it.
        if let Some(id) = &chosen {
            if !ids.iter().any(|(i, _)| i == id) {
                ids.push((id.clone(), 0));
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
pub(super) struct Flagged;

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
