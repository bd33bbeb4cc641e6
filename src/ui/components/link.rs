use leptos::prelude::*;

use crate::ui::state::use_view;
use crate::ui::url_state::ViewState;

/// A real link to another view (it opens in a new tab, can be copied), handled in place on a plain click.
#[component]
pub fn ViewLink(#[prop(into)] to: Signal<ViewState>, children: Children, #[prop(optional, into)] class: String) -> impl IntoView {
    let view = use_view();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key() {
            ev.prevent_default();
            view.navigate(to.get());
        }
    };
    view! { <a class=class href=move || to.with(ViewState::to_query) on:click=on_click>{children()}</a> }
}
