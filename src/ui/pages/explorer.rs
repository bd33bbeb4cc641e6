//! The explorer: the list of organisations, and one organisation's procurement by fiscal year.
use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::procurement::{value_by_method, Labels};
use crate::domain::calendar::FiscalYear;
use crate::domain::catalog::{Catalog, DatasetKind};
use crate::domain::issue::{Issue, Lang};
use crate::domain::org::Organisation;
use crate::domain::text::thai_sort_key;
use crate::query::store::Store;
use crate::query::summary::{by_method, totals};
use crate::ui::components::chart::BarChartView;
use crate::ui::components::error_panel::{ErrorPanel, IssueList};
use crate::ui::components::link::ViewLink;
use crate::ui::fetch::{fetch_bytes, LoadError};
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::ViewState;

#[component]
pub fn Explorer() -> impl IntoView {
    let view = use_view();
    let catalog = use_catalog().0;
    let lang = view.lang();
    let org = Memo::new(move |_| view.0.with(|s| s.org.clone()));
    let demo = catalog.demonstration;
    view! {
        <Show when=move || demo>
            <p class="demo-banner" data-testid="demo-banner">{move || t(lang.get(), Key::DemoBanner)}</p>
        </Show>
        {move || match org.get() {
            None => view! { <OrgList /> }.into_any(),
            Some(code) => view! { <OrgPage code=code /> }.into_any(),
        }}
    }
}

#[component]
fn OrgList() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let mut orgs: Vec<Organisation> = catalog.organisations.clone();
    orgs.sort_by_cached_key(|o| (o.province.th.clone(), o.org_type, thai_sort_key(&o.name.th)));
    let orgs = StoredValue::new(orgs);
    view! {
        <section class="org-list">
            <h1>{move || t(lang.get(), Key::Organisations)}</h1>
            <table data-testid="org-list">
                <thead>
                    <tr>
                        <th scope="col">{move || t(lang.get(), Key::Organisations)}</th>
                        <th scope="col">{move || t(lang.get(), Key::OrgType)}</th>
                        <th scope="col">{move || t(lang.get(), Key::District)}</th>
                        <th scope="col">{move || t(lang.get(), Key::Province)}</th>
                        <th scope="col" class="num">{move || t(lang.get(), Key::Population)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let l = lang.get();
                        orgs.with_value(|orgs| {
                            orgs.iter()
                                .cloned()
                                .map(|o| {
                                    let target = ViewState { lang: l, org: Some(o.code.clone()), ..ViewState::default() };
                                    view! {
                                        <tr>
                                            <td><ViewLink to=Signal::stored(target)>{o.name.get(l).to_string()}</ViewLink></td>
                                            <td>{o.org_type.label(l)}</td>
                                            <td>{o.district.as_ref().map(|d| d.get(l).to_string()).unwrap_or_default()}</td>
                                            <td>{o.province.get(l).to_string()}</td>
                                            <td class="num">{o.population.map(|p| format::count(p.count)).unwrap_or_default()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </section>
    }
}

/// What loading one organisation's procurement produced: the store, issues, and datasets that failed.
pub struct OrgProcurement {
    pub store: Store,
    pub issues: Vec<Issue>,
    pub rejected: usize,
    pub failed: Vec<(String, LoadError)>,
}

async fn load_procurement(
    catalog: Arc<Catalog>,
    code: String,
    year: Option<i32>,
) -> Arc<OrgProcurement> {
    let mut result = OrgProcurement {
        store: Store::default(),
        issues: Vec::new(),
        rejected: 0,
        failed: Vec::new(),
    };
    let datasets: Vec<_> = catalog
        .datasets_for(DatasetKind::Procurement, Some(&code))
        .filter(|d| {
            year.is_none() || d.fiscal_year.is_none() || d.fiscal_year == year.map(FiscalYear)
        })
        .cloned()
        .collect();
    for dataset in datasets {
        let url = format!("data/{}", dataset.url);
        match fetch_bytes(&url).await {
            Ok(bytes) => {
                let parsed = crate::ingest::ocds::load(&url, &bytes);
                result.rejected += parsed.counts.rejected;
                result.issues.extend(
                    parsed
                        .issues
                        .into_iter()
                        .filter(|i| i.severity == crate::domain::issue::Severity::Error),
                );
                result.store.add(
                    dataset.organisation.as_deref(),
                    dataset.fiscal_year,
                    parsed.values,
                );
            }
            Err(e) => result.failed.push((dataset.id.clone(), e)),
        }
    }
    Arc::new(result)
}

#[component]
fn OrgPage(code: String) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let Some(org) = catalog.organisation(&code).cloned() else {
        return view! { <p class="error-panel" role="alert">{move || t(lang.get(), Key::UnknownOrganisation)} " " <code>{code.clone()}</code></p> }.into_any();
    };
    let year = Memo::new(move |_| view.0.with(|s| s.year));
    let years: Vec<i32> = {
        let mut y: Vec<i32> = catalog
            .datasets_for(DatasetKind::Procurement, Some(&code))
            .filter_map(|d| d.fiscal_year.map(|f| f.0))
            .collect();
        y.sort_unstable_by(|a, b| b.cmp(a));
        y.dedup();
        y
    };
    let code_for_load = code.clone();
    let catalog_for_load = catalog.clone();
    let data = LocalResource::new(move || {
        load_procurement(catalog_for_load.clone(), code_for_load.clone(), year.get())
    });
    let org = StoredValue::new(org);
    let code = StoredValue::new(code);
    let year_links = move || {
        let l = lang.get();
        let selected = year.get();
        let base = ViewState {
            lang: l,
            org: Some(code.get_value()),
            ..ViewState::default()
        };
        let all = ViewState {
            year: None,
            ..base.clone()
        };
        let mut links = vec![view! { <li class:selected=selected.is_none()><ViewLink to=Signal::stored(all)>{t(l, Key::AllYears)}</ViewLink></li> }.into_any()];
        for y in &years {
            let target = ViewState {
                year: Some(*y),
                ..base.clone()
            };
            let label = format::fiscal_year(l, *y);
            links.push(view! { <li class:selected=selected == Some(*y)><ViewLink to=Signal::stored(target)>{label}</ViewLink></li> }.into_any());
        }
        links
    };
    let back = Signal::derive(move || ViewState {
        lang: lang.get(),
        ..ViewState::default()
    });
    view! {
        <section class="org-page">
            <ViewLink to=back class="back">{move || t(lang.get(), Key::BackToList)}</ViewLink>
            <h1 data-testid="org-name">{move || org.with_value(|o| o.name.get(lang.get()).to_string())}</h1>
            <p class="org-meta">
                {move || org.with_value(|o| {
                    let l = lang.get();
                    let mut parts = vec![o.org_type.label(l).to_string(), o.province.get(l).to_string()];
                    if let Some(p) = o.population {
                        parts.push(format!("{} {} ({})", t(l, Key::Population), format::count(p.count), format::be_year(l, p.year)));
                    }
                    parts.join(" · ")
                })}
            </p>
            <nav class="years" aria-label=move || t(lang.get(), Key::FiscalYear)>
                <span>{move || t(lang.get(), Key::FiscalYear)} ": "</span>
                <ul data-testid="year-links">{year_links}</ul>
            </nav>
            <h2>{move || t(lang.get(), Key::Procurement)}</h2>
            <Transition fallback=move || view! { <p class="loading">{move || t(lang.get(), Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let data = data.await;
                    view! { <ProcurementView data=data /> }
                })}
            </Transition>
        </section>
    }
    .into_any()
}

#[component]
fn ProcurementView(data: Arc<OrgProcurement>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let rows: Vec<u32> = data.store.select(None, None);
    let totals = totals(&data.store, &rows);
    let shares = by_method(&data.store, &rows);
    let data = StoredValue::new(data);
    let rows = StoredValue::new(rows);
    let chart = Signal::derive(move || {
        let l = lang.get();
        let method = |m| format::method(l, m).to_string();
        value_by_method(
            &shares,
            &Labels {
                title: t(l, Key::ChartByMethodTitle),
                x: t(l, Key::ChartByMethodX),
                y: t(l, Key::ChartByMethodY),
                series: t(l, Key::ContractValue),
                method: &method,
            },
        )
    });
    let stem = Signal::derive(move || {
        let s = view.get();
        format!(
            "locallens-procurement-{}-{}",
            s.org.unwrap_or_default(),
            s.year.map_or("all".to_string(), |y| y.to_string())
        )
    });
    let failures = move || {
        data.with_value(|d| {
            d.failed
                .iter()
                .map(|(id, e)| view! { <div data-dataset=id.clone()><ErrorPanel title=Key::ErrorDatasetTitle error=e.clone() lang=lang /></div> })
                .collect_view()
        })
    };
    let rejected = move || {
        data.with_value(|d| {
            (d.rejected > 0 || !d.issues.is_empty()).then(|| {
                let l = lang.get();
                view! {
                    <details class="rejected">
                        <summary>{t(l, Key::RejectedRecords)} ": " {d.rejected}</summary>
                        <IssueList issues=d.issues.clone() lang=l />
                    </details>
                }
            })
        })
    };
    let table_rows = move || {
        let l: Lang = lang.get();
        data.with_value(|d| {
            rows.with_value(|rows| {
                rows.iter()
                    .map(|&r| {
                        let i = r as usize;
                        let p = &d.store.processes[i].compiled;
                        view! {
                            <tr>
                                <td class="title">{p.title().unwrap_or(&p.ocid).to_string()}<br /><small class="ocid">{p.ocid.clone()}</small></td>
                                <td>{format::method(l, d.store.method[i])}</td>
                                <td class="num">{format::money_cell(d.store.reference_price[i])}</td>
                                <td class="num">{format::money_cell(d.store.contract_value[i])}</td>
                                <td>{format::stage(l, d.store.stage[i])}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        {failures}
        {rejected}
        <Show when=move || { totals.processes != 0 } fallback=move || view! { <p data-testid="no-processes">{move || t(lang.get(), Key::NoProcesses)}</p> }>
            <dl class="headline" data-testid="totals">
                <div><dt>{move || t(lang.get(), Key::Processes)}</dt><dd data-testid="total-count">{format::count(totals.processes as u64)}</dd></div>
                <div><dt>{move || t(lang.get(), Key::ReferencePrice)}</dt><dd>{totals.reference_price.format_baht()}</dd></div>
                <div><dt>{move || t(lang.get(), Key::ContractValue)}</dt><dd data-testid="total-contract">{totals.contract_value.format_baht()}</dd></div>
            </dl>
            <BarChartView chart=chart file_stem=stem />
            <div class="table-wrap">
                <table class="processes" data-testid="process-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t(lang.get(), Key::Title)}</th>
                            <th scope="col">{move || t(lang.get(), Key::Method)}</th>
                            <th scope="col" class="num">{move || t(lang.get(), Key::ReferencePrice)}</th>
                            <th scope="col" class="num">{move || t(lang.get(), Key::ContractValue)}</th>
                            <th scope="col">{move || t(lang.get(), Key::Stage)}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{move || t(lang.get(), Key::Total)}</th>
                            <td></td>
                            <td class="num">{totals.reference_price.format_baht()}</td>
                            <td class="num">{totals.contract_value.format_baht()}</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </Show>
    }
}
