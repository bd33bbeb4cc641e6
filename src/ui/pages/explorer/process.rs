//! One contracting process from plan to delivery: every stage shown, a missing stage said to be missing,
//! every bid with the lowest and the winner marked, prices against ราคากลาง and budget, its risk signals,
//! its source documents and its release history.
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::codelist::Codelist;
use crate::domain::codes::{Code, Stage};
use crate::domain::lang::Lang;
use crate::domain::money::Satang;
use crate::domain::ocds::{Document, Process, Release};
use crate::domain::text::safe_link;
use crate::query::process::{bid_rows, figures};
use crate::ui::components::code::coded;
use crate::ui::components::flags::SignalList;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{use_flags, Loaded, Scope, WithData};
use crate::ui::state::use_view;
use crate::ui::url_state::ViewState;

#[component]
pub fn ProcessPage(ocid: String) -> impl IntoView {
    // Reached from an organisation's table or a supplier's list, the link names the buyer: only its data loads.
    let scope = Scope::of_org(use_view().get_untracked().org);
    view! { <WithData scope=scope render=move |data| view! { <ProcessView data=data ocid=ocid.clone() /> } /> }
}

fn money(v: Option<Satang>) -> String {
    v.map_or_else(|| "—".to_string(), |s| s.format_baht())
}

fn percent(fraction: Option<f64>) -> String {
    fraction.map_or_else(|| "—".to_string(), |f| format!("{:.2}%", f * 100.0))
}

fn date(lang: Lang, d: Option<crate::domain::calendar::Date>) -> String {
    d.map_or_else(|| "—".to_string(), |d| format::date(lang, d))
}

fn documents(docs: &[Document], lang: Lang) -> impl IntoView {
    (!docs.is_empty()).then(|| {
        let items = docs
            .iter()
            .map(|d| {
                let title = d.title.clone().or(d.document_type.clone()).unwrap_or_else(|| d.id.clone().unwrap_or_default());
                match d.url.as_deref().and_then(safe_link) {
                    Some(url) => {
                        view! { <li><a href=url.to_string() rel="noopener noreferrer nofollow" target="_blank">{title}</a></li> }
                            .into_any()
                    }
                    None => view! { <li>{title}</li> }.into_any(),
                }
            })
            .collect_view();
        view! { <div class="docs"><span>{t(lang, Key::Documents)} ": "</span><ul>{items}</ul></div> }
    })
}

/// A stage of the timeline: its content, or a plain statement that nothing was published for it.
fn stage(lang: Lang, heading: &'static str, present: bool, body: impl IntoView + 'static) -> impl IntoView {
    let class = if present { "stage present" } else { "stage missing" };
    view! {
        <li class=class data-testid="stage" data-present=present.to_string()>
            <h2>{heading}</h2>
            {if present { body.into_any() } else { view! { <p class="missing-note">{t(lang, Key::MissingStage)}</p> }.into_any() }}
        </li>
    }
}

#[component]
fn ProcessView(data: Arc<Loaded>, ocid: String) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let Some(row) = data.store.row_of(&ocid).map(|r| r as usize) else {
        return view! { <p class="error-panel" role="alert" data-testid="process-missing">{move || t(lang.get(), Key::ProcessNotFound)} " " <code>{ocid.clone()}</code></p> }.into_any();
    };
    let org_code = data.store.orgs.get(data.store.org[row]).to_string();
    let year = data.store.fiscal_year[row];
    let title = data.store.title_or_ocid(row).to_string();
    // A store read from raw files holds the release; one read from explorer shards fetches the detail file.
    let held = data.store.processes.get(row).cloned();
    let stored = StoredValue::new(data);
    let flags = use_flags();
    let catalog = crate::ui::state::use_catalog().0;
    let folder = view.get_untracked().data.folder();
    let (detail_org, detail_ocid) = (org_code.clone(), ocid.clone());
    let detail = LocalResource::new(move || {
        let (held, catalog, org, ocid) = (held.clone(), catalog.clone(), detail_org.clone(), detail_ocid.clone());
        async move {
            match held {
                Some(p) => Some(Ok(p)),
                None => fetch_detail(&catalog, folder, &org, year, &ocid).await,
            }
        }
    });
    let back = Signal::derive(move || ViewState { org: Some(org_code.clone()), process: None, supplier: None, ..view.get() });
    let signals = move || {
        flags.with(|f| {
            let codes =
                f.as_ref().ok().and_then(|s| stored.with_value(|d| s.by_year.of_row(&d.store, row).cloned())).unwrap_or_default();
            view! { <SignalList codes=codes title=Key::ProcessSignals /> }
        })
    };
    let waiting = move || view! { <p class="loading" role="status">{move || t(lang.get(), Key::LoadingDatasets)}</p> };
    let body = move || {
        Suspend::new(async move {
            let l = lang.get_untracked();
            match detail.await {
                Some(Ok(p)) => timeline(&p.compiled, &p, l, view.get_untracked()).into_any(),
                Some(Err(e)) => {
                    view! { <p class="error-panel" role="alert" data-testid="detail-error">{e.to_string()}</p> }.into_any()
                }
                None => {
                    view! { <p class="error-panel" role="alert" data-testid="process-missing">{t(l, Key::ProcessNotFound)}</p> }
                        .into_any()
                }
            }
        })
    };
    view! {
        <section class="process-page" data-testid="process-page">
            <ViewLink to=back class="back">{move || t(lang.get(), Key::BackToBuyer)}</ViewLink>
            <h1 data-testid="process-title">{title}</h1>
            <p class="org-meta"><code>{ocid.clone()}</code></p>
            {signals}
            <Suspense fallback=waiting>{body}</Suspense>
        </section>
    }
    .into_any()
}

/// The process from its organisation's detail file for the year (the compiled releases `publish` wrote), checked
/// against the catalog's SHA-256; None when no file lists it.
async fn fetch_detail(
    catalog: &crate::domain::catalog::Catalog,
    folder: &str,
    org: &str,
    year: i32,
    ocid: &str,
) -> Option<Result<Process, crate::ui::fetch::LoadError>> {
    let files = crate::query::load::detail_files(catalog, org, year);
    for d in files {
        let bytes = match crate::ui::fetch::fetch_verified(&format!("{folder}{}", d.url), d.sha256.as_deref()).await {
            Ok(bytes) => bytes,
            Err(e) => return Some(Err(e)),
        };
        if let Some(p) = crate::query::load::find_process(&d.url, &bytes, ocid) {
            return Some(Ok(p));
        }
    }
    None
}

fn supplier_link(id: Option<&str>, name: Option<&str>, state: &ViewState) -> AnyView {
    let label = name.or(id).unwrap_or("—").to_string();
    match id {
        Some(id) => {
            let to = ViewState { supplier: Some(id.to_string()), process: None, ..state.clone() };
            view! { <ViewLink to=Signal::stored(to)>{label}</ViewLink> }.into_any()
        }
        None => view! { <span>{label}</span> }.into_any(),
    }
}

fn timeline(r: &Release, p: &Process, l: Lang, state: ViewState) -> impl IntoView {
    let tender = r.tender.as_ref();
    let f = figures(r);
    let (budget, reference, contract_value) = (f.budget, f.reference, f.contract);
    let method = tender
        .map(|t| {
            format!(
                "{} {}",
                t.procurement_method_details.clone().unwrap_or_default(),
                t.procurement_method.as_deref().map(|m| format!("({m})")).unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let figures = view! {
        <dl class="headline" data-testid="process-figures">
            <div><dt>{t(l, Key::Budget)}</dt><dd>{money(budget)}</dd></div>
            <div><dt>{t(l, Key::ReferencePrice)}</dt><dd>{money(reference)}</dd></div>
            <div><dt>{t(l, Key::ContractValue)}</dt><dd>{money(contract_value)}</dd></div>
            <div><dt>{t(l, Key::VsReference)}</dt><dd data-testid="vs-reference">{percent(f.contract_to_reference)}</dd></div>
            <div><dt>{t(l, Key::VsBudget)}</dt><dd>{percent(f.reference_to_budget)}</dd></div>
        </dl>
        <p>{t(l, Key::Buyer)} ": " {r.buyer.as_ref().and_then(|b| b.name.clone()).unwrap_or_default()} " · " {t(l, Key::Method)} ": " {method}</p>
    };

    let planning = r.planning.as_ref();
    let planning_view = view! {
        <p>{planning.and_then(|p| p.budget.as_ref()?.description.clone()).unwrap_or_default()} " " {money(budget)}</p>
        <p>{planning.and_then(|p| p.rationale.clone()).unwrap_or_default()}</p>
        {documents(planning.map_or(&[][..], |p| &p.documents), l)}
    };

    let period = tender.and_then(|t| t.tender_period.as_ref());
    let tender_view = view! {
        <p>{t(l, Key::ReferencePrice)} ": " {money(reference)} " · " {t(l, Key::Status)} ": " {coded(l, Codelist::TenderStatus, tender.and_then(|t| t.status.as_deref()))}</p>
        <p>{t(l, Key::Period)} ": " {date(l, period.and_then(|p| p.start_date))} " – " {date(l, period.and_then(|p| p.end_date))}
            " · " {t(l, Key::NumberOfTenderers)} ": " {tender.and_then(|t| t.number_of_tenderers).map(|n| n.to_string()).unwrap_or_else(|| "—".into())}</p>
        <p>{t(l, Key::Items)} ": " {tender.map(|t| t.items.iter().filter_map(|i| i.description.clone()).collect::<Vec<_>>().join("; ")).unwrap_or_default()}</p>
        {documents(tender.map_or(&[][..], |t| &t.documents), l)}
    };

    let bid_rows = bid_rows(r)
        .into_iter()
        .map(|b| {
            let marks = [b.lowest.then(|| t(l, Key::Lowest)), b.winner.then(|| t(l, Key::Winner))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <tr class:winner=b.winner>
                    <td>{supplier_link(b.tenderer.as_deref(), b.name.as_deref(), &state)}</td>
                    <td class="num">{money(b.amount)}</td>
                    <td>{coded(l, Codelist::BidStatus, b.status.as_deref())}</td>
                    <td data-testid="bid-marks">{marks}</td>
                </tr>
            }
        })
        .collect_view();
    let bids_view = view! {
        <table class="bids" data-testid="bids-table">
            <thead><tr><th scope="col">{t(l, Key::Bidder)}</th><th scope="col" class="num">{t(l, Key::Price)}</th><th scope="col">{t(l, Key::Status)}</th><th scope="col"></th></tr></thead>
            <tbody>{bid_rows}</tbody>
        </table>
    };

    let awards_view = r
        .awards
        .iter()
        .map(|a| {
            let suppliers = a.suppliers.iter().map(|s| supplier_link(s.id.as_deref(), s.name.as_deref(), &state)).collect_view();
            view! {
                <p>{date(l, a.date)} " · " {money(a.value.as_ref().and_then(|v| v.amount))} " · " {coded(l, Codelist::AwardStatus, a.status.as_deref())} " · " {t(l, Key::Supplier)} ": " {suppliers}</p>
                {documents(&a.documents, l)}
            }
        })
        .collect_view();

    let contracts_view = r
        .contracts
        .iter()
        .map(|c| {
            let amendments = c.amendments.iter().map(|a| view! { <li>{date(l, a.date)} " " {a.rationale.clone().or(a.description.clone()).unwrap_or_default()}</li> }).collect_view();
            view! {
                <p>{t(l, Key::Value)} ": " {money(c.value.as_ref().and_then(|v| v.amount))} " · " {t(l, Key::DateSigned)} ": " {date(l, c.date_signed)}
                    " · " {t(l, Key::Period)} ": " {date(l, c.period.as_ref().and_then(|p| p.start_date))} " – " {date(l, c.period.as_ref().and_then(|p| p.end_date))}
                    " · " {coded(l, Codelist::ContractStatus, c.status.as_deref())}</p>
                {(!c.amendments.is_empty()).then(|| view! { <p>{t(l, Key::Amendments)}</p><ul>{amendments}</ul> })}
                {documents(&c.documents, l)}
            }
        })
        .collect_view();

    let implementations: Vec<_> = r.contracts.iter().filter_map(|c| c.implementation.as_ref()).collect();
    let implemented = implementations.iter().any(|i| !i.transactions.is_empty() || !i.milestones.is_empty());
    let payments = implementations
        .iter()
        .flat_map(|i| &i.transactions)
        .map(|tx| view! { <tr><td>{date(l, tx.date)}</td><td class="num">{money(tx.value.as_ref().and_then(|v| v.amount))}</td><td>{tx.payee.as_ref().and_then(|p| p.name.clone()).unwrap_or_default()}</td></tr> })
        .collect_view();
    let milestones = implementations
        .iter()
        .flat_map(|i| &i.milestones)
        .map(|m| view! { <li>{m.title.clone().unwrap_or_default()} " · " {coded(l, Codelist::MilestoneStatus, m.status.as_deref())} " · " {date(l, m.date_met.or(m.due_date))}</li> })
        .collect_view();
    let implementation_view = view! {
        <table class="payments"><caption>{t(l, Key::Payments)}</caption>
            <thead><tr><th scope="col">{t(l, Key::Date)}</th><th scope="col" class="num">{t(l, Key::Value)}</th><th scope="col">{t(l, Key::Supplier)}</th></tr></thead>
            <tbody>{payments}</tbody>
        </table>
        <p>{t(l, Key::Milestones)}</p><ul>{milestones}</ul>
    };

    let history =
        p.history
            .iter()
            .map(|h| {
                let tags: Vec<&str> =
                    h.tag.iter().map(|tag| Codelist::ReleaseTag.label(tag).map_or(tag.as_str(), |n| n.get(l))).collect();
                let label = format!("{} · {}", date(l, h.date), tags.join(", "));
                let label = match h.url.as_deref().and_then(safe_link) {
                    Some(url) => view! { <a href=url.to_string() rel="noopener noreferrer nofollow" target="_blank">{label}</a> }
                        .into_any(),
                    None => view! { <span>{label}</span> }.into_any(),
                };
                let changes = (!h.changes.is_empty()).then(|| {
                    let fields = h.changes.iter().map(|c| view! { <code>{c.clone()}</code> " " }).collect_view();
                    view! { <br /><small class="changes">{t(l, Key::Changed)} ": " {fields}</small> }
                });
                view! { <li data-testid="history-entry">{label}{changes}</li> }
            })
            .collect_view();

    view! {
        {figures}
        <ol class="timeline" data-testid="timeline">
            {stage(l, Stage::Planning.label().get(l), planning.is_some(), planning_view)}
            {stage(l, Stage::Tender.label().get(l), tender.is_some(), tender_view)}
            {stage(l, t(l, Key::Bids), !r.bids.is_empty(), bids_view)}
            {stage(l, Stage::Award.label().get(l), !r.awards.is_empty(), awards_view)}
            {stage(l, Stage::Contract.label().get(l), !r.contracts.is_empty(), contracts_view)}
            {stage(l, Stage::Implementation.label().get(l), implemented, implementation_view)}
        </ol>
        <details class="history" data-testid="history"><summary>{t(l, Key::History)}</summary><ol>{history}</ol></details>
    }
}
