//! The explorer: the home page (organisations, or the procurement of all of them), an organisation's page,
//! one process, one supplier. The catalog's procurement is loaded once here and shared by every page below.
mod assessment;
mod budget;
mod budget_link;
mod compare;
mod data;
mod files;
mod headline;
mod map;
mod org;
mod overview;
mod process;
mod procurement;
mod supplier;
mod turn;

use leptos::prelude::*;

use crate::domain::codes::Code;
use crate::domain::org::Organisation;
use crate::domain::text::thai_sort_key;
use crate::ui::components::link::ViewLink;
use crate::ui::components::route_page::RoutePage;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::{Tab, ViewState};
pub use data::Loaded;

/// The home page: a tab for finding one's own organisation, and a tab for the procurement of all of them.
/// The tab is part of the route (`Explorer`): a tab change replaces the whole page, so nothing on it reacts to
/// a state it is being removed for.
#[component]
fn Home(tab: Tab) -> impl IntoView {
    let view = use_view();
    let catalog = use_catalog().0;
    // One province chosen loads only that province's shards; the memo spares a reload on other filter changes.
    let scope = Memo::new(move |_| view.with(|v| data::Scope::of_provinces(&catalog, &v.filter.provinces)));
    let lang = view.lang();
    let link = move |to: Tab, id: &'static str| {
        let target = Signal::derive(move || ViewState { tab: to, ..view.get() }.refined());
        view! {
            <li class:selected=tab == to aria-current=(tab == to).then_some("page") data-testid=id>
                <ViewLink to=target>{move || to.label().get(lang.get())}</ViewLink>
            </li>
        }
    };
    view! {
        <nav class="tabs" aria-label=move || t(lang.get(), Key::Explorer)>
            <ul>
                {link(Tab::Organisations, "tab-orgs")}
                {link(Tab::Procurement, "tab-procurement")}
                {link(Tab::Overview, "tab-overview")}
            </ul>
        </nav>
        {match tab {
            Tab::Organisations => view! { <OrgList /> }.into_any(),
            Tab::Overview => view! { <overview::Overview /> }.into_any(),
            Tab::Procurement => view! {
                <section class="all-procurement">
                    <h1>{move || Tab::Procurement.label().get(lang.get())}</h1>
                    <data::IncompleteNotice org=None />
                    {move || {
                        let scope = scope.get();
                        view! { <data::WithData scope=scope render=|data| view! { <procurement::ProcurementView data=data /> } /> }
                    }}
                </section>
            }
            .into_any(),
        }}
    }
}

#[component]
pub fn Explorer() -> impl IntoView {
    let view = use_view();
    let catalog = use_catalog().0;
    let lang = view.lang();
    data::provide_procurement(catalog.clone());
    let route = view.select(ViewState::route);
    let demo = catalog.demonstration;
    view! {
        <Show when=move || demo>
            <p class="demo-banner" data-testid="demo-banner">{move || t(lang.get(), Key::DemoBanner)}</p>
        </Show>
        <Show when=move || view.with(|s| s.embed && s.chart.is_none())>
            <crate::ui::components::embed::EmbedSource />
        </Show>
        {move || {
            let r = route.get();
            // Built inside the route's page, so that it reads the state through the page's own view.
            let (process, supplier, org, tab) = (r.process.clone(), r.supplier.clone(), r.org.clone(), r.tab);
            let comparing = r.page == crate::ui::url_state::Page::Compare;
            view! {
                <RoutePage route=r>
                    {match (process, supplier, org) {
                        _ if comparing => view! { <compare::ComparePage /> }.into_any(),
                        (Some(ocid), _, _) => view! { <process::ProcessPage ocid=ocid /> }.into_any(),
                        (None, Some(id), _) => view! { <supplier::SupplierPage id=id /> }.into_any(),
                        (None, None, Some(code)) => view! { <org::OrgPage code=code /> }.into_any(),
                        (None, None, None) => view! { <Home tab=tab /> }.into_any(),
                    }}
                </RoutePage>
            }
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
                                    let target = ViewState { lang: l, data: view.get_untracked().data, org: Some(o.code.clone()), ..ViewState::default() };
                                    view! {
                                        <tr>
                                            <td><ViewLink to=Signal::stored(target)>{o.name.get(l).to_string()}</ViewLink></td>
                                            <td>{o.org_type.label().get(l)}</td>
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
