//! A page of the app under its own view of the state (see `state::View::for_route`), which moves focus to
//! its heading when the reader arrived by following a link, so a screen reader starts at the new page.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::state::use_view;
use crate::ui::url_state::Route;

#[component]
pub fn RoutePage(route: Route, children: Children) -> impl IntoView {
    let root = use_view();
    let page = root.for_route(route);
    provide_context(page);
    if root.navigated() {
        // After the page has painted: its heading exists then.
        request_animation_frame(|| {
            let heading = document().query_selector("main h1").ok().flatten();
            if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = h.set_attribute("tabindex", "-1");
                let _ = h.focus();
            }
        });
    }
    children()
}
