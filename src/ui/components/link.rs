use leptos::prelude::*;

use crate::ui::state::use_view;
use crate::ui::url_state::ViewState;

/// A real link to another view (it opens in a new tab, can be copied), handled in place on a plain click.
/// `to` is often derived from state owned by the page around the link; when navigation replaces that page,
/// the link's last update may come after its target was disposed, so it reads with `try_`.
#[component]
pub fn ViewLink(#[prop(into)] to: Signal<ViewState>, children: Children, #[prop(optional, into)] class: String) -> impl IntoView {
    let view = use_view();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key() {
            ev.prevent_default();
            if let Some(next) = to.try_get() {
                view.navigate(next);
            }
        }
    };
    view! { <a class=class href=move || to.try_with(ViewState::to_query).unwrap_or_default() on:click=on_click>{children()}</a> }
}
