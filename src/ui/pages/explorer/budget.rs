//! An organisation's budget: the year's totals, its ด้าน as a chart and the hierarchy ด้าน → แผนงาน → งาน as a
//! table (baht or shares, `bshare`), the split by งบ and revenue, compared with the year before. The figures
//! come from `query::budget`; this file fetches the organisation's budget files and renders.
use leptos::prelude::*;

use crate::charts::budget::{by_area, Labels};
use crate::charts::icicle;
use crate::domain::budget::Budget;
use crate::domain::calendar::FiscalYear;
use crate::domain::catalog::DatasetKind;
use crate::domain::lang::Lang;
use crate::domain::money::Total;
use crate::query::budget::{chosen_year, tree_csv, view as budget_view, BudgetView, Row};
use crate::ui::components::chart::BarChartView;
use crate::ui::components::download::download;
use crate::ui::components::link::ViewLink;
use crate::ui::fetch::fetch_all_verified;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::ViewState;

/// Every budget file of the organisation, read; a file that fails is left out and named.
pub(super) async fn load(urls: Vec<(String, Option<String>)>, folder: &'static str) -> (Vec<Budget>, Vec<String>) {
    let fetched = fetch_all_verified(folder, &urls).await;
    let mut budgets = Vec::new();
    let mut failed = Vec::new();
    for (url, bytes) in fetched {
        match bytes.map(|b| crate::ingest::budget::parse(&url, &b).values) {
            Ok(Some(b)) => budgets.push(b),
            _ => failed.push(url),
        }
    }
    (budgets, failed)
}

fn years_of(budgets: StoredValue<Vec<Budget>>) -> Vec<FiscalYear> {
    budgets.with_value(|bs| bs.iter().map(|b| b.fiscal_year).collect())
}

fn money(l: Lang, t: Option<Total>) -> String {
    t.map_or_else(|| crate::ui::i18n::t(l, Key::NoData).to_string(), Total::format_baht)
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| format!("{:.1}%", s * 100.0))
}

fn change(l: Lang, r: &Row) -> (String, String) {
    match r.change() {
        None => (t(l, Key::NoData).to_string(), String::new()),
        Some((delta, pct)) => {
            let sign = if delta.satang_i128() > 0 { "+" } else { "" };
            (format!("{sign}{}", delta.format_baht()), pct.map(|p| format!("{sign}{p:.1}%")).unwrap_or_default())
        }
    }
}

#[component]
pub fn BudgetSection(code: String) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let figure = catalog.organisation(&code).and_then(|o| o.population);
    let population = figure.map(|p| p.count);
    let urls: Vec<(String, Option<String>)> =
        catalog.datasets_for(DatasetKind::Budget, Some(&code)).map(|d| (d.url.clone(), d.sha256.clone())).collect();
    let heading = move || view! { <h2 id="budget-title">{move || t(lang.get(), Key::Budget)}</h2> };
    if urls.is_empty() {
        return view! {
            <section class="budget" data-testid="budget" aria-labelledby="budget-title">
                {heading}
                <p class="muted">{move || t(lang.get(), Key::NoBudget)}</p>
            </section>
        }
        .into_any();
    }
    // The page's files, shared with its headline and assessment sections.
    let data = super::files::use_org_files();
    let org_code = StoredValue::new(code.clone());
    let asked = view.select(|s| s.budget_year);
    let share = view.select(|s| s.budget_share);
    let render = move |(budgets, failed): (Vec<Budget>, Vec<String>)| {
        let years: Vec<FiscalYear> = budgets.iter().map(|b| b.fiscal_year).collect();
        let any = !years.is_empty();
        let budgets = StoredValue::new(budgets);
        let chosen = Memo::new(move |_| {
            let year = chosen_year(&years_of(budgets), asked.get())?;
            budgets.with_value(|bs| bs.iter().find(|b| b.fiscal_year == year).cloned())
        });
        let shown = Memo::new(move |_| {
            let year = chosen_year(&years, asked.get())?;
            budgets.with_value(|bs| {
                let now = bs.iter().find(|b| b.fiscal_year == year)?;
                let before = bs.iter().find(|b| b.fiscal_year.0 == year.0 - 1);
                Some(budget_view(now, before, population))
            })
        });
        let year_links = move || {
            let l = lang.get();
            let mut ys: Vec<i32> = budgets.with_value(|bs| bs.iter().map(|b| b.fiscal_year.0).collect());
            ys.sort_unstable();
            let current = shown.with(|v| v.as_ref().map(|v| v.fiscal_year.0));
            ys.into_iter()
                .map(|y| {
                    let to = Signal::derive(move || ViewState { budget_year: Some(y), ..view.get() });
                    let label = format::fiscal_year(l, y);
                    if current == Some(y) {
                        view! { <li class="selected" aria-current="true">{label}</li> }.into_any()
                    } else {
                        view! { <li><ViewLink to=to>{label}</ViewLink></li> }.into_any()
                    }
                })
                .collect_view()
        };
        let toggle = Signal::derive(move || view.with(|s| ViewState { budget_share: !s.budget_share, ..s.clone() }));
        let chart = Signal::derive(move || {
            let l = lang.get();
            let title = t(l, Key::BudgetByArea);
            let y = if share.get() { t(l, Key::ShareOfTotal) } else { t(l, Key::Baht) };
            let labels = Labels { title, x: t(l, Key::BudgetArea), y, series: t(l, Key::Allocated) };
            shown.with(|v| v.as_ref().map(|v| by_area(&v.tree, share.get(), &labels))).unwrap_or_default()
        });
        let stem = Signal::derive(move || {
            let y = shown.with(|v| v.as_ref().map(|v| v.fiscal_year.0)).unwrap_or_default();
            format!("locallens-{}-budget-{y}", view.with(|s| s.org.clone().unwrap_or_default()))
        });
        let csv = move |_| {
            let l = lang.get_untracked();
            let note = use_catalog().0.has_synthetic().then(|| crate::domain::catalog::SYNTHETIC_NOTE.get(l));
            if let Some(v) = shown.get_untracked() {
                download(&format!("{}.csv", stem.get_untracked()), "text/csv;charset=utf-8", &tree_csv(&v, l, note));
            }
        };
        view! {
            <nav class="budget-years" aria-label=move || t(lang.get(), Key::FiscalYear)><ul>{year_links}</ul></nav>
            {(!failed.is_empty()).then(|| view! { <p class="error-panel" role="alert">{move || t(lang.get(), Key::ErrorDatasetTitle)} ": " {failed.join(", ")}</p> })}
            {move || shown.get().map(|v| totals(lang.get(), &v, figure.map(|p| (p.count, p.year))))}
            <p>
                <ViewLink to=toggle>{move || if share.get() { t(lang.get(), Key::ShowBaht) } else { t(lang.get(), Key::ShowShares) }}</ViewLink>
                " · "
                <button type="button" on:click=csv data-testid="budget-csv">{move || t(lang.get(), Key::DownloadCsv)}</button>
            </p>
            {any.then(|| view! { <BarChartView chart=chart file_stem=stem /> })}
            {move || {
                let l = lang.get();
                let note = use_catalog().0.has_synthetic().then(|| crate::domain::catalog::SYNTHETIC_NOTE.get(l));
                let title = t(l, Key::BudgetHierarchy);
                let svg = shown.with(|v| v.as_ref().and_then(|v| icicle::to_svg(&icicle::layout(&v.tree), title, note, 720, 240).ok()))?;
                Some(view! {
                    <figure class="icicle" data-testid="budget-icicle">
                        <div class="chart-svg" role="img" aria-label=title inner_html=svg></div>
                        <figcaption class="muted">{t(l, Key::IcicleCaption)}</figcaption>
                    </figure>
                })
            }}
            {move || shown.get().map(|v| tables(lang.get(), &v, share.get()))}
            {move || chosen.get().map(|b| view! { <super::budget_link::BudgetProcurement code=org_code.get_value() budget=b /> })}
        }
    };
    view! {
        <section class="budget" data-testid="budget" aria-labelledby="budget-title">
            {heading}
            <Transition fallback=move || view! { <p class="loading">{move || t(lang.get(), Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let files = data.await;
                    render((files.budgets.clone(), files.failed.clone()))
                })}
            </Transition>
        </section>
    }
    .into_any()
}

/// The year's totals, always in view above the breakdown.
fn totals(l: Lang, v: &BudgetView, population: Option<(u64, i32)>) -> impl IntoView {
    let per_capita = match (v.per_capita, population) {
        (Some(p), Some((count, year))) => {
            let satang = (p * 100.0).round() as u64;
            let value = format!("{}.{:02}", crate::domain::money::group_thousands(satang / 100), satang % 100);
            let of = format!("{} {} ({})", t(l, Key::Population), format::count(count), format::be_year(l, year));
            view! { {value} " " <small>{of}</small> }.into_any()
        }
        _ => view! { {t(l, Key::NoData)} }.into_any(),
    };
    let (delta, pct) = change(l, &v.total);
    let coverage = |n: usize| format!("{} / {} {}", format::count(n as u64), format::count(v.lines as u64), t(l, Key::Lines));
    view! {
        <dl class="budget-totals" data-testid="budget-totals">
            <div><dt>{t(l, Key::Allocated)} " " {format::fiscal_year(l, v.fiscal_year.0)}</dt><dd data-testid="budget-allocated">{v.total.allocated.format_baht()}</dd></div>
            <div><dt>{t(l, Key::Revised)}</dt><dd>{money(l, v.total.revised)} <small>{(v.lines_revised > 0).then(|| coverage(v.lines_revised))}</small></dd></div>
            <div><dt>{t(l, Key::Disbursed)}</dt><dd data-testid="budget-disbursed">{money(l, v.total.disbursed)} <small>{(v.lines_disbursed > 0).then(|| coverage(v.lines_disbursed))}</small></dd></div>
            <div><dt>{t(l, Key::PerCapita)}</dt><dd data-testid="budget-per-capita">{per_capita}</dd></div>
            <div><dt>{t(l, Key::ChangeFromYearBefore)}</dt><dd data-testid="budget-change">{delta} " " {pct}</dd></div>
        </dl>
        {v.declared_differs.map(|d| view! { <p class="notice">{t(l, Key::DeclaredTotalDiffers)} ": " {d.format_baht()}</p> })}
    }
}

fn tables(l: Lang, v: &BudgetView, share: bool) -> impl IntoView {
    let amount = move |r: &Row| if share { percent(r.share) } else { r.allocated.format_baht() };
    let tree = v
        .tree
        .iter()
        .map(|r| {
            let (delta, pct) = change(l, r);
            let class = format!("depth-{}", r.depth);
            view! {
                <tr class=class>
                    <th scope="row">{r.label.clone()}</th>
                    <td class="num">{amount(r)}</td>
                    <td class="num">{money(l, r.revised)}</td>
                    <td class="num">{money(l, r.disbursed)}</td>
                    <td class="num">{delta}</td>
                    <td class="num">{pct}</td>
                </tr>
            }
        })
        .collect_view();
    let cats = v
        .by_category
        .iter()
        .map(|r| view! { <tr><th scope="row">{r.label.clone()}</th><td class="num">{amount(r)}</td><td class="num">{money(l, r.disbursed)}</td></tr> })
        .collect_view();
    let revenue = v
        .revenue
        .iter()
        .map(|r| view! { <tr><th scope="row">{r.group.clone()} " · " {r.category.clone()}</th><td class="num">{r.estimated.format_baht()}</td><td class="num">{money(l, r.actual)}</td></tr> })
        .collect_view();
    let unit = if share { t(l, Key::ShareOfTotal) } else { t(l, Key::Allocated) };
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="budget-tree" data-testid="budget-tree">
                <caption>{t(l, Key::BudgetHierarchy)}</caption>
                <thead><tr>
                    <th scope="col">{t(l, Key::BudgetArea)}</th><th scope="col" class="num">{unit}</th>
                    <th scope="col" class="num">{t(l, Key::Revised)}</th><th scope="col" class="num">{t(l, Key::Disbursed)}</th>
                    <th scope="col" class="num">{t(l, Key::ChangeFromYearBefore)}</th><th scope="col" class="num">"%"</th>
                </tr></thead>
                <tbody>{tree}</tbody>
                <tfoot><tr><th scope="row">{t(l, Key::Total)}</th><td class="num">{if share { "100.0%".to_string() } else { v.total.allocated.format_baht() }}</td><td class="num">{money(l, v.total.revised)}</td><td class="num">{money(l, v.total.disbursed)}</td><td></td><td></td></tr></tfoot>
            </table>
        </div>
        <div class="table-scroll" tabindex="0">
            <table class="budget-categories" data-testid="budget-categories">
                <caption>{t(l, Key::BudgetByCategory)}</caption>
                <thead><tr><th scope="col">{t(l, Key::BudgetCategory)}</th><th scope="col" class="num">{unit}</th><th scope="col" class="num">{t(l, Key::Disbursed)}</th></tr></thead>
                <tbody>{cats}</tbody>
            </table>
        </div>
        {(!v.revenue.is_empty()).then(|| view! {
            <div class="table-scroll" tabindex="0">
                <table class="budget-revenue" data-testid="budget-revenue">
                    <caption>{t(l, Key::Revenue)}</caption>
                    <thead><tr><th scope="col">{t(l, Key::RevenueType)}</th><th scope="col" class="num">{t(l, Key::Estimated)}</th><th scope="col" class="num">{t(l, Key::Actual)}</th></tr></thead>
                    <tbody>{revenue}</tbody>
                </table>
            </div>
        })}
    }
}
