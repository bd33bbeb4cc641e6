//! Typed contexts: the URL-backed view state and the loaded catalog.
//!
//! The state lives in one signal, mirrored in the URL. Each page reads it through its own `View`, made for the
//! page's route (`View::for_route`): that view follows the state only while the route still shows the page.
//! So when one link changes both the page and the filters, the old page sees nothing change while it is
//! removed (no effect of it runs on a state it was not made for), and the new page starts from the new state.
//! Leptos's router is not used: every view is `index.html?…`, and its routes match paths, not queries (see
//! docs/ARCHITECTURE.md).
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::Catalog;
use crate::domain::lang::Lang;
use crate::ui::url_state::{Route, ViewState};

/// A page's view of the state, and the way to change it.
#[derive(Clone, Copy)]
pub struct View {
    /// The state itself, shared by every view.
    nav: RwSignal<ViewState>,
    /// What this view shows: the state, as long as the route is this view's.
    state: Memo<ViewState>,
    lang: Memo<Lang>,
    /// The catalog once loaded: values in a URL are checked against it.
    catalog: StoredValue<Option<Arc<Catalog>>>,
    /// Whether the reader has moved since the page opened (focus follows a move, not the first load).
    moved: StoredValue<bool>,
}

pub fn use_view() -> View {
    expect_context::<View>()
}

impl View {
    /// The root view over `initial` (every route).
    pub fn new(initial: ViewState) -> View {
        let nav = RwSignal::new(initial);
        let state = Memo::new(move |_| nav.get());
        let lang = Memo::new(move |_| nav.with(|s| s.lang));
        View { nav, state, lang, catalog: StoredValue::new(None), moved: StoredValue::new(false) }
    }

    /// A view for the page of `route`: it keeps its last state once the route moves elsewhere.
    pub fn for_route(&self, route: Route) -> View {
        let nav = self.nav;
        let state = Memo::new(move |previous: Option<&ViewState>| {
            let now = nav.get();
            match previous {
                Some(previous) if now.route() != route => previous.clone(),
                _ => now,
            }
        });
        View { state, ..*self }
    }

    pub fn get(&self) -> ViewState {
        self.state.get()
    }

    /// The state now, without subscribing (for links built inside lists that re-render anyway).
    pub fn get_untracked(&self) -> ViewState {
        self.state.get_untracked()
    }

    pub fn with<T>(&self, f: impl FnOnce(&ViewState) -> T) -> T {
        self.state.with(f)
    }

    pub fn lang(&self) -> Signal<Lang> {
        self.lang.into()
    }

    /// A memo of one part of the state: it notifies only when that part changes.
    pub fn select<T>(&self, part: impl Fn(&ViewState) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Clone + Send + Sync + 'static,
    {
        let state = self.state;
        Memo::new(move |_| state.with(&part))
    }

    /// Moves to another view: a new history entry with its query string, then the new state.
    pub fn navigate(&self, next: ViewState) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next.to_query()));
        }
        self.moved.set_value(true);
        self.set(next);
    }

    /// Whether the reader has followed a link or gone Back since the page opened.
    pub fn navigated(&self) -> bool {
        self.moved.get_value()
    }

    /// Sets the state, checked against the catalog when it has loaded.
    pub fn set(&self, next: ViewState) {
        let next = match self.catalog.get_value() {
            Some(catalog) => next.resolved(&catalog),
            None => next,
        };
        self.nav.set(next);
    }

    /// Gives the view the catalog, and checks the current state against it.
    pub fn know_catalog(&self, catalog: Arc<Catalog>) {
        self.catalog.set_value(Some(catalog));
        self.set(self.nav.get_untracked());
    }
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Creates the view context from the address bar and keeps it in step with Back and Forward.
pub fn provide_view() -> View {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let view = View::new(ViewState::from_query(&current_query()));
    let on_pop = Closure::<dyn Fn()>::new(move || {
        view.moved.set_value(true);
        view.set(ViewState::from_query(&current_query()))
    });
    let _ = window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_pop.forget();
    provide_context(view);
    view
}

/// The catalog, once loaded.
#[derive(Clone)]
pub struct LoadedCatalog(pub Arc<Catalog>);

pub fn use_catalog() -> LoadedCatalog {
    expect_context::<LoadedCatalog>()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::domain::codes::Method;

    #[test]
    fn a_page_does_not_see_the_state_it_is_being_replaced_for() {
        let owner = Owner::new();
        owner.with(|| {
            let root = View::new(ViewState::from_query("?org=6200101&method=limited"));
            let page = root.for_route(root.get_untracked().route());
            let runs = Arc::new(AtomicUsize::new(0));
            let counted = runs.clone();
            let methods = page.select(move |s| {
                counted.fetch_add(1, Ordering::SeqCst);
                s.filter.methods.clone()
            });
            assert_eq!(methods.get(), [Method::Limited].into());
            // A filter change on the same page reaches it.
            root.nav.set(ViewState::from_query("?org=6200101&method=open"));
            assert_eq!(methods.get(), [Method::Open].into());
            let before = runs.load(Ordering::SeqCst);
            // One move to another page that also clears the filters: the old page keeps what it had.
            root.nav.set(ViewState::default());
            assert_eq!(methods.get(), [Method::Open].into());
            assert_eq!(page.get().org.as_deref(), Some("6200101"));
            assert_eq!(runs.load(Ordering::SeqCst), before, "the old page's memo did not run again");
            // The root, and a page made for the new route, see the new state.
            assert_eq!(root.get(), ViewState::default());
            let home = root.for_route(ViewState::default().route());
            assert!(home.get().filter.methods.is_empty());
        });
    }

    #[test]
    fn the_route_memo_switches_pages_only_when_the_route_changes() {
        let owner = Owner::new();
        owner.with(|| {
            let root = View::new(ViewState::default());
            let runs = Arc::new(AtomicUsize::new(0));
            let counted = runs.clone();
            let route = root.select(move |s| {
                counted.fetch_add(1, Ordering::SeqCst);
                s.route()
            });
            let switched = Memo::new(move |_| format!("{:?}", route.get().org));
            assert_eq!(switched.get(), "None");
            root.nav.set(ViewState::from_query("?q=ถนน"));
            assert_eq!(switched.get(), "None");
            root.nav.set(ViewState::from_query("?org=6200101&q=ถนน"));
            assert_eq!(switched.get(), "Some(\"6200101\")");
            assert_eq!(runs.load(Ordering::SeqCst), 3);
        });
    }

    #[test]
    fn values_the_catalog_does_not_know_are_dropped_once_it_loads() {
        let owner = Owner::new();
        owner.with(|| {
            let root = View::new(ViewState::from_query("?tab=procurement&province=ไม่มีจังหวัดนี้"));
            assert_eq!(root.get().active_filters(), 1);
            root.know_catalog(Arc::new(crate::ui::facets::tests::catalog()));
            let s = root.get();
            assert_eq!((s.active_filters(), s.ignored.len()), (0, 1));
        });
    }
}
