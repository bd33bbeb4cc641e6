//! Embedding: the `<iframe>` code of a view or of one chart (`embed=1`, `chart=`), and the source line an
//! embedded view carries wherever it is put: publisher, data, date, "demonstration data" where synthetic, and a
//! link back to the full, live view.
use leptos::prelude::*;

use crate::domain::catalog::SYNTHETIC_NOTE;
use crate::domain::codes::Code;
use crate::ui::i18n::{t, Key};
use crate::ui::state::{use_catalog, use_view};
use crate::ui::url_state::ViewState;

/// The page's own address without its query: an embed works wherever the app is hosted, under any sub-path.
fn here() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Escapes a value for an HTML attribute: the snippet is pasted into someone else's page.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The `<iframe>` for `state` embedded (one chart of it when `chart` names one).
pub fn iframe(state: &ViewState, chart: Option<&str>, title: &str) -> String {
    let src = format!("{}{}", here(), state.embedded(chart).to_query());
    let height = if chart.is_some() { 520 } else { 720 };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0\" loading=\"lazy\"></iframe>",
        attribute(&src),
        attribute(title)
    )
}

/// A button that copies the embed code of the view (or of `chart`), and shows it for copying by hand.
#[component]
pub fn EmbedCode(#[prop(optional, into)] chart: Option<Signal<String>>, #[prop(into)] title: Signal<String>) -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let code = RwSignal::new(None::<String>);
    let on_click = move |_| {
        let snippet = iframe(&view.get_untracked(), chart.map(|c| c.get_untracked()).as_deref(), &title.get_untracked());
        // The clipboard may be refused (no permission, an old browser): the code is shown to copy by hand.
        let _ = window().navigator().clipboard().write_text(&snippet);
        code.set(Some(snippet));
    };
    view! {
        <button type="button" class="embed-code" data-testid="embed-code" on:click=on_click>{move || t(lang.get(), Key::CopyEmbedCode)}</button>
        {move || code.get().map(|c| view! {
            <label class="embed-snippet">
                <span>{t(lang.get(), Key::EmbedCodeCopied)}</span>
                <textarea readonly rows="3" data-testid="embed-snippet">{c}</textarea>
            </label>
        })}
    }
}

/// What an embedded view says under it, and its way back to the full view.
#[component]
pub fn EmbedSource() -> impl IntoView {
    let view = use_view();
    let lang = view.lang();
    let catalog = use_catalog().0;
    let publisher = catalog.publisher.name.clone();
    let latest = catalog.datasets.iter().filter_map(|d| d.published).max();
    let synthetic = catalog.has_synthetic();
    let source = view.select(|s| s.data);
    let live = Signal::derive(move || view.with(ViewState::live).to_query());
    view! {
        <p class="embed-source" data-testid="embed-source">
            {move || {
                let l = lang.get();
                let mut parts = vec![format!("{}: {}", t(l, Key::Source), publisher.get(l)), source.get().label().get(l).to_string()];
                parts.extend(latest.map(|d| format!("{} {}", t(l, Key::PublishedOn), crate::ui::format::date(l, d))));
                parts.join(" · ")
            }}
            {move || synthetic.then(|| view! { " · " <strong>{SYNTHETIC_NOTE.get(lang.get())}</strong> })}
            " · "
            <a href=live target="_blank" rel="noopener" data-testid="view-live">{move || t(lang.get(), Key::ViewLiveData)}</a>
        </p>
    }
}
