//! Suppliers across buyers, as a ranked list with bars: over a selection of several organisations (a province,
//! the country), the suppliers that win from the most of them; on an organisation's page, on request (it loads
//! the province), its suppliers and what each also wins from the province's other อปท. The figures are
//! `query::across_buyers`'.
use leptos::prelude::*;

use crate::charts::procurement::ranked;
use crate::domain::money::Total;
use crate::query::across_buyers::of_buyer;
use crate::ui::components::chart::BarChartView;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{Scope, WithData};
use crate::ui::pages::explorer::procurement::Selection;
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::ViewState;

/// How many suppliers the list shows: the head of the ranking, the CSV of the chart has the same.
pub(super) const SHOWN: usize = 15;

/// A link to a supplier's page, named as its processes name it.
fn supplier_link(id: String, name: String) -> impl IntoView {
    let view = use_view();
    let to = ViewState { supplier: Some(id), process: None, ..view.get_untracked() };
    view! { <ViewLink to=Signal::stored(to)>{name}</ViewLink> }
}

#[component]
pub fn AcrossBuyers(selection: Selection) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let Selection { data, suppliers, .. } = selection;
    // (id, name, buyers, processes, value, share of the selection), most buyers first.
    let ranked_list = Memo::new(move |_| {
        suppliers.with(|figures| {
            data.with_value(|d| {
                let all = figures.total.to_baht_f64();
                figures
                    .by_buyers
                    .iter()
                    .filter(|s| s.buyers > 1)
                    .map(|s| {
                        let id = d.store.suppliers.get(s.supplier).to_string();
                        let name = d.store.supplier_name(s.supplier).unwrap_or(&id).to_string();
                        let share = (all > 0.0).then(|| s.value.to_baht_f64() * 100.0 / all);
                        (id, name, s.buyers, s.processes, s.value, share)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let chart = Signal::derive(move || {
        let l = lang.get();
        ranked_list.with(|list| {
            // The bars are buyers, not baht: what "across buyers" ranks by.
            let items: Vec<(String, Total)> = list
                .iter()
                .map(|(_, name, buyers, ..)| (name.clone(), Total::from(crate::domain::money::Satang::baht(*buyers as i64))))
                .collect();
            ranked(&items, t(l, Key::AcrossBuyersTitle), t(l, Key::Supplier), t(l, Key::BuyerCount), t(l, Key::BuyerCount))
        })
    });
    let stem = Signal::derive(move || format!("locallens-{}-suppliers-across-buyers", view.with(ViewState::scope_slug)));
    let body = move || {
        let l = lang.get();
        ranked_list.with(|list| {
            list.iter()
                .map(|(id, name, buyers, processes, value, share)| {
                    view! {
                        <tr>
                            <th scope="row">{supplier_link(id.clone(), name.clone())}</th>
                            <td class="num" data-col="buyers">{*buyers}</td>
                            <td class="num">{format::count(*processes as u64)}</td>
                            <td class="num">{value.format_baht()}</td>
                            <td class="num">{share.map_or_else(|| t(l, Key::NoData).to_string(), |s| format!("{s:.2}%"))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let tt = move |k| move || t(lang.get(), k);
    view! {
        <section class="across-buyers" data-testid="across-buyers">
            <h3>{tt(Key::AcrossBuyersTitle)}</h3>
            <p class="note">{tt(Key::AcrossBuyersNote)}</p>
            <Show when=move || ranked_list.with(|l| !l.is_empty()) fallback=move || view! { <p class="muted">{tt(Key::AcrossBuyersNone)}</p> }>
                <BarChartView chart=chart file_stem=stem />
                <table data-testid="across-buyers-table">
                    <thead><tr>
                        <th scope="col">{tt(Key::Supplier)}</th>
                        <th scope="col" class="num">{tt(Key::BuyerCount)}</th>
                        <th scope="col" class="num">{tt(Key::Processes)}</th>
                        <th scope="col" class="num">{tt(Key::ContractValue)}</th>
                        <th scope="col" class="num">{tt(Key::ShareOfSelection)}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </Show>
        </section>
    }
}

/// On an organisation's page: its suppliers and what each wins from the province's other อปท. The province's
/// data is loaded only when the reader asks (`elsewhere=1`): a citizen's page never fetches a province unasked.
#[component]
pub fn SuppliersElsewhere(code: String) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let Some(province) = catalog.organisation(&code).and_then(|o| o.province_code.clone()) else { return ().into_any() };
    let asked = view.select(|s| s.elsewhere);
    let ask = Signal::derive(move || ViewState { elsewhere: true, ..view.get() });
    let tt = move |k| move || t(lang.get(), k);
    view! {
        <section class="suppliers-elsewhere" data-testid="suppliers-elsewhere">
            <h2>{tt(Key::SuppliersElsewhereTitle)}</h2>
            <Show when=move || asked.get() fallback=move || view! {
                <p>{tt(Key::SuppliersElsewhereAsk)} " " <ViewLink to=ask><span data-testid="load-elsewhere">{tt(Key::SuppliersElsewhereLoad)}</span></ViewLink></p>
            }>
                {
                    let (code, province) = (code.clone(), province.clone());
                    view! { <WithData scope=Scope::Province(province) render=move |data| elsewhere_table(data, code.clone()) /> }
                }
            </Show>
        </section>
    }
    .into_any()
}

fn elsewhere_table(data: std::sync::Arc<crate::ui::pages::explorer::Loaded>, code: String) -> impl IntoView {
    let lang = use_view().lang();
    let store = &data.store;
    let rows: Vec<u32> = (0..store.len() as u32).collect();
    let list = store.orgs.lookup(&code).map(|org| of_buyer(store, org, &rows)).unwrap_or_default();
    let shown: Vec<(String, String, usize, Total, usize, Total)> = list
        .iter()
        .take(SHOWN * 2)
        .map(|s| {
            let id = store.suppliers.get(s.supplier).to_string();
            let name = store.supplier_name(s.supplier).unwrap_or(&id).to_string();
            (id, name, s.processes, s.value, s.other_buyers, s.elsewhere)
        })
        .collect();
    let also = list.iter().filter(|s| s.other_buyers > 0).count();
    let of = list.len();
    let tt = move |k| move || t(lang.get(), k);
    view! {
        <p data-testid="elsewhere-summary">{move || format!("{} {also} / {of}", t(lang.get(), Key::SuppliersAlsoElsewhere))}</p>
        <table data-testid="elsewhere-table">
            <thead><tr>
                <th scope="col">{tt(Key::Supplier)}</th>
                <th scope="col" class="num">{tt(Key::Processes)}</th>
                <th scope="col" class="num">{tt(Key::ContractValue)}</th>
                <th scope="col" class="num">{tt(Key::OtherBuyers)}</th>
                <th scope="col" class="num">{tt(Key::ValueElsewhere)}</th>
            </tr></thead>
            <tbody>
                {shown.into_iter().map(|(id, name, processes, value, others, elsewhere)| view! {
                    <tr>
                        <th scope="row">{supplier_link(id, name)}</th>
                        <td class="num">{format::count(processes as u64)}</td>
                        <td class="num">{value.format_baht()}</td>
                        <td class="num" data-col="other-buyers">{others}</td>
                        <td class="num">{elsewhere.format_baht()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
