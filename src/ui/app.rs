//! The shell of the app: header and navigation, the catalog's loading, and which page shows.
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::Catalog;
use crate::domain::codes::Code;
use crate::domain::lang::Lang;
use crate::ui::components::error_panel::ErrorPanel;
use crate::ui::components::link::ViewLink;
use crate::ui::components::notice::IgnoredNotice;
use crate::ui::fetch::{fetch_bytes, fetch_verified, LoadError};
use crate::ui::i18n::{t, Key};
use crate::ui::pages::check::CheckPage;
use crate::ui::pages::explorer::Explorer;
use crate::ui::pages::flags::FlagsPage;
use crate::ui::state::{provide_view, use_view, LoadedCatalog};
use crate::ui::url_state::{DataSource, Page, ViewState};

/// The catalog of a data source, relative to index.html.
pub fn catalog_url(source: DataSource) -> String {
    format!("{}catalog.json", source.folder())
}

/// Parts of a split catalog fetched at once.
const PARTS_IN_FLIGHT: usize = 4;

/// The catalog, with its parts when a country's is cut per province (`publish::split`): each part is checked
/// against the SHA-256 the catalog lists and read in its own task, so no task parses a whole country.
async fn load_catalog(source: DataSource) -> Result<Arc<Catalog>, LoadError> {
    use futures::StreamExt;
    let url = catalog_url(source);
    let bytes = fetch_bytes(&url).await?;
    let parsed = crate::ingest::catalog::parse(&url, &bytes);
    let mut catalog = parsed.values.ok_or(LoadError::Invalid { url, issues: parsed.issues })?;
    let folder = source.folder();
    let parts = std::mem::take(&mut catalog.parts);
    let mut arriving = futures::stream::iter(parts.iter().map(|p| async move {
        let url = format!("{folder}{}", p.url);
        let bytes = fetch_verified(&url, Some(&p.sha256)).await;
        (url, bytes)
    }))
    .buffered(PARTS_IN_FLIGHT);
    while let Some((url, bytes)) = arriving.next().await {
        let parsed = crate::ingest::catalog::parse(&url, &bytes?);
        catalog.absorb(parsed.values.ok_or(LoadError::Invalid { url, issues: parsed.issues })?);
        // Parts that arrived together would otherwise be read in one task (futures resume as microtasks).
        crate::ui::fetch::next_tick().await;
    }
    drop(arriving);
    catalog.parts = parts;
    Ok(Arc::new(catalog))
}

#[component]
pub fn App() -> impl IntoView {
    let view = provide_view();
    let lang = view.lang();
    // The document's language and title follow the view (talking to the outside world only).
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(doc) = window().document() {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", l.code());
            }
            doc.set_title(&format!("{} · {}", t(l, Key::AppName), t(Lang::En, Key::AppName)));
        }
    });
    // An embedded view is the view alone (`style/embed.css` keys on these classes).
    let embed = view.select(|s| (s.embed, s.embed && s.chart.is_some()));
    Effect::new(move |_| {
        let (whole, chart) = embed.get();
        if let Some(root) = window().document().and_then(|d| d.document_element()) {
            let classes = root.class_list();
            let _ = classes.toggle_with_force("embed", whole);
            let _ = classes.toggle_with_force("embed-chart", chart);
        }
    });
    let source = view.select(|s| s.data);
    let catalog = LocalResource::new(move || load_catalog(source.get()));
    let page = view.select(|s| s.page);
    let other_lang = Signal::derive(move || view.with(|s| s.with_lang(s.lang.other())));
    let to_check = Signal::derive(move || ViewState { page: Page::Check, org: None, ..view.get() }.refined());
    let to_flags = Signal::derive(move || ViewState { page: Page::Flags, ..view.get() }.refined());
    let to_compare = Signal::derive(move || {
        ViewState { page: Page::Compare, org: None, process: None, supplier: None, ..view.get() }.refined()
    });
    let to_home = Signal::derive(move || view.with(|s| ViewState { lang: s.lang, data: s.data, ..ViewState::default() }));
    // The other catalog, from its home page: codes of one need not exist in the other.
    let other_data = move || view.with(|s| if s.data == DataSource::Real { DataSource::Demo } else { DataSource::Real });
    let to_other_data =
        Signal::derive(move || view.with(|s| ViewState { lang: s.lang, data: other_data(), ..ViewState::default() }));
    view! {
        <header class="site-header">
            <ViewLink to=to_home class="brand">
                <span class="brand-name">{move || t(lang.get(), Key::AppName)}</span>
            </ViewLink>
            <p class="tagline">{move || t(lang.get(), Key::Tagline)}</p>
            <nav class="top-nav">
                <ViewLink to=to_compare>{move || Page::Compare.label().get(lang.get())}</ViewLink>
                <ViewLink to=to_flags current=false>{move || Page::Flags.label().get(lang.get())}</ViewLink>
                <ViewLink to=to_check>{move || Page::Check.label().get(lang.get())}</ViewLink>
                <ViewLink to=to_other_data>
                    <span data-testid="data-switch">{move || other_data().label().get(lang.get())}</span>
                </ViewLink>
                <ViewLink to=other_lang class="lang-switch">
                    <span data-testid="lang-switch">{move || t(lang.get(), Key::SwitchLanguage)}</span>
                </ViewLink>
            </nav>
        </header>
        <main>
            <IgnoredNotice />
            {move || match page.get() {
                Page::Check => view! { <CheckPage /> }.into_any(),
                Page::Flags => view! { <FlagsPage /> }.into_any(),
                Page::Completeness => view! { <crate::ui::pages::completeness::CompletenessPage /> }.into_any(),
                Page::Explorer | Page::Compare => view! {
                    <Transition fallback=move || view! { <p class="loading">{move || t(lang.get(), Key::Loading)}</p> }>
                        {move || Suspend::new(async move {
                            match catalog.await {
                                Ok(c) => view! { <CatalogLoaded catalog=c /> }.into_any(),
                                Err(e) => view! { <ErrorPanel title=Key::ErrorCatalogTitle error=e lang=lang /> }.into_any(),
                            }
                        })}
                    </Transition>
                }
                .into_any(),
            }}
        </main>
    }
}

#[component]
fn CatalogLoaded(catalog: Arc<Catalog>) -> impl IntoView {
    use_view().know_catalog(catalog.clone());
    provide_context(LoadedCatalog(catalog));
    view! { <Explorer /> }
}
