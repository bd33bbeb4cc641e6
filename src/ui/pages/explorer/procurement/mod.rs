//! The procurement explorer over one organisation (`scope`) or every organisation loaded: search, facets
//! whose counts follow the other filters, figures, risk signals, a sortable paged table with a CSV of the
//! whole filtered set, and charts. Everything it shows is computed by `query` from the URL's state.
pub(super) mod charts;
mod spread;
pub use spread::SuppliersElsewhere;
mod facets;
mod figures;
mod table;

use std::sync::Arc;

use leptos::prelude::*;

use crate::query::across_buyers::{suppliers, Suppliers};
use crate::query::filter::{apply, FacetCounts};
use crate::query::sort::Sort;
use crate::query::summary::{totals, Totals};
use crate::query::trends::{years, Years};
use crate::ui::components::error_panel::{ErrorPanel, IssueList};
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{use_flags, Loaded};
use crate::ui::state::use_view;
use crate::ui::url_state::ViewState;

/// The filtered selection every part of the view reads.
#[derive(Clone, Copy)]
pub struct Selection {
    pub data: StoredValue<Arc<Loaded>>,
    /// The rows that pass every filter, in row order.
    pub rows: Memo<Arc<[u32]>>,
    /// The table's order.
    pub sort: Memo<Sort>,
    pub counts: Memo<FacetCounts>,
    /// Totals of the whole filtered set (all pages).
    pub totals: Memo<Totals>,
    /// Processes and contract value per fiscal year and method (the chart of years and, summed, the figures'
    /// shares by method) and every year's months (the month charts): one pass over the rows for all.
    pub per_year: Memo<Years>,
    /// The suppliers across buyers, the top suppliers and who took part: one pass for the three.
    pub suppliers: Memo<Suppliers>,
    /// True on an organisation's page, where organisation facets and the buyer column are left out.
    pub scoped: bool,
}

impl Selection {
    fn new(data: Arc<Loaded>, scope: Option<String>) -> Selection {
        let view = use_view();
        let flags = use_flags();
        let data = StoredValue::new(data);
        let scoped = scope.is_some();
        let within = StoredValue::new(data.with_value(|d| scope.as_deref().map(|o| d.store.select(Some(o), None))));
        let filter = view.select(|s| s.filter.clone());
        let sort = view.select(ViewState::sort_order);
        let filtered = Memo::new(move |_| {
            filter.with(|f| {
                flags.with(|fl| {
                    let mask = fl.as_ref().ok().map(|s| s.mask.as_slice());
                    data.with_value(|d| within.with_value(|w| apply(&d.store, f, w.as_deref(), mask)))
                })
            })
        });
        // In row order: the table sorts only as far as the page it shows, and figures and charts need no order.
        // Shared, not copied: the late parts' memos hold the same rows (a country's are 4.6 MB).
        let rows = Memo::new(move |_| filtered.with(|(rows, _)| Arc::<[u32]>::from(rows.as_slice())));
        let counts = Memo::new(move |_| filtered.with(|(_, c)| c.clone()));
        let totals = Memo::new(move |_| rows.with(|rows| data.with_value(|d| totals(&d.store, rows))));
        let (per_year, suppliers) = (per_year_of(data, rows), suppliers_of(data, rows));
        Selection { data, rows, sort, counts, totals, per_year, suppliers, scoped }
    }

    /// This selection one turn later, and whether it has come: a part that reads it computes after the table
    /// has painted, in a task of its own, so that no one task holds the main thread for all of a country's
    /// figures and charts.
    fn later(self) -> (Selection, Signal<bool>) {
        let late: RwSignal<Option<(Arc<[u32]>, Totals)>> = RwSignal::new(None);
        let (rows, totals) = (self.rows, self.totals);
        Effect::new(move |_| {
            rows.track();
            leptos::task::spawn_local(async move {
                crate::ui::fetch::next_tick().await;
                // The page may have gone meanwhile: then there is nothing to update. The totals are the ones
                // the headline already summed (a country's rows are not summed twice).
                if let (Some(now), Some(sums)) = (rows.try_get_untracked(), totals.try_get_untracked()) {
                    late.try_set(Some((now, sums)));
                }
            });
        });
        let rows = Memo::new(move |_| late.with(|l| l.as_ref().map_or_else(|| Arc::from([]), |(rows, _)| rows.clone())));
        let totals = Memo::new(move |_| late.with(|l| l.as_ref().map(|(_, sums)| *sums).unwrap_or_default()));
        let (per_year, suppliers) = (per_year_of(self.data, rows), suppliers_of(self.data, rows));
        (Selection { rows, totals, per_year, suppliers, ..self }, Signal::derive(move || late.with(Option::is_some)))
    }
}

fn suppliers_of(data: StoredValue<Arc<Loaded>>, rows: Memo<Arc<[u32]>>) -> Memo<Suppliers> {
    Memo::new(move |_| rows.with(|rows| data.with_value(|d| suppliers(&d.store, rows, spread::SHOWN, charts::TOP_SUPPLIERS))))
}

fn per_year_of(data: StoredValue<Arc<Loaded>>, rows: Memo<Arc<[u32]>>) -> Memo<Years> {
    Memo::new(move |_| rows.with(|rows| data.with_value(|d| years(&d.store, rows))))
}

#[component]
pub fn ProcurementView(data: Arc<Loaded>, #[prop(optional)] scope: Option<String>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let selection = Selection::new(data, scope);
    let data = selection.data;
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
    let search_text = RwSignal::new(view.get_untracked().filter.text);
    // Back and Forward change the search without typing: the box follows.
    let q = view.select(|s| s.filter.text.clone());
    Effect::new(move |_| search_text.set(q.get()));
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = search_text.get_untracked().trim().to_string();
        view.navigate(view.get_untracked().with_filter(|f| f.text = text));
    };
    // Said politely after every change of the selection, for readers who cannot see the table change.
    let announce = move || {
        let n = selection.totals.get().processes;
        format!("{} {}", format::count(n as u64), t(lang.get(), Key::ProcessesFound))
    };
    let clear = Signal::derive(move || view.get().without_filters());
    let ((figures, figures_ready), (charts, charts_ready)) = (selection.later(), selection.later());
    // Two turns, so that no one task computes every figure and chart of a country; but the passes both read
    // (years by method, suppliers) are the figures' memos, made once, not walked again for the charts.
    let charts = Selection { per_year: figures.per_year, suppliers: figures.suppliers, ..charts };
    let empty = move || data.with_value(|d| d.store.is_empty());
    view! {
        {failures}
        {rejected}
        <Show when=move || !empty() fallback=move || view! { <p data-testid="no-processes">{move || t(lang.get(), Key::NoProcesses)}</p> }>
            <form class="search" role="search" on:submit=on_search>
                <label>
                    <span class="visually-hidden">{move || t(lang.get(), Key::Search)}</span>
                    <input type="search" data-testid="search" placeholder=move || t(lang.get(), Key::SearchPlaceholder)
                        prop:value=move || search_text.get() on:input=move |ev| search_text.set(event_target_value(&ev)) />
                </label>
                <button type="submit">{move || t(lang.get(), Key::Search)}</button>
                <ViewLink to=clear class="clear">{move || t(lang.get(), Key::ClearFilters)}</ViewLink>
            </form>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="live-count">{announce}</p>
            <div class="explorer-body">
                <facets::Facets selection=selection />
                <div class="results">
                    <Show when=move || figures_ready.get()><figures::Figures selection=figures /></Show>
                    <table::ProcessTable selection=selection />
                    <Show when=move || charts_ready.get()><charts::Charts selection=charts /></Show>
                    {(!selection.scoped).then(|| view! { <Show when=move || charts_ready.get()><spread::AcrossBuyers selection=charts /></Show> })}
                </div>
            </div>
        </Show>
    }
}
