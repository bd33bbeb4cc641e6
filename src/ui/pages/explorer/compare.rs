//! Compare two to five organisations (`page=compare&compare=a,b,c`, years `cfrom`–`cto`): one table of every
//! measure with each one's difference from the first (Δ, Δ%), a chart with its table and CSV per measure, the
//! budget by ด้าน and by งบ, and peers to add. It fetches only the compared organisations' own files. The
//! figures are `query::compare`'s; this file loads and renders.
mod charts;
mod peers;

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::SYNTHETIC_NOTE;
use crate::domain::codes::Code;
use crate::domain::lang::Lang;
use crate::query::compare::{self, comparison_csv, delta, Comparison, Measure, Member, MAX, MEASURES};
use crate::query::overview::Inputs;
use crate::ui::components::download::download;
use crate::ui::components::embed::EmbedCode;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::{use_flags, IncompleteNotice, Loaded, Scope, WithData};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::{Page, ViewState};

use charts::Charts;
use peers::Peers;

/// The compare page with `codes` in this order (a view that adds, removes or reorders keeps the rest).
pub fn with_codes(state: &ViewState, codes: Vec<String>) -> ViewState {
    // Only what the comparison reads: the explorer's filters and tabs would ride along unused.
    ViewState {
        data: state.data,
        lang: state.lang,
        page: Page::Compare,
        compare: codes,
        compare_from: state.compare_from,
        compare_to: state.compare_to,
        flag_settings: state.flag_settings.clone(),
        ..ViewState::default()
    }
}

/// The comparison with `code` added (at the end; nothing changes when it is already there or the list is full).
pub fn adding(state: &ViewState, code: &str) -> ViewState {
    let mut codes = state.compare.clone();
    if !codes.iter().any(|c| c == code) && codes.len() < MAX {
        codes.push(code.to_string());
    }
    with_codes(state, codes)
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let codes = view.get_untracked().compare;
    let known: Vec<String> = codes.iter().filter(|c| catalog.organisation(c).is_some()).cloned().collect();
    let body = if known.is_empty() {
        view! { <p data-testid="compare-empty">{move || t(lang.get(), Key::CompareEmpty)}</p> }.into_any()
    } else {
        let scope = Scope::Orgs(known.clone());
        // Totals over a dataset its publisher says may be incomplete are lower bounds: each says so.
        let notices = known.iter().map(|c| view! { <IncompleteNotice org=Some(c.clone()) /> }).collect_view();
        view! { {notices} <WithData scope=scope render=move |data| view! { <Files data=data codes=known.clone() /> } /> }
            .into_any()
    };
    view! {
        <section class="compare" data-testid="compare">
            <h1>{move || Page::Compare.label().get(lang.get())}</h1>
            {body}
        </section>
    }
}

#[component]
fn Files(data: Arc<Loaded>, codes: Vec<String>) -> impl IntoView {
    let view = use_view();
    let catalog = use_catalog().0;
    let folder = view.get_untracked().data.folder();
    let chosen = codes.clone();
    let loaded = super::files::load(&catalog, move |o| o.is_none_or(|o| chosen.iter().any(|c| c == o)), folder);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">"…"</p> }>
            {move || Suspend::new({
                let (data, codes) = (data.clone(), codes.clone());
                async move {
                    let files = loaded.await;
                    view! { <Compared data=data files=files codes=codes /> }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Compared(data: Arc<Loaded>, files: Arc<super::files::Files>, codes: Vec<String>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let flags = use_flags();
    let years = {
        let (budgets, a) = (&files.budgets, &files.assessments);
        let inputs =
            Inputs { catalog: &catalog, store: &data.store, flagged: None, budgets, lpa: &a.lpa, ita: &a.ita, published: &[] };
        compare::years(&inputs)
    };
    let asked = view.select(|s| (s.compare_from, s.compare_to));
    let range = {
        let years = years.clone();
        Memo::new(move |_| {
            let latest = years.last().copied().unwrap_or_default();
            let (from, to) = asked.get();
            let to = to.unwrap_or(latest);
            let from = from.unwrap_or(to).min(to);
            (from, to)
        })
    };
    let cmp = {
        let (catalog, data, files, codes) = (catalog.clone(), data.clone(), files.clone(), codes.clone());
        Memo::new(move |_| {
            let (from, to) = range.get();
            let state = flags.get().ok();
            let mask = state.as_ref().and_then(|s| s.usable_mask());
            let (budgets, a) = (&files.budgets, &files.assessments);
            let inputs = Inputs {
                catalog: &catalog,
                store: &data.store,
                flagged: mask,
                budgets,
                lpa: &a.lpa,
                ita: &a.ita,
                published: &[],
            };
            Arc::new(compare::compare(&inputs, &codes, from..=to))
        })
    };
    let year_select = move |which: &'static str| {
        let years = years.clone();
        let l = lang.get_untracked();
        let (label, id) = match which {
            "from" => (t(l, Key::YearFrom), "compare-from"),
            _ => (t(l, Key::YearTo), "compare-to"),
        };
        let on_change = move |ev: leptos::ev::Event| {
            let y: Option<i32> = event_target_value(&ev).parse().ok();
            let mut next = view.get_untracked();
            if which == "from" {
                next.compare_from = y;
            } else {
                next.compare_to = y;
            }
            view.navigate(next);
        };
        let now = move || {
            let (from, to) = range.get();
            if which == "from" {
                from
            } else {
                to
            }
        };
        view! {
            <label for=id>{move || if which == "from" { t(lang.get(), Key::YearFrom) } else { t(lang.get(), Key::YearTo) }} " "</label>
            <select id=id data-testid=id on:change=on_change aria-label=label>
                {years.iter().map(|&y| view! {
                    <option value=y.to_string() selected=move || now() == y>{move || format::fiscal_year(lang.get(), y)}</option>
                }).collect_view()}
            </select>
        }
    };
    let synthetic = move || cmp.with(|c| c.members.iter().any(|m| m.demonstration));
    let on_csv = move |_| {
        let l = lang.get_untracked();
        let c = cmp.get_untracked();
        let note = synthetic().then(|| SYNTHETIC_NOTE.get(l));
        let (from, to) = (c.years.start(), c.years.end());
        download(&format!("locallens-compare-{from}-{to}.csv"), "text/csv;charset=utf-8", &comparison_csv(&c, l, note));
    };
    view! {
        <Chosen cmp=cmp />
        <p class="compare-years">{year_select("from")} " " {year_select("to")}</p>
        {move || synthetic().then(|| view! { <p class="notice demo">{SYNTHETIC_NOTE.get(lang.get())}</p> })}
        {move || table(lang.get(), &cmp.get())}
        <p class="muted">{move || t(lang.get(), Key::CompareMethod)}</p>
        <p class="actions">
            <button type="button" data-testid="compare-csv" on:click=on_csv>{move || t(lang.get(), Key::DownloadCsv)}</button>
            " " <EmbedCode title=Signal::derive(move || Page::Compare.label().get(lang.get()).to_string()) />
        </p>
        <Charts cmp=cmp />
        <Peers codes=codes />
    }
}

/// The organisations compared, each with a link to its page and one to take it out.
#[component]
fn Chosen(cmp: Memo<Arc<Comparison>>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    move || {
        let l = lang.get();
        let c = cmp.get();
        let unknown = (!c.unknown.is_empty()).then(|| {
            view! { <p class="notice" role="note">{t(l, Key::CompareUnknown)} " " {c.unknown.join(", ")}</p> }
        });
        let items = c
            .members
            .iter()
            .map(|m| {
                let code = m.code.clone();
                let page = ViewState { org: Some(code.clone()), page: Page::Explorer, ..view.get_untracked() };
                let rest: Vec<String> = view.get_untracked().compare.into_iter().filter(|x| *x != code).collect();
                let remove = with_codes(&view.get_untracked(), rest);
                let label = format!("{} {}", t(l, Key::CompareRemove), m.name.get(l));
                let name = m.name.get(l).to_string();
                let about = format!("{} · {}", m.org_type.label().get(l), m.province.get(l));
                view! {
                    <li data-code=code>
                        <ViewLink to=Signal::stored(page)>{name}</ViewLink>
                        " " <small class="muted">{about}</small>
                        " " <ViewLink to=Signal::stored(remove) class="remove">
                            <span aria-hidden="true">"×"</span><span class="visually-hidden">{label}</span>
                        </ViewLink>
                    </li>
                }
            })
            .collect_view();
        view! { {unknown} <ol class="compared" data-testid="compared">{items}</ol> }
    }
}

fn no_data(l: Lang) -> AnyView {
    view! { <span class="muted">{t(l, Key::NoData)}</span> }.into_any()
}

fn cell(l: Lang, measure: Measure, m: &Member, base: Option<f64>, first: bool) -> AnyView {
    let value = measure.value(m);
    let shown = value.map(|v| format::decimal(v, measure.decimals()));
    let population_note = (measure == Measure::Population).then(|| m.population.filter(|p| p.count > 0)).flatten().map(|p| {
        let how = p.method.map(|x| x.label().get(l)).unwrap_or_default();
        format!("{} {how}", format::be_year(l, p.year))
    });
    let d = (!first).then(|| delta(base, value)).flatten();
    view! {
        <td class="num" data-measure=measure.as_str() data-code=m.code.clone()>
            <span class="value">{shown.map_or_else(|| no_data(l), |s| s.into_any())}</span>
            {population_note.map(|n| view! { <br /><small class="muted">{n}</small> })}
            {d.map(|d| {
                let pct = d.percent.map(|p| format!(" ({}{p:.1}%)", if p > 0.0 { "+" } else { "" })).unwrap_or_default();
                let sign = if d.absolute > 0.0 { "+" } else { "" };
                view! { <br /><small class="delta">"Δ " {sign}{format::decimal(d.absolute, measure.decimals())}{pct}</small> }
            })}
        </td>
    }
    .into_any()
}

fn table(l: Lang, c: &Comparison) -> impl IntoView {
    let head = c
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let note = if i == 0 { format!(" ({})", t(l, Key::CompareBase)) } else { String::new() };
            view! { <th scope="col" class="num">{m.name.get(l).to_string()}<small>{note}</small></th> }
        })
        .collect_view();
    let rows = MEASURES
        .iter()
        .map(|&measure| {
            let base = c.members.first().and_then(|m| measure.value(m));
            view! {
                <tr data-measure=measure.as_str()>
                    <th scope="row">{measure.label().get(l)}</th>
                    {c.members.iter().enumerate().map(|(i, m)| cell(l, measure, m, base, i == 0)).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let (from, to) = (*c.years.start(), *c.years.end());
    let years = if from == to {
        format::fiscal_year(l, to)
    } else {
        format!("{} – {}", format::fiscal_year(l, from), format::fiscal_year(l, to))
    };
    view! {
        <div class="table-scroll" tabindex="0">
            <table data-testid="compare-table">
                <caption>{t(l, Key::CompareCaption)} " " {years}</caption>
                <thead><tr><th scope="col">{t(l, Key::CompareMeasure)}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
