//! An organisation's headline figures for one fiscal year (`byear`): budget, disbursed, per capita, contract
//! value, processes, the specific-method share, risk signals, assessment and completeness. Each links to the
//! view that shows it in full: the budget year, or the procurement filtered to the year, method or signals.
//! The figures are `query::overview`'s for this one organisation, so the page and the overview agree.
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::SYNTHETIC_NOTE;
use crate::domain::codes::{Code, Method};
use crate::domain::lang::Lang;
use crate::domain::money::Total;
use crate::query::overview::{self, Inputs, OrgRow};
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{use_flags, Loaded, Scope, WithData};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::{Page, ViewState};

#[component]
pub fn Headline(code: String) -> impl IntoView {
    let scope = Scope::Org(code.clone());
    view! {
        <section class="org-headline" data-testid="headline" aria-labelledby="headline-title">
            <WithData scope=scope render=move |data| view! { <Figures data=data code=code.clone() /> } />
        </section>
    }
}

#[component]
fn Figures(data: Arc<Loaded>, code: String) -> impl IntoView {
    // The page's budget and assessment files, shared with its budget and assessment sections.
    let loaded = super::files::use_org_files();
    let code = StoredValue::new(code);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new({
                let data = data.clone();
                async move {
                    let files = loaded.await;
                    view! { <Cards data=data files=files code=code.get_value() /> }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Cards(data: Arc<Loaded>, files: Arc<super::files::Files>, code: String) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let flags = use_flags();
    let asked = view.select(|s| s.budget_year);
    let row = Memo::new(move |_| {
        let (budgets, a) = (&files.budgets, &files.assessments);
        let state = flags.get().ok();
        let mask = state.as_ref().and_then(|s| s.usable_mask());
        let inputs =
            Inputs { catalog: &catalog, store: &data.store, flagged: mask, budgets, lpa: &a.lpa, ita: &a.ita, published: &[] };
        let years = overview::years(&inputs);
        let year = asked.get().filter(|y| years.contains(y)).or(years.first().copied())?;
        Some((year, years, overview::organisation(&inputs, year, &code)?))
    });
    move || {
        let l = lang.get();
        row.get().map(|(year, years, r)| {
            let now = view.get();
            let links = years
                .into_iter()
                .map(|y| {
                    let to = ViewState { budget_year: Some(y), ..now.clone() };
                    view! {
                        <li class:selected=y == year aria-current=(y == year).then_some("page")>
                            <ViewLink to=Signal::stored(to)>{format::fiscal_year(l, y)}</ViewLink>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2 id="headline-title">{t(l, Key::HeadlineFigures)} " " {format::fiscal_year(l, year)}</h2>
                <nav class="budget-years" aria-label=t(l, Key::FiscalYear)><ul>{links}</ul></nav>
                {cards(l, year, r, now)}
            }
        })
    }
}

fn no_data(l: Lang) -> String {
    t(l, Key::NoData).to_string()
}

/// One figure: its name, its value or "no data", and the view it links to.
fn card(label: String, value: Option<String>, to: Option<ViewState>, l: Lang, id: &'static str) -> impl IntoView {
    let shown = value.unwrap_or_else(|| no_data(l));
    view! {
        <div data-testid=id>
            <dt>{label}</dt>
            <dd>
                {match to {
                    Some(to) => view! { <ViewLink to=Signal::stored(to)>{shown}</ViewLink> }.into_any(),
                    None => shown.into_any(),
                }}
            </dd>
        </div>
    }
}

fn cards(l: Lang, year: i32, r: OrgRow, now: ViewState) -> impl IntoView {
    let f = r.figures;
    let p = f.procurement;
    let budget_year = ViewState { budget_year: Some(year), ..now.clone() };
    let procured = |change: &dyn Fn(&mut crate::query::filter::Filter)| {
        // The figure's own filters, not added to whatever the reader had chosen below.
        ViewState { budget_year: Some(year), ..now.without_filters() }.with_filter(|filter| {
            filter.from = Some(year);
            filter.to = Some(year);
            change(filter);
        })
    };
    let money = |t: Option<Total>| t.map(Total::format_baht);
    let pct = |v: Option<f64>| v.map(|v| format!("{v:.1}%"));
    let signals = p.and_then(|p| Some((p.flagged?, p.signals_per_100()?)));
    let method = ViewState { page: Page::Completeness, ..now.clone() };
    view! {
        {f.demonstration.then(|| view! { <p class="notice demo">{SYNTHETIC_NOTE.get(l)}</p> })}
        {(f.budget_differs > 0).then(|| view! { <p class="notice" data-testid="headline-budget-differs">"⚠ " {t(l, Key::LinesDifferFromDeclared)}</p> })}
        <dl class="budget-totals">
            {card(t(l, Key::Budget).to_string(), money(f.budget), Some(budget_year.clone()), l, "headline-budget")}
            {card(t(l, Key::Disbursed).to_string(), money(f.disbursed), Some(budget_year.clone()), l, "headline-disbursed")}
            {card(
                overview::Column::PerCapita.label().get(l).to_string(),
                f.budget_per_capita.value().map(|v| format!("{v:.2}")),
                Some(budget_year),
                l,
                "headline-per-capita",
            )}
            {card(t(l, Key::ContractValue).to_string(), money(p.map(|p| p.value)), Some(procured(&|_| {})), l, "headline-value")}
            {card(
                t(l, Key::Processes).to_string(),
                p.map(|p| format::count(p.processes)),
                Some(procured(&|_| {})),
                l,
                "headline-processes",
            )}
            {card(
                overview::Column::Limited.label().get(l).to_string(),
                pct(p.and_then(|p| p.limited_share()).map(|s| s * 100.0)),
                Some(procured(&|f| f.methods.extend([Method::Limited, Method::Direct]))),
                l,
                "headline-limited",
            )}
            {card(
                t(l, Key::RiskSignals).to_string(),
                signals.map(|(n, per)| format!("{} ({per:.1} / 100)", format::count(n))),
                Some(procured(&|f| f.only_flagged = true)),
                l,
                "headline-signals",
            )}
            {card("LPA".to_string(), pct(f.lpa.value()), None, l, "headline-lpa")}
            {card("ITA".to_string(), f.ita.value().map(|v| format!("{v:.1}")), None, l, "headline-ita")}
            {card(
                overview::Column::Completeness.label().get(l).to_string(),
                f.completeness.value().map(|v| format!("{v:.0}")),
                Some(method),
                l,
                "headline-completeness",
            )}
        </dl>
    }
}
