//! The processes of the filtered set: sortable columns, pages of a chosen size (plain links, so it works
//! with a keyboard and a screen reader and each page has its own URL), totals of the whole set, and a CSV
//! of the whole set in table order.
use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::query::export::{file_name, processes_csv, COLUMNS, COLUMN_NOTES};
use crate::query::paging::{LinkKind, Window};
use crate::query::sort::{first_sorted, price_ratio, sort_rows, Sort, SortKey};
use crate::ui::components::download::download;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::use_flags;
use crate::ui::pages::explorer::procurement::Selection;
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::{Page, ViewState, PAGE_SIZES};

/// A column header that sorts by `key`: largest (or newest) first, and the other way on a second click.
fn sort_header(lang: Signal<Lang>, label: Key, key: SortKey, class: &'static str) -> impl IntoView {
    let view = use_view();
    let current = view.select(ViewState::sort_order);
    let to = Signal::derive(move || {
        let s = view.get();
        let now = s.sort_order();
        let next = if now.key == key { Sort { key, descending: !now.descending } } else { Sort { key, descending: true } };
        ViewState { sort: (next != Sort::default()).then_some(next), ..s }.refined()
    });
    let aria = move || {
        let c = current.get();
        if c.key != key {
            "none"
        } else if c.descending {
            "descending"
        } else {
            "ascending"
        }
    };
    let arrow = move || match aria() {
        "descending" => " ▼",
        "ascending" => " ▲",
        _ => "",
    };
    view! {
        <th scope="col" class=class aria-sort=aria data-sort=key.as_str()>
            <ViewLink to=to>{move || t(lang.get(), label)}{arrow}</ViewLink>
        </th>
    }
}

#[component]
pub fn ProcessTable(selection: Selection) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let flags = use_flags();
    let Selection { data, rows, sort, totals, scoped, .. } = selection;
    let paging = view.select(|s| (s.page_number(), s.page_size()));
    let window = Memo::new(move |_| {
        let (page, size) = paging.get();
        Window::new(rows.with(|r| r.len()), page, size)
    });
    // Only as far as the page shown: a country's selection is not sorted in full for 50 rows.
    let shown = Memo::new(move |_| {
        let Window { start, end, .. } = window.get();
        let first = rows.with(|rows| data.with_value(|d| first_sorted(&d.store, rows, sort.get(), end)));
        first.get(start..).map(<[u32]>::to_vec).unwrap_or_default()
    });
    let methodology = move |code: crate::query::flags::FlagCode| ViewState { page: Page::Flags, flag: Some(code), ..view.get() };
    let catalog_for_rows = catalog.clone();
    let body = move || {
        let l = lang.get();
        flags.with(|f| {
            let state = f.as_ref().ok();
            data.with_value(|d| {
                shown.with(|rows| {
                    rows.iter()
                        .map(|&r| {
                            let i = r as usize;
                            let codes: Vec<crate::query::flags::FlagCode> =
                                state.and_then(|s| s.by_year.of_row(&d.store, i)).map(|m| m.keys().copied().collect()).unwrap_or_default();
                            let title = d.store.title_or_ocid(i).to_string();
                            let ocid = d.store.ocid(i).to_string();
                            let org = d.store.orgs.get(d.store.org[i]).to_string();
                            let buyer = (!scoped).then(|| {
                                let name = catalog_for_rows.organisation(&org).map_or_else(|| org.clone(), |o| o.name.get(l).to_string());
                                let to = ViewState { org: Some(org.clone()), tab: Default::default(), ..view.get_untracked().without_filters() };
                                view! { <td><ViewLink to=Signal::stored(to)>{name}</ViewLink></td> }
                            });
                            let ratio = price_ratio(&d.store, i).map(|r| format!("{:.1}%", r * 100.0)).unwrap_or_else(|| "—".into());
                            let to = ViewState { process: Some(ocid.clone()), ..view.get_untracked() };
                            view! {
                                <tr>
                                    <td class="title">
                                        <ViewLink to=Signal::stored(to)>{title}</ViewLink>
                                        <br />
                                        <small class="ocid">{ocid}</small>
                                    </td>
                                    {buyer}
                                    <td class="date">{d.store.date[i].map(|x| format::date(l, x)).unwrap_or_else(|| "—".into())}</td>
                                    <td class="method">{format::method_short(l, d.store.method[i])}</td>
                                    <td class="num">{format::money_cell(d.store.reference_price[i])}</td>
                                    <td class="num">{format::money_cell(d.store.contract_value[i])}</td>
                                    <td class="num">{ratio}</td>
                                    <td>{format::stage(l, d.store.stage[i])}</td>
                                    <td class="flags">
                                        {codes.into_iter().map(|code| {
                                            let title = code.spec().title.get(l);
                                            view! { <ViewLink to=Signal::derive(move || methodology(code)) class="flag-badge"><span title=title>{code.as_str()}</span></ViewLink> " " }
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
    let catalog_for_csv = catalog.clone();
    let on_csv = move |_| {
        let l = lang.get_untracked();
        let s = view.get_untracked();
        let source = catalog_for_csv.publisher.name.en.clone().unwrap_or_else(|| catalog_for_csv.publisher.name.th.clone());
        let published = catalog_for_csv.datasets.iter().filter_map(|d| d.published).max().map(|d| d.iso()).unwrap_or_default();
        let name = file_name(&source, &s.scope_slug(), &published);
        let note = catalog_for_csv.has_synthetic().then(|| crate::domain::catalog::SYNTHETIC_NOTE.get(l));
        let csv = rows.with_untracked(|rows| {
            data.with_value(|d| {
                let mut sorted = rows.to_vec();
                sort_rows(&d.store, &mut sorted, sort.get_untracked());
                processes_csv(&d.store, &sorted, l, note)
            })
        });
        download(&name, "text/csv;charset=utf-8", &csv);
    };
    let pager = move || {
        let l = lang.get();
        let w = window.get();
        let s = view.get();
        let items = w
            .links()
            .into_iter()
            .map(|link| {
                let to = ViewState { pg: if link.page <= 1 { 0 } else { link.page }, ..s.clone() };
                let (label, class, name) = match link.kind {
                    LinkKind::First => ("«".to_string(), "first", Some(Key::FirstPage)),
                    LinkKind::Previous => ("‹".to_string(), "prev", Some(Key::PreviousPage)),
                    LinkKind::Next => ("›".to_string(), "next", Some(Key::NextPage)),
                    LinkKind::Last => ("»".to_string(), "last", Some(Key::LastPage)),
                    LinkKind::Number | LinkKind::Current => (link.page.to_string(), "page", None),
                };
                let current = link.kind == LinkKind::Current;
                let aria = name.map(|k| t(l, k));
                view! {
                    <li class:current=current>
                        <ViewLink to=Signal::stored(to) class=class label=aria current=current>{label}</ViewLink>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="pager" aria-label=t(l, Key::Pages)>
                <p data-testid="showing">
                    {t(l, Key::Showing)} " " {format::count(w.first_shown() as u64)} "–" {format::count(w.end as u64)}
                    " " {t(l, Key::Of)} " " {format::count(w.total as u64)}
                </p>
                <ul>{items}</ul>
            </nav>
        }
    };
    let on_size = move |ev: leptos::ev::Event| {
        let per: usize = event_target_value(&ev).parse().unwrap_or(0);
        let per = if per == crate::ui::url_state::DEFAULT_PAGE_SIZE { 0 } else { per };
        view.navigate(ViewState { per, ..view.get_untracked() }.refined());
    };
    let tt = move |k| move || t(lang.get(), k);
    view! {
        <section class="process-list" data-testid="process-list">
            <div class="table-tools">
                <button type="button" data-testid="csv" on:click=on_csv>{tt(Key::DownloadCsv)}</button>
                <label>{tt(Key::PageSize)} " "
                    <select data-testid="page-size" on:change=on_size>
                        {move || {
                            let size = paging.get().1;
                            PAGE_SIZES.iter().map(|&n| view! { <option value=n.to_string() selected=n == size>{n}</option> }).collect_view()
                        }}
                    </select>
                </label>
            </div>
            <details class="csv-columns">
                <summary>{tt(Key::CsvColumns)}</summary>
                <dl>
                    {move || {
                        let l = lang.get();
                        COLUMNS
                            .iter()
                            .zip(COLUMN_NOTES)
                            .map(|(head, note)| view! { <dt><code>{head.get(l)}</code></dt><dd>{note.get(l)}</dd> })
                            .collect_view()
                    }}
                </dl>
            </details>
            {pager}
            <div class="table-wrap">
                <table class="processes" data-testid="process-table">
                    <thead>
                        <tr>
                            <th scope="col">{tt(Key::Title)}</th>
                            {(!scoped).then(|| view! { <th scope="col">{tt(Key::Buyer)}</th> })}
                            {sort_header(lang, Key::Date, SortKey::Date, "")}
                            <th scope="col">{tt(Key::Method)}</th>
                            {sort_header(lang, Key::ReferencePrice, SortKey::Reference, "num")}
                            {sort_header(lang, Key::ContractValue, SortKey::Value, "num")}
                            {sort_header(lang, Key::PercentOfReference, SortKey::Ratio, "num")}
                            <th scope="col">{tt(Key::Stage)}</th>
                            <th scope="col">{tt(Key::RiskSignals)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan=if scoped { 3 } else { 4 }>{tt(Key::TotalFiltered)}</th>
                            <td class="num" data-testid="foot-reference">{move || totals.get().reference_price.format_baht()}</td>
                            <td class="num" data-testid="foot-contract">{move || totals.get().contract_value.format_baht()}</td>
                            <td colspan="3"></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            {pager}
        </section>
    }
}
