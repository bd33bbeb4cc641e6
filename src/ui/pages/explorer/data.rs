//! Loading the procurement datasets of a fiscal year into the store, and the flags computed over it.
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::calendar::FiscalYear;
use crate::domain::catalog::{Catalog, DatasetKind};
use crate::domain::issue::Issue;
use crate::query::flags::{Engine, Outcome};
use crate::query::store::Store;
use crate::ui::fetch::{fetch_bytes, LoadError};
use crate::ui::state::use_view;

/// What loading a year's procurement produced: the store, issues, and datasets that failed.
pub struct Loaded {
    pub store: Store,
    pub issues: Vec<Issue>,
    pub rejected: usize,
    pub failed: Vec<(String, LoadError)>,
}

/// Loads the procurement of every organisation in the catalog for the year: red flags compare a buyer with
/// the others (fences, peers), so they need all of them even when one organisation is shown.
async fn load_procurement(catalog: Arc<Catalog>, year: Option<i32>) -> Arc<Loaded> {
    let mut result = Loaded { store: Store::default(), issues: Vec::new(), rejected: 0, failed: Vec::new() };
    let datasets: Vec<_> = catalog
        .datasets_for(DatasetKind::Procurement, None)
        .filter(|d| year.is_none() || d.fiscal_year.is_none() || d.fiscal_year == year.map(FiscalYear))
        .cloned()
        .collect();
    for dataset in datasets {
        let url = format!("data/{}", dataset.url);
        match fetch_bytes(&url).await {
            Ok(bytes) => {
                let parsed = crate::ingest::ocds::load(&url, &bytes);
                result.rejected += parsed.counts.rejected;
                result.issues.extend(parsed.issues.into_iter().filter(|i| i.severity == crate::domain::issue::Severity::Error));
                result.store.add(dataset.organisation.as_deref(), dataset.fiscal_year, parsed.values);
            }
            Err(e) => result.failed.push((dataset.id.clone(), e)),
        }
    }
    Arc::new(result)
}

/// The loaded year, shared by the explorer's pages.
#[derive(Clone, Copy)]
pub struct Procurement(pub LocalResource<Arc<Loaded>>);

/// The flags over the loaded year, computed once per data and settings and shared by every page (an empty
/// outcome until the data has loaded; an error message when a setting in the URL is refused).
#[derive(Clone, Copy)]
pub struct Flags(pub Memo<Result<Arc<Outcome>, String>>);

pub fn provide_procurement(catalog: Arc<Catalog>, year: Memo<Option<i32>>) {
    let peers = peer_groups(&catalog);
    let resource = LocalResource::new(move || load_procurement(catalog.clone(), year.get()));
    provide_context(Procurement(resource));
    let settings = use_view().select(|s| s.flag_settings.clone());
    let flags = Memo::new(move |_| {
        let loaded = resource.get();
        let mut engine = settings.with(Engine::with_overrides).map_err(|e| e.to_string())?;
        Ok(Arc::new(match loaded {
            Some(d) => engine.run(d.store.processes.iter().map(|p| &p.compiled), &peers),
            None => Outcome::default(),
        }))
    });
    provide_context(Flags(flags));
}

pub fn use_flags() -> Memo<Result<Arc<Outcome>, String>> {
    expect_context::<Flags>().0
}

pub fn use_procurement() -> Procurement {
    expect_context::<Procurement>()
}

/// Waits for the year's data (showing that it is loading), then renders `render` with it.
#[component]
pub fn WithData<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Loaded>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_view().lang();
    let data = use_procurement().0;
    view! {
        <Transition fallback=move || view! { <p class="loading">{move || crate::ui::i18n::t(lang.get(), crate::ui::i18n::Key::Loading)}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move { render(data.await) })
            }}
        </Transition>
    }
}

/// Buyer id → peer group (organisation type and province), for comparisons among peers.
fn peer_groups(catalog: &Catalog) -> HashMap<String, String> {
    catalog.organisations.iter().map(|o| (o.code.clone(), format!("{}/{}", o.org_type.as_str(), o.province.th))).collect()
}
