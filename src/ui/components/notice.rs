//! What the page says about the address itself: values in the URL that named nothing and were dropped.
use leptos::prelude::*;

use crate::ui::i18n::{t, Key};
use crate::ui::state::use_view;

#[component]
pub fn IgnoredNotice() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let ignored = view.select(|s| s.ignored.clone());
    move || {
        let list = ignored.get();
        (!list.is_empty()).then(|| {
            let l = lang.get();
            let items = list
                .into_iter()
                .map(|i| view! { <li>{t(l, Key::IgnoredValue)} " " <q>{i.value}</q> " (" <code>{i.param}</code> ")"</li> })
                .collect_view();
            view! { <div class="notice" role="status" data-testid="ignored-notice"><ul>{items}</ul></div> }
        })
    }
}
