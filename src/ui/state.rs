//! Typed contexts: the URL-backed view state and the loaded catalog.
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::domain::catalog::Catalog;
use crate::domain::issue::Lang;
use crate::ui::url_state::ViewState;

/// The view state, mirrored in the URL. Changing it pushes a history entry; Back restores the previous one.
/// Components read the parts they need through `select` (or `lang`), so that a change elsewhere in the
/// state does not re-run them — in particular not while a page is being replaced.
#[derive(Clone, Copy)]
pub struct View(pub RwSignal<ViewState>, Memo<Lang>);

pub fn use_view() -> View {
    expect_context::<View>()
}

impl View {
    pub fn get(&self) -> ViewState {
        self.0.get()
    }

    /// The state now, without subscribing (for links built inside lists that re-render anyway).
    pub fn get_untracked(&self) -> ViewState {
        self.0.get_untracked()
    }

    pub fn lang(&self) -> Signal<Lang> {
        self.1.into()
    }

    /// A memo of one part of the state: it notifies only when that part changes.
    pub fn select<T>(&self, part: impl Fn(&ViewState) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Clone + Send + Sync + 'static,
    {
        let state = self.0;
        Memo::new(move |_| state.with(&part))
    }

    /// Moves to another view: a new history entry with its query string, then the new state.
    pub fn navigate(&self, next: ViewState) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next.to_query()));
        }
        self.apply(next);
    }

    /// Sets the state. A move to another page that also changes filters goes in two steps: first the page,
    /// then, once the old page is gone, the rest. In one step the old page's effects would react to the new
    /// filters while it is being removed, and read values already disposed.
    fn apply(&self, next: ViewState) {
        let state = self.0;
        let now = state.get_untracked();
        let step = now.on_page_of(&next);
        if now.same_page(&next) || step == next {
            state.set(next);
            return;
        }
        state.set(step);
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            state.set(next);
        });
    }
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Creates the view context from the address bar and keeps it in step with Back and Forward.
pub fn provide_view() -> View {
    let state = RwSignal::new(ViewState::from_query(&current_query()));
    let view = View(state, Memo::new(move |_| state.with(|s| s.lang)));
    let on_pop = Closure::<dyn Fn()>::new(move || view.apply(ViewState::from_query(&current_query())));
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
