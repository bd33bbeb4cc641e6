//! Loading every procurement dataset of the catalog into one store, with progress, and the red flags over it,
//! once the first page that shows procurement asks for them.
//! All years are loaded, so that year facets can count every year and each year's flags compare a process
//! with its whole fiscal year (see `query::flags::yearly`).
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::{Catalog, DatasetKind};
use crate::query::flags::settings::SettingsError;
use crate::query::flags::yearly::ByYear;
use crate::query::peers::peer_groups;
use crate::query::store::Store;
use crate::ui::fetch::{fetch_verified, LoadError};
use crate::ui::state::use_view;

/// What loading produced (see `query::load`), with the typed reason each failed dataset could not be fetched.
pub type Loaded = crate::query::load::Loaded<LoadError>;

/// Datasets fetched so far, of how many.
#[derive(Clone, Copy)]
pub struct Progress(pub RwSignal<(usize, usize)>);

async fn load_procurement(catalog: Arc<Catalog>, folder: &'static str, progress: RwSignal<(usize, usize)>) -> Arc<Loaded> {
    let datasets: Vec<_> = catalog.datasets_for(DatasetKind::Procurement, None).cloned().collect();
    progress.set((0, datasets.len()));
    // Fetched together, read in catalog order so that row order does not depend on the network.
    let fetched = futures::future::join_all(datasets.iter().map(|d| async move {
        let result = fetch_verified(&format!("{folder}{}", d.url), d.sha256.as_deref()).await;
        progress.update(|(done, _)| *done += 1);
        result
    }))
    .await;
    let pairs = datasets.iter().zip(fetched).collect();
    let result = crate::query::load::build(&catalog, pairs);
    Arc::new(result)
}

/// The loaded data, shared by the explorer's pages.
#[derive(Clone, Copy)]
pub struct Procurement(pub LocalResource<Arc<Loaded>>);

/// Flags per fiscal year and, per row of the store, whether it has any.
pub struct FlagState {
    pub by_year: ByYear,
    pub mask: Vec<bool>,
}

/// Each run makes a new state; comparing by identity spares comparing every result.
impl PartialEq for FlagState {
    fn eq(&self, other: &FlagState) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The flags over the loaded data, computed once per data and settings and shared by every page (empty until
/// the data has loaded; an error message when a setting in the URL is refused).
#[derive(Clone, Copy)]
pub struct Flags(pub Memo<Result<Arc<FlagState>, SettingsError>>);

/// Where the data comes from, and the resource and flags once some page has asked for them. The home page's list
/// of organisations needs none of it, so nothing is fetched until a page does.
#[derive(Clone)]
struct Source {
    owner: Owner,
    catalog: Arc<Catalog>,
    /// The catalog's folder: dataset URLs are relative to it.
    folder: &'static str,
    progress: RwSignal<(usize, usize)>,
    made: StoredValue<Option<(Procurement, Flags)>>,
}

pub fn provide_procurement(catalog: Arc<Catalog>) {
    let progress = RwSignal::new((0, 0));
    provide_context(Progress(progress));
    provide_context(Source {
        owner: Owner::current().expect("inside the explorer"),
        catalog,
        folder: use_view().get_untracked().data.folder(),
        progress,
        made: StoredValue::new(None),
    });
}

/// The resource and the flags over it, made on first use under the explorer's owner, so that they outlive the
/// page that first asked and every later page shares them.
fn source() -> (Procurement, Flags) {
    let src = expect_context::<Source>();
    if let Some(made) = src.made.get_value() {
        return made;
    }
    let Source { owner, catalog, folder, progress, made } = src;
    let pair = owner.with(|| {
        let peers = peer_groups(&catalog.organisations);
        let resource = LocalResource::new(move || load_procurement(catalog.clone(), folder, progress));
        let settings = use_view().select(|s| s.flag_settings.clone());
        let flags = Memo::new(move |_| {
            let loaded = resource.get();
            let store = loaded.as_ref().map(|d| &d.store);
            let empty = Store::default();
            let store = store.unwrap_or(&empty);
            let by_year = settings.with(|s| ByYear::run(s, store, &peers))?;
            let mask = by_year.mask(store);
            Ok(Arc::new(FlagState { by_year, mask }))
        });
        (Procurement(resource), Flags(flags))
    });
    made.set_value(Some(pair));
    pair
}

pub fn use_flags() -> Memo<Result<Arc<FlagState>, SettingsError>> {
    source().1 .0
}

pub fn use_procurement() -> Procurement {
    source().0
}

/// Waits for the data (showing how many datasets have arrived), then renders `render` with it.
#[component]
pub fn WithData<F, V>(render: F) -> impl IntoView
where
    F: Fn(Arc<Loaded>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_view().lang();
    let data = use_procurement().0;
    let progress = expect_context::<Progress>().0;
    let fallback = move || {
        view! {
            <div class="loading" role="status" data-testid="loading">
                <p>
                    {move || crate::ui::i18n::t(lang.get(), crate::ui::i18n::Key::LoadingDatasets)} " "
                    {move || progress.get().0} " / " {move || progress.get().1}
                </p>
                <progress max=move || progress.get().1.max(1) value=move || progress.get().0></progress>
            </div>
        }
    };
    view! {
        <Transition fallback=fallback>
            {move || {
                let render = render.clone();
                Suspend::new(async move { render(data.await) })
            }}
        </Transition>
    }
}

/// Says which of the procurement datasets shown (one organisation's, or all) may be incomplete, and why, as
/// their publisher says: totals over them are lower bounds.
#[component]
pub fn IncompleteNotice(org: Option<String>) -> impl IntoView {
    let lang = use_view().lang();
    let catalog = crate::ui::state::use_catalog().0;
    let notes: Vec<(crate::domain::org::LocalText, Vec<String>)> =
        crate::query::load::incomplete(&catalog, org.as_deref()).into_iter().map(|(why, names)| (why.clone(), names)).collect();
    (!notes.is_empty()).then(|| {
        let notes = StoredValue::new(notes);
        view! {
            <div class="notice incomplete" role="note" data-testid="incomplete">
                {move || {
                    let l = lang.get();
                    notes.with_value(|notes| {
                        notes
                            .iter()
                            .map(|(why, names)| view! { <p><strong>{why.get(l).to_string()}</strong> {(!names.is_empty()).then(|| format!(" ({})", names.join(", ")))}</p> })
                            .collect_view()
                    })
                }}
            </div>
        }
    })
}
