//! An organisation's assessments: LPA by year (score, pass or fail by that year's rule, rank among peers) with
//! the latest year's areas, and ITA (score and grade). The figures come from `query::assessment`; synthetic
//! results say so above them.
use leptos::prelude::*;

use crate::domain::lang::Lang;
use crate::ingest::assessment::Assessments;
use crate::query::assessment::{ita_history, lpa_history, ItaYear, LpaYear, Rank};
use crate::ui::fetch::fetch_all_verified;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::state::{use_catalog, use_view};

pub(super) async fn load(urls: Vec<(String, Option<String>)>, folder: &'static str) -> Assessments {
    let mut all = Assessments { lpa: Vec::new(), ita: Vec::new() };
    for (url, bytes) in fetch_all_verified(folder, &urls).await {
        if let Ok(bytes) = bytes {
            let parsed = crate::ingest::assessment::parse(&url, &bytes).values;
            all.lpa.extend(parsed.lpa);
            all.ita.extend(parsed.ita);
        }
    }
    all
}

fn rank(l: Lang, r: Rank) -> String {
    r.map_or_else(|| t(l, Key::NoData).to_string(), |(place, of)| format!("{place} / {of}"))
}

fn pct(l: Lang, p: Option<f64>) -> String {
    p.map_or_else(|| t(l, Key::NoData).to_string(), |p| format!("{p:.1}%"))
}

#[component]
pub fn AssessmentSection(code: String) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let organisations = catalog.organisations.clone();
    // The page's files, shared with its headline and budget sections.
    let data = super::files::use_org_files();
    let render = move |all: Assessments, l: Lang| {
        let lpa = lpa_history(&all.lpa, &organisations, &code);
        let ita = ita_history(&all.ita, &code);
        if lpa.is_empty() && ita.is_empty() {
            return view! { <p class="muted">{t(l, Key::NoAssessment)}</p> }.into_any();
        }
        let synthetic = lpa.iter().any(|y| y.demonstration) || ita.iter().any(|y| y.demonstration);
        view! {
            {synthetic.then(|| view! { <p class="notice demo" data-testid="assessment-synthetic">{crate::domain::catalog::SYNTHETIC_NOTE.get(l)}</p> })}
            {(!lpa.is_empty()).then(|| lpa_tables(l, &lpa))}
            {(!ita.is_empty()).then(|| ita_table(l, &ita))}
        }
        .into_any()
    };
    view! {
        <section class="assessment" data-testid="assessment" aria-labelledby="assessment-title">
            <h2 id="assessment-title">{move || t(lang.get(), Key::Assessment)}</h2>
            <Transition fallback=move || view! { <p class="loading">{move || t(lang.get(), Key::Loading)}</p> }>
                {move || {
                    let render = render.clone();
                    // Read here, outside the future, so that a change of language redraws the tables.
                    let l = lang.get();
                    Suspend::new(async move { render(data.await.assessments.clone(), l) })
                }}
            </Transition>
        </section>
    }
}

fn lpa_tables(l: Lang, years: &[LpaYear]) -> impl IntoView {
    let latest = years.last().cloned();
    let rows = years
        .iter()
        .map(|y| {
            let verdict = match y.passed {
                Some(true) => t(l, Key::Passed),
                Some(false) => t(l, Key::Failed),
                None => t(l, Key::NoData),
            };
            view! {
                <tr>
                    <th scope="row">{format::fiscal_year(l, y.year)}</th>
                    <td class="num">{pct(l, y.percent)}</td>
                    <td>{verdict}</td>
                    <td class="num">{rank(l, y.rank_type_province)}</td>
                    <td class="num">{rank(l, y.rank_type)}</td>
                    <td class="num">{rank(l, y.rank_all)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0">
            <table data-testid="lpa-years">
                <caption>{t(l, Key::LpaTitle)}</caption>
                <thead><tr>
                    <th scope="col">{t(l, Key::FiscalYear)}</th><th scope="col" class="num">{t(l, Key::Score)}</th>
                    <th scope="col">{t(l, Key::PassOrFail)}</th><th scope="col" class="num">{t(l, Key::RankTypeProvince)}</th>
                    <th scope="col" class="num">{t(l, Key::RankType)}</th><th scope="col" class="num">{t(l, Key::RankAll)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {latest.map(|y| view! {
            <div class="table-scroll" tabindex="0">
                <table data-testid="lpa-areas">
                    <caption>{t(l, Key::LpaAreas)} " " {format::fiscal_year(l, y.year)}</caption>
                    <thead><tr><th scope="col">{t(l, Key::LpaArea)}</th><th scope="col" class="num">{t(l, Key::Points)}</th><th scope="col" class="num">{t(l, Key::Maximum)}</th><th scope="col" class="num">"%"</th></tr></thead>
                    <tbody>{y.areas.iter().map(|a| view! {
                        <tr><th scope="row">{a.name.get(l).to_string()}</th><td class="num">{format!("{:.1}", a.points)}</td><td class="num">{format!("{:.1}", a.maximum)}</td><td class="num">{pct(l, a.percent)}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </div>
        })}
    }
}

fn ita_table(l: Lang, years: &[ItaYear]) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0">
            <table data-testid="ita-years">
                <caption>{t(l, Key::ItaTitle)}</caption>
                <thead><tr><th scope="col">{t(l, Key::FiscalYear)}</th><th scope="col" class="num">{t(l, Key::Score)}</th><th scope="col">{t(l, Key::Grade)}</th></tr></thead>
                <tbody>{years.iter().map(|y| view! {
                    <tr><th scope="row">{format::fiscal_year(l, y.year)}</th><td class="num">{format!("{:.2}", y.total)}</td><td>{format!("{:?}", y.grade)}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}
