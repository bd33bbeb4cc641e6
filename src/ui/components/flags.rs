//! A list of risk signals with their titles, values and links to their methodology.
use leptos::prelude::*;

use crate::query::flags::{Codes, NOT_PROOF};
use crate::ui::components::link::ViewLink;
use crate::ui::i18n::{t, Key};
use crate::ui::state::use_view;
use crate::ui::url_state::{Page, ViewState};

#[component]
pub fn SignalList(codes: Codes, title: Key, #[prop(optional)] year: Option<i32>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let empty = codes.is_empty();
    let items = codes
        .into_iter()
        .map(|(code, value)| {
            let to = Signal::derive(move || ViewState { page: Page::Flags, flag: Some(code), ..view.get() });
            let a = code.spec();
            view! {
                <li>
                    <ViewLink to=to class="flag-badge">{code.as_str()}</ViewLink> " "
                    <strong>{move || a.title.get(lang.get())}</strong>
                    " (" {format!("{value:.4}").trim_end_matches('0').trim_end_matches('.').to_string()} "): "
                    {move || a.measures.get(lang.get())}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="signals" data-testid="signal-list">
            <h3>
                {move || t(lang.get(), title)}
                {move || year.map(|y| format!(" · {} {}", t(lang.get(), Key::FiscalYear), crate::ui::format::fiscal_year(lang.get(), y)))}
            </h3>
            <p class="not-proof">{move || NOT_PROOF.get(lang.get())}</p>
            {if empty { view! { <p>{move || t(lang.get(), Key::NoSignals)}</p> }.into_any() } else { view! { <ul>{items}</ul> }.into_any() }}
        </section>
    }
}
