//! One organisation's procurement in a fiscal year: search and facets, figures, risk signals, charts and every
//! process, with a CSV of exactly what is shown.
use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::procurement::{ranked, value_by_method, Labels};
use crate::domain::issue::Lang;
use crate::query::export::{file_name, processes_csv};
use crate::query::filter::{apply, Filter};
use crate::query::flags::about::{about, ALL};
use crate::query::flags::Group;
use crate::query::store::Method;
use crate::query::summary::{by_method, participants, top_suppliers, totals};
use crate::ui::components::chart::BarChartView;
use crate::ui::components::download::download;
use crate::ui::components::error_panel::{ErrorPanel, IssueList};
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{use_flags, Loaded};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::{Page, ViewState};

#[component]
pub fn ProcurementView(data: Arc<Loaded>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let catalog_name = StoredValue::new(catalog.publisher.name.en.clone().unwrap_or_else(|| catalog.publisher.name.th.clone()));
    let catalog_published =
        StoredValue::new(catalog.datasets.iter().filter_map(|d| d.published).max().map(|d| d.iso()).unwrap_or_default());
    let data = StoredValue::new(data);
    let flags = use_flags();
    let only_flagged = view.select(|s| s.only_flagged);
    let org = view.select(|s| s.org.clone());
    let query = view.select(|s| (s.q.clone(), s.methods.clone()));
    // The organisation's rows, narrowed by the search and the method facet; the facet's counts follow the search.
    let filtered = Memo::new(move |_| {
        let org = org.get();
        let (q, methods) = query.get();
        let filter =
            Filter { text: q, methods: methods.iter().filter_map(|m| Method::from_code(m)).collect(), ..Filter::default() };
        data.with_value(|d| {
            let base = d.store.select(org.as_deref(), None);
            apply(&d.store, &filter, Some(&base))
        })
    });
    let rows = Memo::new(move |_| {
        let all = filtered.with(|(rows, _)| rows.clone());
        if !only_flagged.get() {
            return all;
        }
        flags.with(|f| match f {
            Ok(outcome) => data.with_value(|d| {
                all.into_iter()
                    .filter(|&r| outcome.flags_of(Group::Ocid, &d.store.processes[r as usize].compiled.ocid).is_some())
                    .collect()
            }),
            Err(_) => all,
        })
    });
    let totals = Memo::new(move |_| rows.with(|rows| data.with_value(|d| totals(&d.store, rows))));
    let people = Memo::new(move |_| rows.with(|rows| data.with_value(|d| participants(&d.store, rows))));
    // (supplier id, name, processes, value), largest first.
    let top = Memo::new(move |_| {
        rows.with(|rows| {
            data.with_value(|d| {
                top_suppliers(&d.store, rows, 10)
                    .into_iter()
                    .map(|s| {
                        let id = d.store.suppliers.get(s.supplier).to_string();
                        let name = d
                            .store
                            .rows_of_supplier(&id)
                            .iter()
                            .find_map(|&r| d.store.processes[r as usize].compiled.party(&id)?.name.clone());
                        (id.clone(), name.unwrap_or(id), s.processes, s.value)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let top_chart = Signal::derive(move || {
        let l = lang.get();
        top.with(|top| {
            let items: Vec<(String, crate::domain::money::Satang)> =
                top.iter().map(|(_, name, _, v)| (name.clone(), *v)).collect();
            ranked(&items, t(l, Key::TopSuppliers), t(l, Key::Supplier), t(l, Key::ChartByMethodY), t(l, Key::ContractValue))
        })
    });
    let top_rows = move || {
        top.with(|top| {
            top.iter()
                .map(|(id, name, n, v)| {
                    let (name, n, v) = (name.clone(), *n, *v);
                    let to = ViewState { supplier: Some(id.clone()), process: None, ..view.get_untracked() };
                    view! {
                        <tr>
                            <td><ViewLink to=Signal::stored(to)>{name}</ViewLink></td>
                            <td class="num">{n}</td>
                            <td class="num">{v.format_baht()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let chart = Signal::derive(move || {
        let l = lang.get();
        let shares = rows.with(|rows| data.with_value(|d| by_method(&d.store, rows)));
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
        format!("locallens-procurement-{}-{}", s.org.unwrap_or_default(), s.year.map_or("all".to_string(), |y| y.to_string()))
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
    let search_text = RwSignal::new(view.get_untracked().q);
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        view.navigate(ViewState { q: search_text.get_untracked().trim().to_string(), ..view.get_untracked() });
    };
    let clear = Signal::derive(move || ViewState { q: String::new(), methods: Vec::new(), only_flagged: false, ..view.get() });
    let method_facet = move || {
        let l = lang.get();
        let chosen = view.get_untracked().methods;
        filtered.with(|(_, counts)| {
            counts
                .methods
                .iter()
                .map(|(m, n)| {
                    let (m, n) = (*m, *n);
                    let code = m.as_str().to_string();
                    let on = chosen.contains(&code);
                    let mut next = view.get_untracked();
                    if on {
                        next.methods.retain(|c| *c != code);
                    } else {
                        next.methods.push(code.clone());
                        next.methods.sort();
                    }
                    view! {
                        <li class:selected=on data-method=code>
                            <ViewLink to=Signal::stored(next)>{format::method(l, m)} " (" <span class="count">{n}</span> ")"</ViewLink>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let on_csv = move |_| {
        let l = lang.get_untracked();
        let s = view.get_untracked();
        let (source, published) = (catalog_name.get_value(), catalog_published.get_value());
        let name = file_name(
            &source,
            &format!("{}-{}", s.org.unwrap_or_default(), s.year.map_or("all".to_string(), |y| y.to_string())),
            &published,
        );
        let csv = rows.with_untracked(|rows| data.with_value(|d| processes_csv(&d.store, rows, l)));
        download(&name, "text/csv;charset=utf-8", &csv);
    };
    let toggle = Signal::derive(move || {
        let s = view.get();
        ViewState { only_flagged: !s.only_flagged, ..s }
    });
    let methodology = move |code: &'static str| {
        let s = view.get();
        ViewState { page: Page::Flags, flag: Some(code.to_string()), ..s }
    };
    let signals_summary = move || {
        let l = lang.get();
        flags.with(|f| match f {
            Err(e) => view! { <p class="error-panel" role="alert">{t(l, Key::SettingsInvalid)} ": " {e.clone()}</p> }.into_any(),
            Ok(outcome) => {
                let org = org.get();
                let flagged = filtered.with(|(rows, _)| {
                    data.with_value(|d| {
                        rows.iter().filter(|&&r| outcome.flags_of(Group::Ocid, &d.store.processes[r as usize].compiled.ocid).is_some()).count()
                    })
                });
                let buyer = org.unwrap_or_default();
                let buyer_flags: Vec<(&'static str, f64)> =
                    outcome.flags_of(Group::Buyer, &buyer).map(|m| m.iter().map(|(k, v)| (*k, *v)).collect()).unwrap_or_default();
                let counts: Vec<(&'static str, usize, usize)> = ALL
                    .iter()
                    .map(|a| (a.code, outcome.evaluated.get(a.code).copied().unwrap_or(0), outcome.not_evaluable.get(a.code).copied().unwrap_or(0)))
                    .collect();
                view! {
                    <section class="signals" data-testid="signals">
                        <h3>{t(l, Key::RiskSignals)}</h3>
                        <p class="not-proof">{t(l, Key::NotProof)}</p>
                        <p>
                            {t(l, Key::WithSignals)} ": " <strong data-testid="flagged-count">{flagged}</strong> " · "
                            <ViewLink to=toggle>{move || if only_flagged.get() { t(lang.get(), Key::ShowAll) } else { t(lang.get(), Key::OnlyFlagged) }}</ViewLink>
                        </p>
                        {(!buyer_flags.is_empty()).then(|| view! {
                            <p>{t(l, Key::BuyerSignals)} ": "
                                {buyer_flags.into_iter().map(|(code, v)| {
                                    let title = about(code).map(|a| l.pick(a.title)).unwrap_or(code);
                                    view! { <span class="flag-badge" title=title>{code} " " {format!("{v:.2}")}</span> " " }
                                }).collect_view()}
                            </p>
                        })}
                        <details>
                            <summary>{t(l, Key::Evaluated)} " / " {t(l, Key::NotEvaluable)}</summary>
                            <table class="flag-coverage" data-testid="flag-coverage">
                                <thead><tr><th scope="col">"code"</th><th scope="col" class="num">{t(l, Key::Evaluated)}</th><th scope="col" class="num">{t(l, Key::NotEvaluable)}</th></tr></thead>
                                <tbody>
                                    {counts.into_iter().map(|(code, ok, missing)| view! {
                                        <tr><th scope="row"><ViewLink to=Signal::derive(move || methodology(code))>{code}</ViewLink></th><td class="num">{ok}</td><td class="num">{missing}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </details>
                    </section>
                }
                .into_any()
            }
        })
    };
    let table_rows = move || {
        let l: Lang = lang.get();
        flags.with(|f| {
            let outcome = f.as_ref().ok();
            data.with_value(|d| {
                rows.with(|rows| {
                    rows.iter()
                        .map(|&r| {
                            let i = r as usize;
                            let p = &d.store.processes[i].compiled;
                            let codes: Vec<&'static str> =
                                outcome.and_then(|o| o.flags_of(Group::Ocid, &p.ocid)).map(|m| m.keys().copied().collect()).unwrap_or_default();
                            let title = p.title().unwrap_or(&p.ocid).to_string();
                            view! {
                                <tr>
                                    <td class="title">
                                        <ViewLink to=Signal::stored(ViewState { process: Some(p.ocid.clone()), ..view.get_untracked() })>
                                            {title}
                                        </ViewLink>
                                        <br />
                                        <small class="ocid">{p.ocid.clone()}</small>
                                    </td>
                                    <td>{format::method(l, d.store.method[i])}</td>
                                    <td class="num">{format::money_cell(d.store.reference_price[i])}</td>
                                    <td class="num">{format::money_cell(d.store.contract_value[i])}</td>
                                    <td>{format::stage(l, d.store.stage[i])}</td>
                                    <td class="flags">
                                        {codes.into_iter().map(|code| {
                                            let title = about(code).map(|a| l.pick(a.title)).unwrap_or(code);
                                            view! { <ViewLink to=Signal::derive(move || methodology(code)) class="flag-badge"><span title=title>{code}</span></ViewLink> " " }
                                        }).collect_view()}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
            })
        })
    };
    view! {
        {failures}
        {rejected}
        <Show when=move || totals.with(|t| t.processes != 0) || only_flagged.get() fallback=move || view! { <p data-testid="no-processes">{move || t(lang.get(), Key::NoProcesses)}</p> }>
            <dl class="headline" data-testid="totals">
                <div><dt>{move || t(lang.get(), Key::Processes)}</dt><dd data-testid="total-count">{move || format::count(totals.get().processes as u64)}</dd></div>
                <div><dt>{move || t(lang.get(), Key::ReferencePrice)}</dt><dd>{move || totals.get().reference_price.format_baht()}</dd></div>
                <div><dt>{move || t(lang.get(), Key::ContractValue)}</dt><dd data-testid="total-contract">{move || totals.get().contract_value.format_baht()}</dd></div>
                <div><dt>{move || t(lang.get(), Key::Bidders)}</dt><dd data-testid="bidders">{move || people.get().bidders}</dd></div>
                <div><dt>{move || t(lang.get(), Key::AwardedSuppliers)}</dt><dd data-testid="suppliers">{move || people.get().suppliers}</dd></div>
            </dl>
            <form class="search" role="search" on:submit=on_search>
                <label>
                    {move || t(lang.get(), Key::Search)} " "
                    <input type="search" data-testid="search" placeholder=move || t(lang.get(), Key::SearchPlaceholder)
                        prop:value=move || search_text.get() on:input=move |ev| search_text.set(event_target_value(&ev)) />
                </label>
                <button type="submit">{move || t(lang.get(), Key::Search)}</button>
                <ViewLink to=clear>{move || t(lang.get(), Key::ClearFilters)}</ViewLink>
            </form>
            <ul class="facet" data-testid="method-facet">{method_facet}</ul>
            <p class="downloads">
                <button type="button" data-testid="csv" on:click=on_csv>{move || t(lang.get(), Key::DownloadCsv)}</button>
            </p>
            {signals_summary}
            <BarChartView chart=chart file_stem=stem />
            <section class="top-suppliers" data-testid="top-suppliers">
                <BarChartView chart=top_chart file_stem=Signal::derive(move || format!("{}-top-suppliers", stem.get())) />
                <p class="note">{move || t(lang.get(), Key::TopSuppliersNote)}</p>
                <table data-testid="top-suppliers-table">
                    <thead><tr>
                        <th scope="col">{move || t(lang.get(), Key::Supplier)}</th>
                        <th scope="col" class="num">{move || t(lang.get(), Key::Processes)}</th>
                        <th scope="col" class="num">{move || t(lang.get(), Key::ContractValue)}</th>
                    </tr></thead>
                    <tbody>{top_rows}</tbody>
                </table>
            </section>
            <div class="table-wrap">
                <table class="processes" data-testid="process-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t(lang.get(), Key::Title)}</th>
                            <th scope="col">{move || t(lang.get(), Key::Method)}</th>
                            <th scope="col" class="num">{move || t(lang.get(), Key::ReferencePrice)}</th>
                            <th scope="col" class="num">{move || t(lang.get(), Key::ContractValue)}</th>
                            <th scope="col">{move || t(lang.get(), Key::Stage)}</th>
                            <th scope="col">{move || t(lang.get(), Key::RiskSignals)}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{move || t(lang.get(), Key::Total)}</th>
                            <td></td>
                            <td class="num">{move || totals.get().reference_price.format_baht()}</td>
                            <td class="num">{move || totals.get().contract_value.format_baht()}</td>
                            <td></td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </Show>
    }
}
