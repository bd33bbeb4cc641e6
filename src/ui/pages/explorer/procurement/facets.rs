//! The facets: each lists its values with how many processes the other filters leave for each, and links
//! to the view with that value toggled. Long lists show their largest values and whatever is chosen.
use leptos::prelude::*;

use crate::domain::issue::Lang;
use crate::domain::money::Satang;
use crate::domain::ocds::Stage;
use crate::domain::org::OrgType;
use crate::domain::text::thai_sort_key;
use crate::query::filter::AMOUNT_BANDS;
use crate::query::store::Method;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::procurement::Selection;
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::{stage_code, ViewState};

/// Values shown in a long facet before the reader has to search instead.
const LONG_LIST: usize = 20;

struct Item {
    value: String,
    label: String,
    count: usize,
    selected: bool,
    to: ViewState,
}

fn facet(lang: Lang, title: Key, name: &'static str, items: Vec<Item>) -> impl IntoView {
    let list = items
        .into_iter()
        .map(|i| {
            view! {
                <li class:selected=i.selected data-value=i.value>
                    <ViewLink to=Signal::stored(i.to)>
                        <span class="label">{i.label}</span> " " <span class="count">{format::count(i.count as u64)}</span>
                    </ViewLink>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="facet-group" open>
            <summary>{t(lang, title)}</summary>
            <ul class="facet" data-testid=format!("{name}-facet")>{list}</ul>
        </details>
    }
}

/// Items for a list facet: every counted value plus chosen values with no count. A long list (`top`) keeps its
/// largest values and whatever is chosen, largest first; otherwise values are in Thai dictionary order. Only the
/// values kept are labelled and linked: a country has thousands of suppliers and organisations, and this runs on
/// every filter change.
fn list_items(
    counts: &std::collections::BTreeMap<String, usize>,
    chosen: &[String],
    top: Option<usize>,
    label: impl Fn(&str) -> String,
    toggle: impl Fn(&str) -> ViewState,
) -> Vec<Item> {
    let mut values: Vec<(&str, usize)> = counts.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    values.extend(chosen.iter().filter(|c| !counts.contains_key(*c)).map(|c| (c.as_str(), 0)));
    if let Some(n) = top {
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let tail: Vec<(&str, usize)> = values.iter().skip(n).filter(|(v, _)| chosen.iter().any(|c| c == v)).copied().collect();
        values.truncate(n);
        values.extend(tail);
    }
    let mut items: Vec<(Vec<u32>, Item)> = values
        .into_iter()
        .map(|(value, count)| {
            let label = label(value);
            let selected = chosen.iter().any(|c| c == value);
            (thai_sort_key(&label), Item { selected, to: toggle(value), label, value: value.to_string(), count })
        })
        .collect();
    match top {
        Some(_) => items.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0))),
        None => items.sort_by(|a, b| a.0.cmp(&b.0)),
    }
    items.into_iter().map(|(_, i)| i).collect()
}

#[component]
pub fn Facets(selection: Selection) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let Selection { data, counts, scoped, .. } = selection;
    let years: Vec<i32> = data.with_value(|d| d.store.by_year.keys().copied().filter(|y| *y != 0).collect());
    let body = move || {
        let l = lang.get();
        let s = view.get();
        let c = counts.get();
        let unknown = t(l, Key::NotStated).to_string();
        let or_unknown = |v: &str| if v.is_empty() { unknown.clone() } else { v.to_string() };
        let mut groups = Vec::new();

        let year_items: Vec<Item> = c
            .years
            .iter()
            .map(|(&y, &n)| {
                let selected = s.from == Some(y) && s.to == Some(y);
                let (from, to) = if selected { (None, None) } else { (Some(y), Some(y)) };
                Item {
                    value: y.to_string(),
                    label: if y == 0 { unknown.clone() } else { format::fiscal_year(l, y) },
                    count: n,
                    selected: selected || s.years().is_some_and(|(a, b)| (a..=b).contains(&y)),
                    to: ViewState { from, to, ..s.clone() }.refined(),
                }
            })
            .collect();
        groups.push(facet(l, Key::FiscalYear, "year", year_items).into_any());
        groups.push(year_range(l, &years, &s).into_any());

        if !scoped {
            let types = list_items(
                &c.org_types,
                &s.org_types,
                None,
                |v| OrgType::from_code(v).map_or_else(|| or_unknown(v), |o| o.label(l).to_string()),
                |v| s.toggled(|x| &mut x.org_types, v),
            );
            groups.push(facet(l, Key::OrgType, "type", types).into_any());
            let provinces =
                list_items(&c.provinces, &s.provinces, Some(LONG_LIST), or_unknown, |v| s.toggled(|x| &mut x.provinces, v));
            groups.push(facet(l, Key::Province, "province", provinces).into_any());
            let districts =
                list_items(&c.districts, &s.districts, Some(LONG_LIST), or_unknown, |v| s.toggled(|x| &mut x.districts, v));
            groups.push(facet(l, Key::District, "district", districts).into_any());
            let orgs = list_items(
                &c.orgs,
                &s.orgs,
                Some(LONG_LIST),
                |code| catalog.organisation(code).map_or_else(|| code.to_string(), |o| o.name.get(l).to_string()),
                |v| s.toggled(|x| &mut x.orgs, v),
            );
            groups.push(facet(l, Key::Buyer, "org", orgs).into_any());
        }

        let methods: std::collections::BTreeMap<String, usize> =
            c.methods.iter().map(|(m, n)| (m.as_str().to_string(), *n)).collect();
        let method_items = list_items(
            &methods,
            &s.methods,
            None,
            |v| Method::from_code(v).map_or_else(|| v.to_string(), |m| format::method(l, m).to_string()),
            |v| s.toggled(|x| &mut x.methods, v),
        );
        groups.push(facet(l, Key::Method, "method", method_items).into_any());

        let stages: std::collections::BTreeMap<String, usize> =
            c.stages.iter().map(|(st, n)| (stage_code(*st).to_string(), *n)).collect();
        let mut stage_items = list_items(&stages, &s.stages, None, |v| stage_label(l, v), |v| s.toggled(|x| &mut x.stages, v));
        stage_items.sort_by_key(|i| crate::ui::url_state::stage_from_code(&i.value));
        groups.push(facet(l, Key::Stage, "stage", stage_items).into_any());

        let band_items: Vec<Item> = AMOUNT_BANDS
            .iter()
            .enumerate()
            .map(|(i, (min, max))| {
                let selected = s.min == *min && s.max == *max;
                let to = if selected {
                    ViewState { min: None, max: None, ..s.clone() }
                } else {
                    ViewState { min: *min, max: *max, ..s.clone() }
                };
                Item {
                    value: i.to_string(),
                    label: band_label(l, *min, *max),
                    count: c.amount_bands[i],
                    selected,
                    to: to.refined(),
                }
            })
            .collect();
        groups.push(facet(l, Key::Amount, "amount", band_items).into_any());
        groups.push(view! { <AmountForm /> }.into_any());

        let supplier_counts: std::collections::BTreeMap<String, usize> =
            data.with_value(|d| c.suppliers.iter().map(|(code, n)| (d.store.suppliers.get(*code).to_string(), *n)).collect());
        let chosen: Vec<String> = s.winner.iter().cloned().collect();
        let supplier_items = list_items(
            &supplier_counts,
            &chosen,
            Some(10),
            |id| {
                data.with_value(|d| d.store.suppliers.lookup(id).and_then(|c| d.store.supplier_name(c)).unwrap_or(id).to_string())
            },
            |id| {
                let winner = if s.winner.as_deref() == Some(id) { None } else { Some(id.to_string()) };
                ViewState { winner, ..s.clone() }.refined()
            },
        );
        groups.push(facet(l, Key::Supplier, "supplier", supplier_items).into_any());

        let flagged = Item {
            value: "1".into(),
            label: t(l, Key::OnlyFlagged).to_string(),
            count: c.flagged,
            selected: s.only_flagged,
            to: ViewState { only_flagged: !s.only_flagged, ..s.clone() }.refined(),
        };
        groups.push(facet(l, Key::RiskSignals, "flagged", vec![flagged]).into_any());
        groups
    };
    // Beside the results on a wide screen, folded above them on a phone, where the figures come first.
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).is_none_or(|w| w >= 832.0);
    let active = move || {
        let s = view.get();
        let lists =
            [&s.orgs, &s.org_types, &s.provinces, &s.districts, &s.stages, &s.methods].iter().filter(|l| !l.is_empty()).count();
        let others =
            [s.years().is_some(), s.min.is_some() || s.max.is_some(), s.winner.is_some(), s.only_flagged, !s.q.is_empty()];
        lists + others.iter().filter(|b| **b).count()
    };
    view! {
        <aside class="facets" aria-label=move || t(lang.get(), Key::Filters)>
            <details class="facets-panel" open=wide>
                <summary class="facets-title" data-testid="facets-summary">
                    {move || t(lang.get(), Key::Filters)}
                    {move || (active() > 0).then(|| format!(" ({})", active()))}
                </summary>
                {body}
            </details>
        </aside>
    }
}

fn stage_label(lang: Lang, code: &str) -> String {
    crate::ui::url_state::stage_from_code(code).map_or_else(|| code.to_string(), |st: Stage| format::stage(lang, st).to_string())
}

fn band_label(lang: Lang, min: Option<Satang>, max: Option<Satang>) -> String {
    let baht = |s: Satang| crate::domain::money::group_thousands(s.whole_baht().unsigned_abs());
    match (min, max) {
        (None, Some(max)) => format!("≤ {}", baht(max)),
        (Some(min), Some(max)) => format!("{}–{}", baht(Satang(min.0 - 1)), baht(max)),
        (Some(min), None) => format!("> {}", baht(Satang(min.0 - 1))),
        (None, None) => t(lang, Key::AllYears).to_string(),
    }
}

/// From and to selects over the fiscal years loaded.
fn year_range(lang: Lang, years: &[i32], s: &ViewState) -> impl IntoView {
    let view = use_view();
    let options = |chosen: Option<i32>| {
        let any = view! { <option value="" selected=chosen.is_none()>"—"</option> };
        let each = years
            .iter()
            .map(|&y| view! { <option value=y.to_string() selected=chosen == Some(y)>{format::fiscal_year(lang, y)}</option> })
            .collect_view();
        (any, each)
    };
    let on_from = move |ev: leptos::ev::Event| {
        let from = event_target_value(&ev).parse().ok();
        view.navigate(ViewState { from, ..view.get_untracked() }.refined());
    };
    let on_to = move |ev: leptos::ev::Event| {
        let to = event_target_value(&ev).parse().ok();
        view.navigate(ViewState { to, ..view.get_untracked() }.refined());
    };
    view! {
        <div class="year-range">
            <label>{t(lang, Key::YearFrom)} " " <select data-testid="year-from" on:change=on_from>{options(s.from)}</select></label>
            " "
            <label>{t(lang, Key::YearTo)} " " <select data-testid="year-to" on:change=on_to>{options(s.to)}</select></label>
        </div>
    }
}

/// A custom amount range, in baht.
#[component]
fn AmountForm() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let text = |v: Option<Satang>| v.map(|s| s.to_decimal_string()).unwrap_or_default();
    let min = RwSignal::new(text(view.get_untracked().min));
    let max = RwSignal::new(text(view.get_untracked().max));
    let invalid = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = |s: String| -> Result<Option<Satang>, ()> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                Satang::parse_baht(&s).map(Some).map_err(|_| ())
            }
        };
        match (read(min.get_untracked()), read(max.get_untracked())) {
            (Ok(a), Ok(b)) => {
                invalid.set(false);
                view.navigate(ViewState { min: a, max: b, ..view.get_untracked() }.refined());
            }
            _ => invalid.set(true),
        }
    };
    view! {
        <form class="amount-form" on:submit=on_submit data-testid="amount-form">
            <label>{move || t(lang.get(), Key::AmountMin)} " "
                <input type="text" inputmode="decimal" size="10" prop:value=move || min.get() on:input=move |ev| min.set(event_target_value(&ev)) />
            </label>
            <label>{move || t(lang.get(), Key::AmountMax)} " "
                <input type="text" inputmode="decimal" size="10" prop:value=move || max.get() on:input=move |ev| max.set(event_target_value(&ev)) />
            </label>
            <button type="submit">{move || t(lang.get(), Key::Apply)}</button>
            <Show when=move || invalid.get()>
                <p class="error-panel" role="alert">{move || t(lang.get(), Key::AmountInvalid)}</p>
            </Show>
        </form>
    }
}
