//! The comparison's charts: one per measure with a bar per organisation, and the budget by ด้าน and by งบ
//! stacked, each with its table, CSV and embed code.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::spec::{BarChart, Series, Style};
use crate::domain::codes::Code;
use crate::domain::lang::Lang;
use crate::domain::money::Total;
use crate::query::compare::{split_amounts, split_names, Comparison, Measure, MEASURES};
use crate::ui::components::chart::BarChartView;
use crate::ui::i18n::{t, Key};
use crate::ui::state::use_view;

/// A chart per measure (one bar per organisation) and the budget by ด้าน and by งบ (stacked), each with its
/// table and CSV.
#[component]
pub(super) fn Charts(cmp: Memo<Arc<Comparison>>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    // An embedded chart is open: a closed one would show nothing.
    let embedded = move |stem: &str| view.with(|s| s.embed && s.chart.as_deref() == Some(stem));
    let names = move |c: &Comparison, l: Lang| c.members.iter().map(|m| m.name.get(l).to_string()).collect::<Vec<_>>();
    let measure_chart = move |measure: Measure| {
        Signal::derive(move || {
            let l = lang.get();
            let c = cmp.get();
            // A bar of 0 would read as a figure: no data stays out of the chart and says so in its table.
            let values: Vec<f64> = c.members.iter().map(|m| measure.value(m).unwrap_or(f64::NAN)).collect();
            BarChart {
                style: Style::StackedBars,
                title: measure.label().get(l).to_string(),
                x_label: t(l, Key::Organisations).to_string(),
                y_label: measure.label().get(l).to_string(),
                categories: names(&c, l),
                series: vec![Series { name: measure.label().get(l).to_string(), values }],
                note: None,
            }
        })
    };
    let split_chart = move |by_area: bool| {
        Signal::derive(move || {
            let l = lang.get();
            let c = cmp.get();
            let parts = split_names(&c.members, by_area);
            let amounts: Vec<Vec<Option<Total>>> = c.members.iter().map(|m| split_amounts(m, by_area, &parts)).collect();
            let series = parts
                .iter()
                .enumerate()
                .map(|(j, name)| Series {
                    name: name.clone(),
                    values: amounts.iter().map(|a| a[j].map_or(f64::NAN, Total::to_baht_f64)).collect(),
                })
                .collect();
            let title = t(l, if by_area { Key::CompareByArea } else { Key::CompareByCategory });
            BarChart {
                style: Style::StackedBars,
                title: title.to_string(),
                x_label: t(l, Key::Organisations).to_string(),
                y_label: t(l, Key::Baht).to_string(),
                categories: names(&c, l),
                series,
                note: None,
            }
        })
    };
    view! {
        <section class="compare-charts" data-testid="compare-charts">
            <h2>{move || t(lang.get(), Key::CompareCharts)}</h2>
            {MEASURES.iter().map(|&m| view! {
                <details data-chart=m.as_str() open=move || embedded(&format!("locallens-compare-{}", m.as_str()))>
                    <summary>{move || m.label().get(lang.get())}</summary>
                    <BarChartView chart=measure_chart(m) file_stem=format!("locallens-compare-{}", m.as_str()) />
                </details>
            }).collect_view()}
            <details data-chart="by-area" open=move || embedded("locallens-compare-by-area")>
                <summary>{move || t(lang.get(), Key::CompareByArea)}</summary>
                <BarChartView chart=split_chart(true) file_stem="locallens-compare-by-area".to_string() />
            </details>
            <details data-chart="by-category" open=move || embedded("locallens-compare-by-category")>
                <summary>{move || t(lang.get(), Key::CompareByCategory)}</summary>
                <BarChartView chart=split_chart(false) file_stem="locallens-compare-by-category".to_string() />
            </details>
        </section>
    }
}
