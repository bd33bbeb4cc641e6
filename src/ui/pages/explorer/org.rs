//! One organisation: who it is, its fiscal years, and its procurement (`procurement.rs`).
use leptos::prelude::*;

use crate::domain::catalog::DatasetKind;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::data::WithData;
use crate::ui::pages::explorer::procurement::ProcurementView;
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::ViewState;

#[component]
pub fn OrgPage(code: String) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let Some(org) = catalog.organisation(&code).cloned() else {
        return view! { <p class="error-panel" role="alert">{move || t(lang.get(), Key::UnknownOrganisation)} " " <code>{code.clone()}</code></p> }.into_any();
    };
    let year = view.select(|s| s.year);
    let years: Vec<i32> = {
        let mut y: Vec<i32> =
            catalog.datasets_for(DatasetKind::Procurement, Some(&code)).filter_map(|d| d.fiscal_year.map(|f| f.0)).collect();
        y.sort_unstable_by(|a, b| b.cmp(a));
        y.dedup();
        y
    };
    let org = StoredValue::new(org);
    let code = StoredValue::new(code);
    let year_links = move || {
        let l = lang.get();
        let selected = year.get();
        let base = ViewState { org: Some(code.get_value()), process: None, supplier: None, ..view.get() };
        let all = ViewState { year: None, ..base.clone() };
        let mut links = vec![view! { <li class:selected=selected.is_none()><ViewLink to=Signal::stored(all)>{t(l, Key::AllYears)}</ViewLink></li> }.into_any()];
        for y in &years {
            let target = ViewState { year: Some(*y), ..base.clone() };
            let label = format::fiscal_year(l, *y);
            links.push(
                view! { <li class:selected=selected == Some(*y)><ViewLink to=Signal::stored(target)>{label}</ViewLink></li> }
                    .into_any(),
            );
        }
        links
    };
    let back = Signal::derive(move || ViewState { org: None, year: None, process: None, supplier: None, ..view.get() });
    view! {
        <section class="org-page">
            <ViewLink to=back class="back">{move || t(lang.get(), Key::BackToList)}</ViewLink>
            <h1 data-testid="org-name">{move || org.with_value(|o| o.name.get(lang.get()).to_string())}</h1>
            <p class="org-meta">
                {move || org.with_value(|o| {
                    let l = lang.get();
                    let mut parts = vec![o.org_type.label(l).to_string(), o.province.get(l).to_string()];
                    if let Some(p) = o.population {
                        parts.push(format!("{} {} ({})", t(l, Key::Population), format::count(p.count), format::be_year(l, p.year)));
                    }
                    parts.join(" · ")
                })}
            </p>
            <nav class="years" aria-label=move || t(lang.get(), Key::FiscalYear)>
                <span>{move || t(lang.get(), Key::FiscalYear)} ": "</span>
                <ul data-testid="year-links">{year_links}</ul>
            </nav>
            <h2>{move || t(lang.get(), Key::Procurement)}</h2>
            <WithData render=|data| view! { <ProcurementView data=data /> } />
        </section>
    }
    .into_any()
}
