//! The facet list: renders the groups `ui::facets` builds (each value with its count and a link that
//! toggles it), the fiscal-year range and the custom amount range. Folded above the results on a phone.
use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::domain::money::Satang;
use crate::ui::components::link::ViewLink;
use crate::ui::facets::{groups, Extra, FacetCtx, Group};
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::procurement::Selection;
use crate::ui::state::{use_catalog, use_view};

fn group_view(lang: Lang, group: Group) -> impl IntoView {
    let list = group
        .items
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
    let extra = match group.extra {
        Extra::None => None,
        Extra::YearRange(years) => Some(view! { <YearRange years=years /> }.into_any()),
        Extra::AmountRange => Some(view! { <AmountForm /> }.into_any()),
    };
    view! {
        <details class="facet-group" open>
            <summary>{t(lang, group.title)}</summary>
            <ul class="facet" data-testid=format!("{}-facet", group.name)>{list}</ul>
            {extra}
        </details>
    }
}

#[component]
pub fn Facets(selection: Selection) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let Selection { data, counts, scoped, .. } = selection;
    let body = move || {
        let l = lang.get();
        let state = view.get();
        let groups = counts.with(|counts| {
            data.with_value(|d| groups(&FacetCtx { lang: l, state: &state, counts, store: &d.store, catalog: &catalog, scoped }))
        });
        groups.into_iter().map(|g| group_view(l, g)).collect_view()
    };
    // Beside the results on a wide screen, folded above them on a phone, where the figures come first.
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()).is_none_or(|w| w >= 832.0);
    let active = view.select(|s| s.active_filters());
    view! {
        <aside class="facets" aria-label=move || t(lang.get(), Key::Filters)>
            <details class="facets-panel" open=wide>
                <summary class="facets-title" data-testid="facets-summary">
                    {move || t(lang.get(), Key::Filters)}
                    {move || (active.get() > 0).then(|| format!(" ({})", active.get()))}
                </summary>
                {body}
            </details>
        </aside>
    }
}

/// From and to selects over the fiscal years loaded.
#[component]
fn YearRange(years: Vec<i32>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let years = StoredValue::new(years);
    let options = move |chosen: Option<i32>| {
        let l = lang.get();
        let any = view! { <option value="" selected=chosen.is_none()>"—"</option> };
        let each = years.with_value(|ys| {
            ys.iter()
                .map(|&y| view! { <option value=y.to_string() selected=chosen == Some(y)>{format::fiscal_year(l, y)}</option> })
                .collect_view()
        });
        (any, each)
    };
    let from = view.select(|s| s.filter.from);
    let to = view.select(|s| s.filter.to);
    let on_from = move |ev: leptos::ev::Event| {
        let year = event_target_value(&ev).parse().ok();
        view.navigate(view.get_untracked().with_filter(|f| f.from = year));
    };
    let on_to = move |ev: leptos::ev::Event| {
        let year = event_target_value(&ev).parse().ok();
        view.navigate(view.get_untracked().with_filter(|f| f.to = year));
    };
    view! {
        <div class="year-range">
            <label>{move || t(lang.get(), Key::YearFrom)} " " <select data-testid="year-from" on:change=on_from>{move || options(from.get())}</select></label>
            " "
            <label>{move || t(lang.get(), Key::YearTo)} " " <select data-testid="year-to" on:change=on_to>{move || options(to.get())}</select></label>
        </div>
    }
}

/// A custom amount range, in baht; what cannot be read as an amount is refused and said.
#[component]
fn AmountForm() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let text = |v: Option<Satang>| v.map(|s| s.to_decimal_string()).unwrap_or_default();
    let min = RwSignal::new(text(view.get_untracked().filter.min));
    let max = RwSignal::new(text(view.get_untracked().filter.max));
    let invalid = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = |s: String| -> Result<Option<Satang>, ()> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                Satang::parse_baht(&s).ok().filter(|a| a.0 >= 0).map(Some).ok_or(())
            }
        };
        match (read(min.get_untracked()), read(max.get_untracked())) {
            (Ok(a), Ok(b)) => {
                invalid.set(false);
                view.navigate(view.get_untracked().with_filter(|f| (f.min, f.max) = (a, b)));
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
