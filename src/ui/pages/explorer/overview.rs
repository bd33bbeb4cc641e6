//! The overview tab: every province in one table of its figures or, with one province chosen, every อปท. of
//! it, sortable (`osort`), for one fiscal year (`byear`), with the totals and a CSV of exactly the rows shown.
//! The figures come from `query::overview`, computed once per load and year; this file fetches the budget
//! and assessment files of the organisations in view and renders.
use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::{DatasetKind, SYNTHETIC_NOTE};
use crate::domain::codes::Code;
use crate::domain::lang::Lang;
use crate::domain::money::Total;
use crate::query::overview::{self, Column, Figures, Inputs, Order, OrgRow, ProvinceRow, PublishedYear};
use crate::query::store::Store;
use crate::ui::components::download::download;
use crate::ui::components::embed::EmbedCode;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{use_flags, Loaded, Scope, WithData};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::{Page, Tab, ViewState};

#[component]
pub fn Overview() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let provinces = view.select(|s| s.filter.provinces.clone());
    let scope = Memo::new({
        let catalog = catalog.clone();
        move |_| provinces.with(|p| Scope::of_provinces(&catalog, p))
    });
    // What publish wrote: a country's overview from a few hundred kilobytes, without a shard.
    let published: Vec<(String, Option<String>)> =
        catalog.datasets.iter().filter(|d| d.kind == DatasetKind::Overview).map(|d| (d.url.clone(), d.sha256.clone())).collect();
    view! {
        <section class="overview" data-testid="overview">
            <h1>{move || Tab::Overview.label().get(lang.get())}</h1>
            {move || {
                if published.is_empty() {
                    let scope = scope.get();
                    view! { <WithData scope=scope render=|data| view! { <Figured data=Some(data) published=Vec::new() /> } /> }.into_any()
                } else {
                    view! { <Figured data=None published=published.clone() /> }.into_any()
                }
            }}
        </section>
    }
}

/// The published overview files, read; a file that fails is left out (its years then show no procurement).
async fn load_published(files: Vec<(String, Option<String>)>, folder: &'static str) -> Vec<PublishedYear> {
    let fetched = crate::ui::fetch::fetch_all_verified(folder, &files).await;
    fetched.into_iter().filter_map(|(_, bytes)| serde_json::from_slice(&bytes.ok()?).ok()).collect()
}

/// Waits for the budget, assessment and published overview files, then shows the tables.
#[component]
fn Figured(data: Option<Arc<Loaded>>, published: Vec<(String, Option<String>)>) -> impl IntoView {
    let view = use_view();
    let catalog = use_catalog().0;
    let folder = view.get_untracked().data.folder();
    let provinces = view.get_untracked().filter.provinces;
    // The organisations in view: those of the chosen provinces, or all.
    let in_view = {
        let catalog = catalog.clone();
        move |o: Option<&str>| {
            provinces.is_empty()
                || o.is_none_or(|code| catalog.organisation(code).is_some_and(|o| provinces.contains(&o.province.th)))
        }
    };
    let files = super::files::load(&catalog, in_view, folder);
    let loaded = LocalResource::new(move || {
        let published = published.clone();
        async move { Arc::new((files.await, load_published(published, folder).await)) }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"…"</p> }>
            {move || Suspend::new({
                let data = data.clone();
                async move {
                    let files = loaded.await;
                    view! { <Tables data=data files=files /> }
                }
            })}
        </Suspense>
    }
}

type Files = Arc<(Arc<super::files::Files>, Vec<PublishedYear>)>;

#[component]
fn Tables(data: Option<Arc<Loaded>>, files: Files) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    // Flags are the loaded data's; published figures carry their own run's counts.
    let flags = data.is_some().then(use_flags);
    let asked = view.select(|s| s.budget_year);
    let empty = Store::default();
    let years = {
        let (f, published) = &*files;
        let (budgets, a) = (&f.budgets, &f.assessments);
        let store = data.as_ref().map_or(&empty, |d| &d.store);
        let inputs = Inputs { catalog: &catalog, store, flagged: None, budgets, lpa: &a.lpa, ita: &a.ita, published };
        overview::years(&inputs)
    };
    let year = {
        let years = years.clone();
        Memo::new(move |_| asked.get().filter(|y| years.contains(y)).or(years.first().copied()))
    };
    // Once per year and flags run: a sort or a language change does not recompute.
    let rows = {
        let (catalog, data, files) = (catalog.clone(), data.clone(), files.clone());
        Memo::new(move |_| {
            let year = year.get()?;
            let state = flags.and_then(|f| f.get().ok());
            let mask = state.as_ref().and_then(|s| s.usable_mask());
            let (f, published) = &*files;
            let (budgets, a) = (&f.budgets, &f.assessments);
            let empty = Store::default();
            let inputs = Inputs {
                catalog: &catalog,
                store: data.as_ref().map_or(&empty, |d| &d.store),
                flagged: mask,
                budgets,
                lpa: &a.lpa,
                ita: &a.ita,
                published,
            };
            Some(Arc::new(overview::organisations(&inputs, year)))
        })
    };
    let chosen = view.select(|s| (s.filter.provinces.clone(), s.filter.districts.clone(), s.filter.org_types.clone()));
    // The map shows every place of its level: rows filtered by type, not by place.
    let types = view.select(|s| s.filter.org_types.clone());
    let typed = Memo::new(move |_| {
        let rows = rows.get()?;
        let types = types.get();
        Some(Arc::new(rows.iter().filter(|r| types.is_empty() || types.contains(&r.org_type)).cloned().collect::<Vec<_>>()))
    });
    let order = view.select(|s| s.overview_sort.unwrap_or(Order { column: Column::Name, descending: false }));
    let year_links = move || {
        let l = lang.get();
        let now = year.get();
        years
            .iter()
            .map(|&y| {
                let to = Signal::derive(move || ViewState { budget_year: Some(y), ..view.get() });
                let here = now == Some(y);
                view! {
                    <li class:selected=here aria-current=here.then_some("page")>
                        <ViewLink to=to>{format::fiscal_year(l, y)}</ViewLink>
                    </li>
                }
            })
            .collect_view()
    };
    let shown = move || {
        let rows = rows.get()?;
        let (provinces, districts, types) = chosen.get();
        let mine: Vec<OrgRow> = rows
            .iter()
            .filter(|r| types.is_empty() || types.contains(&r.org_type))
            .filter(|r| provinces.is_empty() || provinces.contains(&r.province.th))
            .filter(|r| districts.is_empty() || r.district.as_ref().is_some_and(|d| districts.contains(&d.th)))
            .cloned()
            .collect();
        Some(if provinces.len() == 1 {
            Shown::Organisations(mine)
        } else {
            Shown::Provinces(overview::provinces(&mine, &catalog.organisations))
        })
    };
    view! {
        <nav class="budget-years" aria-label=move || t(lang.get(), Key::FiscalYear)><ul>{year_links}</ul></nav>
        <super::map::OverviewMap rows=typed />
        {move || {
            let l = lang.get();
            let o = order.get();
            match shown() {
                None => view! { <p class="muted">{t(l, Key::NoData)}</p> }.into_any(),
                Some(shown) => table(l, o, shown, year.get().unwrap_or_default()).into_any(),
            }
        }}
    }
}

/// What the table lists: provinces, or the organisations of one.
enum Shown {
    Provinces(Vec<ProvinceRow>),
    Organisations(Vec<OrgRow>),
}

fn no_data(l: Lang) -> AnyView {
    view! { <span class="muted">{t(l, Key::NoData)}</span> }.into_any()
}

fn or_no_data(l: Lang, text: Option<String>) -> AnyView {
    text.map_or_else(|| no_data(l), |s| s.into_any())
}

fn money(l: Lang, t: Option<Total>) -> AnyView {
    or_no_data(l, t.map(Total::format_baht))
}

/// The figure cells of a row, in the order of `COLUMNS`.
fn cells(l: Lang, f: &Figures) -> impl IntoView {
    let p = f.procurement;
    let population = (f.with_population > 0).then(|| format::count(f.population));
    let pct = |v: Option<f64>, d: usize| v.map(|v| format!("{v:.d$}"));
    view! {
        <td class="num">{or_no_data(l, population)}</td>
        <td class="num" data-col="budget">
            {money(l, f.budget)}
            {(f.budget_differs > 0).then(|| view! {
                <br /><small class="warn" data-testid="budget-differs">"⚠ " {t(l, Key::LinesDifferFromDeclared)} " (" {f.budget_differs} ")"</small>
            })}
        </td>
        <td class="num" data-col="per-capita">{or_no_data(l, f.budget_per_capita.value().map(|v| format!("{v:.2}")))}</td>
        <td class="num" data-col="value">{money(l, p.map(|p| p.value))}</td>
        <td class="num" data-col="processes">{or_no_data(l, p.map(|p| format::count(p.processes)))}</td>
        <td class="num">{or_no_data(l, pct(p.and_then(|p| p.limited_share()).map(|s| s * 100.0), 1).map(|s| s + "%"))}</td>
        <td class="num">{or_no_data(l, pct(p.and_then(|p| p.signals_per_100()), 1))}</td>
        <td class="num">{or_no_data(l, pct(f.lpa.value(), 1))}</td>
        <td class="num">{or_no_data(l, pct(f.ita.value(), 1))}</td>
        <td class="num" data-col="completeness">{or_no_data(l, pct(f.completeness.value(), 0))}</td>
    }
}

const COLUMNS: [Column; 10] = [
    Column::Population,
    Column::Budget,
    Column::PerCapita,
    Column::Value,
    Column::Processes,
    Column::Limited,
    Column::Signals,
    Column::Lpa,
    Column::Ita,
    Column::Completeness,
];

/// A header that sorts by `column`: largest first, the other way on a second click (names: A to Z first).
fn header(l: Lang, order: Order, column: Column, class: &'static str) -> impl IntoView {
    let view = use_view();
    let now = order.column == column;
    let next = Order { column, descending: if now { !order.descending } else { column != Column::Name } };
    let default = Order { column: Column::Name, descending: false };
    let to = Signal::derive(move || ViewState { overview_sort: (next != default).then_some(next), ..view.get() });
    let aria = match (now, order.descending) {
        (false, _) => "none",
        (true, true) => "descending",
        (true, false) => "ascending",
    };
    let arrow = match aria {
        "descending" => " ▼",
        "ascending" => " ▲",
        _ => "",
    };
    view! {
        <th scope="col" class=class aria-sort=aria data-sort=column.as_str()>
            <ViewLink to=to>{column.label().get(l)}{arrow}</ViewLink>
        </th>
    }
}

fn table(l: Lang, order: Order, shown: Shown, year: i32) -> impl IntoView {
    let view = use_view();
    let (name_col, mut csv_name) = match &shown {
        Shown::Provinces(_) => (Key::Organisations, "overview-provinces".to_string()),
        Shown::Organisations(rows) => {
            let province = rows.first().map(|r| r.province.th.clone()).unwrap_or_default();
            (Key::OrgType, format!("overview-{province}"))
        }
    };
    csv_name.push_str(&format!("-{year}.csv"));
    let (total, synthetic, body, csv) = match shown {
        Shown::Provinces(mut rows) => {
            overview::sort_by(&mut rows, order, l, |r| (&r.figures, &r.province));
            let total = Figures::sum(rows.iter().map(|r| &r.figures));
            let body = rows
                .iter()
                .map(|r| {
                    let name = r.province.get(l).to_string();
                    let th = r.province.th.clone();
                    let to = Signal::derive(move || {
                        view.get().with_filter(|f| {
                            f.provinces = BTreeSet::from([th.clone()]);
                        })
                    });
                    view! {
                        <tr>
                            <th scope="row"><ViewLink to=to>{name}</ViewLink></th>
                            <td class="num">{format::count(r.figures.places as u64)}</td>
                            {cells(l, &r.figures)}
                        </tr>
                    }
                })
                .collect_view()
                .into_any();
            let note = total.demonstration.then(|| SYNTHETIC_NOTE.get(l));
            (total, total.demonstration, body, overview::provinces_csv(&rows, l, note))
        }
        Shown::Organisations(mut rows) => {
            overview::sort_by(&mut rows, order, l, |r| (&r.figures, &r.name));
            let total = overview::sum_rows(rows.iter());
            let body = rows
                .iter()
                .map(|r| {
                    let to = ViewState {
                        lang: l,
                        data: view.get_untracked().data,
                        org: Some(r.code.clone()),
                        compare: view.get_untracked().compare,
                        ..ViewState::default()
                    };
                    let add = super::compare::adding(&view.get_untracked(), &r.code);
                    let (name, kind) = (r.name.get(l).to_string(), r.org_type.label().get(l).to_string());
                    let hidden = name.clone();
                    view! {
                        <tr>
                            <th scope="row">
                                <ViewLink to=Signal::stored(to)>{name}</ViewLink>
                                " " <ViewLink to=Signal::stored(add) class="add">
                                    <span aria-hidden="true">"+"</span>
                                    <span class="visually-hidden">{t(l, Key::AddToCompare)} " " {hidden}</span>
                                </ViewLink>
                            </th>
                            <td>{kind}</td>
                            {cells(l, &r.figures)}
                        </tr>
                    }
                })
                .collect_view()
                .into_any();
            let note = total.demonstration.then(|| SYNTHETIC_NOTE.get(l));
            (total, total.demonstration, body, overview::organisations_csv(&rows, l, note))
        }
    };
    let pc = total.budget_per_capita;
    let on_csv = move |_| download(&csv_name, "text/csv;charset=utf-8", &csv);
    let method = Signal::derive(move || ViewState { page: Page::Completeness, ..view.get() });
    view! {
        {synthetic.then(|| view! { <p class="notice demo" data-testid="overview-synthetic">{SYNTHETIC_NOTE.get(l)}</p> })}
        <p class="totals" data-testid="overview-totals">
            {t(l, Key::Budget)} ": " <strong data-testid="overview-budget">{money(l, total.budget)}</strong>
            " (" {format::count(total.with_budget as u64)} " / " {format::count(total.places as u64)} " " {t(l, Key::PlacesWithFigure)} ") · "
            {Column::PerCapita.label().get(l)} ": " <strong data-testid="overview-per-capita">{or_no_data(l, pc.value().map(|v| format!("{v:.2}")))}</strong>
        </p>
        <p class="muted" data-testid="overview-per-capita-note">
            {t(l, Key::PerCapitaMethod)} " " {format::count(pc.without as u64)} " " {t(l, Key::PlacesWithoutFigure)}
        </p>
        <div class="table-scroll" tabindex="0">
            <table data-testid="overview-table">
                <caption>{t(l, Key::OverviewCaption)} " " {format::fiscal_year(l, year)}</caption>
                <thead>
                    <tr>
                        {header(l, order, Column::Name, "")}
                        <th scope="col" class=if name_col == Key::Organisations { "num" } else { "" }>{t(l, name_col)}</th>
                        {COLUMNS.into_iter().map(|c| header(l, order, c, "num")).collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
                <tfoot>
                    <tr data-testid="overview-total-row">
                        <th scope="row">{t(l, Key::Total)}</th>
                        <td class="num">{format::count(total.places as u64)}</td>
                        {cells(l, &total)}
                    </tr>
                </tfoot>
            </table>
        </div>
        <p class="actions">
            <button type="button" data-testid="overview-csv" on:click=on_csv>{t(l, Key::DownloadCsv)}</button>
            " " <EmbedCode title=Tab::Overview.label().get(l).to_string() />
            " " <ViewLink to=method>{t(l, Key::CompletenessMethod)}</ViewLink>
        </p>
        <p class="muted">{t(l, Key::OverviewScoresNote)}</p>
    }
}
