//! Links between views: real links (they open in a new tab and can be copied), handled in place on a plain
//! click.
use leptos::prelude::*;

use crate::ui::state::use_view;
use crate::ui::url_state::ViewState;

/// A link to `to`. `label` names it for screen readers where its text is a symbol (« ‹ › »); `current` marks
/// the link to the view already shown.
#[component]
pub fn ViewLink(
    #[prop(into)] to: Signal<ViewState>,
    children: Children,
    #[prop(optional, into)] class: String,
    #[prop(optional_no_strip)] label: Option<&'static str>,
    #[prop(optional)] current: bool,
) -> impl IntoView {
    let view = use_view();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key() {
            ev.prevent_default();
            if let Some(next) = to.try_get() {
                view.navigate(next);
            }
        }
    };
    view! {
        <a class=class href=move || to.try_with(ViewState::to_query).unwrap_or_default() on:click=on_click
            aria-label=label aria-current=current.then_some("page")>{children()}</a>
    }
}
