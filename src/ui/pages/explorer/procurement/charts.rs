//! The charts of the filtered set: spend by method over fiscal years, monthly spend in one fiscal year, price
//! as a share of ราคากลาง, and the top suppliers. Each is a chart spec from `charts::procurement`.
use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::charts::procurement::{method_over_years, monthly_spend, monthly_year_over_year, ranked, ratio_distribution, Axes};
use crate::charts::spec::BarChart;
use crate::domain::calendar::{english_month_short, thai_month_short};
use crate::domain::lang::Lang;
use crate::domain::money::Total;
use crate::query::trends::price_ratios;
use crate::ui::components::chart::BarChartView;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::procurement::Selection;
use crate::ui::state::use_view;
use crate::ui::url_state::ViewState;

/// Contract value by fiscal year and method, titled in `lang` (also the supplier page's timeline).
pub fn years_by_method(lang: Lang, table: &BTreeMap<i32, [(usize, Total); 6]>) -> BarChart {
    let axes = Axes { title: t(lang, Key::ChartYearsTitle), x: t(lang, Key::FiscalYear), y: t(lang, Key::Baht) };
    method_over_years(table, &axes, &|y| format::fiscal_year(Lang::Th, y), &|m| format::method(lang, m).to_string())
}

/// How many suppliers the chart of top suppliers ranks.
pub(super) const TOP_SUPPLIERS: usize = 10;

#[component]
pub fn Charts(selection: Selection) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let Selection { data, rows, per_year, suppliers, .. } = selection;
    let stem = Signal::derive(move || format!("locallens-{}", view.with(ViewState::scope_slug)));
    let named = move |suffix: &'static str| Signal::derive(move || format!("{}-{suffix}", stem.get()));

    // Counted once per selection, not again when only the language changes.
    let over_years = Signal::derive(move || per_year.with(|y| years_by_method(lang.get(), &y.by_method)));

    // Every fiscal year's months, from the selection's pass over the years: the year-over-year lines, and the
    // months of the latest fiscal year of the selection for "monthly spend within a fiscal year".
    let months = Memo::new(move |_| per_year.with(|y| Some(y.months.year(*y.by_method.keys().next_back()?))));
    let month_chart = Signal::derive(move || {
        let l = lang.get();
        let m = months.get().unwrap_or_default();
        let title = format!("{} {}", t(l, Key::ChartMonthlyTitle), format::fiscal_year(l, m.fiscal_year));
        let axes = Axes { title: &title, x: t(l, Key::Month), y: t(l, Key::Baht) };
        let month = |n: u8| match l {
            Lang::Th => thai_month_short(n).to_string(),
            Lang::En => english_month_short(n).to_string(),
        };
        monthly_spend(&m, &axes, t(l, Key::ContractValue), &month)
    });
    let month_note = move || {
        let l = lang.get();
        months.get().map(|m| {
            (!m.undated.is_zero() || !m.other_years.is_zero()).then(|| {
                view! {
                    <p class="note" data-testid="monthly-note">
                        {t(l, Key::MonthlyUndated)} ": " {m.undated.format_baht()} " · " {t(l, Key::MonthlyOtherYears)} ": " {m.other_years.format_baht()}
                    </p>
                }
            })
        })
    };

    // Every fiscal year's months on the same axes: the latest five, so that the lines stay apart.
    let year_over_year = Signal::derive(move || {
        let l = lang.get();
        let axes = Axes { title: t(l, Key::ChartYearOverYearTitle), x: t(l, Key::Month), y: t(l, Key::Baht) };
        let month = |n: u8| match l {
            Lang::Th => thai_month_short(n).to_string(),
            Lang::En => english_month_short(n).to_string(),
        };
        per_year.with(|y| monthly_year_over_year(&y.months.years, 5, &axes, &|y| format::fiscal_year(l, y), &month))
    });

    let ratios = Memo::new(move |_| rows.with(|rows| data.with_value(|d| price_ratios(&d.store, rows))));
    let ratio_chart = Signal::derive(move || {
        let l = lang.get();
        let axes = Axes { title: t(l, Key::ChartRatioTitle), x: t(l, Key::PriceToReference), y: t(l, Key::Processes) };
        ratio_distribution(&ratios.get(), &axes, t(l, Key::Processes))
    });

    // (supplier id, name, processes, value), largest first.
    let top = Memo::new(move |_| {
        suppliers.with(|figures| {
            data.with_value(|d| {
                figures
                    .by_value
                    .iter()
                    .map(|s| {
                        let id = d.store.suppliers.get(s.supplier).to_string();
                        let name = d.store.supplier_name(s.supplier).unwrap_or(&id).to_string();
                        (id, name, s.processes, s.value)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let top_chart = Signal::derive(move || {
        let l = lang.get();
        top.with(|top| {
            let items: Vec<(String, Total)> = top.iter().map(|(_, name, _, v)| (name.clone(), *v)).collect();
            ranked(&items, t(l, Key::TopSuppliers), t(l, Key::Supplier), t(l, Key::Baht), t(l, Key::ContractValue))
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
    let tt = move |k| move || t(lang.get(), k);
    view! {
        <section class="charts" data-testid="charts">
            <BarChartView chart=over_years file_stem=named("by-year-method") />
            <BarChartView chart=month_chart file_stem=named("monthly") />
            {month_note}
            <BarChartView chart=year_over_year file_stem=named("monthly-year-over-year") />
            <BarChartView chart=ratio_chart file_stem=named("price-to-reference") />
            <p class="note">{tt(Key::RatioNote)} " " {move || format!("({} {})", t(lang.get(), Key::WithoutRatio), ratios.get().without)}</p>
            <div class="top-suppliers" data-testid="top-suppliers">
                <BarChartView chart=top_chart file_stem=named("top-suppliers") />
                <p class="note">{tt(Key::TopSuppliersNote)}</p>
                <table data-testid="top-suppliers-table">
                    <thead><tr>
                        <th scope="col">{tt(Key::Supplier)}</th>
                        <th scope="col" class="num">{tt(Key::Processes)}</th>
                        <th scope="col" class="num">{tt(Key::ContractValue)}</th>
                    </tr></thead>
                    <tbody>{top_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
