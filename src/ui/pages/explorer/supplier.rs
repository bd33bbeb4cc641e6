//! One supplier: who it is (tax id checked), what it won from which buyers and how much of each buyer's
//! spending that is, and its risk signals.
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::taxid::{self, TaxIdCheck};
use crate::query::flags::Group;
use crate::query::summary::supplier_by_buyer;
use crate::query::supplier::{profile, Profile};
use crate::query::trends::by_year_and_method;
use crate::ui::components::chart::BarChartView;
use crate::ui::components::flags::SignalList;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{use_flags, Loaded, Scope, WithData};
use crate::ui::pages::explorer::procurement::charts::years_by_method;
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::{Tab, ViewState};

#[component]
pub fn SupplierPage(id: String) -> impl IntoView {
    view! { <WithData scope=Scope::All render=move |data| view! { <SupplierView data=data id=id.clone() /> } /> }
}

#[component]
fn SupplierView(data: Arc<Loaded>, id: String) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let Some(profile) = profile(&data.store, &id) else {
        return view! { <p class="error-panel" role="alert" data-testid="supplier-missing">{move || t(lang.get(), Key::SupplierNotFound)} " " <code>{id.clone()}</code></p> }.into_any();
    };
    let Profile { name, tax_id, rows } = profile;
    let shares = supplier_by_buyer(&data.store, &id);
    let by_year = StoredValue::new(by_year_and_method(&data.store, &rows));
    let chart = Signal::derive(move || by_year.with_value(|table| years_by_method(lang.get(), table)));
    let stem = format!("locallens-supplier-{id}");
    let in_explorer = {
        let id = id.clone();
        // Every year, as on this page.
        Signal::derive(move || {
            let all =
                ViewState { tab: Tab::Procurement, org: None, supplier: None, process: None, ..view.get().without_filters() };
            all.with_filter(|f| f.supplier = Some(id.clone()))
        })
    };
    let stored = StoredValue::new(data);
    let flags = use_flags();
    let id_for_flags = id.clone();
    // Tenderer signals are per fiscal year; a year without any is not listed.
    let signals = move || {
        flags.with(|f| {
            let years: Vec<(i32, crate::query::flags::Codes)> = f
                .as_ref()
                .map(|s| s.by_year.of(Group::Tenderer, &id_for_flags).into_iter().map(|(y, c)| (y, c.clone())).collect())
                .unwrap_or_default();
            if years.is_empty() {
                return view! { <SignalList codes=Default::default() title=Key::SupplierSignals /> }.into_any();
            }
            years
                .into_iter()
                .map(|(y, codes)| view! { <SignalList codes=codes title=Key::SupplierSignals year=y /> })
                .collect_view()
                .into_any()
        })
    };
    let org_name =
        move |code: &str, l| catalog.organisation(code).map(|o| o.name.get(l).to_string()).unwrap_or_else(|| code.to_string());
    let org_name = StoredValue::new(org_name);
    let share_rows = move || {
        let l = lang.get();
        stored.with_value(|d| {
            shares
                .iter()
                .map(|s| {
                    let code = d.store.orgs.get(s.org).to_string();
                    let to = ViewState { org: Some(code.clone()), supplier: None, process: None, ..view.get_untracked() };
                    view! {
                        <tr>
                            <td><ViewLink to=Signal::stored(to)>{org_name.with_value(|f| f(&code, l))}</ViewLink></td>
                            <td class="num">{s.processes}</td>
                            <td class="num">{s.supplier_value.format_baht()}</td>
                            <td class="num">{s.buyer_value.format_baht()}</td>
                            <td class="num" data-testid="buyer-share">{s.share().map(|v| format!("{:.1}%", v * 100.0)).unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let process_rows = move || {
        let l = lang.get();
        stored.with_value(|d| {
            rows.iter()
                .map(|&r| {
                    let code = d.store.orgs.get(d.store.org[r as usize]).to_string();
                    let to = ViewState {
                        process: Some(d.store.ocid(r as usize).to_string()),
                        supplier: None,
                        org: Some(code.clone()),
                        ..view.get_untracked()
                    };
                    let title = d.store.title_or_ocid(r as usize).to_string();
                    let when = d.store.spend_date[r as usize];
                    view! {
                        <tr>
                            <td>{when.map(|d| format::date(l, d)).unwrap_or_default()}</td>
                            <td>{org_name.with_value(|f| f(&code, l))}</td>
                            <td><ViewLink to=Signal::stored(to)>{title}</ViewLink></td>
                            <td class="num">{format::money_cell(d.store.contract_value[r as usize])}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let tax_line = tax_id.map(|tin| {
        let check = taxid::check(&tin);
        let formatted = taxid::format(&tin);
        view! {
            <p data-testid="tax-id">{move || t(lang.get(), Key::TaxId)} ": " <code>{formatted.clone()}</code> " ("
                {move || t(lang.get(), if check == TaxIdCheck::Valid { Key::TaxIdValid } else { Key::TaxIdInvalid })} ")"</p>
        }
    });
    view! {
        <section class="supplier-page" data-testid="supplier-page">
            <h1 data-testid="supplier-name">{name}</h1>
            <p class="org-meta"><code>{id.clone()}</code></p>
            {tax_line}
            {signals}
            <h2>{move || t(lang.get(), Key::ShareOfBuyer)}</h2>
            <table data-testid="supplier-buyers">
                <thead><tr>
                    <th scope="col">{move || t(lang.get(), Key::Buyer)}</th>
                    <th scope="col" class="num">{move || t(lang.get(), Key::Processes)}</th>
                    <th scope="col" class="num">{move || t(lang.get(), Key::ContractsWon)}</th>
                    <th scope="col" class="num">{move || t(lang.get(), Key::ContractValue)}</th>
                    <th scope="col" class="num">"%"</th>
                </tr></thead>
                <tbody>{share_rows}</tbody>
            </table>
            <BarChartView chart=chart file_stem=stem />
            <p><ViewLink to=in_explorer>{move || t(lang.get(), Key::SupplierInExplorer)}</ViewLink></p>
            <h2>{move || t(lang.get(), Key::ContractsWon)}</h2>
            <table data-testid="supplier-processes">
                <thead><tr>
                    <th scope="col">{move || t(lang.get(), Key::Date)}</th>
                    <th scope="col">{move || t(lang.get(), Key::Buyer)}</th>
                    <th scope="col">{move || t(lang.get(), Key::Title)}</th>
                    <th scope="col" class="num">{move || t(lang.get(), Key::ContractValue)}</th>
                </tr></thead>
                <tbody>{process_rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}
