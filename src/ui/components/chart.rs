//! A chart drawn from its spec, with its data as a table and CSV, SVG and PNG downloads.
use leptos::prelude::*;

use crate::charts::spec::BarChart;
use crate::charts::svg::bars_to_svg;
use crate::ui::components::download::{download, download_png};
use crate::ui::components::embed::{EmbedCode, EmbedSource};
use crate::ui::i18n::{t, Key};
use crate::ui::state::use_view;

const WIDTH: u32 = 720;
const HEIGHT: u32 = 360;

/// A chart, its data as a table, and downloads of both. The SVG comes from the core's renderer,
/// which escapes all text, so it is safe to insert as markup.
#[component]
pub fn BarChartView(#[prop(into)] chart: Signal<BarChart>, #[prop(into)] file_stem: Signal<String>) -> impl IntoView {
    let lang = use_view().lang();
    // Synthetic data says so in the picture and in the CSV, wherever the chart is saved to.
    let synthetic = crate::ui::state::use_catalog().0.has_synthetic();
    // A memo: the picture, the table, the title and the "no data" line all read it, and the spec given may be
    // derived from a whole country's rows (over the national data, five reads were five passes over them).
    let chart = Memo::new(move |_| {
        let note = synthetic.then(|| crate::domain::catalog::SYNTHETIC_NOTE.get(lang.get()).to_string());
        chart.get().with_note(note)
    });
    // Drawn after the browser has painted the figures and the table that changed with it: plotters measures each
    // label in the page, which forces a layout, so charts follow a frame later instead of delaying the rest.
    let svg = RwSignal::new(String::new());
    let drawn = RwSignal::new(0u32);
    let failed = RwSignal::new(false);
    Effect::new(move |_| {
        let spec = chart.get();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // A chart that cannot be drawn says so; its table below still has the data.
                    let text = bars_to_svg(&spec, WIDTH, HEIGHT).ok();
                    failed.try_set(text.is_none());
                    svg.try_set(text.unwrap_or_default());
                    drawn.try_update(|n| *n += 1);
                },
                std::time::Duration::ZERO,
            )
        });
    });
    let table = move || {
        chart.with(|c| {
            let head = c.series.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view();
            let rows = c
                .categories
                .iter()
                .enumerate()
                .map(|(i, cat)| {
                    let cells = c
                        .series
                        .iter()
                        .map(|s| {
                            let v = s.values.get(i).copied().filter(|v| v.is_finite());
                            let text = v.map_or_else(
                                || t(lang.get_untracked(), Key::NoData).to_string(),
                                // Whole figures (baht, counts) as such; shares and rates with two decimals.
                                |v| crate::ui::format::decimal(v, if v.fract() == 0.0 || v.abs() >= 1000.0 { 0 } else { 2 }),
                            );
                            view! { <td class="num">{text}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{cat.clone()}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <table class="chart-data">
                    <thead><tr><th scope="col">{c.x_label.clone()}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    let view = use_view();
    // Opened as `embed=1&chart=<this chart's file name>`, this chart alone is shown, with its source line.
    let embedded = Signal::derive(move || view.with(|s| s.embed && s.chart.as_deref() == Some(file_stem.get().as_str())));
    let title = Signal::derive(move || chart.with(|c| c.title.clone()));
    view! {
        <figure class="chart" class:embedded=embedded data-testid="chart" data-drawn=move || drawn.get() data-stem=move || file_stem.get()>
            <div class="chart-svg" role="img" aria-label=move || chart.with(|c| c.title.clone()) inner_html=move || svg.get()></div>
            <figcaption>{move || chart.with(|c| c.title.clone())}</figcaption>
            <Show when=move || !chart.with(BarChart::has_data)>
                <p class="muted" data-testid="chart-no-data">{move || t(lang.get(), Key::NoData)}</p>
            </Show>
            <Show when=move || failed.get()>
                <p class="error-panel" role="alert">{move || t(lang.get(), Key::ChartFailed)}</p>
            </Show>
            <details>
                <summary>{move || t(lang.get(), Key::ChartTable)}</summary>
                {table}
            </details>
            <div class="downloads">
                <button type="button" on:click=move |_| download(&format!("{}.csv", file_stem.get()), "text/csv;charset=utf-8", &format!("\u{FEFF}{}", chart.with(BarChart::to_csv)))>
                    {move || t(lang.get(), Key::DownloadCsv)}
                </button>
                <button type="button" on:click=move |_| download(&format!("{}.svg", file_stem.get()), "image/svg+xml", &svg.get())>
                    {move || t(lang.get(), Key::DownloadSvg)}
                </button>
                <button type="button" on:click=move |_| download_png(format!("{}.png", file_stem.get()), &svg.get(), WIDTH, HEIGHT)>
                    {move || t(lang.get(), Key::DownloadPng)}
                </button>
                <EmbedCode chart=file_stem title=title />
            </div>
            <Show when=move || embedded.get()>
                <EmbedSource />
            </Show>
        </figure>
    }
}
