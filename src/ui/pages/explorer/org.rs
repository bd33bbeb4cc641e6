//! One organisation: who it is, and its procurement (`procurement/`).
use leptos::prelude::*;

use crate::domain::codes::Code;
use crate::ui::components::link::ViewLink;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::pages::explorer::assessment::AssessmentSection;
use crate::ui::pages::explorer::budget::BudgetSection;
use crate::ui::pages::explorer::data::{IncompleteNotice, Scope, WithData};
use crate::ui::pages::explorer::procurement::ProcurementView;
use crate::ui::pages::explorer::turn::WhereToTurn;
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
    super::files::provide_org_files(&catalog, &code, view.get_untracked().data.folder());
    let org = StoredValue::new(org);
    let code = StoredValue::new(code);
    let back = Signal::derive(move || ViewState { org: None, process: None, supplier: None, ..view.get().without_filters() });
    // Keeps an earlier choice (`compare=` travels with the links from the compare page) and adds this one.
    let compare = Signal::derive(move || super::compare::adding(&view.get(), &code.get_value()));
    view! {
        <section class="org-page">
            <ViewLink to=back class="back">{move || t(lang.get(), Key::BackToList)}</ViewLink>
            <h1 data-testid="org-name">{move || org.with_value(|o| o.name.get(lang.get()).to_string())}</h1>
            <p class="org-meta">
                {move || org.with_value(|o| {
                    let l = lang.get();
                    let mut parts = vec![o.org_type.label().get(l).to_string()];
                    parts.extend(o.district.as_ref().map(|d| format!("{} {}", t(l, Key::District), d.get(l))));
                    parts.push(o.province.get(l).to_string());
                    parts.push(match o.population {
                        Some(p) => {
                            let how = p.method.map(|m| format!(", {}", m.label().get(l))).unwrap_or_default();
                            format!("{} {} ({}{how})", t(l, Key::Population), format::count(p.count), format::be_year(l, p.year))
                        }
                        None => format!("{} {}", t(l, Key::Population), t(l, Key::NoData)),
                    });
                    parts.join(" · ")
                })}
            </p>
            {move || org.with_value(|o| {
                let l = lang.get();
                let area = o.area_km2.map(|a| format!(" · {} {a:.1} km²", t(l, Key::Area)));
                let place = o.location.map(|p| {
                    // A link the reader follows, not a request the page makes: the page stays on its own origin.
                    let href = format!("https://www.openstreetmap.org/?mlat={:.5}&mlon={:.5}#map=14/{:.5}/{:.5}", p.lat, p.lon, p.lat, p.lon);
                    view! { {t(l, Key::OfficeLocation)} ": " <a href=href rel="noopener noreferrer" data-testid="org-location">{format!("{:.4}, {:.4}", p.lat, p.lon)}</a> }
                });
                (place.is_some() || area.is_some()).then(|| view! { <p class="org-meta">{place}{area}</p> })
            })}
            <p class="actions">
                <ViewLink to=compare><span data-testid="add-to-compare">{move || t(lang.get(), Key::AddToCompare)}</span></ViewLink>
            </p>
            <super::headline::Headline code=code.get_value() />
            <WhereToTurn code=code.get_value() />
            <BudgetSection code=code.get_value() />
            <AssessmentSection code=code.get_value() />
            <h2>{move || t(lang.get(), Key::Procurement)}</h2>
            <IncompleteNotice org=Some(code.get_value()) />
            <WithData scope=Scope::Org(code.get_value()) render=move |data| view! { <ProcurementView data=data scope=code.get_value() /> } />
            <crate::ui::pages::explorer::procurement::SuppliersElsewhere code=code.get_value() />
        </section>
    }
    .into_any()
}
