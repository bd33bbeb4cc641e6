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
use crate::query::load::Want;
use crate::query::peers::peer_groups;
use crate::query::store::Store;
use crate::ui::fetch::LoadError;
use crate::ui::format;
use crate::ui::i18n::{t, Key};
use crate::ui::state::use_view;

mod progressive;
use progressive::load_procurement;
pub use progressive::Progress;

/// What loading produced (see `query::load`), with the typed reason each failed dataset could not be fetched.
pub type Loaded = crate::query::load::Loaded<LoadError>;

/// What a page needs loaded: one organisation's datasets (its page, and a process reached from it), one
/// province's (all procurement filtered to one province), or every dataset of the catalog (all procurement, a
/// supplier across buyers). A citizen's page never fetches a province.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    Org(String),
    /// The organisations compared, in the order asked.
    Orgs(Vec<String>),
    /// A province's DOPA code.
    Province(String),
    All,
}

impl Scope {
    pub fn of_org(org: Option<String>) -> Scope {
        org.map_or(Scope::All, Scope::Org)
    }

    /// All procurement, or one province's when the filter names exactly one that the catalog knows.
    pub fn of_provinces(catalog: &Catalog, provinces: &std::collections::BTreeSet<String>) -> Scope {
        let mut names = provinces.iter();
        let code = match (names.next(), names.next()) {
            (Some(name), None) => {
                catalog.organisations.iter().find(|o| &o.province.th == name).and_then(|o| o.province_code.clone())
            }
            _ => None,
        };
        code.map_or(Scope::All, Scope::Province)
    }

    fn want(&self) -> Want<'_> {
        match self {
            Scope::Org(code) => Want::Org(code),
            Scope::Orgs(codes) => Want::Orgs(codes),
            Scope::Province(code) => Want::Province(code),
            Scope::All => Want::All,
        }
    }
}

/// The loaded data, shared by the explorer's pages of one scope.
#[derive(Clone, Copy)]
struct Procurement(pub LocalResource<Arc<Loaded>>);

/// Where the flags on screen come from: the run made at publication over the whole fiscal year with the
/// default settings, or a run in the browser over what is loaded (changed settings, or files without one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagRun {
    Published,
    InBrowser {
        one_organisation: bool,
    },
    /// Changed settings over explorer shards: the full records are being fetched to run them.
    Fetching,
    /// Explorer shards whose published run did not load.
    Unavailable,
}

/// Flags per fiscal year and, per row of the store, whether it has any.
pub struct FlagState {
    /// Shared with the loaded data when it is the published run: a settings change back to the defaults does
    /// not copy it.
    pub by_year: Arc<ByYear>,
    pub mask: Vec<bool>,
    pub run: FlagRun,
}

impl FlagState {
    /// Per row, whether it has a signal, when a run covers the rows: not while one is fetched or unavailable,
    /// where "no signal" would read as a clean record.
    pub fn usable_mask(&self) -> Option<&[bool]> {
        matches!(self.run, FlagRun::Published | FlagRun::InBrowser { .. }).then_some(self.mask.as_slice())
    }
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
    progress: RwSignal<Progress>,
    stop: RwSignal<bool>,
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
    // A province is part of everything: once everything is loading or loaded, it serves.
    let found = src.made.with_value(|m| {
        m.get(scope).copied().or_else(|| matches!(scope, Scope::Province(_)).then(|| m.get(&Scope::All).copied()).flatten())
    });
    if let Some(made) = found {
        return made;
    }
    let Source { owner, catalog, folder, made } = src;
    let one_organisation = matches!(scope, Scope::Org(_));
    let key = scope.clone();
    let scope = scope.clone();
    let pair = owner.with(|| {
        let progress = RwSignal::new(Progress::default());
        let stop = RwSignal::new(false);
        let peers = peer_groups(&catalog.organisations);
        let wanted: Vec<Dataset> = crate::query::load::wanted(&catalog, scope.want()).into_iter().cloned().collect();
        let from_shards = wanted.iter().any(|d| d.kind == crate::domain::catalog::DatasetKind::Rows);
        let resource = {
            let catalog = catalog.clone();
            LocalResource::new(move || load_procurement(catalog.clone(), wanted.clone(), folder, progress, stop))
        };
        let settings = use_view().select(|s| s.flag_settings.clone());
        // Shards carry columns, not releases: flags with the reader's own settings need the full records,
        // fetched only when the settings differ from those of the published run.
        let needs_records = Memo::new(move |_| from_shards && !settings.with(BTreeMap::is_empty));
        let records = {
            let (catalog, scope) = (catalog.clone(), scope.clone());
            LocalResource::new(move || {
                // Listed only once needed: the default settings never read the full records.
                let files: Option<Vec<Dataset>> = needs_records
                    .get()
                    .then(|| crate::query::load::records(&catalog, scope.want()).into_iter().cloned().collect());
                let catalog = catalog.clone();
                async move {
                    let files = files?;
                    let (progress, stop) = (RwSignal::new(Progress::default()), RwSignal::new(false));
                    Some(load_procurement(catalog, files, folder, progress, stop).await)
                }
            })
        };
        let flags = Memo::new(move |_| {
            let loaded = resource.get();
            let empty = Store::default();
            let store = loaded.as_ref().map_or(&empty, |d| &d.store);
            let published = loaded.as_ref().and_then(|d| d.precomputed.as_ref());
            let state = match published {
                // The published run used the default settings: it stands only while the reader keeps them.
                Some(by_year) if settings.with(BTreeMap::is_empty) => {
                    let by_year = by_year.clone();
                    let mask = loaded.as_ref().and_then(|d| d.published_mask.clone()).unwrap_or_else(|| by_year.mask(store));
                    FlagState { by_year, mask, run: FlagRun::Published }
                }
                // Without its published run (the flags file failed or the load was stopped before it), a view of
                // shards says so rather than fetch every full record for the default settings.
                None if from_shards && settings.with(BTreeMap::is_empty) => {
                    FlagState { by_year: Arc::default(), mask: vec![false; store.len()], run: FlagRun::Unavailable }
                }
                _ if from_shards => match records.get().flatten() {
                    Some(full) => {
                        let by_year = Arc::new(settings.with(|s| ByYear::run(s, &full.store, &peers))?);
                        let mask = by_year.mask(store);
                        FlagState { by_year, mask, run: FlagRun::InBrowser { one_organisation } }
                    }
                    None => {
                        // Checked now, so that a refused setting says so without waiting for the records.
                        settings.with(|s| crate::query::flags::Engine::with_overrides(s).map(drop))?;
                        FlagState { by_year: Arc::default(), mask: vec![false; store.len()], run: FlagRun::Fetching }
                    }
                },
                _ => {
                    let by_year = Arc::new(settings.with(|s| ByYear::run(s, store, &peers))?);
                    let mask = by_year.mask(store);
                    FlagState { by_year, mask, run: FlagRun::InBrowser { one_organisation } }
                }
            };
            Ok(Arc::new(state))
        });
        Made { procurement: Procurement(resource), flags: Flags(flags), progress, stop }
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
    let (progress, stop) = (made.progress, made.stop);
    let fallback = move || {
        let of = move |done: u64, total: u64| {
            if total > 0 {
                format!("{} / {}", format::megabytes(done), format::megabytes(total))
            } else {
                format::megabytes(done)
            }
        };
        view! {
            <div class="loading" role="status" data-testid="loading">
                <p>
                    {move || t(lang.get(), Key::LoadingDatasets)} " "
                    <span data-testid="loading-files">{move || progress.get().files} " / " {move || progress.get().of_files}</span>
                    " · " <span data-testid="loading-bytes">{move || { let p = progress.get(); of(p.bytes, p.of_bytes) }}</span>
                    " · " <span data-testid="loading-rows">{move || format::count(progress.get().rows as u64)}</span> " " {move || t(lang.get(), Key::Processes)}
                </p>
                <progress max=move || progress.get().of_files.max(1) value=move || progress.get().files></progress>
                <Show when=move || { let p = progress.get(); p.of_files > 1 && p.files < p.of_files }>
                    <button type="button" data-testid="loading-stop" disabled=move || stop.get() on:click=move |_| stop.set(true)>
                        {move || t(lang.get(), Key::StopLoading)}
                    </button>
                </Show>
            </div>
        }
    };
    view! {
        <Transition fallback=fallback>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let data = data.await;
                    let stopped = data.stopped.map(|(done, total)| {
                        view! {
                            <p class="notice" role="note" data-testid="load-stopped">
                                {move || t(lang.get(), Key::LoadStopped)} " " {done} " / " {total} " · "
                                {format::count(data.store.len() as u64)} " " {move || t(lang.get(), Key::Processes)}
                            </p>
                        }
                    });
                    view! { {stopped} {render(data)} }
                })
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
