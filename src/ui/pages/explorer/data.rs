//! Loading the procurement datasets a page needs (one organisation's, or the catalog's) into one store, with
//! progress, and the red flags over it, once the first page that shows procurement asks for them.
//! All years are loaded, so that year facets can count every year and each year's flags compare a process
//! with its whole fiscal year (see `query::flags::yearly`).
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::{Catalog, Dataset};
use crate::query::flags::settings::SettingsError;
use crate::query::flags::yearly::ByYear;
use crate::query::peers::peer_groups;
use crate::query::store::Store;
use crate::ui::fetch::{fetch_verified, LoadError};
use crate::ui::state::use_view;

/// What loading produced (see `query::load`), with the typed reason each failed dataset could not be fetched.
pub type Loaded = crate::query::load::Loaded<LoadError>;

/// What a page needs loaded: one organisation's datasets (its page, and a process reached from it), or every
/// dataset of the catalog (all procurement, a supplier across buyers). A citizen's page never fetches a province.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    Org(String),
    All,
}

impl Scope {
    pub fn of_org(org: Option<String>) -> Scope {
        org.map_or(Scope::All, Scope::Org)
    }

    fn org(&self) -> Option<&str> {
        match self {
            Scope::Org(code) => Some(code),
            Scope::All => None,
        }
    }
}

async fn load_procurement(
    catalog: Arc<Catalog>,
    scope: Scope,
    folder: &'static str,
    progress: RwSignal<(usize, usize)>,
) -> Arc<Loaded> {
    let datasets: Vec<Dataset> = crate::query::load::wanted(&catalog, scope.org()).into_iter().cloned().collect();
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

/// The loaded data, shared by the explorer's pages of one scope.
#[derive(Clone, Copy)]
struct Procurement(pub LocalResource<Arc<Loaded>>);

/// Where the flags on screen come from: the run made at publication over the whole fiscal year with the
/// default settings, or a run in the browser over what is loaded (changed settings, or files without one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagRun {
    Published,
    InBrowser { one_organisation: bool },
}

/// Flags per fiscal year and, per row of the store, whether it has any.
pub struct FlagState {
    /// Shared with the loaded data when it is the published run: a settings change back to the defaults does
    /// not copy it.
    pub by_year: Arc<ByYear>,
    pub mask: Vec<bool>,
    pub run: FlagRun,
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

/// One scope's data, its flags and its progress.
#[derive(Clone, Copy)]
struct Made {
    procurement: Procurement,
    flags: Flags,
    progress: RwSignal<(usize, usize)>,
}

/// Where the data comes from, and each scope's resource once some page has asked for it. The home page's list
/// of organisations needs none of it, so nothing is fetched until a page does.
#[derive(Clone)]
struct Source {
    owner: Owner,
    catalog: Arc<Catalog>,
    /// The catalog's folder: dataset URLs are relative to it.
    folder: &'static str,
    made: StoredValue<HashMap<Scope, Made>>,
}

pub fn provide_procurement(catalog: Arc<Catalog>) {
    provide_context(Source {
        owner: Owner::current().expect("inside the explorer"),
        catalog,
        folder: use_view().get_untracked().data.folder(),
        made: StoredValue::new(HashMap::new()),
    });
}

/// A scope's resource and flags, made on first use under the explorer's owner, so that they outlive the page
/// that first asked and every later page of the same scope shares them.
fn source(scope: &Scope) -> Made {
    let src = expect_context::<Source>();
    if let Some(made) = src.made.with_value(|m| m.get(scope).copied()) {
        return made;
    }
    let Source { owner, catalog, folder, made } = src;
    let one_organisation = matches!(scope, Scope::Org(_));
    let key = scope.clone();
    let scope = scope.clone();
    let pair = owner.with(|| {
        let progress = RwSignal::new((0, 0));
        let peers = peer_groups(&catalog.organisations);
        let resource = LocalResource::new(move || load_procurement(catalog.clone(), scope.clone(), folder, progress));
        let settings = use_view().select(|s| s.flag_settings.clone());
        let flags = Memo::new(move |_| {
            let loaded = resource.get();
            let empty = Store::default();
            let store = loaded.as_ref().map_or(&empty, |d| &d.store);
            let published = loaded.as_ref().and_then(|d| d.precomputed.as_ref());
            let state = match published {
                // The published run used the default settings: it stands only while the reader keeps them.
                Some(by_year) if settings.with(BTreeMap::is_empty) => {
                    let by_year = by_year.clone();
                    let mask = by_year.mask(store);
                    FlagState { by_year, mask, run: FlagRun::Published }
                }
                _ => {
                    let by_year = Arc::new(settings.with(|s| ByYear::run(s, store, &peers))?);
                    let mask = by_year.mask(store);
                    FlagState { by_year, mask, run: FlagRun::InBrowser { one_organisation } }
                }
            };
            Ok(Arc::new(state))
        });
        Made { procurement: Procurement(resource), flags: Flags(flags), progress }
    });
    made.update_value(|m| {
        m.insert(key, pair);
    });
    pair
}

/// The scope of the page being shown, which `WithData` provides to everything inside it.
#[derive(Clone)]
struct Current(Scope);

pub fn use_flags() -> Memo<Result<Arc<FlagState>, SettingsError>> {
    source(&expect_context::<Current>().0).flags.0
}

/// Waits for the data (showing how many datasets have arrived), then renders `render` with it.
#[component]
pub fn WithData<F, V>(scope: Scope, render: F) -> impl IntoView
where
    F: Fn(Arc<Loaded>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_view().lang();
    let made = source(&scope);
    provide_context(Current(scope));
    let data = made.procurement.0;
    let progress = made.progress;
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
