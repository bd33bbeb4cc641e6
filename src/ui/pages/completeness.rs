//! How the data completeness score is made: the expected datasets, the procurement fields counted, the
//! formula and its limits, all from `query::completeness`, so that the page and the score cannot disagree.
use leptos::prelude::*;

use crate::domain::codes::Code;
use crate::query::completeness::{DATASETS, FIELDS, METHOD};
use crate::ui::state::use_view;
use crate::ui::url_state::Page;

#[component]
pub fn CompletenessPage() -> impl IntoView {
    let lang = use_view().lang();
    let list = |items: &'static [crate::domain::lang::Tr]| {
        view! { <ol>{items.iter().map(|i| view! { <li>{move || i.get(lang.get())}</li> }).collect_view()}</ol> }
    };
    view! {
        <section class="methodology" data-testid="completeness-method">
            <h1>{move || Page::Completeness.label().get(lang.get())}</h1>
            <p>{move || METHOD[0].get(lang.get())}</p>
            <h2>{move || crate::ui::i18n::t(lang.get(), crate::ui::i18n::Key::ExpectedDatasets)}</h2>
            {list(&DATASETS)}
            <h2>{move || crate::ui::i18n::t(lang.get(), crate::ui::i18n::Key::FieldsCounted)}</h2>
            {list(&FIELDS)}
            {METHOD[1..].iter().map(|p| view! { <p>{move || p.get(lang.get())}</p> }).collect_view()}
        </section>
    }
}
